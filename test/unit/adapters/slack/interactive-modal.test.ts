/** Slack's buttons/list form (adapters/slack/interactive-modal.ts): which commands open it, and how a submission reads. */
import { interactiveCommand, interactiveModal, readInteractiveSubmission } from '../../../../adapters/slack/interactive-modal';

test('`/wa buttons|list [+phone]` opens the form of that kind; other subcommands do not', () => {
  expect(interactiveCommand('buttons +49 151 1234567')).toEqual({ kind: 'button', phone: '+49 151 1234567' });
  expect(interactiveCommand(' LIST')).toEqual({ kind: 'list' });
  expect(interactiveCommand('template')).toBeUndefined();
  expect(interactiveCommand('buttonsx')).toBeUndefined();
});

test('the form: one input per field (block_id = the field the core names), the kind chosen in advance', () => {
  const view = interactiveModal({ channelId: 'C1', phone: '+4915112345678' }, 'list') as {
    blocks: { block_id: string; element: any }[];
    private_metadata: string;
  };
  expect(view.blocks.map((b) => b.block_id)).toEqual(['kind', 'body', 'options', 'button', 'header', 'footer']);
  expect(view.blocks[0]!.element.initial_option.value).toBe('list');
  expect(JSON.parse(view.private_metadata)).toEqual({ channelId: 'C1', phone: '+4915112345678' });
});

test('a submission reads as the core’s form; an empty optional input is absent', () => {
  const v = (value: string | null) => ({ value: { value } });
  expect(
    readInteractiveSubmission({
      kind: { value: { selected_option: { value: 'button' } } },
      body: v('Is this your order?'),
      options: v('Yes\nNo'),
      button: v(null),
      header: v(null),
      footer: v('Shop'),
    }),
  ).toEqual({ kind: 'button', body: 'Is this your order?', options: 'Yes\nNo', button: undefined, header: undefined, footer: 'Shop' });
});
