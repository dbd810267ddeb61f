/**
 * How an argv is shown to the user (terminal, report, "copy command"): POSIX-quoted so that
 * pasting it in a shell runs the same argv. Display only — the engine never runs this string.
 */
export function quoteArg(a: string): string {
  if (a !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(a)) return a;
  return `'${a.replace(/'/g, `'\\''`)}'`;
}

export function displayArgv(argv: readonly string[]): string {
  return argv.map(quoteArg).join(' ');
}
