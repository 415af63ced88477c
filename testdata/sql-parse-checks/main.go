// Command sql-parse-checks is an MCP server whose query tools let the model
// write SQL and check, with a SQL parser, which statement it is before it
// runs: a check that the parsed statement is a SELECT (or SHOW) says which
// statement runs, as a check that the text begins with SELECT does, so the
// tool reads and cannot write. A check that lets a write through (INSERT
// allowed, only DDL refused, EXPLAIN, which runs the statement it
// explains under ANALYZE) pins nothing.
package main

import (
	"context"
	"database/sql"
	"errors"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	pg_query "github.com/pganalyze/pg_query_go/v6"
	"github.com/xwb1989/sqlparser"
)

type console struct{ db *sql.DB }

var errNotRead = errors.New("only read-only statements are allowed")

func main() {
	db, err := sql.Open("mysql", "reader@/shop")
	if err != nil {
		panic(err)
	}
	c := &console{db: db}
	srv := server.NewMCPServer("sql", "1.0.0") // want `agent sql server mcp-go: load_rows, mysql_query, no_ddl, pg_explain, pg_select, select_one`
	srv.AddTool(mcp.NewTool("mysql_query", mcp.WithString("sql")), c.mysqlQuery)
	srv.AddTool(mcp.NewTool("select_one", mcp.WithString("sql")), c.selectOne)
	srv.AddTool(mcp.NewTool("pg_select", mcp.WithString("sql")), c.pgSelect)
	srv.AddTool(mcp.NewTool("pg_explain", mcp.WithString("sql")), c.pgExplain)
	srv.AddTool(mcp.NewTool("no_ddl", mcp.WithString("sql")), c.noDDL)
	srv.AddTool(mcp.NewTool("load_rows", mcp.WithString("sql")), c.loadRows)
	if err := server.ServeStdio(srv); err != nil {
		panic(err)
	}
}

// rows runs the model's statement and gives back how many rows it read.
func (c *console) rows(ctx context.Context, q string) (*mcp.CallToolResult, error) {
	rows, err := c.db.QueryContext(ctx, q) // want `load_rows: db-read \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `load_rows: db-write \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `mysql_query: db-read \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `no_ddl: db-read \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `no_ddl: db-write \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `pg_explain: db-read \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `pg_explain: db-write \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `pg_select: db-read \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `select_one: db-read \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `BR102: tool load_rows: model-controlled input reaches the query text of \(\*database/sql\.DB\)\.QueryContext` `BR301: tool load_rows can change the database through \(\*database/sql\.DB\)\.QueryContext with no confirmation before it` `BR102: tool mysql_query: model-controlled input reaches the query text of \(\*database/sql\.DB\)\.QueryContext` `BR102: tool no_ddl: model-controlled input reaches the query text of \(\*database/sql\.DB\)\.QueryContext` `BR301: tool no_ddl can change the database through \(\*database/sql\.DB\)\.QueryContext with no confirmation before it` `BR102: tool pg_explain: model-controlled input reaches the query text of \(\*database/sql\.DB\)\.QueryContext` `BR301: tool pg_explain can change the database through \(\*database/sql\.DB\)\.QueryContext with no confirmation before it` `BR102: tool pg_select: model-controlled input reaches the query text of \(\*database/sql\.DB\)\.QueryContext` `BR102: tool select_one: model-controlled input reaches the query text of \(\*database/sql\.DB\)\.QueryContext`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return mcp.NewToolResultText(string(rune('0' + n%10))), nil
}

// validateRead parses the statement and refuses it unless readOnly says
// it reads: the shape of a helper that a SQL server calls before it runs
// the model's query.
func validateRead(q string) error {
	stmt, err := sqlparser.Parse(q)
	if err != nil {
		return err
	}
	if !readOnly(stmt) {
		return errNotRead
	}
	return nil
}

// readOnly reports whether a parsed statement only reads.
func readOnly(stmt sqlparser.Statement) bool {
	switch stmt.(type) {
	case *sqlparser.Select, *sqlparser.Union:
		return true
	case *sqlparser.Show, *sqlparser.OtherRead:
		return true
	default:
		return false
	}
}

func (c *console) mysqlQuery(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool mysql_query mcp-go constant` `BR305: tool mysql_query is not logged with its arguments`
	q := req.GetString("sql", "")
	if err := validateRead(q); err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return c.rows(ctx, q)
}

// selectOne checks the parsed statement inline.
func (c *console) selectOne(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool select_one mcp-go constant` `BR305: tool select_one is not logged with its arguments`
	q := req.GetString("sql", "")
	stmt, err := sqlparser.Parse(q)
	if err != nil {
		return nil, err
	}
	if _, ok := stmt.(*sqlparser.Select); !ok {
		return mcp.NewToolResultError("SELECT only"), nil
	}
	return c.rows(ctx, q)
}

// pgSelect parses with PostgreSQL's own parser, wants one statement, and
// asks its node whether it is a SELECT or a SHOW.
func (c *console) pgSelect(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool pg_select mcp-go constant` `BR305: tool pg_select is not logged with its arguments`
	q := req.GetString("sql", "")
	tree, err := pg_query.Parse(q)
	if err != nil {
		return nil, err
	}
	if len(tree.Stmts) != 1 || !pgReads(tree) {
		return mcp.NewToolResultError("one SELECT or SHOW only"), nil
	}
	return c.rows(ctx, q)
}

func pgReads(tree *pg_query.ParseResult) bool {
	node := tree.Stmts[0].Stmt
	return node.GetSelectStmt() != nil || node.GetVariableShowStmt() != nil
}

// pgExplain lets EXPLAIN through too: EXPLAIN ANALYZE DELETE deletes.
func (c *console) pgExplain(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool pg_explain mcp-go constant` `BR304: tool pg_explain can change the database with no rate limit` `BR305: tool pg_explain is not logged with its arguments`
	q := req.GetString("sql", "")
	tree, err := pg_query.Parse(q)
	if err != nil {
		return nil, err
	}
	node := tree.Stmts[0].Stmt
	if node.GetSelectStmt() == nil && node.GetExplainStmt() == nil {
		return mcp.NewToolResultError("SELECT or EXPLAIN only"), nil
	}
	return c.rows(ctx, q)
}

// noDDL refuses schema changes only: an UPDATE passes.
func (c *console) noDDL(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool no_ddl mcp-go constant` `BR304: tool no_ddl can change the database with no rate limit` `BR305: tool no_ddl is not logged with its arguments`
	q := req.GetString("sql", "")
	stmt, err := sqlparser.Parse(q)
	if err != nil {
		return nil, err
	}
	if _, ok := stmt.(*sqlparser.DDL); ok {
		return mcp.NewToolResultError("no schema changes"), nil
	}
	return c.rows(ctx, q)
}

// loadRows allows an INSERT as well as a SELECT.
func (c *console) loadRows(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool load_rows mcp-go constant` `BR304: tool load_rows can change the database with no rate limit` `BR305: tool load_rows is not logged with its arguments`
	q := req.GetString("sql", "")
	stmt, err := sqlparser.Parse(q)
	if err != nil {
		return nil, err
	}
	switch stmt.(type) {
	case *sqlparser.Select, *sqlparser.Insert:
		return c.rows(ctx, q)
	}
	return mcp.NewToolResultError("SELECT or INSERT only"), nil
}
