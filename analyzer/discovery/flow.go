package discovery

import (
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/rules"
)

// This file is the value flow that the rest of the package asks questions
// of: which values can reach a given value, in which calling context, and
// through which choices. See doc.go for the design.

// A ctx is one calling context of a function: what its parameters, its
// receiver and its free variables are bound to. Contexts are interned, so
// that two searches that reach a function the same way meet at the same
// nodes.
type ctx struct {
	ctxKey
	depth int
}

// ctxKey is what a context binds.
type ctxKey struct {
	fn *ssa.Function
	// site is the call that entered fn, evaluated in caller; nil when fn
	// was not entered from a known call.
	site   ssa.CallInstruction
	caller *ctx
	// recv, when hasRecv, binds parameter 0: a method entered on one
	// receiver value (an interface call resolved per receiver, or a tool
	// instance's method).
	recv    node
	hasRecv bool
	// clo is the closure value fn was entered through, evaluated in
	// cloCtx: it binds fn's free variables.
	clo    *ssa.MakeClosure
	cloCtx *ctx
	// entry marks a function entered as a handler: its parameters come
	// from the SDK at run time and have no source in the program.
	entry bool
}

// A node is a value in a context, projected by a path: "the Name field of
// the struct this pointer points to" is (p, c, "*/Name"). Path elements,
// separated by '/':
//   - "*": what a pointer points to;
//   - a field name: that field of a struct;
//   - "[k]", "[*]" or "[]#F": element k, any element, or any element
//     chosen at fan-out F, of a slice, an array or a pointer to an array;
//   - "{}#F", "{k}#F" (or "{}", "{k}"): a value, or a key, of a map,
//     chosen at fan-out F.
//
// kind distinguishes the entry of a call into one callee (kEnter) from the
// value itself.
type node struct {
	v    ssa.Value
	c    *ctx
	path string
	kind uint8
}

const (
	kValue uint8 = iota
	// kEnter: the results of a call (n.v, a Call or an Extract of one)
	// entered into the callee whose context is n.c.
	kEnter
	// kMethod: a method of the value n.v (with the path before "#" in
	// n.path), named after the "#": the function an adapter's interface
	// call runs on the value it holds (handlers.go, heldValueCall).
	kMethod
)

// Limits that keep one search small: registration code is shallow, but
// real servers pass tools through a few helpers and generic functions.
const (
	maxDepth    = 12      // calls entered below a search's root
	maxPath     = 8       // elements of a node's path
	maxNodes    = 400_000 // nodes of one graph
	maxOperands = 200     // values an in-function operand walk visits
)

// edge kinds.
const (
	// ePlain: the value flows from the child to the parent.
	ePlain uint8 = iota
	// eCallee: from a dynamic call to the value it calls.
	eCallee
	// eDep: from a called function value to the entry of its call.
	eDep
	// eWrap: from a wrapper to the function value it calls with the
	// request (the handler it wraps).
	eWrap
	// eOperand: from a string concatenation to its operands.
	eOperand
	// eHint: from a call that says which values set one hint kind (a
	// tool builder, a hint option) to those values: only that kind's
	// walk follows it (hints.go).
	eHint
)

type edge struct {
	to   int32
	kind uint8
	// hint is the hint kind of an eHint edge (graph.hintKind).
	hint uint8
	// fan and alt, when fan >= 0, label an edge as alternative alt of
	// fan-out fan: one caller of a function, one row of a table, one
	// callee of a dynamic call...
	fan, alt int32
}

// fan-out kinds.
const (
	fanCallers  uint8 = iota // the callers of a function
	fanClosures              // the closures made of a function literal
	fanRows                  // the elements of a slice read at one index
	fanCallee                // the functions a dynamic call calls
	fanMap                   // the entries of a map read at one key
)

type fanKey struct {
	kind uint8
	fn   *ssa.Function
	x, y ssa.Value
	c    *ctx
}

type altKey struct {
	x any
	c *ctx
}

// engine holds what every search shares: the program, the catalog, the
// indexes over the analysed code, and the interned contexts and fan-outs.
type engine struct {
	prog   *ssa.Program
	cat    *rules.Catalog
	opaque func(*ssa.Function) bool
	ix     *index

	ctxs  map[ctxKey]*ctx
	fans  map[fanKey]int32
	fanOf []fanKey
	alts  map[altKey]int32
	altOf []altKey

	// dead memoises deadBlocks.
	dead map[*ssa.Function]map[*ssa.BasicBlock]bool
	// aliases and updatesOf memoise aliasFieldStores and mapUpdates.
	aliases   map[string]map[ssa.Value][]*ssa.Store
	updatesOf map[ssa.Value][]*ssa.MapUpdate
	// rewraps are the registrations that register again, around their
	// handlers, tools the SDK already holds (sdkHeld): no tools of their
	// own, and nothing unknown.
	rewraps map[ssa.CallInstruction]bool
}

