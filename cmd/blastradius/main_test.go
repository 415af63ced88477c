package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/blastradius/blastradius/analyzer"
	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/report/sariftest"
	"github.com/blastradius/blastradius/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sarifLogs collects every SARIF log the tests make the command write;
// TestMain validates them with Microsoft's SARIF validator (see
// report/sariftest).
var sarifLogs sariftest.Recorder

func TestMain(m *testing.M) {
	// Scans keep summaries in a cache: never the user's.
	dir, err := os.MkdirTemp("", "blastradius-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv(cacheEnv, dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(max(code, sarifLogs.Check(os.Stderr)))
}

// cliCase is one command line, its exit code and its golden file, which
// holds the exit code, stdout and stderr after scrubbing.
type cliCase struct {
	name string
	args []string // "$TMP" stands for the test's temporary directory
	code int
}

// result is what one run of the command printed and returned.
type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs the command line in process, as main does, with e's analysis
// (the real one when e is nil).
func runCLI(ctx context.Context, args []string, e *env) result {
	var stdout, stderr bytes.Buffer
	if e == nil {
		e = &env{analyze: analyzer.Run}
	}
	e.stdout, e.stderr = &stdout, &stderr
	err := runEnv(ctx, args, e)
	code := exitCode(err, &stderr)
	recordSARIF(args, stdout.Bytes())
	return result{code, stdout.String(), stderr.String()}
}

// recordSARIF records the SARIF that a command line wrote, to standard
// output or to its -o file, for the validator.
func recordSARIF(args []string, stdout []byte) {
	sarif, output := false, ""
	for i, a := range args {
		next := ""
		if i+1 < len(args) {
			next = args[i+1]
		}
		switch {
		case a == "--format" && next == "sarif", a == "--format=sarif":
			sarif = true
		case a == "-o" || a == "--output":
			output = next
		case strings.HasPrefix(a, "--output="):
			output = strings.TrimPrefix(a, "--output=")
		}
	}
	if !sarif {
		return
	}
	data := stdout
	if output != "" {
		var err error
		if data, err = os.ReadFile(output); err != nil {
			return // the command failed before writing it
		}
	}
	if len(data) > 0 {
		sarifLogs.Add(strings.Join(args, " "), data)
	}
}

// runGolden runs each case against the real analysis and compares its
// scrubbed output with testdata/<name>.golden.
func runGolden(t *testing.T, tmp string, cases []cliCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := make([]string, len(tc.args))
			for i, a := range tc.args {
				args[i] = strings.ReplaceAll(a, "$TMP", tmp)
			}
			r := runCLI(t.Context(), args, nil)
			if r.code != tc.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", r.code, tc.code, r.stderr)
			}
			// One line says why it failed, after any warnings.
			if n := strings.Count(r.stderr, "\n") - strings.Count(r.stderr, "blastradius: warning: "); r.code != exitOK && n != 1 {
				t.Errorf("failure printed %d lines on stderr besides warnings, want 1:\n%s", n, r.stderr)
			}
			got := fmt.Sprintf("$ %s\nexit %d\n-- stdout --\n%s-- stderr --\n%s",
				strings.Join(append([]string{"blastradius"}, tc.args...), " "), r.code, r.stdout, r.stderr)
			checkGolden(t, tc.name+".golden", scrub(t, got, tmp))
		})
	}
}

// scrub replaces what differs between machines and builds: the temporary
// directory, the repository's absolute path and the version.
func scrub(t *testing.T, s, tmp string) string {
	t.Helper()
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	v := programVersion()
	s = strings.NewReplacer(
		tmp, "$TMP",
		repo, "$REPO",
		`"version": "`+v+`"`, `"version": "$VERSION"`,
		"blastradius "+v+"\n", "blastradius $VERSION\n",
	).Replace(s)
	return semanticVersionRE.ReplaceAllString(s, `"semanticVersion": "$$VERSION"`)
}

