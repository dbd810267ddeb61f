// Entry point the VS Code extension host loads (extensionTestsPath): runs the integration tests with mocha,
// inside the real extension host, next to the extension under development.
//
// Which files run is chosen by BEACON_TEST_SUITE:
//   (unset) / default   every out/test/integration/**/*.test.js except activation.legacy* and untrusted*
//   activation          only activation*.test.js      (run on the oldest supported VS Code, 4.100.3 / 1.100.3)
//   untrusted           only untrusted*.test.js       (run with --trust: the folder opens in Restricted Mode)
// BEACON_TEST_GREP     optional mocha --grep.
// BEACON_TEST_RESULTS  optional path: the counts are written there as JSON for scripts/test.mjs.
// Both mocha interfaces are available: describe/it (bdd) and suite/test (tdd).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'project-beacon.beacon-debug';

/** Recorded before any test file is loaded: lets activation.test prove that nothing activated us early. */
export const loaderState: { extensionActiveAtLoad: boolean | undefined; suite: string } = {
  extensionActiveAtLoad: undefined,
  suite: 'default',
};

export interface SuiteResult {
  suite: string;
  vscodeVersion: string;
  files: string[];
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
}

const SUITES: Record<string, (base: string) => boolean> = {
  default: (base) => !base.startsWith('activation.legacy') && !base.startsWith('untrusted'),
  activation: (base) => base.startsWith('activation'),
  untrusted: (base) => base.startsWith('untrusted'),
};

export function selectTestFiles(root: string, suite: string): string[] {
  const pick = SUITES[suite];
  if (!pick) throw new Error(`unknown BEACON_TEST_SUITE=${suite} (one of: ${Object.keys(SUITES).join(', ')})`);
  const all = (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((rel) => rel.endsWith('.test.js'))
    .map((rel) => path.join(root, rel));
  // activation tests first: they check that nothing activated the extension before them
  const rank = (f: string) => (path.basename(f).startsWith('activation') ? 0 : 1);
  return all
    .filter((f) => pick(path.basename(f)))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function run(): Promise<void> {
  const suite = process.env.BEACON_TEST_SUITE || 'default';
  loaderState.suite = suite;
  loaderState.extensionActiveAtLoad = vscode.extensions.getExtension(EXTENSION_ID)?.isActive;
  const result: SuiteResult = { suite, vscodeVersion: vscode.version, files: [], passed: 0, failed: 0, pending: 0, failures: [] };
  const report = (): void => {
    const line = `BEACON_TEST_RESULT ${JSON.stringify({ suite, vscode: result.vscodeVersion, passed: result.passed, failed: result.failed, pending: result.pending })}`;
    console.log(line);
    const out = process.env.BEACON_TEST_RESULTS;
    if (out) fs.writeFileSync(out, JSON.stringify(result, null, 1));
  };

  return new Promise<void>((resolve, reject) => {
    try {
      const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec', grep: process.env.BEACON_TEST_GREP || undefined });
      Mocha.interfaces.tdd(mocha.suite); // suite/test/setup/teardown as well as describe/it
      result.files = selectTestFiles(__dirname, suite);
      console.log(`[beacon-tests] suite=${suite} vscode=${vscode.version} node=${process.version} files=${result.files.map((f) => path.relative(__dirname, f)).join(',')}`);
      if (!result.files.length) {
        result.failed = 1;
        result.failures.push({ title: '(loader)', error: `no test files for suite ${suite} in ${__dirname}` });
        report();
        reject(new Error(`no test files for suite ${suite}`));
        return;
      }
      for (const f of result.files) mocha.addFile(f);
      const runner = mocha.run((failures) => {
        report();
        if (failures > 0 || result.failed > 0) reject(new Error(`${result.failed} integration test(s) failed`));
        else if (result.passed === 0) reject(new Error('no integration test ran'));
        else resolve();
      });
      runner.on('pass', () => { result.passed++; });
      runner.on('pending', () => { result.pending++; });
      runner.on('fail', (t, err: Error) => {
        result.failed++;
        result.failures.push({ title: t.fullTitle(), error: String(err?.stack ?? err) });
      });
    } catch (e) {
      // a test file that throws while loading (syntax error, bad import) ends up here
      result.failed++;
      result.failures.push({ title: '(loading test files)', error: String((e as Error)?.stack ?? e) });
      console.error(e);
      report();
      reject(e);
    }
  });
}
