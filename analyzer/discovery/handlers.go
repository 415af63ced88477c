package discovery

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
)

// This file finds the handlers a registered value stands for, seeing
// through the application's wrappers: a function value that calls, with
// the request it receives, a function value it holds (in a closure, a
// struct field, a receiver) wraps that function value; the wrapped one, not
// the wrapper, is the tool's handler, and the wrapper is a layer of the
// tool.

// handlerFunc is the function a function value runs, and the context it
// runs in as a handler: its parameters come from the SDK, its free
// variables and receiver from the value.
func (e *engine) handlerFunc(n node) (*ssa.Function, *ctx) {
	if n.kind == kMethod {
		m, recv := e.methodNode(n)
		if m == nil {
			return nil, nil
		}
		return m, e.intern(ctxKey{fn: m, entry: true, recv: recv, hasRecv: true})
	}
	switch f := n.v.(type) {
	case *ssa.Function:
		fn := unwrapWrapper(f)
		return fn, e.intern(ctxKey{fn: fn, entry: true})
	case *ssa.MakeClosure:
		fn := f.Fn.(*ssa.Function)
		if symbol.IsBound(fn) && len(f.Bindings) > 0 {
			if m := unwrapWrapper(fn); m != fn {
				return m, e.intern(ctxKey{fn: m, entry: true, recv: node{v: f.Bindings[0], c: n.c}, hasRecv: true})
			}
		}
		return fn, e.intern(ctxKey{fn: fn, entry: true, clo: f, cloCtx: n.c})
	}
	return nil, nil
}

// wraps reports whether the function value at id wraps other function
// values, and adds an eWrap edge to each call of one.
func (g *graph) wraps(id int32) bool {
	if w, ok := g.wrapped[id]; ok {
		return w
	}
	g.wrapped[id] = false
	fn, c := g.e.handlerFunc(g.nodes[id])
	if fn == nil || len(fn.Blocks) == 0 || g.e.skip(fn) {
		return false
	}
	g.e.ix.ensure(fn)
	found := false
	var held []ssa.CallInstruction    // calls of held function values handed the request
	var invoked []ssa.CallInstruction // calls of methods of held values handed the request
	for _, site := range symbol.CallSites(fn) {
		cc := site.Common()
		if checksOnly(cc.Signature()) && !answersInto(fn, site, c.hasRecv) {
			continue
		}
		callee := cc.Value
		switch {
		case reflectCall(cc):
			callee = cc.Args[0]
		case cc.IsInvoke():
			if heldValueCall(fn, c, site) {
				invoked = append(invoked, site)
			}
			continue
		case cc.StaticCallee() != nil:
			if g.wrapsThrough(id, fn, c, site) || g.handsValueOver(id, fn, c, site) {
				found = true
			}
			continue
		}
		if _, ok := callee.(*ssa.Builtin); ok {
			continue
		}
		if routed(callee, fn, c.hasRecv, 0) && handsOver(fn, site, c.hasRecv) {
			g.routes[id] = append(g.routes[id], site)
			continue
		}
		if !captured(callee, fn, c.hasRecv, 0) || !handsOver(fn, site, c.hasRecv) {
			continue
		}
		if c.hasRecv && fromReceiver(callee, fn) && !handsOverCall(fn, site, c.hasRecv) {
			// A function in a field of the handler's receiver that is
			// handed a piece of the request (k.readFn(ctx, path)) is a
			// service the method uses, as a method of a held value is:
			// an adapter's field is handed the request whole.
			continue
		}
		if dependencyField(fn, callee) && !givesBack(fn, site, c.hasRecv) {
			// A function of a bag of dependencies that a factory's
			// closure holds (deps.now(), deps.resolve(cfg, args.Name),
			// deps.detect(ctx, args) for a yes or no): a service the
			// handler uses, unless it is handed the request whole and
			// its answer is what the handler gives back.
			continue
		}
		held = append(held, site)
	}
	producers := append(slices.Concat(held, invoked), g.routes[id]...)
	for _, site := range invoked {
		// A hook run on what the next layer returned (a middleware's
		// After, handed the handler's result and error) is no layer.
		if !postProcesses(fn, site, producers) && g.runsValue(id, c, site) {
			found = true
		}
	}
	for _, site := range held {
		if postProcesses(fn, site, producers) {
			continue
		}
		callee := site.Common().Value
		if reflectCall(site.Common()) {
			callee = site.Common().Args[0]
		}
		if g.wrapCall(id, node{v: callee, c: c}, site) {
			found = true
		} else if g.e.sdkHeld(callee, false, 0, map[ssa.Value]bool{}) {
			// A wrapper of handlers the SDK holds (read back with
			// its ListTools() and registered again around them):
			// they are the tools, registered where they were made,
			// and the wrapper is none.
			found = true
			g.rewraps = true
		}
	}
	g.wrapped[id] = found
	return found
}

