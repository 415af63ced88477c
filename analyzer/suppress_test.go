package analyzer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/blastradius/blastradius/report"
)

// suppressSource is tools/tools.go of a module in a temporary directory.
// Line numbers matter: the findings below point at them.
const suppressSource = `package tools

import (
	"os"
	"os/exec"
)
// runShell runs a command.
//
//blastradius:ignore BR304,BR305 the MCP gateway logs and rate-limits every call
func runShell(cmd string) { // line 10
	exec.Command("sh", "-c", cmd).Run() //blastradius:ignore BR101 commands come from the operator's allowlist
	// The path is checked by the caller.
	//blastradius:ignore model-path-traversal paths are confined by os.Root upstream
	os.ReadFile(cmd) // line 14
	//blastradius:ignore BR202

	os.ReadFile(cmd) // line 17: a blank line separates it from the directive above
	x := cmd //blastradius:ignore BR103 a trailing comment on the line above does not count
	os.ReadFile(x) // line 19
	//blastradius:ignore BR202
	os.ReadFile(x + "2") // line 21: no reason, not applied
	//blastradius:ignore
	os.ReadFile(x + "3") // line 23
	os.Getenv("X") //blastradius:ignore BR999 another rule's directive
	os.Getenv("Y") //blastradius:ignoreBR201 not the directive
}
`

func TestApplySuppressions(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "tools"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "tools", "tools.go"), []byte(suppressSource), 0o644); err != nil {
		t.Fatal(err)
	}
	at := func(line int) report.Position { return report.Position{File: "tools/tools.go", Line: line, Column: 2} }
	const handler = "example.com/m/tools.runShell"
	path := []report.Frame{{Function: handler, Position: at(11)}}
	finding := func(rule, name string, line int) report.Finding {
		return report.Finding{RuleID: rule, Rule: name, Tool: "run_shell", Position: at(line), Path: path}
	}
	doc := &report.Document{
		Tools: []report.Tool{{Name: "run_shell", Handler: handler, Position: at(10)}},
		Findings: []report.Finding{
			finding("BR101", "model-command-injection", 11),                                                // 0: trailing directive
			finding("BR104", "model-path-traversal", 14),                                                   // 1: by name, two comment lines up
			finding("BR202", "data-dump-to-model", 17),                                                     // 2: a blank line in between
			finding("BR103", "model-ssrf", 19),                                                             // 3: directive on a code line above
			finding("BR202", "data-dump-to-model", 21),                                                     // 4: no reason
			finding("BR202", "data-dump-to-model", 23),                                                     // 5: no rule
			finding("BR201", "secret-to-model", 24),                                                        // 6: another rule
			finding("BR201", "secret-to-model", 25),                                                        // 7: not a directive
			{RuleID: "BR304", Rule: "no-rate-limit", Tool: "run_shell", Position: at(10)},                  // 8: doc comment
			{RuleID: "BR305", Rule: "unlogged-tool-call", Tool: "run_shell", Position: at(10)},             // 9: doc comment
			finding("BR305", "unlogged-tool-call", 3),                                                      // 10: via the handler's doc
			{RuleID: "BR305", Tool: "other", Position: report.Position{File: "tools/missing.go", Line: 3}}, // 11: no file
			{RuleID: "BR101", Tool: "run_shell", Position: report.Position{File: "example.com/dep@v1.0.0/x.go", Line: 3}, // 12
				Path: []report.Frame{{Function: "example.com/m/tools.other"}}},
		},
	}
	warnings := applySuppressions(doc, dir)

	wantWarnings := []string{
		"tools/tools.go:15: //blastradius:ignore BR202 needs a reason",
		"tools/tools.go:20: //blastradius:ignore BR202 needs a reason",
		"tools/tools.go:22: //blastradius:ignore needs a rule ID and a reason",
	}
	if diff := cmp.Diff(wantWarnings, warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	want := map[int]string{
		0:  "commands come from the operator's allowlist",
		1:  "paths are confined by os.Root upstream",
		8:  "the MCP gateway logs and rate-limits every call",
		9:  "the MCP gateway logs and rate-limits every call",
		10: "the MCP gateway logs and rate-limits every call",
	}
	for i, f := range doc.Findings {
		if f.Suppressed != (want[i] != "") || f.Suppression != want[i] {
			t.Errorf("finding %d (%s at line %d): suppressed %v %q, want %q", i, f.RuleID, f.Position.Line, f.Suppressed, f.Suppression, want[i])
		}
	}
}

func TestApplySuppressionsNoFindings(t *testing.T) {
	doc := &report.Document{}
	if w := applySuppressions(doc, t.TempDir()); len(w) != 0 {
		t.Errorf("warnings %q", w)
	}
}
