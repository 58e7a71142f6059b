/** Fakes for `doctor`: the Graph API, Slack and Discord in the state of a correctly set-up bridge, and its env. */
import { FakeDiscord } from '../fakes/discord';
import { FakeGraphApi } from '../fakes/graph-api';
import { FakeSlackApi } from '../fakes/slack-api';
import type { DoctorCheck } from '../../src/domain/doctor';
import { FIXTURE_PHONE_NUMBER_ID, FIXTURE_WABA_ID } from '../fixtures/whatsapp';
import { discordEnv, DISCORD_TEXT_CHANNEL } from './discord-harness';
import { APP_SECRET, CHANNEL, testEnv } from './harness';

/** Checks with English words only, no catalogue keys (the bridge's own checks carry both: src/doctor/text.ts). */
export const passed = (name: string, detail: string): DoctorCheck => ({ name, ok: true, detail });
export const failed = (name: string, detail: string, fix: string): DoctorCheck => ({ name, ok: false, detail, fix });

export const ADMIN = 'U0ADMIN01';
export const CALLBACK = 'https://bridge.example.com/webhooks/whatsapp';

export interface DoctorFakes {
  graph: FakeGraphApi;
  slack: FakeSlackApi;
  discord: FakeDiscord;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** A Graph API where the number, its account, the app's subscription and its webhook are all as the bridge needs. */
export function setUpGraph(graph: FakeGraphApi): void {
  graph.addPhoneNumber(FIXTURE_PHONE_NUMBER_ID, FIXTURE_WABA_ID);
  graph.setApp({
    secret: APP_SECRET,
    webhook: { callback_url: CALLBACK, active: true, fields: ['messages', 'message_template_status_update', 'account_update'] },
  });
}

export async function startDoctorFakes(opts: { discordIntents?: number } = {}): Promise<DoctorFakes> {
  const graph = await FakeGraphApi.start();
  const slack = await FakeSlackApi.start();
  const discord = await FakeDiscord.start(opts.discordIntents === undefined ? {} : { allowedPrivilegedIntents: opts.discordIntents });
  setUpGraph(graph);
  slack.addChannel(CHANNEL, { name: 'whatsapp' });
  discord.addTextChannel(DISCORD_TEXT_CHANNEL, 'wa-inbox');
  const env = { ...testEnv(graph, slack), ...discordEnv(discord, DISCORD_TEXT_CHANNEL), BRIDGE_ADMINS: ADMIN };
  return { graph, slack, discord, env, close: async () => void (await Promise.all([graph.close(), slack.close(), discord.close()])) };
}
