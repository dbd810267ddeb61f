/**
 * The only way the page creates DOM: elements with fixed tag and attribute names from this code,
 * and text through text nodes. Nothing here parses HTML, sets a URL attribute or an inline handler,
 * so data from a run (check output above all) can only ever be text; and every text and attribute
 * value passes the one sanitiser, so no bidi override reorders it and no control hides in it.
 */
import { inertText } from '../../shared/inertText';

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  /** Attributes; URL-bearing, inline-handler and style attributes are refused. */
  attrs?: Record<string, string | boolean | undefined>;
  on?: Record<string, (e: Event) => void>;
  /** Properties set on the element (custom elements: `open`, `value`…). */
  props?: Record<string, unknown>;
}

const FORBIDDEN_ATTR = /^(?:on|href$|src$|srcset$|action$|formaction$|xlink:href$|style$|srcdoc$|data$)/i;

export function h(tag: string, props: Props = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  for (const [k, v] of Object.entries(props.attrs ?? {})) {
    if (FORBIDDEN_ATTR.test(k)) throw new Error(`attribute ${k} is not allowed on the results page`);
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : inertText(v));
  }
  for (const [k, v] of Object.entries(props.props ?? {})) (el as unknown as Record<string, unknown>)[k] = v;
  for (const [ev, f] of Object.entries(props.on ?? {})) el.addEventListener(ev, f);
  append(el, ...children);
  return el;
}

export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(inertText(String(c))) : c);
  }
}

/** A codicon (decorative unless a label is given). */
export function icon(name: string, label?: string, extraClass = ''): HTMLElement {
  return h('span', {
    class: `codicon codicon-${name}${extraClass ? ' ' + extraClass : ''}`,
    attrs: label ? { role: 'img', 'aria-label': label, title: label } : { 'aria-hidden': 'true' },
  });
}

/** A button from @vscode-elements. */
export function button(label: string, onClick: () => void, opts: { secondary?: boolean; icon?: string; focusKey?: string; title?: string; disabled?: boolean } = {}): HTMLElement {
  return h(
    'vscode-button',
    {
      attrs: {
        secondary: !!opts.secondary,
        icon: opts.icon,
        'data-focus-key': opts.focusKey,
        title: opts.title,
        disabled: !!opts.disabled,
      },
      on: { click: () => onClick() },
    },
    label,
  );
}

/** A text button that looks like a link (keyboard: Tab, Enter, Space). */
export function linkButton(label: string, onClick: () => void, opts: { focusKey?: string; title?: string } = {}): HTMLElement {
  return h('button', { class: 'link', attrs: { type: 'button', 'data-focus-key': opts.focusKey, title: opts.title }, on: { click: () => onClick() } }, label);
}
