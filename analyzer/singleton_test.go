package analyzer_test

import "testing"

// TestDependencySingletons scans mcp-go-singleton, whose save_theme calls
// viper.WriteConfig: the package-level function goes through viper's
// global instance, made in viper's own init function with afero's OsFs, and
// writes the configuration file through it. Only viper's init makes that
// file system, so a scan that leaves dependency init functions out reports
// the tool harmless. preview_theme only sets a value in memory. The write
// is in afero's code, where no want comment can state it, so the test
// states every capability and finding.
func TestDependencySingletons(t *testing.T) {
	wantCaps := []string{"save_theme: fs-write os.OpenFile"}
	wantFindings := []string{
		"BR301 save_theme os.OpenFile",
		"BR304 save_theme os.OpenFile",
		"BR305 save_theme ",
	}
	checkLists(t, "mcp-go-singleton", wantCaps, wantFindings)
}
