package analyzer_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/blastradius/blastradius/analyzer"
)

// TestDependencySingletons scans mcp-go-singleton, whose save_theme calls
// viper.WriteConfig: the package-level function goes through viper's
// global instance, made in viper's own init function with afero's OsFs, and
// writes the configuration file through it. Only viper's init makes that
// file system, so a scan that leaves dependency init functions out reports
// the tool harmless. preview_theme only sets a value in memory. The write
// is in afero's code, where no want comment can state it, so the test
// states every capability and finding.
func TestDependencySingletons(t *testing.T) {
	doc, err := analyzer.Run(context.Background(), analyzer.Config{Dir: filepath.Join("..", "testdata", "mcp-go-singleton")})
	if err != nil {
		t.Fatal(err)
	}
	var caps, findings []string
	for _, tool := range doc.Tools {
		for _, c := range tool.Capabilities {
			tainted := ""
			if c.Tainted {
				tainted = " (tainted)"
			}
			caps = append(caps, tool.Name+": "+c.Capability+" "+c.Sink+tainted)
		}
	}
	for _, f := range doc.Findings {
		findings = append(findings, f.RuleID+" "+f.Tool+" "+f.Sink)
	}
	slices.Sort(caps)
	slices.Sort(findings)
	wantCaps := []string{"save_theme: fs-write os.OpenFile"}
	wantFindings := []string{
		"BR301 save_theme os.OpenFile",
		"BR304 save_theme os.OpenFile",
		"BR305 save_theme ",
	}
	if !slices.Equal(caps, wantCaps) {
		t.Errorf("capabilities:\n got %q\nwant %q", caps, wantCaps)
	}
	if !slices.Equal(findings, wantFindings) {
		t.Errorf("findings:\n got %q\nwant %q", findings, wantFindings)
	}
}