// dependencyField reports whether v, the function a call in fn runs, is
// read from a field of a struct whose function fields fn calls two or more
// of: a factory's dependencies (a clock, a resolver, a query runner) that
// its closure is built with, rather than a tool's descriptor, which pairs
// its definition with one handler.
func dependencyField(fn *ssa.Function, v ssa.Value) bool {
	st, _ := fieldRead(v)
	if st == nil {
		return false
	}
	called := map[int]bool{}
	for _, site := range symbol.CallSites(fn) {
		if t, i := fieldRead(site.Common().Value); t == st {
			called[i] = true
		}
	}
	return len(called) >= 2
}

// fieldRead returns the struct type and field index that v is loaded from
// (x.f or (*p).f), or nil.
func fieldRead(v ssa.Value) (*types.Struct, int) {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		if fa, ok := u.X.(*ssa.FieldAddr); ok {
			return structOf(fa.X.Type()), fa.Field
		}
	}
	if f, ok := v.(*ssa.Field); ok {
		return structOf(f.X.Type()), f.Field
	}
	return nil, 0
}

// givesBack reports whether fn hands the call at site its request whole
// and returns what the call answers, beyond an error: the next layer of a
// tool, whose result is the tool's.
func givesBack(fn *ssa.Function, site ssa.CallInstruction, recv bool) bool {
	call, ok := site.(*ssa.Call)
	if !ok {
		return false
	}
	isRequest := requestParam(fn, recv)
	whole := false
	for _, a := range call.Call.Args {
		whole = whole || wholeRequest(a, fn, isRequest)
	}
	if !whole {
		return false
	}
	return returnsDerived(fn, func(x ssa.Value) bool {
		if x == ssa.Value(call) {
			_, tuple := call.Type().(*types.Tuple)
			return !tuple && !types.Identical(call.Type(), errorType)
		}
		e, ok := x.(*ssa.Extract)
		return ok && e.Tuple == ssa.Value(call) && !types.Identical(e.Type(), errorType)
	})
}

// routed reports whether v, the function a call in fn runs, is picked from
// a map fn holds by a key in the request (`route, ok := routes[in.Action];
// route.Handler(ctx, in.Params)`): fn is one tool that routes each call to
// one of its actions, not a wrapper of each. Its registration names it; the
// functions the map holds, for this function value, are its routes.
func routed(v ssa.Value, fn *ssa.Function, recv bool, depth int) bool {
	if depth > 8 {
		return false
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		return x.Op == token.MUL && routed(x.X, fn, recv, depth+1)
	case *ssa.FieldAddr:
		return routed(x.X, fn, recv, depth+1)
	case *ssa.Field:
		return routed(x.X, fn, recv, depth+1)
	case *ssa.ChangeType:
		return routed(x.X, fn, recv, depth+1)
	case *ssa.Alloc:
		// The variable the entry is kept in.
		stored := storedInto(x)
		return len(stored) > 0 && !slices.ContainsFunc(stored, func(s ssa.Value) bool { return !routed(s, fn, recv, depth+1) })
	case *ssa.Extract:
		return routed(x.Tuple, fn, recv, depth+1)
	case *ssa.Lookup:
		return captured(x.X, fn, recv, depth+1) && derives(x.Index, fn, requestParam(fn, recv))
	}
	return false
}

// routeLayer is the layer of a routing tool (routed) that says which
// functions its calls of a route run for the function value at id: those
// the map it was made with holds.
func (g *graph) routeLayer(id int32) (Layer, bool) {
	sites := g.routes[id]
	if len(sites) == 0 {
		return Layer{}, false
	}
	fn, c := g.e.handlerFunc(g.nodes[id])
	if fn == nil {
		return Layer{}, false
	}
	l := Layer{Fn: fn, Next: map[ssa.CallInstruction][]*ssa.Function{}}
	for _, site := range sites {
		to := g.add(id, node{v: site.Common().Value, c: c}, eWrap, -1, -1)
		if to < 0 {
			continue
		}
		g.visit(to)
		for _, leaf := range g.funcLeaves(to) {
			if f, _ := g.e.handlerFunc(g.nodes[leaf]); f != nil && !slices.Contains(l.Next[site], f) {
				l.Next[site] = append(l.Next[site], f)
			}
		}
	}
	return l, len(l.Next) > 0
}

