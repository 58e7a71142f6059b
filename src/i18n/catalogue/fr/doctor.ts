/**
 * fr: `/wa doctor` (keys and variables: ../en/doctor.ts). The paths of Meta's, Slack's and Discord's settings
 * (`App Dashboard → WhatsApp → …`) stay as those consoles name them, as do env variables, API names and permissions.
 */
import type { Catalogue } from '../shape';

export const doctor: Pick<Catalogue, 'doctor'> = {
  doctor: {
    refused: {
      askAdmin:
        '🚫 `/wa doctor` est réservé aux administrateurs du bridge. Demandez à un administrateur d’ajouter votre ID utilisateur ({{user}}) à BRIDGE_ADMINS, ou lancez `npm run doctor` sur le serveur.',
      noAdmin:
        '🚫 `/wa doctor` est réservé aux administrateurs du bridge. Aucun administrateur n’est configuré : ajoutez votre ID utilisateur ({{user}}) à BRIDGE_ADMINS, ou lancez `npm run doctor` sur le serveur.',
    },
    line: '{{name}} : {{detail}}',
    fix: 'solution : {{fix}}',
    passed_one: '{{count}} vérification effectuée : réussie.',
    passed_other: 'Les {{count}} vérifications ont toutes réussi.',
    failed_one: '{{count}} vérification sur {{total}} a échoué.',
    failed_other: '{{count}} vérifications sur {{total}} ont échoué.',
    crashed: {
      name: 'exécution des vérifications',
      detail: 'les vérifications se sont arrêtées : {{error}}',
      fix: 'relancez `npm run doctor` ; si le problème persiste, consultez le journal du bridge',
    },
    raw: '{{text}}',
    list: '{{first}}, {{rest}}',
    graph: {
      label: 'erreur Graph {{code}}',
      detail: '{{label}} : {{what}}',
      seeLog: 'consultez le journal du bridge',
      on: '{{id}} : {{detail}}',
    },
    faq: {
      expired: 'le jeton d’accès a expiré (un jeton temporaire dure 24 heures)',
      invalidParameter: 'paramètre non valide : l’ID est inconnu de ce jeton, ou le jeton appartient à un utilisateur système Employé',
      notLive: 'destinataire absent de la liste autorisée : l’application n’est pas Live',
      permission: 'autorisation refusée',
      duplicate: 'nom de modèle en double',
      permanentTokenFix:
        'créez un jeton permanent : Meta Business Settings → Users → System users → un utilisateur système Admin → Generate new token (Token expiration: Never) pour cette application, avec whatsapp_business_messaging et whatsapp_business_management ; définissez-le dans WHATSAPP_ACCESS_TOKEN (ou accessToken dans BRIDGE_CONFIG) et redémarrez le bridge',
      adminSystemUserFix:
        'le jeton appartient à un utilisateur système Employé : créez un utilisateur système Admin (Meta Business Settings → Users → System users → Add, rôle Admin), attribuez-lui l’application et le compte WhatsApp (contrôle total), générez son jeton et définissez-le dans WHATSAPP_ACCESS_TOKEN',
      checkIdsFix: 'vérifiez WHATSAPP_PHONE_NUMBER_ID et WHATSAPP_BUSINESS_ACCOUNT_ID dans WhatsApp Manager ; s’ils sont corrects, {{then}}',
      notLiveFix:
        'passez l’application en mode Live (App Dashboard → App Mode: Live ; il faut l’URL d’une politique de confidentialité dans App settings → Basic) et envoyez depuis un vrai numéro professionnel ; pendant les tests, ajoutez le numéro de chaque client à la liste de test (WhatsApp → API Setup → To)',
      duplicateFix:
        'un modèle portant ce nom existe déjà dans cette langue : donnez un autre nom au nouveau modèle, ou modifiez le modèle existant dans WhatsApp Manager, puis lancez `/wa sync`',
      verificationFix:
        'l’application a peut-être besoin de l’accès avancé, qui exige une vérification d’entreprise terminée (Meta Business Settings → Security Center → Start verification ; developers.facebook.com/docs/development/release/business-verification)',
    },
    token: {
      valid: 'jeton d’accès valide',
      notValid: 'Meta indique que le jeton n’est pas valide',
      notValidWhy: 'Meta indique que le jeton n’est pas valide ({{why}})',
      validToken: 'un jeton valide',
      validOfApp: 'un jeton valide de l’application {{app}}',
      validWithId: 'un jeton valide (ID d’application {{id}})',
      validOfAppWithId: 'un jeton valide de l’application {{app}} (ID d’application {{id}})',
      permissions: 'autorisations du jeton',
      missingScopes: '{{missing}} manquantes (accordées : {{granted}})',
      noScopes: 'aucune',
      expiry: 'expiration du jeton',
      neverExpires: 'n’expire jamais',
      expired: 'expiré le {{when}}',
      expiresInHours: 'expire le {{when}} (dans {{hours}} h)',
      expiresInDays: 'expire le {{when}} (dans {{days}} jours)',
      expiresAt: 'expire le {{when}} ; le jeton d’un utilisateur système qui n’expire jamais évite d’avoir à le renouveler',
    },
    number: {
      name: 'numéro de téléphone',
      found: '{{display}} « {{verified}} » ({{id}})',
      status: 'état du numéro',
      notConnected: '{{status}} : le numéro ne peut pas envoyer tant qu’il n’est pas CONNECTED',
      notConnectedFix:
        'ouvrez WhatsApp Manager → Phone numbers : terminez l’enregistrement (code PIN de la validation en deux étapes) ou résolvez ce que Meta y signale',
      quality: 'note de qualité',
      red: 'RED : Meta peut abaisser la limite de messages ou bloquer le numéro',
      redFix: 'consultez les statistiques du numéro dans WhatsApp Manager ; envoyez moins de modèles marketing',
      limit: 'limite de messages',
      notReported: 'non communiquée',
      live: 'application Live',
      isLive: 'le numéro est en mode LIVE',
      sandbox: 'le numéro est un numéro de test (SANDBOX) : chaque client absent de la liste de test reçoit l’erreur 131030',
      liveUnknown: 'non communiqué par Meta ; vérifiez que App Dashboard → App Mode indique Live (sinon : {{fix}})',
      waba: 'WhatsApp Business Account',
      wabaUnset: 'WHATSAPP_BUSINESS_ACCOUNT_ID n’est pas défini : les modèles ne peuvent être ni lus ni envoyés',
      wabaUnsetFix:
        'copiez le WhatsApp Business Account ID depuis App Dashboard → WhatsApp → API Setup dans WHATSAPP_BUSINESS_ACCOUNT_ID (businessAccountId dans BRIDGE_CONFIG)',
      wabaLists: '{{waba}} contient le numéro',
      wabaLacks: '{{waba}} ne contient pas le numéro {{id}} (il contient : {{ids}})',
      noNumbers: 'aucun',
      wabaLacksFix:
        'définissez dans WHATSAPP_BUSINESS_ACCOUNT_ID le compte auquel appartient le numéro (App Dashboard → WhatsApp → API Setup affiche les deux ID ensemble)',
    },
    app: {
      subscribed: 'application abonnée au compte',
      subscribeFix:
        'abonnez l’application au compte : curl -X POST -H "Authorization: Bearer $WHATSAPP_ACCESS_TOKEN" <Graph URL>/<version>/{{waba}}/subscribed_apps',
      theApp: 'l’application',
      receives: '{{app}} ({{id}}) reçoit les webhooks de {{waba}}',
      notSubscribed: 'l’application n’est pas abonnée à {{waba}} : Meta ne lui envoie aucun message',
      notSubscribedId: 'l’application {{app}} n’est pas abonnée à {{waba}} : Meta ne lui envoie aucun message',
      notSubscribedOthers: 'l’application n’est pas abonnée à {{waba}} (abonnées : {{others}}) : Meta ne lui envoie aucun message',
      notSubscribedIdOthers: 'l’application {{app}} n’est pas abonnée à {{waba}} (abonnées : {{others}}) : Meta ne lui envoie aucun message',
      fields: 'champs du webhook',
      fieldsFix:
        'App Dashboard → WhatsApp → Configuration → Webhook : Edit (URL de rappel https://<your host>{{path}}, le jeton de vérification ci-dessous), puis Manage et abonnez-vous à {{fields}}',
      noAppId: 'l’ID de l’application est inconnu (debug_token ne l’a pas indiqué), le webhook ne peut donc pas être lu',
      secret: '{{detail}} (WHATSAPP_APP_SECRET est-il bien le secret de cette application ?)',
      noWebhook: 'aucun webhook WhatsApp actif n’est configuré pour l’application',
      callbackWrong: 'l’URL de rappel est {{callback}}, et non celle du bridge https://<host>{{path}}',
      callbackUnset: 'l’URL de rappel n’est pas définie, au lieu de celle du bridge https://<host>{{path}}',
      fieldsMissing: '{{callback}} n’est pas abonné à {{missing}}',
      fieldsOk: '{{callback}} : {{fields}}',
      paste: 'webhook à coller',
      pasteDetail: 'Callback URL https://<your public host>{{path}} · Verify token {{token}}',
    },
    chat: {
      botToken: 'jeton du bot',
      channel: 'canal {{id}}',
    },
    slack: {
      tokenFix:
        'créez l’application à partir de docker/slack-app-manifest.yml, installez-la et définissez son Bot User OAuth Token (xoxb-…) dans SLACK_BOT_TOKEN',
      reinstall:
        'ajoutez les scopes manquants dans api.slack.com/apps → votre application → OAuth & Permissions → Bot Token Scopes (ou mettez à jour l’application à partir de docker/slack-app-manifest.yml), puis Reinstall to Workspace et définissez le nouveau SLACK_BOT_TOKEN',
      theBot: 'le bot',
      theWorkspace: 'l’espace de travail',
      botIn: '@{{bot}} dans {{team}}',
      scopes: 'scopes du bot',
      scopesUnlisted: 'Slack n’a pas listé les scopes accordés',
      scopesMissing: '{{missing}} manquants',
      scopesAll: 'les {{count}} du manifeste',
      channelNotFoundFix: 'vérifiez l’ID du canal (détails du canal → ID du canal) ; pour un canal privé, invitez d’abord @{{bot}} (/invite @{{bot}})',
      seeError: 'consultez l’erreur de Slack pour conversations.info',
      archived: '{{channel}} est archivé : rien ne peut y être publié',
      archivedFix: 'désarchivez {{channel}}, ou acheminez le numéro vers un autre canal',
      notMember: '@{{bot}} n’est pas membre de {{channel}} : les publications échouent avec not_in_channel',
      notMemberFix: 'dans {{channel}}, tapez /invite @{{bot}}',
      noWrite: '@{{bot}} est dans {{channel}} mais n’a pas chat:write',
      canPost: '@{{bot}} est dans {{channel}} et peut publier',
    },
    discord: {
      tokenFix: 'Discord Developer Portal → votre application → Bot → Reset Token ; définissez-le dans DISCORD_BOT_TOKEN',
      intent: 'intent Message Content',
      intentFix: 'Discord Developer Portal → votre application → Bot → Privileged Gateway Intents : activez Message Content Intent, puis Save',
      enabled: 'activé',
      disabled: 'désactivé : le bot verrait les réponses des agents sans leur texte',
      server: 'serveur',
      serverFix: 'vérifiez DISCORD_GUILD_ID et invitez le bot : Developer Portal → OAuth2 → URL Generator, scopes bot et applications.commands',
      channelFix: 'vérifiez l’ID du canal (clic droit sur le salon → Copier l’identifiant du salon) et que le bot peut le voir',
      notInServer: '{{channel}} n’est pas sur le serveur {{server}}',
      wrongType: '{{channel}} est de type {{type}}',
      typeFix: 'utilisez un salon textuel, d’annonces ou forum du serveur indiqué par DISCORD_GUILD_ID',
      textChannel: '{{channel}}, un salon textuel',
      announcementChannel: '{{channel}}, un salon d’annonces',
      forumChannel: '{{channel}}, un salon forum',
      permissionsIn: 'permissions dans {{channel}}',
      permissionsMissing: 'manquantes : {{missing}}',
      permissionWhy: '{{permission}} (pour {{why}})',
      why: {
        viewChannel: 'voir le salon',
        sendMessages: 'ouvrir les conversations (messages de départ des fils, publications du forum)',
        sendMessagesInThreads: 'publier les messages des clients',
        createPublicThreads: 'un fil par conversation',
        readMessageHistory: 'voir les réponses des agents et modifier ses propres publications',
        addReactions: 'afficher l’état de livraison et les réactions des clients',
        attachFiles: 'publier les médias des clients',
        manageThreads: 'rouvrir le fil verrouillé d’une conversation',
      },
      permissionsFix:
        'Modifier le salon {{channel}} → Permissions → le rôle du bot : autorisez {{missing}} (ou accordez-les au rôle dans Paramètres du serveur → Rôles)',
    },
  },
};
