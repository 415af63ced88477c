package report

import (
	"bytes"
	"context"
	"fmt"
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
		Findings:     1,
		InViewport:   true,
		Highlighted:  []string{"LLM tool calls", "run_command", "exec", "network", "os/exec.CommandContext", "(*net/http.Client).Do"},
		SelectedRows: []string{"run_command"},
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

// generatedAgents is a document as a large server gives, generated as
// testdata/synthgen generates code: n tools over three agents, each tool
// reaching one to three capability classes (the kth class every few tools,
// tainted or guarded by turns), and one toxic combination on the first
// agent whose legs are its first three tools.
func generatedAgents(n int) *Document {
	classes := []string{"exec", "db-write", "network", "fs-read", "env"}
	sinks := map[string]string{"exec": "os/exec.CommandContext", "db-write": "(*database/sql.DB).ExecContext",
		"network": "(*net/http.Client).Do", "fs-read": "os.ReadFile", "env": "os.Getenv"}
	doc := &Document{SchemaVersion: "1", Root: "example.com/generated", Scanner: Scanner{Name: "blastradius", Version: "test"}}
	agents := []Agent{
		{Name: "ops", NameFrom: "constant", Kind: "server", Framework: "mcp-go", Position: Position{File: "main.go", Line: 10}},
		{Name: "research", NameFrom: "constant", Kind: "agent", Framework: "eino", Position: Position{File: "main.go", Line: 20}},
		{Name: "(*main.desk).dispatch", NameFrom: "construction", Kind: "dispatcher", Framework: "openai-go", Position: Position{File: "main.go", Line: 30}},
	}
	for i := range n {
		name := fmt.Sprintf("tool_%02d", i)
		handler := fmt.Sprintf("example.com/generated/tools.handle%02d", i)
		t := Tool{Name: name, NameFrom: "constant", Framework: agents[i%3].Framework, Handler: handler,
			Position: Position{File: "tools/tools.go", Line: 10 * (i + 1)}}
		for k, c := range classes {
			if (i+k)%(k+2) != 0 {
				continue
			}
			capability := Capability{Capability: c, Sink: sinks[c], Tainted: (i+k)%3 == 0,
				Position: Position{File: "tools/tools.go", Line: 10*(i+1) + k + 1},
				Path:     []Frame{{Function: handler, Position: Position{File: "tools/tools.go", Line: 10 * (i + 1)}}}}
			if i%4 != 0 {
				capability.MissingGuards = []string{"confirmation"}
			}
			t.Capabilities = append(t.Capabilities, capability)
			t.Score.BlastRadius += Impact(capability)
			if capability.Tainted && c == "exec" {
				doc.Findings = append(doc.Findings, Finding{ID: fmt.Sprintf("f%02d", i), RuleID: "BR101", Rule: "model-command-injection",
					Severity: "critical", Tool: name, Capability: c, Sink: sinks[c], Position: capability.Position,
					Message: "tool " + name + ": model-controlled input reaches the command of " + sinks[c], Path: capability.Path})
			}
		}
		doc.Tools = append(doc.Tools, t)
		agents[i%3].Tools = append(agents[i%3].Tools, name)
	}
	doc.Agents = agents
	legs := []Leg{
		{Role: RolePrivateData, Tool: "tool_00", Rule: "BR202", Capability: "fs-read", Sink: "os.ReadFile"},
		{Role: RoleUntrustedContent, Tool: "tool_03", Rule: "BR203", Capability: "network", Sink: "(*net/http.Client).Do"},
		{Role: RoleExit, Tool: "tool_06", Rule: "BR103", Capability: "network", Sink: "(*net/http.Client).Do"},
	}
	doc.Findings = append(doc.Findings, Finding{ID: "toxic", RuleID: "BR401", Rule: "toxic-combination", Severity: "high",
		Agent: "ops", Position: agents[0].Position, Legs: legs,
		Message: "agent ops: tool_00 returns private data, tool_03 returns untrusted content, tool_06 sends data where the model says"})
	Sort(doc)
	return doc
}

// TestMatrixInBrowser opens the HTML report of a generated document with
// 70 tools in Chromium: the matrix comes first, a row per tool grouped by
// agent, worst first, a cell per capability class that says what the tool
// reaches; the toxic combination is above it; a click on a row opens the
// tool and highlights it in the graph.
func TestMatrixInBrowser(t *testing.T) {
	t.Parallel()
	doc := generatedAgents(70)
	page := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(page, render(t, "html", Options{}, doc), 0o644); err != nil {
		t.Fatal(err)
	}
	res := browse(t, browsertest.Request{HTML: page, ClickRow: "tool_12"})
	m := res.Matrix
	if m == nil {
		t.Fatal("the page has no matrix")
	}
	if !m.AboveGraph {
		t.Error("the matrix is not above the graph")
	}
	// By impact, then by name.
	if diff := cmp.Diff([]string{"exec", "db-write", "network", "env", "fs-read"}, m.Columns); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
	// The agent with the toxic combination (and the critical findings)
	// first, then the two others, as large, by name.
	if diff := cmp.Diff([]string{"ops", "(*main.desk).dispatch", "research"}, m.Groups); diff != "" {
		t.Errorf("groups (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{24, 23, 23}, m.GroupRows); diff != "" {
		t.Errorf("rows per group (-want +got):\n%s", diff)
	}
	if len(m.Rows) != 70 || len(m.Cells) != 70 {
		t.Fatalf("%d rows and %d rows of cells, want 70 each", len(m.Rows), len(m.Cells))
	}
	// Each row's cells say what the document says of its tool.
	byName := map[string]Tool{}
	for _, tl := range doc.Tools {
		byName[tl.Name] = tl
	}
	for i, name := range m.Rows {
		cells := map[string]capabilityCell{}
		for _, c := range capabilityCells(byName[name]) {
			cells[c.Capability] = c
		}
		for k, col := range m.Columns {
			want := ""
			if c, ok := cells[col]; ok {
				want = map[bool]string{true: "tainted", false: "reached"}[c.Tainted] + map[bool]string{true: " guarded", false: " open"}[c.Guarded]
			}
			if m.Cells[i][k] != want {
				t.Errorf("row %s, column %s: %q, want %q", name, col, m.Cells[i][k], want)
			}
		}
	}
	// Worst first within a group: every critical row before the others.
	start := 0
	for g, n := range m.GroupRows {
		seenOther := false
		for _, w := range m.Worst[start : start+n] {
			critical := strings.HasSuffix(w, "critical")
			if critical && seenOther {
				t.Errorf("group %s: a critical row after a row that is not: %v", m.Groups[g], m.Worst[start:start+n])
				break
			}
			seenOther = seenOther || !critical
		}
		start += n
	}
	if diff := cmp.Diff([]string{"BR401 ops"}, m.Toxic); diff != "" {
		t.Errorf("toxic combinations (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([][]string{{"private-data tool_00", "untrusted-content tool_03", "exit tool_06"}}, m.Legs); diff != "" {
		t.Errorf("legs (-want +got):\n%s", diff)
	}
	c := res.RowClick
	if c == nil || c.PanelsVisible != 1 || c.Title != "tool_12" {
		t.Fatalf("after clicking the row of tool_12: %+v, want its panel alone", c)
	}
	if !slices.Contains(c.Highlighted, "tool_12") {
		t.Errorf("tool_12 is not highlighted in the graph: %v", c.Highlighted)
	}
	if diff := cmp.Diff([]string{"tool_12"}, c.SelectedRows); diff != "" {
		t.Errorf("selected rows (-want +got):\n%s", diff)
	}
	if !c.InViewport {
		t.Error("the panel of tool_12 was not scrolled into view")
	}
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
