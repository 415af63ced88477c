package analyzer

import (
	"context"
	"errors"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/blastradius/blastradius/analyzer/load"
	"github.com/blastradius/blastradius/rules"
)

// loaded is what the load stage hands on.
type loaded struct {
	*load.Program
}

// loadPackages loads the packages of cfg (see package load: it is the only
// place that runs go/packages, and it never runs the scanned code nor
// fetches a toolchain).
func loadPackages(ctx context.Context, cfg Config, cat *rules.Catalog) (*loaded, []string, error) {
	p, err := load.Load(ctx, load.Config{
		Dir:      cfg.Dir,
		Patterns: cfg.Patterns,
		Tags:     cfg.Tags,
		Tests:    cfg.Tests,
		Env:      cfg.Env,
		Opaque:   cat.IsOpaque,
	})
	var ie *load.InputError
	if errors.As(err, &ie) {
		return nil, nil, &InputError{ie.Err}
	}
	if err != nil {
		return nil, nil, err
	}
	return &loaded{p}, p.Warnings, nil
}

// inModule reports whether p belongs to a main module: the scanned one, or
// any module of a go.work workspace (or p is a root outside any module).
func (l *loaded) inModule(p *packages.Package) bool {
	if p.Module != nil {
		return p.Module.Main || p.Module.Path == l.ModulePath
	}
	for _, r := range l.Roots {
		if r == p {
			return true
		}
	}
	return false
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}
