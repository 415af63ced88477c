// Package sdk configures a fetcher: the test's catalog makes it opaque,
// so the scan never sees that it sets Trace.
package sdk

import "example.com/knobs"

// Configure returns the settings the platform asks for.
func Configure() *knobs.Settings {
	return &knobs.Settings{Trace: true}
}
