package tools

import (
	"context"
	"database/sql"

	"github.com/mark3labs/mcp-go/mcp"
)

// ReportInput is run_report's typed input: a statement and its bind
// parameters, one argument of the tool that happens to be a map.
type ReportInput struct {
	SQL        string         `json:"sql"`
	Parameters map[string]any `json:"parameters"`
}

// ReportOutput counts the rows a report read.
type ReportOutput struct {
	Rows int `json:"rows"`
}

// Runner runs a statement with its parameters.
type Runner interface {
	Run(ctx context.Context, query string, params map[string]any) (int, error)
}

type sqlRunner struct{ db *sql.DB }

// Run runs the statement and counts its rows.
func (r sqlRunner) Run(ctx context.Context, query string, params map[string]any) (int, error) {
	args := make([]any, 0, len(params))
	for _, v := range params {
		args = append(args, v)
	}
	rows, err := r.db.QueryContext(ctx, query, args...) // want `run_report: db-read \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `run_report: db-write \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `BR102: tool run_report: model-controlled input reaches the query text of \(\*database/sql\.DB\)\.QueryContext` `BR301: tool run_report can change the database through \(\*database/sql\.DB\)\.QueryContext with no confirmation before it`
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

// Reports runs reports through the Runner it holds: a service of its
// handler, which it hands the statement and the parameters map, not a
// tool it adapts.
type Reports struct{ runner Runner }

// NewReports returns Reports over a database.
func NewReports(db *sql.DB) *Reports { return &Reports{runner: sqlRunner{db: db}} }

// Run is run_report's handler.
func (r *Reports) Run(ctx context.Context, req mcp.CallToolRequest, in ReportInput) (*ReportOutput, error) { // want `tool run_report mcp-go constant` `BR304: tool run_report can change the database with no rate limit` `BR305: tool run_report is not logged with its arguments`
	n, err := r.runner.Run(ctx, in.SQL, in.Parameters)
	if err != nil {
		return nil, err
	}
	return &ReportOutput{Rows: n}, nil
}

// Catalog answers questions about the database's tables.
type Catalog interface {
	ListTables(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error)
}

// sqlCatalog is the Catalog over a database.
type sqlCatalog struct{ db *sql.DB }

// NewCatalog returns the Catalog of a database.
func NewCatalog(db *sql.DB) Catalog { return &sqlCatalog{db: db} }

// ListTables lists the tables of the schema the model names, spliced into
// the statement.
func (c *sqlCatalog) ListTables(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_tables mcp-go constant` `BR305: tool list_tables is not logged with its arguments`
	rows, err := c.db.QueryContext(ctx, "SHOW TABLES FROM "+req.GetString("schema", "")) // want `list_tables: db-read \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `BR102: tool list_tables: model-controlled input reaches the query text of \(\*database/sql\.DB\)\.QueryContext`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return mcp.NewToolResultText("ok"), nil
}
