/** Phases and steps with their verdict, duration, reason, and each check's command and output. */
import type { CheckView, RunView, StepView } from '../../shared/runView';
import { formatDuration } from '../../shared/formatting';
import type { RenderContext } from './context';
import { button, h } from './dom';
import { verdictIcon, verdictLabel } from './icons';
import { renderOutput } from './renderOutput';
import { disclosure, section } from './section';
import { renderCounts } from './renderHeader';

const BAD = new Set(['fail', 'error']);

function checkBlock(ctx: RenderContext, v: RunView, s: StepView, c: CheckView): HTMLElement {
  const hl = ctx.model.highlight;
  const line = hl && hl.step === s.id && hl.check === c.id ? hl.line : null;
  const key = `${s.id}/${c.id}`;
  return h(
    'div',
    { class: `check verdict-row-${c.verdict}`, attrs: { id: `check-${s.id}-${c.id}` } },
    h(
      'div',
      { class: 'check-head' },
      verdictIcon(c.verdict),
      h('span', { class: 'check-label' }, c.label),
      h('span', { class: 'muted' }, ` ${verdictLabel(c.verdict)} · ${formatDuration(c.durationMs)}${c.cached ? ' · cached answer' : ''}${c.vantage ? ` · from ${c.vantage}` : ''}`),
    ),
    h('p', { class: 'reason' }, c.reason),
    c.command ? h('pre', { class: 'command', attrs: { 'aria-label': 'command' } }, c.command) : null,
    disclosure(
      ctx,
      `output:${key}`,
      false,
      [`Output (${c.output.lines} line${c.output.lines === 1 ? '' : 's'}${c.output.truncated ? ', truncated' : ''})`],
      () => [renderOutput(c.output, line, v.live ? null : () => ctx.post({ type: 'showAllOutput', runId: v.runId, step: s.id, check: c.id }))],
      'output-details',
    ),
  );
}

function stepBlock(ctx: RenderContext, v: RunView, s: StepView): HTMLElement {
  const key = `step:${s.id}`;
  const summary = [
    verdictIcon(s.verdict),
    h('span', { class: 'step-id' }, s.id),
    h('span', { class: 'step-title' }, s.title),
    h('span', { class: 'step-reason' }, s.reason),
    h('span', { class: 'step-time muted' }, `${s.ran ? '' : 'earlier run · '}${formatDuration(s.durationMs)}`),
  ];
  const el = disclosure(
    ctx,
    key,
    BAD.has(s.verdict),
    summary,
    () => [
      h('div', { class: 'step-body' },
        h('p', { class: 'muted' }, `${verdictLabel(s.verdict)}${s.ran ? '' : ' (carried over from an earlier run)'} — ${s.reason}`),
        ...s.checks.map((c) => checkBlock(ctx, v, s, c)),
        s.checks.length ? null : h('p', { class: 'muted' }, 'No check ran for this step.'),
        button('Open Step Text', () => ctx.post({ type: 'openStep', step: s.id }), { secondary: true, icon: 'book', focusKey: `open-step:${s.id}` }),
      ),
    ],
    `step verdict-row-${s.verdict}`,
  );
  el.id = `step-${s.id}`;
  return el;
}

export function renderSteps(ctx: RenderContext, v: RunView): HTMLElement {
  const groups = v.groups.map((g) =>
    h('div', { class: 'group' }, h('h3', { class: 'group-title' }, g.title), ...g.steps.map((s) => stepBlock(ctx, v, s))),
  );
  const total = v.groups.reduce((n, g) => n + g.steps.length, 0);
  return section(ctx, 'steps', 'Phases and steps', `${total} step${total === 1 ? '' : 's'}`, renderCounts(v.counts), ...groups);
}