func newEngine(prog *ssa.Program, cat *rules.Catalog, opaque func(*ssa.Function) bool, scope []*ssa.Function) *engine {
	return &engine{prog: prog, cat: cat, opaque: opaque, ix: newIndex(scope),
		ctxs: map[ctxKey]*ctx{}, fans: map[fanKey]int32{}, alts: map[altKey]int32{},
		dead: map[*ssa.Function]map[*ssa.BasicBlock]bool{}, rewraps: map[ssa.CallInstruction]bool{}}
}

func (e *engine) intern(k ctxKey) *ctx {
	if c, ok := e.ctxs[k]; ok {
		return c
	}
	c := &ctx{ctxKey: k}
	for _, p := range []*ctx{k.caller, k.cloCtx, k.recv.c} {
		if p != nil && p.depth+1 > c.depth {
			c.depth = p.depth + 1
		}
	}
	e.ctxs[k] = c
	return c
}

// enter is the context of callee called at site from context c; nil (any
// caller) past maxDepth.
func (e *engine) enter(callee *ssa.Function, site ssa.CallInstruction, c *ctx) *ctx {
	if c != nil && c.depth >= maxDepth {
		return nil
	}
	return e.intern(ctxKey{fn: callee, site: site, caller: c})
}

func (e *engine) fan(k fanKey) int32 {
	if id, ok := e.fans[k]; ok {
		return id
	}
	id := int32(len(e.fanOf))
	e.fans[k] = id
	e.fanOf = append(e.fanOf, k)
	return id
}

func (e *engine) alt(x any, c *ctx) int32 {
	k := altKey{x, c}
	if id, ok := e.alts[k]; ok {
		return id
	}
	id := int32(len(e.altOf))
	e.alts[k] = id
	e.altOf = append(e.altOf, k)
	return id
}

// A graph is the flow explored from a few roots: nodes and, per node, the
// edges to the values that flow into it.
type graph struct {
	e     *engine
	ids   map[node]int32
	nodes []node
	out   [][]edge
	state []uint8 // 0 new, 1 expanding, 2 expanded
	// wrapSite is the call site of each eWrap edge.
	wrapSite map[[2]int32]ssa.CallInstruction
	// wrapped memoises wrapper detection per function value node.
	wrapped map[int32]bool
	// runs maps the value an adapter's interface call is made on to the
	// nodes of what the call runs (handlers.go, heldValueCall).
	runs map[int32][]int32
	// routes maps a function value to its calls of a function it picks
	// from a map it holds by a key in the request (handlers.go, routed):
	// it is the tool, and those calls run its routes.
	routes map[int32][]ssa.CallInstruction
	// limit, when set, lowers maxNodes for this graph; full records that a
	// limit was hit.
	limit int
	full  bool
	// hinted marks the call nodes whose hint sources were added
	// (hints.go).
	hinted map[hintKey]bool
	// hintKinds numbers the hint kinds for eHint edges, from 1.
	hintKinds map[string]uint8
	// aliased marks the edges from an object to what is stored into
	// its field through another value (aliasFieldStores), without a
	// context: every such store in the program, whichever object it was
	// made on (hints.go takes them as fallbacks).
	aliased map[[2]int32]bool
	// rewraps records that a wrapper of handlers the SDK holds was met
	// (handlers.go, sdkHeld).
	rewraps bool
}

func (e *engine) newGraph() *graph {
	return &graph{e: e, ids: map[node]int32{}, wrapSite: map[[2]int32]ssa.CallInstruction{}, wrapped: map[int32]bool{}, runs: map[int32][]int32{},
		routes: map[int32][]ssa.CallInstruction{}}
}

func (g *graph) id(n node) int32 {
	if id, ok := g.ids[n]; ok {
		return id
	}
	id := int32(len(g.nodes))
	g.ids[n] = id
	g.nodes = append(g.nodes, n)
	g.out = append(g.out, nil)
	g.state = append(g.state, 0)
	return id
}

// root adds a node and explores everything that flows into it.
func (g *graph) root(n node) int32 {
	id := g.id(n)
	g.visit(id)
	return id
}

func (g *graph) visit(id int32) {
	if g.state[id] != 0 {
		return
	}
	g.state[id] = 1
	limit := maxNodes
	if g.limit > 0 {
		limit = g.limit
	}
	if len(g.nodes) < limit {
		g.expand(id)
	} else {
		g.full = true
	}
	g.state[id] = 2
	for i := 0; i < len(g.out[id]); i++ {
		g.visit(g.out[id][i].to)
	}
}

// add adds an edge from a node to a value that flows into it.
func (g *graph) add(from int32, n node, kind uint8, fan, alt int32) int32 {
	if n.v == nil || strings.Count(n.path, "/") >= maxPath {
		return -1
	}
	switch n.v.(type) {
	case *ssa.Const, *ssa.Function, *ssa.Global, *ssa.Builtin:
		// No context reaches into them.
		n.c = nil
	}
	to := g.id(n)
	g.out[from] = append(g.out[from], edge{to: to, kind: kind, fan: fan, alt: alt})
	return to
}

