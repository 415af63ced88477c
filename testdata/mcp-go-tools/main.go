// Command mcp-go-tools is an MCP server built with mark3labs/mcp-go that
// registers tools in every way the SDK allows. Its tools live in package
// tools; the sinks of save_note live in package store.
package main

import (
	"context"
	"database/sql"
	"log"
	"os"
	"os/exec"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"example.com/mcp-go-tools/store"
	"example.com/mcp-go-tools/tools"
)

func main() {
	// Setup in main is not attributed to any tool: neither this os.Getenv nor
	// the exec below may be reported.
	prefix := os.Getenv("TOOL_PREFIX")
	notesDir := os.Getenv("NOTES_DIR")
	if out, err := exec.Command("git", "rev-parse", "HEAD").Output(); err == nil {
		log.Printf("notes server at %s", out)
	}
	db, err := sql.Open("postgres", "postgres://localhost/notes")
	if err != nil {
		log.Fatal(err)
	}

	s := server.NewMCPServer("notes", "1.0.0") // want `agent notes server mcp\-go: Whoami, delete_note, fetch_url, list_dir, list_tables, ping, query_users, read_note, run_command, run_report, save_note, search_notes, server_config, tidy` `BR401: agent notes: server_config returns private data \(os\.Getenv\), fetch_url returns untrusted content \(net/http\.Get\), fetch_url sends data where the model says \(net/http\.Get\);.*`

	// A plain top-level function.
	s.AddTool(mcp.NewTool("run_command", mcp.WithString("cmd", mcp.Required())), tools.RunCommand)

	// A closure that captures notesDir.
	readNote := mcp.NewTool("read_note", mcp.WithString("name", mcp.Required()))
	s.AddTool(readNote, func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_note mcp-go constant` `BR305: tool read_note\b.*`
		text, err := tools.ReadNote(notesDir, req.GetString("name", ""))
		if err != nil {
			return nil, err
		}
		return mcp.NewToolResultText(text), nil
	})

	// Method values. Only store.FileStore is ever constructed.
	notes := &tools.Notes{Dir: notesDir, Store: store.FileStore{Dir: notesDir}}
	s.AddTool(mcp.NewTool("save_note", mcp.WithString("name"), mcp.WithString("text")), notes.Save)
	s.AddTool(mcp.NewTool("ping"), notes.Ping)

	// Typed adapters: the function passed to the adapter is the handler.
	s.AddTool(mcp.NewTool("search_notes", mcp.WithString("dir"), mcp.WithString("query")),
		mcp.NewTypedToolHandler(tools.SearchNotes))
	s.AddTool(mcp.NewTool("server_config", mcp.WithString("key")),
		mcp.NewStructuredToolHandler(tools.ServerConfig))

	// A handler built by a function that returns a closure.
	s.AddTool(mcp.NewTool("query_users", mcp.WithString("team")), tools.NewQueryUsers(db))

	// A typed handler whose service is an interface it hands a map
	// argument: the method is the tool, not the service.
	s.AddTool(mcp.NewTool("run_report", mcp.WithString("sql"), mcp.WithObject("parameters")),
		mcp.NewStructuredToolHandler(tools.NewReports(db).Run))

	// A method value of an interface, registered by a helper.
	registerCatalog(s, tools.NewCatalog(db))

	// A slice of server.ServerTool literals.
	s.AddTools([]server.ServerTool{
		{Tool: mcp.NewTool("list_dir", mcp.WithString("path")), Handler: tools.ListDir},
		{Tool: mcp.NewTool("fetch_url", mcp.WithString("url")), Handler: tools.FetchURL},
	}...)

	// An mcp.Tool literal.
	s.AddTool(mcp.Tool{Name: "delete_note", Description: "Delete a note file"}, tools.DeleteNote)

	// A handler whose one sink call is a function value.
	s.AddTool(mcp.NewTool("tidy", mcp.WithString("path"), mcp.WithBoolean("recursive")), tools.Tidy)

	// A name that is not a constant: the tool is named after its handler.
	s.AddTool(mcp.NewTool(prefix+"whoami"), tools.Whoami)

	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

// registerCatalog registers the catalog's method through its interface:
// the SDK calls the method value, which calls the implementation's.
func registerCatalog(s *server.MCPServer, c tools.Catalog) {
	s.AddTool(mcp.NewTool("list_tables", mcp.WithString("schema")), c.ListTables)
}