// sdkHeld reports whether v, a function value a wrapper calls, is read out
// of a collection or a struct that a call into an opaque package returned:
// a handler that the SDK holds and hands back (for name, st := range
// s.ListTools() { h := st.Handler; ... }). A function an opaque call
// returns itself (a library's wrapper around the application's handler)
// is not one: the tool is not known, and stays the wrapper.
func (e *engine) sdkHeld(v ssa.Value, read bool, depth int, seen map[ssa.Value]bool) bool {
	if depth > 12 || seen[v] {
		return false
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.FreeVar:
		i := freeVarIndex(x)
		for _, mc := range e.ix.closures[x.Parent()] {
			if i >= 0 && i < len(mc.Bindings) && e.sdkHeld(mc.Bindings[i], read, depth+1, seen) {
				return true
			}
		}
	case *ssa.UnOp:
		return x.Op == token.MUL && e.sdkHeld(x.X, read, depth+1, seen)
	case *ssa.Alloc:
		// A captured variable: what is stored in it.
		for _, st := range e.ix.storesTo(x) {
			if e.sdkHeld(st.Val, read, depth+1, seen) {
				return true
			}
		}
	case *ssa.FieldAddr:
		return e.sdkHeld(x.X, true, depth+1, seen)
	case *ssa.Field:
		return e.sdkHeld(x.X, true, depth+1, seen)
	case *ssa.IndexAddr:
		return e.sdkHeld(x.X, true, depth+1, seen)
	case *ssa.Index:
		return e.sdkHeld(x.X, true, depth+1, seen)
	case *ssa.Lookup:
		return e.sdkHeld(x.X, true, depth+1, seen)
	case *ssa.Extract:
		return e.sdkHeld(x.Tuple, read, depth+1, seen)
	case *ssa.Next:
		if r, ok := x.Iter.(*ssa.Range); ok {
			return e.sdkHeld(r.X, true, depth+1, seen)
		}
	case *ssa.Call:
		callee := x.Call.StaticCallee()
		return read && callee != nil && e.skip(callee)
	}
	return false
}

// fromReceiver reports whether v is read from a field of the method fn's
// receiver (k.readFn, k.deps.run).
func fromReceiver(v ssa.Value, fn *ssa.Function) bool {
	if len(fn.Params) == 0 {
		return false
	}
	for i := 0; i < 8; i++ {
		switch x := v.(type) {
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return false
			}
			v = x.X
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.Field:
			v = x.X
		default:
			return v == fn.Params[0]
		}
	}
	return false
}

// postProcesses reports whether the call at site is given what another of
// the held calls returned: a response guard or a result filter that the
// wrapper runs on what the next layer produced (`out := next(ctx, req);
// return guard(name, out)`). The request reaches it only through that
// layer, so it is not a layer of the tool: the function it runs is not a
// handler.
func postProcesses(fn *ssa.Function, site ssa.CallInstruction, held []ssa.CallInstruction) bool {
	isResult := func(x ssa.Value) bool {
		for _, h := range held {
			if h != site && x == h.Value() && x != nil {
				return true
			}
		}
		return false
	}
	for _, a := range site.Common().Args {
		if !symbol.IsContextLike(a.Type()) && derives(a, fn, isResult) {
			return true
		}
	}
	return false
}

// wrapCall adds an eWrap edge from the function value at id to the
// function value n that the call at site runs, and reports whether n
// leads to functions.
func (g *graph) wrapCall(id int32, n node, site ssa.CallInstruction) bool {
	to := g.add(id, n, eWrap, -1, -1)
	if to < 0 {
		return false
	}
	g.wrapSite[[2]int32{id, to}] = site
	g.visit(to)
	return len(g.funcLeaves(to)) > 0
}

// wrapsThrough reports whether the static call at site, in the function
// value at id, runs a function value that the callee looks up in a map it
// is handed from the function value (a registry's Call(ctx, name, args),
// handed the registry and the name the handler was made for, that looks
// the name up in its map of handlers and calls what it finds), and adds an
// eWrap edge to that function value in the callee, entered from this
// call: the registry's entry for this handler's name, not every entry.
func (g *graph) wrapsThrough(id int32, fn *ssa.Function, c *ctx, site ssa.CallInstruction) bool {
	callee := site.Common().StaticCallee()
	if callee == nil || len(callee.Blocks) == 0 || g.e.skip(callee) || !handsOver(fn, site, c.hasRecv) {
		return false
	}
	if !slices.ContainsFunc(site.Common().Args, func(a ssa.Value) bool {
		return !symbol.IsContextLike(a.Type()) && captured(a, fn, c.hasRecv, 0)
	}) {
		return false
	}
	// The function values the callee reads from a map it is handed (its
	// receiver's), under a key it is handed, and gives the request: not an
	// option applied to a value it builds. Found before the callee is
	// entered, which most static calls of a handler are not.
	isParam := requestParam(callee, false)
	var runs []ssa.CallInstruction
	for _, inner := range symbol.CallSites(callee) {
		ic := inner.Common()
		if ic.IsInvoke() || ic.StaticCallee() != nil || reflectCall(ic) || checksOnly(ic.Signature()) {
			continue
		}
		if mapEntry(ic.Value, isParam, map[ssa.Value]bool{}) && handsOver(callee, inner, false) {
			runs = append(runs, inner)
		}
	}
	return g.enterFor(c, site, runs, func(cc *ctx, inner ssa.CallInstruction) bool {
		return g.wrapCall(id, node{v: inner.Common().Value, c: cc}, inner)
	})
}

