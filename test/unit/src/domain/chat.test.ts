/**
 * The chat contract (src/domain/chat/): the capability guards, the status marks and their rule, and the registry
 * every platform is listed in (adapters/registry.ts) with its configuration fragment.
 */
import { CHAT_PLATFORMS } from '../../../../adapters/registry';
import { DiscordAdapter } from '../../../../adapters/discord/discord-adapter';
import { statusReaction } from '../../../../adapters/slack/outbound';
import { SlackAdapter } from '../../../../adapters/slack/slack-adapter';
import { ENV_VARIABLES } from '../../../../src/config';
import { hasDirectory, hasEdits, hasFiles, hasProgressMessages, hasReactions, hasStatusMarks, type ChatAdapter } from '../../../../src/domain/chat/adapter';
import { offersTemplateForms, type ChatInbound } from '../../../../src/domain/chat/inbound';
import { isStatusMark, STATUS_MARKS } from '../../../../src/domain/chat/status-marks';
import type { DeliveryStatus } from '../../../../src/domain/whatsapp';

/** A platform with the core only: every capability guard says no. */
const bare: ChatAdapter = {
  platform: 'slack',
  start: async () => undefined,
  stop: async () => undefined,
  isReady: () => true,
  openThread: async (o) => ({ platform: 'slack', channelId: o.channelId, threadId: '1' }),
  postInThread: async () => ({ messageId: '1' }),
  postToChannel: async () => undefined,
  maxPostLength: 100,
  postLength: (p) => p.body.length,
};

/** An adapter as the guards see it: its prototype chain's methods, and the fields a constructor would set. */
const shaped = (proto: object, fields: object): ChatAdapter => Object.assign(Object.create(proto) as ChatAdapter, fields);

describe('capability guards', () => {
  it('a platform with only the core has none of the capabilities', () => {
    expect([hasStatusMarks, hasReactions, hasEdits, hasFiles, hasProgressMessages, hasDirectory].map((g) => g(bare))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('files need both directions and a size limit', () => {
    const postFile = async () => ({ messageId: '1' });
    const openFile = async () => ({ name: 'a', mimeType: 'text/plain', stream: undefined as never });
    const withMembers = (members: object) => ({ ...bare, ...members }) as ChatAdapter;
    expect(hasFiles(withMembers({ postFile }))).toBe(false);
    expect(hasFiles(withMembers({ postFile, openFile }))).toBe(false);
    expect(hasFiles(withMembers({ postFile, openFile, maxFileBytes: 10 }))).toBe(true);
  });

  it('Slack offers every capability; Discord every one but progress messages and the directory', () => {
    const guards = { hasStatusMarks, hasReactions, hasEdits, hasFiles, hasProgressMessages, hasDirectory };
    const slack = shaped(SlackAdapter.prototype, { maxFileBytes: 1 });
    const discord = shaped(DiscordAdapter.prototype, { maxFileBytes: 1 });
    expect(Object.entries(guards).flatMap(([name, g]) => (g(slack) ? [name] : []))).toEqual(Object.keys(guards));
    expect(Object.entries(guards).flatMap(([name, g]) => (g(discord) ? [name] : []))).toEqual(['hasStatusMarks', 'hasReactions', 'hasEdits', 'hasFiles']);
  });

  it('template forms are offered only with all three calls', () => {
    const core: ChatInbound = { agentMessage: async () => undefined, command: async () => ({ text: '' }) };
    expect(offersTemplateForms(core)).toBe(false);
    expect(offersTemplateForms({ ...core, templates: async () => [] })).toBe(false);
    expect(
      offersTemplateForms({
        ...core,
        templates: async () => [],
        templateFields: async () => ({ fields: [] }),
        sendTemplate: async () => ({ ok: true, text: '' }),
      }),
    ).toBe(true);
  });
});

describe('status marks', () => {
  it('every status mark is one, with or without the emoji presentation selector', () => {
    for (const mark of Object.values(STATUS_MARKS)) expect(isStatusMark(mark)).toBe(true);
    expect(isStatusMark('✅\uFE0F')).toBe(true);
  });

  it('other emoji, a toned variant of a mark and the empty string are not', () => {
    for (const emoji of ['👍', '❤️', '👂🏽', '', '👀👀']) expect(isStatusMark(emoji)).toBe(false);
  });

  it('Slack shows each mark by the short name it always used', () => {
    const names = Object.fromEntries((Object.keys(STATUS_MARKS) as DeliveryStatus[]).map((s) => [s, statusReaction(s)]));
    expect(names).toEqual({ sent: 'outbox_tray', delivered: 'white_check_mark', read: 'eyes', played: 'ear', failed: 'x' });
  });
});

describe('the registry', () => {
  it('lists each platform once, with a label, a factory and a fragment whose variables config.ts reads', () => {
    expect(Object.keys(CHAT_PLATFORMS)).toEqual(['slack', 'discord']);
    for (const p of Object.values(CHAT_PLATFORMS)) {
      expect(p.label).toMatch(/^[A-Z]/);
      expect(typeof p.create).toBe('function');
      const variables = Object.keys(p.config.env.shape);
      for (const v of [...p.config.required, p.config.channelVariable]) expect(variables).toContain(v);
      for (const v of variables) expect(ENV_VARIABLES).toContain(v);
    }
  });

  it('every variable is read once: no two fragments (or the core) share a name', () => {
    expect(new Set(ENV_VARIABLES).size).toBe(ENV_VARIABLES.length);
  });
});
