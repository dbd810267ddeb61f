/** The summary header: environment, run, times, counts by verdict, and the run's actions. */
import type { RunView, ViewVerdict } from '../../shared/runView';
import { VERDICT_ORDER } from '../../shared/runView';
import { formatDuration, utcDateTime } from '../../shared/formatting';
import type { RenderContext } from './context';
import { button, h, icon } from './dom';
import { verdictIcon, verdictLabel } from './icons';

export function renderCounts(counts: Partial<Record<ViewVerdict, number>>): HTMLElement {
  const list = h('ul', { class: 'counts', attrs: { 'aria-label': 'steps by verdict' } });
  for (const v of VERDICT_ORDER) {
    const n = counts[v];
    if (!n) continue;
    list.appendChild(h('li', { class: `count count-${v}` }, verdictIcon(v), h('span', { class: 'count-n' }, String(n)), ' ', verdictLabel(v)));
  }
  if (!list.childElementCount) list.appendChild(h('li', { class: 'count' }, 'no steps'));
  return list;
}

export function renderHeader(ctx: RenderContext, v: RunView): HTMLElement {
  const env = v.environment;
  const failed = (v.counts.fail ?? 0) + (v.counts.error ?? 0);
  const actions = h(
    'div',
    { class: 'actions', attrs: { role: 'toolbar', 'aria-label': 'run actions' } },
    button('Export Report…', () => ctx.post({ type: 'exportReport', runId: v.runId }), { icon: 'save', focusKey: 'action:export', disabled: v.live }),
    button('Copy Report', () => ctx.post({ type: 'copyReport', runId: v.runId }), { secondary: true, icon: 'copy', focusKey: 'action:copy', disabled: v.live }),
    failed && !v.live
      ? button(`Re-run ${failed} failed`, () => ctx.post({ type: 'rerunFailed', runId: v.runId }), { secondary: true, icon: 'debug-rerun', focusKey: 'action:rerun' })
      : null,
  );
  const when = v.live
    ? h('span', { class: 'live', attrs: { role: 'status' } }, h('vscode-progress-ring', { attrs: { 'aria-label': 'running' } }), ` Running since ${utcDateTime(v.startedAt)}`)
    : h('span', {}, `${utcDateTime(v.startedAt)} → ${utcDateTime(v.finishedAt)} (${formatDuration(v.durationMs)})${v.cancelled ? ' — cancelled' : ''}`);
  return h(
    'header',
    { class: 'summary' },
    h(
      'div',
      { class: 'title-row' },
      h('h1', {}, `${v.runbookTitle}`),
      actions,
    ),
    h(
      'p',
      { class: 'meta' },
      icon('server-environment'),
      ' ',
      h('strong', {}, env.name),
      env.production ? h('span', { class: 'prod-badge', attrs: { title: 'production environment' } }, 'PRODUCTION') : null,
      h('span', { class: 'sep' }, ' · '),
      h('span', { class: 'mono' }, env.flyApp),
      h('span', { class: 'sep' }, ' · '),
      v.label,
      h('span', { class: 'sep' }, ' · '),
      when,
    ),
    renderCounts(v.counts),
  );
}
