//go:build beacon_instrumented

// Behaviour of the instrumentation steps 2.1, 2.2, 2.3 and 5.1. These tests only build in a copy of
// this package that Beacon Debug has instrumented (`go test -tags beacon_instrumented`).
package worker

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/beacon/runner-app/internal/hybrid"
	"github.com/beacon/runner-app/internal/logging"
	"github.com/beacon/runner-app/internal/models"
)

// logSink collects zerolog JSON lines; goroutines (the 5.1 watcher) write to it too.
type logSink struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *logSink) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *logSink) lines() []map[string]interface{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []map[string]interface{}
	for _, line := range strings.Split(strings.TrimSpace(s.buf.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]interface{}
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			panic(fmt.Sprintf("not a zerolog JSON line: %q", line))
		}
		out = append(out, m)
	}
	return out
}

// withMessage returns the lines whose message contains part.
func (s *logSink) withMessage(part string) []map[string]interface{} {
	var out []map[string]interface{}
	for _, m := range s.lines() {
		if msg, _ := m["message"].(string); strings.Contains(msg, part) {
			out = append(out, m)
		}
	}
	return out
}

func capture(ctx context.Context) (context.Context, *logSink) {
	sink := &logSink{}
	return logging.WithLogger(ctx, zerolog.New(sink)), sink
}

func testSpec() *models.JobSpec {
	return &models.JobSpec{ID: "job-1", Questions: []string{"q1", "q2"}, Models: []models.ModelSpec{{ID: "llama3.2-1b"}}, Regions: []string{"us-east"}}
}

type panickyExecutor struct{}

func (panickyExecutor) Execute(ctx context.Context, spec *models.JobSpec, region string) (string, string, []byte, []byte, error) {
	panic("boom from executor")
}

// derefExecutor dereferences its receiver: a typed nil panics if it is ever called.
type derefExecutor struct{ calls int }

func (d *derefExecutor) Execute(ctx context.Context, spec *models.JobSpec, region string) (string, string, []byte, []byte, error) {
	d.calls++
	return "modal-us-east", "completed", []byte(`{"response":"ok"}`), []byte(`{}`), nil
}

type fastFailingExecutor struct{}

func (fastFailingExecutor) Execute(ctx context.Context, spec *models.JobSpec, region string) (string, string, []byte, []byte, error) {
	return "modal-us-east", "failed", nil, nil, errors.New("No healthy providers available")
}

// blockingExecutor returns only when its context is done.
type blockingExecutor struct{ started chan struct{} }

func (b blockingExecutor) Execute(ctx context.Context, spec *models.JobSpec, region string) (string, string, []byte, []byte, error) {
	close(b.started)
	<-ctx.Done()
	return "", "failed", nil, nil, ctx.Err()
}

func run(ctx context.Context, e Executor) ExecutionResult {
	w := NewJobRunner(e)
	return w.executeQuestion(ctx, "job-1", testSpec(), "us-east", "llama3.2-1b", "q1", e)
}

// 2.1: a recovered panic is logged with its stack and yields a failed result the caller counts as failed.
func TestPanicBecomesFailedResult(t *testing.T) {
	ctx, sink := capture(context.Background())
	res := run(ctx, panickyExecutor{})
	if res.Status != "failed" {
		t.Fatalf("status after a panic = %q, want failed", res.Status)
	}
	if !strings.Contains(fmt.Sprint(res.Error), "boom from executor") {
		t.Fatalf("error after a panic = %v, want the panic value", res.Error)
	}
	if CountFailed([]ExecutionResult{res}) != 1 {
		t.Fatalf("the caller does not count the recovered panic as a failure")
	}
	lines := sink.withMessage("PANIC RECOVERED in executeQuestion")
	if len(lines) != 1 {
		t.Fatalf("recovery log lines = %d, want 1; log:\n%s", len(lines), sink.buf.String())
	}
	if stack, _ := lines[0]["stack"].(string); !strings.Contains(stack, "panickyExecutor") || !strings.Contains(stack, "goroutine") {
		t.Fatalf("recovery line carries no stack: %v", lines[0])
	}
	if lines[0]["job_id"] != "job-1" || lines[0]["panic"] != "boom from executor" {
		t.Fatalf("recovery line fields: %v", lines[0])
	}
}

