// Command taint-results is an MCP server whose tools pass data through
// functions that return several results, buffers that a reader fills, and
// slices that closures share: what each value carries is its own.
package main

import (
	"context"
	"database/sql"
	"log"
	"net/http"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// query is the application's query builder: the values of its conditions
// are bound, never written into the text.
type query struct {
	table string
	conds []string
	args  []any
}

func (q *query) where(col string, value any) *query {
	q.conds = append(q.conds, col+" = ?")
	q.args = append(q.args, value)
	return q
}

// build returns the text and the bound values: two results, of which only
// the second is made of the model's name.
func (q *query) build() (string, []any) {
	text := "SELECT body FROM " + q.table
	if len(q.conds) > 0 {
		text += " WHERE " + strings.Join(q.conds, " AND ")
	}
	return text, q.args
}

var db *sql.DB

// findNote looks the model's note up by a bound parameter.
func findNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool find_note mcp-go constant` `BR305: tool find_note is not logged with its arguments`
	q := &query{table: "notes"}
	text, args := q.where("name", req.GetString("name", "")).build()
	var body string
	if err := db.QueryRowContext(ctx, text, args...).Scan(&body); err != nil { // want `find_note: db-read \(\*database/sql\.DB\)\.QueryRowContext`
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(body), nil
}

// statusHead returns the first bytes of the status page, read into a
// buffer.
func statusHead(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool status_head mcp-go constant` `BR305: tool status_head is not logged with its arguments`
	resp, err := http.Get("https://status.example.com/") // want `status_head: network net/http\.Get` `BR203: tool status_head returns web content fetched by net/http\.Get to the model, where it can carry instructions`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	buf := make([]byte, 512)
	n, _ := resp.Body.Read(buf)
	return mcp.NewToolResultText(string(buf[:n])), nil
}

// tail keeps the last lines of a log in a ring that two closures share,
// and returns them with how many lines there were.
func tail(resp *http.Response, max int) (string, int, error) {
	lines := make([]string, max)
	next, total := 0, 0
	var cur strings.Builder
	store := func() {
		lines[next] = cur.String()
		next = (next + 1) % max
		total++
		cur.Reset()
	}
	add := func(data []byte) {
		cur.Write(data)
	}
	buf := make([]byte, 4096)
	for {
		n, err := resp.Body.Read(buf)
		if n > 0 {
			add(buf[:n])
			store()
		}
		if err != nil {
			break
		}
	}
	return strings.Join(lines, "\n"), total, nil
}

// buildLog returns the tail of the build's log, which the build's steps
// wrote: content from outside.
func buildLog(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool build_log mcp-go constant` `BR305: tool build_log is not logged with its arguments`
	resp, err := http.Get("https://ci.example.com/builds/latest/log") // want `build_log: network net/http\.Get` `BR203: tool build_log returns web content fetched by net/http\.Get to the model, where it can carry instructions`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	text, _, err := tail(resp, 100)
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(text), nil
}

func main() {
	var err error
	if db, err = sql.Open("sqlite", "notes.db"); err != nil {
		log.Fatal(err)
	}
	s := server.NewMCPServer("results", "1.0.0") // want `agent results server mcp-go: build_log, find_note, status_head`
	s.AddTool(mcp.NewTool("find_note", mcp.WithString("name", mcp.Required())), findNote)
	s.AddTool(mcp.NewTool("status_head"), statusHead)
	s.AddTool(mcp.NewTool("build_log"), buildLog)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}
