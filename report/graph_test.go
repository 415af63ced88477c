package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// guardedDocument is findings.json after the guard analysis: each
// capability has its guards and missing guards, and each tool its score.
// Two capabilities lack a guard (one of them has a guard that does not
// protect it), two are contained.
func guardedDocument(t *testing.T) *Document {
	doc := readFindings(t)
	pos := func(file string, line int) Position { return Position{File: file, Line: line, Column: 2} }
	for i := range doc.Tools {
		tool := &doc.Tools[i]
		for j := range tool.Capabilities {
			c := &tool.Capabilities[j]
			switch c.Capability {
			case "exec":
				c.Guards = []Guard{{Kind: "audit-log", Symbol: "log/slog.InfoContext", Position: pos("internal/tools/exec.go", 26), Dominates: true}}
				c.MissingGuards = []string{"confirmation", "sandbox"}
			case "network":
				c.Guards = []Guard{{Kind: "ratelimit", Symbol: "(*golang.org/x/time/rate.Limiter).Wait", Position: pos("internal/notify/slack.go", 41), Dominates: true}}
			case "fs-read":
				c.Guards = []Guard{{Kind: "sandbox", Symbol: "comparison", Position: pos("internal/tools/logs.go", 60), Note: "in a branch that can be skipped"}}
				c.MissingGuards = []string{"sandbox"}
			case "db-write":
				c.Guards = []Guard{{Kind: "audit-log", Symbol: "example.com/ops-assistant/internal/audit.Record", Position: pos("internal/tools/logs.go", 31), Dominates: true}}
			}
		}
		tool.Score = testScore(tool.Capabilities)
	}
	doc.Summary = Summarize(doc.Tools)
	return doc
}

// testScore is the analyzer's score: impacts summed, contained where no
// guard is missing.
func testScore(caps []Capability) Score {
	var s Score
	for _, c := range caps {
		s.BlastRadius += Impact(c)
		if len(c.MissingGuards) == 0 {
			s.Contained += Impact(c)
		}
	}
	s.Percent = 100
	if s.BlastRadius > 0 {
		s.Percent = s.Contained * 100 / s.BlastRadius
	}
	return s
}

// hostileDocument has names that would break a format that does not
// escape them.
func hostileDocument(t *testing.T) *Document {
	doc := emptyDocument(t)
	doc.Root = `example.com/<b>"odd"&#x27;`
	doc.Tools = []Tool{{
		Name: "<script>alert(1)</script>`x`", NameFrom: "constant", Framework: `mcp"go`,
		Handler: `example.com/m.h"<i>`, Inputs: []string{"<req>"},
		Capabilities: []Capability{{
			Capability: "exec", Sink: `os/exec.Command"]-->x`, Tainted: true,
			Position:      Position{File: "dir #1/a&b.go", Line: 3},
			MissingGuards: []string{"<confirmation>"},
		}},
	}}
	doc.Tools[0].Score = testScore(doc.Tools[0].Capabilities)
	doc.Findings = []Finding{{
		ID: "1", RuleID: "BR101", Rule: "model-command-injection", Severity: "critical",
		Tool: doc.Tools[0].Name, Sink: "os/exec.Command", Message: `</td><img src=x onerror=alert(1)>`,
	}}
	return doc
}

func TestGraphGolden(t *testing.T) {
	for _, tc := range []struct {
		golden string
		format string
		doc    func(*testing.T) *Document
	}{
		{"dot.golden", "dot", guardedDocument},
		{"dot-empty.golden", "dot", emptyDocument},
		{"mermaid.golden", "mermaid", guardedDocument},
		{"mermaid-empty.golden", "mermaid", emptyDocument},
		{"mermaid-hostile.golden", "mermaid", hostileDocument},
		{"html.golden", "html", guardedDocument},
		{"html-empty.golden", "html", emptyDocument},
		{"html-tool-imports.golden", "html", toolImportsDocument},
		// One input per agent: the model that holds the agent's tools.
		{"dot-agents.golden", "dot", agentsDocument},
		{"mermaid-agents.golden", "mermaid", agentsDocument},
		{"html-agents.golden", "html", agentsDocument},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			checkGolden(t, tc.golden, render(t, tc.format, Options{Rules: testRules}, tc.doc(t)))
		})
	}
}

