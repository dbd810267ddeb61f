// Package hybrid is the runner's client for the hybrid router.
package hybrid

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

// Client talks to the hybrid router. The base URL is unexported on purpose.
type Client struct {
	baseURL    string
	httpClient *http.Client
}

// InferenceRequest is the body of POST /inference.
type InferenceRequest struct {
	Model            string  `json:"model"`
	Prompt           string  `json:"prompt"`
	Temperature      float64 `json:"temperature"`
	MaxTokens        int     `json:"max_tokens"`
	RegionPreference string  `json:"region_preference,omitempty"`
	CostPriority     bool    `json:"cost_priority"`
}

// InferenceResponse is the router's answer (HTTP 200 even when success is false).
type InferenceResponse struct {
	Success       bool                   `json:"success"`
	Response      string                 `json:"response,omitempty"`
	Error         string                 `json:"error,omitempty"`
	ErrorCode     string                 `json:"error_code,omitempty"`
	ProviderUsed  string                 `json:"provider_used"`
	InferenceTime float64                `json:"inference_time"`
	Metadata      map[string]interface{} `json:"metadata,omitempty"`
}

// Error types of a HybridError.
const (
	ErrorTypeJSON    = "json"
	ErrorTypeNetwork = "network"
	ErrorTypeTimeout = "timeout"
	ErrorTypeHTTP    = "http"
)

// HybridError is what RunInference returns when no answer could be read.
type HybridError struct {
	Type       string
	Message    string
	URL        string
	StatusCode int
}

func (e *HybridError) Error() string {
	if e.StatusCode != 0 {
		return fmt.Sprintf("hybrid %s error (%d) at %s: %s", e.Type, e.StatusCode, e.URL, e.Message)
	}
	return fmt.Sprintf("hybrid %s error at %s: %s", e.Type, e.URL, e.Message)
}

// inferencePaths are tried in turn: older routers serve only one of them.
var inferencePaths = []string{"/inference", "/v1/inference", "/api/v1/inference"}

// New never returns nil. The timeout comes from HYBRID_ROUTER_TIMEOUT, else
// HYBRID_TIMEOUT (only when the former is unset or empty), else 300 s.
func New(base string) *Client {
	timeout, source, value := 300*time.Second, "default", ""
	if v := os.Getenv("HYBRID_ROUTER_TIMEOUT"); v != "" {
		value, source = v, "HYBRID_ROUTER_TIMEOUT"
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			timeout = time.Duration(n) * time.Second
		} else {
			source = "HYBRID_ROUTER_TIMEOUT (invalid)"
		}
	} else if v := os.Getenv("HYBRID_TIMEOUT"); v != "" {
		value, source = v, "HYBRID_TIMEOUT"
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			timeout = time.Duration(n) * time.Second
		} else {
			source = "HYBRID_TIMEOUT (invalid)"
		}
	}
	fmt.Printf("[HYBRID_CLIENT_INIT] timeout=%s source=%s env_value=%q url=%s\n", timeout, source, value, base)
	return &Client{baseURL: strings.TrimRight(base, "/"), httpClient: &http.Client{Timeout: timeout}}
}

// RunInference posts req to the router, trying each known path in turn while
// the router answers 404. It makes exactly one request per path tried.
func (c *Client) RunInference(ctx context.Context, req InferenceRequest) (*InferenceResponse, error) {
	payload, err := json.Marshal(req)
	if err != nil {
		return nil, &HybridError{Type: ErrorTypeJSON, Message: err.Error()}
	}
	var lastErr error
	for _, path := range inferencePaths {
		url := c.baseURL + path
		httpReq, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(payload))
		if err != nil {
			return nil, &HybridError{Type: ErrorTypeNetwork, Message: err.Error(), URL: url}
		}
		httpReq.Header.Set("Content-Type", "application/json")
		resp, err := c.httpClient.Do(httpReq)
		if err != nil {
			if ctx.Err() == context.DeadlineExceeded {
				return nil, &HybridError{Type: ErrorTypeTimeout, Message: err.Error(), URL: url}
			}
			return nil, &HybridError{Type: ErrorTypeNetwork, Message: err.Error(), URL: url}
		}
		body, readErr := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusNotFound {
			lastErr = &HybridError{Type: ErrorTypeHTTP, Message: "not found", URL: url, StatusCode: resp.StatusCode}
			continue
		}
		if readErr != nil {
			return nil, &HybridError{Type: ErrorTypeNetwork, Message: readErr.Error(), URL: url}
		}
		if resp.StatusCode >= 400 {
			return nil, &HybridError{Type: ErrorTypeHTTP, Message: string(body), URL: url, StatusCode: resp.StatusCode}
		}
		var out InferenceResponse
		if err := json.Unmarshal(body, &out); err != nil {
			return nil, &HybridError{Type: ErrorTypeJSON, Message: err.Error(), URL: url}
		}
		return &out, nil
	}
	return nil, lastErr
}
