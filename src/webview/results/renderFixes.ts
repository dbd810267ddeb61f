/** Fix buttons: the page only asks; the host shows the exact command in a modal confirmation. */
import type { FixView, RunView } from '../../shared/runView';
import { percent, utcDateTime } from '../../shared/formatting';
import type { RenderContext } from './context';
import { button, h, icon } from './dom';
import { renderOutput } from './renderOutput';
import { section } from './section';

function fixCard(ctx: RenderContext, v: RunView, f: FixView): HTMLElement {
  const applied = v.fixesApplied.filter((a) => a.id === f.id && a.exitCode === 0);
  const label = f.letter && !/^Fix /i.test(f.title) ? `Fix ${f.letter}: ${f.title}` : f.title;
  return h(
    'div',
    { class: `fix-card${f.recommended ? ' recommended' : ''}` },
    h(
      'div',
      { class: 'fix-head' },
      icon(f.kind === 'command' ? 'terminal' : f.kind === 'code' ? 'code' : 'book'),
      h('h3', {}, label),
      f.recommended ? h('span', { class: 'pill status-certain' }, 'recommended') : null,
      f.cause && !f.recommended ? h('span', { class: 'muted' }, ` if the cause is ${f.cause.title} (${percent(f.cause.probability)})`) : null,
    ),
    f.command ? h('pre', { class: 'command', attrs: { 'aria-label': 'command' } }, f.command) : null,
    f.effect ? h('p', {}, h('strong', {}, 'What it does: '), f.effect) : null,
    h('p', { class: 'fix-text' }, f.text.trim()),
    f.kind === 'command' && !v.live
      ? h(
          'div',
          { class: 'fix-actions' },
          button(applied.length ? 'Apply again…' : 'Apply Fix…', () => ctx.post({ type: 'applyFix', runId: v.runId, fix: f.id }), {
            secondary: !f.recommended,
            icon: 'wrench',
            focusKey: `fix:${f.id}`,
            title: 'Beacon Debug shows the exact command and asks for confirmation before anything runs',
          }),
          h('span', { class: 'muted' }, ` on ${v.environment.name}${v.environment.production ? ' (PRODUCTION)' : ''}, after a confirmation`),
        )
      : null,
  );
}

export function renderFixes(ctx: RenderContext, v: RunView): HTMLElement | null {
  if (!v.fixes.length && !v.fixesApplied.length) return null;
  const applied = v.fixesApplied.map((a) =>
    h(
      'li',
      { class: 'applied' },
      icon(a.exitCode === 0 ? 'pass' : 'error', a.exitCode === 0 ? 'succeeded' : 'failed', `verdict verdict-${a.exitCode === 0 ? 'pass' : 'fail'}`),
      ' ',
      h('strong', {}, a.title),
      ` on ${a.environment} at ${utcDateTime(a.appliedAt)} — exit code ${a.exitCode}`,
      h('pre', { class: 'command' }, a.command),
      a.undoCommand ? h('p', { class: 'muted' }, 'Undo: ', h('code', {}, a.undoCommand)) : null,
      a.output.text ? renderOutput(a.output, null, null) : null,
    ),
  );
  return section(
    ctx,
    'fixes',
    'Fix',
    v.fixes.some((f) => f.recommended) ? 'recommended' : v.fixes.length ? 'for the leading causes' : 'applied',
    v.fixes.length && !v.fixes.some((f) => f.recommended)
      ? h('p', { class: 'hint' }, icon('warning'), ' The root cause is not certain: these are the fixes of the causes still in the running.')
      : null,
    ...v.fixes.map((f) => fixCard(ctx, v, f)),
    applied.length ? h('h3', {}, 'Applied') : null,
    applied.length ? h('ul', { class: 'applied-list' }, ...applied) : null,
  );
}
