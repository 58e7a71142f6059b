/**
 * The card's buttons on Discord (issue 11 point 2): message components under the card and under a "window closed"
 * notice, and the interactions they send (type 3, MESSAGE_COMPONENT; the template form's type 5, MODAL_SUBMIT:
 * discord-api-docs "Interactions → Receiving and Responding"). Each component's `custom_id` (≤ 100 characters) is
 * `wa:<action>:<conversation id>`. Assign and add are user selects (component type 5), the rest buttons (type 2).
 * "Send a template" answers privately with a picker of the templates (string select), then a modal with one input per
 * value, the customer's name suggested; the number is the conversation's, never asked. The modal's custom_id is
 * `wa:tsend:<conversation id>|<template name:language>`.
 */
import {
  ComponentType,
  MessageFlags,
  type ButtonInteraction,
  type Interaction,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
  type UserSelectMenuInteraction,
} from 'discord.js';
import type { CardAction, PostActions } from '../../src/domain/chat/card';
import { offersCardActions, offersTemplateForms, type CardActionRequest, type CardActionResult, type ChatInbound } from '../../src/domain/chat/inbound';
import { clip, toDiscordText } from './format';
import type { DiscordInboundContext } from './inbound';
import { DEFAULT_LANGUAGE, t, translator } from '../../src/i18n';

const PREFIX = 'wa:';
const PICK = 'tpl';
const SEND = 'tsend';
const CUSTOM_ID_MAX = 100;
/** A modal holds five rows (discord-api-docs "Modal"): the template travels in its custom_id, so five values fit. */
const MAX_FIELDS = 5;
/** Between the conversation id and the template's `name:language` in the modal's custom_id (neither contains it). */
const REF_SEP = '|';
const ACTIONS = new Set<string>(['template', 'claim', 'assign', 'add', 'close', 'reopen']);
/** Button styles (discord-api-docs "Button Styles"): 1 primary, 2 secondary, 3 success, 4 danger. */
const STYLE: Partial<Record<CardAction, number>> = { template: 1, claim: 2, close: 4, reopen: 3 };

const customId = (kind: string, conversationId: string) => `${PREFIX}${kind}:${conversationId}`;
const cut = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/** The action rows of a post with buttons: one row of buttons, then one row per user select. Empty when none fit. */
export function actionRows(actions: PostActions | undefined): Record<string, unknown>[] {
  if (!actions?.actions.length || customId(SEND, actions.conversationId).length > CUSTOM_ID_MAX) return [];
  const id = (a: CardAction) => customId(a, actions.conversationId);
  const label = (a: CardAction) => t(actions.language ?? DEFAULT_LANGUAGE, `buttons.${a}`);
  const buttons = actions.actions
    .filter((a) => a !== 'assign' && a !== 'add')
    .map((a) => ({ type: ComponentType.Button, style: STYLE[a] ?? 2, label: label(a), custom_id: id(a) }));
  const selects = actions.actions
    .filter((a) => a === 'assign' || a === 'add')
    .map((a) => ({
      type: ComponentType.ActionRow,
      components: [{ type: ComponentType.UserSelect, custom_id: id(a), placeholder: label(a), min_values: 1, max_values: a === 'add' ? 10 : 1 }],
    }));
  return [...(buttons.length ? [{ type: ComponentType.ActionRow, components: buttons }] : []), ...selects];
}

const parse = (id: string): { kind: string; conversationId: string } | undefined => {
  if (!id.startsWith(PREFIX)) return undefined;
  const rest = id.slice(PREFIX.length);
  const at = rest.indexOf(':');
  return at < 0 ? undefined : { kind: rest.slice(0, at), conversationId: rest.slice(at + 1) };
};

const ephemeral = (text: string) => ({ content: clip(toDiscordText(text)), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } }) as const;

/** Handles the interactions of the card's components; false when `interaction` is not one of them. */
export async function onComponent(ctx: DiscordInboundContext, interaction: Interaction): Promise<boolean> {
  if (!(interaction.isButton() || interaction.isUserSelectMenu() || interaction.isStringSelectMenu() || interaction.isModalSubmit())) return false;
  const parsed = parse(interaction.customId);
  const core = ctx.core;
  if (!parsed || !offersCardActions(core)) return false;
  const channel = interaction.channel;
  const parentId = channel?.isThread() ? channel.parentId : null;
  const member = interaction.member;
  const req: Omit<CardActionRequest, 'action'> = {
    platform: 'discord',
    userId: interaction.user.id,
    userName: member && 'displayName' in member ? member.displayName : (interaction.user.globalName ?? interaction.user.username),
    channelId: parentId ?? interaction.channelId ?? '',
    conversationId: parsed.conversationId,
  };
  if (parsed.kind === PICK && interaction.isStringSelectMenu()) {
    await picked(core, req, interaction);
    return true;
  }
  if (parsed.kind === SEND && interaction.isModalSubmit()) {
    const at = parsed.conversationId.lastIndexOf(REF_SEP);
    if (at < 0) return false;
    await submitted(core, { ...req, conversationId: parsed.conversationId.slice(0, at) }, parsed.conversationId.slice(at + 1), interaction);
    return true;
  }
  if (!ACTIONS.has(parsed.kind) || !(interaction.isButton() || interaction.isUserSelectMenu())) return false;
  await clicked(core, { ...req, action: parsed.kind as CardAction }, interaction);
  return true;
}

