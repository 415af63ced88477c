package load

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/packages"
)

// SSA is built from syntax that type-checked: given an expression without a
// type, or of an invalid type, its builder panics, in goroutines of its own
// that no caller can recover. A package that does not type-check is built
// from its types alone (the analyzer skips its code). But its importers can
// type-check cleanly and still hold invalid types: go/types reports an
// error once, where a declaration is broken, and stays quiet where a valid
// package uses it (a field of a struct whose type did not resolve, a call
// of a function whose signature names an undefined type). The same holds
// for cgo packages type-checked with `import "C"` faked: every C.x is
// untyped.
//
// So, in each package whose bodies are analysed and that is ill-typed
// through its imports or its cgo, the bodies of the functions that touch an
// invalid type are dropped before SSA sees them, as are the package-level
// initializers that do. The functions stay, without bodies, like those of
// an opaque package, and Program.Stripped lists them so that the tools
// whose paths reach them can say they may be incomplete.

// stripIllTyped drops the bodies and initializers that use invalid types
// in the packages that need it, and returns the functions it dropped
// because of a dependency that did not type-check, by package path. (Those
// dropped for their use of C are said once, by the warning about cgo.)
func stripIllTyped(roots []*packages.Package, bodies, fakeC map[*packages.Package]bool) map[string][]token.Pos {
	out := map[string][]token.Pos{}
	brokenDep := map[*packages.Package]bool{}
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, q := range p.Imports {
			brokenDep[p] = brokenDep[p] || brokenDep[q] || len(q.Errors) > 0
		}
		if !bodies[p] || p.TypesInfo == nil || len(p.Errors) > 0 || !p.IllTyped && !fakeC[p] {
			return
		}
		iv := invalidity{info: p.TypesInfo, seen: map[types.Type]bool{}}
		for _, f := range p.Syntax {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				if iv.node(fd) {
					fd.Body = nil
					if brokenDep[p] {
						out[p.PkgPath] = append(out[p.PkgPath], fd.Name.Pos())
					}
				}
			}
		}
		kept := p.TypesInfo.InitOrder[:0]
		for _, init := range p.TypesInfo.InitOrder {
			if !iv.node(init.Rhs) {
				kept = append(kept, init)
			}
		}
		p.TypesInfo.InitOrder = kept
		sort.Slice(out[p.PkgPath], func(i, j int) bool { return out[p.PkgPath][i] < out[p.PkgPath][j] })
	})
	return out
}

// invalidity finds the invalid types in a package's syntax.
type invalidity struct {
	info *types.Info
	// seen memoises shallowInvalid for named types and signatures.
	seen map[types.Type]bool
}

// node reports whether n holds an expression that did not type-check: one
// whose type is invalid or was not recorded, or an identifier of an object
// whose type is invalid.
func (iv *invalidity) node(n ast.Node) bool {
	bad := false
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		if bad || n == nil {
			return false
		}
		switch e := n.(type) {
		case *ast.Ident:
			bad = iv.ident(e)
			return false
		case *ast.SelectorExpr:
			// The selected name is checked through the selector's
			// own type; it is not an expression of its own.
			bad = iv.expr(e)
			ast.Inspect(e.X, walk)
			return false
		case *ast.KeyValueExpr:
			// In a struct literal the key is a field name, with no
			// type of its own.
			if _, isExpr := iv.info.Types[e.Key]; !isExpr {
				ast.Inspect(e.Value, walk)
				return false
			}
		case *ast.Field:
			// A struct field's tag is a literal that go/types gives no
			// type (var in struct{ Name string `json:"name"` }): the
			// names and the type are what to check.
			for _, name := range e.Names {
				ast.Inspect(name, walk)
			}
			ast.Inspect(e.Type, walk)
			return false
		case *ast.LabeledStmt:
			ast.Inspect(e.Stmt, walk)
			return false
		case *ast.BranchStmt:
			return false
		case *ast.Ellipsis, *ast.FuncType:
			// A variadic parameter's ... and a function's signature
			// (of a declaration or a literal) have no type recorded
			// of their own; their parts do.
		case *ast.TypeAssertExpr:
			if e.Type == nil {
				// x.(type) in a type switch is not an expression.
				ast.Inspect(e.X, walk)
				return false
			}
			bad = iv.expr(e)
		case ast.Expr:
			bad = iv.expr(e)
		}
		return !bad
	}
	ast.Inspect(n, walk)
	return bad
}

// expr reports whether the type-checker gave e an invalid type, or none:
// it records every valid expression, and leaves out invalid ones (C.f in a
// package whose "C" is faked, and whatever is built from it). Syntax that
// is no expression though its node is one (a field's tag, a field name in
// a struct literal) is not handed to it.
func (iv *invalidity) expr(e ast.Expr) bool {
	tv, ok := iv.info.Types[e]
	return !ok || tv.Type == nil || iv.invalid(tv.Type)
}

// ident reports whether id denotes an object of an invalid type, or has an
// invalid type itself. Package names, builtins and labels have no type.
func (iv *invalidity) ident(id *ast.Ident) bool {
	if id.Name == "_" {
		return false
	}
	obj := iv.info.Uses[id]
	if obj == nil {
		var defined bool
		obj, defined = iv.info.Defs[id]
		if defined && obj == nil {
			// The symbolic variable of a type switch.
			return false
		}
	}
	switch obj.(type) {
	case nil:
		return iv.expr(id)
	case *types.PkgName, *types.Builtin, *types.Label:
		return false
	}
	return iv.invalid(obj.Type())
}

// invalid reports whether t is invalid, or is built directly from an
// invalid type: a pointer to one, a slice, map or channel of them, a
// function that takes or returns one. A struct with an invalid field, or a
// named type whose underlying type is invalid, is not: its values can be
// passed around, and SSA only fails where the invalid part is used, which
// has an invalid type itself.
func (iv *invalidity) invalid(t types.Type) bool {
	switch t := t.(type) {
	case nil:
		return true
	case *types.Basic:
		return t.Kind() == types.Invalid
	case *types.Alias:
		return iv.invalid(types.Unalias(t))
	case *types.Pointer:
		return iv.invalid(t.Elem())
	case *types.Slice:
		return iv.invalid(t.Elem())
	case *types.Array:
		return iv.invalid(t.Elem())
	case *types.Chan:
		return iv.invalid(t.Elem())
	case *types.Map:
		return iv.invalid(t.Key()) || iv.invalid(t.Elem())
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if iv.invalid(t.At(i).Type()) {
				return true
			}
		}
		return false
	case *types.Signature:
		if v, ok := iv.seen[t]; ok {
			return v
		}
		iv.seen[t] = false
		v := iv.invalid(t.Params()) || iv.invalid(t.Results())
		iv.seen[t] = v
		return v
	case *types.Named:
		if v, ok := iv.seen[t]; ok {
			return v
		}
		iv.seen[t] = false
		v := false
		if args := t.TypeArgs(); args != nil {
			for i := 0; i < args.Len(); i++ {
				v = v || iv.invalid(args.At(i))
			}
		}
		iv.seen[t] = v
		return v
	}
	return false
}
