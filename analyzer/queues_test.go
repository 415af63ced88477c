package analyzer_test

import (
	"fmt"
	"slices"
	"testing"
)

// TestQueuedWitness checks the witness of a capability reached through a
// work queue: it goes from the tool's call of the queue's method, through
// the send that queues the function (not the worker's call, which is in
// another function), to the tool's own function and its sink.
func TestQueuedWitness(t *testing.T) {
	doc := scanFixture(t, "mcp-go-workqueue")
	want := []string{
		"example.com/mcp-go-workqueue.fetchPage main.go:51",
		"(*example.com/mcp-go-workqueue.serial).do main.go:39",
		"(*example.com/mcp-go-workqueue.serial).do$1 main.go:39",
		"example.com/mcp-go-workqueue.fetchPage$1 main.go:52",
	}
	for _, tool := range doc.Tools {
		if tool.Name != "fetch_page" {
			continue
		}
		for _, c := range tool.Capabilities {
			var got []string
			for _, fr := range c.Path {
				got = append(got, fmt.Sprintf("%s %s:%d", fr.Function, fr.Position.File, fr.Position.Line))
			}
			if !slices.Equal(got, want) {
				t.Errorf("witness of %s:\n got %q\nwant %q", c.Sink, got, want)
			}
			return
		}
	}
	t.Fatal("fetch_page has no capability")
}
