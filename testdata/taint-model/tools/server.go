// Package tools implements the helpdesk MCP tools.
package tools

import (
	"database/sql"
	"net/http"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Config is fixed at start-up; nothing in it comes from the model.
type Config struct {
	DocsRoot   string // knowledge-base articles, read by read_doc
	ReportsDir string // generated reports, moved by archive_report
	ArchiveDir string
	Service    string // the systemd unit tail_service_log reads
	SMTPAddr   string // host:port of the relay
	MailFrom   string
	// SupportAddr receives escalations; the model never picks it.
	SupportAddr string
}

// Server holds what the tools share.
type Server struct {
	cfg    Config
	db     *sql.DB
	client *http.Client
	mail   *Mailer
}

// New returns the tools for cfg and db.
func New(cfg Config, db *sql.DB) *Server {
	return &Server{
		cfg:    cfg,
		db:     db,
		client: &http.Client{Timeout: 10 * time.Second},
		mail:   NewMailer(cfg.SMTPAddr, cfg.MailFrom),
	}
}

// Register adds every tool to s.
func (s *Server) Register(srv *server.MCPServer) {
	// Diagnostics (shell.go).
	srv.AddTool(mcp.NewTool("ping_host",
		mcp.WithDescription("Ping a host from the support bastion."),
		mcp.WithString("host", mcp.Required()),
	), s.pingHost)
	srv.AddTool(mcp.NewTool("kubectl_logs",
		mcp.WithDescription("Show the logs of a pod."),
		mcp.WithString("namespace", mcp.Required()),
		mcp.WithString("pod", mcp.Required()),
		mcp.WithString("container"),
		mcp.WithString("tail", mcp.Description("Number of lines")),
	), s.kubectlLogs)
	srv.AddTool(mcp.NewTool("tail_service_log",
		mcp.WithDescription("Show the last lines of the API service's journal."),
		mcp.WithString("lines", mcp.Description("How many lines, default 200")),
	), s.tailServiceLog)
	srv.AddTool(mcp.NewTool("run_check",
		mcp.WithDescription("Run one of the host health checks."),
		mcp.WithString("name", mcp.Required(), mcp.Enum("uptime", "df", "free", "vmstat")),
	), s.runCheck)
	srv.AddTool(mcp.NewTool("run_words",
		mcp.WithDescription("Run a command line on the support bastion, without a shell."),
		mcp.WithString("command_line", mcp.Required()),
	), s.runWords)
	srv.AddTool(mcp.NewTool("run_in_container",
		mcp.WithDescription("Run a command line in the support container."),
		mcp.WithString("command_line", mcp.Required()),
	), s.runInContainer)

	// Tickets (tickets.go).
	srv.AddTool(mcp.NewTool("search_tickets",
		mcp.WithDescription("Search tickets by status."),
		mcp.WithString("status", mcp.Required()),
		mcp.WithString("sort_by"),
		mcp.WithNumber("limit"),
	), mcp.NewTypedToolHandler(s.searchTickets))
	srv.AddTool(mcp.NewTool("ticket_report",
		mcp.WithDescription("Count open tickets per team, with optional filters."),
		mcp.WithString("assignee"),
		mcp.WithString("priority"),
		mcp.WithString("team"),
	), s.ticketReport)
	srv.AddTool(mcp.NewTool("customer_tickets",
		mcp.WithDescription("List a customer's tickets."),
		mcp.WithString("email", mcp.Required()),
	), s.customerTickets)

	// The web (web.go).
	srv.AddTool(mcp.NewTool("fetch_url",
		mcp.WithDescription("Fetch a web page, for example a customer's status page."),
		mcp.WithString("url", mcp.Required()),
	), s.fetchURL)
	srv.AddTool(mcp.NewTool("compare_status",
		mcp.WithDescription("Compare our status page with another service's."),
		mcp.WithString("url", mcp.Required()),
	), s.compareStatus)
	srv.AddTool(mcp.NewTool("check_links",
		mcp.WithDescription("Check that links in a knowledge-base article still resolve."),
		mcp.WithArray("urls", mcp.Required(), mcp.WithStringItems()),
	), s.checkLinks)
	srv.AddTool(mcp.NewTool("notify_oncall",
		mcp.WithDescription("Page the on-call engineer with a message."),
		mcp.WithString("message", mcp.Required()),
	), s.notifyOncall)
	srv.AddTool(mcp.NewTool("probe_endpoint",
		mcp.WithDescription("Check that a web endpoint answers."),
		mcp.WithString("url", mcp.Required()),
	), s.probeEndpoint)
	srv.AddTool(mcp.NewTool("service_health",
		mcp.WithDescription("Check a health endpoint on the status host."),
		mcp.WithString("url", mcp.Required()),
	), s.serviceHealth)

	// Files (files.go).
	srv.AddTool(mcp.NewTool("read_doc",
		mcp.WithDescription("Read a knowledge-base article."),
		mcp.WithString("path", mcp.Required()),
	), readDocHandler(s.cfg.DocsRoot))
	srv.AddTool(mcp.NewTool("archive_report",
		mcp.WithDescription("Move a generated report to the archive."),
		mcp.WithString("name", mcp.Required()),
	), s.archiveReport)

	// Billing (billing.go).
	srv.AddTool(mcp.NewTool("refund_order",
		mcp.WithDescription("Refund a charge."),
		mcp.WithString("charge_id", mcp.Required()),
		mcp.WithNumber("amount_cents", mcp.Required()),
		mcp.WithString("reason"),
	), s.refundOrder)
	srv.AddTool(mcp.NewTool("goodwill_credit",
		mcp.WithDescription("Refund a small goodwill amount on the order this conversation is about."),
		mcp.WithNumber("amount_cents", mcp.Required()),
	), s.goodwillCredit)

	// E-mail (mail.go).
	srv.AddTool(mcp.NewTool("send_summary",
		mcp.WithDescription("E-mail a summary of the conversation."),
		mcp.WithArray("to", mcp.Required(), mcp.WithStringItems()),
		mcp.WithString("subject", mcp.Required()),
		mcp.WithString("body", mcp.Required()),
	), s.sendSummary)
	srv.AddTool(mcp.NewTool("escalate_to_support",
		mcp.WithDescription("Escalate the conversation to the human support team."),
		mcp.WithString("summary", mcp.Required()),
	), s.escalateToSupport)

	// Feedback (feedback.go).
	srv.AddTool(mcp.NewTool("submit_feedback",
		mcp.WithDescription("Record the customer's feedback on this conversation."),
		mcp.WithString("text", mcp.Required()),
		mcp.WithNumber("rating"),
	), s.submitFeedback)
}