func (g *graph) flowsFrom(from int32, v ssa.Value, c *ctx, path string) {
	g.add(from, node{v: v, c: c, path: path}, ePlain, -1, -1)
}

// head splits a path into its first element and the rest.
func head(path string) (string, string) {
	h, rest, _ := strings.Cut(path, "/")
	return h, rest
}

// join appends path elements.
func join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "/" + b
}

// expand adds the edges of one node.
func (g *graph) expand(id int32) {
	n := g.nodes[id]
	switch n.kind {
	case kEnter:
		g.enterResults(id, n)
		return
	case kMethod:
		return
	}
	switch v := n.v.(type) {
	case *ssa.Global, *ssa.Alloc, *ssa.MakeSlice:
		g.memory(id, n)
	case *ssa.FieldAddr:
		if n.path == "" {
			return
		}
		g.memory(id, n)
		if h, rest := head(n.path); h == "*" {
			g.flowsFrom(id, v.X, n.c, join("*", join(fieldName(v.X.Type(), v.Field), rest)))
		}
	case *ssa.IndexAddr:
		if n.path == "" {
			return
		}
		g.memory(id, n)
		if h, rest := head(n.path); h == "*" {
			g.flowsFrom(id, v.X, n.c, join(g.element(v.X, v.Index, n.c), rest))
		}
	case *ssa.MakeMap:
		g.mapEntries(id, n, v)
	case *ssa.Phi:
		for _, x := range v.Edges {
			g.flowsFrom(id, x, n.c, n.path)
		}
	case *ssa.ChangeType:
		g.flowsFrom(id, v.X, n.c, n.path)
	case *ssa.MakeInterface:
		g.flowsFrom(id, v.X, n.c, n.path)
	case *ssa.ChangeInterface:
		g.flowsFrom(id, v.X, n.c, n.path)
	case *ssa.SliceToArrayPointer:
		g.flowsFrom(id, v.X, n.c, n.path)
	case *ssa.TypeAssert:
		if !v.CommaOk {
			g.flowsFrom(id, v.X, n.c, n.path)
		}
	case *ssa.Slice:
		if !isString(v.X.Type()) {
			g.flowsFrom(id, v.X, n.c, n.path)
		}
	case *ssa.Parameter:
		g.param(id, n, v)
	case *ssa.FreeVar:
		g.freeVar(id, n, v)
	case *ssa.Call:
		g.call(id, n, v, &v.Call)
	case *ssa.Extract:
		switch t := v.Tuple.(type) {
		case *ssa.Call:
			g.call(id, n, v, &t.Call)
		case *ssa.TypeAssert:
			if v.Index == 0 {
				g.flowsFrom(id, t.X, n.c, n.path)
			}
		case *ssa.Lookup:
			if v.Index == 0 {
				g.lookup(id, n, t)
			}
		case *ssa.Next:
			g.next(id, n, v, t)
		}
	case *ssa.UnOp:
		if v.Op == token.MUL {
			g.flowsFrom(id, v.X, n.c, join("*", n.path))
		}
	case *ssa.Field:
		g.flowsFrom(id, v.X, n.c, join(fieldName(v.X.Type(), v.Field), n.path))
	case *ssa.Index:
		g.flowsFrom(id, v.X, n.c, join(g.element(v.X, v.Index, n.c), n.path))
	case *ssa.Lookup:
		if !v.CommaOk {
			g.lookup(id, n, v)
		}
	case *ssa.BinOp:
		if v.Op == token.ADD && isString(v.Type()) && n.path == "" {
			g.add(id, node{v: v.X, c: n.c}, eOperand, -1, -1)
			g.add(id, node{v: v.Y, c: n.c}, eOperand, -1, -1)
		}
	}
	if len(g.out[id]) == 0 {
		g.leafExpansions(id, n)
	}
}

// element is the path element of x[i]: a constant index, or any element
// chosen at the fan-out of reading x at i.
func (g *graph) element(x, i ssa.Value, c *ctx) string {
	if k, ok := i.(*ssa.Const); ok && k.Value != nil {
		if n, ok := constant.Int64Val(constant.ToInt(k.Value)); ok {
			return "[" + strconv.FormatInt(n, 10) + "]"
		}
	}
	return "[]#" + strconv.Itoa(int(g.e.fan(fanKey{kind: fanRows, x: x, y: i, c: c})))
}

