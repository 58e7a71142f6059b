/**
 * Emoji between Slack's short names (`:smile:`, reactions named `+1::skin-tone-3`) and Unicode (what WhatsApp and
 * Discord use). A table of the common ones (names as in emoji-datasource, which Slack follows); anything else is
 * left as it is in text, and a reaction that cannot be named is shown as a line by the core.
 */

/** [emoji, Slack names…]; the first name is the one used when the bridge reacts. */
const TABLE: Array<[string, ...string[]]> = [
  ['😀', 'grinning'],
  ['😃', 'smiley'],
  ['😄', 'smile'],
  ['😁', 'grin'],
  ['😆', 'laughing', 'satisfied'],
  ['😅', 'sweat_smile'],
  ['🤣', 'rolling_on_the_floor_laughing'],
  ['😂', 'joy'],
  ['🙂', 'slightly_smiling_face'],
  ['🙃', 'upside_down_face'],
  ['😉', 'wink'],
  ['😊', 'blush'],
  ['😇', 'innocent'],
  ['🥰', 'smiling_face_with_3_hearts'],
  ['😍', 'heart_eyes'],
  ['🤩', 'star-struck', 'grinning_face_with_star_eyes'],
  ['😘', 'kissing_heart'],
  ['😋', 'yum'],
  ['😛', 'stuck_out_tongue'],
  ['😜', 'stuck_out_tongue_winking_eye'],
  ['🤪', 'zany_face'],
  ['🤗', 'hugging_face'],
  ['🤔', 'thinking_face'],
  ['🤫', 'shushing_face'],
  ['😐', 'neutral_face'],
  ['😑', 'expressionless'],
  ['😶', 'no_mouth'],
  ['😏', 'smirk'],
  ['😒', 'unamused'],
  ['🙄', 'face_with_rolling_eyes'],
  ['😬', 'grimacing'],
  ['😌', 'relieved'],
  ['😔', 'pensive'],
  ['😪', 'sleepy'],
  ['😴', 'sleeping'],
  ['😷', 'mask'],
  ['🤒', 'face_with_thermometer'],
  ['🤢', 'nauseated_face'],
  ['🤧', 'sneezing_face'],
  ['🥵', 'hot_face'],
  ['🥶', 'cold_face'],
  ['🤯', 'exploding_head'],
  ['😎', 'sunglasses'],
  ['🤓', 'nerd_face'],
  ['😕', 'confused'],
  ['😟', 'worried'],
  ['🙁', 'slightly_frowning_face'],
  ['😮', 'open_mouth'],
  ['😯', 'hushed'],
  ['😲', 'astonished'],
  ['😳', 'flushed'],
  ['🥺', 'pleading_face'],
  ['😢', 'cry'],
  ['😭', 'sob'],
  ['😱', 'scream'],
  ['😖', 'confounded'],
  ['😣', 'persevere'],
  ['😞', 'disappointed'],
  ['😓', 'sweat'],
  ['😩', 'weary'],
  ['😫', 'tired_face'],
  ['😤', 'triumph'],
  ['😡', 'rage'],
  ['😠', 'angry'],
  ['💀', 'skull'],
  ['💩', 'hankey', 'poop', 'shit'],
  ['🤡', 'clown_face'],
  ['👻', 'ghost'],
  ['🤖', 'robot_face'],
  ['🙈', 'see_no_evil'],
  ['🙉', 'hear_no_evil'],
  ['🙊', 'speak_no_evil'],
  ['❤️', 'heart'],
  ['🧡', 'orange_heart'],
  ['💛', 'yellow_heart'],
  ['💚', 'green_heart'],
  ['💙', 'blue_heart'],
  ['💜', 'purple_heart'],
  ['🖤', 'black_heart'],
  ['💔', 'broken_heart'],
  ['💕', 'two_hearts'],
  ['💖', 'sparkling_heart'],
  ['💯', '100'],
  ['👍', '+1', 'thumbsup'],
  ['👎', '-1', 'thumbsdown'],
  ['👌', 'ok_hand'],
  ['✌️', 'v'],
  ['🤞', 'crossed_fingers', 'hand_with_index_and_middle_fingers_crossed'],
  ['👋', 'wave'],
  ['👏', 'clap'],
  ['🙌', 'raised_hands'],
  ['🙏', 'pray'],
  ['💪', 'muscle'],
  ['☝️', 'point_up'],
  ['👆', 'point_up_2'],
  ['👇', 'point_down'],
  ['👈', 'point_left'],
  ['👉', 'point_right'],
  ['✋', 'hand', 'raised_hand'],
  ['🤝', 'handshake'],
  ['✍️', 'writing_hand'],
  ['🙋', 'raising_hand'],
  ['🙇', 'bow'],
  ['🤦', 'face_palm'],
  ['🤷', 'shrug'],
  ['👀', 'eyes'],
  ['🔥', 'fire'],
  ['⭐', 'star'],
  ['✨', 'sparkles'],
  ['🎉', 'tada'],
  ['🎊', 'confetti_ball'],
  ['🎁', 'gift'],
  ['🎂', 'birthday'],
  ['🎈', 'balloon'],
  ['🏆', 'trophy'],
  ['🚀', 'rocket'],
  ['✅', 'white_check_mark'],
  ['✔️', 'heavy_check_mark'],
  ['❌', 'x'],
  ['⚠️', 'warning'],
  ['❓', 'question'],
  ['❗', 'exclamation', 'heavy_exclamation_mark'],
  ['💡', 'bulb'],
  ['💰', 'moneybag'],
  ['💵', 'dollar'],
  ['💳', 'credit_card'],
  ['📦', 'package'],
  ['🚚', 'truck'],
  ['☎️', 'phone', 'telephone'],
  ['📱', 'iphone'],
  ['✉️', 'email', 'envelope'],
  ['📧', 'e-mail'],
  ['📅', 'date'],
  ['📆', 'calendar'],
  ['📝', 'memo', 'pencil'],
  ['📌', 'pushpin'],
  ['📎', 'paperclip'],
  ['🔒', 'lock'],
  ['🔑', 'key'],
  ['⌛', 'hourglass'],
  ['⏳', 'hourglass_flowing_sand'],
  ['⏰', 'alarm_clock'],
  ['☕', 'coffee'],
  ['🍕', 'pizza'],
  ['🍺', 'beer'],
  ['☀️', 'sunny'],
  ['🌈', 'rainbow'],
  ['⚡', 'zap'],
  ['❄️', 'snowflake'],
  ['🆗', 'ok'],
  ['🆘', 'sos'],
  ['📤', 'outbox_tray'],
  ['👂', 'ear'],
];

