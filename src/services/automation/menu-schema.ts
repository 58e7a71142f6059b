/**
 * The first-contact menu of an account in BRIDGE_CONFIG (issue 13 point 5), checked at start-up against Meta's limits
 * for reply buttons and lists (INTERACTIVE_LIMITS, src/domain/interactive.ts, the figures the agents' form is checked
 * against in services/interactive/limits.ts), so a menu can never be refused for its shape. Every message names the option at fault; `checkMenuRoutes` checks the routes against the
 * other accounts of the file (config.ts runs it on the whole file, and prefixes the account).
 */
import { z } from 'zod';
import { INTERACTIVE_LIMITS as L } from '../../domain/interactive';

/** Another account's channels (by its `name` or `phoneNumberId`), or a label on the card. */
const routeSchema = z.union(
  [
    z.strictObject({ account: z.string().min(1) }),
    z.strictObject({ label: z.string().min(1).max(40, 'must be at most 40 characters (it is a line on the card)') }),
  ],
  { message: 'must be { "account": "<name or phoneNumberId>" } or { "label": "<text>" }' },
);

const max = (n: number, what: string) => `must be at most ${n} characters (WhatsApp's limit for ${what})`;

const buttonOption = z.object({
  id: z.string().min(1).max(L.buttonId, max(L.buttonId, 'a button id')),
  title: z.string().min(1).max(L.buttonTitle, max(L.buttonTitle, 'a button title')),
  route: routeSchema,
});

const rowOption = z.object({
  id: z.string().min(1).max(L.rowId, max(L.rowId, 'a row id')),
  title: z.string().min(1).max(L.rowTitle, max(L.rowTitle, 'a row title')),
  description: z.string().max(L.rowDescription, max(L.rowDescription, 'a row description')).optional(),
  route: routeSchema,
});

const listSchema = z
  .object({
    button: z.string().min(1).max(L.listButton, max(L.listButton, "the list's button")),
    sections: z
      .array(
        z.object({
          title: z.string().max(L.sectionTitle, max(L.sectionTitle, 'a section title')).optional(),
          rows: z.array(rowOption).min(1, 'needs at least one row'),
        }),
      )
      .min(1, 'needs at least one section')
      .max(L.sections, `WhatsApp allows at most ${L.sections} sections`),
  })
  .superRefine((l, ctx) => {
    const rows = l.sections.flatMap((s) => s.rows).length;
    if (rows > L.rows)
      ctx.addIssue({ code: 'custom', path: ['sections'], message: `has ${rows} rows: WhatsApp allows at most ${L.rows} rows in all sections together` });
    // Meta: a list of several sections needs a title on each.
    if (l.sections.length > 1)
      for (const [i, s] of l.sections.entries())
        if (!s.title) ctx.addIssue({ code: 'custom', path: ['sections', i, 'title'], message: 'is required when the list has several sections' });
  });

export const menuSchema = z
  .object({
    body: z.string().min(1).max(L.body, max(L.body, 'the body of an interactive message')),
    header: z.string().max(L.header, max(L.header, 'a header')).optional(),
    footer: z.string().max(L.footer, max(L.footer, 'a footer')).optional(),
    /** Reply buttons (1–3)… */
    buttons: z.array(buttonOption).min(1, 'needs at least one button').max(L.buttons, `WhatsApp allows at most ${L.buttons} reply buttons`).optional(),
    /** …or a list (up to 10 rows). */
    list: listSchema.optional(),
    /** An unanswered menu: after `afterMinutes`, `route` applies (none: the conversation stays with this account). */
    fallback: z
      .object({
        afterMinutes: z
          .number()
          .positive()
          .max(7 * 24 * 60, 'must be at most 10080 (7 days)'),
        route: routeSchema.optional(),
      })
      .default({ afterMinutes: 30 }),
  })
  .superRefine((m, ctx) => {
    if (Boolean(m.buttons) === Boolean(m.list)) ctx.addIssue({ code: 'custom', path: [], message: 'needs exactly one of buttons or list' });
    const options = menuOptions(m);
    const ids = new Set<string>();
    const titles = new Set<string>();
    for (const o of options) {
      if (ids.has(o.id)) ctx.addIssue({ code: 'custom', path: o.path, message: `option "${o.id}": the id is used by an earlier option` });
      if (m.buttons && titles.has(o.title)) ctx.addIssue({ code: 'custom', path: o.path, message: `option "${o.id}": button titles must be unique` });
      ids.add(o.id);
      titles.add(o.title);
    }
  });
export type MenuConfig = z.infer<typeof menuSchema>;
export type MenuRouteConfig = z.infer<typeof routeSchema>;

/** Every option of a menu with its place in the configuration (for messages naming it). */
export function menuOptions(m: Pick<MenuConfig, 'buttons' | 'list'>): { id: string; title: string; route: MenuRouteConfig; path: (string | number)[] }[] {
  if (m.buttons) return m.buttons.map((b, i) => ({ ...b, path: ['buttons', i] }));
  return (m.list?.sections ?? []).flatMap((s, i) => s.rows.map((r, j) => ({ ...r, path: ['list', 'sections', i, 'rows', j] })));
}

interface AccountLike {
  name?: string;
  phoneNumberId: string;
  menu?: MenuConfig;
}

/** The account a route names (by name first, then phone number id). */
export function routeAccount<A extends AccountLike>(accounts: readonly A[], name: string): A | undefined {
  return accounts.find((a) => a.name === name) ?? accounts.find((a) => a.phoneNumberId === name);
}

/** Each `route.account` names another account of the file (config.ts runs this on the accounts list). */
export function checkMenuRoutes(file: { accounts: AccountLike[] }, ctx: z.RefinementCtx): void {
  for (const [i, a] of file.accounts.entries()) {
    if (!a.menu) continue;
    const routes = [...menuOptions(a.menu).map((o) => ({ ...o, label: `option "${o.id}"` }))];
    if (a.menu.fallback.route) routes.push({ id: 'fallback', title: '', route: a.menu.fallback.route, path: ['fallback'], label: 'the fallback' });
    for (const r of routes) {
      if (!('account' in r.route)) continue;
      const target = routeAccount(file.accounts, r.route.account);
      const path = ['accounts', i, 'menu', ...r.path, 'route', 'account'];
      if (!target) ctx.addIssue({ code: 'custom', path, message: `${r.label}: no account named "${r.route.account}" in this file` });
      else if (target === a)
        ctx.addIssue({ code: 'custom', path, message: `${r.label}: routes to its own account (use a label, or leave the fallback without a route)` });
    }
  }
}
