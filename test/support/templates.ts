/** Shared steps of the template flow tests: a bridge whose fake Graph API serves the fixture templates. */
import { FIXTURE_WABA_ID } from '../fixtures/whatsapp';
import { fixtureTemplates, loadTemplateFixture, offerWithoutLimitedTime } from '../fixtures/whatsapp/templates';
import { AGENT, CHANNEL, startHarness, type Harness } from './harness';

export { FIXTURE_WABA_ID };

/** The fixtures plus what the send tests need: the same name in a second language and the sendable offer variants. */
export function sendableTemplates(): any[] {
  const coupon = loadTemplateFixture('list-get-all-templates').data[1];
  return [
    ...fixtureTemplates(),
    { ...coupon, language: 'es', id: '1304694804498708' },
    offerWithoutLimitedTime('caribbean_offer', 'IMAGE'),
    offerWithoutLimitedTime('caribbean_offer_video', 'VIDEO'),
  ];
}

export interface TemplateHarnessOptions {
  env?: Record<string, string>;
  templates?: any[];
  pageSize?: number;
  pairIntervalMs?: number;
  progressMs?: number;
  dbName?: string;
  /** Slack over Socket Mode (startHarness's socketMode). */
  socketMode?: boolean;
}

/** A harness with templates set in the fake and synced once (no background sync). */
export async function startTemplateHarness(label: string, o: TemplateHarnessOptions = {}): Promise<Harness> {
  const h = await startHarness(label, {
    env: o.env,
    socketMode: o.socketMode,
    bridge: { templates: { syncOnStart: false, pageSize: o.pageSize, pairIntervalMs: o.pairIntervalMs ?? 300, progressMs: o.progressMs ?? 100 } },
    beforeStart: ({ graph }) => graph.setTemplates(FIXTURE_WABA_ID, o.templates ?? sendableTemplates()),
  });
  if (o.templates === undefined || o.templates.length) await h.bridge.templates!.sync.syncAll();
  return h;
}

/** `/wa <text>` typed in the support channel; resolves to the private answer's text. */
export async function wa(h: Harness, text: string, user = AGENT, channel = CHANNEL): Promise<string> {
  const res = await h.sender.sendCommand({ command: '/wa', text, user_id: user, channel_id: channel });
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { text: string }).text;
}

/** Bodies of template sends the fake accepted. */
export const templateSends = (h: Harness) => h.graph.sentMessages().filter((m) => m.type === 'template');

/** The root message of the thread of the conversation with `+digits`. */
export function threadOf(h: Harness, digits: string): string {
  const root = h.slack.messages(CHANNEL).find((m) => (!m.thread_ts || m.thread_ts === m.ts) && m.text.includes(`+${digits}`));
  expect(root).toBeDefined();
  return root!.ts;
}
