/**
 * Webhook bodies and files for the media tests. Bodies are Meta's (or pywa's) fixtures (test/fixtures/whatsapp/SOURCES.md)
 * with only the sender, ids and timestamp changed; file bytes start with their format's real signature.
 */
import { loadWhatsAppFixture } from '../fixtures/whatsapp';
import { CHANNEL, type Harness } from './harness';
import { customerText, newWamid } from './webhooks';

export const CUSTOMER = '16505551234';

let counter = 0;
/** Media ids as Meta gives them: digits. */
export const newMediaId = () => `${Date.now()}${String(counter++).padStart(4, '0')}`;

/**
 * A fixture's message from `from` with a fresh wamid and timestamp (and `edit` for what a test changes, e.g. a
 * media id). Returns the body and the message for assertions.
 */
export function fixtureMessage(
  name: string,
  o: { from?: string; wamid?: string; edit?: (message: any) => void } = {},
): { body: any; message: any; customerName?: string } {
  const body = loadWhatsAppFixture(name);
  const value = body.entry[0].changes[0].value;
  const message = value.messages[0];
  const from = o.from ?? CUSTOMER;
  message.from = from;
  if (value.contacts?.[0]) value.contacts[0].wa_id = from;
  message.id = o.wamid ?? newWamid();
  message.timestamp = String(Math.floor(Date.now() / 1000));
  o.edit?.(message);
  return { body, message, customerName: value.contacts?.[0]?.profile?.name };
}

/** Bytes that start like a real file of this type (some checks read the header), padded to `size`. */
export function fileBytes(kind: 'jpeg' | 'png' | 'mp4' | 'ogg' | 'pdf' | 'webp-static' | 'webp-animated' | 'zip', size: number): Buffer {
  const heads: Record<typeof kind, Buffer> = {
    jpeg: Buffer.from('ffd8ffe000104a464946', 'hex'),
    png: Buffer.from('89504e470d0a1a0a', 'hex'),
    mp4: Buffer.from('0000001866747970 6d703432'.replace(/ /g, ''), 'hex'),
    ogg: Buffer.from('OggS', 'ascii'),
    pdf: Buffer.from('%PDF-1.7\n', 'ascii'),
    // RIFF <size> WEBP VP8X <chunk size 10> <flags>: 0x02 = animation.
    'webp-static': Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8X', 'ascii'), Buffer.from([10, 0, 0, 0, 0x00])]),
    'webp-animated': Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8X', 'ascii'), Buffer.from([10, 0, 0, 0, 0x02])]),
    zip: Buffer.from('504b0304', 'hex'),
  };
  const head = heads[kind];
  const body = Buffer.alloc(Math.max(0, size - head.length));
  // Not all zeros: a transfer that drops or reorders chunks shows.
  for (let i = 0; i + 4 <= body.length; i += 4096) body.writeUInt32BE(i % 0xffffffff, i);
  return Buffer.concat([head, body]).subarray(0, size);
}

/** A customer's text message, posted in its Slack thread; resolves to its wamid and the ts of its post. */
export async function customerSaysInSlack(h: Harness, text: string): Promise<{ wamid: string; ts: string }> {
  const wamid = newWamid();
  await h.postWebhook(customerText({ text, wamid }));
  const ts = await h.eventually(() => {
    const post = h.slack.messages(CHANNEL).find((m) => m.text === text);
    expect(post).toBeDefined();
    return post!.ts;
  });
  await h.eventually(async () => expect((await h.bridge.store.getMessage(`wa:${wamid}`))?.mirrors).toHaveLength(1));
  return { wamid, ts };
}
