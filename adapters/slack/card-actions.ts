/**
 * The card's buttons on Slack (issue 11 point 2): Block Kit under the card and under a "window closed" notice, and
 * the clicks (block_actions, verified by Bolt's signature check like every request to /slack/events). A button's
 * `value` is the conversation id; the person pickers (users_select, multi_users_select) carry no value, so the
 * actions block's `block_id` names the conversation too. Limits (Block Kit reference, "Actions block" and "Button
 * element"): ≤ 25 elements, button text ≤ 75, value ≤ 2000, block_id ≤ 255, section text ≤ 3000.
 */
import type { App } from '@slack/bolt';
import type { CardAction, PostActions } from '../../src/domain/chat/card';
import type { CardActions, ChatInbound, TemplateForms } from '../../src/domain/chat/inbound';
import { offersTemplateForms } from '../../src/domain/chat/inbound';
import { DEFAULT_LANGUAGE, t, type Language } from '../../src/i18n';
import { toSlackText } from './format';
import type { SlackInboundContext } from './inbound';
import { templateModal } from './template-modal';

const ACTION_PREFIX = 'wa_card_';
const BLOCK_PREFIX = 'wa_card:';
const SECTION_MAX = 3000;
const ACTIONS = ['template', 'claim', 'assign', 'add', 'close', 'reopen'] as const satisfies readonly CardAction[];

const plain = (text: string) => ({ type: 'plain_text' as const, text: text.slice(0, 75), emoji: true });

function element(action: CardAction, conversationId: string, lang: Language): Record<string, unknown> {
  const action_id = `${ACTION_PREFIX}${action}`;
  const text = t(lang, `buttons.${action}`);
  if (action === 'assign') return { type: 'users_select', action_id, placeholder: plain(text) };
  if (action === 'add') return { type: 'multi_users_select', action_id, placeholder: plain(text) };
  return { type: 'button', action_id, text: plain(text), value: conversationId, ...(action === 'template' ? { style: 'primary' } : {}) };
}

/**
 * The blocks of a post with buttons: its text as a section (Slack shows blocks instead of `text`, which stays the
 * notification's fallback), then the actions. Undefined when there are none or the text is too long for a section.
 */
export function actionBlocks(text: string, actions: PostActions | undefined): { type: string; [field: string]: unknown }[] | undefined {
  if (!actions?.actions.length || text.length > SECTION_MAX) return undefined;
  return [
    { type: 'section', text: { type: 'mrkdwn', text } },
    {
      type: 'actions',
      block_id: `${BLOCK_PREFIX}${actions.conversationId}`,
      elements: actions.actions.map((a) => element(a, actions.conversationId, actions.language ?? DEFAULT_LANGUAGE)),
    },
  ];
}

/** What Bolt hands a block_actions listener (the fields read; Slack's block_actions payload reference). */
interface ClickBody {
  user: { id: string; name?: string; username?: string };
  trigger_id?: string;
  channel?: { id?: string };
  container?: { channel_id?: string; thread_ts?: string };
  message?: { ts?: string; thread_ts?: string };
  actions?: { action_id?: string; block_id?: string; value?: string; selected_user?: string; selected_users?: string[] }[];
}

export function registerCardActions(app: App, ctx: SlackInboundContext, core: ChatInbound & CardActions): void {
  app.action(new RegExp(`^${ACTION_PREFIX}(${ACTIONS.join('|')})$`), async ({ ack, body }) => {
    await ack();
    await onClick(ctx, core, body as unknown as ClickBody).catch((err: unknown) => ctx.log.error({ err }, 'a card button could not be answered'));
  });
}

async function onClick(ctx: SlackInboundContext, core: ChatInbound & CardActions, body: ClickBody): Promise<void> {
  const clicked = body.actions?.[0];
  const action = clicked?.action_id?.slice(ACTION_PREFIX.length) as CardAction | undefined;
  const conversationId = clicked?.value ?? (clicked?.block_id?.startsWith(BLOCK_PREFIX) ? clicked.block_id.slice(BLOCK_PREFIX.length) : undefined);
  const channelId = body.channel?.id ?? body.container?.channel_id;
  if (!action || !conversationId || !channelId) {
    ctx.log.warn({ actionId: clicked?.action_id }, 'a card button click without its conversation or channel: ignored');
    return;
  }
  const picked = clicked?.selected_users ?? (clicked?.selected_user ? [clicked.selected_user] : []);
  const userName = await ctx.directory.userName(body.user.id);
  const result = await core.cardAction({
    platform: 'slack',
    userId: body.user.id,
    userName,
    channelId,
    conversationId,
    action,
    people: picked.map((userId) => ({ userId })),
  });
  if ('form' in result) {
    if (offersTemplateForms(core) && body.trigger_id) await openForm(ctx, core, body.trigger_id, result.form);
    return;
  }
  const threadTs = body.message?.thread_ts ?? body.container?.thread_ts;
  await ctx.client.chat.postEphemeral({ channel: channelId, user: body.user.id, text: toSlackText(result.text), ...(threadTs ? { thread_ts: threadTs } : {}) });
}

/** The template form for this customer: their number is in the form's metadata, not asked (views.open with the click's trigger_id). */
async function openForm(
  ctx: SlackInboundContext,
  core: TemplateForms & Pick<ChatInbound, 'language'>,
  triggerId: string,
  form: { channelId: string; conversationId: string; phone: string; customer: string },
): Promise<boolean> {
  try {
    const choices = await core.templates({ platform: 'slack', channelId: form.channelId });
    const lang = core.language?.({ platform: 'slack', channelId: form.channelId });
    await ctx.client.views.open({ trigger_id: triggerId, view: templateModal(form, choices, undefined, undefined, lang) as never });
    return true;
  } catch (err) {
    ctx.log.warn({ err }, 'could not open the template form from a card');
    return false;
  }
}
