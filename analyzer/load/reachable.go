package load

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// The names that prune.go goes by are coarse: one call of a method Build
// keeps the Build method of every type in sight, and the generated
// Elasticsearch client has 6,681 of them. Once the packages are typed, the
// same question has a precise answer, found as rapid type analysis (RTA)
// does, over the typed syntax:
//
//   - every function of the module is reachable, so are the dependencies'
//     init functions (the module's init runs them), and so is every
//     dependency function that reachable code names: info.Uses and
//     info.Selections give the exact object, so x.Build() keeps one method;
//   - a call through an interface reaches the methods of that name of the
//     types whose values can exist: the types that reachable code names
//     (in a literal, a conversion, a declaration or a signature), those
//     within them (fields, elements, interface methods' results), and
//     those that an opaque package's declarations name, since its
//     functions can hand such values over.
//
// A dependency function found unreachable loses its body before SSA is
// built: it becomes a function without one, like an opaque package's. A
// scan enters a dependency only through calls from the module, so this
// changes no result; TestPruningChangesNothing checks it on the fixtures.

// pruneUnreachable drops the bodies of the dependency functions that the
// module's code cannot reach, and returns how many it kept and dropped. It
// adds the dropped bodies' extents to gone, for forgetAll.
//
// roots, when not nil, narrows the main packages' roots to the functions it
// names (see checker.roots). stop, when not nil, names the functions whose
// bodies the analysis never enters (see [Program.LoadOpaque]): a call of
// one reaches nothing further. invoked, when not nil, names the methods
// of an interface that opaque code calls (see Config.Invoked).
func pruneUnreachable(pkgs []*packages.Package, bodies map[*packages.Package]bool, isMain func(*packages.Package) bool, roots map[string][]string, stop func(*types.Func) bool, invoked func(*types.TypeName) []string, gone map[*types.Info][]span) (kept, dropped int) {
	whole := func(p *packages.Package) bool { return isMain(p) && roots == nil }
	ra := &rta{
		decl:       map[*types.Func]*ast.FuncDecl{},
		info:       map[*types.Func]*types.Info{},
		reached:    map[*types.Func]bool{},
		live:       map[*types.TypeName]bool{},
		seenType:   map[types.Type]bool{},
		called:     map[ifaceMethod]bool{},
		ifaces:     map[string][]ifaceMethod{},
		carriers:   map[string][]types.Type{},
		msets:      map[types.Type]*types.MethodSet{},
		implements: map[carrierOf]bool{},
		byName:     map[string]bool{},
		methodsOf:  map[*types.TypeName][]*types.Func{},
		named:      map[string][]*types.Func{},
		mainFunc:   map[*types.Func]bool{},
		stop:       stop,
	}
	// Index the dependency functions that have bodies.
	for _, p := range pkgs {
		if !bodies[p] || whole(p) || p.TypesInfo == nil {
			continue
		}
		for _, f := range p.Syntax {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				fn, ok := p.TypesInfo.Defs[fd.Name].(*types.Func)
				if !ok {
					continue
				}
				ra.decl[fn], ra.info[fn] = fd, p.TypesInfo
				if isMain(p) {
					ra.mainFunc[fn] = true
				}
				if recv := fn.Signature().Recv(); recv != nil {
					if tn := receiverTypeName(recv.Type()); tn != nil {
						ra.methodsOf[tn] = append(ra.methodsOf[tn], fn)
						ra.named[fn.Name()] = append(ra.named[fn.Name()], fn)
					}
				}
			}
		}
	}
	// Values of these types can come from code that is never analysed.
	for _, p := range pkgs {
		if !bodies[p] && p.Types != nil {
			scope := p.Types.Scope()
			for _, name := range scope.Names() {
				if obj := scope.Lookup(name); obj.Exported() {
					ra.markType(obj.Type())
				}
			}
		}
	}
	// The roots: the module's code, and the dependencies' package-level
	// initializers (the module's init runs theirs).
	for _, p := range pkgs {
		if !bodies[p] || p.TypesInfo == nil {
			continue
		}
		if whole(p) {
			for _, f := range p.Syntax {
				ra.walk(f, p.TypesInfo)
			}
			continue
		}
		for _, init := range p.TypesInfo.InitOrder {
			ra.walk(init.Rhs, p.TypesInfo)
		}
		// Its init functions too, in a module's scan: they set up the
		// package's own singletons (viper's global instance, whose file
		// system is only ever made there), whose interface fields later
		// calls go through.
		if roots != nil {
			continue
		}
		for _, f := range p.Syntax {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "init" && fd.Body != nil {
					if fn, ok := p.TypesInfo.Defs[fd.Name].(*types.Func); ok {
						ra.reach(fn)
					}
				}
			}
		}
	}
	if invoked != nil {
		ra.invokedByOpaque(pkgs, invoked)
	}
	for _, p := range pkgs {
		if roots != nil && isMain(p) && p.Types != nil {
			for _, sym := range roots[p.PkgPath] {
				ra.root(p.Types, sym)
			}
		}
	}
	for len(ra.queue) > 0 {
		fn := ra.queue[len(ra.queue)-1]
		ra.queue = ra.queue[:len(ra.queue)-1]
		if fd := ra.decl[fn]; fd != nil {
			ra.markType(fn.Type())
			ra.walk(fd, ra.info[fn])
		}
	}
	for fn, fd := range ra.decl {
		if ra.reached[fn] || Generic(fd) {
			// A generic function keeps its body: SSA builds only the
			// instances that reachable code makes.
			kept++
			continue
		}
		gone[ra.info[fn]] = append(gone[ra.info[fn]], span{fd.Body.Lbrace, fd.Body.Rbrace})
		if fn.Signature().Recv() == nil && fn.Name() == "init" {
			// Never reached by a call, but init must keep a body to
			// stay valid: an empty one.
			fd.Body = &ast.BlockStmt{Lbrace: fd.Body.Lbrace, Rbrace: fd.Body.Rbrace}
		} else {
			fd.Body = nil
		}
		dropped++
	}
	return kept, dropped
}

