// Package notify exists only in the vendor directory of the module that
// uses it: no module proxy serves it, so the module loads only if vendor/
// is used, as the go command does when vendor/modules.txt is consistent.
package notify

import (
	"net/http"
	"strings"
)

// Send posts a message to a webhook.
func Send(webhook, message string) error {
	resp, err := http.Post(webhook, "text/plain", strings.NewReader(message)) // want `send_alert: network net/http\.Post`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
