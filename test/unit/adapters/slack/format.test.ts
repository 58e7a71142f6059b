/** Slack text in both directions: escaping WhatsApp text for Slack, and resolving Slack's <…> entities. */
import { commandText, fromSlackText, mentionsPrefix, toSlackText } from '../../../../adapters/slack/format';

const names: Record<string, string> = { U0123ABCD: 'Ana Souza', W0456EFGH: 'Bo' };
const userName = (id: string) => names[id];

describe('toSlackText', () => {
  it('escapes & < > (and & first, so nothing is double-escaped)', () => {
    expect(toSlackText('Fish & chips <b>now</b> > 5 €')).toBe('Fish &amp; chips &lt;b&gt;now&lt;/b&gt; &gt; 5 €');
  });

  it('an already-escaped-looking text is escaped again (it is literal customer text)', () => {
    expect(toSlackText('&lt;')).toBe('&amp;lt;');
  });

  it('customer text that looks like a Slack mention cannot ping anyone', () => {
    expect(toSlackText('<!channel> <@U0123ABCD>')).toBe('&lt;!channel&gt; &lt;@U0123ABCD&gt;');
  });

  it('WhatsApp markup passes unchanged', () => {
    expect(toSlackText('*bold* _italic_ ~strike~ ```code```')).toBe('*bold* _italic_ ~strike~ ```code```');
  });

  it('round trip through fromSlackText gives the original text back', () => {
    const original = 'a < b && c > d <@U0123ABCD> &amp;';
    expect(fromSlackText(toSlackText(original), userName)).toBe(original);
  });
});

describe('mentionsPrefix', () => {
  it('formats user ids as Slack mentions followed by a space', () => {
    expect(mentionsPrefix(['U0123ABCD', 'W0456EFGH'])).toBe('<@U0123ABCD> <@W0456EFGH> ');
  });
  it('nothing for no users', () => {
    expect(mentionsPrefix([])).toBe('');
    expect(mentionsPrefix(undefined)).toBe('');
  });
});

describe('fromSlackText', () => {
  it('user mention without label → the user name', () => {
    expect(fromSlackText('Hi <@U0123ABCD>, see <@W0456EFGH>', userName)).toBe('Hi @Ana Souza, see @Bo');
  });

  it('user mention with a label → the label', () => {
    expect(fromSlackText('ask <@U0123ABCD|ana>', userName)).toBe('ask @ana');
  });

  it('unknown user → the id', () => {
    expect(fromSlackText('<@U9999ZZZZ> will call', userName)).toBe('@U9999ZZZZ will call');
  });

  it('channels → #name', () => {
    expect(fromSlackText('see <#C0123ABCD|support> and <#G0456EFGH|private-team>', userName)).toBe('see #support and #private-team');
  });

  it('<!here>, <!channel>, <!everyone> → @here …', () => {
    expect(fromSlackText('<!here> <!channel> <!everyone|@everyone>', userName)).toBe('@here @channel @everyone');
  });

  it('user groups → their label', () => {
    expect(fromSlackText('<!subteam^S0123ABCD|@support-team> please', userName)).toBe('@support-team please');
    expect(fromSlackText('<!subteam^S0123ABCD>', userName)).toBe('@team');
  });

  it('link without a label → the URL', () => {
    expect(fromSlackText('Track it: <https://example.com/track?id=1&amp;x=2>', userName)).toBe('Track it: https://example.com/track?id=1&x=2');
  });

  it('link with a label → "label (url)"', () => {
    expect(fromSlackText('<https://example.com/faq|our FAQ>', userName)).toBe('our FAQ (https://example.com/faq)');
  });

  it('link whose label is the URL itself → just the URL', () => {
    expect(fromSlackText('<http://example.com|http://example.com>', userName)).toBe('http://example.com');
  });

  it('mailto with and without label → the address', () => {
    expect(fromSlackText('<mailto:help@example.com|help@example.com>', userName)).toBe('help@example.com');
    expect(fromSlackText('<mailto:help@example.com>', userName)).toBe('help@example.com');
  });

  it('entities &lt; &gt; &amp; are decoded once', () => {
    expect(fromSlackText('1 &lt; 2 &amp;&amp; 3 &gt; 2, literally &amp;lt;', userName)).toBe('1 < 2 && 3 > 2, literally &lt;');
  });

  it('plain text is unchanged', () => {
    expect(fromSlackText('*Your order* ships _today_', userName)).toBe('*Your order* ships _today_');
  });
});

describe('commandText (a /wa command escaped by Slack, should_escape: true)', () => {
  it('links become bare URLs, with or without a label; mailto loses its scheme', () => {
    expect(commandText('template <https://files.example.com/list.csv> order_update')).toBe('template https://files.example.com/list.csv order_update');
    expect(commandText('template <https://x.example/a.csv|a.csv> t')).toBe('template https://x.example/a.csv t');
    expect(commandText('find <mailto:ann@example.com|ann@example.com>')).toBe('find ann@example.com');
  });

  it('people stay as Slack sends them (the core resolves <@U…|name>); channels read as #name; entities are decoded', () => {
    expect(commandText('assign +4915112345678 <@U024BE7LH|bob>')).toBe('assign +4915112345678 <@U024BE7LH|bob>');
    expect(commandText('close +49151 see <#C024BE7LR|general> &amp; thanks &lt;3')).toBe('close +49151 see #general & thanks <3');
  });
});
