package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/blastradius/blastradius/analyzer"
	"github.com/blastradius/blastradius/report"
)

// findingsDoc is fixedDoc with three findings: a critical one, a high one
// that is suppressed and a medium one under gen/.
func findingsDoc() *report.Document {
	doc := fixedDoc()
	at := func(file string, line int) report.Position { return report.Position{File: file, Line: line, Column: 2} }
	doc.Tools = append(doc.Tools, report.Tool{Name: "generated", NameFrom: "constant", Framework: "mcp-go",
		Handler: "example.com/m/gen.handle", Position: at("gen/tool.go", 5), Score: report.Score{BlastRadius: 4, Percent: 0}})
	doc.Tools[0].Score = report.Score{BlastRadius: 10, Contained: 0, Percent: 0}
	doc.Summary = report.Summarize(doc.Tools)
	path := []report.Frame{{Function: "example.com/m.run", Position: at("main.go", 12)}}
	doc.Findings = []report.Finding{
		{ID: "aaaaaaaaaaaaaaaa", RuleID: "BR101", Rule: "model-command-injection", Severity: "critical", Tool: "run",
			Capability: "exec", Sink: "os/exec.Command", Position: at("main.go", 12), Path: path,
			Message: "tool run: model-controlled input reaches the command of os/exec.Command"},
		{ID: "bbbbbbbbbbbbbbbb", RuleID: "BR303", Rule: "unsandboxed-exec", Severity: "high", Tool: "run",
			Capability: "exec", Sink: "os/exec.Command", Position: at("main.go", 12), Path: path,
			Message:    "tool run: a model-chosen command reaches os/exec.Command with no sandbox or allowlist",
			Suppressed: true, Suppression: "runs in a gVisor sandbox"},
		{ID: "cccccccccccccccc", RuleID: "BR304", Rule: "no-rate-limit", Severity: "medium", Tool: "generated",
			Position: at("gen/tool.go", 5), Message: "tool generated can write files with no rate limit"},
	}
	return doc
}

// writeFile writes content to dir/name, making directories.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// baselineFile writes a baseline holding the given finding IDs.
func baselineFile(t *testing.T, dir string, ids ...string) string {
	t.Helper()
	b := &report.Baseline{SchemaVersion: report.BaselineSchemaVersion, Findings: []report.BaselineFinding{}}
	for _, id := range ids {
		b.Findings = append(b.Findings, report.BaselineFinding{ID: id})
	}
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, "baseline-"+strings.Join(ids, "-")+".json", buf.String())
}

// TestExitCodes covers every exit code of scan, with a fixed analysis.
func TestExitCodes(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "m")
	writeFile(t, dir, "go.mod", "module example.com/m\n")
	both := baselineFile(t, tmp, "aaaaaaaaaaaaaaaa", "cccccccccccccccc")
	one := baselineFile(t, tmp, "cccccccccccccccc")
	failOnMedium := writeFile(t, tmp, "medium.yaml", "fail_on: medium\n")
	for _, tc := range []struct {
		name       string
		args       []string
		err        error // the analysis fails with it
		wantCode   int
		wantStderr string
	}{
		{"no fail-on", []string{"scan", dir}, nil, exitOK, ""},
		{"fail-on critical", []string{"scan", "--fail-on", "critical", dir}, nil, exitFindings,
			"blastradius: 1 finding at or above critical (--fail-on critical)\n"},
		// The high finding is suppressed: only the critical one counts.
		{"fail-on high", []string{"scan", "--fail-on", "high", dir}, nil, exitFindings,
			"blastradius: 1 finding at or above high (--fail-on high)\n"},
		{"fail-on info", []string{"scan", "--fail-on", "info", dir}, nil, exitFindings,
			"blastradius: 2 findings at or above info (--fail-on info)\n"},
		{"fail-on none", []string{"scan", "--fail-on", "none", dir}, nil, exitOK, ""},
		{"all in the baseline", []string{"scan", "--baseline", both, "--fail-on", "info", dir}, nil, exitOK, ""},
		{"one new finding", []string{"scan", "--baseline", one, "--fail-on", "info", dir}, nil, exitFindings,
			"blastradius: 1 new finding at or above info (--fail-on info)\n"},
		{"new but below", []string{"scan", "--baseline", one, "--fail-on", "none", dir}, nil, exitOK, ""},
		{"configured fail_on", []string{"scan", "--config", failOnMedium, dir}, nil, exitFindings,
			"blastradius: 2 findings at or above medium (--fail-on medium)\n"},
		{"flag over configuration", []string{"scan", "--config", failOnMedium, "--fail-on", "none", dir}, nil, exitOK, ""},
		{"json report and exit 1", []string{"scan", "--format", "json", "--fail-on", "critical", dir}, nil, exitFindings,
			"blastradius: 1 finding at or above critical (--fail-on critical)\n"},
		{"sarif report and exit 1", []string{"scan", "--format", "sarif", "--fail-on", "critical", dir}, nil, exitFindings,
			"blastradius: 1 finding at or above critical (--fail-on critical)\n"},
		{"usage", []string{"scan", "--fail-on", "urgent", dir}, nil, exitUsage,
			`blastradius: --fail-on: unknown severity "urgent" (want critical, high, medium, low, info or none)` + "\n"},
		{"load", []string{"scan", "--fail-on", "info", dir}, &analyzer.InputError{Err: os.ErrNotExist}, exitUsage,
			"blastradius: file does not exist\n"},
		{"internal", []string{"scan", "--fail-on", "info", dir}, os.ErrClosed, exitInternal,
			"blastradius: file already closed\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fake{do: func(context.Context, analyzer.Config) (*report.Document, error) {
				if tc.err != nil {
					return nil, tc.err
				}
				return findingsDoc(), nil
			}}
			r := runCLI(t.Context(), tc.args, f.env())
			if r.code != tc.wantCode || r.stderr != tc.wantStderr {
				t.Errorf("exit %d, stderr %q; want exit %d, stderr %q", r.code, r.stderr, tc.wantCode, tc.wantStderr)
			}
			// The report is written whatever the exit status, unless
			// the scan itself failed.
			if (tc.err == nil && tc.wantCode != exitUsage) != (r.stdout != "") {
				t.Errorf("stdout:\n%s", r.stdout)
			}
		})
	}
}

