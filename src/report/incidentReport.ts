/**
 * The incident report: one markdown document that reads on its own and pastes into a postmortem.
 * Summary, timeline, evidence, root cause (with the decision path and the alternatives), fix,
 * success criteria, whether debug instrumentation is still in the code, every step's verdict and
 * the output of the checks that did not pass. Everything that comes from the run is untrusted
 * text: it is escaped or fenced, and the whole document goes through the redactor at the end.
 */
import type { Runbook } from '../runbook/schema';
import type { FactValue } from '../runbook/schema';
import { createRedactor, type Redactor } from '../engine/redact';
import { describeInstrumentation } from './instrumentationStatus';
import { formatDuration, percent, utcDateTime, utcTime } from '../shared/formatting';
import { mdCell, mdCode, mdCodeCell, mdFence, mdTable, mdText } from './markdown';
import { excerpt } from './outputText';
import { inertText } from '../shared/inertText';
import type { DrawableRecord, RunRecord } from './runRecord';
import { countVerdicts, describeCounts } from './verdictCounts';
import { displayArgv } from '../engine/displayCommand';

export interface IncidentReportOptions {
  /** Redacts the target's secrets (from `redactorFor(target)`); shape-based patterns always apply. */
  redactor?: Redactor;
  /** When the report was written (default: now). */
  generatedAt?: string;
  /** Lines of output quoted per check that did not pass. */
  outputLines?: number;
}

/** The headings every report has, in order (tests check them). */
export const REPORT_SECTIONS = [
  'Summary',
  'Timeline',
  'Evidence',
  'Root cause',
  'Fix',
  'Success criteria',
  'Debug instrumentation',
  'Steps',
  'Output of the checks that did not pass',
] as const;

const OUTPUT_LINES = 40;

function value(v: FactValue): string {
  return v === null ? 'null' : typeof v === 'string' ? JSON.stringify(v) : String(v);
}

function summary(runbook: Runbook, r: RunRecord): string[] {
  const d = r.diagnosis;
  const out: string[] = [];
  if (!d) out.push('**Root cause: not diagnosed.** This run only ran checks; run the diagnosis (`beacon-debug diagnose`, or **Beacon Debug: Diagnose**) to walk the decision tree.');
  else if (d.status === 'certain') {
    const cause = runbook.causes.find((c) => c.id === d.rootCause.id);
    out.push(`**Root cause: ${mdText(d.rootCause.title)}** (${mdCode(d.rootCause.id)}) — ${percent(d.rootCause.probability)}, certain.${cause ? ` The plan: ${mdText(cause.plan)}.` : ''}`);
  } else if (d.status === 'healthy') {
    out.push(`**No root cause: the system looks healthy** — ${percent(d.rootCause.probability)} sure; no check failed.`);
  } else {
    out.push(`**Root cause: undetermined.** ${mdText(d.rootCause.title)}.${d.nextStep ? ` Next: ${mdText(d.nextStep.text)} (${mdText(d.nextStep.title)}).` : ''}`);
  }
  out.push('');
  out.push(`- Checks: ${describeCounts(countVerdicts(r.steps))} (${r.steps.length} step${r.steps.length === 1 ? '' : 's'}${r.cancelled ? '; the run was cancelled' : ''}).`);
  const fix = d?.status === 'certain' ? d.fix : null;
  const applied = r.fixesApplied;
  if (applied.length) {
    for (const f of applied) out.push(`- Fix applied: ${mdCode(displayArgv(f.argv))} on ${mdText(f.environment)} at ${utcDateTime(f.appliedAt)} — ${f.exitCode === 0 ? 'succeeded' : `failed (exit code ${f.exitCode})`}.`);
  } else if (fix) {
    out.push(`- Fix: ${mdText(fix.title)} — not applied yet.`);
  } else {
    out.push('- Fix: none applied.');
  }
  out.push(`- Debug instrumentation: ${describeInstrumentation(r.instrumentation)}`);
  return out;
}

