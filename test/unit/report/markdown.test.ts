import * as assert from 'node:assert/strict';
import { mdCell, mdCode, mdFence, mdText } from '../../../src/report/markdown';

describe('markdown for untrusted text', () => {
  it('escapes what would start links, images, HTML or emphasis', () => {
    assert.equal(mdText('![a](javascript:x) <img src=x> *b* `c` \\'), '!\\[a\\](javascript:x) \\<img src=x\\> \\*b\\* \\`c\\` \\\\');
    assert.equal(mdText('# heading'), '\\# heading');
    assert.equal(mdText('1. item'), '\\1. item');
    assert.equal(mdText('two\nlines'), 'two lines');
  });

  it('escapes pipes in table cells', () => {
    assert.equal(mdCell('a | b'), 'a \\| b');
  });

  it('fences code with more backticks than the text holds', () => {
    assert.equal(mdCode('a`b'), '``a`b``');
    assert.equal(mdCode('`x`'), '`` `x` ``');
    assert.equal(mdCode(''), '` `');
    assert.equal(mdFence('x\n```\ny'), '````\nx\n```\ny\n````');
    assert.equal(mdFence('plain', 'sh'), '```sh\nplain\n```');
  });
});