// memory adds what is stored in the memory that a node's value points to
// (an allocation, a global, a field or element address, a slice's backing
// array): whole stores, stores into the field the path names, and the rows
// of an array or slice.
func (g *graph) memory(id int32, n node) {
	base := n.v
	h, rest := head(n.path)
	if h == "*" {
		for _, st := range g.e.ix.storesTo(base) {
			g.flowsFrom(id, st.Val, n.c, rest)
		}
		// A closure that captures the variable stores into it through
		// its free variable (an errgroup's Go func appending to the
		// caller's slice); which of the closure's runs did is not
		// known here, so those stores flow in without a context.
		for _, fv := range g.e.ix.captures(base) {
			for _, st := range g.e.ix.storesTo(fv) {
				g.flowsFrom(id, st.Val, nil, rest)
			}
		}
		if rest == "" {
			return
		}
		h, rest = head(rest)
		if !strings.HasPrefix(h, "[") {
			for _, fa := range g.e.ix.fieldAddrs[base] {
				if fieldName(fa.X.Type(), fa.Field) == h {
					g.flowsFrom(id, fa, n.c, join("*", rest))
				}
			}
			if _, ok := base.(*ssa.Global); !ok {
				for _, st := range g.e.aliasFieldStores(base, h) {
					if to := g.add(id, node{v: st.Val, path: rest}, ePlain, -1, -1); to >= 0 {
						if g.aliased == nil {
							g.aliased = map[[2]int32]bool{}
						}
						g.aliased[[2]int32{id, to}] = true
					}
				}
			}
			return
		}
	}
	if !strings.HasPrefix(h, "[") {
		return
	}
	idx, fan := parseElement(h)
	for _, ia := range g.e.ix.indexAddrs[base] {
		if idx != "" && idx != "*" {
			if k, ok := ia.Index.(*ssa.Const); ok && k.Value != nil && k.Value.ExactString() != idx {
				continue
			}
		}
		c := n.c
		if fan >= 0 {
			g.add(id, node{v: ia, c: c, path: join("*", rest)}, ePlain, fan, g.e.alt(ia, c))
		} else {
			g.flowsFrom(id, ia, c, join("*", rest))
		}
	}
}

// parseElement reads "[k]" (index "k"), "[*]" (index "*") and "[]#F"
// (fan-out F).
func parseElement(h string) (string, int32) {
	if rest, ok := strings.CutPrefix(h, "[]#"); ok {
		f, _ := strconv.Atoi(rest)
		return "", int32(f)
	}
	return strings.TrimSuffix(strings.TrimPrefix(h, "["), "]"), -1
}

// anyElement turns a leading "[k]" into "[*]": after append, indexes shift.
func anyElement(path string) string {
	h, rest := head(path)
	if strings.HasPrefix(h, "[") && !strings.HasPrefix(h, "[]#") {
		return join("[*]", rest)
	}
	return path
}

// param adds the arguments a parameter can be bound to: the call of the
// context, or every caller when the context is unknown.
func (g *graph) param(id int32, n node, p *ssa.Parameter) {
	fn := p.Parent()
	i := paramIndex(p)
	if i < 0 {
		return
	}
	if c := n.c; c != nil && c.fn == fn {
		switch {
		case c.hasRecv && i == 0:
			g.add(id, node{v: c.recv.v, c: c.recv.c, path: join(c.recv.path, n.path)}, ePlain, -1, -1)
			return
		case c.site != nil:
			if args := callArgs(c.site.Common()); i < len(args) {
				g.flowsFrom(id, args[i], c.caller, n.path)
			}
			return
		case c.entry:
			return
		}
	}
	fan := g.e.fan(fanKey{kind: fanCallers, fn: fn})
	for _, site := range g.e.ix.callSites[fn] {
		if args := callArgs(site.Common()); i < len(args) {
			g.add(id, node{v: args[i], path: n.path}, ePlain, fan, g.e.alt(site, nil))
		}
	}
	if len(g.e.ix.callSites[fn]) == 0 && fn.Signature.Recv() == nil {
		// A function that is only called as a value (a functional
		// option, applied by `for _, o := range opts { o(cfg) }`) is
		// called by the calls of function values of its signature, as
		// CHA resolves them: a store through its parameter is a store
		// into what those calls pass.
		for _, site := range g.e.ix.dynCalls[sigKey(fn.Signature)] {
			if args := site.Common().Args; i < len(args) {
				g.add(id, node{v: args[i], path: n.path}, ePlain, fan, g.e.alt(site, nil))
			}
		}
	}
	if recv := fn.Signature.Recv(); recv != nil {
		// A method is also called through the interfaces its type
		// implements: the receiver is the value the interface holds
		// at each such call (an agent built by a constructor that
		// returns it as a service, run through the service), and the
		// other parameters that call's arguments (a registry kept in a
		// field of its interface type: d.registry.Register(tool)).
		for _, site := range g.e.ix.invokes[fn.Name()] {
			cc := site.Common()
			iface, ok := cc.Value.Type().Underlying().(*types.Interface)
			if !ok || !types.Implements(recv.Type(), iface) {
				continue
			}
			switch {
			case i == 0:
				g.add(id, node{v: cc.Value, path: n.path}, ePlain, fan, g.e.alt(site, nil))
			case i-1 < len(cc.Args):
				g.add(id, node{v: cc.Args[i-1], path: n.path}, ePlain, fan, g.e.alt(site, nil))
			}
		}
	}
}

