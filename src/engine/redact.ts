/**
 * What makes outside text safe to let out of the engine: output chunks, captured output,
 * reasons, facts, reports and logs. First the one sanitiser (`inertText`: no terminal control
 * survives), then the secrets, in two layers: patterns that recognise secrets by their shape
 * (`Bearer …`, URL user-info, values of `*_TOKEN`-like keys) and the exact secret values the
 * target carries (admin token, database URL and its password) in every form a program may have
 * written them in: raw, JSON-escaped, URL-encoded, HTML-escaped, base64 at any alignment.
 * Secrets are found with plain string search, never a RegExp built from them.
 */
import { inertText } from '../shared/inertText';
import { secretForms } from './secretForms';
import type { Target } from './types';
import { proxySecrets } from './proxy';

export const MASK = '***';

export interface Redactor {
  redact(text: string): string;
}

/** Exact values shorter than this are not replaced on their own: they would shred ordinary text. */
const MIN_EXACT = 4;

const SECRET_KEY =
  String.raw`(?:[A-Za-z0-9_.-]*[_.-])?(?:TOKEN|KEY|SECRET|PASSWORD|PASSWD|DSN)|PGPASSWORD|DATABASE_URL|APIKEY|ACCESS_?TOKEN`;
// `"k": "v"`, `k: v`, `k=v`, `'k'='v'`; the key may be quoted, the value may be quoted.
const KEY_VALUE = new RegExp(
  String.raw`(?<![A-Za-z0-9_.-])(["']?)(${SECRET_KEY})\1([ \t]*[:=][ \t]*)(?!(?:null|true|false)\b)("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s"',;&{}[\]][^\s"',;&}\]]*)`,
  'gi',
);
const AUTH_SCHEME = /\b(Bearer|Basic)([ \t]+)[A-Za-z0-9\-._~+/]+=*/gi;
const AUTH_HEADER = /\b(Authorization["']?[ \t]*[:=][ \t]*["']?)(?:([A-Za-z]+)[ \t]+)?([^\s"',;)\]}>]+)/gi;
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/?#@"'`]*):([^\s/?#@"'`]+)@/gi;

function maskValue(v: string): string {
  if (v.startsWith('"')) return `"${MASK}"`;
  if (v.startsWith("'")) return `'${MASK}'`;
  return MASK;
}

function maskUrlPassword(url: string): string {
  return url.replace(URL_USERINFO, (_m, scheme: string, user: string) => `${scheme}${user}:${MASK}@`);
}

/**
 * Secret values of a target in the forms they may show up in: the admin token, the database
 * URL (replaced by its password-masked form, so the host stays readable) and its password,
 * raw and percent-decoded.
 */
export function targetSecrets(t: Pick<Target, 'adminToken' | 'databaseUrl' | 'proxy'>): { value: string; replacement: string }[] {
  const out: { value: string; replacement: string }[] = [];
  if (t.adminToken) out.push({ value: t.adminToken, replacement: MASK });
  for (const password of proxySecrets(t.proxy)) out.push({ value: password, replacement: MASK });
  if (t.databaseUrl) {
    out.push({ value: t.databaseUrl, replacement: maskUrlPassword(t.databaseUrl) === t.databaseUrl ? MASK : maskUrlPassword(t.databaseUrl) });
    try {
      const u = new URL(t.databaseUrl);
      if (u.password) {
        out.push({ value: u.password, replacement: MASK });
        const decoded = safeDecode(u.password);
        if (decoded !== u.password) out.push({ value: decoded, replacement: MASK });
      }
    } catch {
      /* not a URL: the whole value is still replaced */
    }
  }
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

interface ExactForm {
  value: string;
  replacement: string;
}

/** Every form of every secret, longest first (a longer form is replaced before a shorter one inside it). */
function exactForms(secrets: ReadonlyArray<string | { value: string; replacement: string }>): ExactForm[] {
  const byValue = new Map<string, string>();
  for (const s of secrets) {
    const { value, replacement } = typeof s === 'string' ? { value: s, replacement: MASK } : s;
    if (value.length < MIN_EXACT) continue;
    secretForms(value).forEach((form, i) => {
      if (form.length >= MIN_EXACT && !byValue.has(form)) byValue.set(form, i === 0 ? replacement : MASK);
    });
  }
  return [...byValue].map(([value, replacement]) => ({ value, replacement })).sort((a, b) => b.value.length - a.value.length);
}

function replaceExact(text: string, forms: readonly ExactForm[]): string {
  let out = text;
  for (const f of forms) if (out.includes(f.value)) out = out.split(f.value).join(f.replacement);
  return out;
}

export function createRedactor(secrets: ReadonlyArray<string | { value: string; replacement: string }> = []): Redactor {
  const forms = exactForms(secrets);
  return {
    redact(text: string): string {
      if (!text) return text;
      // inert first: a control character between a secret's halves must not join them later
      let out = replaceExact(inertText(text), forms);
      out = out
        .replace(URL_USERINFO, (_m, scheme: string, user: string) => `${scheme}${user}:${MASK}@`)
        .replace(AUTH_SCHEME, (_m, scheme: string, sp: string) => `${scheme}${sp}${MASK}`)
        .replace(AUTH_HEADER, (_m, head: string, scheme: string | undefined) => `${head}${scheme ? scheme + ' ' : ''}${MASK}`)
        .replace(KEY_VALUE, (_m, q: string, key: string, sep: string, value: string) => `${q}${key}${q}${sep}${maskValue(value)}`);
      // a pattern may have split an exact secret's surroundings; a second pass is cheap
      return replaceExact(out, forms);
    },
  };
}

export function redactorFor(t: Pick<Target, 'adminToken' | 'databaseUrl' | 'proxy'>): Redactor {
  return createRedactor(targetSecrets(t));
}

/** Redacts every string inside a JSON-like value (for reports and facts). */
export function redactDeep<T>(value: T, r: Redactor): T {
  if (typeof value === 'string') return r.redact(value) as unknown as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, r)) as unknown as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, r);
    return out as T;
  }
  return value;
}

/**
 * Redacts a stream of output chunks line by line, so a secret split across two chunks is still
 * recognised. Complete lines are emitted at once; a partial line waits for its end (or `flush`),
 * unless it grows past `maxPending` characters.
 */
export class LineRedactor {
  private pending = '';
  constructor(
    private readonly redactor: Redactor,
    private readonly emit: (text: string) => void,
    private readonly maxPending = 64 * 1024,
  ) {}

  write(chunk: string): void {
    this.pending += chunk;
    const cut = this.pending.lastIndexOf('\n');
    if (cut >= 0) {
      const complete = this.pending.slice(0, cut + 1);
      this.pending = this.pending.slice(cut + 1);
      this.emit(this.redactor.redact(complete));
    }
    if (this.pending.length > this.maxPending) this.flush();
  }

  flush(): void {
    if (!this.pending) return;
    const rest = this.pending;
    this.pending = '';
    this.emit(this.redactor.redact(rest));
  }
}
