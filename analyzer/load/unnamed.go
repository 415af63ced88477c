package load

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/packages"
)

// Once the uncalled bodies are gone, much of a dependency is declarations
// that nothing left refers to: the conversion and defaulting functions of a
// generated API package that only its (dropped) registration called, the
// request types of the endpoints nobody calls, the methods of an API type
// that neither kept code calls nor any interface asks for (a protobuf
// type's sizes and field accessors, its Swagger documentation). Each
// still cost a type-checked object, a signature with its parameters, and
// an SSA function, in both loads.
//
// dropUnnamed removes them from the syntax, before type-checking, from the
// packages pruneUncalled pruned (dependencies whose bodies are entered,
// pruned is true for them):
//   - a function whose qualified name no remaining syntax has;
//   - a type whose qualified name no remaining syntax has, with its
//     methods;
//   - a method without a body whose name is neither selected anywhere in
//     the remaining syntax (a call, a method value, a promoted method) nor
//     a method of any interface of the program (the type's method set
//     decides which interfaces it satisfies, in a conversion, an
//     assertion or a generic constraint).
//
// What remains is every declaration that remaining code refers to, found as
// a fixpoint: it starts from the functions that kept a body, the roots, and
// everything that is not a function or type declaration of such a package
// (variables and constants, every other package's syntax, the types of the
// packages loaded already), and a declaration that stays counts what its
// own syntax names (a method's signature, a type's fields). Names are
// resolved as pruneUncalled resolves them, which over-approximates (a
// field named like a function keeps it, any selector x.M keeps every
// method M), so nothing referred to goes.
//
// It returns the packages it removed something from, and how many
// declarations (functions, methods, types) it removed.
func dropUnnamed(pkgs []*packages.Package, pruned func(*packages.Package) bool, roots map[string][]string) (map[*packages.Package]bool, int) {
	if !slices.ContainsFunc(pkgs, pruned) {
		return nil, 0
	}
	nm := &namer{
		pr: &pruner{named: map[string]bool{}, methods: map[string]bool{},
			byMethod: map[string][]*ast.FuncDecl{}, recvOf: map[*ast.FuncDecl]string{}},
		funcs:  map[string][]*ast.FuncDecl{},
		byRecv: map[string][]*ast.FuncDecl{},
		types:  map[string][]*ast.TypeSpec{},
		scope:  map[ast.Node]*fileScope{},
		stays:  map[ast.Node]bool{},
	}
	// Declarations can name another package's only if they import it, and
	// without bodies they select no method: a package of declarations only
	// that imports none of the pruned is read for its interfaces alone (a
	// method set matters wherever an interface is declared). Code with
	// bodies (the module's) is read whole: it may call a method on a value
	// of a type whose package it does not import.
	names := func(p *packages.Package) bool {
		for _, q := range p.Imports {
			if pruned(q) {
				return true
			}
		}
		return hasBodies(p)
	}
	seen := map[types.Type]bool{}
	for _, p := range pkgs {
		if len(p.Syntax) == 0 && p.Types != nil {
			// Loaded already (the standard library, for a summary):
			// its interfaces are in its types.
			for _, name := range p.Types.Scope().Names() {
				interfaceMethods(p.Types.Scope().Lookup(name).Type(), seen, nm.pr.method)
			}
		}
		prunedP, whole := pruned(p), false
		if !prunedP && len(p.Syntax) > 0 {
			whole = names(p)
		}
		for _, f := range p.Syntax {
			sc := newFileScope(p, f)
			switch {
			case whole:
				nm.walk(f, sc)
				continue
			case !prunedP:
				nm.interfaces(f)
				for _, d := range f.Decls {
					// An initializer may call a method of a
					// value whose type's package it does not
					// import.
					if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
						nm.walk(gd, sc)
					}
				}
				continue
			}
			for _, d := range f.Decls {
				nm.declare(d, sc)
			}
		}
	}
	for _, syms := range roots {
		for _, sym := range syms {
			// A method is a root by its receiver type (an interface's
			// method by the interface's name) and its name.
			if recv, name := splitSymbol(sym); recv != "" {
				nm.pr.name(recv)
				nm.pr.method(name)
			} else {
				nm.pr.name(name)
			}
		}
	}
	nm.drain()

	changed := map[*packages.Package]bool{}
	removed := 0
	for _, p := range pkgs {
		if !pruned(p) {
			continue
		}
		before := removed
		for _, f := range p.Syntax {
			decls := f.Decls[:0]
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if !nm.stays[d] {
						removed++
						continue
					}
				case *ast.GenDecl:
					if d.Tok == token.TYPE {
						specs := d.Specs[:0]
						for _, s := range d.Specs {
							if nm.stays[s] {
								specs = append(specs, s)
							} else {
								removed++
							}
						}
						clear(d.Specs[len(specs):])
						d.Specs = specs
						if len(specs) == 0 {
							continue
						}
					}
				}
				decls = append(decls, d)
			}
			clear(f.Decls[len(decls):])
			f.Decls = decls
		}
		if removed > before {
			changed[p] = true
		}
	}
	return changed, removed
}

