package load

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/packages"
)

// A module enters far more dependency code than any tool can call: weknora
// imports the generated Elasticsearch client, 860 packages and 4,226 files
// of request builders and JSON decoders, for a handful of calls. Type-
// checking and building all of it cost most of a scan, and the type
// information of bodies that nothing calls was most of its memory.
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
// So, before type-checking, the bodies kept are found as a fixpoint over
// names, starting from the module's own code and the dependencies'
// package-level variables and init functions (the module's init runs
// theirs, and a package's singleton, such as viper's global instance with
// the file system it writes through, is often only made there). A name is qualified by its package where the
// syntax says which it is: a bare identifier in package P is P's (or a
// dot-import's), q.F is the F of the package imported as q. Only a method
// name, x.M, is unqualified.
//   - a function F of package P is kept when P.F is named in kept code;
//   - a method M of type T of package P is kept when M is called somewhere
//     in kept code and P.T is named in kept code, in the declaration of a
//     type named so, or in an opaque package's declarations;
//   - the names in a kept body count from then on.
//
// Every other dependency function loses its body before type-checking, and
// SSA sees it as a function without one, like an opaque package's. This
// errs on the side of keeping (a call of any method Do keeps the Do methods
// of every type whose values can exist); reachable.go decides precisely
// once the code is typed.

// pruneUncalled drops the bodies of the dependency functions that no kept
// code can call, and returns the packages it dropped some from, and how
// many dependency functions with bodies it kept and dropped.
//
// roots, when not nil, narrows the main packages' roots to the functions it
// names (see checker.roots): their other bodies go as a dependency's do.
//
// invoked are methods that opaque code calls (an SDK runs the tools it is
// handed): called, as if kept code called them.
//
// stop, when not nil, names by symbol (types.Func.FullName's spelling) the
// functions whose bodies the analysis never enters: they are not kept, and
// the names in them do not count. Type-checking the bodies that
// reachable.go would drop for the same reason afterwards was most of the
// highest live heap of a cold scan (the generated serializers of every
// Kubernetes API type, reached through interface calls).
func pruneUncalled(pkgs []*packages.Package, bodies map[*packages.Package]bool, isMain func(*packages.Package) bool, roots map[string][]string, invoked []string, stop func(string) bool) (map[*packages.Package]bool, int, int) {
	pr := &pruner{
		stop:      stop,
		named:     map[string]bool{},
		methods:   map[string]bool{},
		funcs:     map[string][]*ast.FuncDecl{},
		byRecv:    map[string][]*ast.FuncDecl{},
		byMethod:  map[string][]*ast.FuncDecl{},
		typeSpecs: map[string][]typeSpec{},
		recvOf:    map[*ast.FuncDecl]string{},
		scopeOf:   map[*ast.FuncDecl]*fileScope{},
		kept:      map[*ast.FuncDecl]bool{},
		keepInits: roots == nil,
	}
	where := map[*ast.FuncDecl]*packages.Package{}
	for _, p := range pkgs {
		main := isMain(p) && roots == nil
		for _, f := range p.Syntax {
			sc := newFileScope(p, f)
			switch {
			case !bodies[p]:
				// Opaque or unentered: values of the types its
				// declarations name can come out of it.
				pr.walk(f, sc, false)
			case main:
				pr.walk(f, sc, true)
			default:
				for _, d := range f.Decls {
					pr.declare(d, sc, where, p)
				}
			}
		}
	}
	if roots != nil {
		for _, p := range pkgs {
			if isMain(p) {
				for _, sym := range roots[p.PkgPath] {
					pr.root(sym, func(fd *ast.FuncDecl) bool { return isMain(where[fd]) })
				}
			}
		}
	}
	for _, m := range invoked {
		pr.method(m)
	}
	pr.drain()
	pruned := map[*packages.Package]bool{}
	kept := 0
	for fd, p := range where {
		switch {
		case pr.kept[fd] || Generic(fd):
			kept++
		case fd.Recv == nil && fd.Name.Name == "init":
			// Not reached (an init of the main packages narrowed to
			// roots, see declare), and init must keep a body to stay
			// valid: an empty one.
			if len(fd.Body.List) > 0 {
				fd.Body = &ast.BlockStmt{Lbrace: fd.Body.Lbrace, Rbrace: fd.Body.Rbrace}
				pruned[p] = true
			}
		default:
			fd.Body = nil
			pruned[p] = true
		}
	}
	return pruned, kept, len(where) - kept
}

