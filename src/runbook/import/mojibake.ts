/**
 * Text that was UTF-8, read as Mac Roman or Windows-1252 and saved again (`üî¨` for 🔬, `‚Üí` for →,
 * `â†’` for →). Each run of non-ASCII characters is mapped back to the bytes the wrong decoder saw;
 * where those bytes are valid UTF-8 sequences they are decoded again. A text counts as mangled only
 * when the repaired sequences clearly outnumber the non-ASCII characters that do not fit.
 */

export type MangledEncoding = 'mac-roman' | 'windows-1252';

export interface MojibakeRepair {
  text: string;
  /** Set when the text was repaired. */
  encoding?: MangledEncoding;
  /** Characters repaired (one per UTF-8 sequence decoded again). */
  repaired: number;
  /** Non-ASCII characters left as they were (they did not form a UTF-8 sequence). */
  leftAlone: number;
}

/**
 * Windows-1252's bytes 0x80–0x9F (the rest is Latin-1). Node's TextDecoder('windows-1252') decodes
 * these as Latin-1 C1 controls, which is not what Windows programs wrote, so the table is spelled
 * out; the five unassigned bytes stay C1 controls, as WHATWG decoders leave them.
 */
const WINDOWS_1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** The 128 characters bytes 0x80–0xFF decode to. */
function upperHalf(enc: MangledEncoding): string[] {
  if (enc === 'windows-1252') {
    return [...Array.from(WINDOWS_1252_80_9F), ...Array.from({ length: 0x60 }, (_, i) => String.fromCharCode(0xa0 + i))];
  }
  const decoder = new TextDecoder('macintosh');
  return Array.from({ length: 0x80 }, (_, i) => decoder.decode(new Uint8Array([0x80 + i])));
}

const reverseTables = new Map<MangledEncoding, Map<string, number>>();

/** Character → the byte the encoding decodes to it (only bytes ≥ 0x80; ASCII maps to itself). */
function reverseTable(enc: MangledEncoding): Map<string, number> {
  let table = reverseTables.get(enc);
  if (!table) {
    table = new Map();
    upperHalf(enc).forEach((ch, i) => {
      if (ch !== '\ufffd' && !table!.has(ch)) table!.set(ch, 0x80 + i);
    });
    reverseTables.set(enc, table);
  }
  return table;
}

/** Length of the UTF-8 sequence a lead byte starts, or 0 when it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function repairWith(text: string, enc: MangledEncoding): MojibakeRepair {
  const table = reverseTable(enc);
  let repaired = 0;
  let leftAlone = 0;
  let out = '';
  let i = 0;
  const chars = Array.from(text);
  while (i < chars.length) {
    const ch = chars[i];
    if (ch.charCodeAt(0) < 0x80) {
      out += ch;
      i++;
      continue;
    }
    const lead = table.get(ch);
    const len = lead === undefined ? 0 : sequenceLength(lead);
    if (len > 0 && i + len <= chars.length) {
      const bytes = [lead!];
      for (let k = 1; k < len; k++) {
        const b = table.get(chars[i + k]);
        if (b === undefined || b < 0x80 || b > 0xbf) break;
        bytes.push(b);
      }
      if (bytes.length === len) {
        try {
          out += strictUtf8.decode(new Uint8Array(bytes));
          repaired++;
          i += len;
          continue;
        } catch {
          /* an overlong or surrogate sequence: not UTF-8 after all */
        }
      }
    }
    leftAlone++;
    out += ch;
    i++;
  }
  return { text: out, encoding: enc, repaired, leftAlone };
}

/**
 * Repairs `text` when it is mangled UTF-8 (tries Mac Roman and Windows-1252, keeps the better);
 * otherwise returns it unchanged with `encoding` unset.
 */
export function repairMojibake(text: string): MojibakeRepair {
  if (!/[^\x00-\x7f]/.test(text)) return { text, repaired: 0, leftAlone: 0 };
  const candidates = (['mac-roman', 'windows-1252'] as const).map((enc) => repairWith(text, enc));
  candidates.sort((a, b) => b.repaired - a.repaired || a.leftAlone - b.leftAlone);
  const best = candidates[0];
  const clearlyMangled = best.repaired >= 2 && best.repaired >= 4 * best.leftAlone;
  if (!clearlyMangled) {
    const nonAscii = Array.from(text).filter((c) => c.charCodeAt(0) >= 0x80).length;
    return { text, repaired: 0, leftAlone: nonAscii };
  }
  return best;
}
