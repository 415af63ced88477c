package tools

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/smtp"
	"os"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
)

// Mailer sends plain-text e-mail through the company relay.
type Mailer struct {
	addr string
	from string
	auth smtp.Auth
}

// NewMailer returns a mailer for the relay at addr (host:port).
func NewMailer(addr, from string) *Mailer {
	host, _, _ := net.SplitHostPort(addr)
	return &Mailer{
		addr: addr,
		from: from,
		auth: smtp.PlainAuth("", from, os.Getenv("HELPDESK_SMTP_PASSWORD"), host),
	}
}

// Send sends one message to every address of to.
func (m *Mailer) Send(to []string, subject, body string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\n", m.from)
	fmt.Fprintf(&b, "To: %s\r\n", strings.Join(to, ", "))
	fmt.Fprintf(&b, "Subject: %s\r\n", subject)
	b.WriteString("Content-Type: text/plain; charset=utf-8\r\n\r\n")
	b.WriteString(body)
	return smtp.SendMail(m.addr, m.auth, m.from, to, []byte(b.String())) // want `send_summary: email net/smtp\.SendMail \(tainted\)` `escalate_to_support: email net/smtp\.SendMail` `BR106: tool send_summary\b.*net/smtp\.SendMail` `BR301: tool escalate_to_support\b.*net/smtp\.SendMail.*` `BR301: tool send_summary\b.*net/smtp\.SendMail.*`
}

// summaryArgs is the argument object of send_summary.
type summaryArgs struct {
	To      []string `json:"to"`
	Subject string   `json:"subject"`
	Body    string   `json:"body"`
}

// sendSummary decodes the raw arguments itself and mails whoever the model
// lists: a prompt injection can send the conversation anywhere.
func (s *Server) sendSummary(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool send_summary mcp-go constant` `BR304: tool send_summary\b.*` `BR305: tool send_summary\b.*`
	raw, ok := req.GetRawArguments().(json.RawMessage)
	if !ok {
		b, err := json.Marshal(req.GetArguments())
		if err != nil {
			return nil, err
		}
		raw = b
	}
	var in summaryArgs
	if err := json.Unmarshal(raw, &in); err != nil {
		return mcp.NewToolResultErrorFromErr("bad arguments", err), nil
	}
	if len(in.To) == 0 {
		return mcp.NewToolResultError("no recipients"), nil
	}
	if err := s.mail.Send(in.To, in.Subject, in.Body); err != nil {
		return mcp.NewToolResultErrorFromErr("sending failed", err), nil
	}
	return mcp.NewToolResultText(fmt.Sprintf("sent to %d recipient(s)", len(in.To))), nil
}

// escalateToSupport mails the model's summary to the support team.
func (s *Server) escalateToSupport(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool escalate_to_support mcp-go constant` `BR304: tool escalate_to_support\b.*` `BR305: tool escalate_to_support\b.*`
	summary, err := req.RequireString("summary")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	// Trap: the recipient is fixed configuration; the model only writes the body.
	if err := s.mail.Send([]string{s.cfg.SupportAddr}, "Escalation from the helpdesk assistant", summary); err != nil {
		return mcp.NewToolResultErrorFromErr("sending failed", err), nil
	}
	return mcp.NewToolResultText("escalated to the support team"), nil
}