// fileScope is what a file's names can refer to: its package, and its
// imports by the name they are used under.
type fileScope struct {
	pkg     string
	imports map[string]string // name (or alias) → path
	dots    []string          // dot-imported paths
}

func newFileScope(p *packages.Package, f *ast.File) *fileScope {
	sc := &fileScope{pkg: p.PkgPath, imports: map[string]string{}}
	for _, imp := range f.Imports {
		path := strings.Trim(imp.Path.Value, "`\"")
		name := path[strings.LastIndex(path, "/")+1:]
		if q := p.Imports[path]; q != nil {
			path = q.PkgPath
			if q.Name != "" {
				name = q.Name
			}
		}
		if imp.Name != nil {
			name = imp.Name.Name
		}
		switch name {
		case ".":
			sc.dots = append(sc.dots, path)
		case "_":
		default:
			sc.imports[name] = path
		}
	}
	return sc
}

// typeSpec is a type declaration with the scope its names resolve in.
type typeSpec struct {
	spec *ast.TypeSpec
	sc   *fileScope
}

// pruner is the state of the fixpoint: the names seen, and the declarations
// still waiting for theirs.
type pruner struct {
	// named holds the qualified names ("path.Name") used in kept code, in
	// the declarations of named types, or by opaque packages' declarations.
	named map[string]bool
	// methods holds the method names called in kept code.
	methods map[string]bool
	// funcs are the functions, by qualified name; byRecv and byMethod the
	// methods, by qualified receiver type name and by method name;
	// typeSpecs the type declarations whose parts do not count yet.
	funcs     map[string][]*ast.FuncDecl
	byRecv    map[string][]*ast.FuncDecl
	byMethod  map[string][]*ast.FuncDecl
	typeSpecs map[string][]typeSpec
	recvOf    map[*ast.FuncDecl]string
	scopeOf   map[*ast.FuncDecl]*fileScope
	kept      map[*ast.FuncDecl]bool
	// keepInits keeps the dependencies' init functions as roots (a
	// module's scan, not a summary's load).
	keepInits bool
	// stop names the functions never entered (see pruneUncalled).
	stop func(string) bool
	// queue holds the newly seen names: ("", q) for a qualified name,
	// ("method", m) for a method name.
	queue [][2]string
}

// declare files one package-level declaration of a dependency.
func (pr *pruner) declare(d ast.Decl, sc *fileScope, where map[*ast.FuncDecl]*packages.Package, p *packages.Package) {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Body == nil {
			return
		}
		where[d] = p
		pr.scopeOf[d] = sc
		if d.Recv == nil && d.Name.Name == "init" {
			// The module's init runs every dependency's: what an init
			// sets up (a package's singleton and the values in its
			// interface fields) is where later calls go. A summary's
			// load (roots set) starts from the summarised functions
			// only.
			if pr.keepInits {
				pr.keep(d)
			}
			return
		}
		if recv := receiverName(d); recv != "" {
			q := sc.pkg + "." + recv
			pr.recvOf[d] = q
			pr.byRecv[q] = append(pr.byRecv[q], d)
			pr.byMethod[d.Name.Name] = append(pr.byMethod[d.Name.Name], d)
			return
		}
		q := sc.pkg + "." + d.Name.Name
		pr.funcs[q] = append(pr.funcs[q], d)
	case *ast.GenDecl:
		if d.Tok != token.TYPE {
			// Variables and constants: initializers run in the
			// package's init, and their values can hold functions.
			pr.walk(d, sc, true)
			return
		}
		for _, s := range d.Specs {
			ts := s.(*ast.TypeSpec)
			q := sc.pkg + "." + ts.Name.Name
			pr.typeSpecs[q] = append(pr.typeSpecs[q], typeSpec{ts, sc})
		}
	}
}

