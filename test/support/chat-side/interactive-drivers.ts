/**
 * The chat sides of the interactive-messages suite (test/flow/interactive.suite.ts): each platform's way to fill in the
 * reply-buttons / list form. Slack: the message shortcut “Send buttons or a list” on the thread's last message (the
 * captured message_action, test/fixtures/slack/SOURCES.md), or `/wa buttons|list +phone` in the channel, then the
 * view_submission with the view the bridge opened. Discord: `/wa buttons|list` in the thread with typed options.
 */
import { loadSlackFixture } from '../../fixtures/slack';
import { DISCORD_AGENT } from '../discord-harness';
import { AGENT, CHANNEL, eventually } from '../harness';
import { DiscordDriver } from './discord-driver';
import type { ChatSideDriver, CommandAnswer, ThreadView } from './driver';
import { SlackDriver } from './slack-driver';

/** What the agent fills in (the core's InteractiveForm, as a person types it). */
export interface FilledForm {
  kind: 'button' | 'list';
  body: string;
  options: string;
  button?: string;
  header?: string;
  footer?: string;
}

/** The agent's answer; `field`: the form's field a refusal is shown under, where the platform shows it there (Slack). */
export type InteractiveAnswer = CommandAnswer & { refused: boolean; field?: string };

export interface InteractiveSide extends ChatSideDriver {
  /** Whether a refusal is shown under the form's field at fault (Slack's modal) rather than as an answer (Discord). */
  readonly showsRefusalsUnderFields: boolean;
  /** The agent fills in the form for the thread's customer; resolves to the answer they see (Slack: the form's inline errors, if any). */
  sendsInteractive(thread: ThreadView, form: FilledForm, o?: { viaCommand?: string }): Promise<InteractiveAnswer>;
}

export class SlackInteractiveDriver extends SlackDriver implements InteractiveSide {
  readonly showsRefusalsUnderFields = true;

  async sendsInteractive(thread: ThreadView, form: FilledForm, o: { viaCommand?: string } = {}): Promise<InteractiveAnswer> {
    const { slack, sender } = this.harness;
    const viewsBefore = slack.views().length;
    if (o.viaCommand) {
      // `/wa list +1650…` typed in the channel (Slack runs no slash command in a thread).
      const res = await sender.sendCommand({ command: '/wa', text: o.viaCommand, user_id: AGENT, channel_id: CHANNEL });
      expect(res.status).toBe(200);
    } else {
      const shortcut = loadSlackFixture('message_shortcut');
      const last = slack.threadReplies(CHANNEL, thread.id).at(-1);
      Object.assign(shortcut, { callback_id: 'wa_interactive', trigger_id: `${Date.now()}.1.shortcut`, message_ts: last?.ts ?? thread.id });
      shortcut.team = { ...shortcut.team, id: slack.teamId };
      shortcut.user.id = AGENT;
      shortcut.channel.id = CHANNEL;
      Object.assign(shortcut.message, { ts: last?.ts ?? thread.id, thread_ts: thread.id, text: last?.text ?? '', user: last?.user ?? AGENT });
      expect((await sender.sendInteraction(shortcut)).status).toBe(200);
    }
    const view = await eventually(() => {
      expect(slack.views().length).toBeGreaterThan(viewsBefore);
      return slack.views().at(-1)!;
    });
    const input = (v?: string) => ({ value: { type: 'plain_text_input', value: v ?? null } });
    const submission = loadSlackFixture('view_submission');
    submission.user.id = AGENT;
    Object.assign(submission.view, {
      id: view.id,
      hash: view.hash,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      blocks: view.blocks,
      state: {
        values: {
          kind: { value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: form.kind }, value: form.kind } } },
          body: input(form.body),
          options: input(form.options),
          button: input(form.button),
          header: input(form.header),
          footer: input(form.footer),
        },
      },
    });
    const res = await sender.sendInteraction(submission);
    expect(res.status).toBe(200);
    const errors = res.body ? (JSON.parse(res.body) as { errors?: Record<string, string> }).errors : undefined;
    // The refusal sits under the form's field at fault (its block_id).
    const [field, text] = Object.entries(errors ?? {})[0] ?? [];
    return { text: text ?? '', private: true, refused: Boolean(errors), field };
  }
}

export class DiscordInteractiveDriver extends DiscordDriver implements InteractiveSide {
  readonly showsRefusalsUnderFields = false;

  async sendsInteractive(thread: ThreadView, form: FilledForm): Promise<InteractiveAnswer> {
    const { fake } = this.harness;
    const { kind, ...fields } = form;
    const options = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
    // A Discord string option is one line: the buttons or rows are typed separated by `;`.
    options.options = form.options.split('\n').join('; ');
    const rec = fake.interaction({ name: 'wa', subcommand: kind === 'list' ? 'list' : 'buttons', options, channelId: thread.id, user: DISCORD_AGENT });
    const first = await fake.waitForInteractionResponse(rec.id, 'callback', 10_000);
    const flags = Number(first.data?.flags ?? 0);
    const shown = first.type === 5 ? await fake.waitForInteractionResponse(rec.id, 'editOriginal', 10_000) : first;
    const text = String(shown.data?.content ?? '');
    return { text, private: (flags & (1 << 6)) !== 0, refused: !text.startsWith('✅') };
  }
}
