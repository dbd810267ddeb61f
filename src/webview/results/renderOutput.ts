/** Check output: text only, in a `<pre>`, cut to what the host sent, with the line to highlight. */
import type { OutputView } from '../../report/runView';
import { formatBytes } from '../../report/formatting';
import { button, h } from './dom';

export function renderOutput(out: OutputView, highlightLine: string | null, onShowAll: (() => void) | null): HTMLElement {
  const pre = h('pre', { class: 'output', attrs: { tabindex: '0', 'aria-label': `output, ${out.lines} lines` } });
  const idx = highlightLine ? out.text.indexOf(highlightLine) : -1;
  if (idx >= 0 && highlightLine) {
    pre.appendChild(document.createTextNode(out.text.slice(0, idx)));
    pre.appendChild(h('mark', { class: 'evidence-line', attrs: { tabindex: '-1', 'data-evidence-mark': '' } }, highlightLine));
    pre.appendChild(document.createTextNode(out.text.slice(idx + highlightLine.length)));
  } else {
    pre.textContent = out.text === '' ? '(no output)' : out.text;
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
