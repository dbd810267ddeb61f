import * as assert from 'node:assert/strict';
import { capForStorage, excerpt, tailExcerpt } from '../../../src/report/outputText';
import { inertText } from '../../../src/shared/inertText';

describe('check output as text', () => {
  it('drops colour codes, shows every other control as an escape, keeps the text', () => {
    const raw = '\x1b[1;31mERR\x1b[0m done\r\nprogress 10%\rprogress 100%\n\x1b]0;title\x07\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ \x07bell\x00nul\u202Eevil\u202C \x9b31mC1';
    assert.equal(
      inertText(raw),
      'ERR done\nprogress 10%\\rprogress 100%\n\\x1b]0;title\\x07\\x1b]8;;https://evil.example\\x1b\\link\\x1b]8;;\\x1b\\ \\x07bell\\x00nul\\u202eevil\\u202c C1',
    );
  });

  it('keeps tabs, newlines and non-ASCII text', () => {
    assert.equal(inertText('a\tb\n🔍 TRACE: ünïcode ✅\n'), 'a\tb\n🔍 TRACE: ünïcode ✅\n');
  });

  it('cuts after a number of lines or characters and says how much there was', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const e = excerpt(text, 10, 100_000);
    assert.equal(e.text, Array.from({ length: 10 }, (_, i) => `line ${i}`).join('\n'));
    assert.deepEqual([e.lines, e.truncated], [1000, true]);
    assert.equal(e.bytes, Buffer.byteLength(text));
    const c = excerpt('y'.repeat(50), 300, 20);
    assert.deepEqual([c.text, c.truncated, c.lines], ['y'.repeat(20), true, 1]);
    const whole = excerpt('a\nb\n');
    assert.deepEqual(whole, { text: 'a\nb\n', lines: 2, bytes: 4, truncated: false });
    assert.deepEqual(excerpt(''), { text: '', lines: 0, bytes: 0, truncated: false });
  });

  it('never cuts a character in half', () => {
    const e = excerpt('ab😀cd', 300, 3);
    assert.equal(e.text, 'ab');
    assert.equal(Buffer.byteLength('😀'), 4);
    assert.equal(excerpt('😀').bytes, 4);
  });

  it('shows the newest lines of live output', () => {
    const text = Array.from({ length: 100 }, (_, i) => `l${i}`).join('\n') + '\n';
    const t = tailExcerpt(text, 3);
    assert.equal(t.text, 'l97\nl98\nl99\n');
    assert.equal(t.truncated, true);
    assert.deepEqual(tailExcerpt('\n\n\n', 2).text, '\n\n');
    assert.deepEqual(tailExcerpt('only', 5), { text: 'only', lines: 1, bytes: 4, truncated: false });
  });

  it('keeps head and tail of an output too long to store', () => {
    const text = 'H'.repeat(600) + 'M'.repeat(1000) + 'T'.repeat(600);
    const c = capForStorage(text, 1000);
    assert.ok(c.startsWith('H'.repeat(500)) && c.endsWith('T'.repeat(500)));
    assert.match(c, /\[1200 characters of output not kept\]/);
    assert.equal(capForStorage('short', 1000), 'short');
  });
});
