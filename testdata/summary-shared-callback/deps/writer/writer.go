// Package writer is a client that writes a file, through shared.Invoke.
package writer

import (
	"context"
	"os"

	"example.com/deps/shared"
)

// Save writes the report.
func Save(ctx context.Context, text string) error {
	return shared.Invoke(ctx, func(context.Context) error {
		return os.WriteFile("/var/lib/report.txt", []byte(text), 0o600)
	})
}
