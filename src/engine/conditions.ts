/**
 * The runbook's conditions (`{fact, op, value}`, `all` / `any` / `not`), shared by the check
 * evaluator and the diagnosis' decision tree so both read facts the same way.
 *
 * Unknown facts: a fact that is missing — or `null`, which counts as unknown — satisfies only
 * `missing`. Every other operator (including `ne`, `notIn` and `falsy`) is false for it, so a
 * branch such as "circuit.state ne open" never fires when the state could not be read; write
 * `{not: {fact, op: eq, …}}` when "unknown or different" is meant.
 */
import type { Condition, ConditionOp, FactValue } from '../runbook/schema';

export type FactLookup = (name: string) => FactValue | undefined;

export function evaluateCondition(cond: Condition, lookup: FactLookup): boolean {
  if ('all' in cond) return cond.all.every((c) => evaluateCondition(c, lookup));
  if ('any' in cond) return cond.any.some((c) => evaluateCondition(c, lookup));
  if ('not' in cond) return !evaluateCondition(cond.not, lookup);
  const raw = lookup(cond.fact);
  const known = raw !== undefined && raw !== null;
  return compare(cond.op, known ? raw : undefined, cond.value);
}

function compare(op: ConditionOp, fact: Exclude<FactValue, null> | undefined, value: FactValue | FactValue[] | undefined): boolean {
  if (op === 'missing') return fact === undefined;
  if (fact === undefined) return false;
  switch (op) {
    case 'exists':
      return true;
    case 'truthy':
      return isTruthy(fact);
    case 'falsy':
      return !isTruthy(fact);
    case 'eq':
      return !Array.isArray(value) && looseEqual(fact, value);
    case 'ne':
      return !Array.isArray(value) && !looseEqual(fact, value);
    case 'in':
      return Array.isArray(value) && value.some((v) => looseEqual(fact, v));
    case 'notIn':
      return Array.isArray(value) && !value.some((v) => looseEqual(fact, v));
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge':
      return order(op, fact, value);
    case 'matches':
      return typeof value === 'string' && regex(value).test(String(fact));
  }
}

/** `false`, `0`, `""`, `"false"` and `"0"` are falsy (facts read from output are often strings). */
function isTruthy(v: Exclude<FactValue, null>): boolean {
  if (typeof v === 'string') return v !== '' && v !== 'false' && v !== '0';
  return Boolean(v);
}

/** Same type: strict equality. Different types: compared as text (`404` equals `"404"`). */
export function looseEqual(a: FactValue, b: FactValue | undefined): boolean {
  if (b === undefined || b === null || a === null) return false;
  if (typeof a === typeof b) return a === b;
  return String(a) === String(b);
}

function toNumber(v: FactValue | undefined): number | undefined {
  if (typeof v === 'number') return Number.isNaN(v) ? undefined : v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return undefined;
}

function order(op: 'lt' | 'le' | 'gt' | 'ge', a: Exclude<FactValue, null>, b: FactValue | FactValue[] | undefined): boolean {
  if (Array.isArray(b) || b === undefined || b === null) return false;
  const x = toNumber(a);
  const y = toNumber(b);
  let cmp: number;
  if (x !== undefined && y !== undefined) cmp = x - y;
  else if (typeof a === 'string' && typeof b === 'string') cmp = a < b ? -1 : a > b ? 1 : 0;
  else return false;
  switch (op) {
    case 'lt': return cmp < 0;
    case 'le': return cmp <= 0;
    case 'gt': return cmp > 0;
    case 'ge': return cmp >= 0;
  }
}

const regexCache = new Map<string, RegExp>();
function regex(src: string): RegExp {
  let re = regexCache.get(src);
  if (!re) {
    re = new RegExp(src);
    regexCache.set(src, re);
  }
  return re;
}

/** Every fact name a condition reads (for "needs" lists and evidence). */
export function conditionFacts(cond: Condition): string[] {
  if ('all' in cond) return cond.all.flatMap(conditionFacts);
  if ('any' in cond) return cond.any.flatMap(conditionFacts);
  if ('not' in cond) return conditionFacts(cond.not);
  return [cond.fact];
}
