package analyzer

import (
	"context"
	"errors"
	"go/types"
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
		Dir:          cfg.Dir,
		Patterns:     cfg.Patterns,
		Tags:         cfg.Tags,
		Tests:        cfg.Tests,
		Env:          cfg.Env,
		Opaque:       cat.IsOpaque,
		NeverEntered: cat.NotSink,
		Invoked:      sdkInvoked(cat),
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

// sdkInvoked returns, for the loader's pruning, the methods that an SDK
// calls on the tools it is handed, by catalogued tool interface (implements
// lines): the run method and the one that names the tool. A tool type of a
// dependency (eino-ext's PyExecutor) is only ever run by the SDK, whose
// code is not analysed, so nothing else says that its methods are
// reachable.
func sdkInvoked(cat *rules.Catalog) *load.Invoked {
	byIface := map[string][]string{}
	byPkg := map[string][]string{}
	for _, im := range cat.Implements {
		k := rules.Normalize(im.Interface)
		ms := []string{im.Method}
		if im.NameMethod != "" {
			ms = append(ms, im.NameMethod)
		}
		byIface[k] = append(byIface[k], ms...)
		if i := strings.LastIndexByte(k, '.'); i > 0 {
			byPkg[k[:i]] = append(byPkg[k[:i]], ms...)
		}
	}
	if len(byIface) == 0 {
		return nil
	}
	return &load.Invoked{
		Names: func(pkgPath string) []string { return byPkg[rules.NormalizePrefix(pkgPath)] },
		Of: func(tn *types.TypeName) []string {
			if tn.Pkg() == nil {
				return nil
			}
			return byIface[rules.Normalize(tn.Pkg().Path()+"."+tn.Name())]
		},
	}
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
