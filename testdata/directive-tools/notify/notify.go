// Package notify sends notifications by mail or webhook.
package notify

import (
	"net/http"
	"net/smtp"
	"strings"
)

// Notifier delivers a message.
type Notifier interface {
	Notify(to, msg string) error
}

// New returns the notifier for the channel via. Both implementations are
// constructed here, so a tool that calls New reaches both sinks.
func New(via string) Notifier {
	if via == "mail" {
		return mailer{addr: "localhost:25"}
	}
	return webhook{url: "https://hooks.example.com/notify"}
}

type mailer struct{ addr string }

func (m mailer) Notify(to, msg string) error {
	return smtp.SendMail(m.addr, nil, "bot@example.com", []string{to}, []byte(msg)) // want `notify: email net/smtp\.SendMail \(tainted\)` `BR106: tool notify\b.*net/smtp\.SendMail` `BR301: tool notify\b.*net/smtp\.SendMail.*`
}

type webhook struct{ url string }

func (w webhook) Notify(to, msg string) error {
	resp, err := http.Post(w.url+"?to="+to, "text/plain", strings.NewReader(msg)) // want `notify: network net/http\.Post \(tainted\)` `BR103: tool notify\b.*net/http\.Post`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
