package analyzer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

// Config says what to scan and how.
type Config struct {
	// Dir is the directory the patterns are relative to. It must exist and
	// be inside a Go module.
	Dir string
	// Patterns are go/packages patterns; empty means "./...".
	Patterns []string
	// Tags are build tags, comma-separated as for go build -tags.
	Tags string
	// Tests includes the packages' test files.
	Tests bool
	// Catalog holds the sinks and registrations; nil means [rules.Default].
	Catalog *rules.Catalog
	// Env is the environment for the go command; nil means os.Environ(),
	// with GOTOOLCHAIN=local, GOFLAGS=-mod=readonly and CGO_ENABLED=0 added
	// where the user did not set them (see load.go).
	Env []string
	// Phase, when set, is told each phase's name, duration and a short count
	// ("412 packages"), for -v.
	Phase func(name string, d time.Duration, detail string)
	// Warn, when set, is told each one-line warning as it happens.
	Warn func(msg string)
	// CacheDir keeps the summaries of opaque dependencies between scans
	// (docs/summaries.md); "" keeps none, and every scan computes them.
	CacheDir string
}

// InputError is a problem with what the user asked to scan: a missing
// directory, no Go packages, a module that cannot be loaded at all. The
// command maps it to the usage exit code.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// IsInputError reports whether err is (or wraps) an [InputError].
func IsInputError(err error) bool {
	var ie *InputError
	return errors.As(err, &ie)
}

// Run scans the packages and returns the document: every tool, its
// capabilities and their witness paths. Packages that fail to load are
// reported in Document.Warnings and the rest is analysed.
//
// A directory that is in no module and no workspace but holds several
// modules is scanned module by module, into one document.
func Run(ctx context.Context, cfg Config) (*report.Document, error) {
	if len(cfg.Patterns) == 0 || (len(cfg.Patterns) == 1 && cfg.Patterns[0] == "./...") {
		if dir, err := filepath.Abs(cfg.Dir); err == nil {
			env := cfg.Env
			if env == nil {
				env = os.Environ()
			}
			if st, err := os.Stat(dir); err == nil && st.IsDir() {
				if dirs := moduleDirs(ctx, dir, env); len(dirs) > 0 {
					return runModules(ctx, cfg, dir, dirs)
				}
				if pats := workspacePatterns(ctx, dir, env); len(pats) > 0 {
					cfg.Patterns = pats
				}
			}
		}
	}
	return run(ctx, cfg)
}

func errNoModule(dir string) error {
	return fmt.Errorf("no Go module could be loaded under %s", dir)
}
