// Command mcp-go-database is a database console for an assistant. One
// tool connects to whatever server the model names, with the model's
// credentials, and runs its query there; the others run queries on the
// server the operator configured. Only the first connects where the model
// says: the data source name chooses the server as a URL does. Only the
// first runs whatever statement the model writes: the others fix it (a
// constant query, the program's own words before the model's, a check
// that the text begins with SELECT, a read-only transaction).
package main

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

type console struct {
	// db is the operator's database, opened at start-up.
	db *sql.DB
}

func main() {
	// No driver is linked in: the fixture is for reading, not for running.
	db, err := sql.Open("postgres", os.Getenv("CONSOLE_DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	c := &console{db: db}
	srv := server.NewMCPServer("console", "1.0.0") // want `agent console server mcp-go: count_orders, describe, explain, export, mark_shipped, open_archive, prepared_limited, prepared_report, prepared_select, remote_query, report, snapshot, snapshot_rows, stats` `BR402: agent console: snapshot_rows returns private data \(\(\*database/sql\.Tx\)\.QueryContext\), remote_query sends data where the model says \(database/sql\.Open\);.*`
	srv.AddTool(mcp.NewTool("remote_query", mcp.WithString("host", mcp.Required()), mcp.WithString("user"),
		mcp.WithString("password"), mcp.WithString("query", mcp.Required())), c.remoteQuery)
	srv.AddTool(mcp.NewTool("open_archive", mcp.WithString("path", mcp.Required())), c.openArchive)
	srv.AddTool(mcp.NewTool("count_orders", mcp.WithString("customer", mcp.Required())), c.countOrders)
	srv.AddTool(mcp.NewTool("explain", mcp.WithString("table", mcp.Required())), c.explain)
	srv.AddTool(mcp.NewTool("report", mcp.WithString("query", mcp.Required())), c.report)
	srv.AddTool(mcp.NewTool("describe", mcp.WithString("table", mcp.Required())), c.describe)
	srv.AddTool(mcp.NewTool("snapshot", mcp.WithString("query", mcp.Required())), c.snapshot)
	srv.AddTool(mcp.NewTool("snapshot_rows", mcp.WithString("query", mcp.Required())), c.snapshotRows)
	srv.AddTool(mcp.NewTool("export", mcp.WithString("customer", mcp.Required())), c.export)
	srv.AddTool(mcp.NewTool("stats", mcp.WithString("query", mcp.Required())), c.stats)
	srv.AddTool(mcp.NewTool("mark_shipped", mcp.WithString("order", mcp.Required())), c.markShipped)
	srv.AddTool(mcp.NewTool("prepared_report", mcp.WithString("query", mcp.Required())), c.preparedReport)
	srv.AddTool(mcp.NewTool("prepared_select", mcp.WithString("query", mcp.Required())), c.preparedSelect)
	srv.AddTool(mcp.NewTool("prepared_limited", mcp.WithString("query", mcp.Required())), c.preparedLimited)
	if err := server.ServeStdio(srv); err != nil {
		log.Fatal(err)
	}
}

// remoteQuery opens a handle on the model's server. database/sql dials
// through the driver registered at init, which no call edge reaches: the
// connection is seen at sql.Open, whose DSN the model wrote. The query
// is the model's whole statement: QueryContext runs a DELETE as well as a
// SELECT, so the tool can change that database as well as read it.
func (c *console) remoteQuery(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool remote_query mcp-go constant` `BR304: tool remote_query can change the database with no rate limit` `BR305: tool remote_query is not logged with its arguments`
	dsn := fmt.Sprintf("postgres://%s:%s@%s/postgres", req.GetString("user", ""), req.GetString("password", ""), req.GetString("host", ""))
	db, err := sql.Open("postgres", dsn) // want `remote_query: network database/sql\.Open \(tainted\)` `BR103: tool remote_query: model-controlled input reaches the URL or address of database/sql\.Open`
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, req.GetString("query", "")) // want `remote_query: db-write \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `BR301: tool remote_query can change the database through \(\*database/sql\.DB\)\.QueryContext with no confirmation before it` `BR102: tool remote_query: model-controlled input reaches the query text of \(\*database/sql\.DB\)\.QueryContext` `remote_query: db\-read \(\*database/sql\.DB\)\.QueryContext \(tainted\)`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return mcp.NewToolResultText("ok"), nil
}

// countOrders runs a fixed query on the operator's database: the model's
// customer is a bind parameter, and the server is not its choice.
func (c *console) countOrders(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool count_orders mcp-go constant` `BR305: tool count_orders is not logged with its arguments`
	var n int
	err := c.db.QueryRowContext(ctx, "SELECT count(*) FROM orders WHERE customer = $1", req.GetString("customer", "")).Scan(&n) // want `count_orders: db-read \(\*database/sql\.DB\)\.QueryRowContext`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprint(n)), nil
}

// explain keeps the model's table and the operator's log file in one map:
// the entry under "log" is the operator's, the one under "table" the
// model's.
func (c *console) explain(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool explain mcp-go constant` `BR304: tool explain can write files with no rate limit` `BR305: tool explain is not logged with its arguments`
	fields := map[string]string{"table": req.GetString("table", ""), "log": filepath.Join(os.TempDir(), "explain.log")}
	f, err := os.OpenFile(fields["log"], os.O_APPEND|os.O_WRONLY, 0o600) // want `explain: fs-write os\.OpenFile` `BR301: tool explain can write files through os\.OpenFile with no confirmation before it`
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := c.db.QueryContext(ctx, "EXPLAIN SELECT * FROM "+fields["table"]) // want `explain: db-read \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `BR102: tool explain: model-controlled input reaches the query text of \(\*database/sql\.DB\)\.QueryContext`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return mcp.NewToolResultText("ok"), nil
}

// report runs the model's query on the operator's database once it begins
// with SELECT: the check says which statement runs, so the tool reads, but
// what it reads is the model's SQL.
func (c *console) report(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool report mcp-go constant` `BR305: tool report is not logged with its arguments`
	q := req.GetString("query", "")
	if err := selectOnly(q); err != nil {
		return nil, err
	}
	rows, err := c.db.QueryContext(ctx, q) // want `report: db-read \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `BR102: tool report: model-controlled input reaches the query text of \(\*database/sql\.DB\)\.QueryContext`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return mcp.NewToolResultText("ok"), nil
}

// selectOnly refuses any statement but a SELECT.
func selectOnly(q string) error {
	upper := strings.ToUpper(strings.TrimSpace(q))
	if !strings.HasPrefix(upper, "SELECT") && !strings.HasPrefix(upper, "WITH") {
		return fmt.Errorf("only SELECT queries are allowed")
	}
	return nil
}

// describe puts the model's table into a statement of its own.
func (c *console) describe(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool describe mcp-go constant` `BR305: tool describe is not logged with its arguments`
	rows, err := c.db.QueryContext(ctx, fmt.Sprintf("DESCRIBE `%s`", req.GetString("table", ""))) // want `describe: db-read \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `BR102: tool describe: model-controlled input reaches the query text of \(\*database/sql\.DB\)\.QueryContext`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return mcp.NewToolResultText("ok"), nil
}

// snapshotRows runs the model's query in a read-only transaction too, and
// sends back what it reads: the model cannot write, but it chooses what is
// read, every column of any table (SELECT * FROM users).
func (c *console) snapshotRows(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool snapshot_rows mcp-go constant` `BR305: tool snapshot_rows is not logged with its arguments`
	tx, err := c.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, req.GetString("query", "")) // want `snapshot_rows: db-read \(\*database/sql\.Tx\)\.QueryContext \(tainted\)` `BR102: tool snapshot_rows: model-controlled input reaches the query text of \(\*database/sql\.Tx\)\.QueryContext` `BR202: tool snapshot_rows returns whole database rows read by \(\*database/sql\.Tx\)\.QueryContext to the model`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, err
		}
		b.WriteString(line + "\n")
	}
	return mcp.NewToolResultText(b.String()), nil
}

// snapshot runs the model's query in a read-only transaction: the server
// refuses any write in it.
func (c *console) snapshot(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool snapshot mcp-go constant` `BR305: tool snapshot is not logged with its arguments`
	tx, err := c.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, req.GetString("query", "")) // want `snapshot: db-read \(\*database/sql\.Tx\)\.QueryContext \(tainted\)` `BR102: tool snapshot: model-controlled input reaches the query text of \(\*database/sql\.Tx\)\.QueryContext`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return mcp.NewToolResultText("ok"), nil
}

// export archives a customer's orders: it reads them, returns them as
// CSV and deletes them. The rows reach the model through the CSV writer
// around the builder, so the read is the model's, not a step of the
// delete.
func (c *console) export(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool export mcp-go constant` `BR304: tool export can change the database with no rate limit` `BR305: tool export is not logged with its arguments`
	customer := req.GetString("customer", "")
	rows, err := c.db.QueryContext(ctx, "SELECT * FROM orders WHERE customer = $1", customer) // want `export: db-read \(\*database/sql\.DB\)\.QueryContext` `BR202: tool export returns whole database rows read by \(\*database/sql\.DB\)\.QueryContext to the model`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out strings.Builder
	w := csv.NewWriter(&out)
	for rows.Next() {
		var id, total string
		if err := rows.Scan(&id, &total); err != nil {
			return nil, err
		}
		if err := w.Write([]string{id, total}); err != nil {
			return nil, err
		}
	}
	w.Flush()
	if _, err := c.db.ExecContext(ctx, "DELETE FROM orders WHERE customer = $1", customer); err != nil { // want `export: db-write \(\*database/sql\.DB\)\.ExecContext` `BR301: tool export can change the database through \(\*database/sql\.DB\)\.ExecContext with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText(out.String()), nil
}

// readOnly is the pattern every query of stats must match.
var readOnly = regexp.MustCompile(`(?i)^\s*(select|show)\b`)

// stats runs the model's query once it matches a pattern that begins with
// SELECT or SHOW.
func (c *console) stats(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool stats mcp-go constant` `BR305: tool stats is not logged with its arguments`
	q := req.GetString("query", "")
	if !readOnly.MatchString(q) {
		return mcp.NewToolResultError("only SELECT and SHOW"), nil
	}
	rows, err := c.db.QueryContext(ctx, q) // want `stats: db-read \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `BR102: tool stats: model-controlled input reaches the query text of \(\*database/sql\.DB\)\.QueryContext`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return mcp.NewToolResultText("ok"), nil
}

// markShipped runs a statement prepared from the program's own text: the
// model's order ID is a bind parameter of it, data that cannot change the
// statement.
func (c *console) markShipped(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool mark_shipped mcp-go constant` `BR304: tool mark_shipped can change the database with no rate limit` `BR305: tool mark_shipped is not logged with its arguments`
	stmt, err := c.db.PrepareContext(ctx, "UPDATE orders SET shipped = true WHERE id = $1")
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	if _, err := stmt.ExecContext(ctx, req.GetString("order", "")); err != nil { // want `mark_shipped: db-write \(\*database/sql\.Stmt\)\.ExecContext` `BR301: tool mark_shipped can change the database through \(\*database/sql\.Stmt\)\.ExecContext with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("ok"), nil
}

// preparedReport prepares the model's own query: the statement it then
// runs is the model's, and it can change the database.
func (c *console) preparedReport(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool prepared_report mcp-go constant` `BR305: tool prepared_report is not logged with its arguments` `BR304: tool prepared_report can change the database with no rate limit`
	stmt, err := c.db.PrepareContext(ctx, req.GetString("query", "")) // want `BR102: tool prepared_report: model-controlled input reaches the query text of \(\*database/sql\.DB\)\.PrepareContext`
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	rows, err := stmt.QueryContext(ctx) // want `prepared_report: db-read \(\*database/sql\.Stmt\)\.QueryContext \(tainted\)` `prepared_report: db-write \(\*database/sql\.Stmt\)\.QueryContext \(tainted\)` `BR301: tool prepared_report can change the database through \(\*database/sql\.Stmt\)\.QueryContext with no confirmation before it`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return mcp.NewToolResultText("ok"), nil
}

// preparedSelect prepares the model's query only once it begins with
// SELECT: the statement it runs reads.
func (c *console) preparedSelect(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool prepared_select mcp-go constant` `BR305: tool prepared_select is not logged with its arguments`
	q := req.GetString("query", "")
	if !strings.HasPrefix(strings.ToUpper(strings.TrimSpace(q)), "SELECT") {
		return mcp.NewToolResultError("only SELECT"), nil
	}
	stmt, err := c.db.PrepareContext(ctx, q) // want `BR102: tool prepared_select: model-controlled input reaches the query text of \(\*database/sql\.DB\)\.PrepareContext`
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	rows, err := stmt.QueryContext(ctx) // want `prepared_select: db-read \(\*database/sql\.Stmt\)\.QueryContext \(tainted\)`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return mcp.NewToolResultText("ok"), nil
}

// firstWord refuses a query whose first word is not SELECT; one of no
// words runs nothing.
func firstWord(q string) error {
	words := strings.Fields(q)
	if len(words) > 0 && words[0] != "SELECT" {
		return fmt.Errorf("query is not valid")
	}
	return nil
}

// preparedLimited prepares the model's query, checked by its first word,
// with a limit of the program's after it: it reads.
func (c *console) preparedLimited(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool prepared_limited mcp-go constant` `BR305: tool prepared_limited is not logged with its arguments`
	q := req.GetString("query", "")
	if err := firstWord(q); err != nil {
		return nil, err
	}
	stmt, err := c.db.PrepareContext(ctx, q+fmt.Sprintf(" LIMIT %d", 10)) // want `BR102: tool prepared_limited: model-controlled input reaches the query text of \(\*database/sql\.DB\)\.PrepareContext`
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	rows, err := stmt.QueryContext(ctx) // want `prepared_limited: db-read \(\*database/sql\.Stmt\)\.QueryContext \(tainted\)`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return mcp.NewToolResultText("ok"), nil
}

// archiveDriver is the file database the archives are kept in.
const archiveDriver = "sqlite"

// openArchive counts the rows of the archive file the model names: a
// SQLite DSN is a file's path, which the driver opens, or creates, on this
// machine; no server is dialled.
func (c *console) openArchive(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool open_archive mcp-go constant` `BR304: tool open_archive can write files with no rate limit` `BR305: tool open_archive is not logged with its arguments`
	db, err := sql.Open(archiveDriver, "file:"+req.GetString("path", "")+"?mode=rw") // want `open_archive: fs-write database/sql\.Open \(tainted\)` `BR104: tool open_archive: model-controlled input reaches the file path of database/sql\.Open` `BR301: tool open_archive can write files through database/sql\.Open with no confirmation before it`
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM messages").Scan(&n); err != nil { // want `open_archive: db-read \(\*database/sql\.DB\)\.QueryRowContext`
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprint(n)), nil
}