// TestGraph checks the graph that the dot, mermaid and html formats draw:
// its nodes, sizes and edge styles.
func TestGraph(t *testing.T) {
	g := newGraph(canonical(guardedDocument(t)))
	type nodeInfo struct {
		ID, Label, Detail string
		Weight, Tier      int
	}
	var nodes []nodeInfo
	for _, col := range g.Cols {
		for _, n := range col {
			nodes = append(nodes, nodeInfo{n.ID, n.Label, n.Detail, n.Weight, n.Tier()})
		}
	}
	wantNodes := []nodeInfo{
		{"in0", "LLM tool calls", "directive", 0, 0},
		{"in1", "LLM tool calls", "mcp-go", 21, 3},
		{"t0", "get_time", "blast radius 0, 100% contained", 0, 0},
		{"t1", "read_log", "blast radius 8, 50% contained", 8, 2},
		{"t2", "run_command", "blast radius 13, 23% contained", 13, 3},
		{"c0", "db-write", "", 4, 1},
		{"c1", "fs-read", "tainted", 4, 1},
		{"c2", "exec", "tainted", 10, 3},
		{"c3", "network", "", 3, 1},
		{"s0", "(*database/sql.DB).ExecContext", "internal/audit/audit.go:19", 4, 1},
		{"s1", "os.ReadFile", "internal/tools/logs.go:66", 4, 1},
		{"s2", "os/exec.CommandContext", "internal/tools/exec.go:30", 10, 3},
		{"s3", "(*net/http.Client).Do", "internal/notify/slack.go:48", 3, 1},
	}
	if diff := cmp.Diff(wantNodes, nodes); diff != "" {
		t.Errorf("nodes (-want +got):\n%s", diff)
	}
	var edges []string
	for _, e := range g.Edges {
		edges = append(edges, e.From.ID+"->"+e.To.ID+" "+e.Class())
	}
	wantEdges := []string{
		"in0->t0 plain contained", // get_time has no input and no capability
		"in1->t1 tainted open",
		"t1->c0 plain contained",
		"t1->c1 tainted open",
		"c0->s0 plain contained",
		"c1->s1 tainted open",
		"in1->t2 tainted open",
		"t2->c2 tainted open",
		"t2->c3 plain contained",
		"c2->s2 tainted open",
		"c3->s3 plain contained",
	}
	if diff := cmp.Diff(wantEdges, edges); diff != "" {
		t.Errorf("edges (-want +got):\n%s", diff)
	}
}

// TestGraphSharedSink checks that two tools reaching the same call share
// its sink node, and that one tool reaching a sink twice draws one edge.
func TestGraphSharedSink(t *testing.T) {
	sink := Capability{Capability: "fs-write", Sink: "os.WriteFile", Position: Position{File: "w.go", Line: 9}}
	tainted := sink
	tainted.Tainted = true
	tainted.MissingGuards = []string{"confirmation"}
	tainted.Path = []Frame{{Function: "other"}}
	doc := emptyDocument(t)
	doc.Tools = []Tool{
		{Name: "a", Framework: "mcp-go", Inputs: []string{"req"}, Capabilities: []Capability{sink, tainted}},
		{Name: "b", Framework: "mcp-go", Capabilities: []Capability{sink}},
	}
	g := newGraph(canonical(doc))
	if n := len(g.Cols[colSink]); n != 1 {
		t.Fatalf("%d sink nodes, want 1", n)
	}
	if got := g.Cols[colSink][0].Tools; !cmp.Equal(got, []int{0, 1}) {
		t.Errorf("sink's tools = %v, want [0 1]", got)
	}
	var edges []string
	for _, e := range g.Edges {
		edges = append(edges, e.From.ID+"->"+e.To.ID+" "+e.Class())
	}
	want := []string{
		"in0->t0 tainted open",
		"t0->c0 tainted open",
		"c0->s0 tainted open",
		"in0->t1 plain contained",
		"t1->c1 plain contained",
		"c1->s0 plain contained",
	}
	if diff := cmp.Diff(want, edges); diff != "" {
		t.Errorf("edges (-want +got):\n%s", diff)
	}
}

