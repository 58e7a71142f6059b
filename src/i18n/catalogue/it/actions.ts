/** it: what a card button's click answers, the first-contact menu's lines, Slack's "working on it" (keys and variables: ../en/actions.ts). */
import type { Catalogue } from '../shape';

export const actions: Pick<Catalogue, 'cardActions' | 'menu' | 'working' | 'requeue' | 'done' | 'commandFailed'> = {
  cardActions: {
    unknownConversation: 'Il bridge non conosce più questa conversazione.',
    wrongChannel: 'Questo pulsante appartiene a una conversazione di un altro canale: usalo nel canale in cui compaiono le conversazioni di quel numero.',
    pickSomeone: 'Prima scegli la persona nel menu.',
    formTo: 'A: *{{customer}}*',
    pickTemplate: 'Scegli il template da inviare a {{customer}}:',
    pickTemplatePlaceholder: 'Scegli un template',
    tooManyFields: 'Questo template richiede più valori di quanti ne contenga un modulo: invialo con `{{line}}`.',
    noTemplates: 'Nessun template approvato è sincronizzato per questo numero. Esegui `/wa sync`, oppure vedi `/wa templates`.',
  },
  menu: {
    movedTo: '🤖 menu: il cliente ha scelto {{choice}} → instradata a {{account}}: la conversazione continua in {{where}}',
    movedFrom: '🤖 menu: il cliente ha scelto {{choice}}; la conversazione finora: {{from}}',
    chose: '🤖 menu: il cliente ha scelto {{choice}} → {{outcome}}',
    routedHere: 'instradata a {{account}}',
    labelled: 'etichetta {{label}}',
    noAnswer: 'nessuna scelta entro {{minutes}} min (instradamento predefinito)',
    stays: 'resta qui',
    cardLabel: '🏷️ Etichetta: *{{label}}*',
    channel: 'canale {{channel}}',
  },
  requeue: {
    conversation: 'conversazione {{id}}',
    all: 'tutte le conversazioni',
    nothing: 'Nessuna consegna fallita o in pausa in {{where}}.',
    done_one: 'Rimessa in coda {{count}} consegna in {{where}}:',
    done_other: 'Rimesse in coda {{count}} consegne in {{where}}:',
    paused: 'in pausa: {{code}}',
    failed: 'fallita: {{error}}',
    unknown: 'sconosciuto',
  },
  done: 'Fatto.',
  commandFailed: '⚠️ Il comando non è riuscito: {{error}}. Riprova; se continua a non riuscire, avvisa l’amministratore del bridge.',
  working: '⏳ Ci sto lavorando: la risposta arriva qui.',
};