function header(r: RunRecord, generatedAt: string): string[] {
  const t = r.target;
  const start = Date.parse(r.startedAt);
  const end = Date.parse(r.finishedAt);
  return [
    `# Incident report: ${mdText(r.runbook.title)} on ${mdText(t.name)}`,
    '',
    mdTable(
      ['', ''],
      [
        ['Environment', `${mdCell(t.name)}${t.production ? ' (**PRODUCTION**)' : ''}, Fly app ${mdCodeCell(t.flyApp)}`],
        ['Runner', mdCodeCell(t.runnerUrl)],
        ['Router', mdCodeCell(t.routerUrl)],
        ['Run', `${mdCell(r.request.label)} — ${utcDateTime(r.startedAt)} to ${utcDateTime(r.finishedAt)} (${formatDuration(Number.isFinite(end - start) ? end - start : null)})`],
        ['Run id', mdCodeCell(r.id)],
        ['Written', `${utcDateTime(generatedAt)} by Beacon Debug`],
      ],
    ),
  ];
}

function timeline(r: RunRecord): string[] {
  type Ev = { at: string | null; order: number; text: string };
  const evs: Ev[] = [{ at: r.startedAt, order: 0, text: `Run started: ${mdCell(r.request.label)} on ${mdCell(r.target.name)}` }];
  const ran = new Set(r.ranSteps);
  r.steps.forEach((s, i) => {
    if (!ran.has(s.id)) return;
    evs.push({
      at: s.finishedAt ?? s.startedAt ?? null,
      order: 1 + i,
      text: `${mdCell(s.id)} ${mdCell(s.title)} — **${s.verdict}**: ${mdCell(s.reason)}`,
    });
  });
  evs.push({
    at: r.finishedAt,
    order: 10_000,
    text: `Run ${r.cancelled ? 'cancelled' : 'finished'}: ${describeCounts(countVerdicts(r.steps))}`,
  });
  if (r.diagnosis) {
    evs.push({ at: r.finishedAt, order: 10_001, text: `Diagnosis: ${mdCell(r.diagnosis.rootCause.title)} (${percent(r.diagnosis.rootCause.probability)}, ${r.diagnosis.status})` });
  }
  for (const f of r.fixesApplied) {
    evs.push({ at: f.appliedAt, order: 20_000, text: `Fix ${mdCodeCell(f.id)} applied on ${mdCell(f.environment)}: ${mdCodeCell(displayArgv(f.argv))} — exit code ${f.exitCode}` });
  }
  const ms = (e: Ev) => (e.at ? Date.parse(e.at) : Number.NaN);
  evs.sort((a, b) => {
    const x = ms(a);
    const y = ms(b);
    if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
    return a.order - b.order;
  });
  const sameDay = evs.every((e) => !e.at || e.at.slice(0, 10) === r.startedAt.slice(0, 10));
  return [mdTable(['Time (UTC)', 'Event'], evs.map((e) => [sameDay ? utcTime(e.at) : utcDateTime(e.at), e.text]))];
}

function evidence(r: RunRecord): string[] {
  const d = r.diagnosis;
  if (!d) return ['Not diagnosed: no evidence was weighed.'];
  if (!d.evidence.length) return ['No fact spoke for or against a cause.'];
  const out: string[] = [];
  for (const e of d.evidence) {
    const where = `step ${mdText(e.step || '?')}${e.check ? ` / ${mdText(e.check)}` : ''}`;
    const weight = e.weight === null ? 'read by the decision tree' : e.weight >= 1 ? `×${e.weight} for` : `×${e.weight} against`;
    out.push(`- **${mdText(e.label)}** — ${mdCode(e.fact)} = ${mdCode(value(e.value))} (${where}; ${weight})`);
    if (e.line) out.push(`  ${mdFence(inertText(e.line)).split('\n').join('\n  ')}`);
  }
  return out;
}

