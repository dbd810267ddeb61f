/**
 * A Go file's bytes as text and back, losslessly. Valid UTF-8 decodes as usual (a byte-order mark
 * included); each byte that is not part of valid UTF-8 becomes the lone surrogate U+DC80 + byte (as
 * Python's "surrogateescape"), which no valid text contains and which encodes back to that byte. So
 * insert + remove gives back the very bytes of a file in Latin-1, with a stray byte in a comment, …
 */

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeSource(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    return decodeEscaping(bytes);
  }
}

function decodeEscaping(b: Uint8Array): string {
  let out = '';
  let i = 0;
  const n = b.length;
  const cont = (k: number) => k < n && (b[k] & 0xc0) === 0x80;
  while (i < n) {
    const c = b[i];
    let cp = -1;
    let len = 1;
    if (c < 0x80) cp = c;
    else if (c >= 0xc2 && c <= 0xdf && cont(i + 1)) {
      cp = ((c & 0x1f) << 6) | (b[i + 1] & 0x3f);
      len = 2;
    } else if (c >= 0xe0 && c <= 0xef && cont(i + 1) && cont(i + 2)) {
      const v = ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
      // no overlong forms, no encoded surrogates (they would be read back as escapes)
      if (v >= 0x800 && (v < 0xd800 || v > 0xdfff)) {
        cp = v;
        len = 3;
      }
    } else if (c >= 0xf0 && c <= 0xf4 && cont(i + 1) && cont(i + 2) && cont(i + 3)) {
      const v = ((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f);
      if (v >= 0x10000 && v <= 0x10ffff) {
        cp = v;
        len = 4;
      }
    }
    out += cp < 0 ? String.fromCharCode(0xdc00 + c) : String.fromCodePoint(cp);
    i += len;
  }
  return out;
}

/** The inverse of `decodeSource`: escapes go back to their byte, everything else to UTF-8. */
export function encodeSource(text: string): Buffer {
  if (!/[\udc80-\udcff]/.test(text)) return Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++; // a pair: an ordinary character
        continue;
      }
    }
    if (u >= 0xdc80 && u <= 0xdcff) {
      parts.push(Buffer.from(text.slice(from, i), 'utf8'), Buffer.from([u - 0xdc00]));
      from = i + 1;
    }
  }
  parts.push(Buffer.from(text.slice(from), 'utf8'));
  return Buffer.concat(parts);
}
