/** it: what a WhatsApp error code means and what to do (keys: ../en/errors.ts). */
import type { Catalogue } from '../shape';

export const errors: Pick<Catalogue, 'errors'> = {
  errors: {
    whatsapp: {
      e131047: {
        meaning: 'sono passate più di 24 ore dall’ultimo messaggio del cliente, quindi le risposte libere non sono consentite',
        action: 'invia un template approvato con `/wa template <phone> <template>`',
      },
      e131026: {
        meaning:
          'non è stato possibile consegnare il messaggio: il numero potrebbe non essere su WhatsApp, usare un’app vecchia o non aver accettato i termini',
        action: 'verifica il numero con il cliente, oppure contattalo in un altro modo',
      },
      e131049: {
        meaning: 'Meta ha trattenuto questo messaggio di marketing per mantenere sano il coinvolgimento (limite di marketing per utente)',
        action: 'attendi almeno 24 ore prima di inviare a questo cliente un altro template di marketing',
      },
      e131050: {
        meaning: 'il cliente ha disattivato i messaggi di marketing di questa azienda',
        action: 'non inviare template di marketing a questo cliente',
      },
      e131051: {
        meaning: 'questo tipo di messaggio non è supportato',
        action: 'invia testo o un tipo di media supportato',
      },
      e131052: {
        meaning: 'WhatsApp non è riuscito a scaricare il media del cliente',
        action: 'chiedi al cliente di inviare di nuovo il file',
      },
      e131053: {
        meaning: 'non è stato possibile caricare il media (tipo non supportato o non corrispondente)',
        action: 'invia un tipo di file supportato da WhatsApp',
      },
      e131021: {
        meaning: 'il destinatario è il numero aziendale stesso',
        action: 'invia al numero del cliente',
      },
      e131009: {
        meaning: 'il valore di un parametro non è valido',
        action: 'controlla il numero di telefono e il messaggio',
      },
      e131000: {
        meaning: 'WhatsApp ha avuto un errore sconosciuto',
        action: 'niente: il bridge riprova',
      },
      e131056: {
        meaning: 'troppi messaggi a questo cliente in poco tempo (limite per coppia)',
        action: 'niente: il bridge riprova con attese crescenti',
      },
      e132000: {
        meaning: 'il numero di parametri non corrisponde al template',
        action: 'indica un valore per ogni variabile (vedi `/wa templates`)',
      },
      e132001: {
        meaning: 'il template non esiste, o non in quella lingua, o non è approvato',
        action: 'controlla nome e lingua con `/wa templates`',
      },
      e130472: {
        meaning: 'il numero del cliente fa parte di un esperimento di Meta e non può ricevere questo messaggio',
        action: 'contatta il cliente in un altro modo',
      },
      e130497: {
        meaning: 'questo account non può inviare messaggi agli utenti del paese del cliente',
        action: 'contatta il cliente in un altro modo',
      },
      e131048: {
        meaning: 'il numero è stato limitato perché troppi messaggi sono stati segnalati come spam',
        action: 'controlla la valutazione di qualità del numero in WhatsApp Manager',
      },
      e0: { meaning: 'WhatsApp non è riuscito ad autenticare l’app', action: 'rinnova WHATSAPP_ACCESS_TOKEN e riavvia il bridge' },
      e1: {
        meaning: 'la Graph API ha rifiutato la richiesta o ha avuto un errore interno',
        action: 'controlla la pagina di stato di Meta; il bridge non riproverà questo invio',
      },
      e2: { meaning: 'WhatsApp è temporaneamente non disponibile o sovraccarico', action: 'niente: il bridge riprova' },
      e3: {
        meaning: 'l’app non ha la funzionalità o l’autorizzazione per questa chiamata',
        action: 'controlla le autorizzazioni WhatsApp dell’app nella dashboard delle app di Meta',
      },
      e4: { meaning: 'l’app ha raggiunto il limite di chiamate API di Meta', action: 'niente: il bridge riprova più tardi' },
      e10: { meaning: 'autorizzazione negata per questo numero', action: 'dai all’utente di sistema del token l’accesso all’account WhatsApp' },
      e100: {
        meaning: 'un parametro non era valido',
        action:
          'controlla il messaggio; se ogni chiamata fallisce con 100, il token appartiene a un utente di sistema Dipendente: generane uno per un utente di sistema Amministratore (`npm run doctor` lo indica)',
      },
      e190: {
        meaning: 'il token di accesso WhatsApp è scaduto o è stato revocato',
        action: 'crea un nuovo token (il token di un utente di sistema non scade), impostalo in WHATSAPP_ACCESS_TOKEN e riavvia',
      },
      e368: {
        meaning: 'l’account è temporaneamente bloccato per una violazione delle normative',
        action: 'consulta la sezione Assistenza aziendale (Business Support Home) in Meta Business Suite',
      },
      e80007: { meaning: 'l’account WhatsApp ha raggiunto il suo limite di frequenza', action: 'niente: il bridge riprova più tardi' },
      e130429: { meaning: 'è stata raggiunta la velocità massima di invio del numero', action: 'niente: il bridge riprova con attese crescenti' },
      e131005: { meaning: 'accesso negato', action: 'controlla le autorizzazioni del token (whatsapp_business_messaging)' },
      e131008: { meaning: 'manca un parametro obbligatorio', action: 'segnalalo ai manutentori del bridge' },
      e131016: { meaning: 'il servizio WhatsApp è temporaneamente non disponibile', action: 'niente: il bridge riprova' },
      e131030: {
        meaning: 'il numero del cliente non è nell’elenco di test: l’app non è Live (oppure il numero è un numero di test)',
        action: 'passa l’app a Live nella dashboard delle app, oppure aggiungi il numero all’elenco di test (WhatsApp → API Setup → To)',
      },
      e131031: {
        meaning: 'l’account aziendale è bloccato o soggetto a restrizioni',
        action: 'consulta la sezione Assistenza aziendale (Business Support Home) in Meta Business Suite',
      },
      e131042: { meaning: 'c’è un problema con il metodo di pagamento dell’account', action: 'sistema la fatturazione in WhatsApp Manager' },
      e131045: { meaning: 'il numero aziendale non è registrato correttamente', action: 'registra di nuovo il numero in WhatsApp Manager' },
      e131057: {
        meaning: 'l’account è in modalità di manutenzione (aumento della capacità di invio)',
        action: 'niente: il bridge riprova tra un minuto',
      },
      e132005: { meaning: 'il testo del template è troppo lungo una volta compilato', action: 'usa valori dei parametri più brevi' },
      e132007: { meaning: 'il template viola le normative di WhatsApp', action: 'modifica il template in WhatsApp Manager' },
      e132012: { meaning: 'un parametro del template ha un formato errato', action: 'controlla ogni valore rispetto al template' },
      e132015: {
        meaning: 'il template è in pausa a causa della bassa qualità',
        action: 'usa un altro template o modifica questo in WhatsApp Manager',
      },
      e132016: { meaning: 'il template è stato disattivato definitivamente', action: 'usa un altro template' },
      e132018: { meaning: 'un parametro del template non ha superato la convalida', action: 'controlla ogni valore rispetto al template' },
      e133010: { meaning: 'il numero aziendale non è registrato sulla Cloud API', action: 'registra il numero in WhatsApp Manager' },
    },
    whatsappOther: {
      unknown: { meaning: '{{detail}}', action: 'consulta il riferimento dei codici di errore di Meta per questo codice' },
      httpPassing: { meaning: 'la Graph API ha risposto HTTP {{detail}}', action: 'niente: il bridge riprova' },
      httpRefused: {
        meaning: 'la Graph API ha risposto HTTP {{detail}}',
        action: 'controlla GRAPH_API_URL, GRAPH_API_VERSION e WHATSAPP_PHONE_NUMBER_ID',
      },
    },
    slack: {
      channel_not_found: {
        meaning: 'il canale Slack non esiste o il bot non lo vede',
        action: 'controlla SLACK_CHANNEL_ID e invita il bot nel canale',
      },
      not_in_channel: {
        meaning: 'il bot non è membro del canale Slack',
        action: 'invita il bot nel canale (/invite @bot)',
      },
      is_archived: {
        meaning: 'il canale Slack è archiviato',
        action: 'ripristinalo o instrada il numero su un altro canale',
      },
      invalid_auth: {
        meaning: 'Slack ha rifiutato il token del bot',
        action: 'controlla SLACK_BOT_TOKEN',
      },
      token_revoked: {
        meaning: 'il token del bot Slack è stato revocato',
        action: 'reinstalla l’app Slack e imposta il nuovo SLACK_BOT_TOKEN',
      },
      account_inactive: {
        meaning: 'il token del bot Slack appartiene a un’app o a un utente disattivato',
        action: 'reinstalla l’app Slack',
      },
      missing_scope: {
        meaning: 'all’app Slack manca un permesso',
        action: 'aggiungi gli scope elencati in docker/slack-app-manifest.yml e reinstalla l’app',
      },
      msg_too_long: {
        meaning: 'il messaggio è troppo lungo per Slack',
        action: 'niente: non può essere mostrato per intero',
      },
      message_not_found: {
        meaning: 'il messaggio Slack non esiste più',
        action: 'niente',
      },
    },
    slackOther: {
      ratelimited: { meaning: 'raggiunto il limite di frequenza di Slack', action: 'niente: il bridge attende e riprova' },
      network: { meaning: 'Slack non è raggiungibile', action: 'niente: il bridge riprova' },
      httpPassing: { meaning: 'Slack ha risposto HTTP {{detail}}', action: 'niente: il bridge riprova' },
      httpRefused: { meaning: 'Slack ha risposto HTTP {{detail}}', action: 'controlla la configurazione dell’app Slack' },
      temporary: { meaning: 'Slack ha avuto un problema temporaneo', action: 'niente: il bridge riprova' },
      refused: { meaning: 'Slack ha rifiutato la chiamata', action: 'controlla la configurazione dell’app Slack' },
      unexpected: { meaning: '{{detail}}', action: 'niente: il bridge riprova' },
    },
    discord: {
      e50001: {
        meaning: 'il bot non vede il canale Discord (Missing Access)',
        action:
          'dai al ruolo del bot View Channel, Send Messages, Send Messages in Threads, Create Public Threads e Read Message History sul canale indicato in DISCORD_CHANNEL_ID',
      },
      e50013: {
        meaning: 'al bot manca un permesso Discord per questo (Missing Permissions)',
        action:
          'dai al ruolo del bot Send Messages in Threads, Create Public Threads, Manage Threads, Attach Files e Add Reactions sul canale indicato in DISCORD_CHANNEL_ID',
      },
      e10003: {
        meaning: 'il canale o il thread Discord non esiste più (Unknown Channel)',
        action: 'controlla DISCORD_CHANNEL_ID; se il thread della conversazione è stato eliminato, il bridge non può scriverci',
      },
      e10004: {
        meaning: 'il bot non è nel server Discord (Unknown Guild)',
        action: 'invita il bot nel server e controlla DISCORD_GUILD_ID',
      },
      e50083: {
        meaning: 'il thread Discord della conversazione è archiviato e bloccato, e il bot non può riaprirlo',
        action: 'sblocca il thread, oppure dai al ruolo del bot Manage Threads sul canale così può riaprire i thread da solo',
      },
      e160006: {
        meaning: 'il server Discord ha raggiunto il limite di thread attivi',
        action: 'archivia i thread vecchi del canale; il bridge riapre il thread di una conversazione quando il cliente scrive di nuovo',
      },
      e10008: {
        meaning: 'il messaggio Discord non esiste più (Unknown Message)',
        action: 'niente: probabilmente è stato eliminato',
      },
      e50008: {
        meaning: 'il canale Discord non è un canale di testo né un canale forum',
        action: 'imposta DISCORD_CHANNEL_ID su un canale di testo o su un canale forum',
      },
      e40001: {
        meaning: 'Discord ha rifiutato il token del bot',
        action: 'controlla DISCORD_BOT_TOKEN (Developer Portal → la tua app → Bot → Reset Token)',
      },
      e50035: {
        meaning: 'Discord ha rifiutato il contenuto del messaggio (Invalid Form Body)',
        action: 'segnalalo ai manutentori del bridge con la riga di log',
      },
    },
    discordOther: {
      ratelimited: { meaning: 'raggiunto il limite di frequenza di Discord su {{detail}}', action: 'niente: il bridge riprova' },
      temporary: { meaning: 'Discord ha avuto un problema temporaneo', action: 'niente: il bridge riprova' },
      refused: {
        meaning: 'Discord ha rifiutato la chiamata',
        action: 'controlla le autorizzazioni del bot sul canale impostato in DISCORD_CHANNEL_ID',
      },
      httpPassing: { meaning: 'Discord ha risposto HTTP {{detail}}', action: 'niente: il bridge riprova' },
      httpRefused: { meaning: 'Discord ha risposto HTTP {{detail}}', action: 'controlla DISCORD_API_URL' },
      network: { meaning: 'Discord non è raggiungibile', action: 'niente: il bridge riprova' },
      unexpected: { meaning: '{{detail}}', action: 'niente: il bridge riprova' },
    },
  },
};
