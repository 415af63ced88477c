// Package tools implements the ops assistant's MCP tools.
package tools

import (
	"database/sql"
	"net/http"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Ops holds what the tools share: the database, an HTTP client and the
// directory that holds service logs.
type Ops struct {
	db      *sql.DB
	client  *http.Client
	logDir  string
	started time.Time
}

// New returns the tools for db and the logs under logDir.
func New(db *sql.DB, logDir string) *Ops {
	return &Ops{
		db:      db,
		client:  &http.Client{Timeout: 15 * time.Second},
		logDir:  logDir,
		started: time.Now(),
	}
}

// Register adds every tool to s.
func (o *Ops) Register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("run_shell",
		mcp.WithDescription("Run a shell command on the ops host and return its output."),
		mcp.WithString("command", mcp.Required(), mcp.Description("Command line, run with /bin/sh -c")),
	), o.runShell)

	s.AddTool(mcp.NewTool("read_file",
		mcp.WithDescription("Read a file on the ops host."),
		mcp.WithString("path", mcp.Required()),
	), o.readFile)

	s.AddTool(mcp.NewTool("write_file",
		mcp.WithDescription("Write a file on the ops host, creating directories as needed."),
		mcp.WithString("path", mcp.Required()),
		mcp.WithString("content", mcp.Required()),
	), o.writeFile)

	s.AddTool(mcp.NewTool("tail_logs",
		mcp.WithDescription("Show the last lines of a service's log."),
		mcp.WithString("service", mcp.Required()),
		mcp.WithNumber("lines", mcp.DefaultNumber(100)),
	), o.tailLogs)

	s.AddTool(mcp.NewTool("query_db",
		mcp.WithDescription("Run a read-only SQL query against the production database."),
		mcp.WithString("sql", mcp.Required()),
	), o.queryDB)

	s.AddTool(mcp.NewTool("delete_user",
		mcp.WithDescription("Delete a user account (GDPR requests)."),
		mcp.WithString("user_id", mcp.Required()),
	), o.deleteUser)

	s.AddTool(mcp.NewTool("http_fetch",
		mcp.WithDescription("GET an internal URL, such as a health or metrics endpoint."),
		mcp.WithString("url", mcp.Required()),
	), o.httpFetch)

	s.AddTool(mcp.NewTool("get_env",
		mcp.WithDescription("Show one environment variable of the assistant's process."),
		mcp.WithString("name", mcp.Required()),
	), o.getEnv)

	s.AddTool(mcp.NewTool("show_config",
		mcp.WithDescription("Show the assistant's OPS_* configuration."),
	), o.showConfig)

	s.AddTool(mcp.NewTool("service_status",
		mcp.WithDescription("Report the assistant's version and uptime."),
		mcp.WithReadOnlyHintAnnotation(true), // want `service_status: hints read\-only=true`
	), o.serviceStatus)
}
