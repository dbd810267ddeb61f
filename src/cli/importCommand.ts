/**
 * `beacon-debug import PLAN.md [-o OUT.runbook.yaml] [--json]`: a markdown debug plan to a runbook
 * in the built-in schema. Without `-o` the YAML goes to stdout and the import report to stderr.
 * Exit 0 imported; 2 unreadable, not a plan, or nothing to import.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXIT } from '../engine/types';
import { importMarkdownRunbook, NothingToImportError } from '../runbook/import/importMarkdown';
import { formatImportReport } from '../runbook/import/importReport';
import { MarkdownInputError } from '../runbook/import/markdownBlocks';
import { runbookToYaml } from '../runbook/import/runbookYaml';
import type { CliIo } from './io';
import { parseArgs, single, UsageError } from './args';
import { errorMessage } from '../shared/errorMessage';

export async function runImportCommand(args: string[], io: CliIo, ctx: { cwd?: string } = {}): Promise<number> {
  const cwd = ctx.cwd ?? process.cwd();
  let plan: string;
  let out: string | undefined;
  let json: boolean;
  try {
    const p = parseArgs(args.map((a) => (a === '-o' ? '--output' : a)), { values: ['--output'], booleans: ['--json'] });
    if (p.positionals.length !== 1) throw new UsageError(p.positionals.length ? `one plan at a time (got ${p.positionals.length})` : 'import needs the markdown plan to read: beacon-debug import PLAN.md [-o OUT.runbook.yaml]');
    plan = path.resolve(cwd, p.positionals[0]);
    out = single(p, '--output');
    json = p.booleans.has('--json');
  } catch (e) {
    io.stderr(`beacon-debug import: ${errorMessage(e)}\nexit ${EXIT.usage}: usage or configuration error\n`);
    return EXIT.usage;
  }
  const fail = (message: string) => {
    io.stderr(`beacon-debug import: ${message}\nexit ${EXIT.usage}: nothing imported\n`);
    return EXIT.usage;
  };
  let text: string;
  try {
    const stat = fs.statSync(plan);
    if (!stat.isFile()) return fail(`${plan} is not a file`);
    if (stat.size > 16 * 1024 * 1024) return fail(`${plan} is ${stat.size} bytes; a plan to import is far smaller`);
    text = fs.readFileSync(plan, 'utf8');
  } catch (e) {
    return fail(`cannot read ${plan}: ${errorMessage(e)}`);
  }
  let result;
  try {
    result = importMarkdownRunbook(text, { source: path.basename(plan) });
  } catch (e) {
    if (e instanceof MarkdownInputError || e instanceof NothingToImportError) return fail(`${plan}: ${e.message}`);
    throw e;
  }
  const yaml = runbookToYaml(result.runbook, `Imported by beacon-debug from ${path.basename(plan)} — edit freely; the schema is the built-in plan's.`);
  if (out) {
    const file = path.resolve(cwd, out);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, yaml);
  } else if (!json) {
    io.stdout(yaml);
  }
  if (json) io.stdout(JSON.stringify({ runbook: out ? path.resolve(cwd, out) : null, ...(out ? {} : { yaml }), report: result.report }, null, 2) + '\n');
  else (out ? io.stdout : io.stderr)(formatImportReport(result.report) + (out ? `Wrote ${path.resolve(cwd, out)}\n` : ''));
  return EXIT.ok;
}
