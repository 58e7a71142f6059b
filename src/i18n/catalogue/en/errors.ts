/**
 * English: what a WhatsApp (or Slack) error code means and what to do, as a notice in a thread shows it (`errors.whatsapp.e<code>`, `errors.slack.<error>`).
 * The adapters' tables (adapters/whatsapp/errors.ts, adapters/slack/errors.ts) says the same in English and marks these codes with their key; a
 * unit test keeps the two equal. A code not listed here is shown as the adapter words it, in English.
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
    },
  },
} as const;
