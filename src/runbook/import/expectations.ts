/**
 * What a plan says a command's output should be, read into something a check can judge: a
 * substring that must (or must not) appear, a regular expression, an exit code — or, when the words
 * cannot be read that way, an expectation the user judges by hand, shown as written.
 */
import type { Check, Condition, Extractor, Rule } from '../schema';

export type ExpectationKind =
  /** the output must contain `value` */
  | 'contains'
  /** the output must not contain `value` */
  | 'absent'
  /** the output must match the regular expression `value` */
  | 'regex'
  /** the command must exit with `value` */
  | 'exitCode'
  /** `value` in the output is the plan's good sign (one of several ✅ markers is enough) */
  | 'goodSign'
  /** `value` in the output is the plan's bad sign (❌ markers, `If "x" → …` lines) */
  | 'badSign'
  /** words no rule can read: the user judges */
  | 'manual';

export interface Expectation {
  kind: ExpectationKind;
  value?: string | number;
  regexFlags?: string;
  /** The plan's words. */
  text: string;
  line: number;
}

const QUOTED = /^(?:`([^`]+)`|"([^"]+)"|'([^']+)')$/;
const LEADS = /^(?:output\s+)?(?:contains?|includes?|shows?|prints?|look\s+for|should\s+(?:contain|show|print|include))(?:\s*:)?\s+/i;
const NEGATIVE_LEADS = /^(?:output\s+)?(?:does\s+not|doesn't|should\s+not|must\s+not|never)\s+(?:contain|show|print|include)s?(?:\s*:)?\s+|^not\s+contains?(?:\s*:)?\s+/i;
const EXIT = /^(?:the\s+)?(?:exit(?:s)?(?:\s*(?:code|status))?|exit_code|returns?)\s*(?:is|=|==|:|of|with)?\s*(\d{1,3})\.?$/i;
const REGEX_LITERAL = /^(?:(?:regex|matches|pattern)(?:\s*:)?\s*)?\/(.+)\/([imsu]*)$/i;
const REGEX_LEAD = /^(?:regex|pattern)[ \t]*:[ \t]*(\S.*)$/i;

/** Reads one expectation line (without its `Expected:` lead). */
export function readExpectation(raw: string, line: number): Expectation {
  const text = raw.trim().replace(/^[-*]\s+/, '').replace(/\s+$/, '');
  const words = text.replace(/\*\*/g, '').trim();
  const exit = EXIT.exec(words);
  if (exit) return { kind: 'exitCode', value: Number(exit[1]), text, line };
  const re = REGEX_LITERAL.exec(words) ?? REGEX_LEAD.exec(words);
  if (re) {
    const source = unquote(re[1].trim()) ?? re[1].trim();
    if (safeRegex(source)) return { kind: 'regex', value: source, regexFlags: re[2] || undefined, text, line };
    return { kind: 'manual', text: `${text} (the regular expression is not safe to run: nested repetition or too long)`, line };
  }
  const neg = NEGATIVE_LEADS.exec(words);
  if (neg) {
    const v = unquote(words.slice(neg[0].length).trim());
    if (v) return { kind: 'absent', value: v, text, line };
  }
  const lead = LEADS.exec(words);
  const rest = lead ? words.slice(lead[0].length).trim() : words;
  const literal = unquote(rest);
  if (literal) return { kind: 'contains', value: literal, text, line };
  return { kind: 'manual', text, line };
}

/** `` `x` `` / `"x"` / `'x'` → x; anything else → undefined. */
export function unquote(s: string): string | undefined {
  const m = QUOTED.exec(s.trim());
  if (!m) return undefined;
  const inner = m[1] ?? m[2] ?? m[3];
  // `"executor is NIL"`: the quotes inside the code span are the plan's, not the log line's
  return m[1] !== undefined ? (QUOTED.exec(inner.trim()) ? unquote(inner) : inner) : inner;
}

/**
 * A regular expression from a plan runs against command output: refuse the shapes that backtrack
 * exponentially (a repeated group that itself repeats) and very long ones.
 */
export function safeRegex(source: string): boolean {
  if (source.length > 500 || /\\[1-9]/.test(source)) return false;
  // one pass: a group closed by `)` and followed by a quantifier must not contain one itself
  const open: boolean[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') open.push(false);
    else if (c === ')') {
      const repeatedInside = open.pop() ?? false;
      const next = source[i + 1];
      const repeated = next === '*' || next === '+' || next === '{';
      if (repeated && repeatedInside) return false;
      if (open.length) open[open.length - 1] ||= repeatedInside || repeated;
    } else if ((c === '*' || c === '+' || c === '{') && open.length) open[open.length - 1] = true;
  }
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const quote = (s: string | number | undefined) => `“${String(s)}”`;

/**
 * The check's extractors, rules and `otherwise` for its expectations. Rules in order: a bad sign
 * seen fails; a non-zero exit (or the wrong one) fails; a required text missing fails; good signs:
 * one seen passes, none seen fails; then pass when something readable held, else the user judges.
 */
export function expectationRules(expectations: readonly Expectation[]): Pick<Check, 'extract' | 'rules' | 'otherwise' | 'judgeByHand'> {
  const extract: Extractor[] = [];
  const rules: Rule[] = [];
  const fact = (i: number) => `$expect${i}`;
  const readable = expectations.filter((e) => e.kind !== 'manual');
  const manual = expectations.filter((e) => e.kind === 'manual');
  readable.forEach((e, i) => {
    if (e.kind === 'exitCode') return;
    const regex = e.kind === 'regex' ? String(e.value) : escapeRegex(String(e.value));
    extract.push({ regex, ...(e.regexFlags ? { flags: e.regexFlags } : {}), fact: fact(i), otherwise: false });
  });
  const truthy = (i: number): Condition => ({ fact: fact(i), op: 'truthy' });
  const falsy = (i: number): Condition => ({ fact: fact(i), op: 'falsy' });

  readable.forEach((e, i) => {
    if (e.kind === 'badSign' || e.kind === 'absent') {
      rules.push({ when: truthy(i), verdict: 'fail', reason: `The output shows ${quote(e.value)} — the plan: ${e.text}` });
    }
  });
  const exit = readable.find((e) => e.kind === 'exitCode');
  rules.push(
    exit
      ? { when: { fact: '$exitCode', op: 'ne', value: Number(exit.value) }, verdict: 'fail', reason: `Exited with \${fact:$exitCode}; the plan expects ${exit.value}.` }
      : { when: { all: [{ fact: '$exitCode', op: 'exists' }, { fact: '$exitCode', op: 'ne', value: 0 }] }, verdict: 'fail', reason: 'The command exited with ${fact:$exitCode}.' },
  );
  readable.forEach((e, i) => {
    if (e.kind === 'contains' || e.kind === 'regex') {
      rules.push({ when: falsy(i), verdict: 'fail', reason: `Expected ${e.kind === 'regex' ? `a match for /${e.value}/` : quote(e.value)} in the output: not there.` });
    }
  });
  const good = readable.map((e, i) => ({ e, i })).filter(({ e }) => e.kind === 'goodSign');
  if (good.length) {
    rules.push({ when: { any: good.map(({ i }) => truthy(i)) }, verdict: manual.length ? 'warn' : 'pass', reason: `The output shows ${good.map(({ e }) => quote(e.value)).join(' or ')}.${manual.length ? ' Judge the rest by hand.' : ''}` });
    rules.push({ when: { all: good.map(({ i }) => falsy(i)) }, verdict: 'fail', reason: `None of ${good.map(({ e }) => quote(e.value)).join(', ')} in the output.` });
  }
  const judgeByHand = manual.length ? manual.map((e) => e.text).join('\n') : undefined;
  const otherwise = judgeByHand
    ? { verdict: 'inconclusive' as const, reason: `Judge by hand — the plan expects: ${manual.map((e) => e.text).join(' / ')}` }
    : readable.some((e) => e.kind !== 'badSign' && e.kind !== 'absent') || readable.length
      ? { verdict: 'pass' as const, reason: 'Every expectation of the plan held.' }
      : { verdict: 'inconclusive' as const, reason: 'It ran (exit 0); the plan gives nothing to judge its output by.' };
  return { extract, rules, otherwise, ...(judgeByHand ? { judgeByHand } : {}) };
}
