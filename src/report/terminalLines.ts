/**
 * What the Beacon Debug terminal shows for a run, as lines of styled segments: pure (no VS Code),
 * so the pseudoterminal only writes what this returns and tests read the same lines.
 *
 * Styles are the product's own colours; they are the only escape sequences that reach the
 * terminal. Every text segment — the engine's events carry text from outside — passes the one
 * sanitiser first, so output cannot move the cursor, clear the screen, set the title, write the
 * clipboard or draw a link, whatever it held.
 */
import type { RunEvent } from '../engine/types';
import { inertText } from '../shared/inertText';

export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan';
export type Segment = string | { text: string; style: Style | readonly Style[] };
export type Line = readonly Segment[];

const SGR: Record<Style, string> = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33', blue: '34', magenta: '35', cyan: '36' };

export const VERDICT_STYLE: Record<string, Style> = {
  pass: 'green',
  fail: 'red',
  error: 'red',
  warn: 'yellow',
  inconclusive: 'magenta',
  skipped: 'dim',
};

export function styled(style: Style | readonly Style[], text: string): Segment {
  return { text, style };
}

/** One line for the terminal: text made inert, colours only when `colour` (a TTY without NO_COLOR). */
export function renderLine(line: Line, colour: boolean): string {
  return line
    .map((seg) => {
      if (typeof seg === 'string') return inertText(seg);
      const text = inertText(seg.text);
      if (!colour || !text) return text;
      const codes = (typeof seg.style === 'string' ? [seg.style] : seg.style).map((s) => SGR[s]).join(';');
      return `\x1b[${codes}m${text}\x1b[0m`;
    })
    .join('');
}

/** Whether the product's own colours may be used (https://no-color.org). */
export function colourWanted(env: NodeJS.ProcessEnv): boolean {
  return !env.NO_COLOR;
}

/**
 * Engine events → terminal lines. Concurrent steps share one terminal: their lines are prefixed by
 * the step id, and a check's partial output line waits for its end (or the check's end).
 */
export class RunEventLines {
  private readonly partial = new Map<string, string>();

  render(e: RunEvent): Line[] {
    const step = (id: string): Segment => styled('cyan', `[${id}]`);
    switch (e.type) {
      case 'runStarted':
        return [[styled('bold', `▶ Beacon Debug run ${e.runId}`), ` — ${e.steps.length} step(s): ${e.steps.join(', ')}`]];
      case 'checkStarted':
        return [[step(e.step), ' ', styled('dim', `${e.vantage ? `(${e.vantage}) ` : ''}$ ${e.command}`)]];
      case 'output': {
        const key = `${e.step}/${e.check}`;
        const lines = ((this.partial.get(key) ?? '') + e.text).split(/\r?\n/);
        this.partial.set(key, lines.pop() ?? '');
        return lines.map((l) => [step(e.step), ' ', l]);
      }
      case 'checkFinished': {
        const key = `${e.step}/${e.result.id}`;
        const rest = this.partial.get(key);
        this.partial.delete(key);
        const r = e.result;
        const verdict = styled(VERDICT_STYLE[r.verdict] ?? [], r.verdict.toUpperCase());
        return [
          ...(rest ? [[step(e.step), ' ', rest]] : []),
          [step(e.step), ' ', verdict, ` ${r.label}: ${r.reason} `, styled('dim', `(${Math.round(r.durationMs)} ms${r.cached ? ', cached' : ''})`)],
        ];
      }
      case 'stepFinished': {
        const r = e.result;
        const style: Style[] = ['bold', ...(VERDICT_STYLE[r.verdict] ? [VERDICT_STYLE[r.verdict]] : [])];
        return [[styled(style, `■ ${r.id} ${r.verdict.toUpperCase()}`), ` ${r.title} — ${r.reason}`]];
      }
      case 'runFinished': {
        const counts = new Map<string, number>();
        for (const r of e.results) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
        const summary = [...counts].map(([v, n]) => `${n} ${v}`).join(', ');
        return [[styled('bold', e.cancelled ? '✖ Run cancelled' : '✔ Run finished'), `: ${summary || 'no step ran'}`], []];
      }
      case 'stepStarted':
        return [];
    }
  }
}
