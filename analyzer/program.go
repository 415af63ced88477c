package analyzer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/rules"
)

// buildProgram creates SSA for every loaded package, with generic functions
// instantiated so that calls such as mcp.AddTool[In, Out] have bodies and
// callers. A package that did not type-check is created from its types alone,
// without bodies: its dependents still build, and its own code is skipped
// (the load stage has warned about it).
//
// Opaque packages are created from their types alone as well: their bodies
// are never entered (their syntax was parsed without bodies anyway). So are
// the packages that the module imports only through opaque ones (the
// protobuf, gRPC and OpenTelemetry code under a cloud SDK): the analysis
// never enters opaque code, so their bodies could only be reached by
// calling back into the SDK's plumbing, and building them cost more than
// the rest of a scan (cloud-sdks with the Google and Azure storage SDKs:
// SSA 3.7 s and the call graph 10 s).
func buildProgram(l *loaded, cat *rules.Catalog) (*ssa.Program, map[*packages.Package]*ssa.Package) {
	prog := ssa.NewProgram(l.roots[0].Fset, ssa.InstantiateGenerics)
	created := map[*packages.Package]*ssa.Package{}
	entered := enteredPackages(l, cat)
	packages.Visit(l.roots, nil, func(p *packages.Package) {
		if p.Types == nil {
			return
		}
		var files []*ast.File
		var info *types.Info
		if len(p.Errors) == 0 && entered[p] { // entered packages are never opaque
			files, info = p.Syntax, p.TypesInfo
		}
		created[p] = prog.CreatePackage(p.Types, files, info, true)
		if !l.inModule(p) {
			// Nothing after SSA reads a dependency's syntax or type
			// information, and SSA keeps its own references only until
			// it has built the package: letting go of ours here lowers
			// the peak, which is during Build (2.6 to 2.3 GiB on
			// testdata/bench-heavy). The module's own packages keep theirs
			// for directives and positions.
			p.Syntax, p.TypesInfo = nil, nil
		}
	})
	prog.Build()
	return prog, created
}

// enteredPackages returns the packages that the module's code can enter:
// its own, and those it imports, directly or through other such packages,
// without passing through an opaque package.
func enteredPackages(l *loaded, cat *rules.Catalog) map[*packages.Package]bool {
	entered := map[*packages.Package]bool{}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if entered[p] || cat.IsOpaque(p.PkgPath) {
			return
		}
		entered[p] = true
		for _, q := range p.Imports {
			visit(q)
		}
	}
	packages.Visit(l.roots, nil, func(p *packages.Package) {
		if l.inModule(p) {
			visit(p)
		}
	})
	return entered
}
