/**
 * The evaluations a run record keeps, made once: the success criteria on the record's facts (with
 * the diagnosis' certainty and whether a fix worked), and the fixes the diagnosis offers, resolved
 * for the record's target by diagnosis/fixes.ts. Drawing a record (results page, incident report)
 * reads them and evaluates nothing.
 */
import type { Runbook } from '../runbook/schema';
import type { AppliedFix, Facts, Target } from '../engine/types';
import { evaluateSuccessCriteria } from '../diagnosis/successCriteria';
import { offeredFixes } from '../diagnosis/fixes';
import type { CriterionRecord, DrawableRecord, RecordTarget, RunRecord } from './runRecord';

/** The facts criteria read: the record's, plus `diagnosis.certain` and `fix.applied`. */
function criteriaFacts(record: Pick<RunRecord, 'facts' | 'diagnosis' | 'fixesApplied'>): Facts {
  const facts: Facts = { ...record.facts };
  if (record.diagnosis) facts['diagnosis.certain'] = { value: record.diagnosis.status !== 'undetermined', step: 'diagnosis' };
  if (record.fixesApplied.length) facts['fix.applied'] = { value: record.fixesApplied.some((f) => f.exitCode === 0), step: 'fix' };
  return facts;
}

export function evaluatedCriteria(runbook: Runbook, record: Pick<RunRecord, 'facts' | 'diagnosis' | 'fixesApplied'>): CriterionRecord[] {
  return evaluateSuccessCriteria(runbook, criteriaFacts(record)).map((c) => ({ id: c.id, text: c.text, status: c.status }));
}

/** The record with its criteria and fixes evaluated now (`target`: the full one when there is one). */
export function evaluateRecord(runbook: Runbook, record: RunRecord, target: Target | RecordTarget = record.target): DrawableRecord {
  return { ...record, criteria: evaluatedCriteria(runbook, record), fixes: offeredFixes(runbook, record.diagnosis, target) };
}

/** A record read back: the evaluations it keeps, or (written before they were kept) made now. */
export function completeRecord(runbook: Runbook, record: RunRecord): DrawableRecord {
  if (record.criteria && record.fixes) return record as DrawableRecord;
  return evaluateRecord(runbook, record);
}

/** The record after a fix was applied: the fix added, the criteria (which read `fix.applied`) evaluated again. */
export function withAppliedFix(runbook: Runbook, record: RunRecord, applied: AppliedFix): RunRecord {
  const next = { ...record, fixesApplied: [...record.fixesApplied, applied] };
  return { ...next, criteria: evaluatedCriteria(runbook, next) };
}
