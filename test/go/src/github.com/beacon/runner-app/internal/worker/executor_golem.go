package worker

import (
	"context"
	"errors"

	"github.com/beacon/runner-app/internal/models"
)

// GolemExecutor is the fallback when the hybrid router is not configured.
type GolemExecutor struct{}

// NewGolemExecutor returns the fallback executor.
func NewGolemExecutor() *GolemExecutor { return &GolemExecutor{} }

// Execute fails at once: no Golem provider is configured on this runner.
func (g *GolemExecutor) Execute(ctx context.Context, spec *models.JobSpec, region string) (string, string, []byte, []byte, error) {
	return "", "failed", nil, nil, errors.New("golem executor: no provider configured")
}
