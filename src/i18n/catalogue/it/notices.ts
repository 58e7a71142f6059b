/** it: notices in threads (not delivered, paused, edits, token, automatic answers) and lifecycle answers (keys and variables: ../en/notices.ts). */
import type { Catalogue } from '../shape';

export const notices: Pick<Catalogue, 'notices' | 'edits' | 'windowReminder' | 'token' | 'automatic' | 'lifecycle'> = {
  notices: {
    notDelivered: '⚠️ *Non consegnato al cliente:* {{meaning}} (codice {{code}}).\n*Cosa fare:* {{action}}',
    gaveUp:
      'WhatsApp ha rinunciato a questo messaggio e il bridge non lo invia di nuovo da solo: scrivilo di nuovo nel thread, o contatta il cliente in un altro modo',
    failedNoReason: 'WhatsApp ha segnalato il messaggio come non riuscito senza un motivo',
    failedNoReasonAction: 'riprova, o contatta il cliente in un altro modo',
    paused:
      '⏸ *In pausa* ({{label}}): {{meaning}} (codice {{code}}).\n*Cosa fare:* {{action}}. La consegna riprende da sola una volta risolto; non si perde nulla.',
    requeueHint: 'Non viene ritentato da solo; una volta risolta la causa, `/wa requeue` (o `npm run requeue`) lo invia di nuovo.',
    fileTooLarge: 'il file è di {{size}} e {{platform}} accetta dal bridge file fino a {{limit}}',
    fileTooLargeAction: 'chiedi al cliente un file più piccolo, o di condividerlo in un altro modo',
    fileNotShown: '⚠️ *Non è stato possibile mostrare qui il file:* {{meaning}} (codice {{code}}).\n*Cosa fare:* {{action}}',
    notPosted:
      '⚠️ Un messaggio della conversazione con *{{customer}}* non è stato pubblicato nel suo thread: {{meaning}} (codice {{code}}).\n*Cosa fare:* {{action}}. {{hint}}\n> {{quote}}',
    stuckWith:
      '⏳ I messaggi della conversazione con *{{customer}}* non sono stati {{where}} da {{duration}}: {{error}}.\n*Cosa fare:* non si perde nulla: il bridge continua a riprovare e li consegna in ordine appena passano; se dura, controlla lo stato della piattaforma.',
    stuck:
      '⏳ I messaggi della conversazione non sono stati {{where}} da {{duration}}: {{error}}.\n*Cosa fare:* non si perde nulla: il bridge continua a riprovare e li consegna in ordine appena passano; se dura, controlla lo stato della piattaforma.',
    stuckPosted: 'pubblicati nel thread',
    stuckSent: 'inviati a WhatsApp',
    unknownError: 'errore sconosciuto',
    reactionFailed: '⚠️ *La reazione {{emoji}} non è arrivata al cliente:* {{meaning}} (codice {{code}}).\n*Cosa fare:* {{action}}',
    reactionRemoval: '(rimozione)',
    filesRefused: '⚠️ *Non inviato al cliente:*\n{{lines}}\n*Cosa fare:* condividi un link al file, o un file accettato da WhatsApp.',
    fileRefusedLine: '• “{{name}}”: {{reason}}.',
    textTooLong:
      '⚠️ *Non inviato al cliente:* il messaggio è di {{length}} caratteri, e WhatsApp ne accetta {{max}} per messaggio; il bridge invia una risposta in al massimo {{parts}} messaggi.\n*Cosa fare:* accorcialo, o condividilo come file.',
    windowClosedMeaning: 'il cliente ha scritto più di 24 ore fa ({{at}}), quindi WhatsApp consente solo template',
    windowNeverMeaning: 'il cliente non ha mai scritto, quindi WhatsApp consente solo template',
    windowClosedAction: 'invia un template approvato con `/wa template {{phone}} <template>`',
  },
  windowReminder: {
    reminder:
      '⏰ *Promemoria*: l’ultimo messaggio del cliente è ancora senza risposta, e la finestra di 24 ore si chiude alle {date}. Dopo, si possono inviare solo template approvati.',
    reminderFor:
      '⏰ *Promemoria* per {{others}}: l’ultimo messaggio del cliente è ancora senza risposta, e la finestra di 24 ore si chiude alle {date}. Dopo, si possono inviare solo template approvati.',
  },
  edits: {
    editedHere: '✏️ *Modificato solo qui:* WhatsApp non può modificare un messaggio già inviato, quindi il cliente ha ancora:\n{{quote}}',
    deletedHere: '✏️ *Eliminato solo qui:* WhatsApp non può eliminare un messaggio già inviato, quindi il cliente ha ancora:\n{{quote}}',
    notSentParts:
      '✏️ *Modifica non inviata:* questo messaggio va a WhatsApp in più parti, che non si possono riscrivere, quindi il cliente riceve l’originale:\n{{quote}}',
    notSentReply: '✏️ *Modifica non inviata:* il testo modificato non può essere inviato come risposta, quindi il cliente riceve l’originale:\n{{quote}}',
    reactionWindowClosed:
      '⚠️ *La reazione {{emoji}} non è stata inviata al cliente:* ha scritto l’ultima volta più di 24 ore fa, e WhatsApp allora consente solo template.',
  },
  token: {
    refused:
      '🔑 *Token di accesso WhatsApp rifiutato* ({{names}}): {{meaning}} (codice {{code}}).\n*Cosa fare:* {{action}}.\nNel frattempo le risposte ai clienti sono in pausa; l’invio riprende da solo quando un token funziona, non si perde nulla.',
    action:
      'crea un token permanente per un utente di sistema (Meta Business Suite → Impostazioni aziendali → Utenti di sistema → Genera nuovo token, con whatsapp_business_messaging e whatsapp_business_management), imposta {{variables}} e riavvia il bridge',
    works: '🔑 *Il token di accesso WhatsApp funziona di nuovo:* le risposte ai clienti in pausa vengono inviate.',
  },
  automatic: {
    away: 'messaggio di assenza',
    menu: 'menu',
    greeting: 'messaggio di benvenuto',
    keyword: 'risposta automatica: {{rule}}',
    notSent: '🤖 {{label}} non inviato: {{meaning}}.\n*Cosa fare:* {{action}}',
    notSentCode: '🤖 {{label}} non inviato: {{meaning}} (codice {{code}}).\n*Cosa fare:* {{action}}',
    sent: '🤖 {{label}} inviato{{what}}',
    answered: '🤖 {{label}}{{what}}',
    templateInstead: '\n(template {{template}}: la finestra di 24 ore era chiusa)',
    noTemplateMeaning: 'il cliente ha scritto più di 24 ore fa, quindi WhatsApp consente solo template, e non ne è configurato nessuno',
    noTemplateAction: 'rispondi con `/wa template`, o imposta `whenWindowClosed` su questa risposta in BRIDGE_CONFIG',
  },
  lifecycle: {
    ownYouAlready: 'Questa conversazione è già tua.',
    ownAlready: 'Questa conversazione è già di {{name}}.',
    ownYouNow: 'Ora questa conversazione è tua.',
    ownNow: 'Ora questa conversazione è di {{name}}.',
    participantAlready: '{{name}} partecipa già.',
    participantNow: 'Ora {{name}} partecipa.',
    closedAlready: 'Questa conversazione è già chiusa.',
    closed: 'Conversazione chiusa.',
    closedNotSent: 'Conversazione chiusa. Il messaggio di chiusura non è stato inviato: la finestra di 24 ore è chiusa (si possono inviare solo template).',
    closingMessage: 'messaggio di chiusura',
    notClosed: 'Questa conversazione non è chiusa.',
    reopened: 'Conversazione riaperta.',
    notAChannel: 'Questo canale non è il canale di un numero WhatsApp.',
    noConversation: 'Nessuna conversazione con {{number}} sul numero di questo canale.',
    useInThread: 'Usalo nel thread di una conversazione, o indica il numero del cliente (es. `+4915112345678`).',
    addWho: 'Indica la persona da aggiungere: `/wa add @persona`.',
    assignWho: 'Indica la persona a cui assegnarla: `/wa assign @persona`.',
  },
};
