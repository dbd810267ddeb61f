/**
 * What the proof before an edit costs (go build -overlay of the file's package, with and without the
 * insertion; medians printed, never asserted): on the Go fixture (GOPATH mode, Debian's gin and
 * zerolog), for a library package (internal/worker, step 2.1) and for package main (cmd/runner,
 * Fix G: a link with gin). The first proof of a package also builds it without the insertion; the
 * next ones reuse that. The extension host is not blocked meanwhile: go runs as a child process.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCaptured } from '../../src/engine/probes/capturedCommand';
import { GoInstrumenter } from '../../src/golang/instrumenter';
import { readSiblingSources } from '../../src/golang/packageSources';
import { loadGoParser, wasmPathsFromNodeModules } from '../../src/golang/parser';
import { InsertionProver } from '../../src/golang/proofBuild';
import type { StepId } from '../../src/golang/steps';
import { applyEdits } from '../../src/golang/textEdits';
import { packageRoot } from '../../src/runbook/paths';

const ROOT = packageRoot(__dirname);
const APP = path.join(ROOT, 'test/go/src/github.com/beacon/runner-app');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchProof(): Promise<void> {
  console.log('\nProof before the edit (go build -overlay, with and without the insertion)');
  if (!fs.existsSync('/usr/share/gocode/src/github.com/gin-gonic/gin')) {
    console.log('  skipped: Debian gin / zerolog are not installed (apt-get install golang-github-gin-gonic-gin-dev golang-github-rs-zerolog-dev)');
    return;
  }
  const ins = new GoInstrumenter(await loadGoParser(wasmPathsFromNodeModules(ROOT)));
  const env = { ...process.env, GOPATH: `${path.join(ROOT, 'test/go')}${path.delimiter}/usr/share/gocode`, GO111MODULE: 'off', GOFLAGS: '' };
  for (const [rel, step] of [['internal/worker/job_runner.go', '2.1'], ['cmd/runner/main.go', 'fix-g']] as [string, StepId][]) {
    const file = path.join(APP, rel);
    const text = fs.readFileSync(file, 'utf8');
    const plan = ins.planInsert(text, step, readSiblingSources(file));
    if ('skipped' in plan) throw new Error(`${step}: ${plan.skipped}`);
    const after = applyEdits(text, plan.edits);
    const firsts: number[] = [];
    const nexts: number[] = [];
    let kind = '';
    for (let r = 0; r < 3; r++) {
      const prover = new InsertionProver({ run: runCaptured, env });
      let t0 = performance.now();
      kind = (await prover.prove(file, text, after)).kind;
      firsts.push(performance.now() - t0);
      // a second insertion into the same package: the build without it is known by now
      const broken = after.replace('🔍 TRACE: executeQuestion ENTRY', '🔍 TRACE: executeQuestion ENTRY" + undefinedName + "');
      t0 = performance.now();
      await prover.prove(file, text, broken === after ? after + '\n' : broken);
      nexts.push(performance.now() - t0);
    }
    console.log(`  ${rel} + ${step}: ${kind}; first proof (2 builds at once) ${median(firsts).toFixed(0)} ms, another insertion into the same package ${median(nexts).toFixed(0)} ms (median of 3)`);
  }
}

if (require.main === module) {
  benchProof().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
