/** fr: notices in threads (not delivered, paused, edits, token, automatic answers) and lifecycle answers (keys and variables: ../en/notices.ts). */
import type { Catalogue } from '../shape';

export const notices: Pick<Catalogue, 'notices' | 'edits' | 'windowReminder' | 'token' | 'automatic' | 'lifecycle'> = {
  notices: {
    notDelivered: '⚠️ *Non remis au client :* {{meaning}} (code {{code}}).\n*Que faire :* {{action}}',
    gaveUp: 'WhatsApp a abandonné ce message et le bridge ne le renvoie pas de lui-même : écrivez-le de nouveau dans le fil, ou contactez le client autrement',
    failedNoReason: 'WhatsApp a signalé l’échec du message sans en donner la raison',
    failedNoReasonAction: 'réessayez, ou contactez le client autrement',
    paused:
      '⏸ *En pause* ({{label}}) : {{meaning}} (code {{code}}).\n*Que faire :* {{action}}. La remise reprend d’elle-même une fois le problème réglé ; rien n’est perdu.',
    requeueHint: 'Il n’est pas réessayé de lui-même ; une fois la cause corrigée, `/wa requeue` (ou `npm run requeue`) le renvoie.',
    fileTooLarge: 'le fichier fait {{size}} et {{platform}} accepte du bridge des fichiers jusqu’à {{limit}}',
    fileTooLargeAction: 'demandez au client un fichier plus petit, ou de le partager autrement',
    fileNotShown: '⚠️ *Le fichier n’a pas pu être affiché ici :* {{meaning}} (code {{code}}).\n*Que faire :* {{action}}',
    notPosted:
      '⚠️ Un message de la conversation avec *{{customer}}* n’a pas pu être publié dans son fil : {{meaning}} (code {{code}}).\n*Que faire :* {{action}}. {{hint}}\n> {{quote}}',
    stuckWith:
      '⏳ Les messages de la conversation avec *{{customer}}* n’ont pas été {{where}} depuis {{duration}} : {{error}}.\n*Que faire :* rien n’est perdu : le bridge réessaie sans cesse et les remet dans l’ordre dès que cela passe ; vérifiez l’état de la plateforme si cela dure.',
    stuck:
      '⏳ Les messages de la conversation n’ont pas été {{where}} depuis {{duration}} : {{error}}.\n*Que faire :* rien n’est perdu : le bridge réessaie sans cesse et les remet dans l’ordre dès que cela passe ; vérifiez l’état de la plateforme si cela dure.',
    stuckPosted: 'publiés dans leur fil',
    stuckSent: 'envoyés à WhatsApp',
    unknownError: 'erreur inconnue',
    reactionFailed: '⚠️ *La réaction {{emoji}} n’est pas parvenue au client :* {{meaning}} (code {{code}}).\n*Que faire :* {{action}}',
    reactionRemoval: '(retrait)',
    filesRefused: '⚠️ *Non envoyé au client :*\n{{lines}}\n*Que faire :* partagez un lien vers le fichier, ou un fichier accepté par WhatsApp.',
    fileRefusedLine: '• « {{name}} » : {{reason}}.',
    textTooLong:
      '⚠️ *Non envoyé au client :* le message fait {{length}} caractères, et WhatsApp en accepte {{max}} par message ; le bridge envoie une réponse en {{parts}} messages au plus.\n*Que faire :* raccourcissez-le, ou partagez-le comme fichier.',
    windowClosedMeaning: 'le client a écrit il y a plus de 24 heures ({{at}}), donc WhatsApp n’autorise que des templates',
    windowNeverMeaning: 'le client n’a jamais écrit, donc WhatsApp n’autorise que des templates',
    windowClosedAction: 'envoyez un template approuvé avec `/wa template {{phone}} <template>`',
  },
  windowReminder: {
    reminder:
      '⏰ *Rappel* : le dernier message du client est toujours sans réponse, et la fenêtre de 24 heures se ferme à {date}. Ensuite, seuls des templates approuvés peuvent être envoyés.',
    reminderFor:
      '⏰ *Rappel* pour {{others}} : le dernier message du client est toujours sans réponse, et la fenêtre de 24 heures se ferme à {date}. Ensuite, seuls des templates approuvés peuvent être envoyés.',
  },
  edits: {
    editedHere: '✏️ *Modifié ici seulement :* WhatsApp ne peut pas modifier un message une fois envoyé, le client a donc toujours :\n{{quote}}',
    deletedHere: '✏️ *Supprimé ici seulement :* WhatsApp ne peut pas supprimer un message une fois envoyé, le client a donc toujours :\n{{quote}}',
    notSentParts:
      '✏️ *Modification non envoyée :* ce message part vers WhatsApp en plusieurs parties, qui ne peuvent pas être réécrites, le client reçoit donc l’original :\n{{quote}}',
    notSentReply: '✏️ *Modification non envoyée :* le texte modifié ne peut pas être envoyé comme réponse, le client reçoit donc l’original :\n{{quote}}',
    reactionWindowClosed:
      '⚠️ *La réaction {{emoji}} n’a pas été envoyée au client :* il a écrit pour la dernière fois il y a plus de 24 heures, et WhatsApp n’autorise alors que des templates.',
  },
  token: {
    refused:
      '🔑 *Jeton d’accès WhatsApp refusé* ({{names}}) : {{meaning}} (code {{code}}).\n*Que faire :* {{action}}.\nLes réponses aux clients sont en pause entre-temps ; l’envoi reprend de lui-même dès qu’un jeton fonctionne, rien n’est perdu.',
    action:
      'créez un jeton permanent pour un utilisateur système (Meta Business Suite → Paramètres d’entreprise → Utilisateurs système → Générer un nouveau jeton, avec whatsapp_business_messaging et whatsapp_business_management), définissez {{variables}} et redémarrez le bridge',
    works: '🔑 *Le jeton d’accès WhatsApp fonctionne de nouveau :* les réponses aux clients en pause sont envoyées.',
  },
  automatic: {
    away: 'message d’absence',
    menu: 'menu',
    greeting: 'message d’accueil',
    keyword: 'réponse automatique : {{rule}}',
    notSent: '🤖 {{label}} non envoyé : {{meaning}}.\n*Que faire :* {{action}}',
    notSentCode: '🤖 {{label}} non envoyé : {{meaning}} (code {{code}}).\n*Que faire :* {{action}}',
    sent: '🤖 {{label}} envoyé{{what}}',
    answered: '🤖 {{label}}{{what}}',
    templateInstead: '\n(template {{template}} : la fenêtre de 24 heures était fermée)',
    noTemplateMeaning: 'le client a écrit il y a plus de 24 heures, donc WhatsApp n’autorise que des templates, et aucun n’est configuré pour cela',
    noTemplateAction: 'répondez avec `/wa template`, ou définissez `whenWindowClosed` sur cette réponse dans BRIDGE_CONFIG',
  },
  lifecycle: {
    ownYouAlready: 'Vous avez déjà cette conversation en charge.',
    ownAlready: '{{name}} a déjà cette conversation en charge.',
    ownYouNow: 'Vous avez maintenant cette conversation en charge.',
    ownNow: '{{name}} a maintenant cette conversation en charge.',
    participantAlready: '{{name}} participe déjà.',
    participantNow: '{{name}} participe maintenant.',
    closedAlready: 'Cette conversation est déjà fermée.',
    closed: 'Conversation fermée.',
    closedNotSent:
      'Conversation fermée. Le message de clôture n’a pas été envoyé : la fenêtre de 24 heures est fermée (seuls des templates peuvent être envoyés).',
    closingMessage: 'message de clôture',
    notClosed: 'Cette conversation n’est pas fermée.',
    reopened: 'Conversation rouverte.',
    notAChannel: 'Ce canal n’est pas celui d’un numéro WhatsApp.',
    noConversation: 'Aucune conversation avec {{number}} sur le numéro de ce canal.',
    useInThread: 'Utilisez ceci dans le fil d’une conversation, ou indiquez le numéro du client (par ex. `+4915112345678`).',
    addWho: 'Indiquez la personne à ajouter : `/wa add @personne`.',
    assignWho: 'Indiquez la personne à qui l’attribuer : `/wa assign @personne`.',
  },
};
