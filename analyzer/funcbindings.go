package analyzer

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
)

// funcBindings answers, within one tool's search, what a call of a function
// value that the calling function received (a parameter) or captured (a
// free variable) can call: the functions that this tool's own calls bind
// there, rather than every function the whole program ever binds there.
//
// The call graph is context-insensitive. A helper that runs a callback,
// such as
//
//	func (e *engines) each(ctx context.Context, fn func(context.Context, *engine) error) error {
//		for _, en := range e.list { go func() { fn(ctx, en) }() }
//	}
//
// calls, in the graph, every closure any caller hands it: a search tool
// that calls e.each with a query closure would reach the delete closure of
// another caller, and get its capability. Here a parameter's value comes
// from the arguments of the calls this search has reached, and a closure's
// free variable from the MakeClosure in its parent: when every binding is
// evident (a function, a closure, or another such parameter or free
// variable), the call goes to those functions only. A binding that is not
// evident (a field, a map, a call's result), a function entered without a
// known call (the handler, a wrapper, a callback run by opaque code) and a
// closure whose parent this search did not reach leave the call graph's
// answer in place.
//
// The same holds for a method called on an interface value the function
// was handed: a helper that closes what it is given,
//
//	func CheckClose(c io.Closer, err *error) { if cerr := c.Close(); ... }
//
// calls, in the graph, the Close of every type any caller hands it (a
// library's object writer that renames files into place); here, the Close
// of the types this tool's calls hand it (the *os.File a read opened).
// A value whose type is evident is one made an interface at the call
// (MakeInterface), or another such parameter or free variable.
//
// A value whose type is not evident still has the static type of what was
// handed over: CheckClose(f, &err) with f a billy.File that an interface
// call returned closes a billy.File, whatever its dynamic type, and never
// the object writer another caller hands the helper. Such a binding keeps
// the call graph's callees whose receivers implement that interface.
//
// Bindings only grow, and a call waiting on a binding is told of each
// function added later, so the result does not depend on the order in
// which the search meets the calls.
type funcBindings struct {
	sets map[ssa.Value]*boundFuncs
	// enter is called for each function a waiting call can newly call;
	// graph is called for a waiting call whose binding turned out not
	// evident, with the call graph's callees to keep (nil: all).
	enter func(w waiter, fn *ssa.Function)
	graph func(w waiter, keep func(*ssa.Function) bool)
}

// boundFuncs is what one parameter or free variable is bound to: the
// functions a value of function type can be, the dynamic types a value
// of interface type can have.
type boundFuncs struct {
	funcs []*ssa.Function
	has   map[*ssa.Function]bool
	types []types.Type
	// hasType holds types by their string: a type of the program
	// has one.
	hasType map[string]bool
	// bounds are the static interface types of values bound here whose
	// dynamic types are not evident: the call graph answers with the
	// methods of types that implement one of them.
	bounds   []types.Type
	hasBound map[string]bool
	// iface says the bound value is of interface type: only such a
	// value can be narrowed by bounds (a method's receiver of function
	// type handed an interface value cannot).
	iface bool
	// unknown: some binding is not evident; the call graph answers.
	unknown bool
	// into lists the parameters and free variables this one is passed to.
	into    []*boundFuncs
	waiting []waiter
}

// waiter is a call through a bound value, in a step of the search.
type waiter struct {
	at   *step
	site ssa.CallInstruction
}

func newFuncBindings(enter func(waiter, *ssa.Function), graph func(waiter, func(*ssa.Function) bool)) *funcBindings {
	return &funcBindings{sets: map[ssa.Value]*boundFuncs{}, enter: enter, graph: graph}
}

func (b *funcBindings) set(v ssa.Value) *boundFuncs {
	s := b.sets[v]
	if s == nil {
		s = &boundFuncs{has: map[*ssa.Function]bool{}, hasType: map[string]bool{}, hasBound: map[string]bool{},
			iface: types.IsInterface(v.Type())}
		b.sets[v] = s
	}
	return s
}

