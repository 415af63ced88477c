package report

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/blastradius/blastradius/report/sariftest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sarifLogs collects every SARIF log the tests write; TestMain validates
// them with Microsoft's SARIF validator (see report/sariftest).
var sarifLogs sariftest.Recorder

func TestMain(m *testing.M) {
	code := m.Run()
	os.Exit(max(code, sarifLogs.Check(os.Stderr)))
}

// readFindings replays testdata/findings.json.
func readFindings(t *testing.T) *Document {
	t.Helper()
	return readDocument(t, "findings.json")
}

// agentsDocument replays testdata/agents.json.
func agentsDocument(t *testing.T) *Document {
	t.Helper()
	return readDocument(t, "agents.json")
}

// readDocument replays testdata/name.
func readDocument(t *testing.T, name string) *Document {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := ReadJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		golden string
		format string
		opts   Options
		doc    func(*testing.T) *Document
	}{
		{"json.golden", "json", Options{}, readFindings},
		{"table.golden", "table", Options{}, readFindings},
		{"table-paths.golden", "table", Options{Paths: true}, readFindings},
		{"json-empty.golden", "json", Options{}, emptyDocument},
		{"table-empty.golden", "table", Options{}, emptyDocument},
		{"table-no-tools.golden", "table", Options{}, noToolsDocument},
		{"table-tool-imports.golden", "table", Options{}, toolImportsDocument},
		{"table-not-loaded.golden", "table", Options{}, notLoadedDocument},
		{"markdown-tool-imports.golden", "markdown", Options{}, toolImportsDocument},
		{"sarif.golden", "sarif", Options{Rules: testRules}, readFindings},
		{"sarif-no-rules.golden", "sarif", Options{SourcePrefix: "services/ops"}, readFindings},
		{"sarif-empty.golden", "sarif", Options{Rules: testRules}, emptyDocument},
		{"sarif-no-tools.golden", "sarif", Options{Rules: testRules}, noToolsDocument},
		{"sarif-annotated.golden", "sarif", Options{Rules: testRules}, annotatedDocument},
		{"markdown.golden", "markdown", Options{}, readFindings},
		{"markdown-empty.golden", "markdown", Options{}, emptyDocument},
		{"markdown-annotated.golden", "markdown", Options{}, annotatedDocument},
		{"table-annotated.golden", "table", Options{}, annotatedDocument},
		{"json-annotated.golden", "json", Options{}, annotatedDocument},
		// Agents and a toxic combination (testdata/agents.json is the JSON
		// report of testdata/mcp-go-toxic), in full and in summary.
		{"table-agents.golden", "table", Options{}, agentsDocument},
		{"table-summary.golden", "table", Options{Summary: true}, agentsDocument},
		{"table-summary-findings.golden", "table", Options{Summary: true}, readFindings},
		{"markdown-agents.golden", "markdown", Options{}, agentsDocument},
		{"markdown-summary.golden", "markdown", Options{Summary: true}, agentsDocument},
		{"sarif-agents.golden", "sarif", Options{Rules: testRules}, agentsDocument},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			checkGolden(t, tc.golden, render(t, tc.format, tc.opts, tc.doc(t)))
		})
	}
}

