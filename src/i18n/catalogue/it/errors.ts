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
    },
  },
};
