package analyzer_test

import (
	"slices"
	"testing"
)

// TestBundleInputs checks the report's inputs of handlers that get a
// bundle of parameters: the fields the wrapper fills from the request, not
// the bundle whole (which holds the server's client too), whether the
// bundle carries the call's context or not.
func TestBundleInputs(t *testing.T) {
	for fixture, want := range map[string]map[string][]string{
		"mcp-sdk-cli-params": {
			"list_snapshots": {"p.Arguments"},
			"snapshot_files": {"p.Arguments"},
		},
		"mcp-sdk-bundle": {
			"exec_in_pod": {"p.Request"},
		},
	} {
		doc := scanFixture(t, fixture)
		for _, tool := range doc.Tools {
			w, ok := want[tool.Name]
			if !ok {
				continue
			}
			delete(want, tool.Name)
			if !slices.Equal(tool.Inputs, w) {
				t.Errorf("%s %s: inputs %q, want %q", fixture, tool.Name, tool.Inputs, w)
			}
		}
		for name := range want {
			t.Errorf("%s: no tool %s", fixture, name)
		}
	}
}