// TestHTMLEscapes checks that names from the scanned code cannot inject
// markup or script into the HTML report.
func TestHTMLEscapes(t *testing.T) {
	out := string(render(t, "html", Options{}, hostileDocument(t)))
	for _, bad := range []string{"<script>alert", "<img", "<b>", "<i>", "<req>", "<confirmation>"} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML report contains %q unescaped", bad)
		}
	}
	if got := strings.Count(out, "<script"); got != 1 {
		t.Errorf("HTML report has %d script elements, want 1 (its own)", got)
	}
}

// TestHTMLSelfContained checks that the page fetches nothing: no external
// scripts, styles, images or fonts, and a policy that forbids them.
func TestHTMLSelfContained(t *testing.T) {
	out := string(render(t, "html", Options{Rules: testRules}, guardedDocument(t)))
	if !strings.Contains(out, `content="default-src 'none';`) {
		t.Error("HTML report has no Content-Security-Policy that forbids fetches")
	}
	fetch := regexp.MustCompile(`(?i)<(script|img|link|iframe|object|embed)[^>]*\s(src|href)=|url\((['"]?)(https?:|//)|@import`)
	if m := fetch.FindString(out); m != "" {
		t.Errorf("HTML report fetches a resource: %s", m)
	}
}

// TestMermaidText checks that labels cannot end their quotes or carry
// HTML into GitHub's Markdown.
func TestMermaidText(t *testing.T) {
	got := mermaidText("a\"b<c>&d#e`f\ng")
	want := "a#quot;b#lt;c#gt;#amp;d#35;e#96;f g"
	if got != want {
		t.Errorf("mermaidText = %q, want %q", got, want)
	}
	var buf bytes.Buffer
	if err := NewMermaidHandler(&buf).Write(hostileDocument(t)); err != nil {
		t.Fatal(err)
	}
	quoted := regexp.MustCompile(`"[^"]*"`)
	for i, line := range strings.Split(buf.String(), "\n") {
		if strings.Contains(line, "```") {
			t.Errorf("line %d would end GitHub's mermaid block: %s", i+1, line)
		}
		if n := strings.Count(line, `"`); n%2 != 0 {
			t.Errorf("line %d has unbalanced quotes: %s", i+1, line)
		}
		for _, label := range quoted.FindAllString(line, -1) {
			if strings.ContainsAny(strings.ReplaceAll(label, "<br/>", ""), "<>`&") {
				t.Errorf("line %d has a label with a character Mermaid or GitHub would read: %s", i+1, label)
			}
		}
	}
}

func TestDOTQuote(t *testing.T) {
	got := dotQuote("a\"b\\c\nd")
	want := `"a\"b\\c\nd"`
	if got != want {
		t.Errorf("dotQuote = %s, want %s", got, want)
	}
}

func TestCapabilityCounts(t *testing.T) {
	if got, want := capabilityCounts(nil), "0 capabilities"; got != want {
		t.Errorf("capabilityCounts(nil) = %q, want %q", got, want)
	}
	doc := guardedDocument(t)
	if got, want := capabilityCounts(doc.Tools), "4 capabilities (2 high-impact, 2 unguarded, 2 tainted)"; got != want {
		t.Errorf("capabilityCounts = %q, want %q", got, want)
	}
}

// TestTableColor checks that colours change nothing but the colours: the
// coloured table without its escape sequences is the plain table.
func TestTableColor(t *testing.T) {
	for _, opts := range []Options{{}, {Paths: true}} {
		doc := annotatedDocument(t)
		plain := string(render(t, "table", opts, doc))
		opts.Color = true
		colored := string(render(t, "table", opts, doc))
		ansi := regexp.MustCompile("\x1b\\[[0-9;]*m")
		if diff := cmp.Diff(plain, ansi.ReplaceAllString(colored, "")); diff != "" {
			t.Errorf("coloured table without colours differs (-plain +coloured):\n%s", diff)
		}
		for _, want := range []string{
			"\x1b[1;31mcritical\x1b[0m ",
			"\x1b[31mhigh\x1b[0m ",
			"\x1b[33mmedium\x1b[0m ",
			"exec \x1b[31m(tainted)\x1b[0m",
			"\x1b[1m3 tools, 4 capabilities (2 high-impact, 0 unguarded, 2 tainted), ",
			"\x1b[31mnot analysed: 1 package did not load: ",
			"\x1b[33m2 warnings: ",
		} {
			if !strings.Contains(colored, want) {
				t.Errorf("coloured table (paths %v) lacks %q:\n%s", opts.Paths, want, colored)
			}
		}
	}
}
