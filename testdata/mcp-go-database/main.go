// Command mcp-go-database is a database console for an assistant. One
// tool connects to whatever server the model names, with the model's
// credentials, and runs its query there; the other runs a fixed query on
// the server the operator configured. Only the first connects where the
// model says: the data source name chooses the server as a URL does.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
	"path/filepath"

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
	srv := server.NewMCPServer("console", "1.0.0") // want `agent console server mcp-go: count_orders, explain, remote_query`
	srv.AddTool(mcp.NewTool("remote_query", mcp.WithString("host", mcp.Required()), mcp.WithString("user"),
		mcp.WithString("password"), mcp.WithString("query", mcp.Required())), c.remoteQuery)
	srv.AddTool(mcp.NewTool("count_orders", mcp.WithString("customer", mcp.Required())), c.countOrders)
	srv.AddTool(mcp.NewTool("explain", mcp.WithString("table", mcp.Required())), c.explain)
	if err := server.ServeStdio(srv); err != nil {
		log.Fatal(err)
	}
}

// remoteQuery opens a handle on the model's server. database/sql dials
// through the driver registered at init, which no call edge reaches: the
// connection is seen at sql.Open, whose DSN the model wrote.
func (c *console) remoteQuery(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool remote_query mcp-go constant` `BR305: tool remote_query is not logged with its arguments`
	dsn := fmt.Sprintf("postgres://%s:%s@%s/postgres", req.GetString("user", ""), req.GetString("password", ""), req.GetString("host", ""))
	db, err := sql.Open("postgres", dsn) // want `remote_query: network database/sql\.Open \(tainted\)` `BR103: tool remote_query: model-controlled input reaches the URL or address of database/sql\.Open`
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, req.GetString("query", "")) // want `remote_query: db-read \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `BR102: tool remote_query: model-controlled input reaches the query text of \(\*database/sql\.DB\)\.QueryContext`
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
