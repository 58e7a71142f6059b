/**
 * The card's buttons on Slack for the card-actions suite: clicks are Slack's documented block_actions payload
 * (test/fixtures/slack/block_actions_button.json, SOURCES.md says what is set), signed and POSTed to /slack/events
 * by the harness's SlackSender; private answers are read from the fake's ephemerals, forms from its views.
 */
import { loadSlackFixture } from '../../fixtures/slack';
import type { StoredMessage } from '../../fakes/slack-api';
import { AGENT, CHANNEL, eventually, slackTs } from '../harness';
import type { ActionName, CardActionsDriver, FormView } from './card-actions-driver';
import type { CommandAnswer, ThreadView } from './driver';
import { SlackDriver } from './slack-driver';

type Element = { type: string; action_id: string; value?: string };
type Block = { type: string; block_id?: string; elements?: Element[]; element?: { initial_value?: string }; text?: { text?: string } };

export class SlackCardActionsDriver extends SlackDriver implements CardActionsDriver {
  readonly otherUser = 'U0OTHERONE';

  private message(thread: ThreadView, postId?: string): StoredMessage {
    const m = this.harness.slack.findMessage(CHANNEL, postId ?? thread.id);
    if (!m) throw new Error(`no message ${postId ?? thread.id}`);
    return m;
  }

  private actionsBlock(m: StoredMessage): Block | undefined {
    return ((m.blocks ?? []) as Block[]).find((b) => b.type === 'actions');
  }

  buttonsOn(thread: ThreadView, postId?: string): ActionName[] {
    const block = this.actionsBlock(this.message(thread, postId));
    return (block?.elements ?? []).map((e) => e.action_id.replace(/^wa_card_/, '') as ActionName);
  }

  /** The block_actions payload of a click, built from the docs' example with the clicked message's values. */
  payload(thread: ThreadView, action: ActionName, opts: { postId?: string; users?: string[]; as?: string } = {}): unknown {
    const m = this.message(thread, opts.postId);
    const block = this.actionsBlock(m);
    const el = block?.elements?.find((e) => e.action_id === `wa_card_${action}`);
    if (!block || !el) throw new Error(`no ${action} button on ${m.ts}`);
    const body = loadSlackFixture('block_actions_button');
    body.team = { ...body.team, id: this.harness.slack.teamId };
    body.user.id = opts.as ?? AGENT;
    body.trigger_id = `${Date.now()}.${Math.floor(Math.random() * 1e9)}.card`;
    body.channel = { id: CHANNEL, name: 'support' };
    body.container = { type: 'message', message_ts: m.ts, channel_id: CHANNEL, is_ephemeral: false, ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}) };
    body.message = { type: 'message', ts: m.ts, text: m.text, ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}), blocks: m.blocks };
    const base = { action_id: el.action_id, block_id: block.block_id, action_ts: slackTs() };
    if (el.type === 'users_select') body.actions = [{ ...base, type: 'users_select', selected_user: opts.users?.[0] }];
    else if (el.type === 'multi_users_select') body.actions = [{ ...base, type: 'multi_users_select', selected_users: opts.users ?? [] }];
    else Object.assign(body.actions[0], base, { value: el.value });
    return body;
  }

  async click(thread: ThreadView, action: ActionName, opts: { postId?: string; users?: string[]; as?: string } = {}): Promise<CommandAnswer | 'form'> {
    const { slack, sender } = this.harness;
    const views = slack.views().length;
    const answers = slack.ephemerals.length;
    const payload = this.payload(thread, action, opts) as { trigger_id: string };
    const res = await sender.sendInteraction(payload);
    expect(res.status).toBe(200);
    return eventually(() => {
      if (slack.views().length > views) {
        // Opened with views.open and the click's own trigger_id (it is valid for 3 seconds).
        expect(slack.views().at(-1)!.openedWith).toEqual({ method: 'views.open', trigger_id: payload.trigger_id });
        return 'form' as const;
      }
      expect(slack.ephemerals.length).toBeGreaterThan(answers);
      const answer = slack.ephemerals.at(-1)!;
      expect(answer.user).toBe(opts.as ?? AGENT);
      return { text: answer.text ?? '', private: true };
    });
  }

  ephemeralCount(): number {
    return this.harness.slack.ephemerals.length;
  }

  /** Sends a click signed with a wrong secret; resolves to the HTTP status Bolt answered. */
  async forgedClick(thread: ThreadView, action: ActionName): Promise<number> {
    return (await this.harness.sender.sendInteraction(this.payload(thread, action) as object, { badSignature: true })).status;
  }

  /** Slack's picker in the modal (the captured block_actions_static_select, as templates-modal.test.ts sends it), then the updated view. */
  async formFor(ref: string): Promise<FormView> {
    const { slack, sender } = this.harness;
    const view = slack.views().at(-1)!;
    const body = loadSlackFixture('block_actions_static_select');
    body.user.id = AGENT;
    body.container.view_id = view.id;
    Object.assign(body.view, { id: view.id, hash: view.hash, callback_id: view.callback_id, private_metadata: view.private_metadata });
    Object.assign(body.actions[0], {
      action_id: 'wa_template_pick',
      block_id: 'template',
      selected_option: { text: { type: 'plain_text', text: ref, emoji: true }, value: ref },
    });
    expect((await sender.sendInteraction(body)).status).toBe(200);
    const updated = await eventually(() => {
      const v = slack.views().find((x) => x.id === view.id)!;
      expect(v.blocks.length).toBeGreaterThan(view.blocks.length);
      return v;
    });
    const blocks = updated.blocks as Block[];
    const initial: Record<string, string> = {};
    for (const b of blocks) if (b.block_id?.startsWith('var:') && b.element?.initial_value) initial[b.block_id.slice(4)] = b.element.initial_value;
    const keys = blocks.filter((b) => b.block_id?.startsWith('var:')).map((b) => b.block_id!.slice(4));
    this.picked = ref;
    return { asksPhone: blocks.some((b) => b.block_id === 'phone'), text: JSON.stringify(blocks), initial, keys };
  }

  private picked = '';

  /** The captured view_submission (as templates-modal.test.ts sends it) with the view the bridge shows and the typed values. */
  async submitForm(values: Record<string, string>): Promise<string | undefined> {
    const { slack, sender } = this.harness;
    const view = slack.views().at(-1)!;
    const body = loadSlackFixture('view_submission');
    body.user.id = AGENT;
    const state: Record<string, Record<string, unknown>> = {
      template: { wa_template_pick: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: this.picked }, value: this.picked } } },
    };
    for (const [key, value] of Object.entries(values)) state[`var:${key}`] = { value: { type: 'plain_text_input', value } };
    Object.assign(body.view, {
      id: view.id,
      hash: view.hash,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      blocks: view.blocks,
      state: { values: state },
    });
    const answers = slack.ephemerals.length;
    const res = await sender.sendInteraction(body);
    expect(res.status).toBe(200);
    const errors = res.body ? (JSON.parse(res.body) as { errors?: Record<string, string> }).errors : undefined;
    if (errors) return Object.values(errors).join('\n');
    return eventually(() => {
      expect(slack.ephemerals.length).toBeGreaterThan(answers);
      return slack.ephemerals.at(-1)!.text;
    });
  }
}
