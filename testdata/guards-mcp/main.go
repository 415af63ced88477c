// Command guards-mcp is the platform team's MCP server, written to exercise
// blastradius's guard analysis (issue #5): each tool carries one mitigation
// (an elicitation, a rate limiter, a circuit breaker, an audit log, an
// allowlist, a sandboxed process, an os.Root, an amount limit) where it
// protects the action, or where it does not (on one branch only, after the
// action), and a few precision traps.
//
// A second server, package admin, serves the operators' tools over HTTP
// behind an audit-logging middleware.
package main

import (
	"database/sql"
	"flag"
	"log"
	"log/slog"
	"os"

	"github.com/mark3labs/mcp-go/server"
	"github.com/stripe/stripe-go/v82"

	"example.com/guards-mcp/admin"
	"example.com/guards-mcp/tools"
)

func main() {
	enableShell := flag.Bool("enable-shell", false, "offer the run_shell tool")
	adminAddr := flag.String("admin-addr", "127.0.0.1:8081", "listen address of the admin MCP server")
	reportDir := flag.String("reports", "/srv/reports", "directory the write_report tool writes into")
	flag.Parse()

	stripe.Key = os.Getenv("STRIPE_SECRET_KEY")
	// No driver is linked in: the fixture is for reading, not for running.
	db, err := sql.Open("postgres", os.Getenv("PLATFORM_DATABASE_URL"))
	if err != nil {
		log.Fatalf("opening database: %v", err)
	}
	defer db.Close()
	reports, err := os.OpenRoot(*reportDir)
	if err != nil {
		log.Fatalf("opening report directory: %v", err)
	}
	defer reports.Close()

	s := server.NewMCPServer("platform", "2.3.0", // want `agent platform server mcp\-go: archive_note, archive_project, build_target, clear_cache, delete_note, delete_project, delete_records, end_sessions, notify_oncall, pay_vendor, payout_balance, ping_host, purge_queue, refund_order, revoke_token, run_check, run_hostname_ns, run_in_jail, run_isolated, run_job, run_shell, save_note, write_report`
		server.WithToolCapabilities(false),
		server.WithElicitation(),
	)
	tools.New(s, db, reports).Register(s, tools.Config{EnableShell: *enableShell})

	go func() {
		adminSrv := admin.NewServer(db, slog.Default())
		if err := server.NewStreamableHTTPServer(adminSrv).Start(*adminAddr); err != nil {
			log.Fatalf("admin server: %v", err)
		}
	}()

	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}
