//go:build beacon_instrumented

// Behaviour of instrumentation steps 0.3 and Fix G in main (only in an instrumented copy).
package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

type stdoutTap struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *stdoutTap) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// tapStdout redirects os.Stdout (main's logger writes there) for the rest of the test binary.
func tapStdout(t *testing.T) *stdoutTap {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	os.Stdout = w
	tap := &stdoutTap{}
	go func() {
		b := make([]byte, 4096)
		for {
			n, err := r.Read(b)
			tap.mu.Lock()
			tap.buf.Write(b[:n])
			tap.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return tap
}

func freeAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// startMain runs main with env on a free port and waits for /health.
func startMain(t *testing.T, env map[string]string) string {
	t.Helper()
	for _, k := range []string{"HYBRID_BASE", "HYBRID_ROUTER_URL", "ENABLE_HYBRID_DEFAULT", "HYBRID_ROUTER_DISABLE", "BEACON_DEBUG_EXECUTOR", "ADMIN_TOKEN"} {
		os.Unsetenv(k)
	}
	addr := freeAddr(t)
	env["PORT"] = addr
	env["GIN_MODE"] = "release"
	for k, v := range env {
		os.Setenv(k, v)
	}
	go main()
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return "http://" + addr
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("main did not serve /health on %s: %v", addr, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func get(t *testing.T, url, token string) (int, map[string]interface{}) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var m map[string]interface{}
	_ = json.Unmarshal(body, &m)
	return resp.StatusCode, m
}

func TestDebugExecutorEndpointAndFixG(t *testing.T) {
	tap := tapStdout(t)
	router := httptest.NewServer(http.NotFoundHandler())
	defer router.Close()

	// 0.3 off by default.
	off := startMain(t, map[string]string{"HYBRID_BASE": router.URL})
	if code, _ := get(t, off+"/debug/executor", ""); code != 404 {
		t.Fatalf("/debug/executor without BEACON_DEBUG_EXECUTOR: %d, want 404", code)
	}

	// 0.3 on, hybrid configured: the executor type, guarded by the admin token.
	on := startMain(t, map[string]string{"HYBRID_BASE": router.URL, "BEACON_DEBUG_EXECUTOR": "1", "ADMIN_TOKEN": "s3cret"})
	if code, _ := get(t, on+"/debug/executor", ""); code != 401 {
		t.Fatalf("/debug/executor without the token: %d, want 401", code)
	}
	if code, _ := get(t, on+"/debug/executor", "wrong"); code != 401 {
		t.Fatalf("/debug/executor with a wrong token: %d, want 401", code)
	}
	code, body := get(t, on+"/debug/executor", "s3cret")
	if code != 200 || body["executor_type"] != "*worker.HybridExecutor" || body["hybrid_client_set"] != true {
		t.Fatalf("/debug/executor: %d %v", code, body)
	}

	// 0.3 on, hybrid not configured: the Golem fallback shows.
	golem := startMain(t, map[string]string{"BEACON_DEBUG_EXECUTOR": "1"})
	code, body = get(t, golem+"/debug/executor", "")
	if code != 200 || body["executor_type"] != "*worker.GolemExecutor" || body["hybrid_client_set"] != false {
		t.Fatalf("/debug/executor without hybrid: %d %v", code, body)
	}

	// Fix G: one wiring line per boot, and the CRITICAL line only for the boot without a client.
	// (zerolog JSON when main has a zerolog logger, plain [FIX_G] lines when it has none.)
	out := tap.String()
	if n := strings.Count(out, "hybrid client wiring"); n != 3 {
		t.Fatalf("Fix G lines = %d, want 3; stdout:\n%s", n, out)
	}
	if !strings.Contains(out, `"executor_type":"*worker.HybridExecutor","hybrid_client_set":true,"HYBRID_BASE_set":true`) &&
		!strings.Contains(out, "executor_type=*worker.HybridExecutor hybrid_client_set=true HYBRID_BASE_set=true") {
		t.Fatalf("no Fix G line for the hybrid boot; stdout:\n%s", out)
	}
	if !strings.Contains(out, `"executor_type":"*worker.GolemExecutor","hybrid_client_set":false`) &&
		!strings.Contains(out, "executor_type=*worker.GolemExecutor hybrid_client_set=false") {
		t.Fatalf("no Fix G line for the boot without hybrid; stdout:\n%s", out)
	}
	if n := strings.Count(out, "CRITICAL: no hybrid client set"); n != 1 {
		t.Fatalf("CRITICAL lines = %d, want 1; stdout:\n%s", n, out)
	}
	if n := strings.Count(out, "debug endpoint GET /debug/executor enabled"); n != 2 {
		t.Fatalf("endpoint-enabled lines = %d, want 2; stdout:\n%s", n, out)
	}
}
