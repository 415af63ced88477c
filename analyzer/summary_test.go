package analyzer_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/blastradius/blastradius/analyzer"
	"github.com/blastradius/blastradius/analyzer/analyzertest"
	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

// summaryScan scans the mcp-go-opaque fixture with a cache in dir, checking
// its want comments unless check is false, and returns the report and how
// many opaque packages were read from the cache and built.
func summaryScan(t *testing.T, dir string, cat *rules.Catalog, check bool) (doc *report.Document, cached, built string) {
	t.Helper()
	var detail string
	cfg := analyzer.Config{CacheDir: dir, Catalog: cat, Phase: func(name string, _ time.Duration, d string) {
		if name == "summaries" {
			detail = d
		}
	}}
	fixture := filepath.Join("..", "testdata", "mcp-go-opaque")
	if check {
		doc = analyzertest.Run(t, fixture, cfg)
	} else {
		cfg.Dir = fixture
		var err error
		if doc, err = analyzer.Run(context.Background(), cfg); err != nil {
			t.Fatal(err)
		}
	}
	m := regexp.MustCompile(`(\d+) from the cache, (\d+) built`).FindStringSubmatch(detail)
	if m == nil {
		t.Fatalf("summaries phase said %q", detail)
	}
	return doc, m[1], m[2]
}

// TestSummaries scans a fixture whose tools call a Google API and gRPC
// clients that the catalog calls opaque and names no sink of, four times
// over one cache: the capabilities come from the clients' own code, with
// witnesses into it; a second scan reads them from the cache; the scan
// uses what the cache holds; a changed catalog computes them again.
func TestSummaries(t *testing.T) {
	cache := t.TempDir()
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	cold, cached, built := summaryScan(t, cache, cat, true)
	// Seven packages: list_events_fresh calls into one more than the
	// other tools, the API's options (option.WithCredentialsFile),
	// get_operation_fresh makes a generated gRPC client, and web_search
	// builds its call with customsearch's own methods before the
	// catalogued Do.
	if cached != "0" || built != "7" {
		t.Errorf("first scan: %s opaque packages from the cache and %s built, want 0 and 7", cached, built)
	}

	// Each witness goes on into the dependency, to its own sink call.
	const send = "google.golang.org/api/internal/gensupport.SendRequest"
	last := map[string]string{
		"add_event":         send,
		"list_events":       send,
		"list_events_fresh": send,
		"cancel_operation":  "(*cloud.google.com/go/longrunning/autogen/longrunningpb.operationsClient).CancelOperation",
		// Its client's token and metadata server are how it
		// authenticates: only the RPC is left, and the credentials
		// files it reads.
		"get_operation_fresh": "(*cloud.google.com/go/longrunning/autogen/longrunningpb.operationsClient).GetOperation",
		// A client main made: its calls go through an interface of
		// its package to the gRPC client its constructor makes, and
		// the call it hands gax.Invoke is its own, not the other
		// methods' of that client.
		"delete_operation": "(*cloud.google.com/go/longrunning/autogen/longrunningpb.operationsClient).DeleteOperation",
		"health":           "(*google.golang.org/grpc/health/grpc_health_v1.healthClient).Check",
	}
	// list_events_fresh and get_operation_fresh also read the
	// credentials their clients are made with, and its certificate configuration, in the API's own code
	// (not in the enterprise certificate signer, a credential program of
	// the user's configuration that the scan does not enter).
	credentials := map[string]bool{
		"google.golang.org/api/internal.baseCreds":                         true,
		"cloud.google.com/go/auth/internal/transport/cert.parseCertConfig": true,
	}
	for _, tool := range cold.Tools {
		if tool.Name == "web_search" {
			continue // a catalogued sink, not a summary's
		}
		for _, c := range tool.Capabilities {
			p := c.Path
			if len(p) < 2 || !strings.HasPrefix(p[0].Function, "(*example.com/ops.ops).") || p[0].Position != c.Position {
				t.Errorf("%s %s: path %v does not start at the handler's call into the dependency, %v", tool.Name, c.Capability, p, c.Position)
				continue
			}
			end := p[len(p)-1]
			want := end.Function == last[tool.Name]
			if strings.HasSuffix(tool.Name, "_fresh") && c.Capability == "fs-read" {
				want = credentials[end.Function]
			}
			if !want || !strings.Contains(end.Position.File, "@v") {
				t.Errorf("%s %s: path ends at %s (%s), want %s in the module cache", tool.Name, c.Capability, end.Function, end.Position.File, last[tool.Name])
			}
		}
	}
	for name := range last {
		if !hasTool(cold, name) {
			t.Errorf("no tool %s", name)
		}
	}

	warm, cached, built := summaryScan(t, cache, cat, true)
	if cached != "7" || built != "0" {
		t.Errorf("second scan: %s opaque packages from the cache and %s built, want 7 and 0", cached, built)
	}
	if d := cmp.Diff(cold.Tools, warm.Tools); d != "" {
		t.Errorf("the scan from the cache differs (-cold +warm):\n%s", d)
	}

	// What the scan reports is what the cache holds: rewrite every entry
	// to say cloud-read is email.
	rewriteCache(t, cache, `"cloud-read"`, `"email"`)
	forged, _, _ := summaryScan(t, cache, cat, false)
	if got := capabilitiesOf(forged, "list_events"); !cmp.Equal(got, []string{"email"}) {
		t.Errorf("after rewriting the cache, list_events has %v, want [email]", got)
	}

	// A catalog with one more file is another catalog: nothing of the
	// cache is used, and the wants hold again.
	if err := cat.Parse("user.cat", strings.NewReader("# a user's catalog\n")); err != nil {
		t.Fatal(err)
	}
	if _, cached, built := summaryScan(t, cache, cat, true); cached != "0" || built != "7" {
		t.Errorf("with a changed catalog: %s opaque packages from the cache and %s built, want 0 and 7", cached, built)
	}
}

