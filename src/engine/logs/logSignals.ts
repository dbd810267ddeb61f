/**
 * The runbook's `logSignals` applied to normalised log lines: one reading of the logs shared by
 * the logs checks and the diagnosis' log classifier. Every fact comes with the line that proves it.
 */
import type { FactValue, LogSignal } from '../../runbook/schema';
import { logTimeMs, type NormalisedLine } from './logLines';

export interface SignalFact {
  value: FactValue;
  /** The line that proves the value (the last matching line); absent when nothing matched. */
  line?: string;
  /** Every matching line's index in the input, for highlighting. */
  matches: number[];
  label: string;
}

const cache = new Map<string, RegExp>();
function compile(src: string, flags = ''): RegExp {
  const key = `${flags}/${src}`;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(src, flags.replace(/g/g, ''));
    cache.set(key, re);
  }
  return re;
}

export function convertValue(raw: string, type: 'string' | 'number' | 'boolean' | undefined): FactValue | undefined {
  if (type === 'number') {
    const n = Number(raw.trim());
    return raw.trim() === '' || Number.isNaN(n) ? undefined : n;
  }
  if (type === 'boolean') {
    const v = raw.trim().toLowerCase();
    if (['true', '1', 'yes'].includes(v)) return true;
    if (['false', '0', 'no', ''].includes(v)) return false;
    return true;
  }
  return raw;
}

/**
 * The lines since the last boot of the app (the last line matching `boot`, included); all lines
 * when there is no boot line in the buffer (it may have left it) or no boot pattern.
 */
export function sinceLastBoot<T extends NormalisedLine | string>(lines: readonly T[], boot: { regex: string; flags?: string } | undefined): readonly T[] {
  if (!boot) return lines;
  const re = compile(boot.regex, boot.flags);
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    if (re.test(typeof l === 'string' ? l : l.text)) return lines.slice(i);
  }
  return lines;
}

/**
 * Applies signals of one source to lines. `count` → number of matching lines (0 when none);
 * `flag` → true / false; `value` → capture group of the last matching line (unknown when none).
 */
export function applyLogSignals(
  signals: readonly LogSignal[],
  lines: readonly (NormalisedLine | string)[],
  source: 'runner' | 'router' = 'runner',
): Record<string, SignalFact> {
  const texts = lines.map((l) => (typeof l === 'string' ? l : l.text));
  const out: Record<string, SignalFact> = {};
  for (const sig of signals) {
    if ((sig.source ?? 'runner') !== source) continue;
    const re = compile(sig.regex, sig.flags);
    const matches: number[] = [];
    let lastMatch: RegExpExecArray | undefined;
    texts.forEach((t, i) => {
      const m = re.exec(t);
      if (m) {
        matches.push(i);
        lastMatch = m;
      }
    });
    const line = matches.length ? texts[matches[matches.length - 1]] : undefined;
    if (sig.kind === 'duration') {
      const d = medianDuration(lines, matches, sig.key ?? 'job_id');
      if (d) out[sig.fact] = { value: d.seconds, line: texts[d.index], matches, label: sig.label };
    } else if (sig.kind === 'count') {
      out[sig.fact] = { value: matches.length, line, matches, label: sig.label };
    } else if (sig.kind === 'flag') {
      out[sig.fact] = { value: matches.length > 0, line, matches, label: sig.label };
    } else if (lastMatch) {
      const g = sig.group ?? 1;
      const raw = typeof g === 'string' ? lastMatch.groups?.[g] : lastMatch[g];
      if (raw === undefined) continue;
      const value = convertValue(raw, sig.type);
      if (value !== undefined) out[sig.fact] = { value, line, matches, label: sig.label };
    }
  }
  return out;
}

/**
 * A `duration` signal: for each matching line, the seconds since the previous line with the same
 * `key` field (a job's start, or its previous execution's end) — how long that execution ran — and
 * their median. The collector's timestamp (milliseconds) is preferred to the app's own (seconds).
 */
function medianDuration(lines: readonly (NormalisedLine | string)[], matches: readonly number[], key: string): { seconds: number; index: number } | undefined {
  const out: { seconds: number; index: number }[] = [];
  const at = (l: NormalisedLine | string) => (typeof l === 'string' ? undefined : logTimeMs(l.receivedAt ?? l.time));
  const keyOf = (l: NormalisedLine | string) => (typeof l === 'string' ? undefined : l.fields[key]);
  for (const i of matches) {
    const k = keyOf(lines[i]);
    const end = at(lines[i]);
    if (!k || !end) continue;
    for (let j = i - 1; j >= 0; j--) {
      if (keyOf(lines[j]) !== k) continue;
      const start = at(lines[j]);
      if (start && start.precisionMs === end.precisionMs) out.push({ seconds: Math.max(0, end.ms - start.ms) / 1000, index: i });
      break;
    }
  }
  if (!out.length) return undefined;
  out.sort((a, b) => a.seconds - b.seconds);
  const mid = out[Math.floor((out.length - 1) / 2)];
  return { seconds: Math.round(mid.seconds * 1000) / 1000, index: mid.index };
}