// forgetAll forgets, from each type information, what it records of the
// syntax within the spans of dropped code (see forget).
func forgetAll(gone map[*types.Info][]span) {
	for info, spans := range gone {
		forget(info, spans)
	}
}

// span is the extent of a dropped body.
type span struct{ from, to token.Pos }

// forget removes from info what it records of the syntax within spans, so
// that it, and the dropped bodies' syntax it refers to, can be collected
// before SSA is built. A Go map does not shrink when entries are deleted:
// the maps are built anew with what is kept.
func forget(info *types.Info, spans []span) {
	sort.Slice(spans, func(i, j int) bool { return spans[i].from < spans[j].from })
	within := func(p token.Pos) bool {
		i := sort.Search(len(spans), func(i int) bool { return spans[i].to >= p })
		return i < len(spans) && spans[i].from <= p
	}
	info.Types = keep(info.Types, func(e ast.Expr) bool { return !within(e.Pos()) })
	info.Defs = keep(info.Defs, func(id *ast.Ident) bool { return !within(id.Pos()) })
	info.Uses = keep(info.Uses, func(id *ast.Ident) bool { return !within(id.Pos()) })
	info.Implicits = keep(info.Implicits, func(n ast.Node) bool { return !within(n.Pos()) })
	info.Instances = keep(info.Instances, func(id *ast.Ident) bool { return !within(id.Pos()) })
	info.Selections = keep(info.Selections, func(e *ast.SelectorExpr) bool { return !within(e.Pos()) })
}

// Retain keeps, of what info records of the syntax, only what lies within
// spans (each from its first to its last position): SSA, once a package is
// built, still reads the information of its generic functions' bodies, and
// nothing else of it (see ssabuild). Types, Defs, Uses, Implicits,
// Instances and Selections are made anew; the rest is left as it is.
func Retain(info *types.Info, spans [][2]token.Pos) {
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	within := func(p token.Pos) bool {
		i := sort.Search(len(spans), func(i int) bool { return spans[i][1] >= p })
		return i < len(spans) && spans[i][0] <= p
	}
	info.Types = keep(info.Types, func(e ast.Expr) bool { return within(e.Pos()) })
	info.Defs = keep(info.Defs, func(id *ast.Ident) bool { return within(id.Pos()) })
	info.Uses = keep(info.Uses, func(id *ast.Ident) bool { return within(id.Pos()) })
	info.Implicits = keep(info.Implicits, func(n ast.Node) bool { return within(n.Pos()) })
	info.Instances = keep(info.Instances, func(id *ast.Ident) bool { return within(id.Pos()) })
	info.Selections = keep(info.Selections, func(e *ast.SelectorExpr) bool { return within(e.Pos()) })
}