// TestScanMarksFindings checks how suppressed and baseline findings appear
// in each format.
func TestScanMarksFindings(t *testing.T) {
	tmp := t.TempDir()
	one := baselineFile(t, tmp, "cccccccccccccccc")
	f := &fake{do: func(context.Context, analyzer.Config) (*report.Document, error) { return findingsDoc(), nil }}
	r := runCLI(t.Context(), []string{"scan", "--baseline", one, "--format", "json", tmp}, f.env())
	doc, err := report.ReadJSON(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatalf("%v\n%s", err, r.stderr)
	}
	var got []string
	for _, f := range doc.Findings {
		got = append(got, f.RuleID+" "+f.Baseline+" "+f.Suppression)
	}
	want := []string{"BR101 new ", "BR303 new runs in a gVisor sandbox", "BR304 unchanged "}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}

	r = runCLI(t.Context(), []string{"scan", "--baseline", one, tmp}, f.env())
	for _, want := range []string{
		"New findings, most severe first:\n",
		"Findings in the baseline, most severe first:\n",
		"Suppressed findings:\nSEVERITY  RULE                    TOOL  POSITION    REASON\nhigh      BR303 unsandboxed-exec  run   main.go:12  runs in a gVisor sandbox\n",
		"3 findings (1 critical, 1 high, 1 medium); 1 new since the baseline; 1 suppressed\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("table lacks %q:\n%s", want, r.stdout)
		}
	}
}

