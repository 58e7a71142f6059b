/**
 * The card's buttons on Discord for the card-actions suite: clicks are MESSAGE_COMPONENT interactions (type 3) and
 * the form's submission a MODAL_SUBMIT (type 5) from the fake gateway (test/fakes/discord.ts component/modalSubmit,
 * shapes from discord-api-docs "Interactions → Receiving and Responding"); answers are the interaction callbacks.
 */
import type { APIMessage } from 'discord.js';
import { DISCORD_AGENT } from '../discord-harness';
import type { ActionName, CardActionsDriver, FormView } from './card-actions-driver';
import type { CommandAnswer, ThreadView } from './driver';
import { DiscordDriver } from './discord-driver';

/** Discord's EPHEMERAL message flag and callback types (4 message, 9 modal): discord-api-docs. */
const EPHEMERAL = 1 << 6;
const MODAL = 9;
type Component = { type: number; custom_id?: string; label?: string; value?: string; components?: Component[] };

const flat = (rows: Component[] | undefined): Component[] => (rows ?? []).flatMap((r) => r.components ?? []);

export class DiscordCardActionsDriver extends DiscordDriver implements CardActionsDriver {
  readonly otherUser = '999888777666555444';
  /** The private picker message the last "send a template" click answered with, in its thread. */
  private picker?: { message: APIMessage; channelId: string };

  private message(thread: ThreadView, postId?: string): APIMessage {
    const all = this.harness.fake.messagesIn(thread.id);
    const m = postId ? all.find((x) => x.id === postId) : all[0];
    if (!m) throw new Error(`no message ${postId ?? 'opening'} in ${thread.id}`);
    return m;
  }

  buttonsOn(thread: ThreadView, postId?: string): ActionName[] {
    return flat(this.message(thread, postId).components as Component[]).map((c) => c.custom_id!.split(':')[1] as ActionName);
  }

  async click(thread: ThreadView, action: ActionName, opts: { postId?: string; users?: string[]; as?: string } = {}): Promise<CommandAnswer | 'form'> {
    const { fake } = this.harness;
    const m = this.message(thread, opts.postId);
    const c = flat(m.components as Component[]).find((x) => x.custom_id?.startsWith(`wa:${action}:`));
    if (!c) throw new Error(`no ${action} component on ${m.id}`);
    const rec = fake.component({
      channelId: thread.id,
      messageId: m.id,
      customId: c.custom_id!,
      componentType: c.type,
      ...(c.type === 5 ? { values: opts.users ?? [] } : {}),
      user: opts.as ? { id: opts.as, username: 'other' } : DISCORD_AGENT,
    });
    const shown = await fake.waitForInteractionResponse(rec.id, 'callback', 10_000);
    const picker = flat(shown.data?.components as Component[] | undefined).find((x) => x.custom_id?.startsWith('wa:tpl:'));
    if (picker && shown.message) {
      this.picker = { message: shown.message, channelId: thread.id };
      return 'form';
    }
    return { text: String(shown.data?.content ?? ''), private: (Number(shown.data?.flags ?? 0) & EPHEMERAL) !== 0 };
  }

  /** Picks `ref` in the private picker (a string select, component type 3); the answer is the modal (callback type 9). */
  async formFor(ref: string): Promise<FormView> {
    const { fake } = this.harness;
    if (!this.picker) throw new Error('no template picker shown');
    const select = flat(this.picker.message.components as Component[])[0]!;
    const rec = fake.component({
      channelId: this.picker.channelId,
      messageId: this.picker.message.id,
      message: this.picker.message,
      customId: select.custom_id!,
      componentType: 3,
      values: [ref],
      user: DISCORD_AGENT,
    });
    const shown = await fake.waitForInteractionResponse(rec.id, 'callback', 10_000);
    if (shown.type !== MODAL) throw new Error(JSON.stringify(shown.data));
    const inputs = flat(shown.data?.components as Component[]);
    const initial: Record<string, string> = {};
    for (const i of inputs) if (i.custom_id?.startsWith('v:') && i.value) initial[i.custom_id.slice(2)] = i.value;
    this.modal = { customId: String(shown.data?.custom_id), channelId: this.picker.channelId };
    return {
      asksPhone: inputs.some((i) => /phone/i.test(`${i.custom_id} ${i.label}`)),
      text: JSON.stringify(shown.data),
      initial,
      keys: inputs.filter((i) => i.custom_id?.startsWith('v:')).map((i) => i.custom_id!.slice(2)),
    };
  }

  private modal?: { customId: string; channelId: string };

  /** MODAL_SUBMIT of the modal formFor showed, its text inputs filled in; the answer is the callback's message. */
  async submitForm(values: Record<string, string>): Promise<string | undefined> {
    const { fake } = this.harness;
    if (!this.modal) throw new Error('no modal shown');
    const typed = Object.fromEntries(Object.entries(values).map(([k, v]) => [`v:${k}`, v]));
    const rec = fake.modalSubmit({ channelId: this.modal.channelId, customId: this.modal.customId, values: typed, user: DISCORD_AGENT });
    const shown = await fake.waitForInteractionResponse(rec.id, 'callback', 10_000);
    return String(shown.data?.content ?? '');
  }
}
