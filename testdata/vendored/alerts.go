// Package vendored has its dependencies in vendor/, and one tool that only
// a build tag set in the user's go environment (go env -w GOFLAGS=-tags=ops)
// compiles in: the scan must load what `go build` would, with neither
// -mod nor GOFLAGS overridden.
package vendored

import "example.com/notify"

// SendAlert posts an alert to the on-call webhook.
//
//blastradius:tool send_alert
func SendAlert(message string) error { // want `tool send_alert directive directive` `BR305: tool send_alert\b.*`
	return notify.Send("https://hooks.example/on-call", message)
}