function rootCause(runbook: Runbook, r: RunRecord): string[] {
  const d = r.diagnosis;
  if (!d) return ['Not diagnosed.'];
  const out: string[] = [];
  const cause = runbook.causes.find((c) => c.id === d.rootCause.id);
  const scenario = runbook.scenarios.find((s) => s.id === (d.rootCause.scenario ?? cause?.scenario));
  out.push(`### ${mdText(d.rootCause.title)}`);
  out.push('');
  out.push(`- Status: **${d.status}**, probability ${percent(d.rootCause.probability)}.`);
  if (cause) out.push(`- In the plan: ${mdText(cause.plan)}${scenario ? `; scenario ${mdText(scenario.letter)}: ${mdText(scenario.title)}` : ''}.`);
  if (d.nextStep) out.push(`- Next step: **${mdText(d.nextStep.text)}** — ${mdText(d.nextStep.title)}: ${mdText(d.nextStep.reason)}.`);
  out.push('');
  out.push('Decision path:');
  out.push('');
  if (!d.tree.path.length) out.push('1. (the tree was not entered)');
  d.tree.path.forEach((h, i) => out.push(`${i + 1}. ${mdText(h.question)} → **${mdText(h.branch)}**`));
  const o = d.tree.outcome;
  out.push('');
  out.push(
    o.kind === 'leaf'
      ? `The tree ends at ${mdCode(o.cause ?? o.node)}.`
      : o.kind === 'needs'
        ? `The tree stopped at "${mdText(o.text)}": it needs step${o.steps.length > 1 ? 's' : ''} ${o.steps.map(mdCode).join(', ')}.`
        : `The tree stopped${o.node ? ` at ${mdCode(o.node)}` : ''}: ${mdText(o.text)}.`,
  );
  if (d.ranked.length) {
    out.push('');
    out.push('Causes, ranked on the evidence:');
    out.push('');
    out.push(
      mdTable(
        ['Cause', 'Probability', 'Prior', 'Evidence for', 'Evidence against'],
        d.ranked.map((c) => [
          `${c.id === d.rootCause.id ? '**' : ''}${mdCell(c.title)}${c.id === d.rootCause.id ? '**' : ''} (${mdCodeCell(c.id)})`,
          percent(c.probability),
          percent(c.prior),
          c.for.map((m) => `${mdCell(m.label)} ×${m.weight}`).join('; ') || '—',
          c.against.map((m) => `${mdCell(m.label)} ×${m.weight}`).join('; ') || '—',
        ]),
      ),
    );
  }
  if (d.notes.length) {
    out.push('');
    out.push('Notes:');
    out.push('');
    for (const n of d.notes) out.push(`- ${mdText(n)}`);
  }
  return out;
}