// 2.1: a typed nil executor is caught before it is called.
func TestTypedNilExecutorFails(t *testing.T) {
	ctx, sink := capture(context.Background())
	var typedNil *derefExecutor
	res := run(ctx, typedNil)
	if res.Status != "failed" || !strings.Contains(fmt.Sprint(res.Error), "executor is nil") {
		t.Fatalf("typed nil executor: error %v", res.Error)
	}
	if len(sink.withMessage("CRITICAL: executor is NIL!")) != 1 {
		t.Fatalf("no CRITICAL nil-executor line; log:\n%s", sink.buf.String())
	}
	if len(sink.withMessage("PANIC RECOVERED")) != 0 {
		t.Fatalf("the typed nil reached Execute and panicked; log:\n%s", sink.buf.String())
	}
}

// 2.1: an untyped nil executor too.
func TestNilExecutorFails(t *testing.T) {
	ctx, sink := capture(context.Background())
	res := run(ctx, nil)
	if res.Status != "failed" || !strings.Contains(fmt.Sprint(res.Error), "executor is nil") {
		t.Fatalf("nil executor: status %q error %v", res.Status, res.Error)
	}
	entry := sink.withMessage("TRACE: executeQuestion ENTRY")
	if len(entry) != 1 || entry[0]["executor_nil"] != true {
		t.Fatalf("entry trace: %v", entry)
	}
}

// 2.2: entry and return traces, the SUSPICIOUS warning under 100 ms, with job_id.
func TestExecutorCallTrace(t *testing.T) {
	ctx, sink := capture(context.Background())
	exec := &derefExecutor{}
	res := run(ctx, exec)
	if res.Status != "completed" || exec.calls != 1 {
		t.Fatalf("a working executor: status %q, calls %d", res.Status, exec.calls)
	}
	calling := sink.withMessage("TRACE: Calling executor.Execute()")
	if len(calling) != 1 || calling[0]["job_id"] != "job-1" || calling[0]["num_questions"] != float64(1) {
		t.Fatalf("entry trace: %v", calling)
	}
	returned := sink.withMessage("TRACE: executor.Execute() RETURNED")
	if len(returned) != 1 {
		t.Fatalf("return trace lines = %d; log:\n%s", len(returned), sink.buf.String())
	}
	r := returned[0]
	if r["status"] != "completed" || r["provider_id"] != "modal-us-east" || r["output_len"] != float64(len(`{"response":"ok"}`)) || r["has_error"] != false {
		t.Fatalf("return trace fields: %v", r)
	}
	if _, ok := r["duration_ms"]; !ok {
		t.Fatalf("return trace has no duration: %v", r)
	}
	sus := sink.withMessage("SUSPICIOUS")
	if len(sus) != 1 || sus[0]["job_id"] != "job-1" || sus[0]["level"] != "warn" {
		t.Fatalf("SUSPICIOUS warning: %v", sus)
	}

	ctx2, sink2 := capture(context.Background())
	res2 := run(ctx2, fastFailingExecutor{})
	if res2.Status != "failed" {
		t.Fatalf("failing executor status %q", res2.Status)
	}
	ret := sink2.withMessage("TRACE: executor.Execute() RETURNED")
	if len(ret) != 1 || ret[0]["has_error"] != true || ret[0]["error"] != "No healthy providers available" {
		t.Fatalf("return trace of a failing call: %v", ret)
	}
}

