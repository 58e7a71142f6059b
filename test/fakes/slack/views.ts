/**
 * Modals: views.open, views.push and views.update (by view_id or external_id, with the hash check),
 * returning the view object Slack's method reference shows.
 */
import type { SlackState } from './state';
import { TS_BASE_SECONDS, type ApiResult, type Args, type MethodHandler, type StoredView } from './types';
import { fail, isObject } from './wire';

export function viewMethods(s: SlackState): Record<string, MethodHandler> {
  return {
    'views.open': (a) => viewsOpen(s, a, 'views.open'),
    'views.push': (a) => viewsOpen(s, a, 'views.push'),
    'views.update': (a) => viewsUpdate(s, a),
  };
}

function viewsOpen(s: SlackState, a: Args, method: 'views.open' | 'views.push'): ApiResult {
  if (!a.trigger_id && !a.interactivity_pointer) {
    return { ok: false, error: 'invalid_arguments', response_metadata: { messages: ['invalid `trigger_id`'] } };
  }
  if (!isObject(a.view)) return fail('invalid_arguments');
  const parent = method === 'views.push' ? [...s.viewsById.values()].at(-1) : undefined;
  const id = s.nextId('V');
  const view = buildView(s, id, a.view, { method, trigger_id: a.trigger_id }, parent?.root_view_id ?? id, parent?.id ?? null);
  s.viewsById.set(id, view);
  return { ok: true, view: publicView(view) };
}

function viewsUpdate(s: SlackState, a: Args): ApiResult {
  if (!isObject(a.view)) return fail('invalid_arguments');
  const current = a.view_id ? s.viewsById.get(a.view_id) : [...s.viewsById.values()].find((v) => a.external_id && v.external_id === a.external_id);
  if (!current) return fail('not_found');
  if (a.hash && a.hash !== current.hash) return fail('hash_conflict');
  const view = buildView(s, current.id, a.view, { method: 'views.update' }, current.root_view_id, current.previous_view_id);
  s.viewsById.set(current.id, view);
  return { ok: true, view: publicView(view) };
}

function buildView(s: SlackState, id: string, v: Args, openedWith: StoredView['openedWith'], rootId: string, previousId: string | null): StoredView {
  return {
    id,
    team_id: s.id.teamId,
    type: v.type ?? 'modal',
    title: v.title,
    submit: v.submit,
    close: v.close,
    blocks: Array.isArray(v.blocks) ? v.blocks : [],
    private_metadata: v.private_metadata ?? '',
    callback_id: v.callback_id ?? '',
    external_id: v.external_id ?? '',
    state: { values: {} },
    hash: `${TS_BASE_SECONDS + s.tsSeq}.${id}`,
    clear_on_close: Boolean(v.clear_on_close),
    notify_on_close: Boolean(v.notify_on_close),
    root_view_id: rootId,
    previous_view_id: previousId,
    app_id: s.id.appId,
    bot_id: s.id.botId,
    openedWith,
  };
}

function publicView(view: StoredView): Omit<StoredView, 'openedWith'> {
  const { openedWith: _openedWith, ...rest } = view;
  return rest;
}
