package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// changedDocument is findings.json after a change to the agent: a new tool
// delete_user, read_log gained payment and its db-write is now chosen by
// the model, run_command lost network, BR204 was fixed and BR301 is new.
func changedDocument(t *testing.T) *Document {
	doc := readFindings(t)
	pos := func(file string, line int) Position { return Position{File: file, Line: line, Column: 2} }
	for i := range doc.Tools {
		tool := &doc.Tools[i]
		switch tool.Name {
		case "read_log":
			for j := range tool.Capabilities {
				if tool.Capabilities[j].Capability == "db-write" {
					tool.Capabilities[j].Tainted = true
					tool.Capabilities[j].TaintedArgs = []int{1}
				}
			}
			tool.Capabilities = append(tool.Capabilities, Capability{Capability: "payment",
				Sink: "github.com/stripe/stripe-go/v82/refund.New", Position: pos("internal/tools/logs.go", 80)})
			tool.Score = Score{BlastRadius: 13, Contained: 0, Percent: 0}
		case "run_command":
			var kept []Capability
			for _, c := range tool.Capabilities {
				if c.Capability != "network" {
					kept = append(kept, c)
				}
			}
			tool.Capabilities = kept
		}
	}
	doc.Tools = append(doc.Tools, Tool{Name: "delete_user", NameFrom: "constant", Framework: "mcp-go",
		Handler: "example.com/ops-assistant/internal/tools.deleteUser", Position: pos("internal/tools/users.go", 12),
		Capabilities: []Capability{{Capability: "db-write", Sink: "(*database/sql.DB).ExecContext",
			Position: pos("internal/tools/users.go", 15), Tainted: true, TaintedArgs: []int{2}}},
		Score: Score{BlastRadius: 8, Percent: 0}})
	var fs []Finding
	for _, f := range doc.Findings {
		if f.RuleID != "BR204" {
			fs = append(fs, f)
		}
	}
	doc.Findings = append(fs, Finding{ID: "77aa00bb11cc22dd", RuleID: "BR301", Rule: "unconfirmed-action", Severity: "high",
		Tool: "delete_user", Capability: "db-write", Sink: "(*database/sql.DB).ExecContext", Position: pos("internal/tools/users.go", 15),
		Message: "tool delete_user can change the database ((*database/sql.DB).ExecContext) with no confirmation before it"})
	return doc
}

func TestDiffGolden(t *testing.T) {
	d := Compare(readFindings(t), changedDocument(t))
	var text, js bytes.Buffer
	if err := d.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "diff.golden", text.Bytes())
	checkGolden(t, "diff-json.golden", js.Bytes())
	if strings.Contains(js.String(), "null") {
		t.Errorf("diff JSON has null:\n%s", js.String())
	}
	for _, want := range []string{
		"new tool delete_user can reach db-write (tainted)\n",
		"tool read_log gained payment (github.com/stripe/stripe-go/v82/refund.New)\n",
		"tool run_command lost network\n",
		"tool read_log: model input now reaches db-write\n",
		"new finding: high BR301 unconfirmed-action at internal/tools/users.go:15: ",
		"fixed finding: medium BR204 untrusted-content-in-prompt at internal/chat/summarize.go:31: ",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("diff text lacks %q:\n%s", want, text.String())
		}
	}
}