// TestConfigFile checks what a configuration changes: catalog entries,
// excluded paths, severities, and that it is found above the scanned
// directory.
func TestConfigFile(t *testing.T) {
	tmp := t.TempDir()
	writeFile(t, tmp, ".git/HEAD", "ref: refs/heads/main\n")
	mod := filepath.Join(tmp, "svc")
	writeFile(t, mod, "go.mod", "module example.com/m\n")
	writeFile(t, tmp, configName, `# blastradius configuration
severity:
  BR101: high
exclude:
  - svc/gen
catalog:
  - sink exec example.com/jobs.Run
sinks:
  - network example.com/httpx.Send
entry_points:
  - register myfw example.com/agent.Register handler=2
guards:
  - confirmation example.com/approval.Ask
sanitizers:
  - command example.com/shell.Quote
checks:
  - path example.com/fsx.Inside
`)
	f := &fake{do: func(context.Context, analyzer.Config) (*report.Document, error) { return findingsDoc(), nil }}
	r := runCLI(t.Context(), []string{"scan", "--format", "json", filepath.Join(mod, "sub")}, f.env())
	if r.code != exitUsage || !strings.Contains(r.stderr, "does not exist") {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	writeFile(t, mod, "sub/x.go", "package sub\n")
	r = runCLI(t.Context(), []string{"scan", "--format", "json", filepath.Join(mod, "sub")}, f.env())
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	cat := f.cfg.Catalog
	if cat == nil {
		t.Fatal("the configuration's catalog entries were not passed to the analysis")
	}
	for _, sym := range []string{"example.com/jobs.Run", "example.com/httpx.Send", "os/exec.Command"} {
		if _, ok := cat.Sinks[sym]; !ok {
			t.Errorf("no sink %s", sym)
		}
	}
	if _, ok := cat.Registers["example.com/agent.Register"]; !ok {
		t.Error("no entry point example.com/agent.Register")
	}
	if g, ok := cat.Guards["example.com/approval.Ask"]; !ok || g.Kind != "confirmation" {
		t.Errorf("guard %+v", g)
	}
	if _, ok := cat.Sanitizers["example.com/shell.Quote"]; !ok {
		t.Error("no sanitizer example.com/shell.Quote")
	}
	if _, ok := cat.Checks["example.com/fsx.Inside"]; !ok {
		t.Error("no check example.com/fsx.Inside")
	}
	if w := cat.Sinks["example.com/jobs.Run"].Where; w.Line != 7 || !strings.HasSuffix(w.File, configName) {
		t.Errorf("the sink comes from %s, want %s:7", w, configName)
	}

	doc, err := report.ReadJSON(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	var tools, findings []string
	for _, tool := range doc.Tools {
		tools = append(tools, tool.Name)
	}
	for _, f := range doc.Findings {
		findings = append(findings, f.RuleID+" "+f.Severity)
	}
	if diff := cmp.Diff([]string{"run"}, tools); diff != "" {
		t.Errorf("tools (-want +got): the one under svc/gen should be excluded\n%s", diff)
	}
	if diff := cmp.Diff([]string{"BR101 high", "BR303 high"}, findings); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if doc.Summary.Tools != 1 || doc.Summary.BlastRadius != 10 {
		t.Errorf("summary %+v, want the excluded tool left out", doc.Summary)
	}

	// The configured severity is the rule's in SARIF too.
	r = runCLI(t.Context(), []string{"scan", "--format", "sarif", mod}, f.env())
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID         string
						Properties map[string]any
					}
				}
			}
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatalf("%v: %s", err, r.stderr)
	}
	for _, rule := range log.Runs[0].Tool.Driver.Rules {
		if rule.ID == "BR101" && rule.Properties["security-severity"] != "8.0" {
			t.Errorf("BR101 security-severity %v, want 8.0 (high)", rule.Properties["security-severity"])
		}
	}
	// Paths in SARIF are relative to the repository, not the module.
	if uri := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "svc/main.go" {
		t.Errorf("SARIF location %q, want svc/main.go", uri)
	}

	// Without .git, the search goes on above; --config names the file.
	other := t.TempDir()
	writeFile(t, other, "x.yaml", "severity:\n  BR101: low\n")
	r = runCLI(t.Context(), []string{"scan", "--format", "json", "--config", filepath.Join(other, "x.yaml"), mod}, f.env())
	if !strings.Contains(r.stdout, `"severity": "low"`) {
		t.Errorf("--config was not read:\n%s", r.stdout)
	}
}

