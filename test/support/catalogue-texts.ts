/** The agents' message catalogue (src/i18n/catalogue) as flat `a.b.c` → text pairs, for the catalogue tests. */
export type Tree = { readonly [k: string]: string | Tree };

/** `a.b.c` → text, for every text of a catalogue (or of one area, with its `prefix`). */
export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
