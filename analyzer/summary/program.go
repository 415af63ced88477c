package summary

import (
	"go/ast"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/ssabuild"

	"github.com/blastradius/blastradius/analyzer/load"
	"github.com/blastradius/blastradius/analyzer/symbol"
)

// program is the opaque packages being summarised, in SSA, with their
// dependencies.
type program struct {
	prog *ssa.Program
	// roots are the SSA packages being summarised, by path.
	roots map[string]*ssa.Package
	// broken holds the summarised packages some of whose code (their own
	// or a dependency's) did not type-check or build.
	broken map[string]bool
}

// buildSSA builds the loaded opaque packages in SSA: those with bodies from
// their syntax, the standard library from its types alone.
func buildSSA(op *load.Program) *program {
	prog := ssa.NewProgram(op.Fset, ssa.InstantiateGenerics)
	created := map[*packages.Package]*ssa.Package{}
	src := map[*ssa.Package]*ssabuild.Source{}
	packages.Visit(op.Roots, nil, func(p *packages.Package) {
		if p.Types == nil {
			return
		}
		var files []*ast.File
		var info *types.Info
		if len(p.Errors) == 0 && op.Bodies[p] {
			files, info = p.Syntax, p.TypesInfo
		}
		created[p] = prog.CreatePackage(p.Types, files, info, true)
		src[created[p]] = &ssabuild.Source{Files: files, Info: info}
		if op.Bodies[p] {
			// The syntax and type information are SSA's now, and it
			// lets go of them as it builds each package: holding them
			// here to the end of the build kept every package's at
			// once (the highest live heap of a cold scan of
			// kubernetes-mcp-server).
			p.Syntax, p.TypesInfo = nil, nil
		}
	})
	for _, p := range prog.AllPackages() {
		for _, imp := range p.Pkg.Imports() {
			if prog.Package(imp) == nil && imp.Path() == "C" {
				prog.CreatePackage(imp, nil, nil, true)
			}
		}
	}
	failed := ssabuild.BuildAll(prog, src)
	out := &program{prog: prog, roots: map[string]*ssa.Package{}, broken: map[string]bool{}}
	for _, r := range op.Roots {
		if created[r] == nil {
			continue
		}
		out.roots[r.PkgPath] = created[r]
		packages.Visit([]*packages.Package{r}, nil, func(q *packages.Package) {
			if len(q.Errors) > 0 || failed[created[q]] != "" {
				out.broken[r.PkgPath] = true
			}
		})
	}
	return out
}

// resolve returns what a call of each symbol of p runs: the function or
// method it spells (a promoted method is its wrapper), or for an interface
// method of p the implementations of it among the named types of p's
// dependencies, which are the values a caller can get from p. A symbol that
// spells nothing with a body runs nothing.
func (sp *program) resolve(p *ssa.Package, syms []string) map[string][]*ssa.Function {
	want := map[string]bool{}
	for _, s := range syms {
		want[s] = true
	}
	out := map[string][]*ssa.Function{}
	add := func(fn *ssa.Function) {
		if fn == nil || len(fn.Blocks) == 0 {
			return
		}
		if s := symbol.Of(fn); want[s] && !slices.Contains(out[s], fn) {
			out[s] = append(out[s], fn)
		}
	}
	var ifaces []*types.Named
	for _, name := range sortedMembers(p) {
		switch m := p.Members[name].(type) {
		case *ssa.Function:
			add(m)
			for _, anon := range m.AnonFuncs {
				add(anon)
			}
		case *ssa.Type:
			n, ok := m.Type().(*types.Named)
			if !ok {
				continue
			}
			if n.TypeParams().Len() > 0 {
				// A generic type's methods: their generic bodies, which
				// every instance's method delegates to (the program is
				// not built with ssa.InstantiateGenerics), and which the
				// module's calls of any instance name (symbol.Of).
				for i := 0; i < n.NumMethods(); i++ {
					add(sp.prog.FuncValue(n.Method(i)))
				}
				continue
			}
			if _, ok := n.Underlying().(*types.Interface); ok {
				ifaces = append(ifaces, n)
				continue
			}
			for _, t := range []types.Type{n, types.NewPointer(n)} {
				ms := sp.prog.MethodSets.MethodSet(t)
				for i := 0; i < ms.Len(); i++ {
					add(sp.prog.MethodValue(ms.At(i)))
				}
			}
		}
	}
	var deps []*types.Named
	for _, n := range ifaces {
		iface := n.Underlying().(*types.Interface)
		for i := 0; i < iface.NumExplicitMethods(); i++ {
			meth := iface.ExplicitMethod(i)
			if !want[meth.FullName()] {
				continue
			}
			if deps == nil {
				deps = sp.concreteTypes(p.Pkg)
			}
			out[meth.FullName()] = sp.implementations(iface, meth, deps)
		}
	}
	return out
}

// implementations returns the methods that implement meth of iface among
// types, sorted by name.
func (sp *program) implementations(iface *types.Interface, meth *types.Func, named []*types.Named) []*ssa.Function {
	var out []*ssa.Function
	for _, n := range named {
		for _, t := range []types.Type{n, types.NewPointer(n)} {
			obj, _, _ := types.LookupFieldOrMethod(t, true, meth.Pkg(), meth.Name())
			if _, ok := obj.(*types.Func); !ok || !types.Implements(t, iface) {
				continue
			}
			if sel := sp.prog.MethodSets.MethodSet(t).Lookup(meth.Pkg(), meth.Name()); sel != nil {
				if fn := sp.prog.MethodValue(sel); fn != nil && len(fn.Blocks) > 0 {
					out = append(out, fn)
				}
			}
			break // *T's method set holds T's
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

// concreteTypes lists the named, non-generic, non-interface types declared
// by p and the packages it imports, directly or not: the types of the
// values that p's functions can hand out.
func (sp *program) concreteTypes(p *types.Package) []*types.Named {
	seen := map[*types.Package]bool{}
	var order []*types.Package
	var visit func(q *types.Package)
	visit = func(q *types.Package) {
		if seen[q] {
			return
		}
		seen[q] = true
		order = append(order, q)
		for _, imp := range q.Imports() {
			visit(imp)
		}
	}
	visit(p)
	sort.Slice(order, func(i, j int) bool { return order[i].Path() < order[j].Path() })
	var out []*types.Named
	for _, q := range order {
		scope := q.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			n, ok := tn.Type().(*types.Named)
			if !ok || n.TypeParams().Len() > 0 {
				continue
			}
			if _, ok := n.Underlying().(*types.Interface); ok {
				continue
			}
			out = append(out, n)
		}
	}
	return out
}

func sortedMembers(p *ssa.Package) []string {
	names := make([]string, 0, len(p.Members))
	for name := range p.Members {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
