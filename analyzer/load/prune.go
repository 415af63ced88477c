package load

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/packages"
)

// A module enters far more dependency code than any tool can call: weknora
// imports the generated Elasticsearch client, 860 packages and 4,226 files
// of request builders and JSON decoders, for a handful of calls. Type-
// checking and building all of it cost most of a scan.
//
// The analysis only ever enters a dependency's function through a call from
// code it analyses: a static call names the function, an interface call
// names the method, and a function value is made where the function is
// named. Calls from opaque code back into the dependency (encoding/json
// calling UnmarshalJSON, net/http calling ServeHTTP) are never followed.
// And a method can only be called on a value of its type, which code makes
// by naming the type (a literal, a conversion, a declaration, a signature),
// or gets from a field of a type it has, or from an opaque package whose
// declarations name it.
//
// So the bodies kept are found as a fixpoint over names, starting from the
// module's own code and the dependencies' package-level variables:
//   - a function is kept when its name appears in kept code;
//   - a method is kept when its name appears in kept code and its receiver's
//     type name appears in kept code, in the declaration of a type kept so,
//     or in an opaque package's declarations;
//   - the names in a kept body count from then on.
//
// Every other dependency function loses its body before type-checking, and
// SSA sees it as a function without one, like an opaque package's.
//
// Names are compared without their package, which keeps the rule simple and
// errs on the side of keeping: a call of any method Do keeps the Do methods
// of every type whose name is used.

// pruneUncalled drops the bodies of the dependency functions that no kept
// code can call, and returns the packages it dropped some from, and how
// many dependency functions with bodies it kept and dropped.
func pruneUncalled(pkgs []*packages.Package, bodies map[*packages.Package]bool, isMain func(*packages.Package) bool) (map[*packages.Package]bool, int, int) {
	pr := &pruner{
		called:    map[string]bool{},
		typed:     map[string]bool{},
		funcs:     map[string][]*ast.FuncDecl{},
		methods:   map[[2]string][]*ast.FuncDecl{},
		typeSpecs: map[string][]*ast.TypeSpec{},
		byRecv:    map[string][]string{},
		byName:    map[string][]string{},
	}
	where := map[*ast.FuncDecl]*packages.Package{}
	for _, p := range pkgs {
		main := isMain(p)
		for _, f := range p.Syntax {
			switch {
			case !bodies[p]:
				// Opaque or unentered: what its declarations name,
				// values of those types can come from.
				pr.mentionTypes(f)
			case main:
				pr.mention(f)
			default:
				for _, d := range f.Decls {
					pr.declare(d, where, p)
				}
			}
		}
	}
	pr.drain()
	pruned := map[*packages.Package]bool{}
	dropped := 0
	drop := func(fd *ast.FuncDecl) {
		if fd.Body != nil {
			fd.Body = nil
			pruned[where[fd]] = true
			dropped++
		}
	}
	for _, fds := range pr.funcs {
		for _, fd := range fds {
			drop(fd)
		}
	}
	for _, fds := range pr.methods {
		for _, fd := range fds {
			drop(fd)
		}
	}
	// A dependency's init functions are never called by the analysis
	// (only the module's own are where it starts): empty them, keeping
	// the package valid (init must have a body).
	for fd, p := range where {
		if fd.Recv == nil && fd.Name.Name == "init" && len(fd.Body.List) > 0 {
			fd.Body = &ast.BlockStmt{Lbrace: fd.Body.Lbrace, Rbrace: fd.Body.Rbrace}
			pruned[p] = true
		}
	}
	return pruned, len(where) - dropped, dropped
}

// pruner is the state of the fixpoint: the names seen, and the declarations
// still waiting for theirs.
type pruner struct {
	// called holds the names that kept code uses: of functions and
	// methods, and of types too (a name is a name).
	called map[string]bool
	// typed holds the type names of which values can exist.
	typed map[string]bool
	// funcs are the functions not kept yet, by name; methods by
	// (receiver type name, method name); typeSpecs the type declarations
	// whose field types do not count yet, by type name.
	funcs     map[string][]*ast.FuncDecl
	methods   map[[2]string][]*ast.FuncDecl
	typeSpecs map[string][]*ast.TypeSpec
	// byRecv and byName index the keys of methods by their two halves.
	byRecv, byName map[string][]string
	// queue holds the newly seen names: ("", name) for called names,
	// ("type", name) for type names.
	queue [][2]string
}

// declare files one package-level declaration of a dependency.
func (pr *pruner) declare(d ast.Decl, where map[*ast.FuncDecl]*packages.Package, p *packages.Package) {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Body == nil {
			return
		}
		where[d] = p
		if d.Recv == nil && d.Name.Name == "init" {
			return
		}
		if generic(d) {
			// A generic function must keep its body to type-check;
			// SSA only builds the instances that kept code makes.
			pr.mention(d)
			return
		}
		if recv := receiverName(d); recv != "" {
			k := [2]string{recv, d.Name.Name}
			if pr.methods[k] == nil {
				pr.byRecv[recv] = append(pr.byRecv[recv], d.Name.Name)
				pr.byName[d.Name.Name] = append(pr.byName[d.Name.Name], recv)
			}
			pr.methods[k] = append(pr.methods[k], d)
			return
		}
		pr.funcs[d.Name.Name] = append(pr.funcs[d.Name.Name], d)
	case *ast.GenDecl:
		if d.Tok != token.TYPE {
			// Variables and constants: initializers run in the
			// package's init, and their values can hold functions.
			pr.mention(d)
			return
		}
		for _, s := range d.Specs {
			ts := s.(*ast.TypeSpec)
			pr.typeSpecs[ts.Name.Name] = append(pr.typeSpecs[ts.Name.Name], ts)
		}
	}
}

