/**
 * Who is who: auth.test, users.info and usergroups.users.list, shaped like Slack's method reference.
 */
import type { SlackState } from './state';
import type { ApiResult, Args, MethodHandler } from './types';
import { fail } from './wire';

export function userMethods(s: SlackState): Record<string, MethodHandler> {
  return {
    'auth.test': () => authTest(s),
    'users.info': (a) => usersInfo(s, a),
    'usergroups.users.list': (a) => userGroupMembers(s, a),
  };
}

function authTest(s: SlackState): ApiResult {
  return {
    ok: true,
    url: 'https://fake-workspace.slack.com/',
    team: 'Fake Workspace',
    user: s.users.get(s.id.botUserId)?.name ?? 'bridge-bot',
    team_id: s.id.teamId,
    user_id: s.id.botUserId,
    bot_id: s.id.botId,
    is_enterprise_install: false,
  };
}

function usersInfo(s: SlackState, a: Args): ApiResult {
  const user = s.users.get(a.user);
  if (!user) return fail('user_not_found');
  const image = user.imageUrl ?? 'https://a.slack-edge.com/80588/img/avatars/ava_0001-72.png';
  return {
    ok: true,
    user: {
      id: a.user,
      team_id: s.id.teamId,
      name: user.name,
      deleted: false,
      real_name: user.realName,
      is_bot: user.isBot ?? false,
      is_app_user: false,
      profile: {
        real_name: user.realName,
        real_name_normalized: user.realName,
        display_name: user.name,
        display_name_normalized: user.name,
        image_72: image,
        team: s.id.teamId,
      },
    },
  };
}

/** usergroups.users.list: `{ok, users:[ids]}`; an unknown group is `no_such_subteam` (Slack's method reference). */
function userGroupMembers(s: SlackState, a: Args): ApiResult {
  const members = s.userGroups.get(a.usergroup);
  return members ? { ok: true, users: [...members] } : fail('no_such_subteam');
}
