// Command mcp-go-constructor has an analysis tool built the way a
// diagnostics server builds one: the handler hands the model's filters to a
// constructor, which also sets up an HTTP client for a backend whose URL
// comes from the configuration, and the analysis then posts to that
// backend. The model chooses the filters, not the backend: a constructor
// handed one model-chosen setting returns an object whose other fields are
// the program's. fetch_report, whose constructor is handed the model's URL,
// does send the request where the model says.
//
// close_ticket and reopen_ticket change a ticket and then read the latest
// comment back through a helper that returns a new object holding what it
// read: through a loop that keeps the first one found, or boxed in an
// interface and asserted back. What they read reaches the model.
//
// run_job hands the model's input to a job whose image and memory limit
// are the program's; a copy of the job's settings made to add environment
// variables keeps each field its own: the command line is not the model's.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// backend posts prompts to a completion service.
type backend struct {
	base   *url.URL
	client *http.Client
}

func newBackend() (*backend, error) {
	base, err := url.Parse(os.Getenv("BACKEND_URL"))
	if err != nil {
		return nil, err
	}
	return &backend{base: base, client: http.DefaultClient}, nil
}

func (b *backend) complete(ctx context.Context, prompt string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, b.base.String(), strings.NewReader(prompt))
	if err != nil {
		return "", err
	}
	resp, err := b.client.Do(req) // want `analyze: network \(\*net/http\.Client\)\.Do` `BR203: tool analyze returns web content fetched by \(\*net/http\.Client\)\.Do to the model, where it can carry instructions`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	return string(out), err
}

// analysis is one run over the filters the caller chose.
type analysis struct {
	filters []string
	ai      *backend
}

func newAnalysis(filters []string) (*analysis, error) {
	ai, err := newBackend()
	if err != nil {
		return nil, err
	}
	return &analysis{filters: filters, ai: ai}, nil
}

func (a *analysis) explain(ctx context.Context) (string, error) {
	return a.ai.complete(ctx, "explain: "+strings.Join(a.filters, ","))
}

func analyze(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool analyze mcp\-go constant` `BR305: tool analyze is not logged with its arguments`
	a, err := newAnalysis(strings.Split(req.GetString("filters", ""), ","))
	if err != nil {
		return nil, err
	}
	text, err := a.explain(ctx)
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(text), nil
}

// fetcher gets reports from a server the caller names.
type fetcher struct {
	base string
}

func newFetcher(base string) (*fetcher, error) {
	if base == "" {
		return nil, fmt.Errorf("no server")
	}
	return &fetcher{base: base}, nil
}

func (f *fetcher) get(ctx context.Context) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.base+"/report", nil) // want `BR103: tool fetch_report: model\-controlled input reaches the URL or address of net/http\.NewRequestWithContext`
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req) // want `fetch_report: network \(\*net/http\.Client\)\.Do \(tainted\)` `BR203: tool fetch_report returns web content fetched by \(\*net/http\.Client\)\.Do to the model, where it can carry instructions`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	return string(out), err
}

func fetchReport(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_report mcp\-go constant` `BR305: tool fetch_report is not logged with its arguments`
	f, err := newFetcher(req.GetString("server", ""))
	if err != nil {
		return nil, err
	}
	text, err := f.get(ctx)
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(text), nil
}

var db *sql.DB

// comment is the latest comment on a ticket.
type comment struct {
	author, text string
}

func latestComment(ctx context.Context, id string) (*comment, error) {
	var author, text string
	if err := db.QueryRowContext(ctx, "SELECT author, text FROM comments WHERE ticket = ? ORDER BY at DESC LIMIT 1", id).Scan(&author, &text); err != nil { // want `close_ticket: db\-read \(\*database/sql\.DB\)\.QueryRowContext` `reopen_ticket: db\-read \(\*database/sql\.DB\)\.QueryRowContext`
		return nil, err
	}
	return &comment{author: author, text: text}, nil
}

