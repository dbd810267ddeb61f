import { parse as parseYaml, YAMLParseError } from 'yaml';
import { Runbook, type Step, type Condition } from './schema';
import { RunbookError } from './runbookError';
import { allSteps } from './steps';
import { readRegularFileSync } from '../shared/regularFile';
import { errorMessage } from '../shared/errorMessage';

export { RunbookError } from './runbookError';
export { allSteps, findStep } from './steps';

function formatPath(p: readonly PropertyKey[]): string {
  return p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

/** Parses and validates runbook text (YAML or JSON). Throws `RunbookError`. */
export function parseRunbook(text: string, source = '<runbook>'): Runbook {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true });
  } catch (e) {
    const msg = e instanceof YAMLParseError ? e.message : String(e);
    throw new RunbookError(source, [{ path: '', message: `not valid YAML/JSON: ${msg}` }]);
  }
  return validateRunbook(raw, source);
}

/** Validates parsed runbook data: the zod schema, then the cross-references. Throws `RunbookError`. */
export function validateRunbook(raw: unknown, source = '<runbook>'): Runbook {
  const parsed = Runbook.safeParse(raw);
  if (!parsed.success) {
    throw new RunbookError(source, parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  }
  const problems = crossCheck(parsed.data);
  if (problems.length) throw new RunbookError(source, problems);
  return parsed.data;
}

/** A runbook file is at most this large (the built-in plan is 90 KB). */
const MAX_RUNBOOK_BYTES = 8 * 1024 * 1024;

export function loadRunbookFile(file: string): Runbook {
  let text: string;
  try {
    text = readRegularFileSync(file, MAX_RUNBOOK_BYTES);
  } catch (e) {
    throw new RunbookError(file, [{ path: '', message: `cannot read: ${errorMessage(e)}` }]);
  }
  return parseRunbook(text, file);
}

/** References between parts of the runbook that zod cannot see. */
function crossCheck(rb: Runbook): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, where: string) => {
    const prev = seen.get(id);
    if (prev) out.push({ path: where, message: `duplicate id "${id}" (also at ${prev})` });
    else seen.set(id, where);
  };
  rb.quickWins.steps.forEach((s, i) => claim(s.id, `quickWins.steps[${i}].id`));
  rb.phases.forEach((p, pi) => {
    claim(p.id, `phases[${pi}].id`);
    p.steps.forEach((s, si) => claim(s.id, `phases[${pi}].steps[${si}].id`));
  });
  const stepIds = new Set(allSteps(rb).map((s) => s.id));
  const causeIds = new Set(rb.causes.map((c) => c.id));
  const fixIds = new Set(rb.fixes.map((f) => f.id));
  const scenarioIds = new Set(rb.scenarios.map((s) => s.id));
  rb.causes.forEach((c, i) => claim(c.id, `causes[${i}].id`));
  rb.fixes.forEach((f, i) => claim(f.id, `fixes[${i}].id`));
  rb.scenarios.forEach((s, i) => claim(s.id, `scenarios[${i}].id`));

  const ref = (set: Set<string>, kind: string, value: string | undefined, where: string) => {
    if (value !== undefined && !set.has(value)) out.push({ path: where, message: `unknown ${kind} "${value}"` });
  };
  allStepsWithPath(rb).forEach(({ step, where }) => {
    ref(fixIds, 'fix', step.fix, `${where}.fix`);
    step.after.forEach((a, i) => ref(stepIds, 'step', a, `${where}.after[${i}]`));
    const checkIds = new Set<string>();
    step.checks.forEach((c, i) => {
      if (checkIds.has(c.id)) out.push({ path: `${where}.checks[${i}].id`, message: `duplicate check id "${c.id}"` });
      checkIds.add(c.id);
      c.extract.forEach((x, xi) => {
        if ('regex' in x) checkRegex(x.regex, x.flags, `${where}.checks[${i}].extract[${xi}].regex`, out);
      });
    });
  });
  rb.logSignals.forEach((sig, i) => checkRegex(sig.regex, sig.flags, `logSignals[${i}].regex`, out));
  rb.scenarios.forEach((s, i) => ref(causeIds, 'cause', s.cause, `scenarios[${i}].cause`));
  rb.causes.forEach((c, i) => {
    ref(fixIds, 'fix', c.fix, `causes[${i}].fix`);
    ref(scenarioIds, 'scenario', c.scenario, `causes[${i}].scenario`);
    c.confirmWith.forEach((s, j) => ref(stepIds, 'step', s, `causes[${i}].confirmWith[${j}]`));
  });
  rb.fixes.forEach((f, i) => f.rerun.forEach((s, j) => ref(stepIds, 'step', s, `fixes[${i}].rerun[${j}]`)));
  if (allSteps(rb).length === 0) out.push({ path: 'phases', message: 'a runbook needs at least one step' });
  // the unknown cause's prior is on top of the known causes' 1
  const ranked = rb.causes.filter((c) => c.prior !== null && !c.unexplained);
  const priors = ranked.reduce((a, c) => a + (c.prior ?? 0), 0);
  if (ranked.length && Math.abs(priors - 1) > 1e-6) {
    out.push({ path: 'causes', message: `priors must add up to 1 (they add up to ${priors.toFixed(4)})` });
  }
  if (rb.decisionTree) {
    const nodeIds = new Set(rb.decisionTree.nodes.map((n) => n.id));
    ref(nodeIds, 'decision node', rb.decisionTree.root, 'decisionTree.root');
    rb.decisionTree.nodes.forEach((n, ni) => {
      n.needs.forEach((s, j) => ref(stepIds, 'step', s, `decisionTree.nodes[${ni}].needs[${j}]`));
      n.branches.forEach((b, bi) => {
        const w = `decisionTree.nodes[${ni}].branches[${bi}]`;
        ref(nodeIds, 'decision node', b.next, `${w}.next`);
        ref(causeIds, 'cause', b.cause, `${w}.cause`);
        ref(scenarioIds, 'scenario', b.scenario, `${w}.scenario`);
        ref(fixIds, 'fix', b.fix, `${w}.fix`);
        conditionRegexes(b.when, `${w}.when`, out);
      });
    });
  }
  return out;
}

function allStepsWithPath(rb: Runbook): { step: Step; where: string }[] {
  return [
    ...rb.quickWins.steps.map((step, i) => ({ step, where: `quickWins.steps[${i}]` })),
    ...rb.phases.flatMap((p, pi) => p.steps.map((step, si) => ({ step, where: `phases[${pi}].steps[${si}]` }))),
  ];
}

function checkRegex(src: string, flags: string | undefined, where: string, out: { path: string; message: string }[]) {
  try {
    new RegExp(src, flags);
  } catch (e) {
    out.push({ path: where, message: `invalid regular expression: ${errorMessage(e)}` });
  }
}

function conditionRegexes(c: Condition, where: string, out: { path: string; message: string }[]) {
  if ('all' in c) c.all.forEach((x, i) => conditionRegexes(x, `${where}.all[${i}]`, out));
  else if ('any' in c) c.any.forEach((x, i) => conditionRegexes(x, `${where}.any[${i}]`, out));
  else if ('not' in c) conditionRegexes(c.not, `${where}.not`, out);
  else if (c.op === 'matches' && typeof c.value === 'string') checkRegex(c.value, undefined, `${where}.value`, out);
}

/** Re-exported so that the build can write dist/runbook.schema.json from the module it already loads. */
export { runbookJsonSchema } from './schema';
