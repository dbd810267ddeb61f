/**
 * The runbook model. The built-in plan (`runbooks/execution-failure.yaml`) and any user-written
 * runbook have this shape; everything plan-specific lives in the data, not here.
 */
import { z } from 'zod';
import { commandProblems } from './commandPolicy';

export const VERDICTS = ['pending', 'running', 'pass', 'fail', 'warn', 'inconclusive', 'error', 'skipped', 'done'] as const;
export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;

/** Verdicts a check can produce (the others are lifecycle states). */
export const CheckVerdict = z.enum(['pass', 'fail', 'warn', 'inconclusive', 'error', 'skipped']);
export type CheckVerdict = z.infer<typeof CheckVerdict>;

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.\-_]*$/, 'ids are letters, digits, dots, dashes and underscores');
const factName = z
  .string()
  .regex(/^\$?[A-Za-z_][A-Za-z0-9_.\-]*$/, 'fact names are dotted identifiers (a leading $ marks a probe-local fact)');
/** A fact value. Facts are plain scalars so that conditions, reports and diffs stay simple. */
export const FactValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type FactValue = z.infer<typeof FactValue>;

// ---------------------------------------------------------------- conditions

export const ConditionOp = z.enum([
  'eq', 'ne', 'lt', 'le', 'gt', 'ge', // comparisons (numbers compare numerically, else as strings)
  'in', 'notIn', // value is an array
  'matches', // value is a regular expression (string)
  'exists', 'missing', // value ignored: the fact is known / unknown
  'truthy', 'falsy',
]);
export type ConditionOp = z.infer<typeof ConditionOp>;

export const Comparison = z.object({
  fact: factName,
  op: ConditionOp,
  value: z.union([FactValue, z.array(FactValue)]).optional(),
}).strict();
export type Comparison = z.infer<typeof Comparison>;

/** `{fact, op, value}` or a combination with `all` / `any` / `not`. */
export type Condition = Comparison | { all: Condition[] } | { any: Condition[] } | { not: Condition };
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    Comparison,
    z.object({ all: z.array(Condition).min(1) }).strict(),
    z.object({ any: z.array(Condition).min(1) }).strict(),
    z.object({ not: Condition }).strict(),
  ]),
);

// ---------------------------------------------------------------- probes

/**
 * Strings in probes may hold placeholders: `${runner.flyApp}`, `${runner.url}`, `${runner.host}`,
 * `${router.url}`, `${router.host}`, `${router.flyApp}`, `${tool.flyctl}`, `${tool.psql}`,
 * `${env.name}`. Values are validated before substitution and always end up inside one argv
 * element (or one URL), never spliced into a shell string built by us.
 */
const templ = z.string().min(1);

