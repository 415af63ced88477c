package analyzer_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/blastradius/blastradius/analyzer"
	"github.com/blastradius/blastradius/report"
)

// TestClientProcessesAreNoCommand scans mcp-go-client-processes, whose
// list_tags logs in to a registry through oras-go (with a Docker
// configuration that names a credential helper, oras-go runs it, in
// internal/executer) and whose page_text browses with chromedp (which
// starts Chrome in ExecAllocator.Allocate). Those programs are how the
// clients authenticate and browse, not commands of the tools': list_tags
// only talks to the registry and page_text to the model's URL, while
// sync_bucket, which runs the AWS CLI itself, runs a process. check_vertex
// makes a Vertex AI client, whose search for credentials asks the metadata
// server whether it runs on Compute Engine: no request of the tool's (it
// still reads the credential files, since the client it makes reaches the
// model). credential_source retrieves the AWS credentials of the default
// chain: whatever the providers call on the way (an SSO token refreshed
// with ssooidc's CreateToken and written to its cache, an S3 Express
// session, the instance's metadata) is how the client authenticates, so
// the tool only reads the shared configuration files. exchange_token gets a
// workload identity token through oauth2's TokenSource: what the token
// source does for it (read the identity file, post it to the token
// service) is how the client authenticates, so the tool does nothing of
// its own. The network call of list_tags is in oras-go's code, where no want
// comment can state it, so the test states every capability and finding.
func TestClientProcessesAreNoCommand(t *testing.T) {
	wantCaps := []string{
		"check_vertex: fs-read os.Open",
		"check_vertex: fs-read os.ReadFile",
		"credential_source: fs-read os.Open",
		"list_buckets: cloud-read (*github.com/aws/aws-sdk-go-v2/service/s3.Client).ListBuckets",
		"list_tags: network (*net/http.Client).Do",
		"page_text: network github.com/chromedp/chromedp.Navigate (tainted)",
		"sync_bucket: exec os/exec.CommandContext",
	}
	wantFindings := []string{
		"BR103 page_text github.com/chromedp/chromedp.Navigate",
		"BR203 page_text github.com/chromedp/chromedp.Text",
		"BR301 sync_bucket os/exec.CommandContext",
		"BR304 sync_bucket os/exec.CommandContext",
		"BR305 check_vertex ",
		"BR305 credential_source ",
		"BR305 list_buckets ",
		"BR305 list_tags ",
		"BR305 page_text ",
		"BR305 sync_bucket ",
		"BR403  ",
	}
	checkLists(t, "mcp-go-client-processes", wantCaps, wantFindings)
}

// checkLists scans a fixture and fails the test unless its capabilities and
// findings, as scanLists lists them, are exactly the ones wanted.
func checkLists(t *testing.T, fixture string, wantCaps, wantFindings []string) {
	t.Helper()
	caps, findings := scanLists(t, fixture)
	if !slices.Equal(caps, wantCaps) {
		t.Errorf("capabilities:\n got %q\nwant %q", caps, wantCaps)
	}
	if !slices.Equal(findings, wantFindings) {
		t.Errorf("findings:\n got %q\nwant %q", findings, wantFindings)
	}
}

// scanLists scans a fixture and lists, sorted, its capabilities ("TOOL:
// CAPABILITY SINK", with " (tainted)") and findings ("RULE TOOL SINK"),
// for fixtures whose results are in a dependency's code, where no want
// comment can state them.
func scanLists(t *testing.T, fixture string) ([]string, []string) {
	t.Helper()
	doc := scanFixture(t, fixture)
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
	return caps, findings
}

// scanFixture scans testdata/fixture with the default settings.
func scanFixture(t *testing.T, fixture string) *report.Document {
	t.Helper()
	doc, err := analyzer.Run(context.Background(), analyzer.Config{Dir: filepath.Join("..", "testdata", fixture)})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
