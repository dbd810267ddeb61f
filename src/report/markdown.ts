/**
 * Writing untrusted text into markdown that stays inert wherever it is pasted (GitHub, a wiki, a
 * postmortem doc): no links, images, HTML or emphasis can come out of check output or fact values.
 */

/** Plain text: characters that would start markup are escaped, line breaks become spaces. */
export function mdText(s: string): string {
  return s
    .replace(/\r?\n/g, ' ')
    .replace(/[\\<>[\]*`]/g, (c) => `\\${c}`)
    .replace(/^([#+-]|\d+[.)])(?=\s|$)/, (m) => `\\${m}`);
}

/** Plain text in a table cell: also `|`. */
export function mdCell(s: string): string {
  return mdText(s).replace(/\|/g, '\\|');
}

/** An inline code span: fenced with more backticks than any run inside it. */
export function mdCode(s: string): string {
  const one = s.replace(/\r?\n/g, ' ');
  if (one === '') return '` `';
  const longest = Math.max(0, ...[...one.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = one.startsWith('`') || one.endsWith('`') || (one.startsWith(' ') && one.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${one}${pad}${fence}`;
}

/** An inline code span for a table cell (`|` escaped, which GitHub honours inside code in tables). */
export function mdCodeCell(s: string): string {
  return mdCode(s).replace(/\|/g, '\\|');
}

/** A fenced code block, its fence longer than any backtick run in the text. */
export function mdFence(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`;
}

export function mdTable(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
