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
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/blastradius/blastradius/analyzer"
	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

// scanOptions are the flags of the scan command.
type scanOptions struct {
	format  string // a name in report.Formats
	output  string // file to write the report to; "" is stdout
	tags    string // build tags, comma-separated
	tests   bool   // analyse test files too
	dir     string // directory that package patterns are relative to
	verbose bool   // phase timings on stderr; implies paths
	paths   bool   // witness paths in the table
	catalog string // user catalog file, loaded over the embedded one
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

Loading runs the go command as go list would, with GOTOOLCHAIN=local,
GOFLAGS=-mod=readonly and CGO_ENABLED=0 unless they are set; no code of the
scanned module is run. Packages that fail to load are reported as warnings
on stderr and the rest is analysed.`,
		Example: `  blastradius scan ./testdata/ops-assistant
  blastradius scan -C ~/src/agent ./cmd/... ./internal/...
  blastradius scan --format json -o report.json .`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return opts.run(cmd.Context(), e, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", report.Formats[0], "output `format`: "+strings.Join(report.Formats, " or "))
	f.StringVarP(&opts.output, "output", "o", "", "write the report to `FILE` instead of standard output")
	f.StringVar(&opts.tags, "tags", "", "comma-separated build `tags`, as for go build -tags")
	f.BoolVar(&opts.tests, "tests", false, "analyse the packages' test files too")
	f.StringVarP(&opts.dir, "dir", "C", ".", "resolve package patterns relative to `DIR`")
	f.BoolVarP(&opts.verbose, "verbose", "v", false, "print phase timings and counts on stderr; implies --paths")
	f.BoolVar(&opts.paths, "paths", false, "print each capability's witness path and each finding's data flow in the table")
	f.StringVar(&opts.catalog, "catalog", "", "load the catalog `FILE` over the built-in one (format of rules/catalog/*.cat)")
	return cmd
}

// run scans and writes the report. Every error it returns carries its exit
// code.
func (o *scanOptions) run(ctx context.Context, e *env, args []string) error {
	// Check everything the user gave before the slow part.
	var buf bytes.Buffer
	h, err := report.New(o.format, &buf, report.Options{Paths: o.paths || o.verbose})
	if err != nil {
		return usageError(err)
	}
	cfg, err := o.config(args)
	if err != nil {
		return usageError(err)
	}
	if o.catalog != "" {
		c, err := rules.Default()
		if err != nil {
			return internalError(err)
		}
		if err := c.LoadFile(o.catalog); err != nil {
			return usageError(err)
		}
		cfg.Catalog = c
	}

	w := newWarner(e.stderr)
	cfg.Warn = w.warn
	start := time.Now()
	if o.verbose {
		cfg.Phase = func(name string, d time.Duration, detail string) {
			fmt.Fprintf(e.stderr, "blastradius: %-12s %9s  %s\n", name, d.Round(time.Millisecond), detail)
		}
	}

	doc, err := e.analyze(ctx, cfg)
	if ctx.Err() != nil {
		return errInterrupted
	}
	if err != nil {
		if analyzer.IsInputError(err) {
			return usageError(err)
		}
		return internalError(err)
	}
	// The analyzer reports warnings through Warn as they happen; any it
	// only put in the document are printed here, each once.
	for _, msg := range doc.Warnings {
		w.warn(msg)
	}
	doc.Scanner = report.Scanner{Name: "blastradius", Version: programVersion()}
	if o.verbose {
		fmt.Fprintf(e.stderr, "blastradius: %-12s %9s  %s\n", "total", time.Since(start).Round(time.Millisecond), counts(doc))
	}

	if err := h.Write(doc); err != nil {
		return internalError(err)
	}
	if o.output != "" {
		// Written only now, so that a failed scan leaves an earlier
		// report in place.
		if err := os.WriteFile(o.output, buf.Bytes(), 0o666); err != nil {
			return usageError(fmt.Errorf("writing report: %w", err))
		}
		return nil
	}
	if _, err := e.stdout.Write(buf.Bytes()); err != nil {
		return internalError(fmt.Errorf("writing report: %w", err))
	}
	return nil
}

// config turns the flags and arguments into an analyzer configuration. It
// rejects a -C or directory argument that does not exist and an argument
// that is a file, so that these mistakes get a plain message rather than
// one from the go command.
func (o *scanOptions) config(args []string) (analyzer.Config, error) {
	cfg := analyzer.Config{Dir: o.dir, Patterns: []string{"./..."}, Tags: o.tags, Tests: o.tests}
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
func (o *scanOptions) resolve(arg string) string {
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
