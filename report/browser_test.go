package report

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/blastradius/blastradius/report/browsertest"
)

// browse runs req in headless Chromium, failing the test (never skipping
// it) when the browser is not installed.
func browse(t *testing.T, req browsertest.Request) *browsertest.Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := browsertest.Run(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Requests) > 0 {
		t.Errorf("the page asked for %v; it must fetch nothing", res.Requests)
	}
	if len(res.Errors) > 0 {
		t.Errorf("the page logged errors: %v", res.Errors)
	}
	return res
}

// TestHTMLInBrowser opens the HTML report of findings.json in Chromium,
// checks that the graph and the tables show the document's nodes, clicks
// a tool, and filters and sorts the findings.
func TestHTMLInBrowser(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, render(t, "html", Options{Rules: testRules}, guardedDocument(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "report.png")
	res := browse(t, browsertest.Request{HTML: page, Click: "run_command", Screenshot: shot})

	if res.Title != "Blast radius of example.com/ops-assistant" {
		t.Errorf("title = %q", res.Title)
	}
	if res.Graph == nil {
		t.Fatal("the page has no graph")
	}
	wantGraph := browsertest.Graph{
		Width: res.Graph.Width, Height: res.Graph.Height,
		Inputs:       []string{"LLM tool calls", "LLM tool calls"},
		Tools:        []string{"get_time", "read_log", "run_command"},
		Capabilities: []string{"db-write", "fs-read", "exec", "network"},
		Sinks:        []string{"(*database/sql.DB).ExecContext", "os.ReadFile", "os/exec.CommandContext", "(*net/http.Client).Do"},
		Edges:        11, TaintedEdges: 6, OpenEdges: 6,
		Overflowing: []string{},
	}
	if diff := cmp.Diff(wantGraph, *res.Graph); diff != "" {
		t.Errorf("graph (-want +got):\n%s", diff)
	}
	if res.Graph.Width < 400 || res.Graph.Height < 200 {
		t.Errorf("graph is %gx%g pixels, too small to read", res.Graph.Width, res.Graph.Height)
	}
	if diff := cmp.Diff([]string{"get_time", "read_log", "run_command"}, res.ToolList); diff != "" {
		t.Errorf("tool list (-want +got):\n%s", diff)
	}
	wantFindings := browsertest.Findings{
		Rows:       5,
		Tools:      []string{"run_command", "read_log", "-", "read_log", "-"},
		Severities: []string{"critical", "high", "high", "medium", "medium"},
		Count:      "5 findings",
	}
	if diff := cmp.Diff(wantFindings, res.Findings); diff != "" {
		t.Errorf("findings table (-want +got):\n%s", diff)
	}
	if res.PanelsVisibleBefore != 0 {
		t.Errorf("%d tool panels shown before any click, want 0", res.PanelsVisibleBefore)
	}

	wantClick := &browsertest.Click{
		PanelsVisible: 1,
		Title:         "run_command",
		Capabilities:  []string{"exec", "network"},
		Sinks:         []string{"os/exec.CommandContext", "(*net/http.Client).Do"},
		MissingGuards: []string{"confirmation", "sandbox"},
		WitnessFrames: []string{
			"example.com/ops-assistant/internal/tools.runCommand internal/tools/exec.go:30",
			"example.com/ops-assistant/internal/tools.runCommand internal/tools/exec.go:39",
			"(*example.com/ops-assistant/internal/notify.Slack).Post internal/notify/slack.go:48",
		},
		Findings:    1,
		InViewport:  true,
		Highlighted: []string{"LLM tool calls", "run_command", "exec", "network", "os/exec.CommandContext", "(*net/http.Client).Do"},
	}
	if diff := cmp.Diff(wantClick, res.Click); diff != "" {
		t.Errorf("after clicking run_command (-want +got):\n%s", diff)
	}

	if f := res.FilterSeverity; f == nil || f.Value != "critical" || f.Rows != 1 || f.Count != "1 of 5 findings" {
		t.Errorf("filtered by severity: %+v, want the 1 critical finding of 5", f)
	}
	if f := res.FilterTool; f == nil || f.Rows != 1 || !slices.Equal(f.Tools, []string{"run_command"}) {
		t.Errorf("filtered by tool run_command: %+v, want its 1 finding", f)
	}
	if f := res.SortedByTool; f == nil || !slices.IsSorted(f.Tools) || f.Rows != 5 {
		t.Errorf("sorted by tool: %+v, want the 5 findings by tool", f)
	}
	if f := res.SortedByToolDescending; f == nil || f.Rows != 5 || f.Tools[0] != "run_command" {
		t.Errorf("sorted by tool, descending: %+v, want run_command first", f)
	}
	checkPNG(t, shot)
}

// TestMermaidInBrowser renders the Mermaid goldens' charts with Mermaid,
// strict as GitHub runs it: each must parse and show its nodes, hostile
// names as plain text.
func TestMermaidInBrowser(t *testing.T) {
	t.Parallel()
	docs := []func(*testing.T) *Document{guardedDocument, emptyDocument, hostileDocument}
	var charts []string
	for _, doc := range docs {
		charts = append(charts, string(render(t, "mermaid", Options{}, doc(t))))
	}
	res := browse(t, browsertest.Request{Mermaid: charts})
	if len(res.Mermaid) != len(charts) {
		t.Fatalf("%d charts rendered, want %d", len(res.Mermaid), len(charts))
	}
	want := []struct {
		nodes []string
		edges int
	}{
		{[]string{
			"LLM tool callsdirective", "LLM tool callsmcp-go",
			"get_timeblast radius 0, 100% contained", "read_logblast radius 8, 50% contained", "run_commandblast radius 13, 23% contained",
			"db-write", "fs-readtainted", "exectainted", "network",
			"(*database/sql.DB).ExecContextinternal/audit/audit.go:19", "os.ReadFileinternal/tools/logs.go:66",
			"os/exec.CommandContextinternal/tools/exec.go:30", "(*net/http.Client).Dointernal/notify/slack.go:48",
		}, 11},
		{[]string{"No tools found"}, 0},
		{[]string{
			`LLM tool callsmcp"go`, "<script>alert(1)</script>`x`blast radius 10, 0% contained",
			"exectainted", `os/exec.Command"]-->xdir #1/a&b.go:3`,
		}, 3},
	}
	for i, m := range res.Mermaid {
		if m.Error != "" {
			t.Errorf("chart %d: Mermaid: %s\n%s", i, m.Error, charts[i])
			continue
		}
		if diff := cmp.Diff(want[i].nodes, m.Nodes); diff != "" {
			t.Errorf("chart %d: nodes (-want +got):\n%s", i, diff)
		}
		if m.Edges != want[i].edges {
			t.Errorf("chart %d: %d edges, want %d", i, m.Edges, want[i].edges)
		}
		if strings.Contains(m.SVG, "<script") {
			t.Errorf("chart %d: the SVG has a script element", i)
		}
	}
}

// checkPNG checks that path holds a PNG image.
func checkPNG(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) || len(data) < 10_000 {
		t.Errorf("screenshot %s is not a PNG of a page (%d bytes)", path, len(data))
	}
}
