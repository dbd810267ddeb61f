import type { TextSource } from './chunkedText';

/** Line-level facts about a Go source text: line endings, indentation, line boundaries. */

export function lineStart(text: TextSource, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

/** Index just past the line's terminator (or the text's end). */
export function nextLineStart(text: string, index: number): number {
  const nl = text.indexOf('\n', index);
  return nl < 0 ? text.length : nl + 1;
}

/** Index of the line's terminator (`\r\n` or `\n`), or the text's end. */
export function lineEnd(text: TextSource, index: number): number {
  const nl = text.indexOf('\n', index);
  if (nl < 0) return text.length;
  return nl > 0 && text.slice(nl - 1, nl) === '\r' ? nl - 1 : nl;
}

export function leadingWhitespace(text: string, index: number): string {
  const start = lineStart(text, index);
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/** Only blanks between the line's start and `index`. */
export function firstOnLine(text: TextSource, index: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, index), index));
}

/** Only blanks (or a `//` comment) between `index` and the line's end. */
export function lastOnLine(text: TextSource, index: number): boolean {
  const rest = text.slice(index, lineEnd(text, index));
  return /^[ \t]*(\/\/.*)?$/.test(rest);
}

export function isBlankLine(text: string, start: number): boolean {
  return /^[ \t]*$/.test(text.slice(start, lineEnd(text, start)));
}

/** The line ending used by the line that contains `index` (the first line's, when that one has none). */
export function eolAt(text: string, index: number): string {
  const nl = text.indexOf('\n', index);
  if (nl >= 0) return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
  return dominantEol(text);
}

export function dominantEol(text: string): string {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * One indentation step in this file: a tab if indented lines use tabs, else the smallest
 * positive space indent seen (4 if none).
 */
export function indentUnit(text: string): string {
  let tabs = 0;
  let spaceLines = 0;
  let smallest = Infinity;
  const re = /\n([ \t]+)\S/g;
  let m: RegExpExecArray | null;
  let seen = 0;
  while ((m = re.exec(text)) && seen < 2000) {
    seen++;
    const ws = m[1];
    if (ws.startsWith('\t')) tabs++;
    else if (ws.startsWith(' ')) {
      spaceLines++;
      if (ws.length < smallest && !ws.includes('\t')) smallest = ws.length;
    }
  }
  if (tabs >= spaceLines) return '\t';
  return ' '.repeat(Number.isFinite(smallest) ? Math.min(smallest, 8) : 4);
}

/**
 * Renders template lines — a leading `\t` per nesting level, relative to `base` — in the file's
 * style: each level becomes `unit`, lines are joined and terminated by `eol`. Empty lines stay empty.
 */
export function renderLines(lines: readonly string[], base: string, unit: string, eol: string): string {
  return lines
    .map((line) => {
      if (line === '') return eol;
      let depth = 0;
      while (line[depth] === '\t') depth++;
      return base + unit.repeat(depth) + line.slice(depth) + eol;
    })
    .join('');
}
