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

// TestServerArgsInputs checks that a registry's dispatch that hands each
// tool the server's own logger and cache beside the call's arguments makes
// only the arguments the tool's inputs.
func TestServerArgsInputs(t *testing.T) {
	doc := scanFixture(t, "registry-server-args")
	want := map[string][]string{"read_file": {"args"}, "list_dir": {"args"}}
	for _, tool := range doc.Tools {
		if w, ok := want[tool.Name]; ok {
			delete(want, tool.Name)
			if !slices.Equal(tool.Inputs, w) {
				t.Errorf("%s: inputs %q, want %q", tool.Name, tool.Inputs, w)
			}
		}
	}
	for name := range want {
		t.Errorf("no tool %s", name)
	}
}

// TestRewrapNoWarning checks that tools read back from the server and
// registered again inside a wrapper leave no "cannot tell which handler"
// warning: their handlers are known where they were first registered.
func TestRewrapNoWarning(t *testing.T) {
	doc := scanFixture(t, "mcp-go-rewrap")
	if len(doc.Warnings) > 0 {
		t.Errorf("warnings %q, want none", doc.Warnings)
	}
}

// TestBlankInputs checks that a parameter the handler leaves without a
// name (_ struct{}) is no input: its body cannot read it.
func TestBlankInputs(t *testing.T) {
	doc := scanFixture(t, "eino-tools")
	for _, tool := range doc.Tools {
		if tool.Name == "current_time" {
			if len(tool.Inputs) != 0 {
				t.Errorf("current_time: inputs %q, want none", tool.Inputs)
			}
			return
		}
	}
	t.Error("no tool current_time")
}

// TestCallOptionsInputs checks that eino's call options (opts
// ...tool.Option, a catalog's notinput type) are not a tool's input: the
// graph sets them, not the model.
func TestCallOptionsInputs(t *testing.T) {
	doc := scanFixture(t, "eino-tools")
	for _, tool := range doc.Tools {
		if tool.Name == "index_stats" {
			if want := []string{"argumentsInJSON"}; !slices.Equal(tool.Inputs, want) {
				t.Errorf("index_stats: inputs %q, want %q", tool.Inputs, want)
			}
			return
		}
	}
	t.Error("no tool index_stats")
}