// mention counts every identifier under n as used by kept code.
func (pr *pruner) mention(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if !pr.called[id.Name] {
				pr.called[id.Name] = true
				pr.queue = append(pr.queue, [2]string{"", id.Name})
			}
			pr.addType(id.Name)
		}
		return true
	})
}

// mentionTypes counts the identifiers under n as type names only.
func (pr *pruner) mentionTypes(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			pr.addType(id.Name)
		}
		return true
	})
}

func (pr *pruner) addType(name string) {
	if !pr.typed[name] {
		pr.typed[name] = true
		pr.queue = append(pr.queue, [2]string{"type", name})
	}
}

// drain runs the fixpoint.
func (pr *pruner) drain() {
	for len(pr.queue) > 0 {
		q := pr.queue[len(pr.queue)-1]
		pr.queue = pr.queue[:len(pr.queue)-1]
		name := q[1]
		if q[0] == "type" {
			for _, ts := range pr.typeSpecs[name] {
				pr.mentionTypes(ts)
			}
			delete(pr.typeSpecs, name)
			if pr.called[name] {
				pr.keepMethods(name)
			}
			continue
		}
		for _, fd := range pr.funcs[name] {
			pr.mention(fd)
		}
		delete(pr.funcs, name)
		pr.keepMethodsNamed(name)
	}
}

// keepMethods keeps the methods of type recv whose names are called.
func (pr *pruner) keepMethods(recv string) {
	for _, name := range pr.byRecv[recv] {
		if pr.called[name] {
			pr.keep([2]string{recv, name})
		}
	}
}

// keepMethodsNamed keeps the methods called name of the types that have
// values.
func (pr *pruner) keepMethodsNamed(name string) {
	for _, recv := range pr.byName[name] {
		if pr.typed[recv] {
			pr.keep([2]string{recv, name})
		}
	}
}

// keep keeps the methods of key k (once) and counts their names.
func (pr *pruner) keep(k [2]string) {
	fds := pr.methods[k]
	delete(pr.methods, k)
	for _, fd := range fds {
		pr.mention(fd)
	}
}

// receiverName is the name of a method's receiver type, "" for a function.
func receiverName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return ""
	}
	t := fd.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// generic reports whether fd declares a generic function or a method of a
// generic type.
func generic(fd *ast.FuncDecl) bool {
	if fd.Type.TypeParams != nil && len(fd.Type.TypeParams.List) > 0 {
		return true
	}
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return false
	}
	t := fd.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	switch t.(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}

// dropDataInitializers removes, from the dependencies whose bodies are
// analysed, the package-level initializers that only hold data: tables of
// numbers and strings, byte slices (a protobuf descriptor, a Unicode table).
// SSA builds each of them element by element into the package's init
// function, and the analysis has no use for them: no value in them is a
// function, an interface or a channel, so no call or type flow depends on
// them, and constants carry no taint.
func dropDataInitializers(pkgs []*packages.Package, bodies map[*packages.Package]bool, isMain func(*packages.Package) bool) {
	memo := map[types.Type]bool{}
	for _, p := range pkgs {
		if !bodies[p] || p.TypesInfo == nil || isMain(p) {
			continue
		}
		kept := p.TypesInfo.InitOrder[:0]
		for _, init := range p.TypesInfo.InitOrder {
			data := true
			for _, v := range init.Lhs {
				data = data && inert(v.Type(), memo)
			}
			if !data {
				kept = append(kept, init)
			}
		}
		p.TypesInfo.InitOrder = kept
	}
}

// inert reports whether values of type t hold only data: no function,
// interface or channel, however deep.
func inert(t types.Type, memo map[types.Type]bool) bool {
	if v, ok := memo[t]; ok {
		return v
	}
	memo[t] = false // a recursive type is not assumed inert
	v := false
	switch u := t.Underlying().(type) {
	case *types.Basic:
		v = u.Kind() != types.UnsafePointer && u.Kind() != types.Invalid
	case *types.Pointer:
		v = inert(u.Elem(), memo)
	case *types.Slice:
		v = inert(u.Elem(), memo)
	case *types.Array:
		v = inert(u.Elem(), memo)
	case *types.Map:
		v = inert(u.Key(), memo) && inert(u.Elem(), memo)
	case *types.Struct:
		v = true
		for i := 0; i < u.NumFields(); i++ {
			v = v && inert(u.Field(i).Type(), memo)
		}
	}
	memo[t] = v
	return v
}
