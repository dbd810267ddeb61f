import * as assert from 'node:assert/strict';
import type { GoInstrumenter } from '../../../src/golang/instrumenter';
import { STEP_IDS, STEPS, type StepId } from '../../../src/golang/steps';
import { applyEdits } from '../../../src/golang/textEdits';
import { ANCHOR_FILES as F, instrumenter, readApp, siblingsOf } from './fixture';
import { FILE_OF } from './goTree';
import { VARIANTS } from './variants';

/** The lines between `// beacon-debug:begin step` and its end (every block of that step). */
function blockText(text: string, step: StepId): string {
  const out: string[] = [];
  let inside = false;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === `// beacon-debug:begin ${step}`) inside = true;
    else if (line.trim() === `// beacon-debug:end ${step}`) inside = false;
    else if (inside) out.push(line);
  }
  return out.join('\n');
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('golang: insert and remove', function () {
  this.timeout(120_000);
  let ins: GoInstrumenter;
  let base: Map<string, string>;
  const insertInto = (rel: string, steps: readonly StepId[], files = base) => ins.insert(files.get(rel)!, steps, siblingsOf(files, rel));

  before(async () => {
    ins = await instrumenter();
    base = readApp();
  });

  for (const v of VARIANTS) {
    it(`variant ${v.name}: each step alone and all together insert, and removal is byte-identical`, () => {
      const files = readApp();
      v.apply(files);
      for (const step of STEP_IDS) {
        const rel = FILE_OF[STEPS[step].anchor];
        const r = insertInto(rel, [step], files);
        assert.deepEqual(r.skipped, [], `${v.name} ${step}`);
        assert.notEqual(r.text, files.get(rel));
        assert.ok(ins.remove(r.text).text === files.get(rel), `${v.name} ${step}: not byte-identical`);
      }
      for (const rel of new Set(Object.values(FILE_OF))) {
        const r = insertInto(rel, STEP_IDS, files);
        assert.ok(ins.remove(r.text).text === files.get(rel), `${v.name} ${rel}: not byte-identical`);
      }
    });
  }

  it('inserting twice is a no-op with a message', () => {
    const once = insertInto(F.worker, ['2.1']);
    const twice = ins.insert(once.text, ['2.1'], siblingsOf(base, F.worker));
    assert.equal(twice.text, once.text);
    assert.deepEqual(twice.inserted, []);
    assert.deepEqual(twice.skipped, [{ step: '2.1', reason: 'already inserted' }]);
  });

  it('markers are the exact words, each alone on its line, in matching pairs', () => {
    const r = insertInto(F.worker, ['2.1', '2.2', '5.1']);
    const markers = r.text.split('\n').filter((l) => l.includes('beacon-debug:begin') || l.includes('beacon-debug:end'));
    assert.ok(markers.length >= 6);
    for (const m of markers) assert.match(m, /^\s*\/\/ beacon-debug:(begin (2\.1|2\.2|5\.1)|end (2\.1|2\.2|5\.1) #[\w-]{8}\.([\w-]{2})+)$/);
    const check = ins.check(r.text);
    assert.deepEqual(check.problems, []);
    assert.deepEqual([...new Set(check.blocks.map((b) => b.step))].sort(), ['2.1', '2.2', '5.1']);
  });

  it('any insertion order, any removal order: back to the original byte for byte', () => {
    for (const rel of [F.worker, F.main]) {
      const steps = STEP_IDS.filter((s) => FILE_OF[STEPS[s].anchor] === rel);
      for (let seed = 1; seed <= 6; seed++) {
        let text = insertInto(rel, shuffled(steps, seed)).text;
        for (const s of shuffled(steps, seed * 7)) {
          const r = ins.remove(text, [s]);
          assert.deepEqual(r.removed, [s]);
          assert.deepEqual(r.skipped, []);
          text = r.text;
        }
        assert.ok(text === base.get(rel), `${rel} seed ${seed}`);
      }
    }
  });

  it('removing one step keeps the imports the others still use (moved into their blocks)', () => {
    // 2.1 adds fmt; 2.2, inserted after it, uses that fmt
    const both = ins.insert(insertInto(F.worker, ['2.1']).text, ['2.2'], siblingsOf(base, F.worker)).text;
    assert.ok(!blockText(both, '2.2').includes('"fmt"'), '2.2 reuses the fmt 2.1 imported');
    const without21 = ins.remove(both, ['2.1']).text;
    assert.ok(!without21.includes('beacon-debug:begin 2.1'));
    assert.match(blockText(without21, '2.2'), /import \(\n\t"fmt"\n\)/);
    assert.ok(ins.remove(without21).text === base.get(F.worker));
  });

  it('user edits outside the markers survive removal; a block edited inside is left alone unless removal is forced', () => {
    const original = base.get(F.worker)!;
    const r = insertInto(F.worker, ['2.1', '2.2']).text;
    const outside = r.replace('"question execution failed"', '"question execution failed (edited)"');
    assert.equal(ins.remove(outside).text, original.replace('"question execution failed"', '"question execution failed (edited)"'));
    const edited = outside.replace('Msg("🔍 TRACE: Calling executor.Execute()")', 'Msg("my own words")');
    const refused = ins.remove(edited);
    assert.deepEqual(refused.removed, ['2.1']);
    assert.match(refused.skipped.find((s) => s.step === '2.2')!.reason, /was edited: line \d+ was not inserted/);
    assert.ok(refused.text.includes('Msg("my own words")'));
    assert.equal(ins.remove(edited, undefined, { edited: 'remove' }).text, original.replace('"question execution failed"', '"question execution failed (edited)"'));
  });

  it('an import a removed step added stays (unmarked) when the user’s own code now uses it', () => {
    const r = insertInto(F.worker, ['2.1']).text;
    const edited = r.replace('\t_, _, _, _ = braces, raw, open, close\n', '\t_, _, _, _ = braces, raw, open, close\n\t_ = reflect.TypeOf(raw)\n');
    const back = ins.remove(edited).text;
    assert.ok(!back.includes('beacon-debug'));
    assert.match(back, /import \(\n\t"reflect"\n\)/);
    assert.ok(!/"fmt"/.test(back.split('func ')[0]), 'fmt (unused by the user) is gone');
  });

  it('damaged markers are reported and that step is left alone', () => {
    const r = insertInto(F.worker, ['2.1', '2.2']).text;
    const damaged = r.replace(/\n\t\/\/ beacon-debug:end 2\.2[^\n]*\n(?![\s\S]*beacon-debug:end 2\.2)/, '\n');
    const back = ins.remove(damaged);
    assert.deepEqual(back.removed, ['2.1']);
    assert.ok(back.skipped.some((s) => s.step === '2.2' && /no end|no matching begin/.test(s.reason)), JSON.stringify(back.skipped));
    assert.ok(back.text.includes('// beacon-debug:begin 2.2'));
    assert.ok(ins.check(damaged).problems.length > 0);
  });

  it('keeps CRLF line endings and space indentation', () => {
    const crlf = readApp();
    VARIANTS.find((v) => v.name === 'crlf')!.apply(crlf);
    for (const rel of new Set(Object.values(FILE_OF))) {
      const text = insertInto(rel, STEP_IDS, crlf).text;
      assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, `${rel}: a bare LF`);
    }
    const spaces = readApp();
    VARIANTS.find((v) => v.name === 'spaces')!.apply(spaces);
    for (const rel of new Set(Object.values(FILE_OF))) {
      const text = insertInto(rel, STEP_IDS, spaces).text;
      assert.equal(/^\t/m.test(text.replace(/`[^`]*`/g, '')), false, `${rel}: a tab-indented line`);
    }
  });

  it('2.1: named result for the recovered panic, failed status, typed-nil guard, stack; the was-line restores the signature', () => {
    const text = insertInto(F.worker, ['2.1']).text;
    assert.match(text, /executor Executor\) \(\n\t\/\/ beacon-debug:begin 2\.1\n\t\/\/ beacon-debug:was "ExecutionResult"\n\tbeaconResult ExecutionResult,\n\t\/\/ beacon-debug:end 2\.1 #[\w.-]+\n\) \{/);
    const block = blockText(text, '2.1');
    assert.match(block, /beaconResult = ExecutionResult\{[\s\S]*Status:\s+"failed"/);
    assert.match(block, /runtime\.Stack\(/);
    assert.match(block, /reflect\.ValueOf\(executor\)/);
    assert.match(block, /Msg\("🚨 PANIC RECOVERED in executeQuestion"\)/);
    // an already named result is reused, the signature untouched
    const results = readApp();
    VARIANTS.find((v) => v.name === 'results')!.apply(results);
    const named = insertInto(F.worker, ['2.1'], results).text;
    assert.match(named, /executor Executor\) \(res ExecutionResult\) \{/);
    assert.match(blockText(named, '2.1'), /res = ExecutionResult\{/);
    assert.match(blockText(named, '2.1'), /Error:\s+fmt\.Sprintf\("panic in executeQuestion: %v", r\)/, 'Error is a string in that variant');
  });

  it('2.2: declares executionStart/executionDuration only when absent, reuses them when present, uses spec.Questions', () => {
    const plain = insertInto(F.worker, ['2.2']).text;
    assert.equal((plain.match(/executionStart :=/g) ?? []).length, 1);
    assert.match(blockText(plain, '2.2'), /len\(singleQuestionSpec\.Questions\)/);
    assert.ok(!plain.includes('Benchmark.Prompts'));
    const timing = readApp();
    VARIANTS.find((v) => v.name === 'multiline')!.apply(timing);
    const text = insertInto(F.worker, ['2.2'], timing).text;
    assert.equal((text.match(/executionStart :=/g) ?? []).length, 1, 'declared once (by the original code)');
    assert.equal((text.match(/executionDuration :=/g) ?? []).length, 1);
    const block = blockText(text, '2.2');
    assert.match(block, /Time\("execution_start", executionStart\)/);
    assert.match(block, /Dur\("duration_ms", executionDuration\)/);
    // the return trace comes after the existing executionDuration line
    assert.ok(text.indexOf('executionDuration := executionEnd.Sub(executionStart)') < text.lastIndexOf('// beacon-debug:begin 2.2'));
  });

  it('2.3: the receiver’s real name, no unexported field of package hybrid', () => {
    const renamed = readApp();
    VARIANTS.find((v) => v.name === 'renamed')!.apply(renamed);
    const block = blockText(insertInto(F.hybridExecutor, ['2.3'], renamed).text, '2.3');
    assert.match(block, /e\.Client == nil/);
    assert.ok(!/BaseURL|baseURL/.test(block));
    assert.match(block, /return "", "failed", nil, nil, fmt\.Errorf\("hybrid client is nil"\)/);
  });

  it('2.4: the body is untouched (no second request), the results are named for the deferred exit trace', () => {
    const original = base.get(F.client)!;
    const text = insertInto(F.client, ['2.4']).text;
    const bodyStart = original.indexOf('\tpayload, err := json.Marshal(req)');
    const bodyEnd = original.indexOf('\n}\n', bodyStart);
    assert.ok(text.includes(original.slice(bodyStart, bodyEnd)), 'the original body is there verbatim');
    assert.equal((text.match(/httpClient\.Do\(/g) ?? []).length, 1);
    assert.match(blockText(text, '2.4'), /defer func\(\) \{/);
    assert.match(text, /beaconResp \*InferenceResponse, beaconErr error,/);
  });

  it('0.3: off unless BEACON_DEBUG_EXECUTOR=1, admin token when set, nothing unexported', () => {
    const block = blockText(insertInto(F.main, ['0.3']).text, '0.3');
    assert.match(block, /if os\.Getenv\("BEACON_DEBUG_EXECUTOR"\) == "1" \{\n\t\tr\.GET\("\/debug\/executor"/);
    assert.match(block, /ADMIN_TOKEN/);
    assert.ok(!/BaseURL|baseURL|\.Hybrid\./.test(block));
  });

  it('uses nothing newer than Go 1.19', () => {
    for (const rel of new Set(Object.values(FILE_OF))) {
      const text = insertInto(rel, STEP_IDS).text;
      for (const step of STEP_IDS) {
        const block = blockText(text, step);
        assert.ok(!/context\.AfterFunc|errors\.Join|\bmin\(|\bmax\(|\bclear\(|slices\.|maps\.|atomic\.(Int32|Int64|Bool|Pointer)\b|context\.WithoutCancel|context\.Cause/.test(block), `${step}: ${block}`);
      }
    }
  });

  it('refuses when the function hides a builtin or package the snippet needs', () => {
    const text = base.get(F.worker)!.replace('\tregionStart := time.Now()\n', '\tregionStart := time.Now()\n\trecover := 1\n\t_ = recover\n');
    const r = ins.insert(text, ['2.1'], siblingsOf(base, F.worker));
    assert.deepEqual(r.inserted, []);
    assert.match(r.skipped[0].reason, /"recover"/);
  });

  it('a step whose anchor is not in the file is skipped with the reason', () => {
    const r = insertInto(F.client, ['2.1']);
    assert.deepEqual(r.skipped, [{ step: '2.1', reason: 'no method executeQuestion on JobRunner in this file' }]);
  });

  it('applyEdits keeps edits at one offset in their order and rejects overlaps', () => {
    assert.equal(applyEdits('abc', [{ start: 1, end: 1, text: 'X' }, { start: 1, end: 1, text: 'Y' }]), 'aXYbc');
    assert.throws(() => applyEdits('abc', [{ start: 0, end: 2, text: '' }, { start: 1, end: 3, text: '' }]), /overlapping/);
  });
});
