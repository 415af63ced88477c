package load

import (
	"context"
	"fmt"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/packages"
)

// LoadOpaque loads the bodies of opaque packages, so that what their
// functions can reach is summarised (package summary): the packages at
// need's paths, which [Load] left without bodies, and every package outside the
// standard library that they import, parsed and type-checked in full but
// for the bodies that none of the functions to summarise can reach
// (prune.go and reachable.go, with need's symbols as the roots: a scan
// calls a few functions of a large client package, and the bodies that only
// its other functions reach would be type-checked and built for nothing).
//
// It asks the go command nothing: the files, imports and modules are those
// that Load found, and the standard library's types are p's, already
// checked without bodies (a summary never enters the standard library). The
// packages are copies, so p is left as it is.
//
// The result's Roots are the packages at need's paths (a path that p did not load
// is left out), Bodies the packages parsed in full, and Broken and
// Warnings say which of them did not type-check.
//
// need maps each package path to summarise to the symbols of its functions
// and interface methods that are summarised (symbol.Of's spelling). stop,
// when not nil, names by symbol (types.Func.FullName's spelling) the
// functions whose bodies the summaries never enter (the catalog's sinks and
// calls of no capability): their bodies are dropped before type-checking,
// and what only they reach is pruned too.
func (p *Program) LoadOpaque(ctx context.Context, need map[string][]string, stop func(string) bool) (*Program, error) {
	paths := make([]string, 0, len(need))
	for path := range need {
		paths = append(paths, path)
	}
	byPath := map[string]*packages.Package{}
	packages.Visit(p.Roots, nil, func(q *packages.Package) {
		if _, ok := byPath[q.PkgPath]; !ok {
			byPath[q.PkgPath] = q
		}
	})
	copies := map[*packages.Package]*packages.Package{}
	ready := map[*packages.Package]bool{}
	var copyOf func(q *packages.Package) *packages.Package
	copyOf = func(q *packages.Package) *packages.Package {
		if p.Std[q.PkgPath] {
			ready[q] = true
			return q
		}
		if c, ok := copies[q]; ok {
			return c
		}
		c := &packages.Package{
			ID: q.ID, Name: q.Name, PkgPath: q.PkgPath,
			GoFiles: q.GoFiles, CompiledGoFiles: q.CompiledGoFiles, OtherFiles: q.OtherFiles,
			EmbedFiles: q.EmbedFiles, EmbedPatterns: q.EmbedPatterns, IgnoredFiles: q.IgnoredFiles,
			Module: q.Module, TypesSizes: q.TypesSizes,
			Imports: make(map[string]*packages.Package, len(q.Imports)),
		}
		for _, e := range q.Errors {
			// What the go command said stands; what type-checking
			// without bodies said is found again.
			if e.Kind == packages.ListError {
				c.Errors = append(c.Errors, e)
			}
		}
		copies[q] = c
		for path, imp := range q.Imports {
			c.Imports[path] = copyOf(imp)
		}
		return c
	}
	sorted := append([]string(nil), paths...)
	sort.Strings(sorted)
	var roots []*packages.Package
	mains := map[*packages.Package]bool{}
	for _, path := range sorted {
		q := byPath[path]
		if q == nil || p.Std[path] || mains[copyOf(q)] {
			continue
		}
		c := copyOf(q)
		mains[c] = true
		roots = append(roots, c)
	}
	out := &Program{Fset: p.Fset, Roots: roots, ModuleDir: p.ModuleDir, ModulePath: p.ModulePath,
		ModCache: p.ModCache, Std: p.Std, Build: p.Build, Broken: map[string]string{}, Stripped: map[string][]token.Pos{}, cgo: p.cgo}
	if len(roots) == 0 {
		out.Bodies = map[*packages.Package]bool{}
		return out, nil
	}
	main := func(q *packages.Package) bool { return mains[q] }
	c := &checker{fset: p.Fset, opaque: func(path string) bool { return p.Std[path] }, cgo: p.cgo, main: main, roots: need, stop: stop, ready: ready}
	if err := c.check(ctx, roots); err != nil {
		return nil, err
	}
	out.Bodies = c.bodies
	out.Stripped = stripIllTyped(roots, c.bodies, c.fakeC)
	gone := map[*types.Info][]span{}
	if pruning {
		kept, dropped := pruneUnreachable(c.order, c.bodies, main, need, byFunc(stop), nil, gone)
		out.KeptFuncs, out.DroppedFuncs = kept, dropped+c.dropped
		out.UnnamedDecls = c.unnamed
	}
	forgetAll(gone)
	for _, q := range c.order {
		if ready[q] {
			continue
		}
		out.Count++
		if len(q.Errors) > 0 {
			msg := firstLine(q.Errors[0].Error())
			out.Broken[q.PkgPath] = msg
			out.Warnings = append(out.Warnings, fmt.Sprintf("package %s does not load, skipping its code: %s", q.PkgPath, msg))
		}
	}
	sort.Strings(out.Warnings)
	return out, nil
}
