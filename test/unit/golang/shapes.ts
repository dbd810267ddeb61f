// Code shapes the plan's fixture lacks, as real runners write them: the runner created inside an
// if/else, inside a closure, in a helper returning it, two runners, a runner in a struct field,
// SetHybridClient in a nested if / else if / else, executeQuestion in a file of its own, receivers
// named otherwise. Go 1.19, no generics in the new code. Each shape says which steps it expects to
// be refused (and why) or offered a nearest point; every other step must insert.
import type { StepId } from '../../../src/golang/steps';
import { ANCHOR_FILES as F, must, renameInFunction } from './fixture';
import type { Variant } from './variants';

export interface Shape extends Variant {
  /** Steps that must not go in as the plan puts them: the reason they are refused or skipped. */
  expect: Partial<Record<StepId, RegExp>>;
  /** Steps refused with a nearest valid point that --nearest inserts (proven to build too). */
  nearest: StepId[];
  /** Where an anchor's file is, when the shape moves it. */
  files?: Partial<Record<'executeQuestion', string>>;
}

function edit(files: Map<string, string>, file: string, f: (t: string) => string): void {
  const t = files.get(file);
  if (t === undefined) throw new Error(`no ${file}`);
  files.set(file, f(t));
}

const IMPORTS = `import (
	"os"

	"github.com/gin-gonic/gin"
	"github.com/rs/zerolog"

	"github.com/beacon/runner-app/internal/hybrid"
	"github.com/beacon/runner-app/internal/worker"
)`;

const WIRING = (jr: string, indent: string) =>
  [
    `if os.Getenv("HYBRID_ROUTER_DISABLE") == "true" {`,
    `\tlogger.Info().Msg("Hybrid Router explicitly disabled via HYBRID_ROUTER_DISABLE=true")`,
    `} else if base != "" {`,
    `\t${jr}.SetHybridClient(hybrid.New(base))`,
    `\tlogger.Info().Str("hybrid_base", base).Msg("Hybrid Router enabled")`,
    `} else if os.Getenv("ENABLE_HYBRID_DEFAULT") == "1" {`,
    `\t${jr}.SetHybridClient(hybrid.New(defaultRouterURL))`,
    `} else {`,
    `\tlogger.Info().Msg("Hybrid Router disabled")`,
    `}`,
  ]
    .map((l) => indent + l)
    .join('\n');

const SERVE = `	r.GET("/health", func(c *gin.Context) {
		c.JSON(200, gin.H{"status": "healthy"})
	})
	addr := os.Getenv("PORT")
	if addr == "" {
		addr = ":8090"
	}
	if err := r.Run(addr); err != nil {
		logger.Fatal().Err(err).Msg("server stopped")
	}`;

function main(doc: string, body: string, extra = ''): string {
  return `// Command runner: ${doc}.
package main

${IMPORTS}

const defaultRouterURL = "https://project-beacon-production.up.railway.app"
${extra}
func main() {
	logger := zerolog.New(os.Stdout).With().Timestamp().Logger()
	base := os.Getenv("HYBRID_BASE")
${body}
}
`;
}

const RUNNER_IN_IF = main(
  'the job runner exists only when workers are enabled, created inside an if/else',
  `	var jobs gin.HandlerFunc
	if os.Getenv("WORKERS") != "off" {
		jr := worker.NewJobRunner(worker.NewGolemExecutor())
${WIRING('jr', '\t\t')}
		jobs = crossRegionHandler(jr)
	} else {
		jobs = func(c *gin.Context) { c.JSON(503, gin.H{"error": "workers are off"}) }
		logger.Info().Msg("workers off")
	}

	r := gin.New()
	r.POST("/api/v1/jobs/cross-region", jobs)
${SERVE}`,
);

const RUNNER_IN_CLOSURE = main(
  'the engine first, the runner made and wired by a closure',
  `	r := gin.New()
	start := func() *worker.JobRunner {
		jr := worker.NewJobRunner(worker.NewGolemExecutor())
${WIRING('jr', '\t\t')}
		return jr
	}
	jr := start()
	r.POST("/api/v1/jobs/cross-region", crossRegionHandler(jr))
${SERVE}`,
);