// walk counts the names under n, resolved in scope sc: qualified names
// always, and with calls, the selected names as method names too (kept
// code calls them; a type's declaration only names types).
func (pr *pruner) walk(n ast.Node, sc *fileScope, calls bool) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch e := n.(type) {
		case *ast.SelectorExpr:
			if x, ok := e.X.(*ast.Ident); ok {
				if path, ok := sc.imports[x.Name]; ok {
					pr.name(path + "." + e.Sel.Name)
					// x may also be a local that shadows the
					// import: go on as for a method.
				}
			}
			if calls {
				pr.method(e.Sel.Name)
			}
			// e.Sel is no name of this package: walk e.X only.
			pr.walk(e.X, sc, calls)
			return false
		case *ast.Ident:
			pr.name(sc.pkg + "." + e.Name)
			for _, d := range sc.dots {
				pr.name(d + "." + e.Name)
			}
		}
		return true
	})
}

func (pr *pruner) name(q string) {
	if !pr.named[q] {
		pr.named[q] = true
		pr.queue = append(pr.queue, [2]string{"", q})
	}
}

func (pr *pruner) method(m string) {
	if !pr.methods[m] {
		pr.methods[m] = true
		pr.queue = append(pr.queue, [2]string{"method", m})
	}
}

// root starts the fixpoint from the function that sym spells (symbol.Of's
// spelling): a function by its qualified name; a method by its receiver
// type and its name, called. For a method of an interface the roots are its
// implementations among the main packages' types (inMain), named here since
// a caller gets their values from those packages (summary.resolve);
// implementations elsewhere are kept as any called method is, once their
// type is named.
func (pr *pruner) root(sym string, inMain func(*ast.FuncDecl) bool) {
	recv, name := splitSymbol(sym)
	if recv == "" {
		pr.name(name)
		return
	}
	iface := false
	for _, ts := range pr.typeSpecs[recv] {
		_, ok := ts.spec.Type.(*ast.InterfaceType)
		iface = iface || ok
	}
	pr.name(recv)
	pr.method(name)
	if iface {
		for _, fd := range pr.byMethod[name] {
			if inMain(fd) {
				pr.name(pr.recvOf[fd])
			}
		}
	}
}

// splitSymbol splits a function's symbol ("path.F", "(path.T).M",
// "(*path.T).M") into its receiver type's qualified name ("" for a
// function) and the rest: the qualified function name, or the method name.
func splitSymbol(sym string) (recv, name string) {
	if !strings.HasPrefix(sym, "(") {
		return "", sym
	}
	i := strings.LastIndex(sym, ").")
	if i < 0 {
		return "", sym
	}
	return strings.TrimPrefix(sym[1:i], "*"), sym[i+2:]
}

// next takes the next newly seen name off the queue: a method name, or a
// qualified name; ok is false once the queue is empty.
func (pr *pruner) next() (name string, method, ok bool) {
	if len(pr.queue) == 0 {
		return "", false, false
	}
	item := pr.queue[len(pr.queue)-1]
	pr.queue = pr.queue[:len(pr.queue)-1]
	return item[1], item[0] == "method", true
}

// methodsOfNamed calls f with each method called m whose receiver type is
// named.
func (pr *pruner) methodsOfNamed(m string, f func(*ast.FuncDecl)) {
	for _, fd := range pr.byMethod[m] {
		if pr.named[pr.recvOf[fd]] {
			f(fd)
		}
	}
}

// drain runs the fixpoint.
func (pr *pruner) drain() {
	for {
		q, method, ok := pr.next()
		if !ok {
			return
		}
		if method {
			pr.methodsOfNamed(q, pr.keep)
			continue
		}
		for _, fd := range pr.funcs[q] {
			pr.keep(fd)
		}
		for _, ts := range pr.typeSpecs[q] {
			pr.walk(ts.spec, ts.sc, false)
			pr.ownImplementers(ts)
		}
		delete(pr.typeSpecs, q)
		for _, fd := range pr.byRecv[q] {
			if pr.methods[fd.Name.Name] {
				pr.keep(fd)
			}
		}
	}
}

