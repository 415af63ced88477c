// Command mcp-go-session-sql reads a database in a transaction it opens
// and rolls back through Exec: BEGIN, USE, SET and ROLLBACK, and SQLite's
// busy_timeout, change no stored data, so its read-only tools stay
// read-only. A PRAGMA that changes the database file, and a SET GLOBAL,
// are writes.
package main

import (
	"context"
	"database/sql"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

type tools struct{ db *sql.DB }

func (t *tools) listTables(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_tables mcp-go constant` `BR305: tool list_tables is not logged with its arguments`
	conn, err := t.db.Conn(ctx)
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	defer conn.Close()
	conn.ExecContext(ctx, "PRAGMA busy_timeout = 5000")
	conn.ExecContext(ctx, "BEGIN;")
	defer conn.ExecContext(ctx, "ROLLBACK")
	conn.ExecContext(ctx, "SET SESSION TRANSACTION READ ONLY")
	conn.ExecContext(ctx, "USE inventory")
	rows, err := conn.QueryContext(ctx, "SHOW TABLES") // want `list_tables: db-read \(\*database/sql\.Conn\)\.QueryContext`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if rows.Scan(&n) == nil {
			names = append(names, n)
		}
	}
	return mcp.NewToolResultText(strings.Join(names, "\n")), nil
}

func (t *tools) tune(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool tune mcp-go constant` `BR304: tool tune can change the database with no rate limit` `BR305: tool tune is not logged with its arguments`
	if _, err := t.db.ExecContext(ctx, "PRAGMA journal_mode = WAL"); err != nil { // want `tune: db-write \(\*database/sql\.DB\)\.ExecContext` `BR301: tool tune can change the database through \(\*database/sql\.DB\)\.ExecContext with no confirmation before it`
		return mcp.NewToolResultError(err.Error()), nil
	}
	if _, err := t.db.ExecContext(ctx, "SET GLOBAL max_connections = 50"); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("tuned"), nil
}

func main() {
	db, err := sql.Open("mysql", "app@tcp(db.internal:3306)/inventory")
	if err != nil {
		return
	}
	t := &tools{db: db}
	s := server.NewMCPServer("session-sql", "1.0.0")                                          // want `agent session-sql server mcp-go: list_tables, tune`
	s.AddTool(mcp.NewTool("list_tables", mcp.WithReadOnlyHintAnnotation(true)), t.listTables) // want `list_tables: hints read\-only=true`
	s.AddTool(mcp.NewTool("tune", mcp.WithReadOnlyHintAnnotation(true)), t.tune)              // want `tune: hints read\-only=true` `BR501: tool tune declares readOnlyHint true but can change something: db-write \(\*database/sql\.DB\)\.ExecContext`
	_ = server.ServeStdio(s)
}