// TestConfigErrors checks that each configuration error names its file,
// line and column.
func TestConfigErrors(t *testing.T) {
	tmp := t.TempDir()
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"syntax", "fail_on: high\nexclude: a: b\n", "C:2: mapping values are not allowed in this context"},
		{"tab", "fail_on:\n\t- high\n", "C:2: found character that cannot start any token"},
		{"not a mapping", "- high\n", "C:1:1: want a mapping of fail_on, exclude, severity, catalog, sinks, entry_points, guards, sanitizers, checks"},
		{"unknown key", "fail_on: high\nfailon: low\n", `C:2:1: unknown key "failon" (want fail_on, exclude, severity, catalog, sinks, entry_points, guards, sanitizers, checks)`},
		{"duplicate key", "fail_on: high\nfail_on: low\n", "C:2:1: duplicate key fail_on (first at line 1)"},
		{"fail_on", "fail_on: severe\n", `C:1:10: fail_on: unknown severity "severe" (want info, low, medium, high, critical or none)`},
		{"fail_on list", "fail_on: [high]\n", "C:1:10: fail_on: want a string"},
		{"severity value", "severity:\n  BR101: urgent\n", `C:2:10: severity: BR101: unknown severity "urgent" (want info, low, medium, high, critical)`},
		{"severity rule", "severity:\n  BR101: low\n  BR999: low\n", "C:3:3: severity: unknown rule BR999; run blastradius rules"},
		{"severity list", "severity: [BR101]\n", "C:1:11: severity: want a mapping of rule IDs to severities (BR305: info)"},
		{"exclude string", "exclude: gen\n", "C:1:10: exclude: want a list of strings"},
		{"exclude absolute", "exclude:\n  - /gen\n", `C:2:5: exclude: "/gen" is not a relative path with /`},
		{"exclude pattern", "exclude:\n  - 'gen/[a'\n", `C:2:5: exclude: bad pattern "gen/[a": syntax error in pattern`},
		{"sink capability", "sinks:\n  - exec example.com/a.Run\n  - run example.com/b.Run\n",
			`C:3:5: unknown capability "run" (want one of exec, fs-read, fs-write, db-read, db-write, network, env, payment, email, cloud-read, cloud-write)`},
		{"catalog keyword", "catalog:\n  - sinc exec example.com/a.Run\n", `C:2:5: unknown keyword "sinc" (want sink, opaque, register, adapter, toolname, tooltype, toolstruct, implements, librarytool, dispatch, declare, handlermap, sensitive, choose, channel, program, sanitizer, check, source, sourcefield, notinput, toolresult, prompt, rule, guard, middleware, agent, destructive, exit, annotations, hint or hintoption)`},
		{"entry point", "entry_points:\n  - sink exec example.com/a.Run\n", `C:2:5: entry_points: "sink" is not an entry point (want a catalog line starting with register, adapter, toolname, tooltype, toolstruct, implements, librarytool, dispatch, declare, handlermap)`},
		{"guard kind", "guards:\n  - approve example.com/a.Ask\n", `C:2:5: unknown guard kind "approve" (want one of confirmation, limit, ratelimit, sandbox, allowlist, audit-log)`},
		{"duplicate entry", "sinks:\n  - exec example.com/a.Run\ncatalog:\n  - sink  exec example.com/a.Run\n", `C:4:5: duplicate catalog entry "sink exec example.com/a.Run" (first at line 2)`},
		{"null entry", "sinks:\n  -\n", "C:2:4: sinks: want a string"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := writeFile(t, tmp, strings.ReplaceAll(tc.name, " ", "-")+".yaml", tc.yaml)
			f := &fake{do: func(context.Context, analyzer.Config) (*report.Document, error) { return fixedDoc(), nil }}
			r := runCLI(t.Context(), []string{"scan", "--config", file, tmp}, f.env())
			want := "blastradius: " + strings.Replace(tc.want, "C:", file+":", 1) + "\n"
			if r.code != exitUsage || r.stderr != want {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 2, stderr:\n%s", r.code, r.stderr, want)
			}
		})
	}
}

// TestExclude checks how exclude patterns match, relative to the
// configuration's directory.
func TestExclude(t *testing.T) {
	c := &projectConfig{dir: "/repo", exclude: []string{"svc/gen", "*/mocks", "tools/*_gen.go"}}
	for file, want := range map[string]bool{
		"gen/a.go":              true,
		"gen":                   true,
		"generated/a.go":        false,
		"x/mocks/m.go":          false, // patterns are relative to the configuration's directory
		"mocks/m.go":            true,
		"tools/x_gen.go":        false, // tools/ is under svc/
		"main.go":               false,
		"":                      false,
		"example.com/x@v1/a.go": false,
	} {
		if got := c.excluded("/repo/svc", file); got != want {
			t.Errorf("excluded(svc, %q) = %v, want %v", file, got, want)
		}
	}
	if !c.excluded("/repo", "tools/x_gen.go") {
		t.Error("tools/x_gen.go at the root is not excluded")
	}
}

