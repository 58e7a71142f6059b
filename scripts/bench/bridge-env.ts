/** The environment a benchmarked bridge runs with: the fakes on 127.0.0.1, the bench's channel, its database. */
import type { FakeGraphApi } from '../../test/fakes/graph-api';
import type { FakeSlackApi } from '../../test/fakes/slack-api';
import { FIXTURE_PHONE_NUMBER_ID } from '../../test/fixtures/whatsapp';
import { BENCH_CHANNEL } from './seed';

export const BENCH_SECRET = 'bench-app-secret';

export function bridgeEnv(dbUri: string, dataDir: string, graph: FakeGraphApi, slack: FakeSlackApi): Record<string, string> {
  return {
    PORT: '0',
    DATA_DIR: dataDir,
    MONGODB_URI: dbUri,
    WHATSAPP_PHONE_NUMBER_ID: FIXTURE_PHONE_NUMBER_ID,
    WHATSAPP_ACCESS_TOKEN: 'test-access-token',
    WHATSAPP_APP_SECRET: BENCH_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'bench-verify',
    GRAPH_API_URL: graph.url,
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: 'bench-signing',
    SLACK_CHANNEL_ID: BENCH_CHANNEL,
    SLACK_API_URL: slack.apiUrl,
    // The pipeline is measured, not Slack's limit: pacing at the configuration's maximum (10 posts/s per channel).
    SLACK_POSTS_PER_SECOND_PER_CHANNEL: '10',
    OUTBOX_CONCURRENCY: '16',
  };
}

/** Waits until the bridge answers /readyz with 200 (bounded). */
export async function waitReady(url: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if ((await fetch(`${url}/readyz`).catch(() => undefined))?.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the bridge did not become ready within 120 s');
}
