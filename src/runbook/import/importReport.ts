/** What an import made of each part of a markdown plan, and what it did not understand. */

export type ImportEntryKind =
  | 'group' | 'step' | 'command' | 'code' | 'expectation' | 'if' | 'tree' | 'criterion'
  | 'section' | 'placeholder' | 'note' | 'not-understood';

export interface ImportEntry {
  line: number;
  kind: ImportEntryKind;
  /** The id of what it became part of (a group, a step, `step/check`), or the runbook part. */
  into: string;
  detail: string;
}

export interface ImportReport {
  source: string;
  /** Set when the text was mangled UTF-8 and repaired. */
  repaired?: { encoding: string; characters: number };
  entries: ImportEntry[];
  counts: { groups: number; steps: number; commands: number; expectations: number; manualExpectations: number; code: number; treeNodes: number; notUnderstood: number; review: number };
  durationMs: number;
}

/** The report as text: a summary, then every entry in line order, then what was not understood. */
export function formatImportReport(r: ImportReport): string {
  const c = r.counts;
  const out: string[] = [];
  out.push(`Imported ${r.source}: ${c.groups} groups, ${c.steps} steps, ${c.commands} commands, ${c.expectations} expectations (${c.manualExpectations} judged by hand), ${c.code} code blocks, decision tree ${c.treeNodes ? `${c.treeNodes} nodes` : 'none'} — ${r.durationMs.toFixed(1)} ms`);
  if (r.repaired) out.push(`Repaired: the text was UTF-8 read as ${r.repaired.encoding} and saved again; ${r.repaired.characters} characters decoded again.`);
  out.push('');
  out.push('What became what:');
  const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
  for (const e of r.entries.filter((x) => x.kind !== 'not-understood')) {
    out.push(`  line ${pad(String(e.line), 5)} ${pad(e.kind, 12)} ${pad(e.into, 14)} ${e.detail}`);
  }
  const nu = r.entries.filter((x) => x.kind === 'not-understood');
  out.push('');
  out.push(nu.length ? `Not understood (${nu.length}; kept as text where they are):` : 'Not understood: nothing.');
  for (const e of nu) out.push(`  line ${pad(String(e.line), 5)} ${pad(e.into, 14)} ${e.detail}`);
  if (c.review) out.push('', `${c.review} placeholder(s) flagged for review (see "placeholder" lines above).`);
  return out.join('\n') + '\n';
}