// enterFor enters the static callee of site from the function value's
// context c, and calls run in the callee's context for each of its calls
// in runs; it reports whether one of them reported true.
func (g *graph) enterFor(c *ctx, site ssa.CallInstruction, runs []ssa.CallInstruction, run func(cc *ctx, inner ssa.CallInstruction) bool) bool {
	if len(runs) == 0 {
		return false
	}
	callee := site.Common().StaticCallee()
	g.e.ix.ensure(callee)
	cc := g.e.enter(callee, site, c)
	if cc == nil {
		return false
	}
	found := false
	for _, inner := range runs {
		if run(cc, inner) {
			found = true
		}
	}
	return found
}

// mapEntry reports whether v is read from a map under a key, both
// computed from values that satisfy from (`h, ok := r.handlers[name]`).
func mapEntry(v ssa.Value, from func(ssa.Value) bool, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return false
	}
	seen[v] = true
	fn := v.Parent()
	switch x := v.(type) {
	case *ssa.Lookup:
		return fn != nil && derives(x.X, fn, from) && derives(x.Index, fn, from)
	case *ssa.Extract:
		return mapEntry(x.Tuple, from, seen)
	case *ssa.ChangeType:
		return mapEntry(x.X, from, seen)
	case *ssa.Phi:
		for _, e := range x.Edges {
			if mapEntry(e, from, seen) {
				return true
			}
		}
	}
	return false
}

// heldValueCall reports whether the interface call at site, in fn, runs a
// value fn holds, handing it the request whole (an adapter closure around a
// value of the application's own tool interface: `return func(ctx, req) {
// return r.Run(ctx, req.GetArguments()) }`). runsValue then adds an eWrap
// edge to the value, from which each concrete value it can be at this
// construction site leads to its method: the tool's handler. Two tools
// made by one adapter around two runners keep their own runner's method.
func heldValueCall(fn *ssa.Function, c *ctx, site ssa.CallInstruction) bool {
	return captured(site.Common().Value, fn, c.hasRecv, 0) && handsOverCall(fn, site, c.hasRecv)
}

// handsValueOver reports whether the static call at site, in the function
// value at id, hands a value the function value holds to a callee that runs
// it (`t := r.tools[req.Params.Name]; return s.run(ctx, req, t)`, where run
// calls t.Run with the request's arguments), and adds an eWrap edge to that
// value in the callee, entered from this call: as heldValueCall, one call
// further in.
func (g *graph) handsValueOver(id int32, fn *ssa.Function, c *ctx, site ssa.CallInstruction) bool {
	callee := site.Common().StaticCallee()
	if callee == nil || len(callee.Blocks) == 0 || g.e.skip(callee) || !handsOver(fn, site, c.hasRecv) {
		return false
	}
	// The callee's parameters that are handed the request whole: the held
	// value's call must be given one of them.
	args := callArgs(site.Common())
	outer := requestParam(fn, c.hasRecv)
	request := map[ssa.Value]bool{}
	for i, a := range args {
		if i < len(callee.Params) && wholeRequest(a, fn, outer) {
			request[callee.Params[i]] = true
		}
	}
	isRequest := func(x ssa.Value) bool { return request[x] }
	var runs []ssa.CallInstruction
	for _, inner := range symbol.CallSites(callee) {
		ic := inner.Common()
		p, ok := stripChange(ic.Value).(*ssa.Parameter)
		if len(request) == 0 || !ic.IsInvoke() || !ok || p.Parent() != callee {
			continue
		}
		i := paramIndex(p)
		if i < 0 || i >= len(args) || !captured(args[i], fn, c.hasRecv, 0) || !handsOverRequest(callee, inner, isRequest) {
			continue
		}
		runs = append(runs, inner)
	}
	return g.enterFor(c, site, runs, func(cc *ctx, inner ssa.CallInstruction) bool {
		return g.runsValue(id, cc, inner)
	})
}