// keep returns a new map with the entries of m whose key ok accepts. It is
// sized for them first: a map grown entry by entry ends up to half empty,
// and the largest of these maps (Types: 0.56 GB on weknora) is alive until
// SSA is built.
func keep[K comparable, V any](m map[K]V, ok func(K) bool) map[K]V {
	n := 0
	for k := range m {
		if ok(k) {
			n++
		}
	}
	out := make(map[K]V, n)
	for k, v := range m {
		if ok(k) {
			out[k] = v
		}
	}
	return out
}

// byFunc turns a test of functions by symbol (types.Func.FullName's
// spelling, as the catalog and the syntax-level pruning name them) into
// one of typed functions; nil stays nil.
func byFunc(stop func(string) bool) func(*types.Func) bool {
	if stop == nil {
		return nil
	}
	return func(fn *types.Func) bool { return stop(fn.FullName()) }
}

// rta is the state of the reachability fixpoint.
type rta struct {
	decl map[*types.Func]*ast.FuncDecl
	info map[*types.Func]*types.Info
	// reached holds the functions found reachable; queue those whose
	// bodies are still to be walked.
	reached map[*types.Func]bool
	queue   []*types.Func
	// live holds the named types whose values can exist; seenType the
	// types already walked for them.
	live     map[*types.TypeName]bool
	seenType map[types.Type]bool
	// called holds the abstract methods called, by interface; ifaces
	// lists them by method name, and carriers the live types that have a
	// method of that name. byName holds the names called through an
	// interface whose implementations cannot be told (see callVia).
	called     map[ifaceMethod]bool
	ifaces     map[string][]ifaceMethod
	carriers   map[string][]types.Type
	msets      map[types.Type]*types.MethodSet // of *c, by carrier c
	implements map[carrierOf]bool
	byName     map[string]bool
	// methodsOf lists the dependency methods by receiver type, named by
	// method name.
	methodsOf map[*types.TypeName][]*types.Func
	named     map[string][]*types.Func
	// mainFunc holds the functions of main packages whose roots are
	// narrowed (checker.roots).
	mainFunc map[*types.Func]bool
	// stop, when not nil, names the functions whose bodies are never
	// entered.
	stop func(*types.Func) bool
}

// walk visits the syntax of reachable code.
func (ra *rta) walk(n ast.Node, info *types.Info) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch e := n.(type) {
		case *ast.Ident:
			switch obj := info.Uses[e].(type) {
			case *types.Func:
				ra.use(obj)
			case *types.TypeName:
				ra.markType(obj.Type())
			case *types.Var, *types.Const:
				ra.markType(obj.Type())
			}
		case *ast.SelectorExpr:
			if sel := info.Selections[e]; sel != nil {
				if fn, ok := sel.Obj().(*types.Func); ok {
					ra.use(fn)
				} else {
					ra.markType(sel.Type())
				}
			}
		case ast.Expr:
			if tv, ok := info.Types[e]; ok && tv.Type != nil {
				ra.markType(tv.Type)
			}
		}
		return true
	})
}

