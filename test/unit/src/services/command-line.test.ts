/** splitArgs: how `/wa …` text is split into arguments. */
import { splitArgs } from '../../../../src/services/command-line';

describe('splitArgs', () => {
  it.each<[string, string, string[]]>([
    ['plain words', 'template 16505551234 order_update', ['template', '16505551234', 'order_update']],
    ['multiple and leading/trailing spaces, tabs', '  a   b\t\tc  ', ['a', 'b', 'c']],
    ['empty input', '', []],
    ['only spaces', '   ', []],
    ['double quotes keep spaces', 'template 1 "Hello Sheena Nelson" x', ['template', '1', 'Hello Sheena Nelson', 'x']],
    ['single quotes keep spaces', "send 1 'see you at 5'", ['send', '1', 'see you at 5']],
    ['curly double quotes (Slack / phones)', 'template 1 “Hello world” x', ['template', '1', 'Hello world', 'x']],
    ['curly single quotes', 'send ‘see you later’', ['send', 'see you later']],
    ['escaped double quote outside quotes', 'say \\"hi\\"', ['say', '"hi"']],
    ['escaped double quote inside quotes', '"she said \\"yes\\"" ok', ['she said "yes"', 'ok']],
    ['escaped single quote', "\\'quoted\\'", ["'quoted'"]],
    ['empty quoted argument ""', 'template 1 "" last', ['template', '1', '', 'last']],
    ["empty quoted argument ''", "a '' b", ['a', '', 'b']],
    ['quotes joined to a word', 'name="Ana Lima"', ['name=Ana Lima']],
    ['a double quote inside single quotes', `'say "hi"'`, ['say "hi"']],
    ['a single quote inside double quotes', `"it's fine"`, ["it's fine"]],
    ['unterminated double quote: the rest is one argument', 'template 1 "Hello there', ['template', '1', 'Hello there']],
    ['unterminated single quote at the end', "a 'b c", ['a', 'b c']],
    ['lone quote', '"', ['']],
    ['backslash not before a quote stays', 'C:\\path\\x', ['C:\\path\\x']],
    // Before the fix in command-line.ts, an apostrophe opened a quote, so everything after it became one argument.
    ['apostrophe inside a word (straight)', "template 1 Sheena's order", ['template', '1', "Sheena's", 'order']],
    ['apostrophe inside a word (curly, as phones type it)', 'template 1 don’t worry', ['template', '1', "don't", 'worry']],
    ['apostrophe inside single quotes', "'Sheena’s order' next", ["Sheena's order", 'next']],
  ])('%s', (_name, input, expected) => {
    expect(splitArgs(input)).toEqual(expected);
  });
});
