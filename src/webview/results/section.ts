import { append, h, type Child } from './dom';
import type { RenderContext } from './context';

/** A collapsible section of the page (@vscode-elements' collapsible), open by default. */
export function section(ctx: RenderContext, id: string, heading: string, description: string, ...body: Child[]): HTMLElement {
  const key = `section:${id}`;
  const el = h('vscode-collapsible', {
    class: 'section',
    attrs: { id: `section-${id}`, 'data-focus-key': key },
    props: { heading, description, open: ctx.isOpen(key, true) },
    on: {
      'vsc-collapsible-toggle': (e) => ctx.setOpen(key, (e as CustomEvent<{ open: boolean }>).detail.open, true),
    },
  });
  const inner = h('div', { class: 'section-body' });
  append(inner, ...body);
  el.appendChild(inner);
  return el;
}

/** A native disclosure (used for steps, checks and outputs: rich summaries, keyboard built in). */
export function disclosure(ctx: RenderContext, key: string, dflt: boolean, summary: Child[], body: () => Child[], cls = ''): HTMLElement {
  const open = ctx.isOpen(key, dflt);
  const d = h('details', { class: cls, attrs: { 'data-key': key, open } });
  const s = h('summary', { attrs: { 'data-focus-key': `summary:${key}` } }, ...summary);
  d.appendChild(s);
  let filled = false;
  const fill = () => {
    if (filled) return;
    filled = true;
    append(d, ...body());
  };
  if (open) fill();
  d.addEventListener('toggle', () => {
    const isOpen = (d as HTMLDetailsElement).open;
    if (isOpen) fill();
    ctx.setOpen(key, isOpen, dflt);
  });
  return d;
}
