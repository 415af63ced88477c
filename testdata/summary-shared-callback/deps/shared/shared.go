// Package shared runs the calls of the clients built on it, with retries,
// as a generated API client's support library does.
package shared

import "context"

// Invoke runs call, once more if it fails.
func Invoke(ctx context.Context, call func(context.Context) error) error {
	if err := call(ctx); err == nil {
		return nil
	}
	return call(ctx)
}
