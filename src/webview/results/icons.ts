import type { ViewVerdict } from '../../shared/runView';
import { icon } from './dom';

const VERDICT_ICON: Record<ViewVerdict, string> = {
  pass: 'pass',
  fail: 'error',
  warn: 'warning',
  inconclusive: 'question',
  error: 'circle-slash',
  skipped: 'debug-step-over',
  pending: 'circle-large-outline',
  running: 'loading',
  done: 'check',
};

const VERDICT_LABEL: Record<ViewVerdict, string> = {
  pass: 'pass',
  fail: 'fail',
  warn: 'warning',
  inconclusive: 'inconclusive',
  error: 'could not run',
  skipped: 'skipped',
  pending: 'pending',
  running: 'running',
  done: 'done',
};

export function verdictLabel(v: ViewVerdict): string {
  return VERDICT_LABEL[v];
}

export function verdictIcon(v: ViewVerdict): HTMLElement {
  return icon(VERDICT_ICON[v], VERDICT_LABEL[v], `verdict verdict-${v}${v === 'running' ? ' codicon-modifier-spin' : ''}`);
}