// boundValue returns what a call site of fn calls when that is a value fn
// was handed: a parameter or free variable of function type, or the
// content of a variable of function type that fn or its parent declares
// (go/ssa captures a closure's variables by address, and spills a
// parameter that a closure captures).
func boundValue(site ssa.CallInstruction) ssa.Value {
	c := site.Common()
	if c.IsInvoke() {
		// A method of an interface value fn was handed.
		switch x := c.Value.(type) {
		case *ssa.Parameter:
			if x.Parent() == site.Parent() {
				return x
			}
		case *ssa.FreeVar:
			if x.Parent() == site.Parent() {
				return x
			}
		}
		return nil
	}
	if c.StaticCallee() != nil {
		return nil
	}
	v := c.Value
	for {
		ct, ok := v.(*ssa.ChangeType)
		if !ok {
			break
		}
		v = ct.X
	}
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		switch x := load.X.(type) {
		case *ssa.FreeVar:
			if x.Parent() == site.Parent() {
				return x
			}
		case *ssa.Alloc:
			if x.Parent() == site.Parent() {
				return x
			}
		}
		return nil
	}
	switch x := v.(type) {
	case *ssa.Parameter:
		if x.Parent() == site.Parent() && isFuncTyped(x) {
			return x
		}
	case *ssa.FreeVar:
		if x.Parent() == site.Parent() && isFuncTyped(x) {
			return x
		}
	}
	return nil
}

// call answers a call through a bound value: the functions it can call so
// far, or ok=false when the call graph must answer. The call is told of
// what is bound later.
func (b *funcBindings) call(v ssa.Value, w waiter) (fns []*ssa.Function, ok bool) {
	s, fresh := b.sets[v], false
	if s == nil {
		s, fresh = b.set(v), true
	}
	if alloc, isAlloc := v.(*ssa.Alloc); isAlloc && fresh {
		b.flowContents(alloc, s)
	}
	if s.unknown {
		return nil, false
	}
	s.waiting = append(s.waiting, w)
	if w.site.Common().IsInvoke() {
		for _, t := range s.types {
			if m := methodOf(w.site, t); m != nil {
				fns = append(fns, m)
			}
		}
		for _, t := range s.bounds {
			b.graph(w, implementing(t))
		}
		return fns, true
	}
	return s.funcs, true
}

// implementing keeps the methods whose receiver (or a pointer to it)
// implements interface t.
func implementing(t types.Type) func(*ssa.Function) bool {
	it, _ := t.Underlying().(*types.Interface)
	return func(fn *ssa.Function) bool {
		recv := fn.Signature.Recv()
		if recv == nil || it == nil {
			return true
		}
		r := recv.Type()
		if types.Implements(r, it) {
			return true
		}
		if _, isPtr := r.(*types.Pointer); !isPtr {
			return types.Implements(types.NewPointer(r), it)
		}
		return false
	}
}

// methodOf returns the method an interface call site calls on a value of
// dynamic type t, or nil.
func methodOf(site ssa.CallInstruction, t types.Type) *ssa.Function {
	c := site.Common()
	prog := site.Parent().Prog
	sel := prog.MethodSets.MethodSet(t).Lookup(c.Method.Pkg(), c.Method.Name())
	if sel == nil {
		return nil
	}
	return prog.MethodValue(sel)
}

// unknownParams marks fn's parameters of function type as not evident: fn
// is entered without a call whose arguments the search knows.
func (b *funcBindings) unknownParams(fn *ssa.Function) {
	for _, p := range fn.Params {
		if isBindable(p) {
			b.markUnknown(b.set(p))
		}
	}
}

// bindCall binds fn's parameters of function type to a call's arguments.
func (b *funcBindings) bindCall(site ssa.CallInstruction, fn *ssa.Function) {
	if !slices.ContainsFunc(fn.Params, func(p *ssa.Parameter) bool { return isBindable(p) }) {
		return
	}
	c := site.Common()
	args := c.Args
	if c.IsInvoke() {
		args = append([]ssa.Value{c.Value}, c.Args...)
	}
	if len(args) != len(fn.Params) {
		b.unknownParams(fn)
		return
	}
	for i, p := range fn.Params {
		if isBindable(p) {
			b.flow(args[i], b.set(p), map[ssa.Value]bool{})
		}
	}
}

