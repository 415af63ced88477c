// Package reader is a client that only reads, through shared.Invoke.
package reader

import (
	"context"
	"net/http"

	"example.com/deps/shared"
)

// Status asks a service for its status.
func Status(ctx context.Context) (string, error) {
	var status string
	err := shared.Invoke(ctx, func(ctx context.Context) error {
		resp, err := http.Get("https://status.example.com/")
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		status = resp.Status
		return nil
	})
	return status, err
}