// freeVar adds what a free variable is bound to: the closure of the
// context, or every closure made of the function.
func (g *graph) freeVar(id int32, n node, fv *ssa.FreeVar) {
	fn := fv.Parent()
	i := freeVarIndex(fv)
	if i < 0 {
		return
	}
	if c := n.c; c != nil && c.fn == fn && c.clo != nil {
		if i < len(c.clo.Bindings) {
			g.flowsFrom(id, c.clo.Bindings[i], c.cloCtx, n.path)
		}
		return
	}
	fan := g.e.fan(fanKey{kind: fanClosures, fn: fn})
	for _, mc := range g.e.ix.closures[fn] {
		if i < len(mc.Bindings) {
			g.add(id, node{v: mc.Bindings[i], path: n.path}, ePlain, fan, g.e.alt(mc, nil))
		}
	}
}

// call adds the results of a call: through append, into the returns of a
// static callee, through generic collection helpers of opaque packages
// (slices.Concat), and, for a dynamic call, into the returns of each
// function value it can call, each an alternative of one fan-out.
func (g *graph) call(id int32, n node, v ssa.Value, cc *ssa.CallCommon) {
	if b, ok := cc.Value.(*ssa.Builtin); ok {
		if b.Name() == "append" && len(cc.Args) == 2 {
			p := anyElement(n.path)
			g.flowsFrom(id, cc.Args[0], n.c, p)
			g.flowsFrom(id, cc.Args[1], n.c, p)
		}
		return
	}
	if cc.IsInvoke() {
		g.invoke(id, n, v, cc)
		return
	}
	if callee := cc.StaticCallee(); callee != nil {
		if g.e.catalogued(callee) || g.e.skip(callee) || len(callee.Blocks) == 0 {
			g.opaqueCall(id, n, v, cc)
			return
		}
		g.e.ix.ensure(callee)
		g.returns(id, callee, g.e.enter(callee, callOf(v), n.c), resultIndex(v), n.path)
		return
	}
	site := callOf(v)
	cv := g.add(id, node{v: cc.Value, c: n.c}, eCallee, -1, -1)
	if cv < 0 {
		return
	}
	g.visit(cv)
	fan := g.e.fan(fanKey{kind: fanCallee, x: site.(ssa.Value), c: n.c})
	for _, l := range g.funcLeaves(cv) {
		ln := g.nodes[l]
		c := g.e.calleeCtx(ln, site, n.c)
		if c == nil {
			continue
		}
		en := g.add(id, node{v: v, c: c, path: n.path, kind: kEnter}, ePlain, fan, g.e.alt(ln, nil))
		if en >= 0 {
			g.out[l] = append(g.out[l], edge{to: en, kind: eDep, fan: -1, alt: -1})
		}
	}
}

// invoke adds the results of an interface method call, per receiver value
// that reaches it: each receiver's method is entered with its receiver
// bound.
func (g *graph) invoke(id int32, n node, v ssa.Value, cc *ssa.CallCommon) {
	site := callOf(v)
	rv := g.add(id, node{v: cc.Value, c: n.c}, eCallee, -1, -1)
	if rv < 0 {
		return
	}
	g.visit(rv)
	fan := g.e.fan(fanKey{kind: fanCallee, x: site.(ssa.Value), c: n.c})
	concrete := false
	for _, l := range g.leaves(rv) {
		ln := g.nodes[l]
		t := projType(ln)
		if t == nil || types.IsInterface(t) {
			continue
		}
		concrete = true
		m := methodFunc(g.e.prog, t, cc.Method.Name())
		if m == nil || g.e.skip(m) || len(m.Blocks) == 0 {
			continue
		}
		if n.c != nil && n.c.depth >= maxDepth {
			continue
		}
		g.e.ix.ensure(m)
		c := g.e.intern(ctxKey{fn: m, site: site, caller: n.c, recv: ln, hasRecv: true})
		en := g.add(id, node{v: v, c: c, path: n.path, kind: kEnter}, ePlain, fan, g.e.alt(ln, nil))
		if en >= 0 {
			g.out[l] = append(g.out[l], edge{to: en, kind: eDep, fan: -1, alt: -1})
		}
	}
	if !concrete && !g.fromCollection(rv) {
		g.unseenReceiver(id, n, v, cc, fan)
	}
}

// fromCollection reports whether the flow into the node at id passes
// through the entries of a map, a slice or an array: a registry of values
// or a list of tools, each entry another tool.
func (g *graph) fromCollection(id int32) bool {
	for _, l := range g.leaves(id) {
		if p := g.nodes[l].path; strings.Contains(p, "{}") || strings.Contains(p, "[") {
			return true
		}
	}
	return false
}