// bindClosure binds a closure's free variables of function type to the
// values its parent captured, when the search has reached the parent (the
// closure's only maker).
func (b *funcBindings) bindClosure(fn *ssa.Function, parentReached bool) {
	var mc *ssa.MakeClosure
	for i, fv := range fn.FreeVars {
		byValue, byAddress := isBindable(fv), isFuncPointer(fv)
		if !byValue && !byAddress {
			continue
		}
		s := b.set(fv)
		if mc == nil && parentReached {
			mc = closureMaker(fn)
		}
		switch {
		case mc == nil:
			b.markUnknown(s)
		case byValue:
			b.flow(mc.Bindings[i], s, map[ssa.Value]bool{})
		default:
			b.flowContents(mc.Bindings[i], s)
		}
	}
}

// flowContents adds to a binding what a variable of function type holds:
// every value stored into it, when it is a variable whose address goes
// only to loads, stores and closures that only load it (otherwise code
// the search does not see may store into it).
func (b *funcBindings) flowContents(addr ssa.Value, dst *boundFuncs) {
	switch x := addr.(type) {
	case *ssa.FreeVar:
		b.flow(x, dst, map[ssa.Value]bool{})
		return
	case *ssa.Alloc:
		var stored []ssa.Value
		for _, r := range *x.Referrers() {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Addr != x {
					b.markUnknown(dst)
					return
				}
				stored = append(stored, r.Val)
			case *ssa.UnOp, *ssa.DebugRef:
			case *ssa.MakeClosure:
				if !onlyLoaded(r, x) {
					b.markUnknown(dst)
					return
				}
			default:
				b.markUnknown(dst)
				return
			}
		}
		for _, v := range stored {
			b.flow(v, dst, map[ssa.Value]bool{})
		}
		return
	}
	b.markUnknown(dst)
}

// onlyLoaded reports whether the closure that mc makes only loads the
// variable addr that it captures, and captures it nowhere else.
func onlyLoaded(mc *ssa.MakeClosure, addr ssa.Value) bool {
	fn := mc.Fn.(*ssa.Function)
	for i, v := range mc.Bindings {
		if v != addr {
			continue
		}
		for _, r := range *fn.FreeVars[i].Referrers() {
			switch r := r.(type) {
			case *ssa.UnOp, *ssa.DebugRef:
			case *ssa.MakeClosure:
				if !onlyLoaded(r, fn.FreeVars[i]) {
					return false
				}
			default:
				return false
			}
		}
	}
	return true
}

// closureMaker is the MakeClosure of an anonymous function in its parent,
// or nil when there is not exactly one.
func closureMaker(fn *ssa.Function) *ssa.MakeClosure {
	if mcs := symbol.ClosureMakers(fn); len(mcs) == 1 {
		return mcs[0]
	}
	return nil
}

// flow adds what a value denotes to a binding: a function it evidently is,
// or every binding of the parameter or free variable it is.
func (b *funcBindings) flow(v ssa.Value, dst *boundFuncs, seen map[ssa.Value]bool) {
	if seen[v] {
		return
	}
	seen[v] = true
	if f := funcValue(v); f != nil {
		b.add(dst, f)
		return
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		b.addType(dst, x.X.Type())
	case *ssa.ChangeInterface:
		b.flow(x.X, dst, seen)
	case *ssa.ChangeType:
		b.flow(x.X, dst, seen)
	case *ssa.Parameter, *ssa.FreeVar:
		src := b.set(x)
		src.into = append(src.into, dst)
		if src.unknown {
			b.markUnknown(dst)
			return
		}
		for _, f := range src.funcs {
			b.add(dst, f)
		}
		for _, t := range src.types {
			b.addType(dst, t)
		}
		for _, t := range src.bounds {
			b.addBound(dst, t)
		}
	case *ssa.Phi:
		for _, e := range x.Edges {
			b.flow(e, dst, seen)
		}
	case *ssa.Const:
		// nil: calls nothing
	case *ssa.Call:
		if !b.flowReturns(x.Call.StaticCallee(), 0, dst, seen) {
			b.otherwise(v, dst)
		}
	case *ssa.Extract:
		call, ok := x.Tuple.(*ssa.Call)
		if !ok || !b.flowReturns(call.Call.StaticCallee(), x.Index, dst, seen) {
			b.otherwise(v, dst)
		}
	default:
		b.otherwise(v, dst)
	}
}