// root reaches the function that sym spells in package pkg (see
// pruner.root): for a method of an interface, its implementations among
// the main packages' types, whose values are live.
func (ra *rta) root(pkg *types.Package, sym string) {
	recv, name := splitSymbol(sym)
	local := func(q string) types.Object {
		q = strings.TrimPrefix(q, pkg.Path()+".")
		if i := strings.IndexByte(q, '$'); i >= 0 {
			q = q[:i] // a closure runs within its function
		}
		return pkg.Scope().Lookup(q)
	}
	if recv == "" {
		if fn, ok := local(name).(*types.Func); ok {
			ra.use(fn)
		}
		return
	}
	tn, ok := local(recv).(*types.TypeName)
	if !ok {
		return
	}
	ra.markType(tn.Type())
	if i := strings.IndexByte(name, '$'); i >= 0 {
		name = name[:i]
	}
	iface := types.IsInterface(tn.Type())
	t := tn.Type()
	if !iface {
		t = types.NewPointer(t) // its method set holds T's
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, name)
	fn, ok := obj.(*types.Func)
	if !ok {
		return
	}
	ra.use(fn)
	if !iface {
		return
	}
	for _, m := range ra.named[name] {
		if ra.mainFunc[m] {
			ra.markType(m.Signature().Recv().Type())
			ra.reach(m)
		}
	}
}

// use records a use of fn: a call or a function value.
func (ra *rta) use(fn *types.Func) {
	fn = fn.Origin()
	sig := fn.Signature()
	if recv := sig.Recv(); recv != nil && types.IsInterface(recv.Type()) {
		// An abstract method: it reaches the method of that name of each
		// live type that implements the interface (but when the call
		// itself is one the analysis does not enter).
		if !ra.stops(fn) {
			ra.callVia(fn, recv.Type())
		}
		ra.markType(sig)
		return
	}
	ra.reach(fn)
}

// invokedByOpaque records the calls that opaque code makes through the
// interfaces of pkgs that invoked names methods of: an SDK runs the tools
// it is handed, whatever package declares their types.
func (ra *rta) invokedByOpaque(pkgs []*packages.Package, invoked func(*types.TypeName) []string) {
	seen := map[*types.Package]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Types == nil || seen[p.Types] {
			return
		}
		seen[p.Types] = true
		scope := p.Types.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok {
				continue
			}
			iface, ok := tn.Type().Underlying().(*types.Interface)
			if !ok {
				continue
			}
			for _, m := range invoked(tn) {
				for i := 0; i < iface.NumMethods(); i++ {
					if fn := iface.Method(i); fn.Name() == m {
						ra.callVia(fn, tn.Type())
					}
				}
			}
		}
	})
}

// callVia records a call of the abstract method fn of the interface type
// recv, and reaches its implementations among the live types. A generic
// interface, or a constraint, is not one whose implementations
// types.Implements can tell: a call through it reaches every method of
// that name of the live types, as a name alone would.
func (ra *rta) callVia(fn *types.Func, recv types.Type) {
	name := fn.Name()
	iface, _ := recv.Underlying().(*types.Interface)
	if iface == nil || !iface.IsMethodSet() || generic(recv) {
		if ra.byName[name] {
			return
		}
		ra.byName[name] = true
		for _, m := range ra.named[name] {
			if ra.live[receiverTypeName(m.Signature().Recv().Type())] {
				ra.reach(m)
			}
		}
		return
	}
	im := ifaceMethod{iface, fn}
	if ra.called[im] {
		return
	}
	ra.called[im] = true
	ra.ifaces[name] = append(ra.ifaces[name], im)
	for _, c := range ra.carriers[name] {
		ra.dispatch(c, im)
	}
	// The package that declares the interface makes the values its own
	// calls go through (a generated client's internalClient, made by a
	// constructor the scan may not reach: the application's main made the
	// client): its own types that implement the interface are live, as
	// the call graph's fallback takes them (summary.newGraph).
	for _, m := range ra.named[name] {
		tn := receiverTypeName(m.Signature().Recv().Type())
		if tn == nil || ra.live[tn] || tn.Pkg() != fn.Pkg() || generic(tn.Type()) {
			continue
		}
		if types.Implements(types.NewPointer(tn.Type()), iface) {
			ra.markType(tn.Type())
		}
	}
	for _, m := range ra.named[name] {
		if tn := receiverTypeName(m.Signature().Recv().Type()); ra.live[tn] && generic(tn.Type()) {
			ra.reach(m)
		}
	}
}