const RUNNER_HELPER = main(
  'a helper makes, wires and returns the runner',
  `	jr := newJobRunner(logger, base)

	r := gin.New()
	r.POST("/api/v1/jobs/cross-region", crossRegionHandler(jr))
${SERVE}`,
  `
// newJobRunner makes the runner and points it at the hybrid router when configured.
func newJobRunner(logger zerolog.Logger, base string) *worker.JobRunner {
	jr := worker.NewJobRunner(worker.NewGolemExecutor())
${WIRING('jr', '\t')}
	return jr
}
`,
);

const TWO_RUNNERS = main(
  'two runners (interactive and batch), both wired',
  `	jr := worker.NewJobRunner(worker.NewGolemExecutor())
	batch := worker.NewJobRunner(worker.NewGolemExecutor())
	if base != "" {
		jr.SetHybridClient(hybrid.New(base))
		batch.SetHybridClient(hybrid.New(base))
	}

	r := gin.New()
	r.POST("/api/v1/jobs/cross-region", crossRegionHandler(jr))
	r.POST("/api/v1/jobs/batch/cross-region", crossRegionHandler(batch))
${SERVE}`,
);

const RUNNER_IN_STRUCT = main(
  'the runner stored in a field of the server',
  `	app := &server{}
	app.runner = worker.NewJobRunner(worker.NewGolemExecutor())
${WIRING('app.runner', '\t')}

	r := gin.New()
	r.POST("/api/v1/jobs/cross-region", crossRegionHandler(app.runner))
${SERVE}`,
  `
type server struct {
	runner *worker.JobRunner
}
`,
);

const NESTED_WIRING = main(
  'SetHybridClient in a nested if / else if / else',
  `	jr := worker.NewJobRunner(worker.NewGolemExecutor())
	if os.Getenv("HYBRID_ROUTER_DISABLE") != "true" {
		if base != "" {
			jr.SetHybridClient(hybrid.New(base))
		} else if os.Getenv("ENABLE_HYBRID_DEFAULT") == "1" {
			jr.SetHybridClient(hybrid.New(defaultRouterURL))
		} else {
			logger.Info().Msg("Hybrid Router disabled")
		}
	} else {
		logger.Info().Msg("Hybrid Router explicitly disabled")
	}

	r := gin.New()
	r.POST("/api/v1/jobs/cross-region", crossRegionHandler(jr))
${SERVE}`,
);

const WIRED_LATER = main(
  'the runner wired from a goroutine once the router answers',
  `	jr := worker.NewJobRunner(worker.NewGolemExecutor())
	go func() {
		if base != "" {
			jr.SetHybridClient(hybrid.New(base))
		}
	}()

	r := gin.New()
	r.POST("/api/v1/jobs/cross-region", crossRegionHandler(jr))
${SERVE}`,
);

const ENGINE_IN_BLOCK = main(
  'the HTTP server set up in a block of its own, after the wiring',
  `	jr := worker.NewJobRunner(worker.NewGolemExecutor())
	if base != "" {
		jr.SetHybridClient(hybrid.New(base))
	}
	if os.Getenv("HTTP") != "off" {
		r := gin.New()
		r.POST("/api/v1/jobs/cross-region", crossRegionHandler(jr))
	${SERVE.split('\n').join('\n\t')}
	}`,
);

/** executeQuestion (and nothing else) moved into a file of its own; types and imports stay in job_runner.go. */
function splitExecuteQuestion(files: Map<string, string>): void {
  const t = files.get(F.worker)!;
  const start = t.indexOf('// executeQuestion runs one question');
  const end = t.indexOf('// filterModels is generic on purpose');
  if (start < 0 || end < 0) throw new Error('executeQuestion not found to split');
  const method = t.slice(start, end);
  const rest = t.slice(0, start) + t.slice(end);
  files.set(F.worker, must(rest, '\t"github.com/beacon/runner-app/internal/logging"\n', ''));
  files.set(
    'internal/worker/execute_question.go',
    `package worker

import (
	"context"
	"time"

	"github.com/beacon/runner-app/internal/logging"
	"github.com/beacon/runner-app/internal/models"
)

${method.trimEnd()}
`,
  );
}

