package main

import (
	"fmt"
	"net/http"
	"sync/atomic"

	"github.com/gin-gonic/gin"
)

// Counters served in the Prometheus text format at /metrics and /api/v1/metrics.
var jobsProcessed, jobsFailed int64

const metricsContentType = "text/plain; version=0.0.4; charset=utf-8"

func metricsHandler(c *gin.Context) {
	body := fmt.Sprintf("# TYPE jobs_processed_total counter\njobs_processed_total %d\n# TYPE jobs_failed_total counter\njobs_failed_total %d\n",
		atomic.LoadInt64(&jobsProcessed), atomic.LoadInt64(&jobsFailed))
	c.Data(http.StatusOK, metricsContentType, []byte(body))
}

func healthHandler(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "healthy", "services": gin.H{"executor": "ok"}})
}

// registerObservability adds the health and metrics routes (the admin routes need a token and are
// not part of this fixture).
func registerObservability(r *gin.Engine) {
	r.GET("/metrics", metricsHandler)
	api := r.Group("/api/v1")
	api.GET("/metrics", metricsHandler)
	api.GET("/health", healthHandler)
	health := api.Group("/health")
	health.GET("/live", healthHandler)
	health.GET("/ready", healthHandler)
}

// registerAdmin adds the admin routes; without an ADMIN_TOKEN they answer 503.
func registerAdmin(r *gin.Engine) {
	admin := r.Group("/admin")
	notConfigured := func(c *gin.Context) {
		c.JSON(http.StatusServiceUnavailable, gin.H{"error": "admin_auth_not_configured"})
	}
	admin.GET("/circuit-breaker-stats", notConfigured)
	admin.GET("/resource-stats", notConfigured)
}
