/**
 * `beacon-debug list`: the runbook's groups, steps and checks. It starts with the CLI, so it reads the
 * built-in plan from the build's compiled copy and loads the YAML parser and the schema only for
 * `--runbook FILE`.
 */
import * as path from 'node:path';
import { EXIT } from '../engine/types';
import { loadBuiltinRunbook } from '../runbook/builtin';
import type * as RunbookFile from '../runbook/runbookFile';
import { RunbookError } from '../runbook/runbookError';
import type { Runbook, Step } from '../runbook/schema';
import { stepCommands } from '../runbook/stepMarkdown';
import { parseArgs, single, UsageError } from './args';
import type { CliIo } from './io';
import { inertJson } from '../shared/inertText';

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function stepKinds(s: Step): string[] {
  const k: string[] = [];
  if (s.checks.length) k.push('check');
  if (s.instrument) k.push('instrument');
  if (s.fix) k.push('fix');
  if (s.manual) k.push('manual');
  return k;
}

/** The runbook tree as data (`list --json`). */
export function runbookListing(rb: Runbook) {
  const step = (s: Step) => ({
    id: s.id,
    title: s.title,
    estimate: s.estimate ?? null,
    kinds: stepKinds(s),
    addedBy: s.addedBy ?? null,
    checks: s.checks.map((c) => ({ id: c.id, label: c.label, probe: c.probe.type, vantage: c.probe.vantage ?? null, requires: c.requires })),
    instrument: s.instrument?.snippet ?? null,
    fix: s.fix ?? null,
    commands: stepCommands(rb, s),
  });
  return {
    runbook: { id: rb.id, title: rb.title },
    preflight: rb.preflight.map((c) => ({ id: c.id, label: c.label })),
    groups: [
      { id: 'quick-wins', title: rb.quickWins.title, steps: rb.quickWins.steps.map(step) },
      ...rb.phases.map((p) => ({ id: p.id, title: p.title, steps: p.steps.map(step) })),
    ],
  };
}


export async function runListCommand(args: string[], io: CliIo, ctx: { runbook?: Runbook; cwd?: string } = {}): Promise<number> {
  let rb: Runbook;
  let json: boolean;
  try {
    const p = parseArgs(args, { values: ['--runbook'], booleans: ['--json'] });
    if (p.positionals.length) throw new UsageError(`unexpected argument "${p.positionals[0]}"`);
    json = p.booleans.has('--json');
    const file = single(p, '--runbook');
    rb = ctx.runbook ?? (file ? (require('../runbook/runbookFile') as typeof RunbookFile).loadAnyRunbookFile(path.resolve(ctx.cwd ?? process.cwd(), file)).runbook : loadBuiltinRunbook());
  } catch (e) {
    if (!(e instanceof UsageError || e instanceof RunbookError)) throw e;
    io.stderr(`beacon-debug: ${e.message}\n`);
    io.stderr(`exit ${EXIT.usage}: usage or configuration error\n`);
    return EXIT.usage;
  }
  const listing = runbookListing(rb);
  if (json) {
    io.stdout(inertJson(listing, 2) + '\n');
    return EXIT.ok;
  }
  const out: string[] = [rb.title, ''];
  if (listing.preflight.length) out.push(`Preflight: ${listing.preflight.map((c) => c.label).join('; ')}`, '');
  for (const g of listing.groups) {
    out.push(`${g.title}  [${g.id}]`);
    for (const s of g.steps) {
      out.push(`  ${pad(s.id, 10)} ${pad(s.title, 48)} ${s.kinds.join(', ')}${s.addedBy ? ' (added)' : ''}`);
      for (const c of s.checks) out.push(`  ${pad('', 10)}   · ${c.label}${c.requires.length ? ` (needs ${c.requires.join(', ')})` : ''}`);
    }
    out.push('');
  }
  io.stdout(out.join('\n'));
  return EXIT.ok;
}
