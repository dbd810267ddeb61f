// Fixture variants, generated from the committed base app: every way the real runner's code could
// differ from what the plan assumed. Each edit fails loudly if the base text it expects is missing.
import { ANCHOR_FILES as F, must, renameInFunction } from './fixture';

export interface Variant {
  name: string;
  what: string;
  /** Turns the base app's files into this variant's files. */
  apply(files: Map<string, string>): void;
  /** The anchor files are gofmt-clean (then they must stay clean once instrumented). */
  gofmtClean: boolean;
}

const EQ_HEADER = 'func (w *JobRunner) executeQuestion(';
const HE_HEADER = 'func (h *HybridExecutor) Execute(';
const RI_HEADER = 'func (c *Client) RunInference(';
const ANCHORS = Object.values(F);

function edit(files: Map<string, string>, file: string, f: (t: string) => string): void {
  const t = files.get(file);
  if (t === undefined) throw new Error(`no ${file}`);
  files.set(file, f(t));
}

const NOLOGGER_MAIN = `// Command runner, a variant with the standard log package instead of zerolog.
package main

import (
	"log"
	"os"

	"github.com/gin-gonic/gin"

	"github.com/beacon/runner-app/internal/hybrid"
	"github.com/beacon/runner-app/internal/worker"
)

func main() {
	engine := gin.Default()
	jr := worker.NewJobRunner(worker.NewGolemExecutor())
	if base := os.Getenv("HYBRID_BASE"); base != "" {
		jr.SetHybridClient(hybrid.New(base))
		log.Printf("Hybrid Router enabled hybrid_base=%s", base)
	}
	engine.GET("/health", func(c *gin.Context) {
		c.JSON(200, gin.H{"status": "healthy"})
	})
	engine.POST("/api/v1/jobs/cross-region", crossRegionHandler(jr))
	addr := os.Getenv("PORT")
	if addr == "" {
		addr = ":8090"
	}
	if err := engine.Run(addr); err != nil {
		log.Fatal(err)
	}
}
`;

