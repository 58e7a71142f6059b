/**
 * `/wa doctor` (src/doctor/): the refusal a non-admin gets, the report's frame, and every check's name, detail and fix
 * (adapters/whatsapp/doctor/, adapters/slack/doctor.ts, adapters/discord/doctor.ts build their English from these
 * keys, so the CLI's English report reads exactly as these texts). Ids, names, env variables, API paths and Meta's
 * or Slack's own words are variables or kept as they are in every language.
 */
export const doctor = {
  doctor: {
    refused: {
      askAdmin:
        '🚫 `/wa doctor` is for the bridge’s admins. Ask an admin to add your user id ({{user}}) to BRIDGE_ADMINS, or run `npm run doctor` on the server.',
      noAdmin:
        '🚫 `/wa doctor` is for the bridge’s admins. No admin is configured: add your user id ({{user}}) to BRIDGE_ADMINS, or run `npm run doctor` on the server.',
    },
    /** One check: its name, then what was found. */
    line: '{{name}}: {{detail}}',
    fix: 'fix: {{fix}}',
    passed_one: 'All {{count}} checks passed.',
    passed_other: 'All {{count}} checks passed.',
    failed_one: '{{count}} of {{total}} checks failed.',
    failed_other: '{{count}} of {{total}} checks failed.',
    crashed: {
      name: 'checks ran',
      detail: 'the checks stopped: {{error}}',
      fix: 'run `npm run doctor` again; if it persists, see the bridge’s log',
    },
    /** A platform's own words (an error message), kept as they are. */
    raw: '{{text}}',
    /** A list: `{{rest}}` is the list's other items, already joined. */
    list: '{{first}}, {{rest}}',
    /** A Graph call that failed: `{{label}}` is `Graph error <code>` (or Meta's code word), `{{what}}` the FAQ's words or Meta's. */
    graph: {
      label: 'Graph error {{code}}',
      detail: '{{label}}: {{what}}',
      seeLog: 'see the bridge’s log',
      on: '{{id}}: {{detail}}',
    },
    /** Odoo's WhatsApp FAQ (adapters/whatsapp/doctor/faq.ts). */
    faq: {
      expired: 'the access token has expired (a temporary token lasts 24 hours)',
      invalidParameter: 'invalid parameter: the id is unknown to this token, or the token belongs to an Employee system user',
      notLive: 'recipient not in the allowed list: the app is not Live',
      permission: 'permission denied',
      duplicate: 'duplicate template name',
      permanentTokenFix:
        'create a permanent token: Meta Business Settings → Users → System users → an Admin system user → Generate new token (Token expiration: Never) for this app, with whatsapp_business_messaging and whatsapp_business_management; set it as WHATSAPP_ACCESS_TOKEN (or accessToken in BRIDGE_CONFIG) and restart the bridge',
      adminSystemUserFix:
        'the token belongs to an Employee system user: create an Admin system user (Meta Business Settings → Users → System users → Add, role Admin), give it the app and the WhatsApp account (full control), generate its token and set it as WHATSAPP_ACCESS_TOKEN',
      checkIdsFix: 'check WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_BUSINESS_ACCOUNT_ID in WhatsApp Manager; if they are right, {{then}}',
      notLiveFix:
        'switch the app to Live (App Dashboard → App Mode: Live; it needs a privacy policy URL in App settings → Basic) and send from a real business number; while testing, add each customer’s number to the test list (WhatsApp → API Setup → To)',
      duplicateFix:
        'a template with this name already exists in this language: give the new template another name, or edit the existing one in WhatsApp Manager, then run `/wa sync`',
      verificationFix:
        'the app may need advanced access, which needs a completed business verification (Meta Business Settings → Security Center → Start verification; developers.facebook.com/docs/development/release/business-verification)',
    },
    token: {
      valid: 'access token valid',
      notValid: 'Meta says the token is not valid',
      notValidWhy: 'Meta says the token is not valid ({{why}})',
      validToken: 'a valid token',
      validOfApp: 'a valid token of the app {{app}}',
      validWithId: 'a valid token (app id {{id}})',
      validOfAppWithId: 'a valid token of the app {{app}} (app id {{id}})',
      permissions: 'token permissions',
      missingScopes: 'missing {{missing}} (granted: {{granted}})',
      noScopes: 'none',
      expiry: 'token expiry',
      neverExpires: 'never expires',
      expired: 'expired at {{when}}',
      expiresInHours: 'expires at {{when}} (in {{hours}} h)',
      expiresInDays: 'expires at {{when}} (in {{days}} days)',
      expiresAt: "expires at {{when}}; a system user's token that never expires avoids renewing it",
    },
    number: {
      name: 'phone number',
      found: '{{display}} “{{verified}}” ({{id}})',
      status: 'number status',
      notConnected: '{{status}}: the number cannot send until it is CONNECTED',
      notConnectedFix: 'open WhatsApp Manager → Phone numbers: finish the registration (two-step PIN) or resolve what Meta lists there',
      quality: 'quality rating',
      red: 'RED: Meta may lower the messaging limit or block the number',
      redFix: 'see the number’s insights in WhatsApp Manager; send fewer marketing templates',
      limit: 'messaging limit',
      notReported: 'not reported',
      live: 'app Live',
      isLive: 'the number is in LIVE mode',
      sandbox: 'the number is a test number (SANDBOX): every customer outside the test list gets 131030',
      liveUnknown: 'not reported by Meta; check that App Dashboard → App Mode says Live (else: {{fix}})',
      waba: 'WhatsApp Business Account',
      wabaUnset: 'WHATSAPP_BUSINESS_ACCOUNT_ID is not set: templates cannot be read or sent',
      wabaUnsetFix:
        'copy the WhatsApp Business Account ID from App Dashboard → WhatsApp → API Setup into WHATSAPP_BUSINESS_ACCOUNT_ID (businessAccountId in BRIDGE_CONFIG)',
      wabaLists: '{{waba}} lists the number',
      wabaLacks: '{{waba}} does not list the number {{id}} (it lists {{ids}})',
      noNumbers: 'none',
      wabaLacksFix: 'set WHATSAPP_BUSINESS_ACCOUNT_ID to the account the number belongs to (App Dashboard → WhatsApp → API Setup shows both ids together)',
    },
    app: {
      subscribed: 'app subscribed to the account',
      subscribeFix:
        'subscribe the app to the account: curl -X POST -H "Authorization: Bearer $WHATSAPP_ACCESS_TOKEN" <Graph URL>/<version>/{{waba}}/subscribed_apps',
      theApp: 'the app',
      receives: '{{app}} ({{id}}) receives {{waba}}’s webhooks',
      notSubscribed: 'the app is not subscribed to {{waba}}: Meta sends it no messages',
      notSubscribedId: 'the app {{app}} is not subscribed to {{waba}}: Meta sends it no messages',
      notSubscribedOthers: 'the app is not subscribed to {{waba}} (subscribed: {{others}}): Meta sends it no messages',
      notSubscribedIdOthers: 'the app {{app}} is not subscribed to {{waba}} (subscribed: {{others}}): Meta sends it no messages',
      fields: 'webhook fields',
      fieldsFix:
        'App Dashboard → WhatsApp → Configuration → Webhook: Edit (callback URL https://<your host>{{path}}, the verify token below), then Manage and subscribe to {{fields}}',
      noAppId: 'the app id is unknown (debug_token did not say), so the webhook cannot be read',
      secret: '{{detail}} (is WHATSAPP_APP_SECRET this app’s secret?)',
      noWebhook: 'no active WhatsApp webhook is configured for the app',
      callbackWrong: 'the callback URL is {{callback}}, not the bridge’s https://<host>{{path}}',
      callbackUnset: 'the callback URL is not set, not the bridge’s https://<host>{{path}}',
      fieldsMissing: '{{callback}} is not subscribed to {{missing}}',
      fieldsOk: '{{callback}}: {{fields}}',
      paste: 'webhook to paste',
      pasteDetail: 'Callback URL https://<your public host>{{path}} · Verify token {{token}}',
    },
    chat: {
      botToken: 'bot token',
      channel: 'channel {{id}}',
    },
    slack: {
      tokenFix: 'create the app from docker/slack-app-manifest.yml, install it, and set its Bot User OAuth Token (xoxb-…) as SLACK_BOT_TOKEN',
      reinstall:
        'add the missing scopes under api.slack.com/apps → your app → OAuth & Permissions → Bot Token Scopes (or update the app from docker/slack-app-manifest.yml), then Reinstall to Workspace and set the new SLACK_BOT_TOKEN',
      theBot: 'the bot',
      theWorkspace: 'the workspace',
      botIn: '@{{bot}} in {{team}}',
      scopes: 'bot scopes',
      scopesUnlisted: 'Slack did not list the granted scopes',
      scopesMissing: 'missing {{missing}}',
      scopesAll: 'all {{count}} of the manifest',
      channelNotFoundFix: 'check the channel id (channel details → Channel ID); for a private channel, invite @{{bot}} first (/invite @{{bot}})',
      seeError: 'see Slack’s error for conversations.info',
      archived: '{{channel}} is archived: nothing can be posted there',
      archivedFix: 'unarchive {{channel}}, or route the number to another channel',
      notMember: '@{{bot}} is not a member of {{channel}}: posts fail with not_in_channel',
      notMemberFix: 'in {{channel}}, type /invite @{{bot}}',
      noWrite: '@{{bot}} is in {{channel}} but lacks chat:write',
      canPost: '@{{bot}} is in {{channel}} and can post',
    },
    discord: {
      tokenFix: 'Discord Developer Portal → your application → Bot → Reset Token; set it as DISCORD_BOT_TOKEN',
      intent: 'Message Content intent',
      intentFix: 'Discord Developer Portal → your application → Bot → Privileged Gateway Intents: turn on Message Content Intent, Save',
      enabled: 'enabled',
      disabled: 'disabled: the bot would see agents’ replies without their text',
      server: 'server',
      serverFix: 'check DISCORD_GUILD_ID, and invite the bot: Developer Portal → OAuth2 → URL Generator, scopes bot and applications.commands',
      channelFix: 'check the channel id (right-click the channel → Copy Channel ID) and that the bot can see it',
      notInServer: '{{channel}} is not in the server {{server}}',
      wrongType: '{{channel}} is of type {{type}}',
      typeFix: 'use a text, announcement or forum channel of the server DISCORD_GUILD_ID names',
      textChannel: '{{channel}}, a text channel',
      announcementChannel: '{{channel}}, a announcement channel',
      forumChannel: '{{channel}}, a forum channel',
      permissionsIn: 'permissions in {{channel}}',
      permissionsMissing: 'missing {{missing}}',
      permissionWhy: '{{permission}} (to {{why}})',
      /** Why the bridge needs each permission (adapters/discord/permissions.ts' `why`, by the permission's name). */
      why: {
        viewChannel: 'see the channel',
        sendMessages: 'open conversations (thread starters, forum posts)',
        sendMessagesInThreads: 'post customers’ messages',
        createPublicThreads: 'one thread per conversation',
        readMessageHistory: 'see agents’ replies and edit its own posts',
        addReactions: 'show delivery status and customers’ reactions',
        attachFiles: 'post customers’ media',
        manageThreads: 'reopen a locked conversation thread',
      },
      permissionsFix: 'Edit Channel {{channel}} → Permissions → the bot’s role: allow {{missing}} (or grant them to the role in Server Settings → Roles)',
    },
  },
} as const;
