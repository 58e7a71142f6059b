/**
 * Splits a text too long for one message into parts that each fit, in order, at the most natural place that
 * leaves a part at least half full: a paragraph break, then a line break, then a sentence end, then a space,
 * then a word boundary (scripts without spaces), and only then between two graphemes, so a cut never falls
 * inside a surrogate pair, an emoji sequence or a letter with its accents. A cut inside a WhatsApp markup
 * span (*bold*, _italic_, ~strike~, `code`, ```mono```) is taken only when no cut outside one fits, even one
 * leaving a shorter part (a span cut in two shows its markers as plain characters on both sides).
 * The whitespace at a cut is dropped (the message boundary stands for it); nothing else is added or lost,
 * so the parts joined with that whitespace give the text back. Pure: callers say how long a part may be.
 */
import { BridgeError, ErrorCode } from '../domain/errors';

export interface SplitOptions {
  /** Most characters in one part, as `measure` counts them; per part index, so a first part can keep room (mentions). */
  max: number | ((index: number) => number);
  /**
   * How the platform counts a part once it is rendered (author line, escaping). Default: UTF-16 code units, as
   * JavaScript counts, which is never fewer than the code points Meta, Slack and Discord count. It must never
   * count fewer than `part.length` (rendering only adds), so a window longer than the limit is never measured.
   */
  measure?: (part: string) => number;
}

/** Thrown when not even one character fits in a part (a limit smaller than what the platform adds around it). */
export class SplitImpossible extends BridgeError {
  readonly code = ErrorCode.SplitImpossible;
  constructor(readonly max: number) {
    super(`no text fits in a part of ${max} characters`);
  }
}

type Level = (window: string) => number[];

/** Where a part may end (before the whitespace of the cut), by preference. Each returns ascending offsets > 0. */
const LEVELS: Level[] = [
  (w) => matchStarts(w, /[ \t]*\n[ \t]*\n\s*/g), // paragraph: a blank line
  (w) => matchStarts(w, /[ \t]*\n\s*/g), // line
  (w) => segmentStarts(w, 'sentence'),
  (w) => matchStarts(w, /\s+/g), // space between words
  (w) => segmentStarts(w, 'word', true), // scripts without spaces (Chinese, Japanese, Thai)
];

function matchStarts(w: string, re: RegExp): number[] {
  const out: number[] = [];
  for (const m of w.matchAll(re)) if (m.index > 0) out.push(m.index);
  return out;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmentStarts(w: string, granularity: 'grapheme' | 'word' | 'sentence', wordLikeOnly = false): number[] {
  let s = segmenters.get(granularity);
  if (!s) segmenters.set(granularity, (s = new Intl.Segmenter(undefined, { granularity })));
  const out: number[] = [];
  for (const seg of s.segment(w)) if (seg.index > 0 && (!wordLikeOnly || seg.isWordLike)) out.push(seg.index);
  return out;
}

/**
 * WhatsApp's markup spans (its "Formatting" help: *bold*, _italic_, ~strike~, ```mono```, `code`), as sorted,
 * non-overlapping [start, end) ranges. Emphasis is bounded to one line and 1,000 characters, so a stray marker
 * in a huge text costs little.
 */
export function markupSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const add = (re: RegExp) => {
    for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  };
  add(/```[\s\S]*?```/g);
  add(/`[^`\n]{1,1000}`/g);
  add(/(?<![\p{L}\p{N}\\])([*_~])(?=\S)[^\n]{0,1000}?\S\1(?![\p{L}\p{N}])/gu);
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] < last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/** Whether a cut at `pos` falls strictly inside a span (between its markers). */
function insideSpan(spans: [number, number][], pos: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![0] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && spans[lo - 1]![1] > pos;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
/** Extra text given to a segmenter past the window, so a boundary near the window's end is judged as in the whole text. */
const LOOKAHEAD = 64;
const SEGMENT_TAIL = 4096;

/** The parts of `text`, each within the limit, in order; `[]` for an empty text, `[text]` when it fits whole. */
export function splitText(text: string, opts: SplitOptions): string[] {
  const measure = opts.measure ?? ((s: string) => s.length);
  const maxOf = (i: number) => (typeof opts.max === 'number' ? opts.max : opts.max(i));
  if (!text) return [];
  if (text.length <= maxOf(0) && measure(text) <= maxOf(0)) return [text];

  const spans = markupSpans(text);
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    const max = maxOf(parts.length);
    // The longest window that fits: rendering only adds, so it is at most `max` code units.
    let w = Math.min(text.length - start, max);
    const fits = (n: number) => measure(text.slice(start, start + n)) <= max;
    if (!fits(w)) {
      // Binary search for the longest prefix that fits (escaping may count one character as several).
      let lo = 0;
      let hi = w;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (fits(mid)) lo = mid;
        else hi = mid;
      }
      w = lo;
    }
    if (w > 0 && w < text.length - start && isHigh(text.charCodeAt(start + w - 1))) w--; // never half a surrogate pair
    if (w <= 0) throw new SplitImpossible(max);
    if (start + w === text.length) {
      parts.push(text.slice(start));
      break;
    }
    let end = chooseCut(text, start, w, spans);
    let part = text.slice(start, start + end).trimEnd();
    // Rendering of a shorter part is shorter in practice; should it not be, cut earlier.
    while (part && measure(part) > max && end > 1) {
      end = chooseCut(text, start, end - 1, spans);
      part = text.slice(start, start + end).trimEnd();
    }
    if (part) parts.push(part);
    start += end;
    while (start < text.length && /\s/.test(text[start]!)) start++;
  }
  return parts;
}

/** The best place to end a part of text[start…start+w): see the header for the order. */
function chooseCut(text: string, start: number, w: number, spans: [number, number][]): number {
  const window = text.slice(start, start + w + 1); // +1: a boundary right at the window's end counts
  // Segmenters (ICU) read only the window's tail: a 3.5 MB text in 40,000-character parts stays fast.
  const tail = Math.max(0, w - SEGMENT_TAIL);
  const ahead = text.slice(start + tail, start + w + LOOKAHEAD);
  const half = Math.ceil(w / 2);
  // Computed level by level, only as far as needed.
  const found: number[][] = [];
  const level = (i: number) => (found[i] ??= (i === 2 || i === 4 ? LEVELS[i]!(ahead).map((b) => b + tail) : LEVELS[i]!(window)).filter((b) => b <= w));
  const last = (xs: number[]) => xs[xs.length - 1];
  const outside = (b: number) => !insideSpan(spans, start + b);
  // Half full and outside any markup span; else outside a span though shorter; else inside one.
  for (const ok of [(b: number) => b >= half && outside(b), outside, (b: number) => b >= half]) {
    for (let i = 0; i < LEVELS.length; i++) {
      const b = last(level(i).filter(ok));
      if (b !== undefined) return b;
    }
  }
  // No natural boundary: between two graphemes, else between two code points.
  const from = Math.max(0, w - LOOKAHEAD);
  const b = last(
    segmentStarts(text.slice(start + from, start + w + LOOKAHEAD), 'grapheme')
      .map((x) => x + from)
      .filter((x) => x <= w),
  );
  if (b !== undefined) return b;
  return w > 1 && isHigh(text.charCodeAt(start + w - 1)) ? w - 1 : w;
}
