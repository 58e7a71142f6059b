/**
 * Slack's form for reply buttons and lists (issue 13 point 4). Slack runs no custom slash command typed in a thread,
 * so the form opens two ways: the message shortcut “Send buttons or a list” (callback `wa_interactive`, declared in
 * both app manifests under docker/) on any message of a customer's thread, or `/wa buttons +<phone>` / `/wa list
 * +<phone>` typed in the channel (the number names the conversation, as for the lifecycle subcommands). The
 * submission goes to the core's InteractiveForms; a refusal (a limit, a closed window, no conversation) comes back
 * inline on the field at fault (`response_action: "errors"`, keyed by block_id). Block Kit reference: a modal title
 * ≤ 24 characters, an input label ≤ 2000, a hint ≤ 2000; payloads:
 * https://docs.slack.dev/reference/interaction-payloads/shortcuts-interaction-payload and view_submission.
 */
import type { App } from '@slack/bolt';
import type { ChatInbound, InteractiveForms } from '../../src/domain/chat/inbound';
import type { InteractiveField, InteractiveForm } from '../../src/domain/interactive';
import { DEFAULT_LANGUAGE, translator, type Language, type Translate } from '../../src/i18n';
import { toSlackText } from './format';
import type { SlackInboundContext } from './inbound';

export const INTERACTIVE_SHORTCUT = 'wa_interactive';
export const INTERACTIVE_CALLBACK_ID = 'wa_interactive_modal';
/** Each input's block_id is the form field it holds (the core names the one at fault); its action_id is `value`. */
const VALUE = 'value';
const KIND = 'kind';

export interface InteractiveModalMetadata {
  channelId: string;
  threadId?: string;
  phone?: string;
}

type Kind = InteractiveForm['kind'];

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });
const option = (tr: Translate, kind: Kind) => ({
  text: plain(tr(kind === 'button' ? 'interactive.form.kindButton' : 'interactive.form.kindList')),
  value: kind,
});
const input = (field: InteractiveField, label: string, o: { multiline?: boolean; optional?: boolean; hint?: string } = {}) => ({
  type: 'input',
  block_id: field,
  optional: o.optional ?? false,
  label: plain(label),
  ...(o.hint ? { hint: plain(o.hint) } : {}),
  element: { type: 'plain_text_input', action_id: VALUE, multiline: o.multiline ?? false },
});

/** `lang`: the language of the channel's number (the form's own words). */
export function interactiveModal(meta: InteractiveModalMetadata, kind: Kind = 'button', lang: Language = DEFAULT_LANGUAGE): object {
  const tr = translator(lang);
  return {
    type: 'modal',
    callback_id: INTERACTIVE_CALLBACK_ID,
    private_metadata: JSON.stringify(meta),
    title: plain(tr('interactive.form.title')),
    submit: plain(tr('interactive.form.send')),
    close: plain(tr('interactive.form.cancel')),
    blocks: [
      {
        type: 'input',
        block_id: KIND,
        label: plain(tr('interactive.form.what')),
        element: { type: 'static_select', action_id: VALUE, initial_option: option(tr, kind), options: [option(tr, 'button'), option(tr, 'list')] },
      },
      input('body', tr('interactive.form.body'), { multiline: true }),
      input('options', tr('interactive.form.options'), {
        multiline: true,
        hint: `${tr('interactive.optionsHelpButtons')} ${tr('interactive.optionsHelpList')}`,
      }),
      input('button', tr('interactive.form.button'), { optional: true }),
      input('header', tr('interactive.form.header'), { optional: true }),
      input('footer', tr('interactive.form.footer'), { optional: true }),
    ],
  };
}

type Values = Record<string, Record<string, { value?: string | null; selected_option?: { value?: string } | null }>>;

/** The form as the agent filled it in. */
export function readInteractiveSubmission(values: Values): InteractiveForm {
  const text = (field: InteractiveField) => values[field]?.[VALUE]?.value ?? undefined;
  const kind: Kind = values[KIND]?.[VALUE]?.selected_option?.value === 'list' ? 'list' : 'button';
  return { kind, body: text('body') ?? '', options: text('options') ?? '', button: text('button'), header: text('header'), footer: text('footer') };
}

/** `buttons +49…` / `list +49…` (the command's text): the form to open, or undefined for any other subcommand. */
export function interactiveCommand(text: string): { kind: Kind; phone?: string } | undefined {
  const m = /^\s*(buttons|list)\b\s*(.*)$/i.exec(text);
  if (!m) return undefined;
  const phone = m[2]!.trim();
  return { kind: m[1]!.toLowerCase() === 'list' ? 'list' : 'button', ...(phone ? { phone } : {}) };
}

/** Opens the form for `/wa buttons|list [+phone]`; false when the text is another subcommand or Slack refused the view. */
export async function openInteractiveFromCommand(
  ctx: SlackInboundContext,
  command: { text?: string; trigger_id: string; channel_id: string },
): Promise<boolean> {
  const wanted = interactiveCommand(command.text ?? '');
  if (!wanted || !ctx.core.sendInteractive) return false;
  try {
    const meta = { channelId: command.channel_id, ...(wanted.phone ? { phone: wanted.phone } : {}) };
    await ctx.client.views.open({
      trigger_id: command.trigger_id,
      view: interactiveModal(meta, wanted.kind, ctx.core.language?.({ platform: 'slack', channelId: command.channel_id })) as never,
    });
    return true;
  } catch (err) {
    ctx.log.warn({ err }, 'could not open the buttons/list form; answering as a command');
    return false;
  }
}

/** The fields of a `message_action` payload that are read. */
interface MessageShortcutBody {
  trigger_id: string;
  channel?: { id?: string };
  message?: { ts?: string; thread_ts?: string };
}

export function registerInteractiveForm(app: App, ctx: SlackInboundContext, core: ChatInbound & InteractiveForms): void {
  app.shortcut({ callback_id: INTERACTIVE_SHORTCUT, type: 'message_action' }, async ({ ack, body }) => {
    await ack();
    const b = body as unknown as MessageShortcutBody;
    const channelId = b.channel?.id;
    // On the root message the thread is its own ts; on a reply, its thread_ts.
    const threadId = b.message?.thread_ts ?? b.message?.ts;
    if (!channelId || !threadId) return;
    await ctx.client.views.open({
      trigger_id: b.trigger_id,
      view: interactiveModal({ channelId, threadId }, 'button', core.language?.({ platform: 'slack', channelId })) as never,
    });
  });
  app.view(INTERACTIVE_CALLBACK_ID, async ({ ack, view, body }) => {
    const meta = JSON.parse(view.private_metadata || '{}') as InteractiveModalMetadata;
    const form = readInteractiveSubmission(view.state.values as Values);
    const userName = await ctx.directory.userName(body.user.id);
    const result = await core.sendInteractive({ platform: 'slack', ...meta, userId: body.user.id, userName, form });
    if (!result.ok) {
      // Inline under the field at fault; a refusal about the conversation (no thread, closed window) under the message.
      await ack({ response_action: 'errors', errors: { [result.field ?? 'body']: toSlackText(result.text).slice(0, 2000) } });
      return;
    }
    await ack();
  });
}
