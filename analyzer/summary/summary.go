package summary

import (
	"context"
	"fmt"
	"go/token"
	"slices"
	"sort"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/blastradius/blastradius/analyzer/load"
	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

// Config says how summaries are made and kept.
type Config struct {
	Catalog *rules.Catalog
	// CacheDir keeps summaries between scans; "" keeps none.
	CacheDir string
	// Version is the scanner's version ("devel" for a build from source,
	// whose executable then identifies it): a summary made by another
	// scanner is never used.
	Version string
	// Tags are the scan's build tags, which select files.
	Tags string
	// Position turns a position of the loaded program into a report's.
	Position func(token.Pos) report.Position
	// Warn, when set, is told one-line warnings (a cache that cannot be
	// written).
	Warn func(string)
	// Phase, when set, is told each step's name, duration and a short
	// count, for -v.
	Phase func(name string, d time.Duration, detail string)
}

func (cfg Config) phase(name string, start time.Time, detail string) {
	if cfg.Phase != nil {
		cfg.Phase(name, time.Since(start), detail)
	}
}

// Stats counts what a call of Compute did, per package asked for.
type Stats struct {
	// Packages were asked for; Cached of them were read from the cache
	// and Built computed (loaded and built in SSA).
	Packages, Cached, Built int
	// Functions is the number of summarised functions that reach
	// something.
	Functions int
}

// Reach is one capability that an opaque function can reach.
type Reach struct {
	Capability string `json:"capability"`
	// Sink is the catalogued function the dependency calls, spelled as
	// the catalog does.
	Sink string `json:"sink"`
	// Path runs from the summarised function (Path[0]) to the function
	// that calls the sink (Path[len-1]). Each frame's Position is the call
	// it makes to the next frame; the last frame's is the sink call.
	// Positions are written module@version/path.
	Path []report.Frame `json:"path"`
}

// Table holds the summaries of the functions of some opaque packages.
type Table struct {
	funcs map[string][]Reach
}

// Of returns what the function or interface method spelled symbol (as
// symbol.Of and symbol.Invoke spell them) can reach, sorted by capability
// and sink; nil when it reaches nothing or was not summarised.
func (t *Table) Of(symbol string) []Reach {
	if t == nil {
		return nil
	}
	return t.funcs[symbol]
}

// Compute returns the summaries of the symbols of need (by package path,
// the functions and interface methods of opaque packages of prog that the
// scan calls): from the cache where it holds them, computed otherwise (and
// then kept in the cache, with what the cache held of the package before).
func Compute(ctx context.Context, prog *load.Program, need map[string][]string, cfg Config) (*Table, Stats, error) {
	t := &Table{funcs: map[string][]Reach{}}
	st := Stats{}
	byPath := map[string]*packages.Package{}
	packages.Visit(prog.Roots, nil, func(p *packages.Package) {
		if _, ok := byPath[p.PkgPath]; !ok {
			byPath[p.PkgPath] = p
		}
	})
	paths := make([]string, 0, len(need))
	for path := range need {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	c := newCache(cfg, prog)
	keys := map[string]string{}
	build := map[string][]string{}
	var missing []string
	for _, path := range paths {
		p := byPath[path]
		if p == nil || prog.Std[path] {
			continue
		}
		st.Packages++
		key := c.key(p)
		e, ok := c.read(key, path)
		if ok && covers(e.Summarised, need[path]) {
			t.add(e)
			st.Cached++
			continue
		}
		syms := append([]string(nil), need[path]...)
		if ok {
			// Summarise again what the entry held, so that it only grows.
			syms = append(syms, e.Summarised...)
		}
		sort.Strings(syms)
		keys[path], build[path] = key, slices.Compact(syms)
		missing = append(missing, path)
	}
	if len(missing) == 0 {
		st.Functions = len(t.funcs)
		return t, st, nil
	}
	start := time.Now()
	op, err := prog.LoadOpaque(ctx, build, neverEntered(cfg.Catalog))
	if err != nil {
		return nil, st, fmt.Errorf("loading dependencies to summarise: %w", err)
	}
	cfg.phase("load", start, fmt.Sprintf("%d packages (%d of their functions kept, %d unreachable, %d declarations unnamed)", op.Count, op.KeptFuncs, op.DroppedFuncs, op.UnnamedDecls))
	entries, err := summarise(ctx, op, build, cfg)
	if err != nil {
		return nil, st, err
	}
	for _, path := range missing {
		e := entries[path]
		if e == nil {
			continue
		}
		st.Built++
		t.add(e)
		// A summary made from code that did not all type-check is this
		// scan's best effort, not the module's: it is not kept.
		c.write(keys[path], e)
	}
	st.Functions = len(t.funcs)
	return t, st, nil
}

// neverEntered names the functions whose bodies the search never enters
// (see graph.targets), for the loader to prune what only they reach: a
// catalogued sink (the typed Kubernetes client's Create, and the
// serializers, transports and retries behind it) and a call the catalog says
// carries no capability (a logger). A sink that reads a setting by name
// (its call may be configuration, which the search goes past) is entered.
func neverEntered(cat *rules.Catalog) func(string) bool {
	return func(sym string) bool {
		if cat.NotSink(sym) {
			return true
		}
		sk, ok := cat.Sink(sym)
		return ok && sk.Capability != "env" && sk.NameArg < 0
	}
}

// covers reports whether the sorted list have holds every symbol of want.
func covers(have, want []string) bool {
	for _, s := range want {
		if _, ok := slices.BinarySearch(have, s); !ok {
			return false
		}
	}
	return true
}

func (t *Table) add(e *entry) {
	for sym, rs := range e.Functions {
		t.funcs[sym] = rs
	}
}
