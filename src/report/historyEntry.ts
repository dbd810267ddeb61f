import { clip } from './buildRunView';
import type { RunRecord } from './runRecord';
import type { HistoryEntry } from '../shared/runView';
import { countVerdicts } from './verdictCounts';

/** The line of the history list that stands for a run. */
export function historyEntry(r: RunRecord): HistoryEntry {
  const d = r.diagnosis;
  return {
    id: r.id,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    environment: r.target.name,
    production: r.target.production,
    label: clip(r.request.label),
    counts: countVerdicts(r.steps),
    rootCause: d ? { id: d.rootCause.id, title: clip(d.rootCause.title), probability: d.rootCause.probability } : null,
    status: d?.status ?? null,
  };
}