export const SHAPES: Shape[] = [
  {
    name: 'runner-in-if',
    what: 'the runner is created and wired inside an if/else that ends before the gin engine exists',
    gofmtClean: true,
    apply: (files) => files.set(F.main, RUNNER_IN_IF),
    expect: { '0.3': /the job runner jr is declared in a block that ends at line \d+, and the gin engine r \(line \d+\) is not in scope there/ },
    nearest: [],
  },
  {
    name: 'runner-in-closure',
    what: 'the runner is created and wired inside a closure that returns it',
    gofmtClean: true,
    apply: (files) => files.set(F.main, RUNNER_IN_CLOSURE),
    expect: {},
    nearest: [],
  },
  {
    name: 'runner-helper',
    what: 'a helper function creates, wires and returns the runner',
    gofmtClean: true,
    apply: (files) => files.set(F.main, RUNNER_HELPER),
    expect: { '0.3': /no gin engine \(gin\.New\(\) \/ gin\.Default\(\)\) is declared in newJobRunner/ },
    nearest: [],
  },
  {
    name: 'two-runners',
    what: 'two runners wired in the same if',
    gofmtClean: true,
    apply: (files) => files.set(F.main, TWO_RUNNERS),
    expect: {},
    nearest: [],
  },
  {
    name: 'runner-in-struct',
    what: 'the runner is a field of a struct (app.runner)',
    gofmtClean: true,
    apply: (files) => files.set(F.main, RUNNER_IN_STRUCT),
    expect: {},
    nearest: [],
  },
  {
    name: 'nested-wiring',
    what: 'SetHybridClient in a nested if / else if / else',
    gofmtClean: true,
    apply: (files) => files.set(F.main, NESTED_WIRING),
    expect: {},
    nearest: [],
  },
  {
    name: 'wired-later',
    what: 'SetHybridClient called from a goroutine: after the go statement the wiring may not have happened',
    gofmtClean: true,
    apply: (files) => files.set(F.main, WIRED_LATER),
    expect: {
      '0.3': /SetHybridClient is called on line \d+ inside a function literal \(lines \d+–\d+\) that may run after line \d+; insert it inside that function instead\?/,
      'fix-g': /SetHybridClient is called on line \d+ inside a function literal \(lines \d+–\d+\) that may run after line \d+; insert it inside that function instead\?/,
    },
    nearest: ['fix-g'],
  },
  {
    name: 'engine-in-block',
    what: 'the gin engine is declared in a block nested after the wiring',
    gofmtClean: true,
    apply: (files) => files.set(F.main, ENGINE_IN_BLOCK),
    expect: { '0.3': /the gin engine r is declared in a block that ends at line \d+; insert it inside that block instead\?/ },
    nearest: ['0.3'],
  },
  {
    name: 'split-files',
    what: 'executeQuestion in a file of its own (execute_question.go); its types and other imports in job_runner.go',
    gofmtClean: true,
    apply: splitExecuteQuestion,
    expect: {},
    nearest: [],
    files: { executeQuestion: 'internal/worker/execute_question.go' },
  },
  {
    name: 'receivers',
    what: 'receivers named otherwise: jr for JobRunner, executor for HybridExecutor, client for Client',
    gofmtClean: true,
    apply(files) {
      edit(files, F.worker, (t) => must(t, 'func (w *JobRunner) executeQuestion(', 'func (jr *JobRunner) executeQuestion('));
      edit(files, F.hybridExecutor, (t) => renameInFunction(must(t, 'func (h *HybridExecutor) Execute(', 'func (executor *HybridExecutor) Execute('), 'func (executor *HybridExecutor) Execute(', { h: 'executor' }));
      edit(files, F.client, (t) => renameInFunction(must(t, 'func (c *Client) RunInference(', 'func (client *Client) RunInference('), 'func (client *Client) RunInference(', { c: 'client' }));
    },
    expect: {},
    nearest: [],
  },
];