func closeTicket(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool close_ticket mcp\-go constant` `BR304: tool close_ticket can change the database with no rate limit` `BR305: tool close_ticket is not logged with its arguments`
	id := req.GetString("id", "")
	if _, err := db.ExecContext(ctx, "UPDATE tickets SET state = 'closed' WHERE id = ?", id); err != nil { // want `close_ticket: db\-write \(\*database/sql\.DB\)\.ExecContext` `BR301: tool close_ticket can change the database through \(\*database/sql\.DB\)\.ExecContext with no confirmation before it`
		return nil, err
	}
	var last *comment
	for attempt := 0; attempt < 3; attempt++ {
		c, err := latestComment(ctx, id)
		if err != nil {
			continue
		}
		last = c
		break
	}
	if last == nil {
		return mcp.NewToolResultText("closed"), nil
	}
	return mcp.NewToolResultText("closed; last comment by " + last.author + ": " + last.text), nil
}

func latestAny(ctx context.Context, id string) (any, error) {
	return latestComment(ctx, id)
}

func reopenTicket(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool reopen_ticket mcp\-go constant` `BR304: tool reopen_ticket can change the database with no rate limit` `BR305: tool reopen_ticket is not logged with its arguments`
	id := req.GetString("id", "")
	if _, err := db.ExecContext(ctx, "UPDATE tickets SET state = 'open' WHERE id = ?", id); err != nil { // want `reopen_ticket: db\-write \(\*database/sql\.DB\)\.ExecContext` `BR301: tool reopen_ticket can change the database through \(\*database/sql\.DB\)\.ExecContext with no confirmation before it`
		return nil, err
	}
	v, err := latestAny(ctx, id)
	if err != nil {
		return nil, err
	}
	c := v.(*comment)
	return mcp.NewToolResultText("reopened; last comment: " + c.text), nil
}

// job is what a sandboxed run needs.
type job struct {
	image, memory string
	input         string
	env           []string
}

// The job settings, read once at start.
var (
	jobImage = os.Getenv("JOB_IMAGE")
	jobEnv   = os.Getenv("JOB_ENV")
)

func newJob(input string) *job {
	return &job{image: jobImage, memory: "512m", input: input}
}

func runJob(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_job mcp\-go constant` `BR304: tool run_job can run processes with no rate limit` `BR305: tool run_job is not logged with its arguments`
	j := newJob(req.GetString("input", ""))
	run := j
	if jobEnv != "" {
		cp := *j
		cp.env = append([]string{jobEnv}, j.env...)
		run = &cp
	}
	cmd := exec.CommandContext(ctx, "docker", "run", "--rm", "-i", "--memory", run.memory, run.image) // want `run_job: exec os/exec\.CommandContext` `BR301: tool run_job can run processes through os/exec\.CommandContext with no confirmation before it`
	cmd.Env = run.env
	cmd.Stdin = strings.NewReader(run.input)
	out, err := cmd.Output()
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(out)), nil
}

func main() {
	s := server.NewMCPServer("diagnostics", "1.0.0") // want `agent diagnostics server mcp\-go: analyze, close_ticket, fetch_report, reopen_ticket, run_job` `BR403: agent diagnostics: analyze returns untrusted content \(\(\*net/http\.Client\)\.Do\), fetch_report sends data where the model says \(net/http\.NewRequestWithContext\); an instruction in the untrusted content can make the model send out what it holds`
	s.AddTool(mcp.NewTool("analyze", mcp.WithString("filters")), analyze)
	s.AddTool(mcp.NewTool("fetch_report", mcp.WithString("server", mcp.Required())), fetchReport)
	s.AddTool(mcp.NewTool("close_ticket", mcp.WithString("id", mcp.Required())), closeTicket)
	s.AddTool(mcp.NewTool("reopen_ticket", mcp.WithString("id", mcp.Required())), reopenTicket)
	s.AddTool(mcp.NewTool("run_job", mcp.WithString("input", mcp.Required())), runJob)
	_ = server.ServeStdio(s)
}
