/**
 * `/wa doctor` (issue 12): the checks of `npm run doctor` for the bridge's admins (BRIDGE_ADMINS), answered only to
 * them (ephemeral on Slack, an ephemeral interaction reply on Discord); anyone else gets a private refusal.
 */
import { DISCORD_AGENT, DISCORD_TEXT_CHANNEL, startDiscordHarness, type DiscordHarness } from '../support/discord-harness';
import { t } from '../../src/i18n';
import { setUpGraph } from '../support/doctor';
import { AGENT, CHANNEL, startHarness, type Harness } from '../support/harness';

const EPHEMERAL = 64;

/** A Slack bridge for one describe block: AGENT is its admin (plus `env`), Graph answers the doctor's checks. */
function slackBridge(name: string, env: Record<string, string> = {}) {
  const s = {} as { h: Harness; answer: (user: string) => Promise<{ response_type: string; text: string }> };
  beforeAll(async () => {
    s.h = await startHarness(name, {
      env: { BRIDGE_ADMINS: AGENT, ...env },
      beforeStart: ({ graph, slack }) => (setUpGraph(graph), slack.addChannel(CHANNEL)),
    });
  });
  afterAll(async () => {
    await s.h.close();
  });
  s.answer = async (user) => {
    const res = await s.h.sender.sendCommand({ command: '/wa', text: 'doctor', user_id: user, channel_id: CHANNEL });
    expect(res.status).toBe(200);
    return JSON.parse(res.body) as { response_type: string; text: string };
  };
  return s;
}

describe('on Slack', () => {
  const s = slackBridge('doctor-command-slack');

  test('an admin gets the report, ephemerally: one line per check, sections in bold', async () => {
    const body = await s.answer(AGENT);
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('*WhatsApp · default (106540352242922)*');
    expect(body.text).toContain('✅ access token valid');
    expect(body.text).toContain(`✅ channel ${CHANNEL}`);
    expect(body.text).toMatch(/All \d+ checks passed\./);
    // Nothing was posted in the channel: the answer is the ephemeral ack only.
    expect(s.h.slack.posted(CHANNEL)).toHaveLength(0);
  });

  test('a failing check shows its fix in the answer', async () => {
    s.h.slack.removeBot(CHANNEL);
    try {
      const body = await s.answer(AGENT);
      expect(body.text).toContain(`❌ channel ${CHANNEL}`);
      expect(body.text).toContain('→ fix: in #');
    } finally {
      s.h.slack.inviteBot(CHANNEL);
    }
  });

  test('anyone else is refused, privately, and no check runs', async () => {
    const before = s.h.graph.calls.length;
    const body = await s.answer('U0NOTADMIN');
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('🚫 `/wa doctor` is for the bridge’s admins');
    expect(body.text).toContain('U0NOTADMIN');
    expect(body.text).toContain('BRIDGE_ADMINS');
    expect(s.h.graph.calls.length).toBe(before);
  });
});

describe('on Slack, for an Italian account (BRIDGE_LANGUAGE=it)', () => {
  const s = slackBridge('doctor-command-slack-it', { BRIDGE_LANGUAGE: 'it' });

  test('an admin gets the report in Italian: a ✅ line, and a ❌ line with its fix', async () => {
    s.h.slack.removeBot(CHANNEL);
    try {
      const body = await s.answer(AGENT);
      expect(body.response_type).toBe('ephemeral');
      expect(body.text).toContain('*WhatsApp · default (106540352242922)*');
      expect(body.text).toMatch(/✅ token di accesso valido: un token valido/);
      expect(body.text).toContain('✅ scadenza del token: ');
      expect(body.text).toMatch(new RegExp(`❌ canale ${CHANNEL}: @\\S+ non è membro di #\\S+: le pubblicazioni falliscono con not_in_channel`));
      expect(body.text).toMatch(/\n {6}→ soluzione: in #\S+, scrivi \/invite @\S+/);
      expect(body.text).toMatch(/\n1 controllo su \d+ non superato\.$/);
      // Nothing of the English report is left.
      expect(body.text).not.toContain('access token valid');
      expect(body.text).not.toContain('→ fix:');
    } finally {
      s.h.slack.inviteBot(CHANNEL);
    }
  });

  test('anyone else is refused in Italian, privately, and no check runs', async () => {
    const before = s.h.graph.calls.length;
    const body = await s.answer('U0NOTADMIN');
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toBe(
      '🚫 `/wa doctor` è riservato agli amministratori del bridge. Chiedi a un amministratore di aggiungere il tuo ID utente (U0NOTADMIN) a BRIDGE_ADMINS, oppure esegui `npm run doctor` sul server.',
    );
    expect(body.text).toBe(t('it', 'doctor.refused.askAdmin', { user: 'U0NOTADMIN' }));
    expect(s.h.graph.calls.length).toBe(before);
  });
});

describe('on Slack, a check slower than Slack’s 3 s', () => {
  const ACK_MS = 500;
  const s = slackBridge('doctor-command-slack-slow', { SLACK_COMMAND_ACK_MS: String(ACK_MS) });

  test('is acknowledged at once, and the report follows privately through the response_url', async () => {
    // Meta answers debug_token long after the acknowledgement budget (SLACK_COMMAND_ACK_MS).
    s.h.graph.hangNext({ path: /debug_token/, ms: ACK_MS + 2_500 });
    const res = await s.h.sender.sendCommand({ command: '/wa', text: 'doctor', user_id: AGENT, channel_id: CHANNEL });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ response_type: 'ephemeral', text: t('en', 'working') });
    const report = await s.h.eventually(() => {
      expect(s.h.slack.responses).toHaveLength(1);
      return s.h.slack.responses[0]!.body as { response_type: string; text: string };
    });
    expect(report.response_type).toBe('ephemeral');
    expect(report.text).toContain('✅ access token valid');
    expect(s.h.slack.posted(CHANNEL)).toHaveLength(0);
  });
});

describe('on Discord', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness('doctor-command-discord', { env: { BRIDGE_ADMINS: DISCORD_AGENT.id } });
    setUpGraph(h.graph);
  });
  afterAll(async () => {
    await h.close();
  });

  async function answer(user: { id: string; username: string }): Promise<{ flags: number; content: string }> {
    const rec = h.fake.interaction({ name: 'wa', subcommand: 'doctor', channelId: DISCORD_TEXT_CHANNEL, user });
    const first = await h.fake.waitForInteractionResponse(rec.id, 'callback');
    expect(first.data).toMatchObject({ flags: EPHEMERAL });
    // Answered at once (type 4), or deferred (type 5, ephemeral) and then edited.
    const shown = first.type === 4 ? first : await h.fake.waitForInteractionResponse(rec.id, 'editOriginal');
    return { flags: first.data!.flags as number, content: shown.data!.content as string };
  }

  test('an admin gets the report as an ephemeral interaction reply', async () => {
    const { content } = await answer(DISCORD_AGENT);
    expect(content).toContain('**WhatsApp · default (106540352242922)**');
    expect(content).toContain('✅ Message Content intent');
    expect(content).toContain(`✅ permissions in #wa-inbox`);
  });

  test('anyone else is refused, ephemerally', async () => {
    const { content } = await answer({ id: '300000000000000099', username: 'mallory' });
    expect(content).toContain('is for the bridge’s admins');
    expect(content).toContain('300000000000000099');
  });
});
