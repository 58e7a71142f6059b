/**
 * Slack → core: the Bolt listeners. People's replies in bridged threads, their reactions, `/wa` and its template
 * form, and the bot joining a channel. The bot's own events are dropped here (only the adapter knows its user id);
 * everything else is handed to the core, which decides.
 */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import {
  offersCardActions,
  offersInteractiveForms,
  offersSavedReplies,
  offersTemplateForms,
  type ChatInbound,
  type TemplateForms,
} from '../../src/domain/chat/inbound';
import type { AgentFile } from '../../src/domain/media';
import type { Logger } from '../../src/logger';
import type { SlackDirectory } from './directory';
import { registerCardActions } from './card-actions';
import { registerChanges } from './changes';
import { emojiFromSlackName } from './emoji';
import { agentFileOf, type SlackFile } from './files';
import { answerCommand } from './command-answer';
import { commandText, fromSlackText, toSlackText } from './format';
import { openInteractiveFromCommand, registerInteractiveForm } from './interactive-modal';
import { registerSavedReplyForm } from './saved-reply-modal';
import { inlineErrors, PICK_ACTION_ID, readSubmission, TEMPLATE_CALLBACK_ID, templateModal, type ModalMetadata } from './template-modal';

export interface SlackInboundContext {
  client: WebClient;
  core: ChatInbound;
  directory: SlackDirectory;
  log: Logger;
  botUserId: string;
  commandAckMs: number;
}

/** What Bolt hands a block_actions listener for the template picker (the fields used). */
interface PickBody {
  view?: { id: string; hash?: string; private_metadata?: string };
  actions?: { selected_option?: { value?: string } }[];
}

interface SlackMessageEvent {
  type: 'message';
  subtype?: string;
  channel: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  files?: SlackFile[];
}

/** `reaction_added` / `reaction_removed` (Slack's event reference): who, which emoji name, on what. */
interface SlackReactionEvent {
  user?: string;
  reaction?: string;
  item?: { type?: string; channel?: string; ts?: string };
  event_ts?: string;
}

export function registerInbound(app: App, ctx: SlackInboundContext): void {
  const { core, log } = ctx;
  app.event('message', async ({ event }) => onMessage(ctx, event as unknown as SlackMessageEvent));
  app.event('reaction_added', async ({ event }) => onReaction(ctx, event as SlackReactionEvent, true));
  app.event('reaction_removed', async ({ event }) => onReaction(ctx, event as SlackReactionEvent, false));
  // The bot was invited to a channel (docs.slack.dev/reference/events/member_joined_channel; Bolt's ignoreSelf keeps
  // this event for the bot itself): deliveries paused on `not_in_channel` are tried again now.
  app.event('member_joined_channel', async ({ event }) => {
    if (event.user === ctx.botUserId) core.accessChanged?.({ platform: 'slack', channelId: event.channel });
  });
  app.command('/wa', async ({ command, ack, respond }) => {
    // `/wa template` alone opens the form (the trigger_id is valid for 3 seconds).
    if ((command.text ?? '').trim().toLowerCase() === 'template' && offersTemplateForms(core)) {
      const opened = await openTemplateModal(ctx, core, command.trigger_id, command.channel_id);
      if (opened) return ack();
    }
    // `/wa buttons|list [+phone]` opens its form too (adapters/slack/interactive-modal.ts).
    if (await openInteractiveFromCommand(ctx, command)) return ack();
    const userName = await ctx.directory.userName(command.user_id);
    const reply = core.command({
      platform: 'slack',
      userId: command.user_id,
      userName,
      channelId: command.channel_id,
      text: commandText(command.text ?? ''),
    });
    await answerCommand(reply, { ack, respond, budgetMs: ctx.commandAckMs }, log, core.language?.({ platform: 'slack', channelId: command.channel_id }));
  });
  if (offersTemplateForms(core)) registerTemplateForm(app, ctx, core);
  if (offersSavedReplies(core)) registerSavedReplyForm(app, ctx, core);
  if (offersInteractiveForms(core)) registerInteractiveForm(app, ctx, core);
  if (offersCardActions(core)) registerCardActions(app, ctx, core);
  registerChanges(app, ctx);
  app.error(async (err) => {
    log.error({ err }, 'Slack event handling failed');
    throw err; // Bolt answers 500: Slack retries, and our idempotent ingest makes that safe.
  });
}

/** The form's picker (block_actions → views.update with the template's fields) and its submission (view_submission). */
function registerTemplateForm(app: App, ctx: SlackInboundContext, core: ChatInbound & TemplateForms): void {
  app.action(PICK_ACTION_ID, async ({ ack, body }) => {
    await ack();
    await onTemplatePicked(ctx, core, body as unknown as PickBody);
  });
  app.view(TEMPLATE_CALLBACK_ID, async ({ ack, view, body }) => {
    const meta = JSON.parse(view.private_metadata || '{}') as ModalMetadata;
    const { phone, template, fields } = readSubmission(view.state.values as never);
    const userName = await ctx.directory.userName(body.user.id);
    // Opened from a card, the form has no phone input: the number is the customer's (meta.phone).
    const to = phone || meta.phone || '';
    const result = await core.sendTemplate({
      platform: 'slack',
      userId: body.user.id,
      userName,
      channelId: meta.channelId,
      phone: to,
      template,
      values: fields,
    });
    if (!result.ok) {
      const blockIds = view.blocks.map((b) => b.block_id).filter((id): id is string => Boolean(id));
      await ack({ response_action: 'errors', errors: inlineErrors(result.errors, blockIds) });
      return;
    }
    await ack();
    await ctx.client.chat
      .postEphemeral({ channel: meta.channelId, user: body.user.id, text: toSlackText(result.text) })
      .catch((err: Error) => ctx.log.warn({ err }, 'could not confirm the template send'));
  });
}

