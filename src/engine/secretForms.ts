/**
 * The forms a secret value may show up in when a program echoes it: raw, JSON string escapes
 * (standard, Go's `\u003c`-style, ASCII-only, `\/`), percent-encoding (either hex case, form
 * encoding), HTML entities (the spellings of `"` and `'` that common escapers use) and base64
 * (standard and URL-safe) at each of the three byte alignments it can have inside a larger blob.
 */
import { inertText } from '../shared/inertText';

/** A base64 piece shorter than this is too likely to occur by chance to be masked on its own. */
const MIN_BASE64_PIECE = 6;

function jsonForms(s: string): string[] {
  const std = JSON.stringify(s).slice(1, -1);
  const go = std.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  const ascii = std.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [std, go, ascii, std.replace(/\//g, '\\/')];
}

function urlForms(s: string): string[] {
  const upper = encodeURIComponent(s);
  const lower = upper.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
  const form = new URLSearchParams([['', s]]).toString().slice(1);
  return [upper, lower, form, upper.replace(/%20/g, '+')];
}

function htmlForms(s: string): string[] {
  if (!/[&<>"']/.test(s)) return [];
  const base = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const out: string[] = [];
  for (const quot of ['&quot;', '&#34;', '&#x22;']) {
    for (const apos of ['&#39;', '&#x27;', '&#039;', '&apos;']) out.push(base.replace(/"/g, quot).replace(/'/g, apos));
  }
  return out;
}

/**
 * The base64 characters that depend only on the secret's bytes, when the secret starts at byte
 * offset 0, 1 or 2 (mod 3) of the encoded data.
 */
function base64Forms(s: string): string[] {
  const bytes = Buffer.from(s, 'utf8');
  const out: string[] = [];
  for (const align of [0, 1, 2]) {
    const data = Buffer.concat([Buffer.alloc(align), bytes]);
    const first = Math.ceil((8 * align) / 6);
    const end = Math.floor((8 * (align + bytes.length)) / 6);
    for (const enc of ['base64', 'base64url'] as const) {
      const piece = data.toString(enc).slice(first, end);
      if (piece.length >= MIN_BASE64_PIECE) out.push(piece);
    }
  }
  return out;
}

/** Every distinct form of `secret`, the raw value first. */
export function secretForms(secret: string): string[] {
  const raw = [secret, inertText(secret)];
  return [...new Set([...raw, ...jsonForms(secret), ...urlForms(secret), ...htmlForms(secret), ...base64Forms(secret)])];
}
