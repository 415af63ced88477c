package analyzer_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/blastradius/blastradius/analyzer"
	"github.com/blastradius/blastradius/analyzer/analyzertest"
	"github.com/blastradius/blastradius/report"
)

// TestCgo scans a module that uses cgo itself and through a real cgo
// dependency (github.com/mattn/go-sqlite3), with a C compiler and with CC
// naming one that does not exist: the same tools, capabilities and
// findings either way (the fixture's want comments), no warning in the
// first case and exactly one in the second.
func TestCgo(t *testing.T) {
	dir := filepath.Join("..", "testdata", "cgo-tools")
	t.Run("compiler", func(t *testing.T) {
		if _, err := exec.LookPath("gcc"); err != nil {
			t.Fatal("no C compiler (gcc): run .ci/setup.sh, which installs one")
		}
		doc := analyzertest.Run(t, dir, analyzer.Config{})
		if len(doc.Warnings) != 0 {
			t.Errorf("warnings %q, want none", doc.Warnings)
		}
	})
	noCompiler := func(t *testing.T, env []string, cc string) {
		doc := analyzertest.Run(t, dir, analyzer.Config{Env: env})
		want := regexp.MustCompile(`^no C compiler \(` + regexp.QuoteMeta(cc) + `\) was found: 2 packages that use cgo were type-checked without their C declarations; functions that use C are not analysed \(example\.com/cgo-tools/native, github\.com/mattn/go-sqlite3\)$`)
		if len(doc.Warnings) != 1 || !want.MatchString(doc.Warnings[0]) {
			t.Errorf("warnings %q, want one matching %s", doc.Warnings, want)
		}
		if len(doc.NotAnalysed) != 0 {
			t.Errorf("not analysed: %v, want none", doc.NotAnalysed)
		}
	}
	// CC names a compiler that is not there: the go command keeps cgo
	// on, and cgo would fail.
	t.Run("CC missing", func(t *testing.T) {
		noCompiler(t, append(os.Environ(), "CC=/nonexistent/cc"), "/nonexistent/cc")
	})
	// No compiler on PATH at all: the go command turns cgo off by itself.
	t.Run("no compiler on PATH", func(t *testing.T) {
		goBin, err := exec.LookPath("go")
		if err != nil {
			t.Fatal(err)
		}
		var env []string
		for _, kv := range os.Environ() {
			if !strings.HasPrefix(kv, "PATH=") && !strings.HasPrefix(kv, "CC=") && !strings.HasPrefix(kv, "CGO_ENABLED=") {
				env = append(env, kv)
			}
		}
		noCompiler(t, append(env, "PATH="+filepath.Dir(goBin)), "gcc")
	})
}

// TestBrokenDependency scans a module whose dependency (a local replace)
// does not type-check, and whose own code uses a declaration of it that did
// not resolve: the shape that made SSA crash. No panic; the dependency is
// reported once; read_config is reported in full; the tools that reach
// code that did not load or type-check say so.
func TestBrokenDependency(t *testing.T) {
	doc := analyzertest.Run(t, filepath.Join("..", "testdata", "broken-dependency"), analyzer.Config{})
	want := []report.NotAnalysed{{Package: "example.com/weather", Error: "weather/weather.go:14:9: undefined: forecastCache"}}
	if diff := cmp.Diff(want, doc.NotAnalysed); diff != "" {
		t.Errorf("not analysed (-want +got):\n%s", diff)
	}
	incomplete := map[string][]string{}
	for _, tool := range doc.Tools {
		incomplete[tool.Name] = tool.Incomplete
	}
	wantIncomplete := map[string][]string{
		"read_config": nil,
		"forecast":    {"example.com/weather"},
		"cache_stats": {"example.com/broken-dependency.cacheEntries"},
		"delete_note": nil,
	}
	if diff := cmp.Diff(wantIncomplete, incomplete); diff != "" {
		t.Errorf("incomplete tools (-want +got):\n%s", diff)
	}
	if n := countPrefix(doc.Warnings, "package example.com/weather does not load"); n != 1 {
		t.Errorf("%d warnings about example.com/weather, want 1: %q", n, doc.Warnings)
	}
	// A function of the module's that lost its body, and that no tool
	// reaches, may register tools: the scan says it did not see them.
	unseen := "package example.com/broken-dependency: not analysed, for using declarations that did not type-check (tools they register are not seen): addCacheTools"
	if !slices.Contains(doc.Warnings, unseen) {
		t.Errorf("no warning %q in %q", unseen, doc.Warnings)
	}
}

func countPrefix(ss []string, prefix string) int {
	n := 0
	for _, s := range ss {
		if strings.HasPrefix(s, prefix) {
			n++
		}
	}
	return n
}

// TestUserGoSettings scans a vendored module (its one dependency exists
// only in vendor/) with GOFLAGS=-tags=ops set by `go env -w` in the user's
// go environment file: the scan must see what `go build` sees, the
// vendored dependency's sink and the tool that only the tag compiles in.
func TestUserGoSettings(t *testing.T) {
	goenv := filepath.Join(t.TempDir(), "go.env")
	cmd := exec.Command("go", "env", "-w", "GOFLAGS=-tags=ops")
	cmd.Env = append(os.Environ(), "GOENV="+goenv)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go env -w: %v\n%s", err, out)
	}
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GOFLAGS=") {
			env = append(env, kv)
		}
	}
	doc := analyzertest.Run(t, filepath.Join("..", "testdata", "vendored"), analyzer.Config{Env: append(env, "GOENV="+goenv)})
	if len(doc.Warnings) != 0 {
		t.Errorf("warnings %q, want none", doc.Warnings)
	}
}

// TestModuleThatDoesNotLoad scans a repository of two modules without a
// go.work, one of which the go command refuses: the other is analysed, and
// the report itself (not only stderr) says which module was not.
func TestModuleThatDoesNotLoad(t *testing.T) {
	root := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good/go.mod", "module example.com/good\n\ngo 1.26\n")
	write("good/tool.go", "package good\n\n// Hello greets.\n//\n//blastradius:tool hello\nfunc Hello() string { return \"hi\" }\n")
	write("future/go.mod", "module example.com/future\n\ngo 1.999\n")
	write("future/tool.go", "package future\n")
	var stderr []string
	doc, err := analyzer.Run(t.Context(), analyzer.Config{Dir: root, Warn: func(m string) { stderr = append(stderr, m) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tools) != 1 || doc.Tools[0].Name != "hello" {
		t.Errorf("tools %v, want hello", doc.Tools)
	}
	if n := countPrefix(doc.Warnings, "module future does not load"); n != 1 {
		t.Errorf("report warnings %q: want one about module future", doc.Warnings)
	}
	if len(doc.NotAnalysed) != 1 || doc.NotAnalysed[0].Package != "future" || !doc.NotAnalysed[0].Module {
		t.Errorf("not analysed %+v, want module future", doc.NotAnalysed)
	}
}