export const VARIANTS: Variant[] = [
  { name: 'base', what: 'the committed fixture: tabs, LF, plan-like names, generics, braces in strings/runes/comments', apply: () => {}, gofmtClean: true },
  {
    name: 'renamed',
    what: 'other receiver and parameter names (the plan’s e for HybridExecutor, exec, reqCtx, jobSpec…), engine := gin.Default()',
    gofmtClean: true,
    apply(files) {
      edit(files, F.worker, (t) =>
        renameInFunction(must(t, EQ_HEADER, 'func (runner *JobRunner) executeQuestion('), 'func (runner *JobRunner) executeQuestion(', {
          ctx: 'reqCtx',
          jobID: 'id',
          spec: 'jobSpec',
          modelID: 'model',
          questionID: 'qid',
          executor: 'exec',
          l: 'log',
        }),
      );
      edit(files, F.hybridExecutor, (t) =>
        renameInFunction(must(t, HE_HEADER, 'func (e *HybridExecutor) Execute('), 'func (e *HybridExecutor) Execute(', { h: 'e', ctx: 'c', spec: 'js', region: 'reg' }),
      );
      edit(files, F.client, (t) => renameInFunction(must(t, RI_HEADER, 'func (hc *Client) RunInference('), 'func (hc *Client) RunInference(', { c: 'hc', ctx: 'rctx', req: 'request' }));
      edit(files, F.main, (t) => {
        t = must(t, 'r := gin.New()', 'engine := gin.Default()');
        t = must(t, /\br\.(GET|POST|Run)\(/g, 'engine.$1(');
        t = must(t, /\bregister(Observability|Admin)\(r\)/g, 'register$1(engine)');
        t = must(t, /\bjr\b/g, 'runner');
        return must(t, /\blogger\b/g, 'lg');
      });
    },
  },
  {
    name: 'results',
    what: 'executeQuestion with a named result and ExecutionResult.Error a string; HybridExecutor.Execute with unnamed results; RunInference with named results',
    gofmtClean: true,
    apply(files) {
      edit(files, F.worker, (t) => {
        t = must(t, 'executor Executor) ExecutionResult {', 'executor Executor) (res ExecutionResult) {');
        t = must(t, '\tError       error\n', '\tError       string\n');
        return must(t, 'Error:       err,', 'Error:       err.Error(),');
      });
      edit(files, F.hybridExecutor, (t) => {
        t = must(t, '(providerID, status string, outputJSON, receiptJSON []byte, err error) {', '(string, string, []byte, []byte, error) {');
        t = must(t, 'outputJSON, err = json.Marshal', 'outputJSON, err := json.Marshal');
        return must(t, 'receiptJSON, err = json.Marshal', 'receiptJSON, err := json.Marshal');
      });
      edit(files, F.client, (t) => must(t, 'req InferenceRequest) (*InferenceResponse, error) {', 'req InferenceRequest) (out *InferenceResponse, err error) {'));
    },
  },
  {
    name: 'spaces',
    what: 'indented with four spaces instead of tabs',
    gofmtClean: false,
    apply(files) {
      for (const f of ANCHORS) edit(files, f, (t) => t.replace(/^\t+/gm, (m) => '    '.repeat(m.length)));
    },
  },
  {
    name: 'crlf',
    what: 'CRLF line endings',
    gofmtClean: false,
    apply(files) {
      for (const f of ANCHORS) edit(files, f, (t) => t.replace(/\n/g, '\r\n'));
    },
  },
  {
    name: 'multiline',
    what: 'signatures over several lines, a multi-line SetHybridClient call; executionStart / executionEnd / executionDuration already around the executor call',
    gofmtClean: true,
    apply(files) {
      edit(files, F.worker, (t) => {
        t = must(
          t,
          '\tproviderID, status, outputJSON, receiptJSON, err := executor.Execute(ctx, &singleQuestionSpec, region)\n\tcompleted := time.Now()\n',
          '\texecutionStart := time.Now()\n\tproviderID, status, outputJSON, receiptJSON, err := executor.Execute(ctx, &singleQuestionSpec, region)\n\texecutionEnd := time.Now()\n\texecutionDuration := executionEnd.Sub(executionStart)\n\tcompleted := time.Now()\n',
        );
        return must(t, 'Duration:    completed.Sub(regionStart),', 'Duration:    executionDuration,');
      });
      edit(files, F.worker, (t) =>
        must(
          t,
          'func (w *JobRunner) executeQuestion(ctx context.Context, jobID string, spec *models.JobSpec, region string, modelID string, questionID string, executor Executor) ExecutionResult {',
          'func (w *JobRunner) executeQuestion(\n\tctx context.Context,\n\tjobID string,\n\tspec *models.JobSpec,\n\tregion string,\n\tmodelID string,\n\tquestionID string,\n\texecutor Executor,\n) ExecutionResult {',
        ),
      );
      edit(files, F.hybridExecutor, (t) =>
        must(
          t,
          'Execute(ctx context.Context, spec *models.JobSpec, region string) (providerID, status string, outputJSON, receiptJSON []byte, err error) {',
          'Execute(\n\tctx context.Context,\n\tspec *models.JobSpec,\n\tregion string,\n) (\n\tproviderID, status string,\n\toutputJSON, receiptJSON []byte,\n\terr error,\n) {',
        ),
      );
      edit(files, F.client, (t) =>
        must(t, 'RunInference(ctx context.Context, req InferenceRequest) (*InferenceResponse, error) {', 'RunInference(\n\tctx context.Context,\n\treq InferenceRequest,\n) (*InferenceResponse, error) {'),
      );
      edit(files, F.main, (t) => must(t, '\t\tjr.SetHybridClient(hybrid.New(base))\n', '\t\tjr.SetHybridClient(\n\t\t\thybrid.New(base),\n\t\t)\n'));
    },
  },
  {
    name: 'comments',
    what: 'comments and strings that contain func, braces and the anchor names; decoy methods on other receivers',
    gofmtClean: true,
    apply(files) {
      edit(files, F.worker, (t) => {
        t = must(
          t,
          '// executeQuestion runs one question',
          '// replayRunner has an executeQuestion too: not the anchor.\ntype replayRunner struct{}\n\nfunc (r *replayRunner) executeQuestion(ctx context.Context, executor Executor) ExecutionResult {\n\t_, _, _, _, err := executor.Execute(ctx, nil, "{")\n\treturn ExecutionResult{Error: err}\n}\n\n// func (w *JobRunner) executeQuestion(ctx) { executor.Execute(ctx) }\n// executeQuestion runs one question',
        );
        t = must(t, 'executor Executor) ExecutionResult {\n', 'executor Executor) ExecutionResult { // { func executeQuestion\n');
        t = must(t, '\tproviderID, status, outputJSON, receiptJSON, err := executor.Execute(ctx, &singleQuestionSpec, region)\n', '\t/* executor.Execute(ctx, nil, "") } */\n\tproviderID, status, outputJSON, receiptJSON, err := executor.Execute(ctx, &singleQuestionSpec, region) // returns { fast }\n');
        return t;
      });
      edit(files, F.hybridExecutor, (t) => {
        t = must(t, '// Execute runs the spec', '// func (h *HybridExecutor) Execute() {}\n// Execute runs the spec');
        return must(t, 'err error) {\n', 'err error) {\n\t// HybridExecutor.Execute { starts here\n');
      });
      edit(files, F.client, (t) => {
        t = must(t, 'RunInference(ctx context.Context, req InferenceRequest)', 'RunInference(ctx context.Context /* func { */, req InferenceRequest)');
        return must(t, '// inferencePaths are tried', '// mockClient.RunInference is not the anchor: wrong receiver.\ntype mockClient struct{}\n\nfunc (m *mockClient) RunInference() string { return "func (c *Client) RunInference() {" }\n\n// inferencePaths are tried');
      });
      edit(files, F.main, (t) => {
        t = must(t, '\tbase := os.Getenv("HYBRID_BASE")\n', '\t// jr.SetHybridClient(nil) in a comment {\n\t/* jr.SetHybridClient(hybrid.New("x")) } */\n\t_ = "jr.SetHybridClient(" + `}`\n\tbase := os.Getenv("HYBRID_BASE")\n');
        return t;
      });
    },
  },
  {
    name: 'nologger',
    what: 'no logger variable before the call in executeQuestion; a main with the standard log package and the engine made before the wiring',
    gofmtClean: true,
    apply(files) {
      edit(files, F.worker, (t) => {
        t = must(t, '\tl := logging.FromContext(ctx)\n\tregionStart', '\tregionStart');
        return must(t, '\t\tl.Error().Err(err)', '\t\tlg := logging.FromContext(ctx)\n\t\tlg.Error().Err(err)');
      });
      files.set(F.main, NOLOGGER_MAIN);
    },
  },
  {
    name: 'unclean',
    what: 'not gofmt-formatted: odd spacing in signatures, calls and result lists',
    gofmtClean: false,
    apply(files) {
      edit(files, F.worker, (t) => {
        t = must(t, 'func (w *JobRunner) executeQuestion(ctx context.Context, jobID string,', 'func (w *JobRunner)  executeQuestion(ctx context.Context,jobID string,');
        t = must(t, 'executor Executor) ExecutionResult {', 'executor Executor)  ExecutionResult{');
        return must(t, 'executor.Execute(ctx, &singleQuestionSpec, region)', 'executor.Execute(ctx,&singleQuestionSpec, region)');
      });
      edit(files, F.client, (t) => must(t, 'req InferenceRequest) (*InferenceResponse, error) {', 'req InferenceRequest) ( *InferenceResponse,error ){'));
      edit(files, F.main, (t) => must(t, '\tr := gin.New()\n', '\tr := gin.New( )\n'));
    },
  },
];
