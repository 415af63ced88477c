package analyzer_test

import (
	"maps"
	"slices"
	"testing"
)

// TestArgumentInjection checks that the model's arguments to a program the
// code fixes (ping, make) are argument injection: high, CWE-88, and no
// BR303 (the model does not choose what runs), while the model's text run
// by a shell stays command injection: critical, CWE-78.
func TestArgumentInjection(t *testing.T) {
	doc := scanFixture(t, "guards-mcp")
	type got struct {
		severity, cwe string
	}
	br101 := map[string]got{}
	br303 := map[string]bool{}
	for _, f := range doc.Findings {
		switch f.RuleID {
		case "BR101":
			br101[f.Tool] = got{f.Severity, f.CWE[0]}
		case "BR303":
			br303[f.Tool] = true
		}
	}
	for tool, want := range map[string]got{
		"ping_host": {"high", "CWE-88"},
		"run_job":   {"high", "CWE-88"},
		"run_shell": {"critical", "CWE-78"},
	} {
		if br101[tool] != want {
			t.Errorf("%s: BR101 %+v, want %+v", tool, br101[tool], want)
		}
	}
	for _, tool := range []string{"ping_host", "run_job"} {
		if br303[tool] {
			t.Errorf("%s: BR303 for a program the code fixes", tool)
		}
	}
	if !br303["run_shell"] {
		t.Errorf("run_shell: no BR303 for a shell running the model's text (have %v)", slices.Sorted(maps.Keys(br303)))
	}
}