// runsValue adds an eWrap edge from the function value at id to the value
// the interface call at site (in context c) is made on, and from it to the
// method each concrete value it can be runs; it reports whether there is
// one.
func (g *graph) runsValue(id int32, c *ctx, site ssa.CallInstruction) bool {
	cc := site.Common()
	to := g.add(id, node{v: cc.Value, c: c}, eWrap, -1, -1)
	if to < 0 {
		return false
	}
	g.wrapSite[[2]int32{id, to}] = site
	g.visit(to)
	var runs []int32
	for _, l := range g.concreteValues(to) {
		ln := g.nodes[l]
		if _, fn := ln.v.Type().Underlying().(*types.Signature); fn && ln.path == "" {
			// A function converted to a function type whose method
			// calls it (http.HandlerFunc's shape): the function is the
			// handler. (Not the method as a layer of its own: every
			// tool's function goes through it, and other code calls it
			// too.)
			for _, x := range g.funcLeaves(l) {
				g.add(to, g.nodes[x], ePlain, -1, -1)
				runs = append(runs, x)
			}
			continue
		}
		// The method of the concrete value.
		if m := g.e.concreteMethod(ln.v, ln.path, cc.Method.Name()); m == nil || len(m.Blocks) == 0 || g.e.skip(m) {
			continue
		}
		mn := node{v: ln.v, c: ln.c, path: ln.path + "#" + cc.Method.Name(), kind: kMethod}
		if x := g.add(to, mn, ePlain, -1, -1); x >= 0 {
			runs = append(runs, x)
		}
	}
	if len(runs) == 0 {
		return false
	}
	// The held value's other sources (what its struct's fields hold) are
	// not what the call runs.
	g.runs[to] = runs
	return true
}

// sources returns the nodes a handler search goes on to from id: what the
// interface call of an adapter runs (g.runs), else the values that flow
// into id, and with wraps the function values a wrapper calls.
func (g *graph) sources(id int32, wraps bool) []int32 {
	if runs, ok := g.runs[id]; ok {
		return runs
	}
	var out []int32
	for _, e := range g.out[id] {
		if e.kind == ePlain || (wraps && e.kind == eWrap) {
			out = append(out, e.to)
		}
	}
	return out
}

// valueType is the type of what a flow node stands for: its value's, or
// with path "*" what that value points to; false for other paths.
func valueType(n node) (types.Type, bool) {
	if n.v == nil {
		return nil, false
	}
	t := n.v.Type()
	switch n.path {
	case "":
		return t, true
	case "*":
		p, ok := t.Underlying().(*types.Pointer)
		if !ok {
			return nil, false
		}
		return p.Elem(), true
	}
	return nil, false
}

// concreteValues returns the first values of a concrete type met on the
// value edges from an interface value: what it holds where it is made
// (&shellRunner{...}, HandlerFunc(fn)), not what those are made of.
func (g *graph) concreteValues(from int32) []int32 {
	plain := func(id int32) []int32 {
		var out []int32
		for _, e := range g.out[id] {
			if e.kind == ePlain {
				out = append(out, e.to)
			}
		}
		return out
	}
	return g.firstMet(from, plain, func(id int32) (stop, keep bool) {
		n := g.nodes[id]
		t, ok := valueType(n)
		met := ok && id != from && n.kind == kValue && !types.IsInterface(t)
		return met, met
	})
}

// firstMet walks from a node along next, depth first, and returns, sorted,
// the nodes where met says to stop and keep: the first ones of a kind met
// on each way.
func (g *graph) firstMet(from int32, next func(int32) []int32, met func(int32) (stop, keep bool)) []int32 {
	var out []int32
	seen := map[int32]bool{from: true}
	stack := []int32{from}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if stop, keep := met(id); stop {
			if keep {
				out = append(out, id)
			}
			continue
		}
		for _, x := range next(id) {
			if !seen[x] {
				seen[x] = true
				stack = append(stack, x)
			}
		}
	}
	sortIDs(out)
	return out
}

// concreteMethod returns the method name of the concrete value v stands
// for with path "" (the value) or "*" (what a local allocation holds), or
// nil.
func (e *engine) concreteMethod(v ssa.Value, path, name string) *ssa.Function {
	t, ok := valueType(node{v: v, path: path})
	if !ok || types.IsInterface(t) {
		return nil
	}
	if m := methodFunc(e.prog, t, name); m != nil {
		return unwrapWrapper(m)
	}
	return nil
}