func TestDiffSame(t *testing.T) {
	var buf bytes.Buffer
	if err := Compare(readFindings(t), readFindings(t)).WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	want := "no changes\n3 tools -> 3, 0 new findings, 0 fixed; blast radius 0 -> 0, contained 100% -> 100%\n"
	if buf.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestBaselineRoundTrip(t *testing.T) {
	doc := readFindings(t)
	// A finding listed twice is recorded once.
	doc.Findings = append(doc.Findings, doc.Findings[0])
	var buf bytes.Buffer
	if err := NewBaseline(doc).Write(&buf); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "baseline.golden", buf.Bytes())
	b, err := ReadBaseline(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(NewBaseline(doc), b); diff != "" {
		t.Errorf("read baseline (-want +got):\n%s", diff)
	}

	next := changedDocument(t)
	if n := b.Apply(next); n != 1 {
		t.Errorf("Apply: %d new findings, want 1", n)
	}
	for _, f := range next.Findings {
		want := BaselineUnchanged
		if f.RuleID == "BR301" {
			want = BaselineNew
		}
		if f.Baseline != want {
			t.Errorf("%s %s: baseline %q, want %q", f.RuleID, f.Tool, f.Baseline, want)
		}
	}
}

func TestReadBaselineErrors(t *testing.T) {
	for _, tc := range []struct {
		name, input, want string
	}{
		{"empty", "", "reading baseline: empty input"},
		{"malformed", `{"schema_version": "1", "findings": [}`, "reading baseline: invalid character '}' looking for beginning of value"},
		{"trailing", `{"schema_version": "1"} x`, "reading baseline: unexpected data after the baseline"},
		{"scan report", `{"tools": []}`, `reading baseline: no schema_version (want "1"): is this a baseline written by blastradius baseline?`},
		{"version", `{"schema_version": "9"}`, `reading baseline: unsupported schema_version "9" (want "1")`},
		{"no id", `{"schema_version": "1", "findings": [{"rule_id": "BR101"}]}`, "reading baseline: finding 0 has no id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadBaseline(strings.NewReader(tc.input))
			if err == nil || err.Error() != tc.want {
				t.Errorf("error %v, want %s", err, tc.want)
			}
		})
	}
}

func TestSemanticVersion(t *testing.T) {
	for v, want := range map[string]string{
		"v1.2.3":                             "1.2.3",
		"v0.0.0-20260101120000-abcdef123456": "0.0.0-20260101120000-abcdef123456",
		"v2.0.0+incompatible":                "2.0.0+incompatible",
		"devel":                              "0.0.0-devel",
		"(devel)":                            "0.0.0--devel-",
		"":                                   "0.0.0-unknown",
	} {
		if got := semanticVersion(v); got != want {
			t.Errorf("semanticVersion(%q) = %q, want %q", v, got, want)
		}
		if !semverRE.MatchString(semanticVersion(v)) {
			t.Errorf("semanticVersion(%q) = %q is not semver", v, semanticVersion(v))
		}
	}
}

