/** Logs: tokens and secrets never, at any level; customer and agent message text only at debug and below. */
import { CHANNEL, SIGNING_SECRET, APP_SECRET, startHarness } from '../support/harness';
import { customerText, statusUpdate } from '../support/webhooks';

async function conversationLogs(level: string): Promise<{ lines: string[]; secrets: string[] }> {
  const lines: string[] = [];
  const h = await startHarness(`logging-${level}`, { env: { LOG_LEVEL: level }, logLines: lines });
  try {
    await h.postWebhook(customerText({ text: 'my card number is 4111 1111' }));
    const root = await h.eventually(() => {
      const r = h.slack.messages(CHANNEL).find((m) => !m.thread_ts || m.thread_ts === m.ts);
      expect(r).toBeDefined();
      return r!.ts;
    });
    await h.eventually(() => expect(h.slack.threadReplies(CHANNEL, root).length).toBeGreaterThan(0));
    h.graph.failNext({ path: /\/messages$/, status: 503 });
    const { ts } = await h.agentReplies(root, 'the agent secret answer');
    const wamid = await h.eventually(async () => {
      const m = await h.bridge.store.getMessage(`slack:${CHANNEL}:${ts}`);
      expect(m?.wamid).toBeDefined();
      return m!.wamid!;
    });
    await h.postWebhook(statusUpdate(wamid, 'failed', { code: 131026, title: 'Message undeliverable' }));
    await h.postWebhook(customerText({ text: 'x' }), { signature: 'sha256=00' });
    await h.eventually(() => expect(h.slack.threadReplies(CHANNEL, root).some((m) => m.text.includes('Not delivered'))).toBe(true));
    return {
      lines,
      secrets: [h.config.whatsapp.appSecret, h.config.accounts[0]!.accessToken, h.slack.botToken, SIGNING_SECRET, APP_SECRET, h.config.whatsapp.verifyToken],
    };
  } finally {
    await h.close();
  }
}

test('no token or secret in any log line, even at trace level', async () => {
  const { lines, secrets } = await conversationLogs('trace');
  expect(lines.length).toBeGreaterThan(10);
  const all = lines.join('\n');
  for (const s of secrets) expect(all).not.toContain(s);
});

test('at info level, no message text is logged', async () => {
  const { lines } = await conversationLogs('info');
  const all = lines.join('\n');
  expect(all).toMatch(/HTTP server listening/);
  expect(all).not.toContain('4111 1111');
  expect(all).not.toContain('the agent secret answer');
});
