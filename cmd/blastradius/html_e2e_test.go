package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/blastradius/blastradius/analyzer"
	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/report/browsertest"
)

// TestHTMLReportInBrowser is the end-to-end test of the HTML report: it
// scans the shipped example with `scan --format html -o`, opens the page
// in headless Chromium, checks that the graph and the tables show the
// scan's tools, clicks the tool with the largest blast radius, checks its
// panel, and saves a screenshot in the test's temporary directory. It
// fails, saying to run .ci/setup.sh, when Chromium or its driver is
// missing.
func TestHTMLReportInBrowser(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	var doc *report.Document
	e := &env{analyze: func(ctx context.Context, cfg analyzer.Config) (*report.Document, error) {
		d, err := analyzer.Run(ctx, cfg)
		doc = d
		return d, err
	}}
	r := runCLI(t.Context(), []string{"scan", "--format", "html", "-o", page, filepath.Join("..", "..", "testdata", "ops-assistant")}, e)
	if doc == nil || r.stdout != "" {
		t.Fatalf("scan: exit code %d, stdout %q, stderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if len(doc.Tools) < 5 {
		t.Fatalf("scan found %d tools in the example, want at least 5", len(doc.Tools))
	}
	var tools []string
	worst := doc.Tools[0]
	for _, tool := range doc.Tools {
		tools = append(tools, tool.Name)
		if tool.Score.BlastRadius > worst.Score.BlastRadius {
			worst = tool
		}
	}

	shot := filepath.Join(dir, "report.png")
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	res, err := browsertest.Run(ctx, browsertest.Request{HTML: page, Click: worst.Name, Screenshot: shot})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Requests) > 0 {
		t.Errorf("the page asked for %v; it must fetch nothing", res.Requests)
	}
	if len(res.Errors) > 0 {
		t.Errorf("the page logged errors: %v", res.Errors)
	}
	if res.Graph == nil {
		t.Fatal("the page has no graph")
	}
	if !slices.Equal(res.Graph.Tools, tools) {
		t.Errorf("graph's tools = %v, want %v", res.Graph.Tools, tools)
	}
	if len(res.Graph.Overflowing) > 0 {
		t.Errorf("labels overflow their boxes: %v", res.Graph.Overflowing)
	}
	if !slices.Equal(res.ToolList, tools) {
		t.Errorf("tool list = %v, want %v", res.ToolList, tools)
	}
	if res.Findings.Rows != len(doc.Findings) {
		t.Errorf("findings table has %d rows, want %d", res.Findings.Rows, len(doc.Findings))
	}

	c := res.Click
	if c == nil || c.PanelsVisible != 1 || c.Title != worst.Name {
		t.Fatalf("after clicking %s: %+v, want its panel alone", worst.Name, c)
	}
	var caps, sinks []string
	for _, cp := range worst.Capabilities {
		caps = append(caps, cp.Capability)
		sinks = append(sinks, cp.Sink)
	}
	if !slices.Equal(c.Capabilities, caps) || !slices.Equal(c.Sinks, sinks) {
		t.Errorf("%s's panel shows capabilities %v on %v, want %v on %v", worst.Name, c.Capabilities, c.Sinks, caps, sinks)
	}
	if len(c.WitnessFrames) == 0 {
		t.Errorf("%s's panel shows no witness path", worst.Name)
	}
	if !slices.Contains(c.Highlighted, worst.Name) {
		t.Errorf("the graph highlights %v, not %s", c.Highlighted, worst.Name)
	}
	data, err := os.ReadFile(shot)
	if err != nil || len(data) < 10_000 {
		t.Errorf("screenshot %s: %d bytes, %v", shot, len(data), err)
	}
	t.Logf("screenshot: %s", shot)
}