// unseenReceiver adds the results of an interface method call whose
// receiver no value the flow can see reaches (it is set in a package that
// does not load, or by code the scan does not enter): as a call graph
// would, the call runs the method of every type of the analysed code that
// implements an interface of the analysed code, each an alternative, with
// its receiver followed from every caller. Not for a value taken from a
// collection (a registry's entry, an element of a list of tools): each of
// those is another tool, and every implementation would merge them all.
func (g *graph) unseenReceiver(id int32, n node, v ssa.Value, cc *ssa.CallCommon, fan int32) {
	named, ok := types.Unalias(cc.Value.Type()).(*types.Named)
	if !ok || !g.e.ix.pkgs[named.Obj().Pkg()] || (n.c != nil && n.c.depth >= maxDepth) {
		return
	}
	iface, ok := named.Underlying().(*types.Interface)
	if !ok {
		return
	}
	for _, m := range g.e.ix.methods[cc.Method.Name()] {
		recv := m.Signature.Recv().Type()
		if !types.Implements(recv, iface) || g.e.skip(m) || len(m.Blocks) == 0 {
			continue
		}
		c := g.e.intern(ctxKey{fn: m, caller: n.c})
		g.add(id, node{v: v, c: c, path: n.path, kind: kEnter}, ePlain, fan, g.e.alt(m, nil))
	}
}

// enterResults adds the results of a call entered into one callee.
func (g *graph) enterResults(id int32, n node) {
	g.returns(id, n.c.fn, n.c, resultIndex(n.v), n.path)
}

func (g *graph) returns(id int32, fn *ssa.Function, c *ctx, i int, path string) {
	dead := g.e.deadBlocks(fn)
	for _, ret := range g.e.ix.returnsOf(fn) {
		if i < len(ret.Results) && !dead[ret.Block()] {
			g.flowsFrom(id, ret.Results[i], c, path)
		}
	}
}

func resultIndex(v ssa.Value) int {
	if ex, ok := v.(*ssa.Extract); ok {
		return ex.Index
	}
	return 0
}

// callOf is the call instruction of a call value or of an extract of its
// results.
func callOf(v ssa.Value) ssa.CallInstruction {
	if ex, ok := v.(*ssa.Extract); ok {
		v = ex.Tuple
	}
	ci, _ := v.(ssa.CallInstruction)
	return ci
}

// calleeCtx is the context in which a function value leaf is entered when
// called at site from context c.
func (e *engine) calleeCtx(ln node, site ssa.CallInstruction, c *ctx) *ctx {
	if c != nil && c.depth >= maxDepth {
		return nil
	}
	switch f := ln.v.(type) {
	case *ssa.Function:
		if e.skip(f) || len(f.Blocks) == 0 {
			return nil
		}
		e.ix.ensure(f)
		return e.intern(ctxKey{fn: f, site: site, caller: c})
	case *ssa.MakeClosure:
		fn := f.Fn.(*ssa.Function)
		if e.skip(fn) || len(fn.Blocks) == 0 {
			return nil
		}
		e.ix.ensure(fn)
		return e.intern(ctxKey{fn: fn, site: site, caller: c, clo: f, cloCtx: ln.c})
	}
	return nil
}

// opaqueCall adds the flow through a call whose body is not entered: a
// catalogued function (its arguments are read by the leaf expansions),
// reflect.ValueOf (its argument), or a generic collection helper of the standard library (slices.Concat,
// slices.Clone, maps.Clone) whose result is made of its arguments.
func (g *graph) opaqueCall(id int32, n node, v ssa.Value, cc *ssa.CallCommon) {
	if reflectValueOf(cc) {
		// The reflected value stands for its argument: a function
		// called through it is that function (reflectCall).
		g.flowsFrom(id, cc.Args[0], n.c, n.path)
		return
	}
	t := v.Type()
	if !isCollection(t) {
		return
	}
	sig := cc.Signature()
	for i, a := range cc.Args {
		at := a.Type()
		switch {
		case types.Identical(at, t):
			g.flowsFrom(id, a, n.c, n.path)
		case sig.Variadic() && i == len(cc.Args)-1:
			if s, ok := at.Underlying().(*types.Slice); ok && types.Identical(s.Elem(), t) {
				g.flowsFrom(id, a, n.c, join("[*]", anyElement(n.path)))
			}
		}
	}
}

func isCollection(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Slice, *types.Map:
		return true
	}
	return false
}

// catalogued reports whether fn is a catalogued adapter, tool-name builder
// or registration: its body is not followed, its arguments are.
func (e *engine) catalogued(fn *ssa.Function) bool {
	sym := rules.Normalize(symbolOf(fn))
	if _, ok := e.cat.Adapters[sym]; ok {
		return true
	}
	if _, ok := e.cat.ToolNames[sym]; ok {
		return true
	}
	_, ok := e.cat.Registers[sym]
	return ok
}

