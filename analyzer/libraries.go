package analyzer

import (
	"go/types"
	"sort"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/rules"
)

// servingLibraries returns the packages of the dependency modules that
// register tools for the application: a module whose code, called from the
// application's, makes a catalogued registration call (a ready-made MCP
// server the application builds and serves, a helper that registers the
// application's functions as tools). Those tools are the application's
// tools, and their code is analysed as the application's own: the whole
// module, since a server's handlers often live in a package of their own.
//
// Only code the application's functions can call is searched (static
// calls and the functions they refer to, never an opaque package): a
// constructor of the library that the application never calls registers
// nothing it serves.
//
// So is an agent framework that dispatches the model's tool calls itself
// (a Tool interface of its own, a runner looking each call's name up in a
// map of the tools the application hands it): a module the application's
// code calls into, one of whose functions that the loader kept (the code
// the application can reach, interface calls included) reads the name of a
// model's tool call from a catalogued tool-call struct (a dispatch line:
// a provider adapter turning an SDK's streamed calls into the framework's
// own). Its dispatch, and the copies of the name that it dispatches on,
// are then found as the application's own.
func servingLibraries(l *loaded, created map[*packages.Package]*ssa.Package, all map[*ssa.Function]bool, scope []*ssa.Function, cat *rules.Catalog) ([]*packages.Package, map[*ssa.Package]bool) {
	moduleOf := dependencyModules(l, created)
	seen := map[*ssa.Function]bool{}
	for _, fn := range scope {
		seen[fn] = true
	}
	work := append([]*ssa.Function(nil), scope...)
	serving := map[string]bool{}
	entered := map[string]bool{}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if c, ok := instr.(ssa.CallInstruction); ok {
					if callee := c.Common().StaticCallee(); callee != nil {
						if _, reg := cat.Registers[rules.Normalize(symbol.Of(callee))]; reg {
							if m := moduleOf[ownerPackage(fn)]; m != nil {
								serving[m.Path] = true
							}
						}
					}
				}
				var ops [8]*ssa.Value
				for _, op := range instr.Operands(ops[:0]) {
					g, ok := (*op).(*ssa.Function)
					if !ok || seen[g] || len(g.Blocks) == 0 || isOpaque(cat, g) {
						continue
					}
					if p := ownerPackage(g); p == nil || moduleOf[p] == nil {
						// The application's own function not in scope
						// (another platform's file) or a synthetic one.
						if !isSyntheticWrapper(g) {
							continue
						}
					}
					seen[g] = true
					work = append(work, g)
					if m := moduleOf[ownerPackage(g)]; m != nil {
						entered[m.Path] = true
					}
				}
			}
		}
	}
	// A provider adapter reads the name too (to hand the framework its
	// own form of the call): only a module that also looks a tool up in
	// a registry keyed by a string dispatches.
	readsName, looksUp := map[string]bool{}, map[string]bool{}
	for fn := range all {
		m := moduleOf[ownerPackage(fn)]
		if m == nil || !entered[m.Path] || serving[m.Path] || len(fn.Blocks) == 0 || isOpaque(cat, fn) {
			continue
		}
		readsName[m.Path] = readsName[m.Path] || readsToolCallName(fn, cat)
		looksUp[m.Path] = looksUp[m.Path] || looksUpTool(fn)
	}
	for m := range readsName {
		if readsName[m] && looksUp[m] {
			serving[m] = true
		}
	}
	if len(serving) == 0 {
		return nil, nil
	}
	var pkgs []*packages.Package
	ssaPkgs := map[*ssa.Package]bool{}
	packages.Visit(l.Roots, nil, func(p *packages.Package) {
		if sp := created[p]; sp != nil && p.Module != nil && serving[p.Module.Path] && !ssaPkgs[sp] {
			pkgs = append(pkgs, p)
			ssaPkgs[sp] = true
		}
	})
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].PkgPath < pkgs[j].PkgPath })
	return pkgs, ssaPkgs
}

// handlerLibraries returns the functions of the dependency modules that
// define a tool's handler: a library of ready-made tool executors (an
// executor of `helm` or `kubectl` command lines that the application
// adapts into tools). That code is the tool's own, as the application's
// is, and the flows follow the model's input through it to its sinks. A
// dependency the handler merely calls (an SDK's install action, a client
// library) is not: what its code makes of an argument passes through it.
func handlerLibraries(l *loaded, created map[*packages.Package]*ssa.Package, all map[*ssa.Function]bool, handlers []*ssa.Function, cat *rules.Catalog) []*ssa.Function {
	moduleOf := dependencyModules(l, created)
	mods := map[string]bool{}
	for _, h := range handlers {
		if m := moduleOf[ownerPackage(h)]; m != nil && len(h.Blocks) > 0 && !isOpaque(cat, h) {
			mods[m.Path] = true
		}
	}
	if len(mods) == 0 {
		return nil
	}
	var out []*ssa.Function
	for fn := range all {
		if m := moduleOf[ownerPackage(fn)]; m != nil && mods[m.Path] && len(fn.Blocks) > 0 {
			out = append(out, fn)
		}
	}
	return out
}

// dependencyModules maps the SSA package of each dependency (a package of
// no main module) to its module.
func dependencyModules(l *loaded, created map[*packages.Package]*ssa.Package) map[*ssa.Package]*packages.Module {
	out := map[*ssa.Package]*packages.Module{}
	packages.Visit(l.Roots, nil, func(p *packages.Package) {
		if sp := created[p]; sp != nil && p.Module != nil && !l.inModule(p) {
			out[sp] = p.Module
		}
	})
	return out
}

// readsToolCallName reports whether fn reads the name field of a catalogued
// tool-call struct (a dispatch line: openai-go's tc.Function.Name).
func readsToolCallName(fn *ssa.Function, cat *rules.Catalog) bool {
	if len(cat.Dispatch) == 0 {
		return false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			v, ok := instr.(ssa.Value)
			if !ok {
				continue
			}
			if x, field, ok := fieldRead(v); ok {
				d, ok := cat.Dispatch[rules.Normalize(typeSymbol(x.Type()))]
				if ok && d.NameField == fieldName(x.Type(), field) {
					return true
				}
			}
		}
	}
	return false
}

// looksUpTool reports whether fn looks a value up in a map keyed by
// strings whose values run something: functions, or interfaces with
// methods (a framework's toolMap[call.Name]).
func looksUpTool(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			l, ok := instr.(*ssa.Lookup)
			if !ok {
				continue
			}
			mt, ok := l.X.Type().Underlying().(*types.Map)
			if !ok || !isStringLike(mt.Key()) {
				continue
			}
			switch e := mt.Elem().Underlying().(type) {
			case *types.Signature:
				return true
			case *types.Interface:
				if e.NumMethods() > 0 {
					return true
				}
			}
		}
	}
	return false
}

// ownerPackage is the package whose code fn is: its own, its origin's
// (a generic instance) or its enclosing function's (a closure).
func ownerPackage(fn *ssa.Function) *ssa.Package {
	for fn != nil {
		if o := fn.Origin(); o != nil {
			fn = o
		}
		if fn.Pkg != nil {
			return fn.Pkg
		}
		fn = fn.Parent()
	}
	return nil
}

// isSyntheticWrapper reports whether fn is a wrapper SSA made (a bound
// method, a thunk, a promoted method): it runs the method it wraps.
func isSyntheticWrapper(fn *ssa.Function) bool {
	return fn.Synthetic != "" && len(fn.Blocks) > 0
}
