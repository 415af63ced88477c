package agent

import (
	"testing"

	"github.com/blastradius/blastradius/report"
)

// TestReadsOnly checks which exec capabilities count as only reading for
// a readOnlyHint: fixed commands of readers, and nothing else.
func TestReadsOnly(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    report.Capability
		want bool
	}{
		{"a reader", report.Capability{Capability: "exec", Runs: []string{"df"}}, true},
		{"a reading subcommand", report.Capability{Capability: "exec", Runs: []string{"git log"}}, true},
		{"a group's reading subcommand", report.Capability{Capability: "exec", Runs: []string{"podman container list", "podman images"}}, true},
		{"a group's writing subcommand", report.Capability{Capability: "exec", Runs: []string{"podman container rm"}}, false},
		{"one writer among readers", report.Capability{Capability: "exec", Runs: []string{"git gc", "git log"}}, false},
		{"a program that sets what it is given", report.Capability{Capability: "exec", Runs: []string{"hostname web1"}}, false},
		{"no subcommand where one decides", report.Capability{Capability: "exec", Runs: []string{"git"}}, false},
		{"the model's words", report.Capability{Capability: "exec", Tainted: true, Runs: []string{"git log"}}, false},
		{"what runs is not known", report.Capability{Capability: "exec"}, false},
		{"not a process", report.Capability{Capability: "fs-write", Runs: []string{"ls"}}, false},
	} {
		if got := readsOnly(tc.c); got != tc.want {
			t.Errorf("%s: readsOnly(%v) = %v, want %v", tc.name, tc.c.Runs, got, tc.want)
		}
	}
}