// flowReturns adds what a static callee returns as result i, when it has
// a body: a factory's returned closure or adapter (return
// RunnerFunc(func(...) {...})) is what its call gives.
func (b *funcBindings) flowReturns(callee *ssa.Function, i int, dst *boundFuncs, seen map[ssa.Value]bool) bool {
	if callee == nil || len(callee.Blocks) == 0 {
		return false
	}
	found := false
	for _, r := range returnsOf(callee) {
		if i < len(r.Results) {
			found = true
			b.flow(symbol.Returned(r, i), dst, seen)
		}
	}
	return found
}

// otherwise binds a value whose dynamic type or function is not evident:
// an interface value bounds an interface binding by its static type;
// anything else leaves the call graph's answer.
func (b *funcBindings) otherwise(v ssa.Value, dst *boundFuncs) {
	if dst.iface && types.IsInterface(v.Type()) {
		b.addBound(dst, v.Type())
		return
	}
	b.markUnknown(dst)
}

// addBound adds the static interface type of a value whose dynamic type
// is not evident: each call waiting on the binding can call the methods
// of the types that implement it.
func (b *funcBindings) addBound(s *boundFuncs, t types.Type) {
	if s.unknown || s.hasBound[t.String()] {
		return
	}
	s.hasBound[t.String()] = true
	s.bounds = append(s.bounds, t)
	for _, w := range s.waiting {
		b.graph(w, implementing(t))
	}
	for _, d := range s.into {
		b.addBound(d, t)
	}
}

func (b *funcBindings) add(s *boundFuncs, f *ssa.Function) {
	if s.unknown || s.has[f] {
		return
	}
	s.has[f] = true
	s.funcs = append(s.funcs, f)
	for _, w := range s.waiting {
		b.enter(w, f)
	}
	for _, d := range s.into {
		b.add(d, f)
	}
}

// addType adds a dynamic type to an interface value's binding: each call
// waiting on it can call that type's method.
func (b *funcBindings) addType(s *boundFuncs, t types.Type) {
	if s.unknown || s.hasType[t.String()] {
		return
	}
	s.hasType[t.String()] = true
	s.types = append(s.types, t)
	for _, w := range s.waiting {
		if m := methodOf(w.site, t); m != nil {
			b.enter(w, m)
		}
	}
	for _, d := range s.into {
		b.addType(d, t)
	}
}

func (b *funcBindings) markUnknown(s *boundFuncs) {
	if s.unknown {
		return
	}
	s.unknown = true
	s.funcs, s.has = nil, nil
	s.types, s.hasType = nil, nil
	s.bounds, s.hasBound = nil, nil
	waiting := s.waiting
	s.waiting = nil
	for _, w := range waiting {
		b.graph(w, nil)
	}
	for _, d := range s.into {
		b.markUnknown(d)
	}
}

func isFuncTyped(v ssa.Value) bool {
	_, ok := v.Type().Underlying().(*types.Signature)
	return ok
}

func isFuncPointer(v ssa.Value) bool {
	p, ok := v.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	_, ok = p.Elem().Underlying().(*types.Signature)
	return ok
}

// isBindable reports whether the search binds a value: one of function
// type, or of interface type (not a type parameter's).
func isBindable(v ssa.Value) bool {
	if isFuncTyped(v) {
		return true
	}
	if _, ok := v.Type().(*types.TypeParam); ok {
		return false
	}
	_, ok := v.Type().Underlying().(*types.Interface)
	return ok
}
