/** The plan's Success Criteria checklist and whether debug instrumentation is still in the code. */
import type { RunView } from '../../shared/runView';
import type { RenderContext } from './context';
import { h, icon } from './dom';
import { section } from './section';

const STATUS = {
  met: { icon: 'pass-filled', label: 'met' },
  notMet: { icon: 'circle-large-outline', label: 'not met' },
  unknown: { icon: 'question', label: 'unknown: not checked yet' },
} as const;

export function renderCriteria(ctx: RenderContext, v: RunView): HTMLElement {
  const met = v.criteria.filter((c) => c.status === 'met').length;
  const list = h('ul', { class: 'criteria', attrs: { 'aria-label': 'success criteria' } });
  for (const c of v.criteria) {
    const st = STATUS[c.status];
    list.appendChild(h('li', { class: `criterion criterion-${c.status}` }, icon(st.icon, st.label, `crit-icon crit-${c.status}`), h('span', {}, c.text), h('span', { class: 'muted' }, ` — ${st.label}`)));
  }
  const inst = v.instrumentation;
  const instr = h(
    'div',
    { class: `instrumentation${inst.present ? ' present' : ''}` },
    h('h3', {}, 'Debug instrumentation'),
    h('p', {}, icon(inst.present ? 'warning' : inst.present === false ? 'pass' : 'question'), ' ', inst.summary),
    inst.files.length
      ? h('ul', {}, ...inst.files.map((f) => h('li', {}, h('code', {}, f.file), ` — step${f.steps.length > 1 ? 's' : ''} ${f.steps.join(', ')} (line${f.lines.length > 1 ? 's' : ''} ${f.lines.join(', ')})`)))
      : null,
  );
  return section(ctx, 'criteria', 'Success criteria', `${met} of ${v.criteria.length} met`, v.criteria.length ? list : h('p', { class: 'muted' }, 'The runbook has no success criteria.'), instr);
}
