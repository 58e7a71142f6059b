/**
 * The two ceilings the bridge is compared with in the same run: the database's raw insert rate (plain
 * insertOne / insertMany of message-sized documents on the same engine, nothing else) and a bare HMAC endpoint's
 * webhook rate (hmac-server.ts: HTTP + signature check only).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { connectMongo } from '../../adapters/mongo/connection';
import { sendWebhooks, type Phase } from './load';
import { pool } from './seed';

export interface InsertRates {
  one1: number;
  one20: number;
  many: number;
  documentBytes: number;
}

/** Shaped like a stored inbound text (adapters/mongo/models.ts `messages`), about the same size. */
function messageDoc(i: number) {
  return {
    _id: `raw:${i}:${Date.now()}`,
    conversationId: `106540352242922:4915100${String(i % 400).padStart(6, '0')}`,
    direction: 'inbound',
    createdAt: new Date(),
    wamid: `wamid.RAW${i}==`,
    content: { kind: 'text', text: `bench message ${i}: where is my parcel? It was due yesterday, could you check please?` },
    mirrors: [{ platform: 'slack', channelId: 'C0BENCH01', threadId: '1700000000.000100', messageId: `1700000000.${String(i).padStart(6, '0')}` }],
  };
}

/** Documents per second for: insertOne one at a time, insertOne 20 at a time, insertMany in batches of 100. Bounded in count and time. */
export async function rawInsertRates(uri: string): Promise<InsertRates> {
  const conn = await connectMongo(uri);
  try {
    const col = conn.db!.collection('raw_inserts');
    let n = 0;
    const timed = async (maxSeconds: number, run: (late: () => boolean) => Promise<number>) => {
      const t0 = performance.now();
      const deadline = t0 + maxSeconds * 1000;
      const inserted = await run(() => performance.now() > deadline);
      return inserted / ((performance.now() - t0) / 1000);
    };
    const insertOnes = (count: number, k: number) => async (late: () => boolean) => {
      let inserted = 0;
      await pool(Array.from({ length: count }), k, async () => {
        if (late()) return;
        await col.insertOne(messageDoc(n++) as never);
        inserted++;
      });
      return inserted;
    };
    const one1 = await timed(15, insertOnes(300, 1));
    const one20 = await timed(15, insertOnes(1000, 20));
    const many = await timed(15, async (late) => {
      let inserted = 0;
      for (let b = 0; b < 20 && !late(); b++) {
        await col.insertMany(Array.from({ length: 100 }, () => messageDoc(n++)) as never[]);
        inserted += 100;
      }
      return inserted;
    });
    await col.drop().catch(() => undefined);
    return { one1, one20, many, documentBytes: Buffer.byteLength(JSON.stringify(messageDoc(0))) };
  } finally {
    await conn.close();
  }
}

/** Webhooks per second a bare HMAC endpoint answers with the bench's own load generator. */
export async function hmacEndpointRate(bodies: string[], concurrency: number, secret: string): Promise<Phase> {
  const proc = spawn(process.execPath, [join(__dirname, 'hmac-server.js'), secret], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<string>((resolve, reject) => {
      createInterface({ input: proc.stdout! }).once('line', resolve);
      proc.once('exit', (code) => reject(new Error(`the HMAC endpoint exited (${code})`)));
    });
    return await sendWebhooks(`http://127.0.0.1:${port}/webhooks/whatsapp`, bodies, concurrency, secret, 20);
  } finally {
    proc.kill('SIGTERM');
  }
}