// lookup adds the values of the maps a lookup reads, each entry an
// alternative of the lookup's fan-out.
func (g *graph) lookup(id int32, n node, l *ssa.Lookup) {
	if _, ok := l.X.Type().Underlying().(*types.Map); !ok {
		return
	}
	f := g.e.fan(fanKey{kind: fanMap, x: l, c: n.c})
	g.flowsFrom(id, l.X, n.c, join("{}#"+strconv.Itoa(int(f)), n.path))
}

// next adds the keys (Index 1) or values (Index 2) of a range over a map.
func (g *graph) next(id int32, n node, ex *ssa.Extract, nx *ssa.Next) {
	if nx.IsString || ex.Index == 0 {
		return
	}
	rg, ok := nx.Iter.(*ssa.Range)
	if !ok {
		return
	}
	f := strconv.Itoa(int(g.e.fan(fanKey{kind: fanMap, x: nx, c: n.c})))
	el := "{}#" + f
	if ex.Index == 1 {
		el = "{k}#" + f
	}
	g.flowsFrom(id, rg.X, n.c, join(el, n.path))
}

// mapEntries adds the keys or values stored into a map, per entry.
func (g *graph) mapEntries(id int32, n node, m *ssa.MakeMap) {
	h, rest := head(n.path)
	key := strings.HasPrefix(h, "{k}")
	if !key && !strings.HasPrefix(h, "{}") {
		return
	}
	fan := int32(-1)
	if _, f, ok := strings.Cut(h, "#"); ok {
		x, _ := strconv.Atoi(f)
		fan = int32(x)
	}
	for _, u := range g.e.mapUpdates(m) {
		c := n.c
		if u.Parent() != m.Parent() {
			c = nil
		}
		x := u.Value
		if key {
			x = u.Key
		}
		nd := node{v: x, c: c, path: rest}
		if fan >= 0 {
			g.add(id, nd, ePlain, fan, g.e.alt(u, c))
		} else {
			g.add(id, nd, ePlain, -1, -1)
		}
	}
}

// leafExpansions reads into a value that no flow reaches further: the name
// field of a catalogued tool type, the handler of a catalogued adapter,
// the name argument of a catalogued tool-name builder.
func (g *graph) leafExpansions(id int32, n node) {
	if c, result := callResult(n.v); c != nil {
		if callee := c.Call.StaticCallee(); callee != nil {
			sym := rules.Normalize(symbolOf(callee))
			args := callArgs(&c.Call)
			if ad, ok := g.e.cat.Adapters[sym]; ok && ad.HandlerArg < len(args) && n.path == "" && result == 0 {
				g.flowsFrom(id, args[ad.HandlerArg], n.c, "")
				return
			}
			// The builder's result is the tool's name holder, read whole
			// (a registration's tool argument) or at its name field (a
			// tool's Info() returning the *schema.ToolInfo a constructor
			// built with GoStruct2ToolInfo(name, desc)).
			if tn, ok := g.e.cat.ToolNames[sym]; ok && tn.NameArg < len(args) && result == 0 &&
				(n.path == "" || n.path == g.nameField(n.v.Type())) {
				g.flowsFrom(id, args[tn.NameArg], n.c, "")
				return
			}
		}
	}
	t := projType(n)
	if t == nil {
		return
	}
	if tt, ok := g.e.cat.ToolTypes[rules.Normalize(typeSymbol(t))]; ok {
		el := tt.Field
		if _, ptr := types.Unalias(t).Underlying().(*types.Pointer); ptr {
			el = join("*", el)
		}
		g.flowsFrom(id, n.v, n.c, join(n.path, el))
	}
}

// callResult is the call whose result v is, and which result: the call
// itself (0), or an element of the tuple it returns.
func callResult(v ssa.Value) (*ssa.Call, int) {
	switch x := v.(type) {
	case *ssa.Call:
		return x, 0
	case *ssa.Extract:
		if c, ok := x.Tuple.(*ssa.Call); ok {
			return c, x.Index
		}
	}
	return nil, -1
}

// nameField is the path of the name field in a value of a catalogued tool
// type (or a pointer to one): "Name", "*/Name"; "" for any other type.
func (g *graph) nameField(t types.Type) string {
	ptr := false
	if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
		t, ptr = p.Elem(), true
	}
	tt, ok := g.e.cat.ToolTypes[rules.Normalize(typeSymbol(t))]
	if !ok {
		return ""
	}
	if ptr {
		return join("*", tt.Field)
	}
	return tt.Field
}

