import type { PageMessage } from '../../shared/webviewProtocol';
import type { PageModel } from './pageModel';

/** What every renderer gets: the model, a way to ask the host for something, and open/closed state. */
export interface RenderContext {
  model: PageModel;
  post(msg: PageMessage): void;
  rerender(): void;
  /** Whether a collapsible part is open; `dflt` is its state until the user toggles it. */
  isOpen(key: string, dflt: boolean): boolean;
  setOpen(key: string, open: boolean, dflt: boolean): void;
}

export function createOpenState(model: PageModel, persist: () => void): Pick<RenderContext, 'isOpen' | 'setOpen'> {
  const k = (key: string, dflt: boolean) => `${dflt ? 'closed' : 'open'}:${key}`;
  return {
    isOpen: (key, dflt) => (dflt ? !model.expanded.has(k(key, true)) : model.expanded.has(k(key, false))),
    setOpen: (key, open, dflt) => {
      if (open === dflt) model.expanded.delete(k(key, dflt));
      else model.expanded.add(k(key, dflt));
      persist();
    },
  };
}
