/**
 * An imported runbook as YAML: defaults that say nothing (empty lists, `manual: false`) are left
 * out so the file reads like a hand-written one; what is written is parsed back and validated.
 */
import { stringify } from 'yaml';
import { parseRunbook } from '../load';
import type { Runbook } from '../schema';

/** Lists the schema requires even when empty. */
const KEEP_EMPTY = new Set(['steps', 'phases', 'branches', 'nodes', 'argv']);

function prune(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => prune(v));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (Array.isArray(v) && v.length === 0 && !KEEP_EMPTY.has(k)) continue;
      if (k === 'manual' && v === false) continue;
      if (v === undefined) continue;
      out[k] = prune(v, k);
    }
    return out;
  }
  void key;
  return value;
}

export function runbookToYaml(rb: Runbook, header?: string): string {
  const text = (header ? header.split('\n').map((l) => `# ${l}`.trimEnd()).join('\n') + '\n' : '') + stringify(prune(rb), { lineWidth: 0 });
  parseRunbook(text, '<imported runbook>'); // what we write must load
  return text;
}
