/**
 * A small line diff for showing what an insertion or removal would change (`--dry-run`). It assumes
 * what these edits produce — runs of added or removed lines between unchanged ones — and falls back
 * to "changed line" pairs otherwise. Lines are compared without their line terminators.
 */
export function lineDiff(before: string, after: string, name = 'file', context = 2): string {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  type Op = { kind: ' ' | '-' | '+'; text: string; oldLine: number; newLine: number };
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  const WINDOW = 2000;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', text: a[i], oldLine: i + 1, newLine: j + 1 });
      i++;
      j++;
      continue;
    }
    const inB = i < a.length ? b.indexOf(a[i], j) : -1;
    const inA = j < b.length ? a.indexOf(b[j], i) : -1;
    if (inB >= 0 && inB - j <= WINDOW && (inA < 0 || inB - j <= inA - i)) {
      for (; j < inB; j++) ops.push({ kind: '+', text: b[j], oldLine: i + 1, newLine: j + 1 });
    } else if (inA >= 0 && inA - i <= WINDOW) {
      for (; i < inA; i++) ops.push({ kind: '-', text: a[i], oldLine: i + 1, newLine: j + 1 });
    } else {
      if (i < a.length) ops.push({ kind: '-', text: a[i], oldLine: i + 1, newLine: j + 1 }), i++;
      if (j < b.length) ops.push({ kind: '+', text: b[j], oldLine: i, newLine: j + 1 }), j++;
    }
  }
  const out: string[] = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k].kind === ' ') {
      k++;
      continue;
    }
    let start = Math.max(0, k - context);
    let end = k;
    while (end < ops.length) {
      if (ops[end].kind !== ' ') {
        end++;
        continue;
      }
      let run = end;
      while (run < ops.length && ops[run].kind === ' ') run++;
      if (run < ops.length && run - end <= 2 * context) end = run;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    if (out.length === 0) out.push(`--- ${name}`, `+++ ${name}`);
    out.push(`@@ -${ops[start].oldLine} +${ops[start].newLine} @@`);
    for (; start < stop; start++) out.push(ops[start].kind + ops[start].text);
    k = stop;
  }
  return out.length ? out.join('\n') + '\n' : '';
}
