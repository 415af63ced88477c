package analyzer

import (
	"go/types"
	"sort"

	"golang.org/x/tools/go/ssa"
)

// implementers answers, for a method of an interface the application
// declares, which of the application's own types implement it. The call
// graph (VTA) sends an interface call only to the types it sees flow into
// the receiver; a service that a dependency-injection container builds
// through reflection (dig, fx), or that a function only a CLI framework
// calls by reflection puts together (kong's Run), reaches its callers with
// no flow it can see, and the call then has no callee at all. Such a call
// reaches, instead, every type of the application that implements the
// interface; where the application has none, the types of the packages it
// imports directly that do (an interface over a client library's service,
// `Builds BuildsClient` filled with `client.Builds`): a value of a type
// the application never names does not get there.
type implementers struct {
	prog  *ssa.Program
	owned map[*types.Package]bool
	named []*types.Named
	// deps are the packages the application imports directly (the
	// standard library aside); imported their concrete types, listed the
	// first time a call needs them (few calls do).
	deps     []*ssa.Package
	imported []*types.Named
	listed   bool
	memo     map[*types.Func][]*ssa.Function
}

func newImplementers(prog *ssa.Program, pkgs map[*ssa.Package]bool, std map[string]bool) *implementers {
	im := &implementers{prog: prog, owned: map[*types.Package]bool{}, memo: map[*types.Func][]*ssa.Function{}}
	for p := range pkgs {
		im.owned[p.Pkg] = true
	}
	seen := map[*types.Package]bool{}
	for p := range pkgs {
		im.named = append(im.named, concreteTypes(p)...)
		for _, imp := range p.Pkg.Imports() {
			if !im.owned[imp] && !std[imp.Path()] && !seen[imp] {
				seen[imp] = true
				if ip := prog.Package(imp); ip != nil {
					im.deps = append(im.deps, ip)
				}
			}
		}
	}
	sortByName(im.named)
	return im
}

// importedTypes returns the concrete types of the packages the application
// imports directly, sorted.
func (im *implementers) importedTypes() []*types.Named {
	if !im.listed {
		im.listed = true
		for _, p := range im.deps {
			im.imported = append(im.imported, concreteTypes(p)...)
		}
		sortByName(im.imported)
	}
	return im.imported
}

// sortByName sorts types by their spelling, for a deterministic order.
func sortByName(ts []*types.Named) {
	sort.Slice(ts, func(i, j int) bool {
		return types.TypeString(ts[i], nil) < types.TypeString(ts[j], nil)
	})
}

// concreteTypes lists a package's named types that are not interfaces
// and not generic.
func concreteTypes(p *ssa.Package) []*types.Named {
	var out []*types.Named
	for _, m := range p.Members {
		if t, ok := m.(*ssa.Type); ok {
			if n, ok := t.Type().(*types.Named); ok && !types.IsInterface(n) && n.TypeParams() == nil {
				out = append(out, n)
			}
		}
	}
	return out
}

// of returns the application's methods that an invoke of m can call, when
// m belongs to an interface the application declares; with none, those of
// the types of the packages it imports.
func (im *implementers) of(m *types.Func) []*ssa.Function {
	if im == nil || m.Pkg() == nil || !im.owned[m.Pkg()] {
		return nil
	}
	if out, ok := im.memo[m]; ok {
		return out
	}
	var out []*ssa.Function
	sig, _ := m.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return nil
	}
	iface, ok := sig.Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	out = im.implementing(im.named, iface, m)
	if len(out) == 0 {
		out = im.implementing(im.importedTypes(), iface, m)
	}
	im.memo[m] = out
	return out
}

// implementing returns the method m of each of named that implements iface.
func (im *implementers) implementing(named []*types.Named, iface *types.Interface, m *types.Func) []*ssa.Function {
	var out []*ssa.Function
	for _, n := range named {
		for _, t := range []types.Type{n, types.NewPointer(n)} {
			if !types.Implements(t, iface) {
				continue
			}
			if sel := im.prog.MethodSets.MethodSet(t).Lookup(m.Pkg(), m.Name()); sel != nil {
				if fn := im.prog.MethodValue(sel); fn != nil {
					out = append(out, fn)
				}
			}
			break
		}
	}
	return out
}
