package tools

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
)

// queryDB runs the model's SQL as is. "Read-only" is only a word in the
// tool's description.
func (o *Ops) queryDB(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool query_db mcp-go constant` `BR305: tool query_db\b.*` `BR304: tool query_db can change the database with no rate limit`
	query, err := req.RequireString("sql")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	rows, err := o.db.QueryContext(ctx, query) // want `query_db: db-read \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `BR102: tool query_db\b.*\(\*database/sql\.DB\)\.QueryContext` `query_db: db\-write \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `BR301: tool query_db can change the database through \(\*database/sql\.DB\)\.QueryContext with no confirmation before it` `BR202: tool query_db returns whole database rows read by \(\*database/sql\.DB\)\.QueryContext to the model`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("query failed", err), nil
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString(strings.Join(cols, "\t") + "\n")
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		for i, v := range vals {
			if i > 0 {
				b.WriteByte('\t')
			}
			fmt.Fprint(&b, v)
		}
		b.WriteByte('\n')
	}
	return mcp.NewToolResultText(b.String()), rows.Err()
}

func (o *Ops) deleteUser(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool delete_user mcp-go constant` `BR304: tool delete_user\b.*` `BR305: tool delete_user\b.*`
	id, err := req.RequireString("user_id")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	res, err := o.db.ExecContext(ctx, "DELETE FROM users WHERE id = $1", id) // want `delete_user: db-write \(\*database/sql\.DB\)\.ExecContext` `BR301: tool delete_user\b.*\(\*database/sql\.DB\)\.ExecContext.*`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("delete failed", err), nil
	}
	n, _ := res.RowsAffected()
	return mcp.NewToolResultText(fmt.Sprintf("deleted %d user(s)", n)), nil
}

// httpFetch fetches any URL the model names, from inside the network.
func (o *Ops) httpFetch(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool http_fetch mcp-go constant` `BR305: tool http_fetch\b.*`
	url, err := req.RequireString("url")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	httpReq, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil) // want `BR103: tool http_fetch\b.*net/http\.NewRequestWithContext`
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	resp, err := o.client.Do(httpReq) // want `http_fetch: network \(\*net/http\.Client\)\.Do \(tainted\)` `BR203: tool http_fetch\b.*\(\*net/http\.Client\)\.Do.*`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("fetch failed", err), nil
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprintf("%s\n\n%s", resp.Status, body)), nil
}