async function openTemplateModal(ctx: SlackInboundContext, core: ChatInbound & TemplateForms, triggerId: string, channelId: string): Promise<boolean> {
  try {
    const choices = await core.templates({ platform: 'slack', channelId });
    const lang = core.language?.({ platform: 'slack', channelId });
    await ctx.client.views.open({ trigger_id: triggerId, view: templateModal({ channelId }, choices, undefined, undefined, lang) as never });
    return true;
  } catch (err) {
    ctx.log.warn({ err }, 'could not open the template form; answering as a command');
    return false;
  }
}

async function onTemplatePicked(ctx: SlackInboundContext, core: ChatInbound & TemplateForms, body: PickBody): Promise<void> {
  const meta = JSON.parse(body.view?.private_metadata || '{}') as ModalMetadata;
  const template = body.actions?.[0]?.selected_option?.value;
  if (!body.view || !template) return;
  const lang = core.language?.({ platform: 'slack', channelId: meta.channelId });
  const [choices, fields] = await Promise.all([
    core.templates({ platform: 'slack', channelId: meta.channelId }),
    core.templateFields({ platform: 'slack', channelId: meta.channelId, template, conversationId: meta.conversationId }),
  ]);
  const view =
    'fields' in fields
      ? templateModal({ ...meta, template }, choices, fields.fields, undefined, lang)
      : templateModal({ ...meta, template }, choices, undefined, fields.error, lang);
  await ctx.client.views.update({ view_id: body.view.id, hash: body.view.hash, view: view as never });
}

async function onMessage(ctx: SlackInboundContext, e: SlackMessageEvent): Promise<void> {
  // Only people's replies inside a thread. thread_broadcast and file_share are still replies by a person.
  if (e.subtype && e.subtype !== 'thread_broadcast' && e.subtype !== 'file_share') return;
  if (e.bot_id || e.app_id || !e.user || e.user === ctx.botUserId) return;
  if (!e.thread_ts || e.thread_ts === e.ts) return;
  const { directory } = ctx;
  await directory.resolveMentionNames(e.text ?? '');
  const text = fromSlackText(e.text ?? '', (id) => directory.knownName(id));
  // A message that starts by mentioning someone (`<@U…>`, mrkdwn reference): the core decides whether it stays internal.
  const lead = /^\s*<@([UW][A-Z0-9]+)(?:\|[^>]*)?>[\s,:]*/.exec(e.text ?? '');
  const name = await directory.userName(e.user);
  await ctx.core.agentMessage({
    platform: 'slack',
    channelId: e.channel,
    threadId: e.thread_ts,
    messageId: e.ts,
    author: { id: e.user, name },
    text,
    sentAt: new Date(Number(e.ts) * 1000),
    files: e.files?.length ? await agentFiles(ctx, e.files) : undefined,
    leadingMention: lead
      ? { userId: lead[1]!, isBot: lead[1] === ctx.botUserId, rest: fromSlackText(e.text!.slice(lead[0].length), (id) => directory.knownName(id)) }
      : undefined,
  });
}

/** Files of a file_share, as the core describes them. Some events carry only ids (`file_access: check_file_info`). */
async function agentFiles(ctx: SlackInboundContext, files: SlackFile[]): Promise<AgentFile[]> {
  const described: AgentFile[] = [];
  for (const f of files) {
    let file = agentFileOf(f);
    if (!file && f.id) file = agentFileOf(((await ctx.client.files.info({ file: f.id }).catch(() => undefined))?.file as SlackFile | undefined) ?? {});
    if (file) described.push(file);
    else ctx.log.warn({ fileId: f.id }, 'a shared file could not be described (no URL): not sent to the customer');
  }
  return described;
}

/** An agent's reaction on a message (the bot's own reactions are statuses and mirrored customer reactions). */
async function onReaction(ctx: SlackInboundContext, e: SlackReactionEvent, added: boolean): Promise<void> {
  if (!ctx.core.agentReaction || e.item?.type !== 'message' || !e.item.channel || !e.item.ts || !e.user || e.user === ctx.botUserId) return;
  const emoji = e.reaction ? emojiFromSlackName(e.reaction) : undefined;
  if (!emoji) {
    ctx.log.debug({ reaction: e.reaction }, 'a reaction without a Unicode emoji (custom emoji) cannot go to WhatsApp');
    return;
  }
  await ctx.core.agentReaction({
    platform: 'slack',
    channelId: e.item.channel,
    messageId: e.item.ts,
    userId: e.user,
    emoji,
    added,
    eventId: e.event_ts ?? `${Date.now()}`,
  });
}
