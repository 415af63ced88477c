// Command ops-assistant is the on-call team's MCP server: it lets an LLM
// client such as Claude Desktop or Cursor run shell commands, read and write
// files, tail service logs, query the production database and call internal
// HTTP endpoints, so that the assistant can investigate incidents.
//
// It is blastradius's example: scan it with
//
//	go run ./cmd/blastradius scan ./testdata/ops-assistant
//
// to see everything the model can reach through each tool.
package main

import (
	"database/sql"
	"log"
	"os"

	"github.com/mark3labs/mcp-go/server"

	"example.com/ops-assistant/tools"
)

func main() {
	// Configuration is read at start-up, outside any tool: blastradius does
	// not attribute these os.Getenv calls to a tool.
	dsn := os.Getenv("OPS_DATABASE_URL")
	logDir := os.Getenv("OPS_LOG_DIR")
	if logDir == "" {
		logDir = "/var/log/services"
	}

	// No driver is linked in: the example is for reading, not for running.
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		log.Fatalf("opening database: %v", err)
	}
	defer db.Close()

	s := server.NewMCPServer("ops-assistant", "0.4.2", // want `BR401: agent ops\-assistant: show_config returns private data \(os\.Environ\), http_fetch returns untrusted content \(\(\*net/http\.Client\)\.Do\), http_fetch sends data where the model says \(net/http\.NewRequestWithContext\);.*` `agent ops\-assistant server mcp\-go: delete_user, get_env, http_fetch, query_db, read_file, run_shell, service_status, show_config, tail_logs, write_file`
		server.WithToolCapabilities(false),
		server.WithRecovery(),
		server.WithInstructions("You are the on-call assistant. Use the tools to investigate and fix incidents."),
	)
	tools.New(db, logDir).Register(s)

	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}
