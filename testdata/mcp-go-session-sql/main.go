// Command mcp-go-session-sql reads a database in a transaction it opens
// and rolls back through Exec: BEGIN, USE, SET and ROLLBACK, and SQLite's
// busy_timeout, change no stored data, so its read-only tools stay
// read-only. A PRAGMA that changes the database file, and a SET GLOBAL,
// are writes. The statement may come from a caller: a transaction's helper
// runs "ROLLBACK;" for count_rows, which stays read-only, and the model's
// statement for run_statement, which writes; a busy_timeout formatted with
// a number is still a connection setting.
package main

import (
	"context"
	"database/sql"
	"fmt"
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

// executor is what a transaction runs statements on: a pool or one
// connection.
type executor interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// txn is a transaction of the server's own.
type txn struct{ ex executor }

func begin(ctx context.Context, db *sql.DB, timeout int) (*txn, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d;", timeout)); err != nil {
		return nil, err
	}
	t := &txn{ex: conn}
	return t, t.exec(ctx, "BEGIN;")
}

// exec runs a statement in the transaction.
func (t *txn) exec(ctx context.Context, statement string) error {
	_, err := t.ex.ExecContext(ctx, statement) // want `run_statement: db-write \(\*database/sql\.Conn\)\.ExecContext \(tainted\)` `BR102: tool run_statement: model-controlled input reaches the query text of \(\*database/sql\.Conn\)\.ExecContext` `BR301: tool run_statement can change the database through \(\*database/sql\.Conn\)\.ExecContext with no confirmation before it`
	return err
}

func (t *txn) rollback(ctx context.Context) error { return t.exec(ctx, "ROLLBACK;") }

func (t *tools) countRows(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool count_rows mcp-go constant` `BR305: tool count_rows is not logged with its arguments`
	tx, err := begin(ctx, t.db, 5000)
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	defer tx.rollback(ctx)
	var n int
	if err := tx.ex.QueryRowContext(ctx, "SELECT COUNT(*) FROM items").Scan(&n); err != nil { // want `count_rows: db-read \(\*database/sql\.Conn\)\.QueryRowContext`
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(fmt.Sprint(n)), nil
}

func (t *tools) runStatement(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_statement mcp-go constant` `BR304: tool run_statement can change the database with no rate limit` `BR305: tool run_statement is not logged with its arguments`
	tx, err := begin(ctx, t.db, 5000)
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	if err := tx.exec(ctx, req.GetString("statement", "")); err != nil {
		tx.rollback(ctx)
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("done"), tx.exec(ctx, "COMMIT;")
}

func main() {
	db, err := sql.Open("mysql", "app@tcp(db.internal:3306)/inventory")
	if err != nil {
		return
	}
	t := &tools{db: db}
	s := server.NewMCPServer("session-sql", "1.0.0")                                          // want `agent session-sql server mcp-go: count_rows, list_tables, run_statement, tune`
	s.AddTool(mcp.NewTool("list_tables", mcp.WithReadOnlyHintAnnotation(true)), t.listTables) // want `list_tables: hints read\-only=true`
	s.AddTool(mcp.NewTool("tune", mcp.WithReadOnlyHintAnnotation(true)), t.tune)              // want `tune: hints read-only=true` `BR501: tool tune declares readOnlyHint true but can change something: db-write \(\*database/sql\.DB\)\.ExecContext`
	s.AddTool(mcp.NewTool("count_rows", mcp.WithReadOnlyHintAnnotation(true)), t.countRows)   // want `count_rows: hints read-only=true`
	s.AddTool(mcp.NewTool("run_statement", mcp.WithString("statement", mcp.Required())), t.runStatement)
	_ = server.ServeStdio(s)
}
