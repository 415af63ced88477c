// Package tools implements the platform server's MCP tools. Each file groups
// tools by what they act on; each tool's comment says which guard protects
// its action, and whether blastradius should count it.
package tools

import (
	"database/sql"
	"os"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"github.com/sony/gobreaker"
	"golang.org/x/time/rate"
)

// Config selects the optional tools.
type Config struct {
	// EnableShell offers run_shell. It is off unless -enable-shell is set.
	EnableShell bool
}

// Tools holds what the tools share.
type Tools struct {
	srv       *server.MCPServer
	db        *sql.DB
	reports   *os.Root // write_report's only directory
	notesDir  string
	cacheDir  string
	workspace string
	jail      string
	mailRelay string
	approvals *Approvals
	// permissions asks the operator, the way an agent's UI does.
	permissions *Permissions

	// pingLimiter allows one ping a second, with bursts of three.
	pingLimiter *rate.Limiter
	// purgeLimiter was meant to allow one purge a minute; purgeQueue never
	// waits on it.
	purgeLimiter *rate.Limiter
	// payouts stops calling Stripe after five failures in a row.
	payouts *gobreaker.CircuitBreaker
}

// New returns the tools of srv.
func New(srv *server.MCPServer, db *sql.DB, reports *os.Root) *Tools {
	return &Tools{
		srv:          srv,
		db:           db,
		reports:      reports,
		notesDir:     "/srv/notes",
		cacheDir:     "/var/cache/platform",
		workspace:    "/srv/build",
		jail:         "/srv/jail",
		mailRelay:    "mail.internal:25",
		approvals:    NewApprovals(),
		permissions:  NewPermissions(),
		pingLimiter:  rate.NewLimiter(rate.Every(time.Second), 3),
		purgeLimiter: rate.NewLimiter(rate.Every(time.Minute), 1),
		payouts: gobreaker.NewCircuitBreaker(gobreaker.Settings{
			Name: "stripe-payouts",
			ReadyToTrip: func(c gobreaker.Counts) bool {
				return c.ConsecutiveFailures >= 5
			},
		}),
	}
}

// Register adds the tools to s. run_shell is only added when cfg enables it.
func (t *Tools) Register(s *server.MCPServer, cfg Config) {
	s.AddTool(mcp.NewTool("end_sessions",
		mcp.WithDescription("Sign a user out of every session, once the operator agrees."),
		mcp.WithString("user_id", mcp.Required()),
	), t.endSessions)
	s.AddTool(mcp.NewTool("delete_project",
		mcp.WithDescription("Delete a project and all its data."),
		mcp.WithString("project_id", mcp.Required()),
	), t.deleteProject)
	s.AddTool(mcp.NewTool("delete_records",
		mcp.WithDescription("Delete records by ID. Deleting more than ten asks the user first."),
		mcp.WithArray("ids", mcp.Required(), mcp.WithStringItems()),
	), t.deleteRecords)
	s.AddTool(mcp.NewTool("archive_project",
		mcp.WithDescription("Archive a project. Real projects ask the user first; sandbox projects do not."),
		mcp.WithString("project_id", mcp.Required()),
	), t.archiveProject)
	s.AddTool(mcp.NewTool("revoke_token",
		mcp.WithDescription("Revoke an API token. An operator approves each revocation."),
		mcp.WithString("token_id", mcp.Required()),
	), t.revokeToken)
	s.AddTool(mcp.NewTool("purge_queue",
		mcp.WithDescription("Drop every pending job of a queue."),
		mcp.WithString("queue", mcp.Required()),
	), t.purgeQueue)
	s.AddTool(mcp.NewTool("clear_cache",
		mcp.WithDescription("Empty the platform's disk cache."),
	), t.clearCache)

	s.AddTool(mcp.NewTool("ping_host",
		mcp.WithDescription("Ping a host three times."),
		mcp.WithString("host", mcp.Required()),
	), t.pingHost)
	s.AddTool(mcp.NewTool("run_check",
		mcp.WithDescription("Run one of the host checks: uptime, df, free or vmstat."),
		mcp.WithString("check", mcp.Required(), mcp.Enum("uptime", "df", "free", "vmstat")),
	), t.runCheck)
	s.AddTool(mcp.NewTool("build_target",
		mcp.WithDescription("Run a make target in the build workspace."),
		mcp.WithString("target", mcp.DefaultString("all")),
	), t.buildTarget)
	s.AddTool(mcp.NewTool("run_job",
		mcp.WithDescription("Run a maintenance job in its own process group."),
		mcp.WithString("job", mcp.Required()),
	), t.runJob)
	s.AddTool(mcp.NewTool("run_isolated",
		mcp.WithDescription("Run a command with no network, as nobody."),
		mcp.WithString("command", mcp.Required()),
	), t.runIsolated)
	s.AddTool(mcp.NewTool("run_in_jail",
		mcp.WithDescription("Run a command inside the jail directory."),
		mcp.WithString("command", mcp.Required()),
	), t.runInJail)
	s.AddTool(mcp.NewTool("run_hostname_ns",
		mcp.WithDescription("Run a command under its own hostname."),
		mcp.WithString("command", mcp.Required()),
	), t.runHostnameNS)
	if cfg.EnableShell { // want `run_shell: gated by if cfg\.EnableShell \{.*`
		s.AddTool(mcp.NewTool("run_shell",
			mcp.WithDescription("Run a shell command on the platform host."),
			mcp.WithString("command", mcp.Required()),
		), t.runShell)
	}

	s.AddTool(mcp.NewTool("pay_vendor",
		mcp.WithDescription("Pay a vendor's connected Stripe account."),
		mcp.WithString("account_id", mcp.Required()),
		mcp.WithNumber("amount_cents", mcp.Required()),
	), t.payVendor)
	s.AddTool(mcp.NewTool("payout_balance",
		mcp.WithDescription("Pay out part of the platform's Stripe balance to its bank account."),
		mcp.WithNumber("amount_cents", mcp.Required()),
	), t.payoutBalance)
	s.AddTool(mcp.NewTool("refund_order",
		mcp.WithDescription("Refund part or all of a charge, up to $200."),
		mcp.WithString("charge_id", mcp.Required()),
		mcp.WithNumber("amount_cents", mcp.Required()),
	), t.refundOrder)

	s.AddTool(mcp.NewTool("save_note",
		mcp.WithDescription("Save a Markdown note for the team."),
		mcp.WithString("name", mcp.Required()),
		mcp.WithString("text", mcp.Required()),
	), t.saveNote)
	s.AddTool(mcp.NewTool("delete_note",
		mcp.WithDescription("Delete one of the team's notes."),
		mcp.WithString("name", mcp.Required()),
	), t.deleteNote)
	s.AddTool(mcp.NewTool("archive_note",
		mcp.WithDescription("Move a note to the archive."),
		mcp.WithString("name", mcp.Required()),
	), t.archiveNote)
	s.AddTool(mcp.NewTool("write_report",
		mcp.WithDescription("Write an incident report into the reports directory."),
		mcp.WithString("name", mcp.Required()),
		mcp.WithString("markdown", mcp.Required()),
	), t.writeReport)
	s.AddTool(mcp.NewTool("notify_oncall",
		mcp.WithDescription("E-mail the on-call engineer."),
		mcp.WithString("subject", mcp.Required()),
		mcp.WithString("body", mcp.Required()),
	), t.notifyOncall)
}
