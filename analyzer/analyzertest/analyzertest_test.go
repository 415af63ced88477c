package analyzertest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/blastradius/blastradius/report"
)

// TestCompare checks that the harness is strict: a duplicated message must
// be wanted twice, a tainted flag must be stated, a want must match a whole
// message, and the order of the wants does not matter.
func TestCompare(t *testing.T) {
	at := func(line int) report.Position { return report.Position{File: "main.go", Line: line} }
	guard := report.Guard{Kind: "audit-log", Symbol: "log.Printf", Position: at(1), Dominates: true}
	doc := &report.Document{
		Tools: []report.Tool{{
			Name: "run", Framework: "mcp-go", NameFrom: "constant", Position: at(1),
			Capabilities: []report.Capability{
				{Capability: "exec", Sink: "os/exec.Command", Position: at(2), Tainted: true, Guards: []report.Guard{guard}},
				{Capability: "fs-write", Sink: "os.Remove", Position: at(3), Guards: []report.Guard{guard}},
			},
		}},
		Findings: []report.Finding{
			{RuleID: "BR101", Message: "tool run: model-controlled input reaches the command of os/exec.Command", Position: at(2)},
			{RuleID: "BR101", Message: "tool run: model-controlled input reaches the command of os/exec.Command", Position: at(2)},
		},
	}
	for _, c := range []struct {
		name  string
		wants [3]string // the want comments of lines 1 to 3
		ok    bool
	}{
		{"all stated", [3]string{
			"`tool run mcp-go constant` `run: guard audit-log log\\.Printf for exec os/exec\\.Command` `run: guard audit-log log\\.Printf for fs-write os\\.Remove`",
			"`run: exec os/exec\\.Command \\(tainted\\)` `BR101: tool run\\b.*` `BR101: tool run\\b.*`",
			"`run: fs-write os\\.Remove`",
		}, true},
		{"wants in any order", [3]string{
			"`run: guard .*` `tool run mcp-go constant` `run: guard audit-log log\\.Printf for exec os/exec\\.Command`",
			"`BR101: .*` `run: exec .*` `BR101: .*Command`",
			"`run: fs-write os\\.Remove`",
		}, true},
		{"a duplicate finding wanted once", [3]string{
			"`tool run mcp-go constant` `run: guard .* for exec .*` `run: guard .* for fs-write .*`",
			"`run: exec os/exec\\.Command \\(tainted\\)` `BR101: tool run\\b.*`",
			"`run: fs-write os\\.Remove`",
		}, false},
		{"a guard shared by two capabilities wanted once", [3]string{
			"`tool run mcp-go constant` `run: guard audit-log log\\.Printf.*`",
			"`run: exec os/exec\\.Command \\(tainted\\)` `BR101: tool run\\b.*` `BR101: tool run\\b.*`",
			"`run: fs-write os\\.Remove`",
		}, false},
		{"the tainted flag not stated", [3]string{
			"`tool run mcp-go constant` `run: guard .* for exec .*` `run: guard .* for fs-write .*`",
			"`run: exec os/exec\\.Command` `BR101: tool run\\b.*` `BR101: tool run\\b.*`",
			"`run: fs-write os\\.Remove`",
		}, false},
		{"an untainted capability wanted tainted", [3]string{
			"`tool run mcp-go constant` `run: guard .* for exec .*` `run: guard .* for fs-write .*`",
			"`run: exec os/exec\\.Command \\(tainted\\)` `BR101: tool run\\b.*` `BR101: tool run\\b.*`",
			"`run: fs-write os\\.Remove \\(tainted\\)`",
		}, false},
		{"a want matching part of a message", [3]string{
			"`tool run mcp-go constant` `run: guard .* for exec .*` `run: guard .* for fs-write .*`",
			"`run: exec os/exec\\.Command \\(tainted\\)` `BR101: tool run\\b.*` `BR101: tool run\\b.*`",
			"`run: fs-write os\\.Remov`",
		}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			// Each line states its own messages.
			src := "package main // want " + c.wants[0] + "\n// want " + c.wants[1] + "\n// want " + c.wants[2] + "\n"
			if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			problems, err := compare(dir, doc)
			if err != nil {
				t.Fatal(err)
			}
			if got := len(problems) == 0; got != c.ok {
				t.Errorf("passes = %v, want %v; problems: %q", got, c.ok, problems)
			}
		})
	}
}
