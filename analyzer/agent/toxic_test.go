package agent

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

// finding is a finding of rule about tool, with a one-frame path from its
// handler.
func finding(rule, tool, capability, sink string) report.Finding {
	return report.Finding{RuleID: rule, Tool: tool, Capability: capability, Sink: sink,
		Path: []report.Frame{{Function: "example.com/a." + tool}}}
}

func tool(name string, radius int) report.Tool {
	return report.Tool{Name: name, Handler: "example.com/a." + name, Score: report.Score{BlastRadius: radius}}
}

// legsOf returns the tools of the legs of the agent's findings, by rule.
func legsOf(fs []report.Finding) map[string][]string {
	out := map[string][]string{}
	for _, f := range fs {
		for _, l := range f.Legs {
			out[f.RuleID] = append(out[f.RuleID], l.Role+" "+l.Tool)
		}
	}
	return out
}

// TestCombinationWitnesses checks which tools a combination names: two
// different tools for the private data and the untrusted content when the
// agent has them (a repository's file is both), and, among tools that
// witness a leg alike, the one that does least besides.
func TestCombinationWitnesses(t *testing.T) {
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	tools := []report.Tool{
		tool("get_file", 2),     // cloud data: private and written by others
		tool("edit_file", 8),    // reads the file to write it
		tool("list_issues", 4),  // written by others
		tool("post_webhook", 6), // an exit
	}
	findings := []report.Finding{
		finding("BR203", "get_file", "cloud-read", "(*github.com/google/go-github/v89/github.RepositoriesService).GetContents"),
		finding("BR203", "edit_file", "cloud-read", "(*github.com/google/go-github/v89/github.RepositoriesService).GetContents"),
		finding("BR203", "list_issues", "network", "(*net/http.Client).Do"),
		finding("BR103", "post_webhook", "network", "net/http.Post"),
	}
	in := Input{
		Tools: tools, Findings: findings, Catalog: cat,
		Agents:  []report.Agent{{Name: "repo", Kind: "server", Framework: "mcp-go"}},
		Members: [][]int{{0, 1, 2, 3}},
		ID:      func(rule, tool, handler, sink string) string { return rule + tool + handler + sink },
	}
	got := legsOf(Check(in))
	want := map[string][]string{"BR401": {"private-data get_file", "untrusted-content list_issues", "exit post_webhook"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("legs (-want +got):\n%s", diff)
	}

	// Without list_issues, another tool still plays the content.
	in.Members = [][]int{{0, 1, 3}}
	got = legsOf(Check(in))
	want = map[string][]string{"BR401": {"private-data get_file", "untrusted-content edit_file", "exit post_webhook"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("without list_issues, legs (-want +got):\n%s", diff)
	}

	// With the file alone, it plays both.
	in.Members = [][]int{{0, 3}}
	got = legsOf(Check(in))
	want = map[string][]string{"BR401": {"private-data get_file", "untrusted-content get_file", "exit post_webhook"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("with get_file alone, legs (-want +got):\n%s", diff)
	}

	// Gates that keep the exit apart from the readers leave nothing.
	in.Members = [][]int{{0, 1, 2, 3}}
	in.Apart = func(a, b int) bool { return (a == 3) != (b == 3) }
	if got := Check(in); len(got) != 0 {
		t.Errorf("with the exit kept apart: %d findings, want none: %+v", len(got), got)
	}
}
