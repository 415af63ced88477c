// Command taint-model is the support team's MCP server. It gives the
// assistant that answers customers and on-call engineers tools to run
// diagnostics, search tickets, fetch pages, read the knowledge base, refund
// orders and send e-mail.
//
// It is the fixture for the model → action rules (BR101-BR106): each tool
// takes the model's arguments to a sensitive call through one shape the
// data-flow engine must follow (helpers, struct fields, closures, methods,
// string building, JSON decoding, slices and maps), and each precision trap
// is a tool that does the same work safely and must not be reported.
package main

import (
	"database/sql"
	"log"
	"os"

	"github.com/mark3labs/mcp-go/server"
	"github.com/stripe/stripe-go/v82"

	"example.com/taint-model/tools"
)

func main() {
	// Configuration is read at start-up, outside any tool.
	cfg := tools.Config{
		DocsRoot:    envOr("HELPDESK_DOCS", "/srv/helpdesk/kb"),
		ReportsDir:  envOr("HELPDESK_REPORTS", "/srv/helpdesk/reports"),
		ArchiveDir:  envOr("HELPDESK_ARCHIVE", "/srv/helpdesk/archive"),
		Service:     envOr("HELPDESK_SERVICE", "api.service"),
		SMTPAddr:    envOr("HELPDESK_SMTP", "smtp.example.com:587"),
		MailFrom:    "helpdesk@example.com",
		SupportAddr: "support-escalations@example.com",
	}
	stripe.Key = os.Getenv("STRIPE_SECRET_KEY")

	// No driver is linked in: the fixture is for reading, not for running.
	db, err := sql.Open("postgres", os.Getenv("HELPDESK_DATABASE_URL"))
	if err != nil {
		log.Fatalf("opening database: %v", err)
	}
	defer db.Close()

	s := server.NewMCPServer("helpdesk", "2.3.0", // want `BR401: agent helpdesk: read_doc returns private data \(os\.ReadFile\), compare_status returns untrusted content \(net/http\.Get\), check_links sends data where the model says \(\(\*net/http\.Client\)\.Head\);.*` `agent helpdesk server mcp\-go: archive_report, check_links, compare_status, customer_tickets, escalate_to_support, fetch_url, goodwill_credit, kubectl_logs, notify_oncall, ping_host, probe_endpoint, read_doc, refund_order, run_check, run_in_container, run_words, search_tickets, send_summary, service_health, submit_feedback, tail_service_log, ticket_report`
		server.WithToolCapabilities(false),
		server.WithRecovery(),
	)
	tools.New(cfg, db).Register(s)

	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
