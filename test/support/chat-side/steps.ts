/**
 * Steps and expected requests the chat-side suite (test/flow/chat-side.suite.ts) repeats, written against the driver
 * only. Webhook bodies are Meta's fixtures (test/fixtures/whatsapp/SOURCES.md) with ids, sender and text changed.
 */
import { eventually } from '../harness';
import { CUSTOMER, fixtureMessage } from '../media';
import { customerText } from '../webhooks';
import type { ChatSideDriver, PostView, ThreadView } from './driver';

/** Meta's "receiving a reaction" fixture on `target`; `emoji: undefined` is the removal fixture (no emoji key). */
export function customerReaction(target: string, emoji: string | undefined): unknown {
  return fixtureMessage(emoji === undefined ? 'message-reaction-removed' : 'message-reaction', {
    edit: (m) => {
      m.reaction.message_id = target;
      if (emoji !== undefined) m.reaction.emoji = emoji;
    },
  }).body;
}

/** Meta's "Send text messages" request for an agent's plain text, link previews off. */
export const textBody = (to: string, body: string) => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to,
  type: 'text',
  text: { preview_url: false, body },
});

/** Meta's "Send reaction messages" request; an empty emoji removes the business's reaction. */
export const reactionBody = (to: string, messageId: string, emoji: string) => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to,
  type: 'reaction',
  reaction: { message_id: messageId, emoji },
});

export interface CustomerMessage {
  from?: string;
  name?: string;
  wamid?: string;
  /** Unix seconds as Meta sends them (an old one puts the message outside the 24-hour window). */
  timestamp?: string;
}

export class ChatSideSteps {
  constructor(private readonly d: ChatSideDriver) {}

  /** The customer writes; resolves to their thread and the bridge's post of that message in it. */
  async customerSays(text: string, o: CustomerMessage = {}): Promise<{ thread: ThreadView; post: PostView }> {
    const from = o.from ?? CUSTOMER;
    expect(await this.d.webhook(customerText({ ...o, from, text }))).toBe(200);
    const thread = await this.d.threadOf(from);
    const post = await eventually(() => {
      // A post may start with who it pings (the participants), before the customer's text.
      const p = this.d.postsIn(thread).find((x) => x.text === text || x.text.endsWith(` ${text}`));
      expect(p).toBeDefined();
      return p!;
    });
    return { thread, post };
  }

  /** The bridge's notice in the thread that contains `marker`, once it is there. */
  noticeIn(thread: ThreadView, marker: string): Promise<PostView> {
    return eventually(() => {
      const n = this.d.postsIn(thread).find((p) => p.byBridge && p.text.includes(marker));
      expect(n).toBeDefined();
      return n!;
    });
  }

  /** The bodies the Graph fake accepted, once there are exactly `n`. */
  sends(n: number): Promise<Record<string, unknown>[]> {
    return eventually(() => {
      expect(this.d.graph.sentMessages()).toHaveLength(n);
      return this.d.graph.sentMessages();
    });
  }

  /** Every POST …/messages the Graph fake received, refused ones included. */
  messageCalls(): unknown[] {
    return this.d.graph.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'));
  }
}
