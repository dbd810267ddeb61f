// Command runner is the job runner's HTTP server.
package main

import (
	"os"

	"github.com/gin-gonic/gin"
	"github.com/rs/zerolog"

	"github.com/beacon/runner-app/internal/hybrid"
	"github.com/beacon/runner-app/internal/worker"
)

const defaultRouterURL = "https://project-beacon-production.up.railway.app"

func main() {
	logger := zerolog.New(os.Stdout).With().Timestamp().Logger()
	if os.Getenv("GIN_MODE") == "release" {
		gin.SetMode(gin.ReleaseMode)
	} else {
		logger = logger.Output(zerolog.ConsoleWriter{Out: os.Stdout, NoColor: true})
	}

	jr := worker.NewJobRunner(worker.NewGolemExecutor())

	base := os.Getenv("HYBRID_BASE")
	if base == "" {
		base = os.Getenv("HYBRID_ROUTER_URL")
	}
	if os.Getenv("HYBRID_ROUTER_DISABLE") == "true" {
		logger.Info().Msg("Hybrid Router explicitly disabled via HYBRID_ROUTER_DISABLE=true")
	} else if base != "" {
		jr.SetHybridClient(hybrid.New(base))
		logger.Info().Str("hybrid_base", base).Msg("Hybrid Router enabled")
	} else if os.Getenv("ENABLE_HYBRID_DEFAULT") == "1" {
		jr.SetHybridClient(hybrid.New(defaultRouterURL))
		logger.Info().Str("hybrid_base", defaultRouterURL).Msg("Hybrid Router enabled (default)")
	} else {
		logger.Info().Msg("Hybrid Router disabled (no HYBRID_BASE/HYBRID_ROUTER_URL and default not enabled)")
	}

	r := gin.New()
	r.GET("/health", func(c *gin.Context) {
		c.JSON(200, gin.H{"status": "healthy", "services": gin.H{"executor": "ok"}})
	})
	r.POST("/api/v1/jobs/cross-region", crossRegionHandler(jr))
	registerObservability(r)
	registerAdmin(r)

	addr := os.Getenv("PORT")
	if addr == "" {
		addr = ":8090"
	}
	if err := r.Run(addr); err != nil {
		logger.Fatal().Err(err).Msg("server stopped")
	}
}
