/**
 * Markdown import benchmark (medians printed, the target shown, never asserted): a 1,000-line plan
 * made of the plan's own Phase 0–1 repeated with fresh step numbers (commands, expectations, go code,
 * the decision tree once), clean and mangled (UTF-8 read as Mac Roman) — target ≤ 1 s.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importMarkdownRunbook } from '../../src/runbook/import/importMarkdown';
import { packageRoot } from '../../src/runbook/paths';

/** The plan's Phase 0–1 sections, renumbered, until the text has `lines` lines; then the rest of the plan. */
export function thousandLinePlan(lines = 1000): string {
  const plan = fs.readFileSync(path.join(packageRoot(__dirname), 'test/fixtures/execution-failure-debug-plan.md'), 'utf8');
  const start = plan.indexOf('## 🔍 **PHASE 0');
  const end = plan.indexOf('## 🔍 **PHASE 2');
  const head = plan.slice(0, start);
  const phases = plan.slice(start, end);
  const tail = plan.slice(end);
  const out: string[] = [head];
  let n = 0;
  let count = head.split('\n').length + tail.split('\n').length;
  while (count < lines) {
    const k = 10 + n++;
    const copy = phases.replace(/PHASE (\d)/g, (_, d) => `PHASE ${k}${d}`).replace(/Step (\d)\.(\d)/g, (_, a, b) => `Step ${k}${a}.${b}`);
    out.push(copy);
    count += copy.split('\n').length;
  }
  out.push(tail);
  return out.join('');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchImport(): Promise<void> {
  console.log('\n== markdown import (target: a 1,000-line plan in ≤ 1 s)');
  const md = thousandLinePlan(1000);
  const mangled = new TextDecoder('macintosh').decode(Buffer.from(md, 'utf8'));
  const lineCount = md.split('\n').length;
  const first = performance.now();
  const r = importMarkdownRunbook(md, { source: 'bench.md' });
  const firstMs = performance.now() - first;
  console.log(`  ${lineCount} lines → ${r.report.counts.groups} groups, ${r.report.counts.steps} steps, ${r.report.counts.commands} commands, ${r.report.counts.treeNodes} tree nodes`);
  console.log(`  first import in this process (cold): ${firstMs.toFixed(1)} ms`);
  for (const [label, text] of [['clean', md], ['mangled (Mac Roman)', mangled]] as const) {
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      importMarkdownRunbook(text, { source: 'bench.md' });
      samples.push(performance.now() - t);
    }
    console.log(`  ${label}: median ${median(samples).toFixed(1)} ms (of ${samples.length}; max ${Math.max(...samples).toFixed(1)} ms)`);
  }
}