// semanticVersionRE matches the scanner's version in SARIF.
var semanticVersionRE = regexp.MustCompile(`"semanticVersion": "[^"]*"`)

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("%v (run go test -update to create it)", err)
		return
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// tempTree makes the temporary files the cases refer to.
func tempTree(t *testing.T) string {
	t.Helper()
	tmp := t.TempDir()
	files := map[string]string{
		"file.go":     "package p\n",
		"bad.cat":     "# a user catalog\nsink exec example.com/run.Command\nsinc exec example.com/run.Other\n",
		"bad.yaml":    "# blastradius configuration\nfail_on: high\nsinks:\n  - exec example.com/run.Command\n  - run example.com/run.Other\n",
		"empty/.keep": "",
	}
	for name, content := range files {
		p := filepath.Join(tmp, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return tmp
}

// TestCLI covers the command line itself: none of these cases reaches the
// analysis.
func TestCLI(t *testing.T) {
	runGolden(t, tempTree(t), []cliCase{
		{"root-help", []string{}, exitOK},
		{"version", []string{"--version"}, exitOK},
		{"scan-help", []string{"scan", "--help"}, exitOK},
		{"unknown-flag", []string{"scan", "--bogus"}, exitUsage},
		{"unknown-command", []string{"scna"}, exitUsage},
		{"unknown-format", []string{"scan", "--format", "xml", "$TMP"}, exitUsage},
		{"missing-dir", []string{"scan", "$TMP/missing"}, exitUsage},
		{"missing-relative-dir", []string{"scan", "-C", "$TMP", "./missing"}, exitUsage},
		{"missing-C", []string{"scan", "-C", "$TMP/missing"}, exitUsage},
		{"file-as-dir", []string{"scan", "$TMP/file.go"}, exitUsage},
		{"file-as-C", []string{"scan", "-C", "$TMP/file.go"}, exitUsage},
		{"malformed-catalog", []string{"scan", "--catalog", "$TMP/bad.cat", "$TMP/empty"}, exitUsage},
		{"missing-catalog", []string{"scan", "--catalog", "$TMP/missing.cat", "$TMP/empty"}, exitUsage},
		{"rules", []string{"rules"}, exitOK},
		{"rules-json", []string{"rules", "--format", "json"}, exitOK},
		{"explain-BR101", []string{"explain", "BR101"}, exitOK},
		{"explain-BR401", []string{"explain", "BR401"}, exitOK},
		{"explain-BR999", []string{"explain", "BR999"}, exitUsage},
		{"baseline-help", []string{"baseline", "--help"}, exitOK},
		{"diff-help", []string{"diff", "--help"}, exitOK},
		{"unknown-fail-on", []string{"scan", "--fail-on", "severe", "$TMP"}, exitUsage},
		{"missing-baseline", []string{"scan", "--baseline", "$TMP/missing.json", "$TMP/empty"}, exitUsage},
		{"malformed-baseline", []string{"scan", "--baseline", "$TMP/file.go", "$TMP/empty"}, exitUsage},
		{"missing-config", []string{"scan", "--config", "$TMP/missing.yaml", "$TMP/empty"}, exitUsage},
		{"malformed-config", []string{"scan", "--config", "$TMP/bad.yaml", "$TMP/empty"}, exitUsage},
		{"diff-missing", []string{"diff", "$TMP/missing.json", "$TMP/missing.json"}, exitUsage},
		{"diff-not-json", []string{"diff", "$TMP/file.go", "$TMP/file.go"}, exitUsage},
		{"diff-one-arg", []string{"diff", "$TMP/file.go"}, exitUsage},
	})
}

// TestScanFixtures scans real code with the real analysis, so its goldens
// change when the analyzer's results do: review the diff of go test
// -update.
func TestScanFixtures(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and analyses modules")
	}
	const ops = "../../testdata/ops-assistant"
	runGolden(t, tempTree(t), []cliCase{
		{"empty-dir", []string{"scan", "$TMP/empty"}, exitUsage},
		{"ops-assistant-table", []string{"scan", ops}, exitOK},
		{"ops-assistant-paths", []string{"scan", "--paths", ops}, exitOK},
		{"ops-assistant-json", []string{"scan", "--format", "json", ops}, exitOK},
		{"ops-assistant-patterns", []string{"scan", "-C", ops, "./tools/..."}, exitOK},
		{"no-tools", []string{"scan", "../../testdata/no-tools"}, exitOK},
		// No tool, but MCP's tool types imported: the message says what
		// was not found, not that there is nothing.
		{"mcp-go-client", []string{"scan", "../../testdata/mcp-go-client"}, exitOK},
		{"broken-module", []string{"scan", "../../testdata/broken-module"}, exitOK},
		// A package that does not compile fails the gate, and each
		// format names it (issue #12).
		{"broken-module-fail-on-json", []string{"scan", "--format", "json", "--fail-on", "high", "../../testdata/broken-module"}, exitFindings},
		{"broken-module-fail-on-sarif", []string{"scan", "--format", "sarif", "--fail-on", "high", "../../testdata/broken-module"}, exitFindings},
		{"broken-module-fail-on-markdown", []string{"scan", "--format", "markdown", "--fail-on", "high", "../../testdata/broken-module"}, exitFindings},
		{"ops-assistant-sarif", []string{"scan", "--format", "sarif", ops}, exitOK},
		{"ops-assistant-markdown", []string{"scan", "--format", "markdown", ops}, exitOK},
		{"ops-assistant-summary", []string{"scan", "--summary", ops}, exitOK},
		{"ops-assistant-markdown-summary", []string{"scan", "--format", "markdown", "--summary", ops}, exitOK},
		{"ops-assistant-fail-on", []string{"scan", "--fail-on", "high", ops}, exitFindings},
		{"no-tools-sarif", []string{"scan", "--format", "sarif", "--fail-on", "info", "../../testdata/no-tools"}, exitOK},
		// A scan that runs out of time stops cleanly, in one line.
		{"timeout", []string{"scan", "--timeout", "1ns", ops}, exitInternal},
		// The README's before-and-after example.
		{"support-naive", []string{"scan", "../../testdata/support-naive"}, exitOK},
		{"support-contained", []string{"scan", "../../testdata/support-contained"}, exitOK},
	})
}

// TestREADMEGoldens checks every README block marked
// <!-- golden:NAME --> against the stdout of testdata/NAME.golden, so the
// README never shows output the scanner does not print.
func TestREADMEGoldens(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	rest := string(readme)
	n := 0
	for {
		_, after, ok := strings.Cut(rest, "<!-- golden:")
		if !ok {
			break
		}
		name, after, _ := strings.Cut(after, " -->")
		_, block, _ := strings.Cut(after, "```\n")
		block, rest, _ = strings.Cut(block, "```")
		golden, err := os.ReadFile(filepath.Join("testdata", name+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		_, want, _ := strings.Cut(string(golden), "-- stdout --\n")
		want, _, _ = strings.Cut(want, "-- stderr --")
		if diff := cmp.Diff(strings.TrimSpace(want), strings.TrimSpace(block)); diff != "" {
			t.Errorf("README.md block %s differs from the real output (-real +readme):\n%s", name, diff)
		}
		n++
	}
	if n < 2 {
		t.Errorf("README.md has %d golden blocks, want the two support-* examples", n)
	}
}

// fake is an analysis that records its configuration and does what the
// test says.
type fake struct {
	cfg analyzer.Config
	do  func(ctx context.Context, cfg analyzer.Config) (*report.Document, error)
}

func (f *fake) env() *env {
	return &env{analyze: func(ctx context.Context, cfg analyzer.Config) (*report.Document, error) {
		f.cfg = cfg
		return f.do(ctx, cfg)
	}}
}

// fixedDoc is a small document with one tool.
func fixedDoc() *report.Document {
	return &report.Document{
		SchemaVersion: report.SchemaVersion,
		Root:          "example.com/m",
		Tools: []report.Tool{{
			Name: "run", NameFrom: "constant", Framework: "mcp-go", Handler: "example.com/m.run",
			Position: report.Position{File: "main.go", Line: 10, Column: 6},
			Capabilities: []report.Capability{{
				Capability: "exec", Sink: "os/exec.Command",
				Position: report.Position{File: "main.go", Line: 12, Column: 20},
				Path:     []report.Frame{{Function: "example.com/m.run", Position: report.Position{File: "main.go", Line: 12, Column: 20}}},
			}},
		}},
	}
}

func TestPanicIsInternalError(t *testing.T) {
	f := &fake{do: func(context.Context, analyzer.Config) (*report.Document, error) {
		panic("unexpected node\nin block 3")
	}}
	r := runCLI(t.Context(), []string{"scan", t.TempDir()}, f.env())
	want := result{exitInternal, "", "blastradius: internal error: unexpected node; in block 3 (please report this bug)\n"}
	if diff := cmp.Diff(want, r, cmp.AllowUnexported(result{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestAnalysisErrors(t *testing.T) {
	for _, tc := range []struct {
		name       string
		err        error
		cancel     bool
		wantCode   int
		wantStderr string
	}{
		{"input", &analyzer.InputError{Err: errors.New("no Go packages in .")}, false, exitUsage, "blastradius: no Go packages in .\n"},
		{"wrapped input", fmt.Errorf("loading: %w", &analyzer.InputError{Err: errors.New("bad")}), false, exitUsage, "blastradius: loading: bad\n"},
		{"internal", errors.New("building SSA: oops"), false, exitInternal, "blastradius: building SSA: oops\n"},
		{"multi-line", errors.New("loading packages:\n\tfirst\n\tsecond\n"), false, exitInternal, "blastradius: loading packages:; first; second\n"},
		{"interrupted", context.Canceled, true, exitInternal, "blastradius: interrupted\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			f := &fake{do: func(context.Context, analyzer.Config) (*report.Document, error) {
				if tc.cancel {
					cancel()
				}
				return nil, tc.err
			}}
			r := runCLI(ctx, []string{"scan", t.TempDir()}, f.env())
			want := result{tc.wantCode, "", tc.wantStderr}
			if diff := cmp.Diff(want, r, cmp.AllowUnexported(result{})); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestConfig checks how arguments and flags become the analyzer's
// configuration.
func TestConfig(t *testing.T) {
	tmp := t.TempDir()
	sub := filepath.Join(tmp, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	cat := filepath.Join(tmp, "user.cat")
	if err := os.WriteFile(cat, []byte("sink exec example.com/run.Command\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name        string
		args        []string
		wantDir     string
		wantPattern []string
		wantTags    string
		wantTests   bool
	}{
		{"default", []string{"scan", "-C", tmp}, tmp, []string{"./..."}, "", false},
		{"dir argument", []string{"scan", sub}, sub, []string{"./..."}, "", false},
		{"dir relative to -C", []string{"scan", "-C", tmp, "sub"}, sub, []string{"./..."}, "", false},
		{"patterns", []string{"scan", "-C", tmp, "./sub/...", "example.com/x"}, tmp, []string{"./sub/...", "example.com/x"}, "", false},
		{"tags and tests", []string{"scan", "--tags", "a,b", "--tests", sub}, sub, []string{"./..."}, "a,b", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fake{do: func(context.Context, analyzer.Config) (*report.Document, error) { return fixedDoc(), nil }}
			r := runCLI(t.Context(), tc.args, f.env())
			if r.code != exitOK {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			got := []any{f.cfg.Dir, f.cfg.Patterns, f.cfg.Tags, f.cfg.Tests, f.cfg.Catalog == nil}
			want := []any{tc.wantDir, tc.wantPattern, tc.wantTags, tc.wantTests, true}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("config [dir patterns tags tests nil-catalog] (-want +got):\n%s", diff)
			}
		})
	}

	t.Run("catalog", func(t *testing.T) {
		f := &fake{do: func(context.Context, analyzer.Config) (*report.Document, error) { return fixedDoc(), nil }}
		r := runCLI(t.Context(), []string{"scan", "--catalog", cat, sub}, f.env())
		if r.code != exitOK {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		if f.cfg.Catalog == nil {
			t.Fatal("Config.Catalog is nil with --catalog")
		}
		if _, ok := f.cfg.Catalog.Sinks["example.com/run.Command"]; !ok {
			t.Error("the user catalog's sink is missing")
		}
		if _, ok := f.cfg.Catalog.Sinks["os/exec.Command"]; !ok {
			t.Error("the built-in catalog's sink is missing")
		}
	})
}

// TestWarnings checks that each warning is printed once, whether the
// analysis reports it through Config.Warn, in the document, or both.
func TestWarnings(t *testing.T) {
	f := &fake{do: func(_ context.Context, cfg analyzer.Config) (*report.Document, error) {
		cfg.Warn("example.com/m/a: undefined: x")
		cfg.Warn("example.com/m/a: undefined: x")
		doc := fixedDoc()
		doc.Warnings = []string{"example.com/m/a: undefined: x", "example.com/m/b: no Go files"}
		return doc, nil
	}}
	r := runCLI(t.Context(), []string{"scan", t.TempDir()}, f.env())
	want := "blastradius: warning: example.com/m/a: undefined: x\nblastradius: warning: example.com/m/b: no Go files\n"
	if r.code != exitOK || r.stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 0, stderr:\n%s", r.code, r.stderr, want)
	}
}

func TestVerbose(t *testing.T) {
	f := &fake{do: func(_ context.Context, cfg analyzer.Config) (*report.Document, error) {
		cfg.Phase("load", 1500*time.Millisecond, "3 packages")
		return fixedDoc(), nil
	}}
	r := runCLI(t.Context(), []string{"scan", "-v", t.TempDir()}, f.env())
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	if len(lines) != 2 || lines[0] != "blastradius: load              1.5s  3 packages" ||
		!strings.HasPrefix(lines[1], "blastradius: total ") || !strings.HasSuffix(lines[1], "  1 tools, 1 capabilities, 0 findings, 0 warnings") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	// -v implies --paths.
	if !strings.Contains(r.stdout, "via example.com/m.run") {
		t.Errorf("no witness path in the table:\n%s", r.stdout)
	}
}

func TestOutputFile(t *testing.T) {
	tmp := t.TempDir()
	out := filepath.Join(tmp, "report.json")
	f := &fake{do: func(context.Context, analyzer.Config) (*report.Document, error) { return fixedDoc(), nil }}
	r := runCLI(t.Context(), []string{"scan", "--format", "json", "-o", out, tmp}, f.env())
	if r.code != exitOK || r.stdout != "" || r.stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := report.ReadJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	want := fixedDoc()
	want.Scanner = report.Scanner{Name: "blastradius", Version: programVersion()}
	if diff := cmp.Diff(want, doc, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("report file (-want +got):\n%s", diff)
	}

	// An output file in a missing directory is the user's to fix.
	r = runCLI(t.Context(), []string{"scan", "-o", filepath.Join(tmp, "missing", "r.txt"), tmp}, f.env())
	if r.code != exitUsage {
		t.Errorf("exit %d, want %d: %s", r.code, exitUsage, r.stderr)
	}
}

// TestExitCodesDocumented checks that README.md's table lists every exit
// code.
func TestExitCodesDocumented(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []int{exitOK, exitFindings, exitUsage, exitInternal} {
		if !bytes.Contains(readme, fmt.Appendf(nil, "\n| %d |", code)) {
			t.Errorf("README.md has no row for exit code %d", code)
		}
	}
}

// TestREADMEExample checks that the example output in README.md is what the
// scan really prints: the block must equal the stdout of the golden file
// that TestScanFixtures checks against a real scan, and the lines of the
// --paths excerpt must be lines of the --paths golden.
func TestREADMEExample(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(readme), "<!-- example:begin")
	if !ok {
		t.Fatal("README.md has no example:begin marker")
	}
	block, _, _ = strings.Cut(block, "<!-- example:end -->")
	_, block, _ = strings.Cut(block, "```\n")
	block, _, _ = strings.Cut(block, "```")
	golden, err := os.ReadFile(filepath.Join("testdata", "ops-assistant-table.golden"))
	if err != nil {
		t.Fatal(err)
	}
	_, want, _ := strings.Cut(string(golden), "-- stdout --\n")
	want, _, _ = strings.Cut(want, "-- stderr --")
	if diff := cmp.Diff(strings.TrimSpace(want), strings.TrimSpace(block)); diff != "" {
		t.Errorf("README.md example differs from the real output (-real +readme):\n%s", diff)
	}

	// The --paths excerpt after it must be lines of the real --paths output.
	_, excerpt, ok := strings.Cut(string(readme), "`--paths` adds")
	if !ok {
		t.Fatal("README.md has no --paths excerpt")
	}
	_, excerpt, _ = strings.Cut(excerpt, "```\n")
	excerpt, _, _ = strings.Cut(excerpt, "```")
	paths, err := os.ReadFile(filepath.Join("testdata", "ops-assistant-paths.golden"))
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(excerpt) {
		if !bytes.Contains(paths, []byte("\n"+line)) {
			t.Errorf("README.md --paths excerpt has a line the real output does not:\n%s", line)
		}
	}
}

// TestRulesDocumented checks that README.md's table of rules lists every
// rule of the catalog, with its name and severity.
func TestRulesDocumented(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range c.RuleList() {
		row := fmt.Sprintf("\n| %s | `%s` | %s |\n", r.ID, r.Name, r.Severity)
		if !bytes.Contains(readme, []byte(row)) {
			t.Errorf("README.md has no row %q", strings.TrimSpace(row))
		}
	}
}

// TestProgressLine checks the terminal progress line: each update
// overwrites the last, padding out a longer one, and clear erases it.
func TestProgressLine(t *testing.T) {
	var b strings.Builder
	p := &progressLine{w: &b}
	p.show("blastradius: load done (225 packages, 4s)")
	p.show("blastradius: ssa done (17 functions, 1s)")
	p.clear()
	want := "\rblastradius: load done (225 packages, 4s)" +
		"\rblastradius: ssa done (17 functions, 1s)" + strings.Repeat(" ", 1) +
		"\r" + strings.Repeat(" ", 40) + "\r"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("progress output (-want +got):\n%s", diff)
	}
	var nilLine *progressLine
	nilLine.clear() // a scan without progress clears nothing
}

// TestInterruptEndsAfterGrace: a signal cancels the scan's context, and a
// scan stuck in a phase that does not check it ends anyway, with the
// interrupted exit code, once the grace is over; a scan that returns in
// time ends the normal way.
func TestInterruptEndsAfterGrace(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	codes := make(chan int, 1)
	var stderr bytes.Buffer
	go exitAfterGrace(ctx, make(chan struct{}), time.Millisecond, &stderr, func(code int) { codes <- code })
	cancel()
	if code := <-codes; code != exitInternal {
		t.Errorf("exit code %d, want %d", code, exitInternal)
	}
	if got := stderr.String(); got != "blastradius: interrupted\n" {
		t.Errorf("stderr %q", got)
	}

	ctx, cancel = context.WithCancel(context.Background())
	done := make(chan struct{})
	returned := make(chan struct{})
	go func() {
		exitAfterGrace(ctx, done, time.Hour, io.Discard, func(int) { t.Error("exit called after the scan returned") })
		close(returned)
	}()
	cancel()
	close(done)
	<-returned
}