// methodNode splits a kMethod node into the method it runs and the node
// of its receiver.
func (e *engine) methodNode(n node) (*ssa.Function, node) {
	path, name, _ := strings.Cut(n.path, "#")
	return e.concreteMethod(n.v, path, name), node{v: n.v, c: n.c, path: path}
}

// A typed-handler adapter that calls the handler through reflection
// (hv := reflect.ValueOf(h); ... hv.Call(args)) wraps it as a closure
// calling h would: the reflected function is the one called.

// reflectCall reports whether c calls a reflected function value:
// (reflect.Value).Call or CallSlice, whose receiver is the function.
func reflectCall(c *ssa.CallCommon) bool {
	fn := c.StaticCallee()
	if fn == nil || len(c.Args) == 0 {
		return false
	}
	switch symbolOf(fn) {
	case "(reflect.Value).Call", "(reflect.Value).CallSlice":
		return true
	}
	return false
}

// reflectValueOf reports whether c is reflect.ValueOf(x): a value that
// stands for x.
func reflectValueOf(c *ssa.CallCommon) bool {
	fn := c.StaticCallee()
	return fn != nil && len(c.Args) == 1 && symbolOf(fn) == "reflect.ValueOf"
}

// captured reports whether v, in fn, is a value fn holds rather than one it
// is called with: a free variable, the receiver of a method value, or
// something read from them.
func captured(v ssa.Value, fn *ssa.Function, recv bool, depth int) bool {
	if depth > 8 {
		return false
	}
	switch x := v.(type) {
	case *ssa.FreeVar:
		return true
	case *ssa.Parameter:
		return recv && len(fn.Params) > 0 && x == fn.Params[0]
	case *ssa.UnOp:
		return x.Op == token.MUL && captured(x.X, fn, recv, depth+1)
	case *ssa.FieldAddr:
		return captured(x.X, fn, recv, depth+1)
	case *ssa.Field:
		return captured(x.X, fn, recv, depth+1)
	case *ssa.IndexAddr:
		return captured(x.X, fn, recv, depth+1)
	case *ssa.Index:
		return captured(x.X, fn, recv, depth+1)
	case *ssa.Lookup:
		// A value of a held map, or of a map looked up by a held key
		// (a registry's entry for the name the handler was made for).
		return captured(x.X, fn, recv, depth+1) || captured(x.Index, fn, recv, depth+1)
	case *ssa.ChangeType:
		return captured(x.X, fn, recv, depth+1)
	case *ssa.MakeInterface:
		return captured(x.X, fn, recv, depth+1)
	case *ssa.TypeAssert:
		return captured(x.X, fn, recv, depth+1)
	case *ssa.Call:
		if reflectValueOf(x.Common()) {
			return captured(x.Call.Args[0], fn, recv, depth+1)
		}
		return lookedUp(x.Common(), fn, recv, depth)
	case *ssa.Extract:
		switch t := x.Tuple.(type) {
		case *ssa.TypeAssert:
			return captured(t.X, fn, recv, depth+1)
		case *ssa.Lookup:
			return captured(t.X, fn, recv, depth+1) || captured(t.Index, fn, recv, depth+1)
		case *ssa.Call:
			return lookedUp(t.Common(), fn, recv, depth)
		}
	case *ssa.Phi:
		for _, e := range x.Edges {
			if captured(e, fn, recv, depth+1) {
				return true
			}
		}
	}
	return false
}

// lookedUp reports whether a static call gets its result by a value the
// function value holds: a registry's getter handed the name the handler
// was made for (`t, ok := registry.GetTool(name)`), whose result is the
// tool registered under that name.
func lookedUp(c *ssa.CallCommon, fn *ssa.Function, recv bool, depth int) bool {
	if c.StaticCallee() == nil {
		return false
	}
	for _, a := range c.Args {
		if !symbol.IsContextLike(a.Type()) && captured(a, fn, recv, depth+1) {
			return true
		}
	}
	return false
}

// checksOnly reports whether a function of signature sig answers only
// with an error or a boolean: a check of the request (a validator held in a
// field), not a handler, which gives the model a result.
func checksOnly(sig *types.Signature) bool {
	res := sig.Results()
	if res.Len() == 0 {
		return false
	}
	for i := 0; i < res.Len(); i++ {
		if t := res.At(i).Type(); !isBool(t) && !types.Identical(t, errorType) {
			return false
		}
	}
	return true
}

var errorType = types.Universe.Lookup("error").Type()

