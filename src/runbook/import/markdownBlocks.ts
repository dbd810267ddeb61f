/**
 * A markdown plan as a flat list of blocks, each with its line number: headings, fenced blocks,
 * list items, text lines. Line-based and linear (no nesting is followed recursively, no regular
 * expression can backtrack over more than one line), so hostile input stays cheap.
 */

export type Block =
  | { kind: 'heading'; line: number; level: number; text: string }
  | { kind: 'fence'; line: number; endLine: number; info: string; lang: string; body: string[]; indent: number; closed: boolean }
  | { kind: 'item'; line: number; indent: number; marker: 'bullet' | 'number' | 'check'; number?: number; checked?: boolean; text: string }
  | { kind: 'text'; line: number; text: string }
  | { kind: 'rule'; line: number }
  | { kind: 'blank'; line: number };

export class MarkdownInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MarkdownInputError';
  }
}

/** Limits for hostile input: a plan is a few thousand lines at most. */
export const MARKDOWN_LIMITS = { maxChars: 4_000_000, maxLines: 100_000, maxLineChars: 20_000 } as const;

const FENCE_OPEN = /^( *)(`{3,}|~{3,})[ \t]*([^`]*)$/;
const FENCE_CLOSE = /^ *(`{3,}|~{3,})[ \t]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const ITEM = /^( *)(?:([-*+])|(\d{1,9})[.)])[ \t]+(.*)$/;
const CHECKBOX = /^\[([ xX])\][ \t]+(.*)$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** Rejects input that is not a text plan: binary, too large, lines too long to be prose. */
export function checkMarkdownInput(text: string): void {
  if (text.length > MARKDOWN_LIMITS.maxChars) {
    throw new MarkdownInputError(`the file is ${text.length} characters long; a plan to import is at most ${MARKDOWN_LIMITS.maxChars}`);
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw new MarkdownInputError(`the file is binary (a NUL byte at offset ${nul}), not a markdown plan`);
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  if (bad > 16 && bad > text.length / 100) throw new MarkdownInputError(`the file is not UTF-8 text (${bad} bytes could not be decoded)`);
}

/** Splits the text into blocks. Throws `MarkdownInputError` for input no plan looks like. */
export function markdownBlocks(text: string): Block[] {
  checkMarkdownInput(text);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > MARKDOWN_LIMITS.maxLines) {
    throw new MarkdownInputError(`the file has ${lines.length} lines; a plan to import has at most ${MARKDOWN_LIMITS.maxLines}`);
  }
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = i + 1;
    if (raw.length > MARKDOWN_LIMITS.maxLineChars) {
      throw new MarkdownInputError(`line ${line} is ${raw.length} characters long (at most ${MARKDOWN_LIMITS.maxLineChars}): not a markdown plan`);
    }
    const fence = FENCE_OPEN.exec(raw);
    if (fence && fence[1].length <= 12) {
      const indent = fence[1].length;
      const marker = fence[2];
      const info = fence[3].trim();
      const body: string[] = [];
      let j = i + 1;
      let closed = false;
      for (; j < lines.length; j++) {
        const l = lines[j];
        const close = FENCE_CLOSE.exec(l);
        if (close && close[1][0] === marker[0] && close[1].length >= marker.length) {
          closed = true;
          break;
        }
        if (l.length > MARKDOWN_LIMITS.maxLineChars) {
          throw new MarkdownInputError(`line ${j + 1} is ${l.length} characters long (at most ${MARKDOWN_LIMITS.maxLineChars}): not a markdown plan`);
        }
        body.push(stripIndent(l, indent));
      }
      blocks.push({ kind: 'fence', line, endLine: closed ? j + 1 : lines.length, info, lang: info.split(/[\s{]/)[0].toLowerCase(), body, indent, closed });
      i = closed ? j : lines.length;
      continue;
    }
    if (raw.trim() === '') {
      blocks.push({ kind: 'blank', line });
      continue;
    }
    const heading = HEADING.exec(raw);
    if (heading) {
      blocks.push({ kind: 'heading', line, level: heading[1].length, text: withoutClosingHashes(heading[2] ?? '') });
      continue;
    }
    if (RULE.test(raw)) {
      blocks.push({ kind: 'rule', line });
      continue;
    }
    const item = ITEM.exec(raw);
    if (item) {
      const indent = item[1].length;
      const rest = item[4];
      const box = item[2] ? CHECKBOX.exec(rest) : null;
      if (box) blocks.push({ kind: 'item', line, indent, marker: 'check', checked: box[1] !== ' ', text: box[2] });
      else if (item[3]) blocks.push({ kind: 'item', line, indent, marker: 'number', number: Number(item[3]), text: rest });
      else blocks.push({ kind: 'item', line, indent, marker: 'bullet', text: rest });
      continue;
    }
    blocks.push({ kind: 'text', line, text: raw });
  }
  return blocks;
}

/** `Title ##` → `Title` (the optional closing sequence of an ATX heading). */
function withoutClosingHashes(s: string): string {
  const t = s.trimEnd();
  let k = t.length;
  while (k > 0 && t[k - 1] === '#') k--;
  if (k === t.length || (k > 0 && t[k - 1] !== ' ' && t[k - 1] !== '\t')) return t.trim();
  return t.slice(0, k).trim();
}

/** Removes up to `n` leading spaces (a fence inside a list item is indented with the item). */
function stripIndent(line: string, n: number): string {
  let k = 0;
  while (k < n && line[k] === ' ') k++;
  return line.slice(k);
}

/** Markdown emphasis and code marks removed, emoji at the start dropped: the words of a heading. */
export function plainText(s: string): string {
  return s
    .replace(/\*\*|__/g, '')
    .replace(/^[\s\p{Extended_Pictographic}\u200d\ufe0f\u2600-\u27bf]+/u, '')
    .replace(/[\s\u200d\ufe0f]+$/u, '')
    .trim();
}

/** A stable id from words: lower case, dashes, at most 48 characters. */
export function slug(s: string): string {
  const base = plainText(s)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return base || 'section';
}
