import type { Runbook, Step } from './schema';

/** The full text of a step as markdown: the plan's words, then what Beacon Debug runs instead. */
export function stepMarkdown(rb: Runbook, step: Step): string {
  const out: string[] = [];
  out.push(`# ${step.id} ${step.title}`);
  const meta = [step.estimate && `Estimate: ${step.estimate}`, step.addedBy && `Added by ${step.addedBy} — not in the plan`].filter(Boolean);
  if (meta.length) out.push(`*${meta.join(' · ')}*`);
  out.push('## The plan', step.text.trim());
  if (step.expected) out.push(`**Expected**: ${step.expected}`);
  if (step.ifLines.length) out.push(step.ifLines.map((l) => `- ${l}`).join('\n'));
  if (step.corrections.length) {
    out.push('## Where the plan is corrected', step.corrections.map((c) => `- ${c}`).join('\n'));
  }
  if (step.checks.length) {
    out.push('## What Beacon Debug runs');
    for (const c of step.checks) {
      out.push(`### ${c.label}${c.probe.vantage ? ` (from ${c.probe.vantage})` : ''}`);
      out.push('```\n' + describeProbe(c.probe) + '\n```');
      if (c.requires.length) out.push(`Needs: ${c.requires.join(', ')} (skipped without it).`);
    }
  }
  if (step.instrument) {
    out.push('## Instrumentation', `Snippet \`${step.instrument.snippet}\` — ${step.instrument.anchor}. Insert it with the code lens above the function in the Go file, or from the tree.`);
    if (step.instrument.note) out.push(step.instrument.note);
    out.push('Only 2.4 also covers the cross-region execution path (`POST /api/v1/jobs/cross-region` calls `RunInference` directly).');
  }
  if (step.fix) {
    const fix = rb.fixes.find((f) => f.id === step.fix);
    if (fix) {
      out.push(`## ${fix.title}`, fix.text);
      if (fix.argv) out.push('```\n' + fix.argv.join(' ') + '\n```');
      if (fix.effect) out.push(`**What it does to production**: ${fix.effect}`);
      if (fix.corrections.length) out.push(fix.corrections.map((c) => `- ${c}`).join('\n'));
    }
  }
  if (step.manual) out.push('*A manual step: mark it done from the tree when you have done it.*');
  return out.join('\n\n') + '\n';
}

/** What a step runs or shows, in display form: its checks' commands, then its fix's. */
export function stepCommands(rb: Runbook, s: Step): string[] {
  const out = s.checks.map((c) => describeProbe(c.probe));
  const fix = s.fix ? rb.fixes.find((f) => f.id === s.fix) : undefined;
  if (fix?.argv) out.push(describeProbe({ type: 'shell', argv: fix.argv }));
  return out;
}

export function describeProbe(p: Step['checks'][number]['probe']): string {
  switch (p.type) {
    case 'shell':
      return p.argv.map(quoteForDisplay).join(' ').replace(/\$\{tool\.(flyctl|psql)\}/g, '$1');
    case 'http':
      return `${p.method} ${p.url}${p.auth ? '  (Authorization: Bearer <admin token>)' : ''}${p.body !== undefined ? `\n${JSON.stringify(p.body)}` : ''}`;
    case 'dns':
      return `resolve ${p.host}`;
    case 'metrics':
      return `GET ${p.url}  (Prometheus text)`;
    case 'logs':
      return `flyctl logs -a ${p.app} --no-tail${p.json ? ' --json' : ''}`;
    case 'script':
      return p.script;
  }
}

/** Quotes one argv element the way a POSIX shell user would type it; for display only. */
export function quoteForDisplay(arg: string): string {
  if (arg === '') return "''";
  if (/^[A-Za-z0-9_@%+=:,./${}-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
