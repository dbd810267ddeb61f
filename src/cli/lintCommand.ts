/**
 * `beacon-debug lint [--runbook FILE] --code DIR [--json] [--runner-url URL] [--fly-app APP]`: what
 * the runbook's steps rely on, looked up in the Go code under DIR. Exit 0 when nothing is missing,
 * 1 when something is, 2 usage or configuration error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanGoTree } from '../golang/codeFacts';
import { loadGoParser } from '../golang/parser';
import { formatLintFindings, lintRunbook } from '../golang/runbookLint';
import { EXIT } from '../engine/types';
import { RunbookError } from '../runbook/load';
import { loadBuiltinRunbook } from '../runbook/builtin';
import { loadAnyRunbookFile } from '../runbook/runbookFile';
import type { CliIo } from './io';
import { parseArgs, single, UsageError } from './args';
import { errorMessage } from '../shared/errorMessage';

export async function runLintCommand(args: string[], io: CliIo, ctx: { cwd?: string } = {}): Promise<number> {
  const cwd = ctx.cwd ?? process.cwd();
  let code: string;
  let json: boolean;
  let runbook;
  const runnerHosts: string[] = [];
  try {
    const p = parseArgs(args, { values: ['--runbook', '--code', '--runner-url', '--fly-app'], booleans: ['--json'] });
    if (p.positionals.length) throw new UsageError(`unexpected argument "${p.positionals[0]}"`);
    const dir = single(p, '--code');
    if (!dir) throw new UsageError('lint needs --code DIR: the Go code to check the runbook against');
    code = path.resolve(cwd, dir);
    if (!fs.existsSync(code) || !fs.statSync(code).isDirectory()) throw new UsageError(`--code ${dir}: not a folder`);
    json = p.booleans.has('--json');
    const file = single(p, '--runbook');
    runbook = file ? loadAnyRunbookFile(path.resolve(cwd, file)).runbook : loadBuiltinRunbook();
    const url = single(p, '--runner-url');
    if (url) {
      try {
        runnerHosts.push(new URL(url).hostname);
      } catch {
        throw new UsageError(`--runner-url ${url}: not a URL`);
      }
    }
    const app = single(p, '--fly-app');
    if (app) runnerHosts.push(`${app}.fly.dev`);
  } catch (e) {
    if (e instanceof UsageError || e instanceof RunbookError) {
      io.stderr(`beacon-debug lint: ${e.message}\nexit ${EXIT.usage}: usage or configuration error\n`);
      return EXIT.usage;
    }
    throw e;
  }
  const parser = await loadGoParser();
  let facts;
  try {
    facts = scanGoTree(parser, code);
  } catch (e) {
    io.stderr(`beacon-debug lint: ${errorMessage(e)}\nexit ${EXIT.usage}: usage or configuration error\n`);
    return EXIT.usage;
  }
  const findings = lintRunbook(parser, runbook, facts, { runnerHosts, dir: code });
  if (json) io.stdout(JSON.stringify({ findings }, null, 2) + '\n');
  else {
    io.stdout(`${runbook.title}: checked against ${facts.files.length} Go file(s) under ${code}${facts.skipped.length ? ` (${facts.skipped.length} skipped: ${facts.skipped.map((s) => `${s.file}: ${s.why}`).join('; ')})` : ''}\n\n`);
    io.stdout(formatLintFindings(findings, code));
  }
  const missing = findings.filter((f) => f.status === 'missing').length;
  if (missing) io.stderr(`exit 1: ${missing} thing(s) the runbook relies on are missing from the code\n`);
  return missing ? 1 : EXIT.ok;
}