// projType is the type of a node's value projected by its path; nil when
// the path does not fit the type.
func projType(n node) types.Type {
	if n.kind == kEnter {
		return nil
	}
	t := n.v.Type()
	if n.path == "" {
		return t
	}
	for _, el := range strings.Split(n.path, "/") {
		u := types.Unalias(t).Underlying()
		switch {
		case el == "*":
			p, ok := u.(*types.Pointer)
			if !ok {
				return nil
			}
			t = p.Elem()
		case strings.HasPrefix(el, "["):
			switch x := u.(type) {
			case *types.Slice:
				t = x.Elem()
			case *types.Array:
				t = x.Elem()
			case *types.Pointer:
				a, ok := x.Elem().Underlying().(*types.Array)
				if !ok {
					return nil
				}
				t = a.Elem()
			default:
				return nil
			}
		case strings.HasPrefix(el, "{k}"):
			m, ok := u.(*types.Map)
			if !ok {
				return nil
			}
			t = m.Key()
		case strings.HasPrefix(el, "{}"):
			m, ok := u.(*types.Map)
			if !ok {
				return nil
			}
			t = m.Elem()
		default:
			s, ok := u.(*types.Struct)
			if !ok {
				return nil
			}
			found := false
			for i := 0; i < s.NumFields(); i++ {
				if s.Field(i).Name() == el {
					t, found = s.Field(i).Type(), true
					break
				}
			}
			if !found {
				return nil
			}
		}
	}
	return t
}

// leaves returns the leaf nodes that flow into a node, following value
// edges only (not into the values a call calls).
func (g *graph) leaves(from int32) []int32 {
	var out []int32
	seen := map[int32]bool{from: true}
	stack := []int32{from}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := 0
		for _, e := range g.out[id] {
			if e.kind != ePlain {
				continue
			}
			n++
			if !seen[e.to] {
				seen[e.to] = true
				stack = append(stack, e.to)
			}
		}
		if n == 0 && g.nodes[id].kind == kValue {
			out = append(out, id)
		}
	}
	sortIDs(out)
	return out
}

// funcLeaves returns the function values among the leaves of a node.
func (g *graph) funcLeaves(from int32) []int32 {
	var out []int32
	for _, l := range g.leaves(from) {
		if isFuncValue(g.nodes[l]) {
			out = append(out, l)
		}
	}
	return out
}

func isFuncValue(n node) bool {
	if n.kind == kMethod {
		return true
	}
	if n.path != "" || n.kind != kValue {
		return false
	}
	switch n.v.(type) {
	case *ssa.Function, *ssa.MakeClosure:
		return true
	}
	return false
}

func sortIDs(ids []int32) {
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
}

// deadBlocks returns the blocks of fn that never run because a condition
// decides on constants: `if override != ""` where override is a function
// that returns "" (a build-time switch). Their returns are not results of
// fn. Memoised per function.
func (e *engine) deadBlocks(fn *ssa.Function) map[*ssa.BasicBlock]bool {
	if d, ok := e.dead[fn]; ok {
		return d
	}
	var dead map[*ssa.BasicBlock]bool
	e.dead[fn] = nil // a recursive call sees no dead blocks
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cmp, ok := iff.Cond.(*ssa.BinOp)
		if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
			continue
		}
		x, okx := e.constValue(cmp.X, 0)
		y, oky := e.constValue(cmp.Y, 0)
		if !okx || !oky || x.Kind() != y.Kind() {
			continue
		}
		taken := constant.Compare(x, cmp.Op, y)
		never := b.Succs[1]
		if !taken {
			never = b.Succs[0]
		}
		if len(never.Preds) != 1 {
			continue
		}
		for _, d := range fn.Blocks {
			if never.Dominates(d) {
				if dead == nil {
					dead = map[*ssa.BasicBlock]bool{}
				}
				dead[d] = true
			}
		}
	}
	e.dead[fn] = dead
	return dead
}

// constValue is the constant a value always is: a constant, or the result
// of a static call of a function whose every live return is that constant.
func (e *engine) constValue(v ssa.Value, depth int) (constant.Value, bool) {
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value == nil {
			return nil, false
		}
		return x.Value, true
	case *ssa.Call:
		callee := x.Call.StaticCallee()
		if callee == nil || depth > 3 || e.skip(callee) || len(callee.Blocks) == 0 {
			return nil, false
		}
		dead := e.deadBlocks(callee)
		var val constant.Value
		for _, ret := range e.ix.returnsOf(callee) {
			if dead[ret.Block()] {
				continue
			}
			if len(ret.Results) != 1 {
				return nil, false
			}
			c, ok := e.constValue(ret.Results[0], depth+1)
			if !ok || (val != nil && !constant.Compare(val, token.EQL, c)) {
				return nil, false
			}
			val = c
		}
		return val, val != nil
	}
	return nil, false
}

// skip reports whether the flow stays out of fn's body: an opaque
// function, or a synthetic wrapper of one.
func (e *engine) skip(fn *ssa.Function) bool {
	if isWrapper(fn) {
		if m := unwrapWrapper(fn); m != fn {
			return e.opaque(m)
		}
	}
	return e.opaque(fn)
}
