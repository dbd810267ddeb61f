//go:build beacon_instrumented

// Behaviour of instrumentation step 2.4 (only in a copy Beacon Debug has instrumented).
package hybrid

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
)

// captureStdout runs f with os.Stdout redirected and returns what it printed.
func captureStdout(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stdout
	os.Stdout = w
	var buf bytes.Buffer
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		_, _ = io.Copy(&buf, r)
	}()
	defer func() {
		os.Stdout = saved
	}()
	f()
	os.Stdout = saved
	w.Close()
	wg.Wait()
	return buf.String()
}

// The trace brackets the call, the router sees exactly the requests it saw before (404 on the first
// path, then the second path): no second request, the path fallback untouched.
func TestRunInferenceTrace(t *testing.T) {
	var mu sync.Mutex
	var paths []string
	router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.Path)
		mu.Unlock()
		if r.URL.Path == "/inference" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"success":false,"error":"No healthy providers available","error_code":"PROVIDER_UNAVAILABLE","provider_used":""}`)
	}))
	defer router.Close()
	c := New(router.URL)
	var resp *InferenceResponse
	var err error
	out := captureStdout(t, func() {
		resp, err = c.RunInference(context.Background(), InferenceRequest{Model: "llama3.2-1b", Prompt: "hello", RegionPreference: "us-east"})
	})
	if err != nil || resp == nil || resp.Success || resp.ErrorCode != "PROVIDER_UNAVAILABLE" {
		t.Fatalf("RunInference: %+v %v", resp, err)
	}
	if got := strings.Join(paths, ","); got != "/inference,/v1/inference" {
		t.Fatalf("requests = %s, want /inference,/v1/inference", got)
	}
	if !strings.Contains(out, "[HYBRID_CLIENT] 🔍 TRACE: RunInference ENTRY") || !strings.Contains(out, `model="llama3.2-1b"`) || !strings.Contains(out, "prompt_len=5") {
		t.Fatalf("no entry trace in:\n%s", out)
	}
	if !strings.Contains(out, "RunInference EXIT after") || !strings.Contains(out, "success=false") || !strings.Contains(out, `error_code="PROVIDER_UNAVAILABLE"`) {
		t.Fatalf("no exit trace in:\n%s", out)
	}
	if strings.Count(out, "RunInference EXIT") != 1 {
		t.Fatalf("exit traced %d times:\n%s", strings.Count(out, "RunInference EXIT"), out)
	}
}

// A network error is traced on exit with the error.
func TestRunInferenceTraceOnError(t *testing.T) {
	router := httptest.NewServer(http.NotFoundHandler())
	url := router.URL
	router.Close()
	c := New(url)
	var err error
	out := captureStdout(t, func() {
		_, err = c.RunInference(context.Background(), InferenceRequest{Model: "m"})
	})
	if err == nil {
		t.Fatal("expected a connection error")
	}
	if !strings.Contains(out, "RunInference EXIT after") || !strings.Contains(out, "error: hybrid network error") {
		t.Fatalf("no error exit trace in:\n%s", out)
	}
}
