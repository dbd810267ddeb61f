/**
 * Check output as something to show: untrusted text from remote systems, made inert by the one
 * sanitiser (`inertText`: colours dropped, every other control shown as an escape), so it reads
 * the same everywhere and cannot disguise itself; long output is cut for display and capped for
 * storage.
 */
import { inertText } from '../shared/inertText';

export interface OutputExcerpt {
  /** The part shown (cleaned). */
  text: string;
  /** Lines and UTF-8 bytes of the whole cleaned output. */
  lines: number;
  bytes: number;
  truncated: boolean;
}

export const VIEW_MAX_LINES = 300;
export const VIEW_MAX_CHARS = 24_000;

/** The first `maxLines` lines / `maxChars` characters of the cleaned output. */
export function excerpt(raw: string, maxLines = VIEW_MAX_LINES, maxChars = VIEW_MAX_CHARS): OutputExcerpt {
  const text = inertText(raw);
  const lines = text === '' ? 0 : countLines(text);
  const bytes = utf8Length(text);
  let cut = text.length;
  let seen = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (++seen === maxLines) {
      cut = i;
      break;
    }
  }
  cut = Math.min(cut, maxChars);
  // never cut a surrogate pair in half
  if (cut > 0 && cut < text.length && /[\ud800-\udbff]/.test(text[cut - 1])) cut--;
  return { text: text.slice(0, cut), lines, bytes, truncated: cut < text.length };
}

/** The last `maxLines` lines of the cleaned output (live output: the newest part matters). */
export function tailExcerpt(raw: string, maxLines = 60, maxChars = VIEW_MAX_CHARS): OutputExcerpt {
  const text = inertText(raw);
  const lines = text === '' ? 0 : countLines(text);
  let start = 0;
  let seen = 0;
  const body = text.endsWith('\n') ? text.length - 1 : text.length;
  for (let i = body > 0 ? text.lastIndexOf('\n', body - 1) : -1; i >= 0; i = i > 0 ? text.lastIndexOf('\n', i - 1) : -1) {
    if (++seen === maxLines) {
      start = i + 1;
      break;
    }
  }
  start = Math.max(start, text.length - maxChars);
  if (start > 0 && /[\udc00-\udfff]/.test(text[start])) start++;
  return { text: text.slice(start), lines, bytes: utf8Length(text), truncated: start > 0 };
}

/** Output longer than this is stored as its head and tail. */
export const STORE_MAX_CHARS = 1_000_000;

/** Keeps the first and last halves of an overlong output, with a line saying how much was dropped. */
export function capForStorage(text: string, max = STORE_MAX_CHARS): string {
  if (text.length <= max) return text;
  const half = Math.floor(max / 2);
  const dropped = text.length - 2 * half;
  return `${text.slice(0, half)}\n… [${dropped} characters of output not kept] …\n${text.slice(text.length - half)}`;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
