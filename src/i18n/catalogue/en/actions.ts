/** English: what a card button's click answers, the first-contact menu's lines, Slack's "working on it" (keys: ./index.ts). */
export const actions = {
  /** A click on a card's button (services/lifecycle/card-actions.ts, the adapters' template pickers). */
  cardActions: {
    unknownConversation: 'This conversation is no longer known to the bridge.',
    wrongChannel: 'This button belongs to a conversation of another channel: use it in the channel where that number’s conversations appear.',
    pickSomeone: 'Pick the person in the menu first.',
    formTo: 'To: *{{customer}}*',
    pickTemplate: 'Pick the template to send to {{customer}}:',
    pickTemplatePlaceholder: 'Choose a template',
    tooManyFields: 'This template needs more values than a form holds: send it with `{{line}}`.',
    noTemplates: 'No approved template is synced for this number. Run `/wa sync`, or see `/wa templates`.',
  },
  /** The first-contact menu (services/automation/menu.ts, outbox/handlers/chat-route.ts). */
  menu: {
    movedTo: '🤖 menu: customer chose {{choice}} → routed to {{account}}: the conversation goes on in {{where}}',
    movedFrom: '🤖 menu: customer chose {{choice}}; the conversation so far: {{from}}',
    chose: '🤖 menu: customer chose {{choice}} → {{outcome}}',
    routedHere: 'routed to {{account}}',
    labelled: 'label {{label}}',
    noAnswer: 'nothing within {{minutes}} min (default route)',
    stays: 'stays here',
    cardLabel: '🏷️ Label: *{{label}}*',
    channel: 'channel {{channel}}',
  },
  /** Slack: a slow `/wa` command's acknowledgement (adapters/slack/command-answer.ts). */
  /** `/wa requeue`'s report (services/outbox/requeue.ts; the CLI writes it in English). */
  requeue: {
    conversation: 'conversation {{id}}',
    all: 'all conversations',
    nothing: 'Nothing failed or paused in {{where}}.',
    done_one: 'Requeued {{count}} delivery in {{where}}:',
    done_other: 'Requeued {{count}} deliveries in {{where}}:',
    paused: 'paused: {{code}}',
    failed: 'failed: {{error}}',
    unknown: 'unknown',
  },
  done: 'Done.',
  commandFailed: '⚠️ The command failed: {{error}}. Try again; if it keeps failing, tell the bridge’s admin.',
  working: '⏳ Working on it: the answer follows here.',
} as const;
