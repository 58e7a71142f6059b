/** Splits `/wa` arguments: spaces separate, "double" or 'single' quotes keep spaces, \" escapes a quote. */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: '"' | "'" | null = null;
  let has = false;
  // Slack and phones turn straight quotes into curly ones; treat them alike.
  const s = text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\\' && (s[i + 1] === '"' || s[i + 1] === "'")) {
      cur += s[++i];
      has = true;
    } else if (quote) {
      // A single quote is also an apostrophe (phones type ’ for every one): inside 'quotes' it closes only before
      // a space or the end, so 'Sheena’s order' stays one argument.
      if (ch === quote && (quote === '"' || i + 1 === s.length || /\s/.test(s[i + 1]!))) quote = null;
      else cur += ch;
    } else if (ch === '"' || (ch === "'" && !has)) {
      // ' opens a quote only at the start of an argument: in `Sheena’s` it is an apostrophe, not an unterminated quote.
      quote = ch;
      has = true;
    } else if (/\s/.test(ch)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}
