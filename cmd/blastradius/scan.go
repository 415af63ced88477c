package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/blastradius/blastradius/analyzer"
	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

// loadOptions are the flags that say what to analyse and how, shared by
// the scan and baseline commands.
type loadOptions struct {
	tags    string        // build tags, comma-separated
	tests   bool          // analyse test files too
	dir     string        // directory that package patterns are relative to
	verbose bool          // phase timings on stderr
	catalog string        // user catalog file, loaded over the embedded one
	config  string        // project configuration file; "" finds .blastradius.yaml
	timeout time.Duration // bound on the whole scan; 0 is none
	noCache bool          // neither read nor write the summaries' cache
	// cpuProfile and memProfile are the hidden profiling flags (profile.go).
	cpuProfile, memProfile string
}

func (o *loadOptions) addFlags(f *pflag.FlagSet) {
	f.StringVar(&o.tags, "tags", "", "comma-separated build `tags`, as for go build -tags")
	f.BoolVar(&o.tests, "tests", false, "analyse the packages' test files too")
	f.StringVarP(&o.dir, "dir", "C", ".", "resolve package patterns relative to `DIR`")
	f.StringVar(&o.catalog, "catalog", "", "load the catalog `FILE` over the built-in one (format of rules/catalog/*.cat)")
	f.StringVar(&o.config, "config", "", "read the configuration `FILE` (default: the nearest "+configName+" in the scanned directory or above it)")
	f.DurationVar(&o.timeout, "timeout", 0, "stop the scan after `DURATION` (e.g. 5m); 0 means no limit")
	f.BoolVar(&o.noCache, "no-cache", false, "compute the summaries of opaque dependencies again, without reading or writing the cache ($"+cacheEnv+", else blastradius in the user cache directory)")
	f.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the scan to `FILE`")
	f.StringVar(&o.memProfile, "memprofile", "", "write a heap profile at the end of each phase to `PREFIX`.PHASE.pprof")
	f.MarkHidden("cpuprofile")
	f.MarkHidden("memprofile")
}

// scanOptions are the flags of the scan command.
type scanOptions struct {
	loadOptions
	format   string // a name in report.Formats
	output   string // file to write the report to; "" is stdout
	paths    bool   // witness paths in the table
	summary  bool   // one line per tool in the table and the Markdown
	failOn   string // a severity, "none" or "" (the configuration's, or none)
	baseline string // baseline file; "" is none
}