function fixSection(runbook: Runbook, r: DrawableRecord): string[] {
  const d = r.diagnosis;
  const out: string[] = [];
  const offered = d?.status === 'certain' ? r.fixes.find((f) => f.recommended) : undefined;
  const fix = offered ? runbook.fixes.find((f) => f.id === offered.id) : undefined;
  if (offered) {
    out.push(`Recommended: **${mdText(offered.title)}**${offered.letter ? ` (the plan's fix ${mdText(offered.letter)})` : ''} — ${offered.kind}.`);
    out.push('');
    if (offered.command) {
      out.push(mdFence(offered.command, 'sh'));
      out.push('');
    }
    if (offered.effect) out.push(`What it does: ${mdText(offered.effect)}`, '');
    out.push(...(fix?.text ?? offered.text).trim().split('\n').map((l) => `> ${l}`));
  } else if (d?.status === 'healthy') {
    out.push('No fix: nothing is broken.');
  } else if (d) {
    out.push('No fix is recommended while the root cause is undetermined.');
  } else {
    out.push('No fix is recommended: the run was not diagnosed.');
  }
  out.push('');
  if (!r.fixesApplied.length) out.push('Applied: none.');
  for (const f of r.fixesApplied) {
    const title = runbook.fixes.find((x) => x.id === f.id)?.title ?? f.id;
    out.push(`Applied: **${mdText(title)}** on ${mdText(f.environment)} at ${utcDateTime(f.appliedAt)}, exit code ${f.exitCode}.`);
    out.push('');
    out.push(mdFence(displayArgv(f.argv), 'sh'));
    if (f.undoArgv) out.push('', `Undo: ${mdCode(displayArgv(f.undoArgv))}`);
    const o = excerpt(f.output, 20);
    if (o.text.trim()) out.push('', mdFence(o.text + (o.truncated ? `\n… (${o.lines} lines in all)` : '')));
    out.push('');
  }
  return out;
}

function criteria(r: DrawableRecord): string[] {
  const list = r.criteria;
  if (!list.length) return ['The runbook has no success criteria.'];
  const label = { met: 'met', notMet: 'not met', unknown: 'unknown: not checked yet' } as const;
  return list.map((c) => `- [${c.status === 'met' ? 'x' : ' '}] ${mdText(c.text)} — ${label[c.status]}`);
}

function instrumentation(r: RunRecord): string[] {
  const s = r.instrumentation;
  const out = [describeInstrumentation(s)];
  if (s?.files.length) {
    out.push('');
    for (const f of s.files) out.push(`- ${mdCode(f.file)}: ${f.steps.map((x) => `step ${mdText(x)}`).join(', ')} (line${f.lines.length > 1 ? 's' : ''} ${f.lines.join(', ')})`);
    out.push('', 'Remove it before the next deploy: with Beacon Debug\'s remove code lens in each file, or `beacon-debug instrument FILE --remove`.');
  }
  if (s?.problems.length) {
    out.push('');
    for (const p of s.problems) out.push(`- Could not check: ${mdText(p)}`);
  }
  return out;
}

function steps(r: RunRecord): string[] {
  if (!r.steps.length) return ['No step ran.'];
  const ran = new Set(r.ranSteps);
  return [
    mdTable(
      ['Step', 'Title', 'Verdict', 'Duration', 'Reason'],
      r.steps.map((s) => [
        mdCell(s.id),
        mdCell(s.title) + (ran.has(s.id) ? '' : ' (earlier run)'),
        s.verdict === 'fail' || s.verdict === 'error' ? `**${s.verdict}**` : s.verdict,
        formatDuration(s.durationMs),
        mdCell(s.reason),
      ]),
    ),
  ];
}

function outputs(r: RunRecord, lines: number): string[] {
  const out: string[] = [];
  const shown = new Map<string, string>();
  for (const s of r.steps) {
    for (const c of s.checks) {
      if (c.verdict !== 'fail' && c.verdict !== 'error' && c.verdict !== 'warn') continue;
      out.push(`### ${mdText(s.id)} — ${mdText(c.label)}: ${c.verdict}`);
      out.push('');
      out.push(`${mdText(c.reason)}${c.vantage ? ` (from ${mdText(c.vantage)})` : ''}`);
      out.push('');
      const key = `${c.command}\u0000${c.output}`;
      const first = shown.get(key);
      if (first) {
        out.push(`Same command and output as ${mdText(first)}${c.cached ? ' (answered from the run\'s cache)' : ''}.`, '');
        continue;
      }
      shown.set(key, s.id);
      out.push(mdFence(`$ ${c.command}`, 'sh'));
      const o = excerpt(c.output, lines);
      if (o.text.trim()) {
        out.push('');
        out.push(mdFence(o.text + (o.truncated ? `\n… (${o.lines} lines in all; the full output is in Beacon Debug's run history)` : '')));
      }
      out.push('');
    }
  }
  return out.length ? out : ['Every check passed or was not decisive.'];
}

export function incidentReport(runbook: Runbook, r: DrawableRecord, opts: IncidentReportOptions = {}): string {
  const generatedAt = opts.generatedAt ?? new Date().toISOString();
  const body: string[] = [
    ...header(r, generatedAt),
    '',
    '## Summary',
    '',
    ...summary(runbook, r),
    '',
    '## Timeline',
    '',
    ...timeline(r),
    '',
    '## Evidence',
    '',
    ...evidence(r),
    '',
    '## Root cause',
    '',
    ...rootCause(runbook, r),
    '',
    '## Fix',
    '',
    ...fixSection(runbook, r),
    '',
    '## Success criteria',
    '',
    ...criteria(r),
    '',
    '## Debug instrumentation',
    '',
    ...instrumentation(r),
    '',
    '## Steps',
    '',
    ...steps(r),
    '',
    '## Output of the checks that did not pass',
    '',
    ...outputs(r, opts.outputLines ?? OUTPUT_LINES),
  ];
  const text = collapseBlankLines(body.join('\n').split('\n')).join('\n').trimEnd() + '\n';
  // the target's exact secrets first, then the shape-based patterns (tokens, URL passwords…)
  const shaped = createRedactor([]);
  return shaped.redact(opts.redactor ? opts.redactor.redact(text) : text);
}

/** At most one blank line in a row, except inside fenced blocks (output is quoted as it was). */
function collapseBlankLines(lines: string[]): string[] {
  const out: string[] = [];
  let fence: string | null = null;
  for (const l of lines) {
    const m = /^\s*(`{3,})/.exec(l);
    if (m) {
      if (fence === null) fence = m[1];
      else if (m[1] === fence && l.trim() === fence) fence = null;
    }
    if (fence === null && l.trim() === '' && out.length && out[out.length - 1].trim() === '') continue;
    out.push(l);
  }
  return out;
}
