import * as assert from 'node:assert/strict';
import { decodeSource, encodeSource } from '../../../src/golang/sourceBytes';
import { seeded } from './corpus';

describe('golang: source bytes round-trip (D13)', () => {
  it('valid UTF-8 (a BOM, emoji, CJK) decodes as usual and encodes back', () => {
    const b = Buffer.from('\ufeffpackage x // 🔍 日本\n', 'utf8');
    assert.equal(decodeSource(b), '\ufeffpackage x // 🔍 日本\n');
    assert.ok(encodeSource(decodeSource(b)).equals(b));
  });

  it('any bytes at all come back byte for byte (10,000 seeded random buffers, biased to UTF-8 edge bytes)', () => {
    const rand = seeded(13);
    const edge = [0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x0a, 0x22, 0x2f];
    for (let n = 0; n < 10_000; n++) {
      const len = Math.floor(rand() * 24);
      const b = Buffer.alloc(len);
      for (let i = 0; i < len; i++) b[i] = rand() < 0.5 ? edge[Math.floor(rand() * edge.length)] : Math.floor(rand() * 256);
      assert.ok(encodeSource(decodeSource(b)).equals(b), b.toString('hex'));
    }
  });

  it('invalid bytes become lone surrogates (no U+FFFD), and text edited around them keeps them', () => {
    const b = Buffer.from([0x2f, 0x2f, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]);
    const t = decodeSource(b);
    assert.ok(!t.includes('\ufffd'));
    const edited = 'package x\n' + t;
    assert.ok(encodeSource(edited).equals(Buffer.concat([Buffer.from('package x\n'), b])));
    // an encoded surrogate (ED A0 80) is invalid UTF-8 too: kept as three bytes
    const s = Buffer.from([0xed, 0xa0, 0x80]);
    assert.ok(encodeSource(decodeSource(s)).equals(s));
  });
});
