// Package knobs holds the settings of a fetcher.
package knobs

// Settings are set by whoever configures the fetcher.
type Settings struct {
	// Trace makes the fetcher log each page to a file.
	Trace bool
}