func goroutinesSettleTo(baseline int, deadline time.Duration) (int, bool) {
	end := time.Now().Add(deadline)
	for {
		n := runtime.NumGoroutine()
		if n <= baseline {
			return n, true
		}
		if time.Now().After(end) {
			return n, false
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// 5.1: normal finishes leave no goroutine behind and log nothing, even when the context is
// cancelled afterwards (as every job context eventually is).
func TestWatcherNoLeakNoFalseAlarm(t *testing.T) {
	if n, ok := goroutinesSettleTo(runtime.NumGoroutine(), time.Second); !ok {
		t.Logf("goroutines still settling before the test: %d", n)
	}
	baseline := runtime.NumGoroutine()
	parent, sink := capture(context.Background())
	for i := 0; i < 50; i++ {
		ctx, cancel := context.WithCancel(parent)
		res := run(ctx, &derefExecutor{})
		cancel()
		if res.Status != "completed" {
			t.Fatalf("run %d: status %q", i, res.Status)
		}
	}
	if n, ok := goroutinesSettleTo(baseline, 5*time.Second); !ok {
		t.Fatalf("goroutines: %d after 50 calls, baseline %d: the watcher leaks", n, baseline)
	}
	if got := sink.withMessage("Context cancelled during execution"); len(got) != 0 {
		t.Fatalf("false cancellation alarm after normal finishes: %v", got)
	}
}

// 5.1: a cancellation while the call runs is logged, once.
func TestWatcherLogsRealCancellation(t *testing.T) {
	baseline := runtime.NumGoroutine()
	parent, sink := capture(context.Background())
	ctx, cancel := context.WithCancel(parent)
	started := make(chan struct{})
	done := make(chan ExecutionResult)
	go func() { done <- run(ctx, blockingExecutor{started: started}) }()
	<-started
	cancel()
	res := <-done
	if res.Status != "failed" {
		t.Fatalf("cancelled call status %q", res.Status)
	}
	got := sink.withMessage("Context cancelled during execution")
	if len(got) != 1 || got[0]["job_id"] != "job-1" || got[0]["error"] != "context canceled" {
		t.Fatalf("cancellation lines: %v; log:\n%s", got, sink.buf.String())
	}
	if n, ok := goroutinesSettleTo(baseline, 5*time.Second); !ok {
		t.Fatalf("goroutines: %d, baseline %d", n, baseline)
	}
}

// 2.3: the entry trace in HybridExecutor.Execute, and a failed result for a nil client.
func TestHybridExecutorTrace(t *testing.T) {
	router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"success":true,"response":"hi","provider_used":"modal-us-east","inference_time":0.5}`)
	}))
	defer router.Close()
	ctx, sink := capture(context.Background())
	h := NewHybridExecutor(hybrid.New(router.URL))
	_, status, out, _, err := h.Execute(ctx, testSpec(), "us-east")
	if err != nil || status != "completed" || len(out) == 0 {
		t.Fatalf("hybrid execute: %q %v", status, err)
	}
	entry := sink.withMessage("TRACE: HybridExecutor.Execute ENTRY")
	if len(entry) != 1 || entry[0]["client_nil"] != false || entry[0]["region"] != "us-east" || entry[0]["num_questions"] != float64(2) {
		t.Fatalf("entry trace: %v", entry)
	}
	if entry[0]["client_type"] != "*hybrid.Client" {
		t.Fatalf("client_type = %v", entry[0]["client_type"])
	}

	ctx2, sink2 := capture(context.Background())
	_, status, _, _, err = (&HybridExecutor{}).Execute(ctx2, testSpec(), "us-east")
	if status != "failed" || err == nil || !strings.Contains(err.Error(), "hybrid client is nil") {
		t.Fatalf("nil client: %q %v", status, err)
	}
	if len(sink2.withMessage("CRITICAL: hybrid client is NIL!")) != 1 {
		t.Fatalf("no nil-client line; log:\n%s", sink2.buf.String())
	}
}