// ownImplementers names, for a named interface type, the types of its own
// package that have one of its methods: the package makes the values its
// calls through the interface go to (a generated client's internalClient,
// made by a constructor that the kept code may not call), as reachable.go
// and the summaries' call graph take them.
func (pr *pruner) ownImplementers(ts typeSpec) {
	it, ok := ts.spec.Type.(*ast.InterfaceType)
	if !ok || it.Methods == nil {
		return
	}
	for _, f := range it.Methods.List {
		for _, n := range f.Names {
			for _, fd := range pr.byMethod[n.Name] {
				if sc := pr.scopeOf[fd]; sc != nil && sc.pkg == ts.sc.pkg {
					pr.name(pr.recvOf[fd])
				}
			}
		}
	}
}

// keep keeps fd's body (once) and counts its names.
func (pr *pruner) keep(fd *ast.FuncDecl) {
	if pr.kept[fd] || pr.stop != nil && pr.stop(pr.symbolOf(fd)) {
		return
	}
	pr.kept[fd] = true
	pr.walk(fd, pr.scopeOf[fd], true)
}

// symbolOf spells fd's symbol as types.Func.FullName does: "path.F",
// "(path.T).M" or "(*path.T).M".
func (pr *pruner) symbolOf(fd *ast.FuncDecl) string {
	recv, ok := pr.recvOf[fd]
	if !ok {
		return pr.scopeOf[fd].pkg + "." + fd.Name.Name
	}
	if _, ptr := fd.Recv.List[0].Type.(*ast.StarExpr); ptr {
		return "(*" + recv + ")." + fd.Name.Name
	}
	return "(" + recv + ")." + fd.Name.Name
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
	switch t := t.(type) {
	case *ast.Ident:
		return t.Name
	case *ast.IndexExpr:
		if id, ok := t.X.(*ast.Ident); ok {
			return id.Name
		}
	case *ast.IndexListExpr:
		if id, ok := t.X.(*ast.Ident); ok {
			return id.Name
		}
	}
	return ""
}

// Generic reports whether fd declares a generic function or a method of a
// generic type.
func Generic(fd *ast.FuncDecl) bool {
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
//
// Their syntax goes too, with what the type information records of it
// (the extents are added to gone, for forgetAll): generated tables are
// large, and every element of them is an entry of the Types map, which
// stayed alive until SSA was built.
func dropDataInitializers(pkgs []*packages.Package, bodies map[*packages.Package]bool, isMain func(*packages.Package) bool, gone map[*types.Info][]span) {
	memo := map[types.Type]bool{}
	for _, p := range pkgs {
		if !bodies[p] || p.TypesInfo == nil || isMain(p) {
			continue
		}
		kept := p.TypesInfo.InitOrder[:0]
		dropped := map[ast.Expr]bool{}
		for _, init := range p.TypesInfo.InitOrder {
			data := true
			for _, v := range init.Lhs {
				data = data && inert(v.Type(), memo)
			}
			if data {
				dropped[init.Rhs] = true
			} else {
				kept = append(kept, init)
			}
		}
		// The dropped initializers must not stay behind kept in the
		// array (a slice's whole array is alive): each holds its
		// table's syntax.
		clear(p.TypesInfo.InitOrder[len(kept):])
		p.TypesInfo.InitOrder = kept
		if len(dropped) > 0 {
			dropInitializerSyntax(p, dropped, gone)
		}
	}
}

// dropInitializerSyntax empties the values of p's package-level var specs
// whose initializers are all in dropped, and adds their extents to
// gone[p.TypesInfo]. A spec with one value still initialized keeps them
// all.
func dropInitializerSyntax(p *packages.Package, dropped map[ast.Expr]bool, gone map[*types.Info][]span) {
	for _, f := range p.Syntax {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, s := range gd.Specs {
				vs, ok := s.(*ast.ValueSpec)
				if !ok || len(vs.Values) == 0 {
					continue
				}
				all := true
				for _, v := range vs.Values {
					all = all && dropped[v]
				}
				if !all {
					continue
				}
				for _, v := range vs.Values {
					gone[p.TypesInfo] = append(gone[p.TypesInfo], span{v.Pos(), v.End()})
				}
				vs.Values = nil
			}
		}
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
