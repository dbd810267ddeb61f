/** Check output: text only, in a `<pre>`, cut to what the host sent, with the line to highlight. */
import type { OutputView } from '../../shared/runView';
import { formatBytes } from '../../shared/formatting';
import { append, button, h } from './dom';
import { inertText } from '../../shared/inertText';

export function renderOutput(out: OutputView, highlightLine: string | null, onShowAll: (() => void) | null): HTMLElement {
  const pre = h('pre', { class: 'output', attrs: { tabindex: '0', 'aria-label': `output, ${out.lines} lines` } });
  // the same sanitiser as everywhere (dom.ts), on the output and the line to find in it
  const text = inertText(out.text);
  const line = highlightLine === null ? null : inertText(highlightLine);
  const idx = line ? text.indexOf(line) : -1;
  if (idx >= 0 && line) {
    append(pre, text.slice(0, idx), h('mark', { class: 'evidence-line', attrs: { tabindex: '-1', 'data-evidence-mark': '' } }, line), text.slice(idx + line.length));
  } else {
    append(pre, text === '' ? '(no output)' : text);
  }
  const box = h('div', { class: 'output-box' }, pre);
  if (highlightLine && idx < 0) {
    box.appendChild(h('p', { class: 'hint' }, out.truncated ? 'The evidence line is beyond the part shown here: show all to find it.' : 'The evidence line is not in this check\'s output.'));
  }
  if (out.truncated) {
    const kept = out.capped ? ' The run history keeps only its beginning and its end.' : '';
    box.appendChild(
      h(
        'div',
        { class: 'truncated' },
        h('span', {}, `Showing the first part of ${out.lines} lines (${formatBytes(out.bytes)}).${kept} `),
        onShowAll
          ? button(out.capped ? 'Open What Was Kept' : `Show All ${out.lines} Lines`, onShowAll, {
              secondary: true,
              icon: 'go-to-file',
              title: 'Open the output in an editor',
            })
          : null,
      ),
    );
  }
  return box;
}
