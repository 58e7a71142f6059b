/**
 * Slack's way to send a saved reply from a thread, where Slack runs no slash command: the message shortcut
 * “Send a saved reply” (callback `wa_saved_reply`, declared in docker/slack-app-manifest.yml) on any message of a
 * customer's thread opens a form listing the number's saved replies; submitting it sends the chosen one as the agent's
 * reply (the core's SavedReplyForms). Shortcut payload: https://docs.slack.dev/reference/interaction-payloads/shortcuts-interaction-payload.
 */
import type { App } from '@slack/bolt';
import type { ChatInbound, SavedReplyForms } from '../../src/domain/chat/inbound';
import { toSlackText } from './format';
import type { SlackInboundContext } from './inbound';
import { DEFAULT_LANGUAGE, t, type Language } from '../../src/i18n';

export const SAVED_REPLY_SHORTCUT = 'wa_saved_reply';
export const SAVED_REPLY_CALLBACK_ID = 'wa_saved_reply_modal';
const BLOCK_ID = 'saved_reply';
const ACTION_ID = 'name';
/** A static_select takes at most 100 options (Block Kit reference); a plain_text field 75 characters. */
const MAX_OPTIONS = 100;

interface Metadata {
  channelId: string;
  threadId: string;
}

/** The fields of a `message_action` payload that are read. */
interface MessageShortcutBody {
  trigger_id: string;
  channel?: { id?: string };
  user: { id: string };
  message?: { ts?: string; thread_ts?: string };
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** `lang`: the language of the channel's number (the form's own words). */
export function savedReplyModal(meta: Metadata, choices: { name: string; text: string }[], lang: Language = DEFAULT_LANGUAGE): object {
  const base = {
    type: 'modal',
    callback_id: SAVED_REPLY_CALLBACK_ID,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: t(lang, 'replyForm.title') },
  };
  if (!choices.length) {
    return {
      ...base,
      close: { type: 'plain_text', text: t(lang, 'replyForm.close') },
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: t(lang, 'replyForm.none') } }],
    };
  }
  return {
    ...base,
    submit: { type: 'plain_text', text: t(lang, 'replyForm.send') },
    close: { type: 'plain_text', text: t(lang, 'replyForm.cancel') },
    blocks: [
      {
        type: 'input',
        block_id: BLOCK_ID,
        label: { type: 'plain_text', text: t(lang, 'replyForm.label') },
        element: {
          type: 'static_select',
          action_id: ACTION_ID,
          placeholder: { type: 'plain_text', text: t(lang, 'replyForm.choose') },
          options: choices.slice(0, MAX_OPTIONS).map((c) => ({
            text: { type: 'plain_text', text: clip(`${c.name} — ${c.text}`, 75) },
            value: c.name,
          })),
        },
      },
    ],
  };
}

export function registerSavedReplyForm(app: App, ctx: SlackInboundContext, core: ChatInbound & SavedReplyForms): void {
  app.shortcut({ callback_id: SAVED_REPLY_SHORTCUT, type: 'message_action' }, async ({ ack, body }) => {
    await ack();
    const b = body as unknown as MessageShortcutBody;
    const channelId = b.channel?.id;
    // On the root message the thread is its own ts; on a reply, its thread_ts.
    const threadId = b.message?.thread_ts ?? b.message?.ts;
    if (!channelId || !threadId) return;
    const choices = await core.savedReplies({ platform: 'slack', channelId });
    await ctx.client.views.open({
      trigger_id: b.trigger_id,
      view: savedReplyModal({ channelId, threadId }, choices, core.language?.({ platform: 'slack', channelId })) as never,
    });
  });
  app.view(SAVED_REPLY_CALLBACK_ID, async ({ ack, view, body }) => {
    const meta = JSON.parse(view.private_metadata || '{}') as Metadata;
    const name = (view.state.values as Record<string, Record<string, { selected_option?: { value?: string } | null }>>)[BLOCK_ID]?.[ACTION_ID]?.selected_option
      ?.value;
    if (!name) {
      await ack({
        response_action: 'errors',
        errors: { [BLOCK_ID]: t(core.language?.({ platform: 'slack', channelId: meta.channelId }) ?? DEFAULT_LANGUAGE, 'replyForm.pick') },
      });
      return;
    }
    const userName = await ctx.directory.userName(body.user.id);
    const result = await core.sendSavedReply({ platform: 'slack', channelId: meta.channelId, threadId: meta.threadId, userId: body.user.id, userName, name });
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: { [BLOCK_ID]: clip(toSlackText(result.text), 150) } });
      return;
    }
    await ack();
  });
}