// dispatch reaches the method that a call of im runs on a value of the
// live type c, when c (or *c) implements im's interface: its own, or one
// promoted from a type it embeds.
func (ra *rta) dispatch(c types.Type, im ifaceMethod) {
	key := carrierOf{c, im.iface}
	impl, ok := ra.implements[key]
	if !ok {
		impl = types.Implements(types.NewPointer(c), im.iface)
		ra.implements[key] = impl
	}
	if !impl {
		return
	}
	if sel := ra.msets[c].Lookup(im.fn.Pkg(), im.fn.Name()); sel != nil {
		if m, ok := sel.Obj().(*types.Func); ok {
			ra.use(m)
		}
	}
}

// carrierOf asks whether a carrier implements an interface.
type carrierOf struct {
	c     types.Type
	iface *types.Interface
}

// ifaceMethod is an abstract method called through an interface.
type ifaceMethod struct {
	iface *types.Interface
	fn    *types.Func
}

// carry records a live type whose values an interface can hold, c or *c (a
// named type, or a struct type that embeds others), under the names of its
// methods, and reaches those that the calls through interfaces so far run
// on it.
func (ra *rta) carry(c types.Type) {
	ms := types.NewMethodSet(types.NewPointer(c))
	ra.msets[c] = ms
	for i := 0; i < ms.Len(); i++ {
		name := ms.At(i).Obj().Name()
		ra.carriers[name] = append(ra.carriers[name], c)
		for _, im := range ra.ifaces[name] {
			ra.dispatch(c, im)
		}
	}
}

// generic reports whether t is a generic named type or an instance of one.
func generic(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && (n.TypeParams().Len() > 0 || n.TypeArgs().Len() > 0)
}

func (ra *rta) reach(fn *types.Func) {
	if !ra.reached[fn] && !ra.stops(fn) {
		ra.reached[fn] = true
		ra.queue = append(ra.queue, fn)
	}
}

// stops reports whether the analysis never enters fn's body, nor, for an
// abstract method, its implementations'.
func (ra *rta) stops(fn *types.Func) bool {
	return ra.stop != nil && ra.stop(fn)
}

// markType records that values of t, and of the types within it, can
// exist.
func (ra *rta) markType(t types.Type) {
	if t == nil || ra.seenType[t] {
		return
	}
	ra.seenType[t] = true
	switch t := t.(type) {
	case *types.Alias:
		ra.markType(types.Unalias(t))
	case *types.Named:
		tn := t.Origin().Obj()
		if !ra.live[tn] {
			ra.live[tn] = true
			switch {
			case generic(tn.Type()):
				for _, m := range ra.methodsOf[tn] {
					if ra.byName[m.Name()] || len(ra.ifaces[m.Name()]) > 0 {
						ra.reach(m)
					}
				}
			default:
				for _, m := range ra.methodsOf[tn] {
					if ra.byName[m.Name()] {
						ra.reach(m)
					}
				}
				if !types.IsInterface(t) {
					ra.carry(t)
				}
			}
		}
		if args := t.TypeArgs(); args != nil {
			for i := 0; i < args.Len(); i++ {
				ra.markType(args.At(i))
			}
		}
		ra.markType(t.Underlying())
	case *types.Pointer:
		ra.markType(t.Elem())
	case *types.Slice:
		ra.markType(t.Elem())
	case *types.Array:
		ra.markType(t.Elem())
	case *types.Chan:
		ra.markType(t.Elem())
	case *types.Map:
		ra.markType(t.Key())
		ra.markType(t.Elem())
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			ra.markType(t.Field(i).Type())
		}
		for i := 0; i < t.NumFields(); i++ {
			if t.Field(i).Embedded() {
				ra.carry(t) // its values have the methods it embeds
				break
			}
		}
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			ra.markType(t.At(i).Type())
		}
	case *types.Signature:
		ra.markType(t.Params())
		ra.markType(t.Results())
	case *types.Interface:
		for i := 0; i < t.NumMethods(); i++ {
			ra.markType(t.Method(i).Type())
		}
	}
}

// receiverTypeName is the declared type of a method's receiver.
func receiverTypeName(t types.Type) *types.TypeName {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Origin().Obj()
	}
	return nil
}