// sarifOf renders doc as SARIF and decodes it loosely.
func sarifOf(t *testing.T, opts Options, doc *Document) map[string]any {
	t.Helper()
	var out map[string]any
	if err := json.Unmarshal(render(t, "sarif", opts, doc), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// results returns the first run's results.
func results(t *testing.T, log map[string]any) []any {
	t.Helper()
	return log["runs"].([]any)[0].(map[string]any)["results"].([]any)
}

func TestSARIFLocations(t *testing.T) {
	doc := emptyDocument(t)
	doc.Findings = []Finding{{
		ID: "1111222233334444", RuleID: "BR102", Rule: "model-sql-injection", Severity: "high", Tool: "q",
		// The sink call is in a dependency: the finding is shown at the
		// last frame in the module.
		Position: Position{File: "github.com/acme/db@v1.2.0/query.go", Line: 9, Column: 3},
		Message:  "tool q: model-controlled input reaches the query text of db.Query",
		Path: []Frame{
			{Function: "example.com/plain.q", Position: Position{File: "q.go", Line: 20, Column: 10}},
			{Function: "github.com/acme/db.Query", Position: Position{File: "github.com/acme/db@v1.2.0/query.go", Line: 9, Column: 3}},
		},
	}}
	log := sarifOf(t, Options{SourcePrefix: "svc/api"}, doc)
	r := results(t, log)[0].(map[string]any)
	loc := r["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
	want := map[string]any{
		"artifactLocation": map[string]any{"uri": "svc/api/q.go", "uriBaseId": "%SRCROOT%"},
		"region":           map[string]any{"startLine": 20.0, "startColumn": 10.0},
	}
	if diff := cmp.Diff(want, loc); diff != "" {
		t.Errorf("primary location (-want +got):\n%s", diff)
	}
	flow := r["codeFlows"].([]any)[0].(map[string]any)["threadFlows"].([]any)[0].(map[string]any)["locations"].([]any)
	dep := flow[1].(map[string]any)["location"].(map[string]any)
	if _, ok := dep["physicalLocation"]; ok {
		t.Errorf("a frame in a dependency has a physical location: %v", dep)
	}
	if got, want := dep["message"].(map[string]any)["text"], "github.com/acme/db.Query (github.com/acme/db@v1.2.0/query.go:9)."; got != want {
		t.Errorf("dependency frame message %q, want %q", got, want)
	}
	if got := r["partialFingerprints"]; !cmp.Equal(got, map[string]any{FingerprintKey: "1111222233334444"}) {
		t.Errorf("partialFingerprints = %v", got)
	}
}

// TestSARIFFingerprintStable checks that moving code changes locations but
// not the fingerprint.
func TestSARIFFingerprintStable(t *testing.T) {
	doc := readFindings(t)
	moved := readFindings(t)
	for i := range moved.Findings {
		moved.Findings[i].Position.Line += 40
		for j := range moved.Findings[i].Steps {
			moved.Findings[i].Steps[j].Position.Line += 40
		}
	}
	fingerprints := func(d *Document) []any {
		var out []any
		for _, r := range results(t, sarifOf(t, Options{}, d)) {
			out = append(out, r.(map[string]any)["partialFingerprints"])
		}
		return out
	}
	if diff := cmp.Diff(fingerprints(doc), fingerprints(moved)); diff != "" {
		t.Errorf("fingerprints changed with the lines (-before +after):\n%s", diff)
	}
}

func TestSARIFSuppressionAndBaseline(t *testing.T) {
	rs := results(t, sarifOf(t, Options{Rules: testRules}, annotatedDocument(t)))
	var suppressed, fresh int
	for _, r := range rs {
		m := r.(map[string]any)
		if s, ok := m["suppressions"]; ok {
			suppressed++
			want := []any{map[string]any{"kind": "inSource", "justification": "the log directory holds nothing secret | see SEC-12"}}
			if diff := cmp.Diff(want, s); diff != "" {
				t.Errorf("suppressions (-want +got):\n%s", diff)
			}
		}
		if m["baselineState"] == "new" {
			fresh++
		} else if m["baselineState"] != "unchanged" {
			t.Errorf("baselineState = %v", m["baselineState"])
		}
	}
	if suppressed != 1 || fresh != 1 {
		t.Errorf("%d suppressed and %d new results, want 1 and 1", suppressed, fresh)
	}
}

func TestSARIFEmptyResults(t *testing.T) {
	out := string(render(t, "sarif", Options{}, emptyDocument(t)))
	for _, want := range []string{`"results": []`, `"rules": []`, `"toolExecutionNotifications": []`} {
		if !strings.Contains(out, want) {
			t.Errorf("empty scan lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "null") {
		t.Errorf("SARIF has null:\n%s", out)
	}
}

func TestMarkdownEscaping(t *testing.T) {
	for in, want := range map[string]string{
		"(*database/sql.DB).ExecContext and (*net/http.Client).Do": `(\*database/sql.DB).ExecContext and (\*net/http.Client).Do`,
		"a | b\nc":    `a \| b c`,
		"<script>_x_": `\<script\>\_x\_`,
	} {
		if got := cell(in); got != want {
			t.Errorf("cell(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"run_shell": "`run_shell`",
		"a`b":       "``a`b``",
		"`x":        "`` `x ``",
		"a|b":       "`a\\|b`",
	} {
		if got := code(in); got != want {
			t.Errorf("code(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdownWorstFirst(t *testing.T) {
	out := string(render(t, "markdown", Options{}, annotatedDocument(t)))
	_, tools, _ := strings.Cut(out, "### Tools, worst first")
	var order []string
	for _, name := range []string{"`run_command`", "`read_log`", "`get_time`"} {
		order = append(order, name)
		if !strings.Contains(tools, name) {
			t.Fatalf("no %s in:\n%s", name, out)
		}
	}
	if !(strings.Index(tools, "`run_command`") < strings.Index(tools, "`read_log`") &&
		strings.Index(tools, "`read_log`") < strings.Index(tools, "`get_time`")) {
		t.Errorf("tools not worst first (want %v):\n%s", order, tools)
	}
}

func TestSummarize(t *testing.T) {
	got := Summarize([]Tool{
		{Name: "b", Score: Score{BlastRadius: 10, Contained: 5}},
		{Name: "a", Score: Score{BlastRadius: 6, Contained: 1}},
		{Name: "c", Score: Score{BlastRadius: 4, Contained: 4}},
	})
	want := Summary{Tools: 3, BlastRadius: 20, Contained: 10, Percent: 50, Worst: "a"}
	if got != want {
		t.Errorf("Summarize = %+v, want %+v", got, want)
	}
	if got := Summarize(nil); got != (Summary{Percent: 100}) {
		t.Errorf("Summarize(nil) = %+v", got)
	}
}
