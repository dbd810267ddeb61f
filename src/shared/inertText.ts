/**
 * The one sanitiser for text that came from outside the process (HTTP bodies and headers,
 * child-process output, file contents, log lines) before it is shown anywhere: a terminal, a
 * report, JSON output, a tree label, the results page.
 *
 * Colour codes (SGR) are dropped: they carry nothing a reader needs. Every other control — C0
 * and C1 controls, the ESC that starts a cursor move, a screen clear, an OSC title, clipboard
 * write or hyperlink, a lone CR, bidirectional overrides and isolates, line/paragraph
 * separators, lone UTF-16 surrogates — is replaced by a visible escape (`\x1b`, `\r`, `\u202e`),
 * so it is shown and never interpreted. Tab and newline stay; CRLF becomes a newline.
 *
 * Idempotent (the escapes are printable ASCII), linear in the text, pure (no Node or DOM API):
 * the engine, the CLI, the extension and the webview all use this one function.
 */

/** SGR: `ESC [ params m`, or the same after a C1 CSI (U+009B). */
const SGR = String.raw`(?:\x1b\[|\x9b)[0-9;:]*m`;
/** C0 except tab and newline, DEL, C1, bidi marks/embeddings/overrides/isolates, U+2028/2029. */
const CONTROL = String.raw`[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]`;
const LONE_SURROGATE = String.raw`[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`;
const UNSAFE = new RegExp(`${SGR}|\\r\\n|${CONTROL}|${LONE_SURROGATE}`, 'g');

function visible(ch: string): string {
  if (ch === '\r') return '\\r';
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text that cannot control a terminal or reorder what is around it. */
export function inertText(text: string): string {
  if (!text) return text;
  return text.replace(UNSAFE, (m) => (m === '\r\n' ? '\n' : m.length > 1 ? '' : visible(m)));
}

/** True when `text` holds something `inertText` would change (SGR, a control, a bidi mark…). */
export function hasUnsafeText(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/** Characters that JSON.stringify leaves raw but a terminal or a text view would act on. */
const JSON_RAW_UNSAFE = /[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text whose bytes are inert: the same value as `JSON.stringify`, with DEL, C1 controls and
 * bidi characters written as `\uXXXX` escapes (JSON.stringify already escapes C0 and lone
 * surrogates). For `--json` output, the history file and anything else written as JSON.
 */
export function inertJson(value: unknown, space?: number): string {
  const text = JSON.stringify(value, null, space);
  return text === undefined ? text : text.replace(JSON_RAW_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