// answersInto reports whether the call at site is handed a buffer of fn's
// own, other than the request, from which fn makes what it returns: the
// call writes the answer there, however its own results only say whether
// it failed. A factory's closure that runs the tool's operation
// (`var out bytes.Buffer; err := op(in, &out); return text(out.String())`)
// runs the tool's work, not a check of it.
func answersInto(fn *ssa.Function, site ssa.CallInstruction, recv bool) bool {
	isParam := requestParam(fn, recv)
	for _, a := range site.Common().Args {
		x := stripChange(a)
		if mi, ok := x.(*ssa.MakeInterface); ok {
			x = stripChange(mi.X)
		}
		buf, ok := x.(*ssa.Alloc)
		if !ok || derives(buf, fn, isParam) {
			continue
		}
		if returnsDerived(fn, func(x ssa.Value) bool { return x == buf }) {
			return true
		}
	}
	return false
}

// handsOver reports whether fn hands the request it is called with to the
// call at site, or hands back what that call returns: what a wrapper does,
// and what a handler calling a captured helper (a logger) does not.
func handsOver(fn *ssa.Function, site ssa.CallInstruction, recv bool) bool {
	isParam := requestParam(fn, recv)
	for _, a := range site.Common().Args {
		if !symbol.IsContextLike(a.Type()) && derives(a, fn, isParam) {
			return true
		}
	}
	return returnsResult(fn, site)
}

// handsOverCall is handsOver for a call of a method on a held value, which
// may as well be a service the handler uses (`mgr.IsDeployed(ctx)`,
// `store.Save(name, data)`) as the tool it adapts: the call must both be
// given the request whole (fn's own parameter, or the request's argument
// map: a map or an interface value made from the request, not a name or
// the bytes of one argument), and give back what fn returns.
func handsOverCall(fn *ssa.Function, site ssa.CallInstruction, recv bool) bool {
	return handsOverRequest(fn, site, requestParam(fn, recv))
}

// handsOverRequest is handsOverCall with the values that are the request
// told by isRequest.
func handsOverRequest(fn *ssa.Function, site ssa.CallInstruction, isRequest func(ssa.Value) bool) bool {
	for _, a := range site.Common().Args {
		if wholeRequest(a, fn, isRequest) {
			return returnsResult(fn, site)
		}
	}
	return false
}

// copiedRequest reports whether v is read from a local variable that
// holds only a request parameter: a struct request whose address the
// function takes (req.Params.Name) is kept in one, and passed on as `*t0`.
func copiedRequest(v ssa.Value, isRequest func(ssa.Value) bool) bool {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return false
	}
	a, ok := u.X.(*ssa.Alloc)
	if !ok {
		return false
	}
	stored := storedInto(a)
	return len(stored) > 0 && !slices.ContainsFunc(stored, func(x ssa.Value) bool { return !isRequest(x) })
}

// wholeRequest reports whether a, an argument of a call in fn, is the
// request whole: a value isRequest accepts, or a map or an interface value
// made from one (the request's arguments); never a context.
func wholeRequest(a ssa.Value, fn *ssa.Function, isRequest func(ssa.Value) bool) bool {
	if symbol.IsContextLike(a.Type()) {
		return false
	}
	if isRequest(stripChange(a)) || copiedRequest(a, isRequest) {
		return true
	}
	if mi, ok := a.(*ssa.MakeInterface); ok {
		// The request, or its arguments, as an interface value; not a
		// value of the program's that holds a piece of the request
		// (&prompter{session: req.Session}).
		return wholeRequest(mi.X, fn, isRequest)
	}
	switch a.Type().Underlying().(type) {
	case *types.Map, *types.Interface:
		if st := fieldOwner(a); st != nil && !namesTool(st) {
			// A map the tool's typed input holds (a query's bind
			// parameters, args.Parameters) is one of its arguments,
			// not its arguments whole, which a tool call's envelope
			// holds beside its name (req.Params.Arguments).
			return false
		}
		return derives(a, fn, isRequest)
	}
	return false
}

// fieldOwner returns the struct whose field v is read from, through
// conversions (fieldRead), or nil.
func fieldOwner(v ssa.Value) *types.Struct {
	v = stripChange(v)
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = stripChange(mi.X)
	}
	st, _ := fieldRead(v)
	return st
}

// namesTool reports whether a struct has a name field (Go's Name or JSON's
// "name"): a tool call's envelope, which pairs the name with the
// arguments, rather than a tool's own input.
func namesTool(st *types.Struct) bool {
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == "Name" || symbol.JSONName(st.Tag(i)) == "name" {
			return true
		}
	}
	return false
}

