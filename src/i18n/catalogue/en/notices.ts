/** English: notices in threads (not delivered, paused, edits, token, automatic answers) and lifecycle answers (keys of the catalogue, see ./index.ts). */
export const notices = {
  notices: {
    notDelivered: '⚠️ *Not delivered to the customer:* {{meaning}} (code {{code}}).\n*What to do:* {{action}}',
    gaveUp: 'WhatsApp gave up on this message and the bridge does not send it again by itself: write it again in the thread, or reach the customer another way',
    failedNoReason: 'WhatsApp reported the message as failed without a reason',
    failedNoReasonAction: 'try again, or reach the customer another way',
    paused: '⏸ *Paused* ({{label}}): {{meaning}} (code {{code}}).\n*What to do:* {{action}}. Delivery resumes by itself once that is fixed; nothing is lost.',
    requeueHint: 'It is not retried by itself; once the cause is fixed, `/wa requeue` (or `npm run requeue`) sends it again.',
    fileTooLarge: 'the file is {{size}} and {{platform}} takes files up to {{limit}} from the bridge',
    fileTooLargeAction: 'ask the customer for a smaller file, or to share it another way',
    fileNotShown: '⚠️ *The file could not be shown here:* {{meaning}} (code {{code}}).\n*What to do:* {{action}}',
    notPosted:
      '⚠️ A message in the conversation with *{{customer}}* could not be posted in its thread: {{meaning}} (code {{code}}).\n*What to do:* {{action}}. {{hint}}\n> {{quote}}',
    stuckWith:
      '⏳ Messages in the conversation with *{{customer}}* have not been {{where}} for {{duration}}: {{error}}.\n*What to do:* nothing is lost: the bridge keeps retrying and delivers them in order once it goes through; check the platform’s status if this lasts.',
    stuck:
      '⏳ Messages in the conversation have not been {{where}} for {{duration}}: {{error}}.\n*What to do:* nothing is lost: the bridge keeps retrying and delivers them in order once it goes through; check the platform’s status if this lasts.',
    stuckPosted: 'posted in its thread',
    stuckSent: 'sent to WhatsApp',
    unknownError: 'unknown error',
    reactionFailed: '⚠️ *The reaction {{emoji}} did not reach the customer:* {{meaning}} (code {{code}}).\n*What to do:* {{action}}',
    reactionRemoval: '(removal)',
    filesRefused: '⚠️ *Not sent to the customer:*\n{{lines}}\n*What to do:* share a link to the file, or a file WhatsApp takes.',
    fileRefusedLine: '• “{{name}}”: {{reason}}.',
    textTooLong:
      '⚠️ *Not sent to the customer:* the message is {{length}} characters, and WhatsApp takes {{max}} per message; the bridge sends one reply as at most {{parts}} messages.\n*What to do:* shorten it, or share it as a file.',
    windowClosedMeaning: 'the customer last wrote on {{at}}, more than 24 hours ago, so WhatsApp allows only templates',
    windowNeverMeaning: 'the customer last wrote never, more than 24 hours ago, so WhatsApp allows only templates',
    windowClosedAction: 'send an approved template with `/wa template {{phone}} <template>`',
  },
  /** The window reminder (outbox/handlers/chat-window-reminder.ts); `{date}` (single braces) is where the platform puts its date token (ChatPost.date). */
  windowReminder: {
    reminder:
      "⏰ *Reminder*: the customer's last message is still unanswered, and the 24-hour window closes at {date}. After that, only approved templates can be sent.",
    reminderFor:
      "⏰ *Reminder* for {{others}}: the customer's last message is still unanswered, and the 24-hour window closes at {date}. After that, only approved templates can be sent.",
  },
  edits: {
    editedHere: '✏️ *Edited here only:* WhatsApp cannot edit a message once it is sent, so the customer still has:\n{{quote}}',
    deletedHere: '✏️ *Deleted here only:* WhatsApp cannot delete a message once it is sent, so the customer still has:\n{{quote}}',
    notSentParts:
      '✏️ *Edit not sent:* this message goes to WhatsApp in several parts, which cannot be rewritten, so the customer gets the original:\n{{quote}}',
    notSentReply: '✏️ *Edit not sent:* the edited text cannot be sent as a reply, so the customer gets the original:\n{{quote}}',
    reactionWindowClosed:
      '⚠️ *The reaction {{emoji}} was not sent to the customer:* they last wrote more than 24 hours ago, and WhatsApp then allows only templates.',
  },
  token: {
    refused:
      '🔑 *WhatsApp access token refused* ({{names}}): {{meaning}} (code {{code}}).\n*What to do:* {{action}}.\nReplies to customers are paused meanwhile; sending resumes by itself once a token works, nothing is lost.',
    action:
      'create a permanent token for a system user (Meta Business Suite → Business settings → System users → Generate new token, with whatsapp_business_messaging and whatsapp_business_management), set {{variables}}, and restart the bridge',
    works: '🔑 *The WhatsApp access token works again:* paused replies to customers are being sent.',
  },
  automatic: {
    away: 'away message',
    menu: 'menu',
    greeting: 'greeting',
    keyword: 'auto-reply: {{rule}}',
    notSent: '🤖 {{label}} not sent: {{meaning}}.\n*What to do:* {{action}}',
    notSentCode: '🤖 {{label}} not sent: {{meaning}} (code {{code}}).\n*What to do:* {{action}}',
    sent: '🤖 {{label}} sent{{what}}',
    answered: '🤖 {{label}}{{what}}',
    templateInstead: '\n(template {{template}}: the 24-hour window was closed)',
    noTemplateMeaning: 'the customer wrote more than 24 hours ago, so WhatsApp allows only templates, and no template is configured for it',
    noTemplateAction: 'answer with `/wa template`, or set `whenWindowClosed` on this answer in BRIDGE_CONFIG',
  },
  lifecycle: {
    ownYouAlready: 'You own this conversation already.',
    ownAlready: '{{name}} owns this conversation already.',
    ownYouNow: 'You own this conversation now.',
    ownNow: '{{name}} owns this conversation now.',
    participantAlready: '{{name}} is a participant already.',
    participantNow: '{{name}} is a participant now.',
    closedAlready: 'This conversation is closed already.',
    closed: 'Conversation closed.',
    closedNotSent: 'Conversation closed. The closing message was not sent: the 24-hour window has closed (only templates can be sent).',
    closingMessage: 'closing message',
    notClosed: 'This conversation is not closed.',
    reopened: 'Conversation reopened.',
    notAChannel: 'This channel is not a WhatsApp number’s channel.',
    noConversation: 'No conversation with {{number}} on this channel’s number.',
    useInThread: 'Use this in a conversation’s thread, or name the customer’s number (e.g. `+4915112345678`).',
    addWho: 'Name the person to add: `/wa add @person`.',
    assignWho: 'Name the person to assign it to: `/wa assign @person`.',
  },
} as const;
