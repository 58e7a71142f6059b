/**
 * The Slack side in Socket Mode for the conformance suite: the same driver as slack-driver.ts, on a bridge started
 * with SLACK_APP_TOKEN. Everything Slack sends (agents' replies, files, reactions, the bridge's own echoes, `/wa`)
 * then travels as envelopes on the fake's WebSocket, each acknowledged by the bridge (test/fakes/slack/socket-mode.ts),
 * instead of signed POSTs to /slack/events; what the bridge posts goes through the Web API as before.
 */
import type { startHarness } from '../harness';
import { SlackDriver } from './slack-driver';

export class SlackSocketModeDriver extends SlackDriver {
  override readonly platform = 'Slack (Socket Mode)';
  protected override readonly harnessOptions: Parameters<typeof startHarness>[1] = { socketMode: true };
}
