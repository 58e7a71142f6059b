/**
 * English: what the outbox and the token watch tell agents about deliveries (keys of the catalogue, see ./index.ts),
 * and the `/wa` command's descriptions as Discord shows them (adapters/discord/command-text.ts).
 * `failures.*` are FailureExplanation keys (src/services/present/notices.ts `explanationIn`): the code keeps the English
 * meaning for the logs, and the part that varies (a number, a file name, an error) is the explanation's `detail`,
 * shown in brackets after the meaning in every other language.
 */
export const delivery = {
  delivery: {
    failures: {
      notConfigured: { meaning: 'this chat platform is not configured in this bridge', action: 'configure it, or remove it from the account' },
      noAccount: { meaning: 'this WhatsApp number is no longer configured', action: 'add it back to the configuration' },
      noConversation: { meaning: 'the conversation is missing from the bridge’s database', action: 'report this to the bridge’s maintainers' },
      internal: { meaning: 'the bridge met an unexpected error', action: 'report this to the bridge’s maintainers' },
      noFiles: { meaning: 'this chat side cannot fetch files', action: 'report this to the bridge’s maintainers' },
      notAccepted: { meaning: 'the file was not sent: WhatsApp does not take it as it is', action: 'share a smaller or supported file, or a link to it' },
      staticSticker: {
        meaning: 'the file was not sent: it is a static sticker, larger than WhatsApp takes for static stickers',
        action: 'share a smaller or supported file, or a link to it',
      },
      switchedOff: { meaning: 'automatic messages are switched off for this number', action: 'nothing' },
      agentReplied: { meaning: 'an agent replied in the conversation first', action: 'nothing' },
    },
    /** What a paused delivery waits for (services/outbox/targets.ts), as the paused notice names it. */
    targets: {
      whatsapp: 'the WhatsApp number {{number}}',
      channel: 'the {{platform}} channel {{channel}}',
    },
    /** Where a refused token is set (services/whatsapp-token.ts), for an account with a name. */
    tokenVariable: 'the accessToken of account {{account}} in the BRIDGE_CONFIG file (or WHATSAPP_ACCESS_TOKEN when it has none)',
    /** The `/wa` command on Discord: each text at most 100 characters (Discord's limit on a description). */
    discord: {
      wa: 'WhatsApp bridge: send templates, list them, get help',
      help: 'How the WhatsApp bridge works',
      template: 'Send an approved WhatsApp template to a phone number',
      templatePhone: 'Phone number with country code, e.g. +4915112345678',
      templateName: 'Template name, optionally with :language (order_update:en)',
      templateParams: 'Parameters in order; quote one with spaces: "Jane Doe" 42',
      templates: 'List the synced WhatsApp templates',
      customer: 'The customer’s number, when not used in their thread',
      claim: 'Take this conversation: you are pinged for the customer',
      assign: 'Give this conversation to someone',
      assignUser: 'Who owns it',
      add: 'Add someone to this conversation',
      addUser: 'Who to add',
      close: 'Close this conversation (resolved)',
      closeMessage: 'A closing message to the customer',
      reopen: 'Reopen this closed conversation',
      doctor: 'Check the WhatsApp, Slack and Discord setup (admins only)',
      replies: 'Saved replies: add, list or remove',
      repliesAction: 'What to do',
      repliesName: 'The reply’s name, e.g. greeting',
      repliesText: 'For add: the text; {customer_name}, {agent_name}… are filled in when sent',
      reply: 'Send a saved reply to this thread’s customer',
      replyName: 'The saved reply',
      phoneOutside: 'Outside a customer’s thread: their number, e.g. +4915112345678',
      find: 'Find customers’ threads by number or name',
      findQuery: 'A number (or part) or a name',
      history: 'The last messages of this thread’s customer (or of a number)',
      historyPhone: 'Outside a customer’s thread: their number',
      historyCount: 'How many (default 10, at most 30)',
      failed: 'Messages that failed, across conversations',
      body: 'The message the customer reads above the choices',
      header: 'A header above the message (at most 60 characters)',
      footer: 'A footer under the message (at most 60 characters)',
      buttonsOptions: '1 to 3 buttons separated by ; (e.g. Yes; No; Talk to sales)',
      listButton: 'The button that opens the list (at most 20 characters)',
      listOptions: 'Rows separated by ; as Title | description; # Title starts a section',
    },
  },
} as const;
