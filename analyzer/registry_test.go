package analyzer_test

import (
	"fmt"
	"slices"
	"testing"
)

// TestRegistryRegistration checks where the tools of a registry looked up
// by name are registered: two registrations look the same values up, and
// each tool is shown once, at the one that declares it under its name
// (s.AddTool(&def, handlerFor(name)), def being the value's definition),
// not at the one that registers names read from the environment.
func TestRegistryRegistration(t *testing.T) {
	doc := scanFixture(t, "mcp-sdk-named-registry")
	var got []string
	for _, tool := range doc.Tools {
		got = append(got, fmt.Sprintf("%s %s:%d", tool.Name, tool.Registration.File, tool.Registration.Line))
	}
	want := []string{
		"clock main.go:166",
		"count_notes main.go:168",
		"fetch_file main.go:169",
		"read_note main.go:166",
		"shell main.go:166",
	}
	if !slices.Equal(got, want) {
		t.Errorf("tools:\n got %q\nwant %q", got, want)
	}
}