// namer is dropUnnamed's fixpoint: the names seen (with pruner's walk and
// queue: qualified names, and method names), and the declarations of
// pruned packages waiting for theirs.
type namer struct {
	pr *pruner
	// funcs are the functions by qualified name; byRecv the methods by
	// their receiver type's qualified name (pr holds them by name, with
	// their receivers); types the types by qualified name.
	funcs  map[string][]*ast.FuncDecl
	byRecv map[string][]*ast.FuncDecl
	types  map[string][]*ast.TypeSpec
	scope  map[ast.Node]*fileScope
	// stays holds the declarations (*ast.FuncDecl, *ast.TypeSpec) kept.
	stays map[ast.Node]bool
}

func (nm *namer) declare(d ast.Decl, sc *fileScope) {
	switch d := d.(type) {
	case *ast.FuncDecl:
		nm.scope[d] = sc
		switch recv := receiverName(d); {
		case d.Body != nil:
			// Kept by pruneUncalled (or generic, or an init).
			nm.stay(d)
		case recv != "":
			q := sc.pkg + "." + recv
			nm.pr.recvOf[d] = q
			nm.byRecv[q] = append(nm.byRecv[q], d)
			nm.pr.byMethod[d.Name.Name] = append(nm.pr.byMethod[d.Name.Name], d)
		default:
			q := sc.pkg + "." + d.Name.Name
			nm.funcs[q] = append(nm.funcs[q], d)
		}
	case *ast.GenDecl:
		if d.Tok != token.TYPE {
			nm.walk(d, sc)
			return
		}
		for _, s := range d.Specs {
			ts := s.(*ast.TypeSpec)
			nm.scope[ts] = sc
			q := sc.pkg + "." + ts.Name.Name
			nm.types[q] = append(nm.types[q], ts)
		}
	}
}

// stay keeps n and counts the names in it.
func (nm *namer) stay(n ast.Node) {
	if !nm.stays[n] {
		nm.stays[n] = true
		nm.walk(n, nm.scope[n])
	}
}

// walk counts the names under n: qualified names, selected names and the
// methods of interface types as method names.
func (nm *namer) walk(n ast.Node, sc *fileScope) {
	nm.pr.walk(n, sc, true)
	nm.interfaces(n)
}

// interfaces counts the methods of the interface types under n as method
// names.
func (nm *namer) interfaces(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		if it, ok := n.(*ast.InterfaceType); ok && it.Methods != nil {
			for _, f := range it.Methods.List {
				for _, name := range f.Names {
					nm.pr.method(name.Name)
				}
			}
		}
		return true
	})
}

func (nm *namer) drain() {
	for {
		q, method, ok := nm.pr.next()
		if !ok {
			return
		}
		if method {
			nm.pr.methodsOfNamed(q, func(fd *ast.FuncDecl) { nm.stay(fd) })
			continue
		}
		for _, fd := range nm.funcs[q] {
			nm.stay(fd)
		}
		for _, ts := range nm.types[q] {
			nm.stay(ts)
		}
		for _, fd := range nm.byRecv[q] {
			if nm.pr.methods[fd.Name.Name] {
				nm.stay(fd)
			}
		}
	}
}

// interfaceMethods calls method with the name of each method of each
// interface type in t, however deep: in its fields, its signature, its
// methods' signatures, its type parameters' constraints.
func interfaceMethods(t types.Type, seen map[types.Type]bool, method func(string)) {
	if t == nil || seen[t] {
		return
	}
	seen[t] = true
	walk := func(t types.Type) { interfaceMethods(t, seen, method) }
	tuple := func(tu *types.Tuple) {
		for i := 0; i < tu.Len(); i++ {
			walk(tu.At(i).Type())
		}
	}
	switch t := t.(type) {
	case *types.Named:
		for i := 0; i < t.NumMethods(); i++ {
			walk(t.Method(i).Type())
		}
		walk(t.Underlying())
	case *types.Alias:
		walk(types.Unalias(t))
	case *types.Interface:
		for i := 0; i < t.NumMethods(); i++ {
			method(t.Method(i).Name())
			walk(t.Method(i).Type())
		}
		for i := 0; i < t.NumEmbeddeds(); i++ {
			walk(t.EmbeddedType(i))
		}
	case *types.Signature:
		tuple(t.Params())
		tuple(t.Results())
		for i := 0; i < t.TypeParams().Len(); i++ {
			walk(t.TypeParams().At(i).Constraint())
		}
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			walk(t.Field(i).Type())
		}
	case *types.Pointer:
		walk(t.Elem())
	case *types.Slice:
		walk(t.Elem())
	case *types.Array:
		walk(t.Elem())
	case *types.Chan:
		walk(t.Elem())
	case *types.Map:
		walk(t.Key())
		walk(t.Elem())
	case *types.Union:
		for i := 0; i < t.Len(); i++ {
			walk(t.Term(i).Type())
		}
	case *types.TypeParam:
		walk(t.Constraint())
	}
}

// hasBodies reports whether any function of p has a body in its syntax.
func hasBodies(p *packages.Package) bool {
	for _, f := range p.Syntax {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && len(fd.Body.List) > 0 {
				return true
			}
		}
	}
	return false
}
