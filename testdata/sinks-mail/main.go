// Command sinks-mail sends e-mail with two libraries that speak SMTP
// themselves, wneessen/go-mail and xhit/go-simple-mail: sending is the
// email capability, and a recipient the model names (BR106) is chosen
// where it is added to the message.
package main

import (
	"context"
	"fmt"
	"os"

	gomail "github.com/wneessen/go-mail"
	mail "github.com/xhit/go-simple-mail/v2"
)

// sendReport mails a report to the address the model gives.
//
//blastradius:tool send_report
func sendReport(ctx context.Context, to, body string) (string, error) { // want `tool send_report directive directive` `BR304: tool send_report can send e-mail with no rate limit` `BR305: tool send_report is not logged with its arguments`
	m := gomail.NewMsg()
	if err := m.From("reports@example.com"); err != nil {
		return "", err
	}
	if err := m.To(to); err != nil { // want `BR106: tool send_report: model-controlled input reaches the recipient of \(\*github\.com/wneessen/go-mail\.Msg\)\.To`
		return "", err
	}
	m.Subject("Your report")
	m.SetBodyString(gomail.TypeTextPlain, body)
	c, err := gomail.NewClient("smtp.example.com", gomail.WithPort(587))
	if err != nil {
		return "", err
	}
	return "sent", c.DialAndSendWithContext(ctx, m) // want `send_report: email \(\*github\.com/wneessen/go-mail\.Client\)\.DialAndSendWithContext \(tainted\)` `BR301: tool send_report can send e-mail through \(\*github\.com/wneessen/go-mail\.Client\)\.DialAndSendWithContext with no confirmation before it`
}

// notifyTeam mails the team's fixed address the model's text.
//
//blastradius:tool notify_team
func notifyTeam(ctx context.Context, text string) (string, error) { // want `tool notify_team directive directive` `BR304: tool notify_team can send e-mail with no rate limit` `BR305: tool notify_team is not logged with its arguments`
	server := mail.NewSMTPClient()
	server.Host = "smtp.example.com"
	server.Port = 587
	client, err := server.Connect() // want `notify_team: network crypto/tls\.Dial` `notify_team: network net\.Dial`
	if err != nil {
		return "", err
	}
	e := mail.NewMSG()
	e.SetFrom("bot@example.com").AddTo("team@example.com").SetSubject("Notice").SetBody(mail.TextPlain, text)
	return "sent", e.Send(client) // want `notify_team: email \(\*github\.com/xhit/go-simple-mail/v2\.Email\)\.Send` `BR301: tool notify_team can send e-mail through \(\*github\.com/xhit/go-simple-mail/v2\.Email\)\.Send with no confirmation before it`
}

func main() {
	out, err := notifyTeam(context.Background(), os.Args[1])
	fmt.Println(out, err)
}