// render writes doc in format and records SARIF for the validator.
func render(t *testing.T, format string, opts Options, doc *Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	h, err := New(format, &buf, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Write(doc); err != nil {
		t.Fatal(err)
	}
	if format == "sarif" {
		sarifLogs.Add(t.Name(), buf.Bytes())
	}
	return buf.Bytes()
}

// testRules stands for the catalog's rules: two with docs, as the command
// passes them, and the findings' other rules left for the handler to
// describe from the findings.
var testRules = []RuleInfo{
	{
		ID: "BR101", Name: "model-command-injection", Severity: "critical",
		CWE: []string{"CWE-78"}, OWASP: []string{"LLM05:2025", "LLM06:2025"}, Precision: "high",
		Summary:     "Model-controlled input reaches the program or the arguments of a process that a tool starts.",
		Description: "A tool whose input flows into os/exec.Command.",
		Doc:         "# BR101: model-command-injection\n\nModel-controlled input reaches the program or the arguments of a process that a tool starts.\n",
		HelpURI:     "https://github.com/blastradius/blastradius/blob/main/rules/docs/BR101.md",
	},
	{
		ID: "BR305", Name: "unlogged-tool-call", Severity: "low",
		CWE: []string{"CWE-778"}, OWASP: []string{"LLM06:2025"}, Precision: "medium",
		Summary: "A tool that acts on the world does not log its calls.",
		Doc:     "# BR305: unlogged-tool-call\n\nA tool that acts on the world does not log its calls.\n",
	},
}

// annotatedDocument is findings.json after a scan with a baseline and a
// suppression: the tools have scores, one finding is suppressed, one is
// new and the others are in the baseline.
func annotatedDocument(t *testing.T) *Document {
	doc := readFindings(t)
	scores := map[string]Score{
		"run_command": {BlastRadius: 13, Contained: 3, Percent: 23},
		"read_log":    {BlastRadius: 8, Contained: 0, Percent: 0},
		"get_time":    {BlastRadius: 0, Contained: 0, Percent: 100},
	}
	for i := range doc.Tools {
		doc.Tools[i].Score = scores[doc.Tools[i].Name]
	}
	doc.Summary = Summarize(doc.Tools)
	for i := range doc.Findings {
		f := &doc.Findings[i]
		switch f.RuleID {
		case "BR101":
			f.Baseline = BaselineNew
		case "BR202":
			f.Baseline = BaselineUnchanged
			f.Suppressed = true
			f.Suppression = "the log directory holds nothing secret | see SEC-12"
		default:
			f.Baseline = BaselineUnchanged
		}
	}
	return doc
}

// emptyDocument is a scan that found no tools: every list is nil.
func emptyDocument(*testing.T) *Document {
	return &Document{
		SchemaVersion: SchemaVersion,
		Scanner:       Scanner{Name: "blastradius", Version: "v0.1.0"},
		Root:          "example.com/plain",
	}
}

// noToolsDocument found no tools, but a declared tool that nothing
// dispatches, and a package that did not load.
func noToolsDocument(t *testing.T) *Document {
	doc := emptyDocument(t)
	doc.Mismatches = []Mismatch{{Name: "summarize", Framework: "openai-go", Kind: "declared-not-dispatched",
		Position: Position{File: "chat.go", Line: 14, Column: 9}}}
	doc.Warnings = []string{"example.com/plain/dispatch: dispatch.go:3:8: could not import example.com/gone (no required module provides package)"}
	return doc
}

// notLoadedDocument found no tools in a module one of whose own packages
// did not load (a dependency the proxy would not serve), and imports LLM
// tool types.
func notLoadedDocument(t *testing.T) *Document {
	doc := toolImportsDocument(t)
	doc.NotAnalysed = []NotAnalysed{{Package: "example.com/plain/server", Error: "server.go:9:2: could not import example.com/oauth (no required module provides package)", Module: true}}
	doc.Warnings = []string{"package example.com/plain/server does not load, skipping its code: server.go:9:2: could not import example.com/oauth (no required module provides package)"}
	return doc
}

// toolImportsDocument found no tools in a program that imports packages
// defining LLM tool types.
func toolImportsDocument(t *testing.T) *Document {
	doc := emptyDocument(t)
	doc.ToolImports = []string{"example.com/agentkit", "github.com/mark3labs/mcp-go/mcp"}
	return doc
}

// TestJSONRoundTrip checks that the JSON handler's output replays to the
// same document, and that writing it again gives the same bytes.
func TestJSONRoundTrip(t *testing.T) {
	doc := readFindings(t)
	var first bytes.Buffer
	if err := NewJSONHandler(&first).Write(doc); err != nil {
		t.Fatal(err)
	}
	again, err := ReadJSON(bytes.NewReader(first.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(canonical(doc), again); diff != "" {
		t.Errorf("replayed document differs (-want +got):\n%s", diff)
	}
	var second bytes.Buffer
	if err := NewJSONHandler(&second).Write(again); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(first.String(), second.String()); diff != "" {
		t.Errorf("second write differs (-first +second):\n%s", diff)
	}
}

// TestWriteKeepsDocument checks that handlers sort and fill a copy, not the
// caller's document.
func TestWriteKeepsDocument(t *testing.T) {
	doc := readFindings(t)
	before := readFindings(t)
	for _, format := range Formats {
		render(t, format, Options{Paths: true, Rules: testRules}, doc)
		if diff := cmp.Diff(before, doc); diff != "" {
			t.Errorf("%s handler changed the document (-before +after):\n%s", format, diff)
		}
	}
}

func TestJSONNeverNull(t *testing.T) {
	doc := emptyDocument(t)
	doc.Tools = []Tool{{Name: "t", Capabilities: []Capability{{Capability: "exec"}}}}
	doc.Findings = []Finding{{RuleID: "BR204", Rule: "untrusted-content-in-prompt", Severity: "medium"}}
	var buf bytes.Buffer
	if err := NewJSONHandler(&buf).Write(doc); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "null") {
		t.Errorf("JSON output has null:\n%s", buf.String())
	}
}

func TestReadJSONErrors(t *testing.T) {
	for _, tc := range []struct {
		name, input, want string
	}{
		{"empty", "", "reading JSON document: empty input"},
		{"malformed", `{"schema_version": "1", "tools": [}`, "reading JSON document: invalid character '}' looking for beginning of value"},
		{"truncated", `{"schema_version": "1"`, "reading JSON document: unexpected EOF"},
		{"wrong type", `{"schema_version": "1", "tools": {}}`, "reading JSON document: json: cannot unmarshal object into Go struct field Document.tools of type []report.Tool"},
		{"trailing data", `{"schema_version": "1"} {}`, "reading JSON document: unexpected data after the document"},
		{"unknown version", `{"schema_version": "2"}`, `reading JSON document: unsupported schema_version "2" (want "1")`},
		{"no version", `{"tools": []}`, `reading JSON document: no schema_version (want "1")`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := ReadJSON(strings.NewReader(tc.input))
			if err == nil {
				t.Fatalf("ReadJSON succeeded: %+v", doc)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("ReadJSON error:\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestReadJSONIgnoresUnknownFields(t *testing.T) {
	doc, err := ReadJSON(strings.NewReader(`{"schema_version": "1", "root": "m", "added_later": true}`))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Root != "m" {
		t.Errorf("Root = %q, want m", doc.Root)
	}
}

func TestNewUnknownFormat(t *testing.T) {
	_, err := New("xml", new(bytes.Buffer), Options{})
	want := `unknown format "xml" (want table, json, sarif, markdown, html, dot or mermaid)`
	if err == nil || err.Error() != want {
		t.Errorf("New(xml) error = %v, want %s", err, want)
	}
}

func TestNilDocument(t *testing.T) {
	for _, format := range Formats {
		h, err := New(format, new(bytes.Buffer), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := h.Write(nil); err == nil {
			t.Errorf("%s handler wrote a nil document", format)
		}
	}
}

func TestSort(t *testing.T) {
	pos := func(file string, line int) Position { return Position{File: file, Line: line, Column: 1} }
	doc := &Document{
		Tools: []Tool{
			{Name: "b", Framework: "mcp-go", Handler: "h2"},
			{Name: "a", Framework: "mcp-go-sdk", Handler: "h1"},
			{Name: "a", Framework: "mcp-go", Handler: "h3", Capabilities: []Capability{
				{Capability: "fs-read", Sink: "os.ReadFile", Position: pos("b.go", 3)},
				{Capability: "exec", Sink: "os/exec.Command", Position: pos("b.go", 9), Tainted: true, TaintedArgs: []int{2, 0, 1}},
				{Capability: "exec", Sink: "os/exec.Command", Position: pos("a.go", 12)},
				{Capability: "exec", Sink: "os/exec.Command", Position: pos("a.go", 2)},
			}},
		},
		Findings: []Finding{
			{RuleID: "BR102", Tool: "a", Sink: "s", ID: "1"},
			{RuleID: "BR101", Tool: "b", Sink: "s", ID: "2"},
			{RuleID: "BR101", Tool: "a", Sink: "t", ID: "3"},
			{RuleID: "BR101", Tool: "a", Sink: "s", ID: "5"},
			{RuleID: "BR101", Tool: "a", Sink: "s", ID: "4"},
		},
		Mismatches: []Mismatch{
			{Name: "b", Framework: "openai-go", Kind: "declared-not-dispatched"},
			{Name: "a", Framework: "openai-go", Kind: "dispatched-not-declared"},
			{Name: "a", Framework: "openai-go", Kind: "declared-not-dispatched"},
			{Name: "z", Framework: "genai", Kind: "declared-not-dispatched"},
		},
		Warnings: []string{"z: failed", "a: failed"},
	}
	Sort(doc)
	want := &Document{
		Tools: []Tool{
			{Name: "a", Framework: "mcp-go", Handler: "h3", Capabilities: []Capability{
				{Capability: "exec", Sink: "os/exec.Command", Position: pos("a.go", 2)},
				{Capability: "exec", Sink: "os/exec.Command", Position: pos("a.go", 12)},
				{Capability: "exec", Sink: "os/exec.Command", Position: pos("b.go", 9), Tainted: true, TaintedArgs: []int{0, 1, 2}},
				{Capability: "fs-read", Sink: "os.ReadFile", Position: pos("b.go", 3)},
			}},
			{Name: "a", Framework: "mcp-go-sdk", Handler: "h1"},
			{Name: "b", Framework: "mcp-go", Handler: "h2"},
		},
		Findings: []Finding{
			{RuleID: "BR101", Tool: "a", Sink: "s", ID: "4"},
			{RuleID: "BR101", Tool: "a", Sink: "s", ID: "5"},
			{RuleID: "BR101", Tool: "a", Sink: "t", ID: "3"},
			{RuleID: "BR101", Tool: "b", Sink: "s", ID: "2"},
			{RuleID: "BR102", Tool: "a", Sink: "s", ID: "1"},
		},
		Mismatches: []Mismatch{
			{Name: "z", Framework: "genai", Kind: "declared-not-dispatched"},
			{Name: "a", Framework: "openai-go", Kind: "declared-not-dispatched"},
			{Name: "a", Framework: "openai-go", Kind: "dispatched-not-declared"},
			{Name: "b", Framework: "openai-go", Kind: "declared-not-dispatched"},
		},
		Warnings: []string{"a: failed", "z: failed"},
	}
	if diff := cmp.Diff(want, doc); diff != "" {
		t.Errorf("Sort (-want +got):\n%s", diff)
	}
}

func TestPlural(t *testing.T) {
	for _, tc := range []struct {
		n    int
		noun string
		want string
	}{
		{0, "tool", "0 tools"},
		{1, "tool", "1 tool"},
		{1, "capability", "1 capability"},
		{2, "capability", "2 capabilities"},
	} {
		if got := plural(tc.n, tc.noun); got != tc.want {
			t.Errorf("plural(%d, %q) = %q, want %q", tc.n, tc.noun, got, tc.want)
		}
	}
}

func TestTableLabel(t *testing.T) {
	for _, tc := range []struct {
		tool Tool
		want string
	}{
		{Tool{Name: "run", NameFrom: "constant"}, "run"},
		{Tool{Name: "run", NameFrom: "directive"}, "run"},
		{Tool{Name: "runCommand", NameFrom: "handler"}, "runCommand (no constant name)"},
	} {
		if got := tc.tool.label(); got != tc.want {
			t.Errorf("label(%+v) = %q, want %q", tc.tool, got, tc.want)
		}
	}
}

func TestFindingCounts(t *testing.T) {
	for _, tc := range []struct {
		sevs []string
		want string
	}{
		{nil, "0 findings"},
		{[]string{"high"}, "1 finding (1 high)"},
		{[]string{"medium", "critical", "high", "medium", "critical", "high", "high"}, "7 findings (2 critical, 3 high, 2 medium)"},
		{[]string{"info", "bogus", "low", ""}, "4 findings (1 low, 1 info, 1 no severity, 1 bogus)"},
	} {
		var fs []Finding
		for _, s := range tc.sevs {
			fs = append(fs, Finding{Severity: s})
		}
		if got := findingCounts(fs); got != tc.want {
			t.Errorf("findingCounts(%v) = %q, want %q", tc.sevs, got, tc.want)
		}
	}
}

// TestTableFindingOrder checks that the table lists findings most severe
// first, then by rule, tool and position, whatever the JSON order.
func TestTableFindingOrder(t *testing.T) {
	pos := func(line int) Position { return Position{File: "a.go", Line: line} }
	doc := emptyDocument(t)
	doc.Findings = []Finding{
		{RuleID: "BR102", Rule: "b", Severity: "high", Tool: "x", Position: pos(3), Message: "m5"},
		{RuleID: "BR101", Rule: "a", Severity: "high", Tool: "y", Position: pos(2), Message: "m3"},
		{RuleID: "BR201", Rule: "c", Severity: "critical", Tool: "z", Position: pos(9), Message: "m1"},
		{RuleID: "BR101", Rule: "a", Severity: "high", Tool: "x", Position: pos(8), Message: "m2"},
		{RuleID: "BR204", Rule: "d", Severity: "medium", Position: pos(1), Message: "m6"},
		{RuleID: "BR101", Rule: "a", Severity: "high", Tool: "y", Position: pos(1), Message: "m4"},
	}
	var buf bytes.Buffer
	if err := NewTableHandler(&buf, Options{}).Write(doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(buf.String(), "\n") {
		if f := strings.Fields(line); len(f) > 0 && strings.HasPrefix(f[len(f)-1], "m") && len(f[len(f)-1]) == 2 {
			got = append(got, f[len(f)-1])
		}
	}
	want := []string{"m1", "m2", "m4", "m3", "m5", "m6"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("finding order (-want +got):\n%s\n%s", diff, buf.String())
	}
	if !strings.Contains(buf.String(), "medium    BR204 d  -  ") {
		t.Errorf("a finding without a tool should show - in the TOOL column:\n%s", buf.String())
	}
}

// manyTools is a document with n tools, each with a long handler, a few
// capabilities and findings, as a large repository gives.
func manyTools(n int) *Document {
	doc := &Document{SchemaVersion: "1", Root: "example.com/many"}
	for i := range n {
		name := fmt.Sprintf("tool_%03d_with_a_rather_long_descriptive_name", i)
		handler := "example.com/many/internal/tools/handlers.(*Registry)." + strings.Repeat("Handle", 4) + fmt.Sprint(i)
		t := Tool{Name: name, NameFrom: "constant", Framework: "mcp-go", Handler: handler,
			Position: Position{File: "internal/tools/handlers.go", Line: 10 + i}}
		for _, c := range []string{"exec", "network", "fs-read"} {
			t.Capabilities = append(t.Capabilities, Capability{Capability: c, Sink: "os/exec.CommandContext", Tainted: i%2 == 0,
				MissingGuards: []string{"confirmation"}, Path: []Frame{{Function: handler}}})
		}
		t.Score = Score{BlastRadius: 10 + i%7}
		doc.Tools = append(doc.Tools, t)
		for _, rule := range []string{"BR101", "BR301", "BR305"} {
			doc.Findings = append(doc.Findings, Finding{ID: fmt.Sprintf("%s-%d", rule, i), RuleID: rule, Rule: "some-rule-name",
				Severity: "high", Tool: name, Sink: "os/exec.CommandContext", Position: Position{File: "internal/tools/handlers.go", Line: 20 + i},
				Message: "tool " + name + ": model-controlled input reaches the command of os/exec.CommandContext with no confirmation before it",
				Path:    []Frame{{Function: handler}}})
		}
	}
	return doc
}

// TestMarkdownFitsComment checks that a report of many tools stays under
// GitHub's comment limit, in full and in summary, and says what it cut.
func TestMarkdownFitsComment(t *testing.T) {
	for _, opts := range []Options{{}, {Summary: true}} {
		out := render(t, "markdown", opts, manyTools(400))
		if n := len([]rune(string(out))); n > markdownLimit {
			t.Errorf("summary %v: %d characters, more than GitHub's %d", opts.Summary, n, markdownLimit)
		}
		if !regexp.MustCompile(`(?m)^and \d+ more\.$`).Match(out) {
			t.Errorf("summary %v: no \"and N more\" line for what was cut", opts.Summary)
		}
	}
	// A small report is not cut.
	if out := render(t, "markdown", Options{Summary: true}, manyTools(5)); bytes.Contains(out, []byte("more.")) {
		t.Errorf("a report of 5 tools was cut:\n%s", out)
	}
}

// TestTableSummaryOneLinePerTool checks that the summary table has one line
// per tool, whatever their details.
func TestTableSummaryOneLinePerTool(t *testing.T) {
	out := string(render(t, "table", Options{Summary: true}, manyTools(70)))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if got, max := len(lines), 70+5; got > max {
		t.Errorf("summary of 70 tools is %d lines, want at most %d", got, max)
	}
	for i := range 70 {
		if n := strings.Count(out, fmt.Sprintf("tool_%03d_", i)); n != 1 {
			t.Errorf("tool %d is on %d lines, want 1", i, n)
		}
	}
}
