package analyzer

import (
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/blastradius/blastradius/analyzer/symbol"
)

// toolImports lists the packages that the application's packages import and
// that deal in LLM tools: they define MCP's request or result of a tool call
// (CallToolRequest, CallToolResult), or a tool interface (an interface type
// named Tool or ...Tool with a method given a context). A scan that finds no
// tool in a program importing one has not shown that there is none: only
// that none is registered in a way the catalog describes (an SDK it does not
// know, a shape it does not follow), so the report names them.
func toolImports(pkgs []*packages.Package) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range pkgs {
		for _, imp := range p.Imports {
			if seen[imp.PkgPath] {
				continue
			}
			seen[imp.PkgPath] = true
			if imp.Types != nil && definesToolTypes(imp.Types) {
				out = append(out, imp.PkgPath)
			}
		}
	}
	sort.Strings(out)
	return out
}

// definesToolTypes reports whether a package declares a tool call's types
// or a tool interface.
func definesToolTypes(pkg *types.Package) bool {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !tn.Exported() {
			continue
		}
		if name == "CallToolRequest" || name == "CallToolResult" {
			return true
		}
		if strings.HasSuffix(name, "Tool") && isToolInterface(tn.Type()) {
			return true
		}
	}
	return false
}

// isToolInterface reports whether t is an interface with a method whose
// first parameter is a context: something that runs a tool's call.
func isToolInterface(t types.Type) bool {
	it, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := 0; i < it.NumMethods(); i++ {
		sig := it.Method(i).Type().(*types.Signature)
		if sig.Params().Len() > 0 && symbol.IsContextLike(sig.Params().At(0).Type()) {
			return true
		}
	}
	return false
}