// requestParam reports whether a value is one of the parameters fn is
// called with (its receiver, when recv, aside), other than a context.
func requestParam(fn *ssa.Function, recv bool) func(ssa.Value) bool {
	params := fn.Params
	if recv && len(params) > 0 {
		params = params[1:]
	}
	return func(x ssa.Value) bool {
		p, ok := x.(*ssa.Parameter)
		return ok && slices.Contains(params, p) && !symbol.IsContextLike(p.Type())
	}
}

// returnsResult reports whether fn returns something computed from what
// the call at site returns.
func returnsResult(fn *ssa.Function, site ssa.CallInstruction) bool {
	call, ok := site.(*ssa.Call)
	if !ok {
		return false
	}
	return returnsDerived(fn, func(x ssa.Value) bool { return x == call })
}

// returnsDerived reports whether something fn returns is computed from a
// value that satisfies pred.
func returnsDerived(fn *ssa.Function, pred func(ssa.Value) bool) bool {
	for _, ret := range returnsIn(fn) {
		for _, r := range ret.Results {
			if derives(r, fn, pred) {
				return true
			}
		}
	}
	return false
}

func returnsIn(fn *ssa.Function) []*ssa.Return {
	var out []*ssa.Return
	for _, b := range fn.Blocks {
		if len(b.Instrs) > 0 {
			if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
				out = append(out, r)
			}
		}
	}
	return out
}

// derives reports whether v, within fn, is computed from a value that
// satisfies pred: through operands, and through what is stored into a local
// allocation or its fields.
func derives(v ssa.Value, fn *ssa.Function, pred func(ssa.Value) bool) bool {
	seen := map[ssa.Value]bool{}
	stack := []ssa.Value{v}
	for len(stack) > 0 && len(seen) < maxOperands {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x == nil || seen[x] {
			continue
		}
		seen[x] = true
		if pred(x) {
			return true
		}
		instr, ok := x.(ssa.Instruction)
		if !ok || instr.Parent() != fn {
			continue
		}
		for _, op := range instr.Operands(nil) {
			if *op != nil {
				stack = append(stack, *op)
			}
		}
		if a, ok := x.(*ssa.Alloc); ok {
			stack = append(stack, storedInto(a)...)
			stack = append(stack, fillers(a)...)
		}
	}
	return false
}

// fillers lists the other arguments of the calls a local allocation is
// handed to as an empty interface value: what a decoder fills it from
// (json.Unmarshal(req.Params.Arguments, &args)). A call handed it as a
// writer or a typed pointer uses it, and is not what made it.
func fillers(a *ssa.Alloc) []ssa.Value {
	var out []ssa.Value
	from := func(v ssa.Value) {
		for _, ref := range *v.Referrers() {
			site, ok := ref.(ssa.CallInstruction)
			if !ok {
				continue
			}
			for _, arg := range site.Common().Args {
				if arg != v {
					out = append(out, arg)
				}
			}
		}
	}
	if a.Referrers() == nil {
		return nil
	}
	for _, ref := range *a.Referrers() {
		if mi, ok := ref.(*ssa.MakeInterface); ok && mi.Referrers() != nil {
			if it, ok := mi.Type().Underlying().(*types.Interface); ok && it.Empty() {
				from(mi)
			}
		}
	}
	return out
}

// storedInto lists the values stored into a local allocation, whole or
// field by field.
func storedInto(a *ssa.Alloc) []ssa.Value {
	var out []ssa.Value
	var walk func(addr ssa.Value, depth int)
	walk = func(addr ssa.Value, depth int) {
		if depth > 3 || addr.Referrers() == nil {
			return
		}
		for _, ref := range *addr.Referrers() {
			switch r := ref.(type) {
			case *ssa.Store:
				if r.Addr == addr {
					out = append(out, r.Val)
				}
			case *ssa.FieldAddr:
				walk(r, depth+1)
			case *ssa.IndexAddr:
				walk(r, depth+1)
			}
		}
	}
	walk(a, 0)
	return out
}

// handlerLeaves returns the handlers that flow into a node: function values
// reached through value edges and through wrappers, the wrappers excluded.
// wrappers collects the wrapper nodes met on the way.
func (g *graph) handlerLeaves(from int32) (handlers, wrappers []int32) {
	seen := map[int32]bool{from: true}
	queue := []int32{from}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if isFuncValue(g.nodes[id]) {
			if !g.wraps(id) {
				handlers = append(handlers, id)
				continue
			}
			wrappers = append(wrappers, id)
		}
		for _, x := range g.sources(id, true) {
			if !seen[x] {
				seen[x] = true
				queue = append(queue, x)
			}
		}
	}
	sortIDs(handlers)
	return handlers, wrappers
}
