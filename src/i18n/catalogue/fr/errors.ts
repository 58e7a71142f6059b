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
    },
  },
};
