package tools

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
)

// SearchTicketsArgs are the typed arguments of search_tickets.
type SearchTicketsArgs struct {
	Status string `json:"status"`
	SortBy string `json:"sort_by"`
	Limit  int    `json:"limit"`
}

// searchTickets formats the model's status and sort column into the SQL
// text: a status of "x' OR '1'='1" lists every ticket, and sort_by is an
// expression.
func (s *Server) searchTickets(ctx context.Context, req mcp.CallToolRequest, args SearchTicketsArgs) (*mcp.CallToolResult, error) { // want `tool search_tickets mcp-go constant` `BR305: tool search_tickets\b.*`
	sortBy := args.SortBy
	if sortBy == "" {
		sortBy = "updated_at DESC"
	}
	limit := args.Limit
	if limit <= 0 || limit > 100 {
		limit = 20
	}
	query := fmt.Sprintf("SELECT id, subject, status, updated_at FROM tickets WHERE status = '%s' ORDER BY %s LIMIT %d",
		args.Status, sortBy, limit)
	rows, err := s.db.QueryContext(ctx, query) // want `search_tickets: db-read \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `BR102: tool search_tickets\b.*\(\*database/sql\.DB\)\.QueryContext`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("search failed", err), nil
	}
	text, err := formatTickets(rows)
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(text), nil
}

// ticketReport collects the optional filters in a map and writes the
// WHERE clause with a strings.Builder, quoting each value by hand.
func (s *Server) ticketReport(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool ticket_report mcp-go constant` `BR305: tool ticket_report\b.*`
	filters := map[string]string{}
	for _, key := range []string{"assignee", "priority", "team"} {
		if v := req.GetString(key, ""); v != "" {
			filters[key] = v
		}
	}
	keys := make([]string, 0, len(filters))
	for k := range filters {
		keys = append(keys, k)
	}
	sort.Strings(keys)

	var b strings.Builder
	b.WriteString("SELECT team, count(*) FROM tickets WHERE state = 'open'")
	for _, k := range keys {
		b.WriteString(" AND ")
		b.WriteString(k)
		b.WriteString(" = '")
		b.WriteString(filters[k])
		b.WriteString("'")
	}
	b.WriteString(" GROUP BY team ORDER BY team")

	rows, err := s.db.QueryContext(ctx, b.String()) // want `ticket_report: db-read \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `BR102: tool ticket_report\b.*\(\*database/sql\.DB\)\.QueryContext`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("report failed", err), nil
	}
	defer rows.Close()
	var out strings.Builder
	for rows.Next() {
		var team string
		var n int
		if err := rows.Scan(&team, &n); err != nil {
			return nil, err
		}
		fmt.Fprintf(&out, "%-20s %d\n", team, n)
	}
	return mcp.NewToolResultText(out.String()), rows.Err()
}

// customerTickets lists the tickets of the customer the model names.
func (s *Server) customerTickets(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool customer_tickets mcp-go constant` `BR305: tool customer_tickets\b.*`
	email, err := req.RequireString("email")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	// Trap: the e-mail is a bind parameter; the query text is a constant.
	rows, err := s.db.QueryContext(ctx, "SELECT id, subject, status, updated_at FROM tickets WHERE customer_email = $1 ORDER BY updated_at DESC LIMIT 50", email) // want `customer_tickets: db-read \(\*database/sql\.DB\)\.QueryContext`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("query failed", err), nil
	}
	text, err := formatTickets(rows)
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(text), nil
}

// formatTickets writes one line per ticket and closes rows.
func formatTickets(rows *sql.Rows) (string, error) {
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var (
			id      int64
			subject string
			status  string
			updated time.Time
		)
		if err := rows.Scan(&id, &subject, &status, &updated); err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "#%d [%s] %s (updated %s)\n", id, status, subject, updated.Format(time.DateOnly))
	}
	if b.Len() == 0 {
		return "no tickets", rows.Err()
	}
	return b.String(), rows.Err()
}
