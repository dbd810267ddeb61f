import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { parseRunbook, RunbookError } from '../../../src/runbook/load';
import { packageRoot } from '../../../src/runbook/paths';

const builtinText = () => fs.readFileSync(path.join(packageRoot(), 'runbooks/execution-failure.yaml'), 'utf8');

function mutate(f: (doc: any) => void): string {
  const doc = parse(builtinText(), { merge: true });
  f(doc);
  return stringify(doc, { aliasDuplicateObjects: false });
}

function issuesOf(text: string): { path: string; message: string }[] {
  try {
    parseRunbook(text, 'test.yaml');
  } catch (e) {
    assert.ok(e instanceof RunbookError, String(e));
    return e.issues;
  }
  assert.fail('expected the runbook to be rejected');
}

describe('runbook validation', () => {
  it('accepts the built-in plan and a JSON copy of it', () => {
    const doc = parse(builtinText(), { merge: true });
    const rb = parseRunbook(JSON.stringify(doc), 'copy.json');
    assert.equal(rb.id, 'execution-failure');
  });

  it('names the path of a bad field', () => {
    const issues = issuesOf(mutate((d) => (d.phases[1].steps[0].checks[1].probe.method = 'HEAD')));
    assert.ok(issues.some((i) => i.path.startsWith('phases[1].steps[0].checks[1].probe')), JSON.stringify(issues));
  });

  it('rejects an unknown verdict with its path', () => {
    const issues = issuesOf(mutate((d) => (d.quickWins.steps[2].checks[0].rules[0].verdict = 'maybe')));
    assert.ok(issues.some((i) => i.path === 'quickWins.steps[2].checks[0].rules[0].verdict'), JSON.stringify(issues));
  });

  it('rejects a tree branch pointing at a cause that does not exist', () => {
    const issues = issuesOf(mutate((d) => (d.decisionTree.nodes[0].branches[0].cause = 'gremlins')));
    assert.deepEqual(issues.map((i) => i.path), ['decisionTree.nodes[0].branches[0].cause']);
    assert.match(issues[0].message, /unknown cause "gremlins"/);
  });

  it('rejects duplicate step ids and says where the other one is', () => {
    const issues = issuesOf(mutate((d) => (d.phases[0].steps[1].id = '0.1')));
    assert.ok(issues.some((i) => i.path === 'phases[0].steps[1].id' && /duplicate id "0.1"/.test(i.message)), JSON.stringify(issues));
  });

  it('rejects an invalid regular expression in the data', () => {
    const issues = issuesOf(mutate((d) => (d.logSignals[0].regex = '(unclosed')));
    assert.deepEqual(issues.map((i) => i.path), ['logSignals[0].regex']);
  });

  it('rejects priors that do not add up to 1', () => {
    const issues = issuesOf(mutate((d) => (d.causes[0].prior = 0.5)));
    assert.ok(issues.some((i) => i.path === 'causes' && /add up to 1/.test(i.message)));
  });

  it('rejects a step with nothing to do, a command fix without argv, and YAML that does not parse', () => {
    assert.ok(issuesOf(mutate((d) => (d.phases[3].steps[0].manual = false))).some((i) => i.path === 'phases[3].steps[0]'));
    assert.ok(issuesOf(mutate((d) => delete d.fixes[0].argv)).some((i) => i.path === 'fixes[0]'));
    assert.match(issuesOf('phases: [\n')[0].message, /not valid YAML/);
  });
});
