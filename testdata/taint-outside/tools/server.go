// Package tools implements the platform assistant's MCP tools.
package tools

import (
	"database/sql"
	"net/http"
	"sync"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Config is fixed at start-up.
type Config struct {
	ReportsDir    string // nightly reports, read by read_report
	ConfigPath    string // the assistant's own settings, reread by reload_config
	Repo          string // owner/name of the GitHub repository get_issue reads
	StatusChannel string // the Slack channel post_status writes to
}

// Server holds what the tools share.
type Server struct {
	cfg    Config
	db     *sql.DB
	client *http.Client

	mu       sync.Mutex
	settings Settings
}

// New returns the tools for cfg and db.
func New(cfg Config, db *sql.DB) *Server {
	return &Server{cfg: cfg, db: db, client: &http.Client{Timeout: 15 * time.Second}}
}

// Register adds every tool to srv.
func (s *Server) Register(srv *server.MCPServer) {
	// Environment and credentials (env.go).
	srv.AddTool(mcp.NewTool("deploy_env",
		mcp.WithDescription("Show how this deployment is wired: its environment variables."),
	), s.deployEnv)
	srv.AddTool(mcp.NewTool("get_env_var",
		mcp.WithDescription("Show one environment variable of the server."),
		mcp.WithString("name", mcp.Required()),
	), s.getEnvVar)
	srv.AddTool(mcp.NewTool("aws_credentials",
		mcp.WithDescription("Show an AWS profile, to debug permission errors."),
		mcp.WithString("profile"),
	), s.awsCredentials)
	srv.AddTool(mcp.NewTool("kube_token",
		mcp.WithDescription("Return the pod's service-account token, for calls to the Kubernetes API."),
	), s.kubeToken)
	srv.AddTool(mcp.NewTool("recent_commits",
		mcp.WithDescription("Show the deployed repository's last commits."),
	), s.recentCommits)

	// Files (files.go).
	srv.AddTool(mcp.NewTool("read_app_log",
		mcp.WithDescription("Show the last lines of the application log."),
		mcp.WithNumber("lines"),
	), s.readAppLog)
	srv.AddTool(mcp.NewTool("read_report",
		mcp.WithDescription("Read one of the nightly reports."),
		mcp.WithString("name", mcp.Required()),
	), s.readReport)
	srv.AddTool(mcp.NewTool("count_errors",
		mcp.WithDescription("Count the errors in the application log."),
	), s.countErrors)
	srv.AddTool(mcp.NewTool("reload_config",
		mcp.WithDescription("Reload the assistant's settings from disk."),
	), s.reloadConfig)

	// The database (users.go).
	srv.AddTool(mcp.NewTool("list_users",
		mcp.WithDescription("List the most recent sign-ups."),
	), s.listUsers)
	srv.AddTool(mcp.NewTool("count_users",
		mcp.WithDescription("Count the active users."),
	), s.countUsers)

	// The web (web.go).
	srv.AddTool(mcp.NewTool("search_web",
		mcp.WithDescription("Search the web."),
		mcp.WithString("query", mcp.Required()),
	), s.searchWeb)
	srv.AddTool(mcp.NewTool("get_issue",
		mcp.WithDescription("Read a GitHub issue of the platform repository."),
		mcp.WithNumber("number", mcp.Required()),
	), s.getIssue)
	srv.AddTool(mcp.NewTool("post_status",
		mcp.WithDescription("Post an update to the status channel."),
		mcp.WithString("text", mcp.Required()),
	), s.postStatus)
}