export const ShellProbe = z.object({
  type: z.literal('shell'),
  /** argv[0] is usually `${tool.flyctl}` or `${tool.psql}`. */
  argv: z.array(templ).min(1),
  /** Extra environment variables for the process (placeholders allowed). */
  env: z.record(z.string(), z.string()).optional(),
  /** Pass the environment's database URL secret as PG* variables (never on the command line). */
  databaseCredentials: z.boolean().optional(),
  /** Where the command runs, shown to the user: "runner container", "this machine". */
  vantage: z.string().optional(),
}).strict()
  .superRefine((p, ctx) => {
    for (const problem of commandProblems(p.argv, p.env)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });

export const HttpProbe = z.object({
  type: z.literal('http'),
  method: z.enum(['GET', 'POST']).default('GET'),
  url: templ,
  headers: z.record(z.string(), z.string()).optional(),
  /** JSON body (POST); sent with `Content-Type: application/json`. */
  body: z.unknown().optional(),
  /** Send `Authorization: Bearer <admin token>` of the active environment (only to its runner URL). */
  auth: z.enum(['adminToken']).optional(),
  vantage: z.string().optional(),
}).strict();

export const DnsProbe = z.object({
  type: z.literal('dns'),
  host: templ,
  vantage: z.string().optional(),
}).strict();

export const MetricsProbe = z.object({
  type: z.literal('metrics'),
  url: templ,
  vantage: z.string().optional(),
}).strict();

export const LogsProbe = z.object({
  type: z.literal('logs'),
  /** Fly app whose logs are read with `flyctl logs -a <app> --no-tail`. */
  app: templ,
  json: z.boolean().optional(),
  vantage: z.string().optional(),
}).strict();

/**
 * A value in an imported command that stands for an environment field (the Fly app, a URL). The
 * command text is never rewritten: this is metadata, shown and checked against the environment.
 * `review` says why a person should look at it (a guess, or a value that differs from the environment).
 */
export const Placeholder = z.object({
  text: z.string().min(1),
  field: z.enum(['runner.flyApp', 'runner.url', 'router.url', 'router.flyApp', 'secret.databaseUrl', 'secret.adminToken', 'unknown']),
  review: z.string().optional(),
}).strict();
export type Placeholder = z.infer<typeof Placeholder>;

/**
 * A command block of an imported markdown runbook, run as `<shell> -c <script>` — only after the
 * user approved the runbook's commands (workspace trust, then a confirmation remembered by hash).
 */
export const ScriptProbe = z.object({
  type: z.literal('script'),
  shell: z.enum(['bash', 'sh', 'zsh']),
  /** The lines of the block exactly as written (comments too); for `console` blocks, the `$ ` lines. */
  script: z.string().min(1),
  placeholders: z.array(Placeholder).default([]),
  /** Set when the command changes the system (`flyctl secrets set`, a restart): never run as a check. */
  mutating: z.string().optional(),
  vantage: z.string().optional(),
}).strict();

export const Probe = z.discriminatedUnion('type', [ShellProbe, HttpProbe, DnsProbe, MetricsProbe, LogsProbe, ScriptProbe]);
export type Probe = z.infer<typeof Probe>;
export type ShellProbe = z.infer<typeof ShellProbe>;
export type HttpProbe = z.infer<typeof HttpProbe>;
export type DnsProbe = z.infer<typeof DnsProbe>;
export type MetricsProbe = z.infer<typeof MetricsProbe>;
export type LogsProbe = z.infer<typeof LogsProbe>;
export type ScriptProbe = z.infer<typeof ScriptProbe>;

// ---------------------------------------------------------------- expectations

/** What a step needs from the environment; missing → the step is `skipped` with the reason. */
export const Requirement = z.enum(['adminToken', 'databaseUrl', 'routerFlyApp', 'instrumentation']);
export type Requirement = z.infer<typeof Requirement>;


/**
 * Extractors turn a probe result into facts. Every probe also yields probe-local facts:
 * `$ok` (the probe ran), `$error` (why not: `ENOENT`, `timeout`, `ECONNREFUSED`, `ENOTFOUND`, …),
 * `$exitCode`, `$status` (HTTP), `$durationMs`, `$latencyMs`, `$contentType`.
 */
const valueType = z.enum(['string', 'number', 'boolean']).optional();
export const Extractor = z.union([
  z.object({
    /** First match of a regular expression over the output (normalised log lines for `logs`). */
    regex: z.string(),
    flags: z.string().regex(/^[imsu]*$/).optional(),
    /** Which capture group gives the value (default: 1 if present, else `true` when matched). */
    group: z.union([z.number().int().min(0), z.string()]).optional(),
    /** `first` (default), `last`, or `count` (number of matches, several on one line included). */
    mode: z.enum(['first', 'last', 'count']).optional(),
    from: z.enum(['output', 'stdout', 'stderr', 'body']).optional(),
    fact: factName,
    type: valueType,
    /** Value when nothing matched (default: the fact stays unknown; `count` gives 0). */
    otherwise: FactValue.optional(),
  }).strict(),
  z.object({
    /** Dotted path into a JSON body (`providers_healthy`, `failure.stage`, `items.0.name`). */
    json: z.string(),
    fact: factName,
    type: valueType,
    otherwise: FactValue.optional(),
  }).strict(),
  z.object({
    /** Apply every `logSignals` entry of the runbook to the normalised log lines. */
    logSignals: z.literal(true),
  }).strict(),
  z.object({
    /** Prometheus series by name (+ labels that must match); `sum` (default), `max`, `count`. */
    metric: z.string(),
    labels: z.record(z.string(), z.string()).optional(),
    agg: z.enum(['sum', 'max', 'count']).optional(),
    fact: factName,
    otherwise: FactValue.optional(),
  }).strict(),
]);
export type Extractor = z.infer<typeof Extractor>;

/**
 * A named pattern in runner or router logs (the plan's markers, the real incident's lines).
 * Shared by the logs checks and the log classifier, so both read logs the same way.
 * `count` facts count matching lines; `flag` facts are true when a line matches;
 * `value` facts take capture group 1 (or `group`) of the last matching line.
 */
export const LogSignal = z.object({
  fact: factName,
  label: z.string(),
  regex: z.string(),
  flags: z.string().regex(/^[imsu]*$/).optional(),
  /**
   * `count` matching lines, `flag` any matched, `value` a capture of the last one, `duration` the
   * median seconds each matching line took since the previous line with the same `key` field.
   */
  kind: z.enum(['count', 'flag', 'value', 'duration']),
  group: z.union([z.number().int().min(1), z.string()]).optional(),
  type: valueType,
  /** `duration`: the field that ties a line to its predecessor (default `job_id`). */
  key: z.string().optional(),
  /** Which logs: the runner's or the router's. */
  source: z.enum(['runner', 'router']).default('runner'),
}).strict();
export type LogSignal = z.infer<typeof LogSignal>;

/** A fact computed from other facts: `then` when the condition holds, `else` otherwise. */
export const Derivation = z.object({
  fact: factName,
  when: Condition,
  /** A literal, or `${fact:NAME}` to copy another fact's value (keeping its type). */
  then: FactValue,
  else: FactValue.optional(),
}).strict();
export type Derivation = z.infer<typeof Derivation>;

/**
 * The first rule whose condition holds decides the verdict. `reason` may use `${fact:NAME}`.
 * `facts` are set when the rule fires.
 */
export const Rule = z.object({
  when: Condition,
  verdict: CheckVerdict,
  reason: z.string(),
  facts: z.record(factName, FactValue).optional(),
}).strict();
export type Rule = z.infer<typeof Rule>;

export const Check = z.object({
  /** Unique within its step; shown as the sub-check label. */
  id: id,
  label: z.string(),
  probe: Probe,
  extract: z.array(Extractor).default([]),
  derive: z.array(Derivation).default([]),
  rules: z.array(Rule).default([]),
  /** Verdict when no rule fires. */
  otherwise: z.object({ verdict: CheckVerdict, reason: z.string() }).strict(),
  /** Per-check timeout override (seconds, at most a day); the user's own timeout still wins. */
  timeoutSeconds: z.number().positive().max(86_400).optional(),
  /** What this check needs from the environment; missing → `skipped` with the reason. */
  requires: z.array(Requirement).default([]),
  /**
   * An expectation no rule can read (imported plans): shown to the user, who gives the verdict.
   * The check is `inconclusive` until then.
   */
  judgeByHand: z.string().optional(),
}).strict();
export type Check = z.infer<typeof Check>;

// ---------------------------------------------------------------- steps

export const SNIPPET_IDS = ['0.3', '2.1', '2.2', '2.3', '2.4', '5.1', 'fix-g'] as const;
export const SnippetId = z.enum(SNIPPET_IDS);
export type SnippetId = z.infer<typeof SnippetId>;

export const Instrument = z.object({
  snippet: SnippetId,
  /** Human description of where it goes (the anchor is found in code by structure). */
  anchor: z.string(),
  note: z.string().optional(),
}).strict();


export const Step = z.object({
  id: id,
  title: z.string(),
  estimate: z.string().optional(),
  /** The plan's own words (markdown): what to do, the commands as the plan wrote them. */
  text: z.string(),
  expected: z.string().optional(),
  /** The plan's **If** lines. */
  ifLines: z.array(z.string()).default([]),
  /** Where the plan's command cannot work against the real system, and what we run instead. */
  corrections: z.array(z.string()).default([]),
  /** The step is an addition that is not in the plan (e.g. router-side checks). */
  addedBy: z.string().optional(),
  checks: z.array(Check).default([]),
  instrument: Instrument.optional(),
  /** A fix this step applies (id into `fixes`). */
  fix: id.optional(),
  manual: z.boolean().default(false),
  requires: z.array(Requirement).default([]),
  /** Steps whose facts this one needs first. */
  after: z.array(id).default([]),
  /** Code the plan shows with the step (imported `go` blocks); `anchor` names the code lens it matches. */
  code: z.array(z.object({ language: z.string(), text: z.string(), anchor: z.string().optional() }).strict()).default([]),
  /** The line of the markdown heading the step was imported from (1-based), for diagnostics. */
  sourceLine: z.number().int().positive().optional(),
}).strict()
  .refine((s) => s.checks.length > 0 || s.instrument || s.fix || s.manual, {
    message: 'a step needs at least one of: checks, instrument, fix, manual',
  });
export type Step = z.infer<typeof Step>;

/** A reference to something the plan mentions but never wrote down. */
export const MissingReference = z.object({ ref: z.string(), text: z.string() }).strict();

export const Phase = z.object({
  id: id,
  title: z.string(),
  estimate: z.string().optional(),
  text: z.string().default(''),
  steps: z.array(Step),
  sourceLine: z.number().int().positive().optional(),
  missing: z.array(MissingReference).default([]),
}).strict();
export type Phase = z.infer<typeof Phase>;

// ---------------------------------------------------------------- reasoning

export const Scenario = z.object({
  id: id,
  letter: z.string(),
  title: z.string(),
  rootCause: z.string(),
  fixText: z.string(),
  action: z.string(),
  cause: id,
  /** Where the facts show the plan's scenario cannot happen as written. */
  realityNote: z.string().optional(),
}).strict();
export type Scenario = z.infer<typeof Scenario>;

export const Evidence = z.object({
  /** Shown to the user: "HYBRID_BASE and HYBRID_ROUTER_URL are empty". */
  label: z.string(),
  when: Condition,
  /** Likelihood ratio: > 1 raises the cause, < 1 lowers it. */
  weight: z.number().positive(),
}).strict();
export type Evidence = z.infer<typeof Evidence>;

export const Cause = z.object({
  id: id,
  title: z.string(),
  /** What the plan calls it ("cause 1", "not in the plan"). */
  plan: z.string(),
  scenario: id.optional(),
  /** Prior probability 0–1; `null` for `healthy`, which is decided by the checks, not ranked. */
  prior: z.number().min(0).max(1).nullable(),
  fix: id.optional(),
  evidence: z.array(Evidence).default([]),
  /** The next step that discriminates this cause best when it leads but is not certain. */
  confirmWith: z.array(id).default([]),
  /**
   * The cause is "none of the others" (`unknown`): ×`weight` for each failed check that no known
   * cause whose evidence holds on balance explains (at most `max` of them), and nothing when some
   * known cause is supported. Its prior is not part of the known causes' sum of 1.
   */
  unexplained: z.object({ weight: z.number().gt(1), max: z.number().int().min(1).default(3) }).strict().optional(),
}).strict();
export type Cause = z.infer<typeof Cause>;

export const Fix = z.object({
  id: id,
  letter: z.string().optional(),
  title: z.string(),
  text: z.string(),
  kind: z.enum(['command', 'code', 'guidance']),
  argv: z.array(templ).optional(),
  /** What running it does to production, shown in the confirmation. */
  effect: z.string().optional(),
  undoArgv: z.array(templ).optional(),
  snippet: SnippetId.optional(),
  corrections: z.array(z.string()).default([]),
  /** Checks to re-run after applying. */
  rerun: z.array(id).default([]),
}).strict()
  .refine((f) => f.kind !== 'command' || (f.argv && f.argv.length > 0), { message: 'a command fix needs argv' })
  .superRefine((f, ctx) => {
    for (const [key, argv] of [['argv', f.argv], ['undoArgv', f.undoArgv]] as const) {
      if (!argv) continue;
      for (const problem of commandProblems(argv)) ctx.addIssue({ code: 'custom', path: [key, ...problem.path.slice(1)], message: problem.message });
    }
  })
  .refine((f) => f.kind !== 'code' || f.snippet, { message: 'a code fix names its snippet' });
export type Fix = z.infer<typeof Fix>;

export type DecisionNode = {
  id: string;
  question: string;
  /** Steps whose facts this node reads; the diagnosis runs them before evaluating it. */
  needs: string[];
  branches: DecisionBranch[];
};
export type DecisionBranch = {
  label: string;
  when: Condition;
  /** Another node id, or a leaf. */
  next?: string;
  cause?: string;
  scenario?: string;
  fix?: string;
  note?: string;
};
export const DecisionBranch: z.ZodType<DecisionBranch> = z.object({
  label: z.string(),
  when: Condition,
  next: id.optional(),
  cause: id.optional(),
  scenario: id.optional(),
  fix: id.optional(),
  note: z.string().optional(),
}).strict().refine((b) => !!b.next !== !!b.cause, { message: 'a branch has either `next` or `cause`' });
export const DecisionNode: z.ZodType<DecisionNode> = z.object({
  id: id,
  question: z.string(),
  needs: z.array(id).default([]),
  branches: z.array(DecisionBranch).min(1),
}).strict();

export const DecisionTree = z.object({
  root: id,
  /** The plan's tree as it drew it (text), shown beside the evaluated one. */
  planText: z.string(),
  nodes: z.array(DecisionNode).min(1),
  /** Branches of the plan's tree that cannot happen in this runner, and why. */
  impossible: z.array(z.object({ branch: z.string(), why: z.string() }).strict()).default([]),
}).strict();
export type DecisionTree = z.infer<typeof DecisionTree>;

export const SuccessCriterion = z.object({
  id: id,
  text: z.string(),
  /** Met when this condition holds on the run's facts. */
  when: Condition.optional(),
}).strict();
export type SuccessCriterion = z.infer<typeof SuccessCriterion>;

export const Runbook = z.object({
  schemaVersion: z.literal(1),
  id: id,
  title: z.string(),
  source: z.string().optional(),
  keyInsight: z.object({ title: z.string(), text: z.string(), correction: z.string().optional() }).strict(),
  /** May be empty in an imported plan without a checklist (the runbook as a whole needs a step). */
  quickWins: z.object({ title: z.string(), text: z.string(), steps: z.array(Step) }).strict(),
  phases: z.array(Phase),
  scenarios: z.array(Scenario).default([]),
  causes: z.array(Cause).default([]),
  fixes: z.array(Fix).default([]),
  decisionTree: DecisionTree.optional(),
  successCriteria: z.array(SuccessCriterion).default([]),
  expectedOutcomes: z.object({ text: z.string(), timeline: z.array(z.object({ phase: z.string(), estimate: z.string() }).strict()) }).strict().optional(),
  deployment: z.object({ text: z.string(), corrections: z.array(z.string()).default([]) }).strict().optional(),
  nextSteps: z.array(z.string()).default([]),
  /** Parts of an imported plan that are neither steps nor one of the parts above, kept as text. */
  sections: z.array(z.object({ title: z.string(), text: z.string(), sourceLine: z.number().int().positive().optional() }).strict()).default([]),
  logSignals: z.array(LogSignal).default([]),
  /**
   * The line a new boot of an app starts with (Fly prints it). Logs keep earlier boots' lines, so
   * log signals read only the lines since the last one — after a fix, the old failures are history.
   */
  logBoot: z.object({ regex: z.string(), flags: z.string().regex(/^[imsu]*$/).optional() }).strict().optional(),
  /** Preflight checks run before the first check of a run. */
  preflight: z.array(Check).default([]),
}).strict();
export type Runbook = z.infer<typeof Runbook>;
export type RunbookInput = z.input<typeof Runbook>;

/**
 * The runbook schema as JSON Schema (what a runbook file may contain, defaults optional), for the
 * editor's JSON / YAML validation. The build writes it to dist/runbook.schema.json.
 */
export function runbookJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Runbook, { io: 'input', unrepresentable: 'any' }),
    title: 'Beacon Debug runbook',
    description: 'A runbook for Beacon Debug (.beacon/runbooks/*.runbook.yaml): the same schema as the built-in Execution Failure Debug Plan.',
  };
}
