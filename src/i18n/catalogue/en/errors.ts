/**
 * English: what a WhatsApp, Slack or Discord error means and what to do, as a notice in a thread shows it
 * (`errors.whatsapp.e<code>`, `errors.slack.<error>`, `errors.discord.e<code>`; `errors.<platform>Other.*` for a failure
 * without a listed code). The adapters' tables (adapters/{whatsapp,slack,discord}/errors.ts) say the same in English and
 * mark every explanation with its key; test/unit/src/i18n/error-keys.test.ts keeps the two equal and checks every
 * language has every key. A `{{detail}}` is the platform's own words (a status, Meta's title); a text without it gets
 * the detail in parentheses after it (src/services/present/notices.ts, catalogueWords).
 */
export const errors = {
  errors: {
    whatsapp: {
      e131047: {
        meaning: 'more than 24 hours have passed since the customer last wrote, so free-form replies are not allowed',
        action: 'send an approved template with `/wa template <phone> <template>`',
      },
      e131026: {
        meaning: 'the message could not be delivered: the number may not be on WhatsApp, use an old app, or not have accepted the terms',
        action: 'check the number with the customer, or reach them another way',
      },
      e131049: {
        meaning: 'Meta held back this marketing message to keep engagement healthy (per-user marketing limit)',
        action: 'wait at least 24 hours before sending this customer another marketing template',
      },
      e131050: {
        meaning: 'the customer stopped marketing messages from this business',
        action: 'do not send marketing templates to this customer',
      },
      e131051: {
        meaning: 'this message type is not supported',
        action: 'send text or a supported media type',
      },
      e131052: {
        meaning: 'WhatsApp could not download the customer’s media',
        action: 'ask the customer to send the file again',
      },
      e131053: {
        meaning: 'the media could not be uploaded (unsupported or mismatched type)',
        action: 'send a file type WhatsApp supports',
      },
      e131021: {
        meaning: 'the recipient is the business number itself',
        action: 'send to the customer’s number',
      },
      e131009: {
        meaning: 'a parameter value is invalid',
        action: 'check the phone number and the message',
      },
      e131000: {
        meaning: 'WhatsApp had an unknown error',
        action: 'nothing: the bridge retries',
      },
      e131056: {
        meaning: 'too many messages to this customer in a short time (pair rate limit)',
        action: 'nothing: the bridge retries with backoff',
      },
      e132000: {
        meaning: 'the number of template parameters does not match the template',
        action: 'give one value per variable (see `/wa templates`)',
      },
      e132001: {
        meaning: 'the template does not exist, or not in that language, or is not approved',
        action: 'check the name and language with `/wa templates`',
      },
      e130472: {
        meaning: 'the customer’s number is part of a Meta experiment and cannot receive this message',
        action: 'reach the customer another way',
      },
      e130497: {
        meaning: 'this account may not message users in the customer’s country',
        action: 'reach the customer another way',
      },
      e131048: {
        meaning: 'the number was limited because too many messages were reported as spam',
        action: 'check the number’s quality rating in WhatsApp Manager',
      },
      e0: { meaning: 'WhatsApp could not authenticate the app', action: 'renew WHATSAPP_ACCESS_TOKEN and restart the bridge' },
      e1: {
        meaning: 'the Graph API rejected the request or had an internal error',
        action: 'check Meta’s status page; the bridge will not retry this one',
      },
      e2: { meaning: 'WhatsApp is temporarily down or overloaded', action: 'nothing: the bridge retries' },
      e3: {
        meaning: 'the app lacks the capability or permission for this call',
        action: 'check the app’s WhatsApp permissions in Meta’s App Dashboard',
      },
      e4: { meaning: 'the app hit Meta’s API call rate limit', action: 'nothing: the bridge retries later' },
      e10: { meaning: 'permission denied for this number', action: 'give the token’s system user access to the WhatsApp account' },
      e100: {
        meaning: 'a parameter was invalid',
        action:
          'check the message; if every call fails with 100, the token belongs to an Employee system user: generate one for an Admin system user (`npm run doctor` tells)',
      },
      e190: {
        meaning: 'the WhatsApp access token has expired or was revoked',
        action: 'create a new token (a system-user token does not expire), set WHATSAPP_ACCESS_TOKEN and restart',
      },
      e368: { meaning: 'the account is temporarily blocked for a policy violation', action: 'see Business Support Home in Meta Business Suite' },
      e80007: { meaning: 'the WhatsApp account hit its rate limit', action: 'nothing: the bridge retries later' },
      e130429: { meaning: 'the number’s message throughput was reached', action: 'nothing: the bridge retries with backoff' },
      e131005: { meaning: 'access denied', action: 'check the token’s permissions (whatsapp_business_messaging)' },
      e131008: { meaning: 'a required parameter is missing', action: 'report this to the bridge’s maintainers' },
      e131016: { meaning: 'the WhatsApp service is temporarily unavailable', action: 'nothing: the bridge retries' },
      e131030: {
        meaning: 'the customer’s number is not in the test list: the app is not Live (or the number is a test number)',
        action: 'switch the app to Live in the App Dashboard, or add the number to the test list (WhatsApp → API Setup → To)',
      },
      e131031: { meaning: 'the business account is locked or restricted', action: 'see Business Support Home in Meta Business Suite' },
      e131042: { meaning: 'there is a problem with the account’s payment method', action: 'fix billing in WhatsApp Manager' },
      e131045: { meaning: 'the business number is not registered correctly', action: 'register the number again in WhatsApp Manager' },
      e131057: { meaning: 'the account is in maintenance mode (throughput upgrade)', action: 'nothing: the bridge retries in a minute' },
      e132005: { meaning: 'the template text is too long once filled in', action: 'use shorter parameter values' },
      e132007: { meaning: 'the template violates WhatsApp’s policy', action: 'edit the template in WhatsApp Manager' },
      e132012: { meaning: 'a template parameter has the wrong format', action: 'check each value against the template' },
      e132015: { meaning: 'the template is paused because of low quality', action: 'use another template or edit this one in WhatsApp Manager' },
      e132016: { meaning: 'the template was disabled permanently', action: 'use another template' },
      e132018: { meaning: 'a template parameter failed validation', action: 'check each value against the template' },
      e133010: { meaning: 'the business number is not registered on the Cloud API', action: 'register the number in WhatsApp Manager' },
    },
    /** WhatsApp failures without a listed code: `{{detail}}` is Meta's own words or the HTTP status (English, from its API). */
    whatsappOther: {
      unknown: { meaning: '{{detail}}', action: 'see Meta’s error code reference for this code' },
      httpPassing: { meaning: 'the Graph API answered HTTP {{detail}}', action: 'nothing: the bridge retries' },
      httpRefused: {
        meaning: 'the Graph API answered HTTP {{detail}}',
        action: 'check GRAPH_API_URL, GRAPH_API_VERSION and WHATSAPP_PHONE_NUMBER_ID',
      },
    },
    slack: {
      channel_not_found: {
        meaning: 'the Slack channel does not exist or the bot cannot see it',
        action: 'check SLACK_CHANNEL_ID and invite the bot to the channel',
      },
      not_in_channel: {
        meaning: 'the bot is not a member of the Slack channel',
        action: 'invite the bot to the channel (/invite @bot)',
      },
      is_archived: {
        meaning: 'the Slack channel is archived',
        action: 'unarchive it or route the number to another channel',
      },
      invalid_auth: {
        meaning: 'Slack refused the bot token',
        action: 'check SLACK_BOT_TOKEN',
      },
      token_revoked: {
        meaning: 'the Slack bot token was revoked',
        action: 'reinstall the Slack app and set the new SLACK_BOT_TOKEN',
      },
      account_inactive: {
        meaning: 'the Slack bot token belongs to a deactivated app or user',
        action: 'reinstall the Slack app',
      },
      missing_scope: {
        meaning: 'the Slack app lacks a permission',
        action: 'add the scopes listed in docker/slack-app-manifest.yml and reinstall the app',
      },
      msg_too_long: {
        meaning: 'the message is too long for Slack',
        action: 'nothing: it cannot be shown in full',
      },
      message_not_found: {
        meaning: 'the Slack message no longer exists',
        action: 'nothing',
      },
    },
    /** Slack failures without a listed error: a detail in parentheses (the error, Slack's message) is appended unless the text places `{{detail}}`. */
    slackOther: {
      ratelimited: { meaning: 'Slack rate limit reached', action: 'nothing: the bridge waits and retries' },
      network: { meaning: 'Slack could not be reached', action: 'nothing: the bridge retries' },
      httpPassing: { meaning: 'Slack answered HTTP {{detail}}', action: 'nothing: the bridge retries' },
      httpRefused: { meaning: 'Slack answered HTTP {{detail}}', action: 'check the Slack app configuration' },
      temporary: { meaning: 'Slack had a temporary problem', action: 'nothing: the bridge retries' },
      refused: { meaning: 'Slack refused the call', action: 'check the Slack app configuration' },
      unexpected: { meaning: '{{detail}}', action: 'nothing: the bridge retries' },
    },
    discord: {
      e50001: {
        meaning: 'the bot cannot see the Discord channel (Missing Access)',
        action:
          'give the bot’s role View Channel, Send Messages, Send Messages in Threads, Create Public Threads and Read Message History on the channel set in DISCORD_CHANNEL_ID',
      },
      e50013: {
        meaning: 'the bot lacks a Discord permission for this (Missing Permissions)',
        action:
          'give the bot’s role Send Messages in Threads, Create Public Threads, Manage Threads, Attach Files and Add Reactions on the channel set in DISCORD_CHANNEL_ID',
      },
      e10003: {
        meaning: 'the Discord channel or thread does not exist any more (Unknown Channel)',
        action: 'check DISCORD_CHANNEL_ID; if the conversation’s thread was deleted, the bridge cannot post into it',
      },
      e10004: {
        meaning: 'the bot is not in the Discord server (Unknown Guild)',
        action: 'invite the bot to the server and check DISCORD_GUILD_ID',
      },
      e50083: {
        meaning: 'the conversation’s Discord thread is archived and locked, and the bot may not reopen it',
        action: 'unlock the thread, or give the bot’s role Manage Threads on the channel so it can reopen threads itself',
      },
      e160006: {
        meaning: 'the Discord server has reached its limit of active threads',
        action: 'archive old threads in the channel; the bridge reopens a conversation’s thread when the customer writes again',
      },
      e10008: {
        meaning: 'the Discord message no longer exists (Unknown Message)',
        action: 'nothing: it was probably deleted',
      },
      e50008: {
        meaning: 'the Discord channel is not a text or forum channel',
        action: 'set DISCORD_CHANNEL_ID to a text channel or a forum channel',
      },
      e40001: {
        meaning: 'Discord refused the bot token',
        action: 'check DISCORD_BOT_TOKEN (Developer Portal → your app → Bot → Reset Token)',
      },
      e50035: {
        meaning: 'Discord refused the message’s content (Invalid Form Body)',
        action: 'report this to the bridge’s maintainers with the log line',
      },
    },
    /** Discord failures without a listed code: a detail in parentheses is appended unless the text places `{{detail}}`. */
    discordOther: {
      ratelimited: { meaning: 'Discord rate limit reached on {{detail}}', action: 'nothing: the bridge retries' },
      temporary: { meaning: 'Discord had a temporary problem', action: 'nothing: the bridge retries' },
      refused: { meaning: 'Discord refused the call', action: 'check the bot’s permissions on the channel set in DISCORD_CHANNEL_ID' },
      httpPassing: { meaning: 'Discord answered HTTP {{detail}}', action: 'nothing: the bridge retries' },
      httpRefused: { meaning: 'Discord answered HTTP {{detail}}', action: 'check DISCORD_API_URL' },
      network: { meaning: 'Discord could not be reached', action: 'nothing: the bridge retries' },
      unexpected: { meaning: '{{detail}}', action: 'nothing: the bridge retries' },
    },
  },
} as const;