func newScanCmd(e *env) *cobra.Command {
	var opts scanOptions
	cmd := &cobra.Command{
		Use:   "scan [dir | packages...]",
		Short: "List the LLM tools in Go packages and what each can reach",
		Long: `Scan loads Go packages, finds the LLM tool handlers registered in them and
lists, per tool, the capabilities its handler can reach, then the rule
findings, most severe first (blastradius rules lists the rules).

With one argument that is a directory, scan analyses ./... of that
directory. Otherwise the arguments are package patterns, as for go list,
relative to the -C directory; with none, scan analyses ./... there.

Loading sees the program go build would build: your GOFLAGS (and go env
-w settings), build tags, vendor directory, workspace and cgo setting
stand; only GOTOOLCHAIN=local is added unless set, so no other toolchain is
fetched. No code of the scanned module is run (cgo compiles C declarations
only; without a C compiler the Go side of cgo packages is typed without
it, with a warning). Packages that fail to load are reported as warnings
on stderr and in the report, and the rest is analysed.

A //blastradius:ignore RULE reason comment on a finding's line, in the
comment lines above it or in its handler's doc comment suppresses the
finding: it stays in the report, marked, and never fails the scan. The
nearest .blastradius.yaml (or --config) adds catalog entries, excludes
paths, changes rule severities and sets the --fail-on default.

Exit status: 0 when the scan ran, whatever it found; 1 when --fail-on is
given and a finding at or above that severity is reported that is neither
suppressed nor in the --baseline, or a package did not load; 2 for a usage or load error (bad flag,
missing directory, no Go packages, malformed configuration, catalog or
baseline); 3 for an internal error.`,
		Example: `  blastradius scan ./testdata/ops-assistant
  blastradius scan -C ~/src/agent ./cmd/... ./internal/...
  blastradius scan --format json -o report.json .
  blastradius scan --format sarif -o blastradius.sarif --fail-on high .
  blastradius scan --baseline .blastradius-baseline.json --fail-on medium .`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return opts.run(cmd.Context(), e, args, cmd.Flags().Changed("fail-on"))
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", report.Formats[0], "output `format`: "+orList(report.Formats))
	f.StringVarP(&opts.output, "output", "o", "", "write the report to `FILE` instead of standard output")
	opts.addFlags(f)
	f.BoolVarP(&opts.verbose, "verbose", "v", false, "print phase timings and counts on stderr; implies --paths")
	f.BoolVar(&opts.paths, "paths", false, "print each capability's witness path and each finding's data flow in the table")
	f.BoolVar(&opts.summary, "summary", false, "print one line per tool (its worst finding, findings by severity, capabilities) and one per agent in the table and the Markdown; --paths shows every detail")
	f.StringVar(&opts.failOn, "fail-on", "", "exit with status 1 if a finding at or above `SEVERITY` ("+strings.Join(severitiesDesc(), ", ")+") is reported, not suppressed and not in the baseline; none never fails (default: the configuration's fail_on, else none)")
	f.StringVar(&opts.baseline, "baseline", "", "mark the findings of the baseline `FILE` (written by blastradius baseline) as unchanged; only new ones fail")
	return cmd
}

// run scans and writes the report. Every error it returns carries its exit
// code. failOnSet says whether --fail-on was given, which overrides the
// configuration's fail_on.
func (o *scanOptions) run(ctx context.Context, e *env, args []string, failOnSet bool) error {
	// Check everything the user gave before the slow part.
	if !slices.Contains(report.Formats, o.format) {
		_, err := report.New(o.format, io.Discard, report.Options{})
		return usageError(err)
	}
	if failOnSet {
		if err := checkFailOn(o.failOn); err != nil {
			return usageError(fmt.Errorf("--fail-on: %w", err))
		}
	}
	var base *report.Baseline
	if o.baseline != "" {
		f, err := os.Open(o.baseline)
		if err != nil {
			return usageError(fmt.Errorf("reading baseline: %w", err))
		}
		base, err = report.ReadBaseline(f)
		f.Close()
		if err != nil {
			return usageError(fmt.Errorf("%s: %w", o.baseline, err))
		}
	}

	s, err := o.analyze(ctx, e, args)
	if err != nil {
		return err
	}
	if base != nil {
		base.Apply(s.doc)
	}

	var buf bytes.Buffer
	h, err := report.New(o.format, &buf, report.Options{
		Paths:        o.paths || o.verbose,
		Summary:      o.summary,
		Rules:        ruleInfos(s.catalog, s.severity()),
		SourcePrefix: sourcePrefix(s.dir),
		// Colours only for a person at a terminal, never in a file.
		Color: o.output == "" && colorTerminal(e.stdout, os.Getenv),
	})
	if err != nil {
		return internalError(err)
	}
	if err := h.Write(s.doc); err != nil {
		return internalError(err)
	}
	if err := writeOutput(e, o.output, buf.Bytes()); err != nil {
		return err
	}

	failOn := o.failOn
	if !failOnSet && s.config != nil {
		failOn = s.config.failOn
	}
	if err := failOnNotAnalysed(s.doc.NotAnalysed, failOn); err != nil {
		return err
	}
	return failOnFindings(s.doc.Findings, failOn, base != nil)
}

// failOnNotAnalysed fails a gate (any --fail-on threshold but none) whose
// scan could not analyse some packages: a change that breaks the build of
// the tools' package would otherwise turn a red gate green, its tools
// silently gone from the report.
func failOnNotAnalysed(na []report.NotAnalysed, threshold string) error {
	if slices.Index(rules.Severities, threshold) < 0 || len(na) == 0 {
		return nil
	}
	var names []string
	for _, p := range na {
		names = append(names, p.Package)
	}
	if len(names) > 3 {
		names = append(names[:3], fmt.Sprintf("and %d more", len(na)-3))
	}
	return &exitError{code: exitFindings, err: fmt.Errorf("%s did not load and could not be analysed: %s (--fail-on %s)",
		plural(len(na), "package"), strings.Join(names, ", "), threshold)}
}

// writeOutput writes data to the file out, or to standard output when out
// is "".
func writeOutput(e *env, out string, data []byte) error {
	if out != "" {
		// Written only now, so that a failed scan leaves an earlier
		// report in place.
		if err := os.WriteFile(out, data, 0o666); err != nil {
			return usageError(fmt.Errorf("writing report: %w", err))
		}
		return nil
	}
	if _, err := e.stdout.Write(data); err != nil {
		return internalError(fmt.Errorf("writing report: %w", err))
	}
	return nil
}

// severitiesDesc is the severities, most severe first.
func severitiesDesc() []string {
	s := slices.Clone(rules.Severities)
	slices.Reverse(s)
	return s
}

// checkFailOn accepts a severity or "none".
func checkFailOn(s string) error {
	if s == "none" || slices.Contains(rules.Severities, s) {
		return nil
	}
	return fmt.Errorf("unknown severity %q (want %s or none)", s, strings.Join(severitiesDesc(), ", "))
}

// failOnFindings is the exit status error for --fail-on threshold: the
// findings at or above it that are not suppressed and, with a baseline,
// not in it. A threshold of "" or "none" never fails.
func failOnFindings(fs []report.Finding, threshold string, baseline bool) error {
	min := slices.Index(rules.Severities, threshold)
	if min < 0 {
		return nil
	}
	n := 0
	for _, f := range fs {
		if f.Suppressed || f.Baseline == report.BaselineUnchanged {
			continue
		}
		if slices.Index(rules.Severities, f.Severity) >= min {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	what := "finding"
	if baseline {
		what = "new finding"
	}
	return &exitError{code: exitFindings, err: fmt.Errorf("%s at or above %s (--fail-on %s)", plural(n, what), threshold, threshold)}
}

// plural is "1 finding", "2 findings".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// scanned is an analysis with the configuration applied.
type scanned struct {
	doc     *report.Document
	catalog *rules.Catalog
	config  *projectConfig // nil without a configuration file
	// dir is the directory that positions are relative to.
	dir string
}

// severity is the configured severity overrides, by rule ID.
func (s *scanned) severity() map[string]string {
	if s.config == nil {
		return nil
	}
	return s.config.severity
}

// analyze resolves the arguments, the configuration and the catalog, runs
// the analysis and applies the configuration to its document: excluded
// paths are dropped and severities changed.
func (o *loadOptions) analyze(ctx context.Context, e *env, args []string) (*scanned, error) {
	cfg, err := o.analyzerConfig(args)
	if err != nil {
		return nil, usageError(err)
	}
	var pc *projectConfig
	name, err := findConfig(o.config, cfg.Dir)
	if err != nil {
		return nil, usageError(err)
	}
	if name != "" {
		if pc, err = loadConfig(name); err != nil {
			return nil, usageError(err)
		}
	}
	cat, err := rules.Default()
	if err != nil {
		return nil, internalError(err)
	}
	custom := false
	if pc != nil && len(pc.catalog) > 0 {
		if err := pc.applyCatalog(cat); err != nil {
			return nil, usageError(err)
		}
		custom = true
	}
	if o.catalog != "" {
		if err := cat.LoadFile(o.catalog); err != nil {
			return nil, usageError(err)
		}
		custom = true
	}
	if custom {
		cfg.Catalog = cat
	}
	if pc != nil {
		if err := pc.checkRules(cat); err != nil {
			return nil, usageError(err)
		}
	}

	w := newWarner(e.stderr)
	cfg.Warn = w.warn
	start := time.Now()
	last := ""
	var progress *progressLine
	switch {
	case o.verbose:
		if pc != nil {
			fmt.Fprintf(e.stderr, "blastradius: %-12s %9s  %s\n", "config", "", pc.file)
		}
		cfg.Phase = func(name string, d time.Duration, detail string) {
			last = name
			fmt.Fprintf(e.stderr, "blastradius: %-12s %9s  %s\n", name, d.Round(time.Millisecond), detail)
		}
	case colorTerminal(e.stderr, os.Getenv):
		// A person is watching: show where a long scan is, on one line
		// that the next phase overwrites and the end clears.
		progress = &progressLine{w: e.stderr}
		cfg.Phase = func(name string, d time.Duration, detail string) {
			last = name
			progress.show(fmt.Sprintf("blastradius: %s done (%s, %s)", name, detail, d.Round(time.Millisecond)))
		}
	default:
		cfg.Phase = func(name string, _ time.Duration, _ string) { last = name }
	}
	prof, err := o.startProfiles()
	if err != nil {
		return nil, usageError(err)
	}
	defer prof.stop()
	cfg.Phase = e.memory.watch(prof.phase(cfg.Phase))
	if o.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.timeout)
		defer cancel()
	}

	doc, err := e.analyze(ctx, cfg)
	progress.clear()
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		where := "before loading finished"
		if last != "" {
			where = "after the " + last + " phase"
		}
		return nil, internalError(fmt.Errorf("scan timed out after %s, %s; raise --timeout", o.timeout, where))
	}
	if ctx.Err() != nil {
		return nil, errInterrupted
	}
	if err != nil {
		if analyzer.IsInputError(err) {
			return nil, usageError(err)
		}
		return nil, internalError(err)
	}
	// The analyzer reports warnings through Warn as they happen; any it
	// only put in the document are printed here, each once.
	for _, msg := range doc.Warnings {
		w.warn(msg)
	}
	doc.Scanner = report.Scanner{Name: "blastradius", Version: programVersion()}
	dir := doc.Dir
	if dir == "" {
		dir = moduleDir(cfg.Dir)
	}
	if pc != nil {
		pc.filter(doc, dir)
		pc.overrideSeverities(doc)
	}
	if o.verbose {
		fmt.Fprintf(e.stderr, "blastradius: %-12s %9s  %s\n", "total", time.Since(start).Round(time.Millisecond), counts(doc))
	}
	return &scanned{doc: doc, catalog: cat, config: pc, dir: dir}, nil
}

