package worker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/beacon/runner-app/internal/hybrid"
	"github.com/beacon/runner-app/internal/models"
)

// HybridExecutor runs questions through the hybrid router.
type HybridExecutor struct {
	Client *hybrid.Client
}

// NewHybridExecutor wraps c.
func NewHybridExecutor(c *hybrid.Client) *HybridExecutor {
	return &HybridExecutor{Client: c}
}

// Execute runs the spec's first question on its first model.
func (h *HybridExecutor) Execute(ctx context.Context, spec *models.JobSpec, region string) (providerID, status string, outputJSON, receiptJSON []byte, err error) {
	if len(spec.Questions) == 0 || len(spec.Models) == 0 {
		return "", "failed", nil, nil, errors.New("spec has no question or no model")
	}
	resp, err := h.Client.RunInference(ctx, hybrid.InferenceRequest{
		Model:            spec.Models[0].ID,
		Prompt:           spec.Questions[0],
		Temperature:      0.1,
		MaxTokens:        500,
		RegionPreference: region,
		CostPriority:     true,
	})
	if err != nil {
		return "", "failed", nil, nil, err
	}
	if !resp.Success {
		return resp.ProviderUsed, "failed", nil, nil, fmt.Errorf("router: %s (%s)", resp.Error, resp.ErrorCode)
	}
	outputJSON, err = json.Marshal(map[string]string{"response": resp.Response})
	if err != nil {
		return resp.ProviderUsed, "failed", nil, nil, err
	}
	receiptJSON, err = json.Marshal(map[string]interface{}{"provider": resp.ProviderUsed, "inference_time": resp.InferenceTime})
	if err != nil {
		return resp.ProviderUsed, "failed", nil, nil, err
	}
	return resp.ProviderUsed, "completed", outputJSON, receiptJSON, nil
}
