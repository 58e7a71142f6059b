/** fr: what a WhatsApp error code means and what to do (keys: ../en/errors.ts). */
import type { Catalogue } from '../shape';

export const errors: Pick<Catalogue, 'errors'> = {
  errors: {
    whatsapp: {
      e131047: {
        meaning: 'plus de 24 heures ont passé depuis le dernier message du client, les réponses libres ne sont donc pas autorisées',
        action: 'envoyez un template approuvé avec `/wa template <phone> <template>`',
      },
      e131026: {
        meaning:
          'le message n’a pas pu être remis : le numéro n’est peut-être pas sur WhatsApp, utilise une ancienne application ou n’a pas accepté les conditions',
        action: 'vérifiez le numéro avec le client, ou joignez-le autrement',
      },
      e131049: {
        meaning: 'Meta a retenu ce message marketing pour préserver l’engagement (limite marketing par utilisateur)',
        action: 'attendez au moins 24 heures avant d’envoyer à ce client un autre template marketing',
      },
      e131050: {
        meaning: 'le client a arrêté les messages marketing de cette entreprise',
        action: 'n’envoyez pas de templates marketing à ce client',
      },
      e131051: {
        meaning: 'ce type de message n’est pas pris en charge',
        action: 'envoyez du texte ou un type de média pris en charge',
      },
      e131052: {
        meaning: 'WhatsApp n’a pas pu télécharger le média du client',
        action: 'demandez au client de renvoyer le fichier',
      },
      e131053: {
        meaning: 'le média n’a pas pu être envoyé (type non pris en charge ou incohérent)',
        action: 'envoyez un type de fichier que WhatsApp accepte',
      },
      e131021: {
        meaning: 'le destinataire est le numéro de l’entreprise lui-même',
        action: 'envoyez au numéro du client',
      },
      e131009: {
        meaning: 'la valeur d’un paramètre n’est pas valide',
        action: 'vérifiez le numéro de téléphone et le message',
      },
      e131000: {
        meaning: 'WhatsApp a rencontré une erreur inconnue',
        action: 'rien : le bridge réessaie',
      },
      e131056: {
        meaning: 'trop de messages à ce client en peu de temps (limite par paire)',
        action: 'rien : le bridge réessaie avec des délais croissants',
      },
      e132000: {
        meaning: 'le nombre de paramètres ne correspond pas au template',
        action: 'donnez une valeur par variable (voir `/wa templates`)',
      },
      e132001: {
        meaning: 'le template n’existe pas, ou pas dans cette langue, ou n’est pas approuvé',
        action: 'vérifiez le nom et la langue avec `/wa templates`',
      },
      e130472: {
        meaning: 'le numéro du client fait partie d’une expérience de Meta et ne peut pas recevoir ce message',
        action: 'joignez le client autrement',
      },
      e130497: {
        meaning: 'ce compte ne peut pas écrire aux utilisateurs du pays du client',
        action: 'joignez le client autrement',
      },
      e131048: {
        meaning: 'le numéro a été limité car trop de messages ont été signalés comme spam',
        action: 'vérifiez la note de qualité du numéro dans WhatsApp Manager',
      },
      e0: { meaning: 'WhatsApp n’a pas pu authentifier l’application', action: 'renouvelez WHATSAPP_ACCESS_TOKEN et redémarrez le bridge' },
      e1: {
        meaning: 'l’API Graph a refusé la requête ou a rencontré une erreur interne',
        action: 'consultez la page d’état de Meta ; le bridge ne réessaiera pas cet envoi',
      },
      e2: { meaning: 'WhatsApp est temporairement indisponible ou surchargé', action: 'rien : le bridge réessaie' },
      e3: {
        meaning: 'l’application n’a pas la fonctionnalité ou l’autorisation nécessaire pour cet appel',
        action: 'vérifiez les autorisations WhatsApp de l’application dans le tableau de bord des applications de Meta',
      },
      e4: { meaning: 'l’application a atteint la limite d’appels à l’API de Meta', action: 'rien : le bridge réessaie plus tard' },
      e10: { meaning: 'autorisation refusée pour ce numéro', action: 'donnez à l’utilisateur système du jeton l’accès au compte WhatsApp' },
      e100: {
        meaning: 'un paramètre n’était pas valide',
        action:
          'vérifiez le message ; si chaque appel échoue avec 100, le jeton appartient à un utilisateur système Employé : générez-en un pour un utilisateur système Admin (`npm run doctor` l’indique)',
      },
      e190: {
        meaning: 'le jeton d’accès WhatsApp a expiré ou a été révoqué',
        action: 'créez un nouveau jeton (le jeton d’un utilisateur système n’expire pas), définissez WHATSAPP_ACCESS_TOKEN et redémarrez',
      },
      e368: {
        meaning: 'le compte est temporairement bloqué pour non-respect des règles',
        action: 'consultez l’Assistance Business (Business Support Home) dans Meta Business Suite',
      },
      e80007: { meaning: 'le compte WhatsApp a atteint sa limite de débit', action: 'rien : le bridge réessaie plus tard' },
      e130429: {
        meaning: 'le débit d’envoi de messages du numéro a été atteint',
        action: 'rien : le bridge réessaie avec des délais croissants',
      },
      e131005: { meaning: 'accès refusé', action: 'vérifiez les autorisations du jeton (whatsapp_business_messaging)' },
      e131008: { meaning: 'un paramètre obligatoire est manquant', action: 'signalez-le aux mainteneurs du bridge' },
      e131016: { meaning: 'le service WhatsApp est temporairement indisponible', action: 'rien : le bridge réessaie' },
      e131030: {
        meaning: 'le numéro du client n’est pas dans la liste de test : l’application n’est pas en mode Live (ou le numéro est un numéro de test)',
        action:
          'passez l’application en mode Live dans le tableau de bord des applications, ou ajoutez le numéro à la liste de test (WhatsApp → API Setup → To)',
      },
      e131031: {
        meaning: 'le compte professionnel est verrouillé ou restreint',
        action: 'consultez l’Assistance Business (Business Support Home) dans Meta Business Suite',
      },
      e131042: { meaning: 'il y a un problème avec le moyen de paiement du compte', action: 'réglez la facturation dans WhatsApp Manager' },
      e131045: { meaning: 'le numéro professionnel n’est pas enregistré correctement', action: 'enregistrez à nouveau le numéro dans WhatsApp Manager' },
      e131057: {
        meaning: 'le compte est en mode maintenance (augmentation du débit)',
        action: 'rien : le bridge réessaie dans une minute',
      },
      e132005: { meaning: 'le texte du template est trop long une fois complété', action: 'utilisez des valeurs de paramètres plus courtes' },
      e132007: { meaning: 'le template enfreint les règles de WhatsApp', action: 'modifiez le template dans WhatsApp Manager' },
      e132012: { meaning: 'un paramètre du template n’a pas le bon format', action: 'vérifiez chaque valeur par rapport au template' },
      e132015: {
        meaning: 'le template est en pause en raison d’une qualité insuffisante',
        action: 'utilisez un autre template ou modifiez celui-ci dans WhatsApp Manager',
      },
      e132016: { meaning: 'le template a été désactivé définitivement', action: 'utilisez un autre template' },
      e132018: { meaning: 'un paramètre du template n’a pas passé la validation', action: 'vérifiez chaque valeur par rapport au template' },
      e133010: { meaning: 'le numéro professionnel n’est pas enregistré sur la Cloud API', action: 'enregistrez le numéro dans WhatsApp Manager' },
    },
    whatsappOther: {
      unknown: { meaning: '{{detail}}', action: 'consultez la référence des codes d’erreur de Meta pour ce code' },
      httpPassing: { meaning: 'l’API Graph a répondu HTTP {{detail}}', action: 'rien : le bridge réessaie' },
      httpRefused: {
        meaning: 'l’API Graph a répondu HTTP {{detail}}',
        action: 'vérifiez GRAPH_API_URL, GRAPH_API_VERSION et WHATSAPP_PHONE_NUMBER_ID',
      },
    },
    slack: {
      channel_not_found: {
        meaning: 'le canal Slack n’existe pas ou le bot ne le voit pas',
        action: 'vérifiez SLACK_CHANNEL_ID et invitez le bot dans le canal',
      },
      not_in_channel: {
        meaning: 'le bot n’est pas membre du canal Slack',
        action: 'invitez le bot dans le canal (/invite @bot)',
      },
      is_archived: {
        meaning: 'le canal Slack est archivé',
        action: 'désarchivez-le ou dirigez le numéro vers un autre canal',
      },
      invalid_auth: {
        meaning: 'Slack a refusé le jeton du bot',
        action: 'vérifiez SLACK_BOT_TOKEN',
      },
      token_revoked: {
        meaning: 'le jeton du bot Slack a été révoqué',
        action: 'réinstallez l’app Slack et définissez le nouveau SLACK_BOT_TOKEN',
      },
      account_inactive: {
        meaning: 'le jeton du bot Slack appartient à une app ou un utilisateur désactivé',
        action: 'réinstallez l’app Slack',
      },
      missing_scope: {
        meaning: 'il manque une permission à l’app Slack',
        action: 'ajoutez les scopes listés dans docker/slack-app-manifest.yml et réinstallez l’app',
      },
      msg_too_long: {
        meaning: 'le message est trop long pour Slack',
        action: 'rien : il ne peut pas être affiché en entier',
      },
      message_not_found: {
        meaning: 'le message Slack n’existe plus',
        action: 'rien',
      },
    },
    slackOther: {
      ratelimited: { meaning: 'limite de débit de Slack atteinte', action: 'rien : le bridge attend et réessaie' },
      network: { meaning: 'Slack est injoignable', action: 'rien : le bridge réessaie' },
      httpPassing: { meaning: 'Slack a répondu HTTP {{detail}}', action: 'rien : le bridge réessaie' },
      httpRefused: { meaning: 'Slack a répondu HTTP {{detail}}', action: 'vérifiez la configuration de l’application Slack' },
      temporary: { meaning: 'Slack a rencontré un problème temporaire', action: 'rien : le bridge réessaie' },
      refused: { meaning: 'Slack a refusé l’appel', action: 'vérifiez la configuration de l’application Slack' },
      unexpected: { meaning: '{{detail}}', action: 'rien : le bridge réessaie' },
    },
    discord: {
      e50001: {
        meaning: 'le bot ne voit pas le canal Discord (Missing Access)',
        action:
          'donnez au rôle du bot View Channel, Send Messages, Send Messages in Threads, Create Public Threads et Read Message History sur le canal indiqué dans DISCORD_CHANNEL_ID',
      },
      e50013: {
        meaning: 'il manque au bot une permission Discord pour cela (Missing Permissions)',
        action:
          'donnez au rôle du bot Send Messages in Threads, Create Public Threads, Manage Threads, Attach Files et Add Reactions sur le canal indiqué dans DISCORD_CHANNEL_ID',
      },
      e10003: {
        meaning: 'le canal ou le fil Discord n’existe plus (Unknown Channel)',
        action: 'vérifiez DISCORD_CHANNEL_ID ; si le fil de la conversation a été supprimé, le bridge ne peut pas y écrire',
      },
      e10004: {
        meaning: 'le bot n’est pas sur le serveur Discord (Unknown Guild)',
        action: 'invitez le bot sur le serveur et vérifiez DISCORD_GUILD_ID',
      },
      e50083: {
        meaning: 'le fil Discord de la conversation est archivé et verrouillé, et le bot ne peut pas le rouvrir',
        action: 'déverrouillez le fil, ou donnez au rôle du bot Manage Threads sur le canal pour qu’il rouvre lui-même les fils',
      },
      e160006: {
        meaning: 'le serveur Discord a atteint sa limite de fils actifs',
        action: 'archivez d’anciens fils du canal ; le bridge rouvre le fil d’une conversation quand le client écrit à nouveau',
      },
      e10008: {
        meaning: 'le message Discord n’existe plus (Unknown Message)',
        action: 'rien : il a probablement été supprimé',
      },
      e50008: {
        meaning: 'le canal Discord n’est ni un canal textuel ni un canal forum',
        action: 'définissez DISCORD_CHANNEL_ID sur un canal textuel ou un canal forum',
      },
      e40001: {
        meaning: 'Discord a refusé le jeton du bot',
        action: 'vérifiez DISCORD_BOT_TOKEN (Developer Portal → votre application → Bot → Reset Token)',
      },
      e50035: {
        meaning: 'Discord a refusé le contenu du message (Invalid Form Body)',
        action: 'signalez-le aux mainteneurs du bridge avec la ligne de journal',
      },
    },
    discordOther: {
      ratelimited: { meaning: 'limite de débit de Discord atteinte sur {{detail}}', action: 'rien : le bridge réessaie' },
      temporary: { meaning: 'Discord a rencontré un problème temporaire', action: 'rien : le bridge réessaie' },
      refused: {
        meaning: 'Discord a refusé l’appel',
        action: 'vérifiez les autorisations du bot sur le canal indiqué dans DISCORD_CHANNEL_ID',
      },
      httpPassing: { meaning: 'Discord a répondu HTTP {{detail}}', action: 'rien : le bridge réessaie' },
      httpRefused: { meaning: 'Discord a répondu HTTP {{detail}}', action: 'vérifiez DISCORD_API_URL' },
      network: { meaning: 'Discord est injoignable', action: 'rien : le bridge réessaie' },
      unexpected: { meaning: '{{detail}}', action: 'rien : le bridge réessaie' },
    },
  },
};