// progressLine shows one line of progress on a terminal, each update
// overwriting the last.
type progressLine struct {
	w     io.Writer
	width int
}

func (p *progressLine) show(msg string) {
	pad := ""
	if n := p.width - len(msg); n > 0 {
		pad = strings.Repeat(" ", n)
	}
	fmt.Fprintf(p.w, "\r%s%s", msg, pad)
	p.width = len(msg)
}

// clear erases the line; a nil progressLine does nothing.
func (p *progressLine) clear() {
	if p == nil || p.width == 0 {
		return
	}
	fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
	p.width = 0
}

// moduleDir is the directory of the go.mod file nearest dir, or dir (made
// absolute) when there is none: where the analyzer's positions are
// relative to, when it does not say.
func moduleDir(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	for d := abs; ; {
		if exists(filepath.Join(d, "go.mod")) {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return abs
		}
		d = parent
	}
}

// sourcePrefix is dir relative to the root of the Git repository that holds
// it (the nearest directory with .git), with '/'; "" when dir is that root
// or in no repository. SARIF paths are relative to the repository, where
// code scanning looks for them.
func sourcePrefix(dir string) string {
	if dir == "" {
		return ""
	}
	for d := dir; ; {
		if exists(filepath.Join(d, ".git")) {
			rel, err := filepath.Rel(d, dir)
			if err != nil || rel == "." {
				return ""
			}
			return filepath.ToSlash(rel)
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// analyzerConfig turns the flags and arguments into an analyzer
// configuration. It rejects a -C or directory argument that does not exist
// and an argument that is a file, so that these mistakes get a plain
// message rather than one from the go command.
func (o *loadOptions) analyzerConfig(args []string) (analyzer.Config, error) {
	cfg := analyzer.Config{Dir: o.dir, Patterns: []string{"./..."}, Tags: o.tags, Tests: o.tests}
	if !o.noCache {
		cfg.CacheDir = cacheDir(os.Getenv)
	}
	if err := checkDir(o.dir); err != nil {
		return cfg, fmt.Errorf("-C: %w", err)
	}
	if len(args) == 1 {
		if p := o.resolve(args[0]); isDir(p) {
			cfg.Dir = p
			return cfg, nil
		}
	}
	for _, arg := range args {
		p := o.resolve(arg)
		fi, err := os.Stat(p)
		switch {
		case err == nil && !fi.IsDir():
			return cfg, fmt.Errorf("%s is a file: give a directory or package patterns", arg)
		case errors.Is(err, fs.ErrNotExist) && isPath(arg) && !strings.Contains(arg, "..."):
			return cfg, fmt.Errorf("directory %s does not exist", arg)
		}
	}
	if len(args) > 0 {
		cfg.Patterns = args
	}
	return cfg, nil
}

// resolve is arg as a path relative to -C.
func (o *loadOptions) resolve(arg string) string {
	if filepath.IsAbs(arg) {
		return arg
	}
	return filepath.Join(o.dir, arg)
}

// checkDir reports a dir that does not exist or is not a directory.
func checkDir(dir string) error {
	fi, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("directory %s does not exist", dir)
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s is not a directory", dir)
	}
	return nil
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// isPath reports whether a package pattern is a file system path rather than
// an import path, by the go command's rule: it is absolute or starts with
// . or .. .
func isPath(arg string) bool {
	if filepath.IsAbs(arg) || arg == "." || arg == ".." {
		return true
	}
	for _, prefix := range []string{"./", "../", "." + string(filepath.Separator), ".." + string(filepath.Separator)} {
		if strings.HasPrefix(arg, prefix) {
			return true
		}
	}
	return false
}

// counts is "3 tools, 4 capabilities, 2 findings, 0 warnings", for -v.
func counts(doc *report.Document) string {
	ncap := 0
	for _, t := range doc.Tools {
		ncap += len(t.Capabilities)
	}
	return fmt.Sprintf("%d tools, %d capabilities, %d findings, %d warnings", len(doc.Tools), ncap, len(doc.Findings), len(doc.Warnings))
}

// warner prints each distinct warning once, as "blastradius: warning: msg".
// The analyzer may warn from several goroutines.
type warner struct {
	mu   sync.Mutex
	w    io.Writer
	seen map[string]bool
}

func newWarner(w io.Writer) *warner {
	return &warner{w: w, seen: map[string]bool{}}
}

func (w *warner) warn(msg string) {
	msg = oneLine(msg)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.seen[msg] {
		return
	}
	w.seen[msg] = true
	fmt.Fprintf(w.w, "blastradius: warning: %s\n", msg)
}
