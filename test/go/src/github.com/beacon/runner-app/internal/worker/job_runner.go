// Package worker runs jobs: every question of every model in every region.
package worker

import (
	"context"
	"sync"
	"time"

	"github.com/beacon/runner-app/internal/hybrid"
	"github.com/beacon/runner-app/internal/logging"
	"github.com/beacon/runner-app/internal/models"
)

// Executor runs one single-question spec in one region.
type Executor interface {
	Execute(ctx context.Context, spec *models.JobSpec, region string) (providerID string, status string, outputJSON []byte, receiptJSON []byte, err error)
}

// ExecutionResult is one question's outcome. The caller counts a result as a
// success unless Status is "failed".
type ExecutionResult struct {
	ID          string
	JobID       string
	Region      string
	ProviderID  string
	Status      string
	ModelID     string
	QuestionID  string
	OutputJSON  []byte
	ReceiptJSON []byte
	Error       error
	StartedAt   time.Time
	CompletedAt time.Time
	Duration    time.Duration
}

// JobRunner owns the executor. SetHybridClient switches it to the hybrid router.
type JobRunner struct {
	Executor Executor
	Hybrid   *hybrid.Client

	mu       sync.Mutex
	inFlight int
}

// NewJobRunner returns a runner that uses executor until SetHybridClient is called.
func NewJobRunner(executor Executor) *JobRunner {
	return &JobRunner{Executor: executor}
}

// SetHybridClient makes the runner execute through the hybrid router.
func (w *JobRunner) SetHybridClient(c *hybrid.Client) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.Hybrid = c
	if c != nil {
		w.Executor = NewHybridExecutor(c)
	}
}

// RunJob executes every question of spec for every model in every region, in turn.
func (w *JobRunner) RunJob(ctx context.Context, jobID string, spec *models.JobSpec) []ExecutionResult {
	var results []ExecutionResult
	for _, region := range spec.Regions {
		for _, m := range spec.Models {
			for _, q := range spec.Questions {
				results = append(results, w.executeQuestion(ctx, jobID, spec, region, m.ID, q, w.Executor))
			}
		}
	}
	return results
}

// CountFailed is how the runner decides a job failed: by Status only.
func CountFailed(results []ExecutionResult) int {
	n := 0
	for _, r := range results {
		if r.Status == "failed" {
			n++
		}
	}
	return n
}

/*
A note for readers: the old signature was
	func (w *JobRunner) executeQuestion(ctx context.Context) ExecutionResult {
and it is kept here only as a comment; "func" and braces in comments are not code.
*/

// executeQuestion runs one question of one model in one region.
// Example in a comment: func (w *JobRunner) executeQuestion() { executor.Execute(ctx) }
func (w *JobRunner) executeQuestion(ctx context.Context, jobID string, spec *models.JobSpec, region string, modelID string, questionID string, executor Executor) ExecutionResult {
	l := logging.FromContext(ctx)
	regionStart := time.Now()

	braces := "func executeQuestion() { executor.Execute( }"
	raw := `func (w *JobRunner) executeQuestion() {
	}`
	open, close := '{', '}'
	_, _, _, _ = braces, raw, open, close

	// Each question runs on its own copy of the spec { questions: [questionID] }.
	singleQuestionSpec := *spec
	singleQuestionSpec.Questions = []string{questionID}
	singleQuestionSpec.Models = filterModels(spec.Models, func(m models.ModelSpec) bool { return m.ID == modelID })

	providerID, status, outputJSON, receiptJSON, err := executor.Execute(ctx, &singleQuestionSpec, region)
	completed := time.Now()
	if err != nil {
		l.Error().Err(err).Str("job_id", jobID).Str("region", region).Msg("question execution failed")
		return ExecutionResult{
			JobID:       jobID,
			Region:      region,
			ProviderID:  providerID,
			Status:      "failed",
			ModelID:     modelID,
			QuestionID:  questionID,
			Error:       err,
			StartedAt:   regionStart.UTC(),
			CompletedAt: completed.UTC(),
			Duration:    completed.Sub(regionStart),
		}
	}
	return ExecutionResult{
		JobID:       jobID,
		Region:      region,
		ProviderID:  providerID,
		Status:      status,
		ModelID:     modelID,
		QuestionID:  questionID,
		OutputJSON:  outputJSON,
		ReceiptJSON: receiptJSON,
		StartedAt:   regionStart.UTC(),
		CompletedAt: completed.UTC(),
		Duration:    completed.Sub(regionStart),
	}
}

// filterModels is generic on purpose: type parameters elsewhere in the file.
func filterModels[T any](in []T, keep func(T) bool) []T {
	var out []T
	for _, v := range in {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}
