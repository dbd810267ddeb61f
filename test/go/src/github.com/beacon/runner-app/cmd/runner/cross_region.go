package main

import (
	"github.com/gin-gonic/gin"

	"github.com/beacon/runner-app/internal/hybrid"
	"github.com/beacon/runner-app/internal/worker"
)

// crossRegionHandler calls RunInference directly: this path never passes
// through executeQuestion or HybridExecutor.Execute.
func crossRegionHandler(jr *worker.JobRunner) gin.HandlerFunc {
	return func(c *gin.Context) {
		var req hybrid.InferenceRequest
		if err := c.ShouldBindJSON(&req); err != nil {
			c.JSON(400, gin.H{"error": err.Error()})
			return
		}
		if jr.Hybrid == nil {
			c.JSON(503, gin.H{"error": "hybrid router not configured"})
			return
		}
		resp, err := jr.Hybrid.RunInference(c.Request.Context(), req)
		if err != nil {
			c.JSON(502, gin.H{"error": err.Error()})
			return
		}
		c.JSON(200, resp)
	}
}
