/**
 * The results page's script (bundled to media/results/results.js). Listens for the host's
 * messages, validates each one, and draws the page from the view model with text nodes only.
 * It sends `ready` once, then only the protocol's allow-listed actions.
 */
import * as z from 'zod';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import { decodeHostMessage, decodePageState, type PageMessage, type PageState } from '../../shared/webviewProtocol';
import { createOpenState, type RenderContext } from './context';
import { h, icon } from './dom';
import { applyHostMessage, initialModel, pageState } from './pageModel';
import { renderCriteria } from './renderCriteria';
import { renderDiagnosis } from './renderDiagnosis';
import { renderFixes } from './renderFixes';
import { renderHeader } from './renderHeader';
import { renderHistory } from './renderHistory';
import { renderSteps } from './renderSteps';
import { renderTree } from './renderTree';

interface VsCodeApi {
  postMessage(msg: PageMessage): void;
  getState(): unknown;
  setState(state: PageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

// zod must not probe `new Function`: the CSP forbids eval and would report it
z.config({ jitless: true });

const vscode = acquireVsCodeApi();
const saved = decodePageState(vscode.getState());
const model = initialModel(saved);
let restoreScroll = saved?.scrollY ?? 0;

function persist(): void {
  vscode.setState(pageState(model, window.scrollY));
}

const ctx: RenderContext = {
  model,
  post: (msg) => vscode.postMessage(msg),
  rerender: () => render(),
  ...createOpenState(model, persist),
};

function notice(): HTMLElement {
  const n = model.notice;
  return h(
    'div',
    { class: `notice${n ? ` notice-${n.level}` : ''}`, attrs: { role: 'status', 'aria-live': 'polite' } },
    n ? icon(n.level === 'error' ? 'error' : n.level === 'warning' ? 'warning' : 'info') : null,
    n ? ` ${n.text}` : '',
  );
}

function content(): HTMLElement[] {
  if (!model.initialised) return [h('p', { class: 'muted loading' }, 'Loading results…')];
  const v = model.view;
  if (!v) {
    return [
      h('header', { class: 'summary' }, h('h1', {}, 'Beacon Debug results')),
      h('p', { class: 'empty' }, icon('info'), ' ', model.emptyText ?? 'No run yet.'),
      renderHistory(ctx, null),
    ];
  }
  return [
    renderHeader(ctx, v),
    renderDiagnosis(ctx, v),
    renderFixes(ctx, v),
    renderTree(ctx, v),
    renderSteps(ctx, v),
    renderCriteria(ctx, v),
    renderHistory(ctx, v.live ? null : v.runId),
  ].filter((e): e is HTMLElement => e !== null);
}

function render(): void {
  const focusKey = (document.activeElement as HTMLElement | null)?.closest?.('[data-focus-key]')?.getAttribute('data-focus-key');
  const root = h('main', { attrs: { id: 'app', 'aria-busy': model.view?.live ? 'true' : undefined } }, notice(), ...content());
  const old = document.getElementById('app');
  if (old) old.replaceWith(root);
  else document.body.appendChild(root);
  if (focusKey) {
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-focus-key]'))) {
      if (el.getAttribute('data-focus-key') === focusKey) {
        el.focus();
        break;
      }
    }
  }
  persist();
}

window.addEventListener('message', (event: MessageEvent) => {
  const decoded = decodeHostMessage(event.data);
  if (!decoded.ok) {
    console.warn(`[beacon-debug results] ${decoded.error}`);
    return;
  }
  const first = !model.initialised && decoded.message.type === 'init';
  if (!applyHostMessage(model, decoded.message)) return;
  render();
  if (first && restoreScroll) {
    window.scrollTo(0, restoreScroll);
    restoreScroll = 0;
    persist();
  }
});

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(persist, 200);
});

render();
vscode.postMessage({ type: 'ready' });
