/** The diagnosis: root cause, probability, evidence linked to its step and line, alternatives, next step. */
import type { DiagnosisView, EvidenceView, RunView } from '../../shared/runView';
import { percent } from '../../shared/formatting';
import type { RenderContext } from './context';
import { button, h, icon, linkButton } from './dom';
import { disclosure, section } from './section';

const STATUS_TEXT = { certain: 'certain', healthy: 'healthy', undetermined: 'undetermined' } as const;
const STATUS_ICON = { certain: 'target', healthy: 'pass', undetermined: 'question' } as const;

function factValue(v: EvidenceView['value']): string {
  return v === null ? 'null' : typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** Shows the evidence in its step: opens the step and its check, highlights the line. */
export function revealEvidence(ctx: RenderContext, step: string, check: string | null, line: string | null): void {
  ctx.model.highlight = { step, check, line };
  ctx.setOpen(`step:${step}`, true, false);
  if (check) {
    ctx.setOpen(`check:${step}/${check}`, true, false);
    ctx.setOpen(`output:${step}/${check}`, true, false);
  }
  ctx.setOpen('section:steps', true, true);
  ctx.rerender();
  const target = document.querySelector<HTMLElement>('[data-evidence-mark]') ?? document.getElementById(`step-${step}`);
  target?.scrollIntoView({ block: 'center' });
  (target?.matches('[data-evidence-mark]') ? target : target?.querySelector<HTMLElement>('summary'))?.focus();
}

/** Evidence items that say the same thing about the same line are shown once, with all their facts. */
function groupEvidence(items: EvidenceView[]): EvidenceView[][] {
  const groups = new Map<string, EvidenceView[]>();
  for (const e of items) {
    const key = JSON.stringify([e.label, e.step, e.check, e.line, e.weight]);
    const g = groups.get(key);
    if (g) g.push(e);
    else groups.set(key, [e]);
  }
  return [...groups.values()];
}

function evidenceItem(ctx: RenderContext, group: EvidenceView[], i: number): HTMLElement {
  const e = group[0];
  const weight =
    e.weight === null ? h('span', { class: 'weight neutral', attrs: { title: 'read by the decision tree' } }, 'tree') :
    h('span', { class: `weight ${e.weight >= 1 ? 'for' : 'against'}`, attrs: { title: 'likelihood ratio' } }, `×${e.weight}`);
  return h(
    'li',
    { class: 'evidence' },
    h('div', { class: 'evidence-head' }, weight, ' ', h('span', { class: 'evidence-label' }, e.label)),
    h(
      'div',
      { class: 'evidence-fact' },
      ...group.flatMap((x, j) => [j ? ', ' : '', h('code', {}, x.fact), ' = ', h('code', {}, factValue(x.value))]),
      ' — ',
      e.step
        ? linkButton(`step ${e.step}${e.check ? ` / ${e.check}` : ''}`, () => revealEvidence(ctx, e.step, e.check, e.line), {
            focusKey: `evidence:${i}`,
            title: e.line ? 'Show this step and highlight the log line' : 'Show this step',
          })
        : h('span', {}, 'no step'),
    ),
    e.line ? h('pre', { class: 'evidence-line-text' }, e.line) : null,
  );
}

/** The leading causes in a table; the rest behind a disclosure. */
function rankedSection(ctx: RenderContext, d: DiagnosisView): HTMLElement[] {
  const TOP = 3;
  const top = d.ranked.slice(0, TOP);
  const rest = d.ranked.slice(TOP);
  return [
    ranked(top),
    ...(rest.length ? [disclosure(ctx, 'ranked:rest', false, [`The other ${rest.length} causes`], () => [ranked(rest)], 'sub')] : []),
  ];
}

function ranked(causes: DiagnosisView['ranked']): HTMLElement {
  const table = h('table', { class: 'ranked' });
  table.appendChild(h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Cause'), h('th', { attrs: { scope: 'col' } }, 'Probability'), h('th', { attrs: { scope: 'col' } }, 'Prior'), h('th', { attrs: { scope: 'col' } }, 'Evidence'))));
  const body = h('tbody');
  for (const c of causes) {
    const bar = h('span', { class: 'bar', attrs: { role: 'img', 'aria-label': percent(c.probability) } });
    const fill = h('span', { class: 'bar-fill' });
    // CSSOM, not a style attribute: the page's CSP allows no inline styles
    fill.style.width = `${Math.max(0, Math.min(100, c.probability * 100)).toFixed(1)}%`;
    bar.appendChild(fill);
    const ev = [...c.for.map((m) => `+ ${m.label} ×${m.weight}`), ...c.against.map((m) => `− ${m.label} ×${m.weight}`)];
    body.appendChild(
      h(
        'tr',
        { class: c.isRootCause ? 'root' : '' },
        h('th', { attrs: { scope: 'row' } }, c.title, h('div', { class: 'muted mono' }, c.id)),
        h('td', { class: 'prob' }, bar, ' ', percent(c.probability)),
        h('td', { class: 'muted prior' }, percent(c.prior)),
        h('td', { class: 'ev' }, ...(ev.length ? ev.map((t) => h('div', {}, t)) : ['—'])),
      ),
    );
  }
  table.appendChild(body);
  return table;
}

export function renderDiagnosis(ctx: RenderContext, v: RunView): HTMLElement {
  const d = v.diagnosis;
  if (!d) {
    return section(ctx, 'diagnosis', 'Diagnosis', v.live ? 'after the run' : 'not diagnosed',
      h('p', { class: 'muted' }, v.live ? 'The diagnosis is made when the run finishes.' : 'This run was not diagnosed.'));
  }
  const head = h(
    'div',
    { class: `verdict-card status-${d.status}` },
    icon(STATUS_ICON[d.status], undefined, 'big'),
    h(
      'div',
      {},
      h('h2', { class: 'headline' }, d.headline),
      h(
        'p',
        { class: 'muted' },
        h('span', { class: `pill status-${d.status}` }, STATUS_TEXT[d.status]),
        ' ',
        d.rootCause.plan ? `In the plan: ${d.rootCause.plan}. ` : '',
        d.rootCause.scenario ? `Scenario ${d.rootCause.scenario.letter}: ${d.rootCause.scenario.title}.` : '',
      ),
    ),
  );
  const next = d.nextStep
    ? h(
        'div',
        { class: 'next-step' },
        h('h3', {}, 'Next step'),
        h('p', {}, h('strong', {}, d.nextStep.text), ` — ${d.nextStep.title}: ${d.nextStep.reason}.`),
        button(`Open step ${d.nextStep.step}`, () => ctx.post({ type: 'openStep', step: d.nextStep!.step }), { secondary: true, icon: 'book', focusKey: 'next-step' }),
      )
    : null;
  const evidence = d.evidence.length
    ? h('ol', { class: 'evidence-list' }, ...groupEvidence(d.evidence).map((g, i) => evidenceItem(ctx, g, i)))
    : h('p', { class: 'muted' }, 'No fact spoke for or against a cause.');
  return section(
    ctx,
    'diagnosis',
    'Diagnosis',
    `${d.status}, ${percent(d.rootCause.probability)}`,
    head,
    next,
    h('h3', {}, 'Evidence'),
    evidence,
    h('h3', {}, 'Causes ranked on the evidence'),
    ...rankedSection(ctx, d),
    d.notes.length
      ? disclosure(ctx, 'diagnosis:notes', d.status === 'undetermined', [`Notes (${d.notes.length})`], () => [h('ul', { class: 'notes' }, ...d.notes.map((n) => h('li', {}, n)))], 'sub')
      : null,
  );
}