/** Skin-tone modifiers U+1F3FB…U+1F3FF are Slack's `skin-tone-2` … `skin-tone-6`. */
const TONE_BASE = 0x1f3fb;
const VS16 = /\uFE0F/g;

const BY_NAME = new Map<string, string>();
const BY_EMOJI = new Map<string, string>();
for (const [emoji, ...names] of TABLE) {
  for (const name of names) BY_NAME.set(name, emoji);
  BY_EMOJI.set(emoji.replace(VS16, ''), names[0]!);
}

/** `+1` → 👍, `+1::skin-tone-3` → 👍🏼; undefined for a custom or unknown emoji. */
export function emojiFromSlackName(name: string): string | undefined {
  const [base, tone] = name.split('::skin-tone-');
  const emoji = BY_NAME.get(base!);
  if (!emoji) return undefined;
  const t = Number(tone);
  return t >= 2 && t <= 6 ? `${emoji.replace(VS16, '')}${String.fromCodePoint(TONE_BASE + t - 2)}` : emoji;
}

/** 👍 → `+1`, 👍🏼 → `+1::skin-tone-3`; undefined when the table has no name for it. */
export function slackNameFromEmoji(emoji: string): string | undefined {
  const chars = [...emoji.replace(VS16, '')];
  const last = chars.at(-1)?.codePointAt(0) ?? 0;
  const tone = last >= TONE_BASE && last <= TONE_BASE + 4 ? last - TONE_BASE + 2 : undefined;
  const base = (tone ? chars.slice(0, -1) : chars).join('');
  const name = BY_EMOJI.get(base);
  if (!name) return undefined;
  return tone ? `${name}::skin-tone-${tone}` : name;
}

/** `:smile:` and `:+1::skin-tone-2:` in a message → the emoji; unknown codes stay as typed. */
export function replaceEmojiCodes(text: string): string {
  return text.replace(/:([a-z0-9_+'-]+):(?::skin-tone-([2-6]):)?/g, (match, name: string, tone?: string) => emojiFromSlackName(tone ? `${name}::skin-tone-${tone}` : name) ?? match);
}
