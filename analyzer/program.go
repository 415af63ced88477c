package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/ssabuild"
)

// buildProgram creates SSA for every loaded package, with generic functions
// instantiated so that calls such as mcp.AddTool[In, Out] have bodies and
// callers.
//
// Only the packages whose bodies the loader kept (the module's, and the
// dependencies it enters without passing through an opaque package) are
// created with their syntax. The others (opaque packages, the packages
// reached only through them, and packages that did not type-check) are
// created from their types alone: their functions have no bodies.
//
// It returns the packages whose SSA could not be built: see [buildAll].
func buildProgram(l *loaded) (*ssa.Program, map[*packages.Package]*ssa.Package, map[*ssa.Package]string) {
	prog := ssa.NewProgram(l.Fset, ssa.InstantiateGenerics)
	created := map[*packages.Package]*ssa.Package{}
	src := map[*ssa.Package]*ssabuild.Source{}
	packages.Visit(l.Roots, nil, func(p *packages.Package) {
		if p.Types == nil {
			return
		}
		var syntax []*ast.File
		var info *types.Info
		if len(p.Errors) == 0 && l.Bodies[p] {
			syntax, info = p.Syntax, p.TypesInfo
		}
		created[p] = prog.CreatePackage(p.Types, syntax, info, true)
		src[created[p]] = &ssabuild.Source{Files: syntax, Info: info, Read: l.inModule(p)}
		if l.inModule(p) && p.TypesInfo != nil {
			// What is read of it after SSA; the rest is SSA's until it
			// has built the package (and the build cuts the whole down
			// to what generic functions need).
			p.TypesInfo = declarations(p)
		}
		if !l.inModule(p) {
			// Nothing after SSA reads a dependency's syntax or type
			// information, and SSA keeps its own references only until
			// it has built the package: letting go of ours here lowers
			// the peak, which is during Build (2.6 to 2.3 GiB on
			// testdata/bench-heavy). The module's own packages keep their
			// syntax for directives, and of their type information what
			// [declarations] keeps.
			p.Syntax, p.TypesInfo = nil, nil
		}
	})
	// A cgo package type-checked with `import "C"` faked imports a "C"
	// package that go list knows nothing of: SSA wants it created too.
	for _, p := range prog.AllPackages() {
		for _, imp := range p.Pkg.Imports() {
			if prog.Package(imp) == nil && imp.Path() == "C" {
				prog.CreatePackage(imp, nil, nil, true)
			}
		}
	}
	return prog, created, buildAll(prog, src)
}

// declarations returns the part of p's type information that is read
// after SSA is built: the objects of its function declarations, which
// directives name (//blastradius:tool, //blastradius:guard). The rest, the
// types of every expression above all, is SSA's until it has built the
// package, and then nobody's: on weknora the module's own packages held
// hundreds of MB of it to the end of the scan.
func declarations(p *packages.Package) *types.Info {
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
	for _, f := range p.Syntax {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if obj, ok := p.TypesInfo.Defs[fd.Name]; ok {
					info.Defs[fd.Name] = obj
				}
			}
		}
	}
	return info
}

// buildAll builds every package with ssabuild.BuildAll and returns a
// one-line message for each package whose build failed.
func buildAll(prog *ssa.Program, src map[*ssa.Package]*ssabuild.Source) map[*ssa.Package]string {
	failed := ssabuild.BuildAll(prog, src)
	for p, why := range failed {
		failed[p] = fmt.Sprintf("package %s could not be analysed, skipping its code: building SSA failed: %s", p.Pkg.Path(), why)
	}
	return failed
}