async function clicked(
  core: ChatInbound & Required<Pick<ChatInbound, 'cardAction'>>,
  req: CardActionRequest,
  i: ButtonInteraction | UserSelectMenuInteraction,
) {
  const people = i.isUserSelectMenu() ? i.values.map((userId) => ({ userId, name: i.users.get(userId)?.globalName ?? i.users.get(userId)?.username })) : [];
  const result = await core.cardAction({ ...req, people });
  if (!('form' in result)) return void (await i.reply(ephemeral(result.text)));
  const tr = translator(result.form.language ?? DEFAULT_LANGUAGE);
  const choices = offersTemplateForms(core) ? await core.templates({ platform: 'discord', channelId: result.form.channelId }) : [];
  if (!choices.length) return void (await i.reply(ephemeral(tr('cardActions.noTemplates'))));
  // Discord shows at most 25 options, each label and value at most 100 characters.
  await i.reply({
    ...ephemeral(tr('cardActions.pickTemplate', { customer: result.form.customer })),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.StringSelect,
            custom_id: customId(PICK, req.conversationId),
            placeholder: tr('cardActions.pickTemplatePlaceholder'),
            options: choices.slice(0, 25).map((c) => ({ label: cut(`${c.name} (${c.language})`, 100), value: cut(c.ref, 100) })),
          },
        ],
      },
    ],
  });
}

/** What a click that opens no form answers: the core's refusal, or that there is no template to pick. */
const refusal = (result: CardActionResult): string =>
  'text' in result ? result.text : translator(result.form.language ?? DEFAULT_LANGUAGE)('cardActions.noTemplates');

/** A template picked: the modal with its values, the customer's name suggested (the number is not asked). */
async function picked(core: ChatInbound & Required<Pick<ChatInbound, 'cardAction'>>, req: Omit<CardActionRequest, 'action'>, i: StringSelectMenuInteraction) {
  const ref = i.values[0] ?? '';
  const result = await core.cardAction({ ...req, action: 'template' });
  if (!('form' in result) || !offersTemplateForms(core)) return void (await i.reply(ephemeral(refusal(result))));
  const tr = translator(result.form.language ?? DEFAULT_LANGUAGE);
  const fields = await core.templateFields({ platform: 'discord', channelId: result.form.channelId, template: ref, conversationId: req.conversationId });
  if ('error' in fields) return void (await i.reply(ephemeral(fields.error)));
  // Too many values for a form: the optional ones (quick-reply payloads) are left out; still too many, the command line.
  const shown = fields.fields.length <= MAX_FIELDS ? fields.fields : fields.fields.filter((f) => f.required);
  const modalId = `${customId(SEND, req.conversationId)}${REF_SEP}${ref}`;
  if (shown.length > MAX_FIELDS || modalId.length > CUSTOM_ID_MAX)
    return void (await i.reply(ephemeral(tr('cardActions.tooManyFields', { line: `/wa template ${result.form.phone} ${ref}` }))));
  const row = (input: Record<string, unknown>) => ({ type: ComponentType.ActionRow, components: [{ type: ComponentType.TextInput, style: 1, ...input }] });
  // Modal limits (discord-api-docs "Text Input"): title and label ≤ 45, placeholder ≤ 100, value ≤ 4000.
  await i.showModal({
    // Plain JSON as the API takes it; discord.js's builder types are stricter than the API about optional fields.
    custom_id: modalId,
    title: cut(`${tr('buttons.template')}: ${result.form.phone}`, 45),
    components: [
      ...shown.map((f) =>
        row({
          custom_id: `v:${f.key}`.slice(0, 100),
          label: cut(f.label, 45),
          required: f.required,
          ...(f.example ? { placeholder: cut(tr('form.example', { example: f.example }), 100) } : {}),
          ...(f.initial ? { value: f.initial.slice(0, 4000) } : {}),
        }),
      ),
    ],
  } as never);
}

/** The modal submitted: sent like the Slack form, to the conversation's customer; the answer is private. */
async function submitted(
  core: ChatInbound & Required<Pick<ChatInbound, 'cardAction'>>,
  req: Omit<CardActionRequest, 'action'>,
  template: string,
  i: ModalSubmitInteraction,
) {
  const result = await core.cardAction({ ...req, action: 'template' });
  if (!('form' in result) || !offersTemplateForms(core)) return void (await i.reply(ephemeral(refusal(result))));
  const values: Record<string, string> = {};
  for (const [id, field] of i.fields.fields) {
    const value = 'value' in field ? String(field.value ?? '') : '';
    if (id.startsWith('v:') && value) values[id.slice(2)] = value;
  }
  const sent = await core.sendTemplate({
    platform: 'discord',
    userId: req.userId,
    userName: req.userName,
    channelId: result.form.channelId,
    phone: result.form.phone,
    template,
    values,
  });
  await i.reply(ephemeral(sent.text));
}