func hasTool(doc *report.Document, name string) bool {
	for _, t := range doc.Tools {
		if t.Name == name {
			return true
		}
	}
	return false
}

func capabilitiesOf(doc *report.Document, name string) []string {
	var out []string
	for _, t := range doc.Tools {
		if t.Name == name {
			for _, c := range t.Capabilities {
				out = append(out, c.Capability)
			}
		}
	}
	return out
}

// rewriteCache replaces old with new in every cache entry under dir.
func rewriteCache(t *testing.T, dir, old, new string) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".json.gz") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			return err
		}
		data, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			return err
		}
		if !bytes.Contains(data, []byte(old)) {
			return nil
		}
		n++
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(bytes.ReplaceAll(data, []byte(old), []byte(new)))
		if err := zw.Close(); err != nil {
			return err
		}
		return os.WriteFile(path, buf.Bytes(), 0o644)
	})
	if err != nil || n == 0 {
		t.Fatalf("rewriting the cache: %v, %d entries rewritten", err, n)
	}
}

// TestSummaryContinuesThroughHelpers scans a client that a catalog line
// makes opaque, with its request builder as a sink: a helper that sends the
// built request continues the read when every caller hands it one
// (tail_logs), and not when another caller hands it a request of its own
// (recent_logs, which keeps the network call).
func TestSummaryContinuesThroughHelpers(t *testing.T) {
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	const extra = "opaque example.com/logsclient\nsink cloud-read (*example.com/logsclient.Client).Logs\n"
	if err := cat.Parse("test.cat", strings.NewReader(extra)); err != nil {
		t.Fatal(err)
	}
	analyzertest.Run(t, filepath.Join("..", "testdata", "summary-continues"), analyzer.Config{Catalog: cat, CacheDir: t.TempDir()})
}

// TestSummaryOwnCode scans a fixture whose two tools call two opaque
// clients that hand their calls to one support library as closures: each
// client's summary goes through its own code and its dependencies' only,
// so the reading client does not take the closure that the writing client
// hands the same library. A summary is kept under its own dependencies'
// versions, so it must not depend on which other packages one scan
// summarises.
func TestSummaryOwnCode(t *testing.T) {
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := cat.Parse("user.cat", strings.NewReader("opaque example.com/deps\n")); err != nil {
		t.Fatal(err)
	}
	analyzertest.Run(t, filepath.Join("..", "testdata", "summary-shared-callback"), analyzer.Config{CacheDir: t.TempDir(), Catalog: cat})
}

// TestUnsetFieldsSetInOpaqueCode scans a fetcher whose logging branch
// tests a field that only an opaque SDK sets: the SDK imports the
// settings' package, so the field is not taken for never set and the
// branch's file write is the tool's.
func TestUnsetFieldsSetInOpaqueCode(t *testing.T) {
	cat, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := cat.Parse("test.cat", strings.NewReader("opaque example.com/sdk\n")); err != nil {
		t.Fatal(err)
	}
	analyzertest.Run(t, filepath.Join("..", "testdata", "unset-opaque-sets"), analyzer.Config{Catalog: cat, CacheDir: t.TempDir()})
}
