// Package logging carries a zerolog logger in a context.
package logging

import (
	"context"
	"os"

	"github.com/rs/zerolog"
)

type ctxKey struct{}

var base = zerolog.New(os.Stderr).With().Timestamp().Logger()

// WithLogger returns a context that carries l.
func WithLogger(ctx context.Context, l zerolog.Logger) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// FromContext returns the logger carried by ctx, or the process logger.
// It returns a value: zerolog's Info()/Error() have pointer receivers, so
// assign the result before logging with it.
func FromContext(ctx context.Context) zerolog.Logger {
	if l, ok := ctx.Value(ctxKey{}).(zerolog.Logger); ok {
		return l
	}
	return base
}