// TestBaselineRoundTrip scans a copy of a fixture, records a baseline,
// moves the code by adding lines above it and scans again: every finding is
// still in the baseline. A new tool then makes new findings, and only they
// fail the scan.
func TestBaselineRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and analyses a module three times")
	}
	tmp := t.TempDir()
	mod := filepath.Join(tmp, "directive-tools")
	copyDir(t, filepath.Join("..", "..", "testdata", "directive-tools"), mod)
	base := filepath.Join(tmp, "baseline.json")

	r := runCLI(t.Context(), []string{"baseline", "-o", base, mod}, nil)
	if r.code != exitOK || r.stdout != "" {
		t.Fatalf("baseline: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	data, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	b, err := report.ReadBaseline(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Findings) == 0 {
		t.Fatal("the fixture has no findings to record")
	}
	before := scanJSON(t, mod, nil)

	// Move every handler down by inserting lines after the imports.
	main := filepath.Join(mod, "main.go")
	src, err := os.ReadFile(main)
	if err != nil {
		t.Fatal(err)
	}
	moved := strings.Replace(string(src), "\ntype handler ", "\n// version is printed by nobody.\n//\n// It only moves the code below.\nconst version = \"1.0\"\n\ntype handler ", 1)
	if moved == string(src) {
		t.Fatal("main.go has no type handler declaration to insert lines above")
	}
	writeFile(t, mod, "main.go", moved)

	r = runCLI(t.Context(), []string{"scan", "--baseline", base, "--fail-on", "info", "--format", "json", mod}, nil)
	if r.code != exitOK {
		t.Fatalf("scan of moved code: exit %d\n%s", r.code, r.stderr)
	}
	after, err := report.ReadJSON(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	movedLines := 0
	for i, f := range after.Findings {
		if f.Baseline != report.BaselineUnchanged {
			t.Errorf("%s %s at %s:%d is %q after moving code, want unchanged", f.RuleID, f.Tool, f.Position.File, f.Position.Line, f.Baseline)
		}
		if i < len(before.Findings) && f.ID == before.Findings[i].ID && f.Position.Line != before.Findings[i].Position.Line {
			movedLines++
		}
	}
	if movedLines == 0 {
		t.Error("no finding moved: the edit did not move the code")
	}

	// A new tool: its findings are new, and fail the scan.
	writeFile(t, mod, "purge.go", `package main

import "os"

// purge deletes a directory the model names.
//
//blastradius:tool purge
func purge(args map[string]string) (string, error) {
	return "ok", os.RemoveAll(args["dir"])
}

var _ = purge
`)
	r = runCLI(t.Context(), []string{"scan", "--baseline", base, "--fail-on", "high", "--format", "json", mod}, nil)
	if r.code != exitFindings {
		t.Fatalf("scan with a new tool: exit %d, want %d\n%s", r.code, exitFindings, r.stderr)
	}
	doc, err := report.ReadJSON(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range doc.Findings {
		if (f.Tool == "purge") != (f.Baseline == report.BaselineNew) {
			t.Errorf("%s %s: baseline %q", f.RuleID, f.Tool, f.Baseline)
		}
	}
	if !strings.HasSuffix(r.stderr, "new findings at or above high (--fail-on high)\n") && !strings.HasSuffix(r.stderr, "new finding at or above high (--fail-on high)\n") {
		t.Errorf("stderr: %s", r.stderr)
	}
}

// scanJSON scans dir and returns the JSON document.
func scanJSON(t *testing.T, dir string, extra []string) *report.Document {
	t.Helper()
	r := runCLI(t.Context(), append(append([]string{"scan", "--format", "json"}, extra...), dir), nil)
	if r.code != exitOK {
		t.Fatalf("scan %s: exit %d\n%s", dir, r.code, r.stderr)
	}
	doc, err := report.ReadJSON(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// copyDir copies the regular files of a fixture.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		writeFile(t, to, rel, string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestDiffCommand diffs two JSON reports.
func TestDiffCommand(t *testing.T) {
	tmp := t.TempDir()
	write := func(name string, doc *report.Document) string {
		var buf bytes.Buffer
		if err := report.NewJSONHandler(&buf).Write(doc); err != nil {
			t.Fatal(err)
		}
		return writeFile(t, tmp, name, buf.String())
	}
	oldDoc := fixedDoc()
	newDoc := findingsDoc()
	newDoc.Tools[0].Capabilities = append(newDoc.Tools[0].Capabilities, report.Capability{
		Capability: "payment", Sink: "github.com/stripe/stripe-go/v82/refund.New",
		Position: report.Position{File: "main.go", Line: 20, Column: 2}})
	oldFile, newFile := write("old.json", oldDoc), write("new.json", newDoc)

	runGolden(t, tmp, []cliCase{
		{"diff", []string{"diff", "$TMP/old.json", "$TMP/new.json"}, exitOK},
		{"diff-json", []string{"diff", "--format", "json", "$TMP/old.json", "$TMP/new.json"}, exitOK},
		{"diff-fail-on", []string{"diff", "--fail-on", "high", "$TMP/old.json", "$TMP/new.json"}, exitFindings},
		{"diff-same", []string{"diff", "$TMP/new.json", "$TMP/new.json"}, exitOK},
		{"diff-bad-format", []string{"diff", "--format", "table", "$TMP/old.json", "$TMP/new.json"}, exitUsage},
	})
	r := runCLI(t.Context(), []string{"diff", "-o", filepath.Join(tmp, "d.txt"), oldFile, newFile}, nil)
	if r.code != exitOK || r.stdout != "" {
		t.Errorf("diff -o: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestSourcePrefix(t *testing.T) {
	tmp := t.TempDir()
	writeFile(t, tmp, ".git/HEAD", "ref: refs/heads/main\n")
	for dir, want := range map[string]string{
		tmp:                                 "",
		filepath.Join(tmp, "svc"):           "svc",
		filepath.Join(tmp, "svc", "agent"):  "svc/agent",
		filepath.Join(t.TempDir(), "other"): "",
		"":                                  "",
	} {
		if got := sourcePrefix(dir); got != want {
			t.Errorf("sourcePrefix(%s) = %q, want %q", dir, got, want)
		}
	}
}

// TestMarkdownScan checks the Markdown report of a scan with a baseline.
func TestMarkdownScan(t *testing.T) {
	tmp := t.TempDir()
	one := baselineFile(t, tmp, "cccccccccccccccc")
	f := &fake{do: func(context.Context, analyzer.Config) (*report.Document, error) { return findingsDoc(), nil }}
	r := runCLI(t.Context(), []string{"scan", "--format", "markdown", "--baseline", one, tmp}, f.env())
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	checkGolden(t, "markdown-baseline.golden", r.stdout)
}

// TestSuppressionEndToEnd scans a copy of a fixture with
// //blastradius:ignore directives: on the line above a finding, in a
// handler's doc comment, and one without a reason, which is not applied and
// is reported.
func TestSuppressionEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and analyses a module")
	}
	mod := filepath.Join(t.TempDir(), "directive-tools")
	copyDir(t, filepath.Join("..", "..", "testdata", "directive-tools"), mod)
	src, err := os.ReadFile(filepath.Join(mod, "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	edited := string(src)
	for _, edit := range []struct{ before, insert string }{
		{"\tf, err := os.OpenFile(args[\"path\"], os.O_RDONLY, 0)", "\t//blastradius:ignore BR104,BR202 the dispatcher only passes paths under /var/log\n"},
		{"\tf, err := os.OpenFile(args[\"path\"], flag, 0o644)", "\t//blastradius:ignore BR104\n"},
		{"//blastradius:tool append_journal\n", "//blastradius:ignore BR304,unlogged-tool-call the journal is rate-limited and logged by the gateway\n//\n"},
	} {
		if !strings.Contains(edited, edit.before) {
			t.Fatalf("main.go has no %q", edit.before)
		}
		edited = strings.Replace(edited, edit.before, edit.insert+edit.before, 1)
	}
	writeFile(t, mod, "main.go", edited)
	noReason := 0
	for i, line := range strings.Split(edited, "\n") {
		if line == "\t//blastradius:ignore BR104" {
			noReason = i + 1
		}
	}

	r := runCLI(t.Context(), []string{"scan", "--format", "json", "--fail-on", "high", mod}, nil)
	wantWarning := "blastradius: warning: main.go:" + strconv.Itoa(noReason) + ": //blastradius:ignore BR104 needs a reason\n"
	if !strings.Contains(r.stderr, wantWarning) {
		t.Errorf("stderr lacks %q:\n%s", wantWarning, r.stderr)
	}
	doc, err := report.ReadJSON(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatalf("%v\n%s", err, r.stderr)
	}
	got := map[string]string{}
	for _, f := range doc.Findings {
		if f.Suppressed {
			got[f.RuleID+" "+f.Tool] = f.Suppression
		}
	}
	want := map[string]string{
		"BR104 tail_file":      "the dispatcher only passes paths under /var/log",
		"BR202 tail_file":      "the dispatcher only passes paths under /var/log",
		"BR304 append_journal": "the journal is rate-limited and logged by the gateway",
		"BR305 append_journal": "the journal is rate-limited and logged by the gateway",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("suppressed findings (-want +got); does analyzer/run.go call applySuppressions?\n%s", diff)
	}
	// open_file's BR104 is high and its directive has no reason: it still
	// fails the scan.
	if r.code != exitFindings {
		t.Errorf("exit %d, want %d", r.code, exitFindings)
	}
}
