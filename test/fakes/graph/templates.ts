/**
 * GET /{wabaId}/message_templates: the templates a test set, filtered by `status`, in pages of `limit`
 * with Meta's cursor paging (`paging.cursors.before/after`, and an absolute `paging.next` while more remain).
 * POST /{wabaId}/message_templates: a new template (Meta's create body) stored PENDING, answered with Meta's
 * `{id, status, category}` (Meta's template-management page, "Create template" example response); the test approves
 * it as Meta's review would (`approveTemplate`), then sends the status webhook.
 */
import { invalidParameter, unsupportedRequest } from './errors';
import type { GraphState } from './state';
import type { GraphTemplate, Reply } from './types';

const DEFAULT_PAGE_SIZE = 25;

export function setTemplates(s: GraphState, wabaId: string, templates: GraphTemplate[]): void {
  s.templates.set(
    wabaId,
    templates.map((t) => ({ ...t })),
  );
}

export function listTemplates(s: GraphState, version: string, wabaId: string, query: Record<string, string>): Reply {
  const all = s.templates.get(wabaId);
  if (!all) return unsupportedRequest('GET', wabaId);
  const matching = query.status ? all.filter((t) => String(t.status ?? '').toUpperCase() === query.status!.toUpperCase()) : all;
  const limit = Math.max(1, Number(query.limit) || DEFAULT_PAGE_SIZE);
  const start = query.after ? decodeCursor(query.after) + 1 : 0;
  const page = matching.slice(start, start + limit);
  if (page.length === 0) return { status: 200, json: { data: [] } };
  const last = start + page.length - 1;
  const paging: Record<string, unknown> = {
    cursors: { before: encodeCursor(start), after: encodeCursor(last) },
  };
  if (last < matching.length - 1) {
    paging.next = nextPageUrl(s, version, wabaId, query, limit, encodeCursor(last));
  }
  return { status: 200, json: { data: page, paging } };
}

/** Meta's `next` is an absolute URL repeating the query with the new cursor. */
function nextPageUrl(s: GraphState, version: string, wabaId: string, query: Record<string, string>, limit: number, after: string): string {
  const params = new URLSearchParams({ ...query, limit: String(limit), after });
  return `${s.url()}/${version}/${wabaId}/message_templates?${params.toString()}`;
}

/** Cursors are opaque to clients; base64 of the item index keeps them looking like Meta's. */
function encodeCursor(index: number): string {
  return Buffer.from(`idx:${index}`).toString('base64');
}

function decodeCursor(cursor: string): number {
  const match = /^idx:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match ? Number(match[1]) : -1;
}

/** Meta's create: the required fields present (Meta answers 100 "Invalid parameter" otherwise), stored PENDING. */
export function createTemplate(s: GraphState, wabaId: string, body: unknown): Reply {
  const t = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  for (const field of ['name', 'language', 'category', 'components'])
    if (t[field] === undefined) return invalidParameter(`(#100) The parameter ${field} is required.`);
  const id = String(1_700_000_000_000 + s.nextCounter());
  const category = String(t.category).toUpperCase();
  const stored: GraphTemplate = { ...t, id, status: 'PENDING', category };
  s.templates.set(wabaId, [...(s.templates.get(wabaId) ?? []), stored]);
  return { status: 200, json: { id, status: 'PENDING', category } };
}
