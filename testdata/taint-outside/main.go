// Command taint-outside is the platform team's MCP server: it lets the
// assistant in the team's chat look at the deployment's configuration and
// credentials, read logs and reports, list users, search the web and read
// GitHub issues, and post to the status channel.
//
// It is the fixture for the outside → model rules (BR201-BR203): tools that
// hand secrets, whole files and rows, or web content back to the model, and
// tools that read the same kinds of data without returning it.
package main

import (
	"database/sql"
	"log"
	"os"

	"github.com/mark3labs/mcp-go/server"

	"example.com/taint-outside/tools"
)

func main() {
	// Configuration is read at start-up, outside any tool.
	cfg := tools.Config{
		ReportsDir:    "/srv/platform/reports",
		ConfigPath:    "/etc/platform/assistant.json",
		Repo:          "example/platform",
		StatusChannel: "#status",
	}
	if dir := os.Getenv("PLATFORM_REPORTS"); dir != "" {
		cfg.ReportsDir = dir
	}

	// No driver is linked in: the fixture is for reading, not for running.
	db, err := sql.Open("postgres", os.Getenv("PLATFORM_DATABASE_URL"))
	if err != nil {
		log.Fatalf("opening database: %v", err)
	}
	defer db.Close()

	s := server.NewMCPServer("platform-assistant", "0.9.1", server.WithToolCapabilities(false)) // want `agent platform\-assistant server mcp\-go: aws_credentials, count_errors, count_users, deploy_env, get_env_var, get_issue, kube_token, list_users, post_status, read_app_log, read_report, recent_commits, reload_config, search_web`
	tools.New(cfg, db).Register(s)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}
