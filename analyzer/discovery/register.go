package discovery

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/rules"
)

// This file finds the calls that register tools with an SDK, and turns
// each into tools: the handler argument followed back to every handler it
// can be, the tool argument to every name, paired by the alternatives they
// came through (pair.go).

// registration is one call of a catalogued registration function.
type registration struct {
	site ssa.CallInstruction
	// c is the context the call is evaluated in: nil, or one caller of the
	// helper that received the registration function as a value.
	c   *ctx
	reg rules.Register
	// callee is the catalogued function.
	callee *ssa.Function
	// shift maps a catalog argument index to the call's: -1 when the
	// function is called as a method value (the receiver is bound).
	shift int
	// recv is the receiver a registration method value was bound to
	// (a helper given s.server.AddTool), for shift -1.
	recv node
}

// maxCallbackNodes bounds the search for the function a callback-style call
// calls.
const maxCallbackNodes = 20_000

// registrations finds the registration calls in the analysed code: calls of
// a catalogued function, and calls of a function value that is one (a
// helper that receives s.server.AddTool as a parameter).
func (e *engine) registrations(scope []*ssa.Function) []registration {
	var out []registration
	for _, fn := range scope {
		if inGenericBody(fn) {
			// The generic body itself never runs: its instances do,
			// each with its callers' handlers (a RegisterTool[In,
			// Out] helper), and they are in scope too.
			continue
		}
		for _, site := range symbol.CallSites(fn) {
			cc := site.Common()
			if callee := cc.StaticCallee(); callee != nil {
				if reg, ok := e.cat.Registers[rules.Normalize(symbolOf(callee))]; ok {
					for _, c := range e.serverContexts(fn, cc, reg) {
						out = append(out, registration{site: site, c: c, reg: reg, callee: callee})
					}
				}
				continue
			}
			if cc.IsInvoke() || !isCallback(cc.Value) {
				continue
			}
			out = append(out, e.callbackRegistrations(fn, site)...)
		}
	}
	return out
}

// inGenericBody reports whether fn is a generic function's own body (with
// its type parameters, not an instance), or a function literal in one.
func inGenericBody(fn *ssa.Function) bool {
	for f := fn; f != nil; f = f.Parent() {
		if f.TypeParams().Len() > 0 && len(f.TypeArgs()) == 0 {
			return true
		}
	}
	return false
}

// maxServerContexts bounds the callers a registration helper is analysed
// in, one by one.
const maxServerContexts = 16

// serverContexts returns the contexts to analyse a registration in: one
// per caller of fn when the server it registers on is fn's parameter (a
// helper that registers a table on the server it is given, called for
// several servers), so that each caller's tools join that caller's server;
// otherwise the unknown context alone.
func (e *engine) serverContexts(fn *ssa.Function, cc *ssa.CallCommon, reg rules.Register) []*ctx {
	args := callArgs(cc)
	if reg.ServerArg < 0 || reg.ServerArg >= len(args) {
		return []*ctx{nil}
	}
	p, ok := stripChange(args[reg.ServerArg]).(*ssa.Parameter)
	sites := e.ix.callSites[fn]
	if !ok || p.Parent() != fn || len(sites) < 2 || len(sites) > maxServerContexts {
		return []*ctx{nil}
	}
	out := make([]*ctx, 0, len(sites))
	for _, caller := range sites {
		out = append(out, e.intern(ctxKey{fn: fn, site: caller}))
	}
	return out
}

// isCallback reports whether a called value is one that a registration
// function could be passed as: a parameter, a captured variable, a method
// value.
func isCallback(v ssa.Value) bool {
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.Parameter, *ssa.FreeVar:
			return true
		case *ssa.MakeClosure:
			return symbol.IsBound(x.Fn.(*ssa.Function))
		case *ssa.UnOp:
			_, ok := x.X.(*ssa.FreeVar)
			return ok
		}
		return false
	}
}

// callbackRegistrations resolves the function a callback-style call calls,
// per caller of the enclosing function when the value is one of its
// parameters, and keeps the catalogued registration functions.
func (e *engine) callbackRegistrations(fn *ssa.Function, site ssa.CallInstruction) []registration {
	cc := site.Common()
	ctxs := []*ctx{nil}
	if p, ok := stripChange(cc.Value).(*ssa.Parameter); ok && p.Parent() == fn {
		ctxs = nil
		for _, caller := range e.ix.callSites[fn] {
			ctxs = append(ctxs, e.intern(ctxKey{fn: fn, site: caller}))
		}
	}
	var out []registration
	for _, c := range ctxs {
		g := e.newGraph()
		g.limit = maxCallbackNodes
		r := g.root(node{v: cc.Value, c: c})
		for _, l := range g.funcLeaves(r) {
			ln := g.nodes[l]
			var target *ssa.Function
			shift := 0
			var recv node
			switch f := ln.v.(type) {
			case *ssa.Function:
				target = unwrapWrapper(f)
			case *ssa.MakeClosure:
				fv := f.Fn.(*ssa.Function)
				if !symbol.IsBound(fv) || len(f.Bindings) == 0 {
					continue
				}
				target, shift, recv = unwrapWrapper(fv), -1, node{v: f.Bindings[0], c: ln.c}
			}
			if target == nil {
				continue
			}
			if reg, ok := e.cat.Registers[rules.Normalize(symbolOf(target))]; ok {
				out = append(out, registration{site: site, c: c, reg: reg, callee: target, shift: shift, recv: recv})
			}
		}
	}
	return out
}

func stripChange(v ssa.Value) ssa.Value {
	for {
		ct, ok := v.(*ssa.ChangeType)
		if !ok {
			return v
		}
		v = ct.X
	}
}

// server is the value of the registration's server argument (the receiver
// a method value was bound to, for a registration function passed as a
// value); none when the catalog names no server argument.
func (r registration) server(arg func(int) ssa.Value) node {
	switch {
	case r.reg.ServerArg < 0:
		return node{}
	case r.reg.ServerArg == 0 && r.shift == -1:
		return r.recv
	}
	return node{v: arg(r.reg.ServerArg), c: r.c}
}

// serverValues returns the values a server argument can be: the calls and
// allocations that make a server. A nil constant is no server; a
// parameter whose callers are unknown stands for one only when nothing
// better is found.
func (g *graph) serverValues(root int32) []ssa.Value {
	var out []ssa.Value
	for _, l := range g.serverLeaves(root) {
		out = append(out, g.nodes[l].v)
	}
	return out
}

// serverLeaves are the nodes of serverValues.
func (g *graph) serverLeaves(root int32) []int32 {
	var made, other []int32
	for _, l := range g.leaves(root) {
		n := g.nodes[l]
		if n.path != "" {
			continue
		}
		switch n.v.(type) {
		case *ssa.Const:
		case *ssa.Call, *ssa.Alloc:
			made = append(made, l)
		default:
			other = append(other, l)
		}
	}
	if len(made) > 0 {
		return made
	}
	return other
}

// runners turns a registration whose handler is a value (a runner whose
// method runs the tool: cogito.NewToolDefinition(runner, args, "x", ...))
// into one tool per value of a type with that method flowing into it,
// named by the constant name argument.
func (g *graph) runners(base Tool, hv, nv ssa.Value, r registration) []Tool {
	name, named := "", false
	if nv != nil {
		name, named = g.onlyName(g.root(node{v: nv, c: r.c}), 0)
	}
	tools := g.instances(g.root(node{v: hv, c: r.c}), r.reg.Method, nameOf{}, name, named,
		rules.Dispatch{Framework: r.reg.Framework}, r.site, nil)
	for i := range tools {
		tools[i].holder = nil
		tools[i].made = base.made
		tools[i].Registration = base.Registration
	}
	return tools
}

// registered turns one registration into its tools.
func (e *engine) registered(r registration) []Tool {
	g := e.newGraph()
	defer func() {
		if g.rewraps {
			e.rewraps[r.site] = true
		}
	}()
	args := callArgs(r.site.Common())
	arg := func(i int) ssa.Value {
		j := i + r.shift
		if i < 0 || j < 0 || j >= len(args) {
			return nil
		}
		return args[j]
	}
	srv := int32(-1)
	if sv := r.server(arg); sv.v != nil {
		srv = g.root(sv)
	}
	base := Tool{Framework: r.reg.Framework, Registration: r.site.Pos(), made: []ssa.CallInstruction{r.site}}
	first := []ssa.Instruction{r.site}
	if r.c != nil && r.c.site != nil {
		first = append(first, r.c.site)
	}
	var out []Tool
	if hv := arg(r.reg.HandlerArg); hv != nil && r.reg.Method != "" {
		return g.runners(base, hv, arg(r.reg.NameArg), r)
	}
	if hv := arg(r.reg.HandlerArg); hv != nil {
		tv := arg(r.reg.NameArg)
		if tv == nil {
			tv = arg(r.reg.ToolArg)
		}
		h := g.root(node{v: hv, c: r.c})
		t := int32(-1)
		if tv != nil {
			t = g.root(node{v: tv, c: r.c, path: sliceRoot(tv.Type())})
		}
		out = append(out, g.assemble(base, first, h, t, srv)...)
	}
	if tv := arg(r.reg.ToolsArg); tv != nil {
		if s, ok := tv.Type().Underlying().(*types.Slice); ok {
			el := s.Elem()
			prefix := "[]#" + fmt.Sprint(e.fan(fanKey{kind: fanRows, x: tv, c: r.c}))
			if p, ok := el.Underlying().(*types.Pointer); ok {
				el, prefix = p.Elem(), join(prefix, "*")
			}
			if ts, ok := e.cat.ToolStructs[rules.Normalize(typeSymbol(el))]; ok {
				h := g.root(node{v: tv, c: r.c, path: join(prefix, ts.HandlerField)})
				t := g.root(node{v: tv, c: r.c, path: join(prefix, ts.ToolField)})
				out = append(out, g.assemble(base, first, h, t, srv)...)
			}
		}
	}
	return out
}

// assemble pairs the handlers flowing into h with the names flowing into t
// (t < 0: no name) and builds one tool per handler, or one per name when a
// handler was made into several tools (two rows of a table sharing it).
//
// base holds what every tool of the registration shares; first are the
// instructions whose conditions gate all of them. srv (< 0: none) is the
// registration's server argument: each tool gets the servers that meet its
// handler, as a name does (a helper that registers a table on the server
// it is given registers each caller's rows on that caller's server), or
// all of them when none does.
func (g *graph) assemble(base Tool, first []ssa.Instruction, h, t, srv int32) []Tool {
	handlers, wrappers := g.handlerLeaves(h)
	if len(handlers) == 0 {
		return nil
	}
	var named, unknown []int32
	if t >= 0 {
		named, unknown = g.nameLeaves(t)
	}
	var ids []int32
	ids = append(ids, handlers...)
	ids = append(ids, named...)
	ids = append(ids, unknown...)
	roots := []int32{h}
	if t >= 0 {
		roots = append(roots, t)
	}
	places := g.meetings(ids, roots)
	at := map[int32]int{}
	for i, x := range ids {
		at[x] = i
	}
	handlerSet := map[int32]bool{}
	for _, x := range handlers {
		handlerSet[x] = true
	}
	wrapReach := map[int32]map[int32]bool{}
	for _, w := range wrappers {
		wrapReach[w] = g.reaches(w)
	}
	// The hints are read last: reading them adds edges (hints.go) that the
	// handlers' places above must not see.
	var hints []hintValue
	var hintPlaces []map[meetKey]bool
	if t >= 0 {
		var hintRoots []int32
		hints, hintRoots = g.hintValues(t)
		ids := make([]int32, len(hints))
		for i, v := range hints {
			ids[i] = v.id
		}
		hintPlaces = g.meetings(ids, append(roots, hintRoots...))
	}
	var servers []int32
	var serverPlaces []map[meetKey]bool
	if srv >= 0 {
		servers = g.serverLeaves(srv)
		serverPlaces = g.meetings(servers, append(slices.Clone(roots), srv))
	}
	// A name that meets no handler where it is first chosen may still be
	// one handler's: the name of a helper that makes the handler it
	// registers, chosen at the helper's callers, above where the two meet.
	direct := map[int32]bool{}
	for _, nid := range named {
		for _, hid := range handlers {
			if meet(places[at[hid]], places[at[nid]]) {
				direct[nid] = true
				break
			}
		}
	}
	above := map[int32]map[meetKey]bool{}
	var in [][]edge
	// A handler whose value names itself (its Name() is a constant) is
	// the tool of that name when the flow cannot pair the names with the
	// handlers: a name chosen above the registration that meets every
	// handler only through an alternative (a loop over names around a
	// helper that looks each up in a registry keyed by Name(), and
	// registers through a wrapper of the server) goes to the handlers
	// that agree with it, not to all. The reverse edges are taken first:
	// reading the names adds nodes that the alternatives must not see.
	selfNames, agreed := map[int32]string{}, map[string]bool{}
	if len(handlers) > 1 && len(named) > 0 {
		in = g.reverseEdges()
		for _, hid := range handlers {
			if s, ok := g.selfName(hid); ok {
				selfNames[hid], agreed[s] = s, true
			}
		}
	}
	var out []Tool
	for _, hid := range handlers {
		hp := places[at[hid]]
		fn, _ := g.e.handlerFunc(g.nodes[hid])
		base := base
		base.Handler = fn
		base.Servers = pickServers(g, servers, serverPlaces, hp)
		base.Gates = g.gates(first, hp)
		base.Layers = g.layers(hid, wrappers, wrapReach, handlerSet)
		if l, ok := g.routeLayer(hid); ok {
			base.Layers = append(slices.Clone(base.Layers), l)
		}
		base.Hints, base.HintsAt = pairHints(hints, hintPlaces, hp)
		if base.Hints == nil && fn != nil && fn.Signature.Recv() != nil {
			// A registry's tool registered under a description its
			// type gives (def := t.Definition(); s.AddTool(&def, h)),
			// with a handler that looks it up by name: the hints are
			// those of the handler's type's description.
			base.Hints, base.HintsAt = g.methodHints(fn.Signature.Recv().Type(), nil)
		}
		names := map[string]bool{}
		nameAt := map[string]map[meetKey]bool{}
		made := map[string]token.Pos{}
		ambiguous := false
		var affixed []int32
		// claimed is set when a name reached this handler only through
		// an alternative and went to the handler that says it.
		claimed := false
		for _, nid := range named {
			s, known := g.nameOf(nid, 0)
			// With one handler, every name is its: a loop over a
			// list of names (`for _, n := range []string{"a", "b"}`)
			// registers it under each, though the names fan out
			// where the handler does not.
			if len(handlers) > 1 && !meet(hp, places[at[nid]]) {
				if direct[nid] {
					continue
				}
				if above[nid] == nil {
					if in == nil {
						in = g.reverseEdges()
					}
					above[nid] = alternatives(in, nid)
				}
				if !meetAlternative(hp, above[nid]) {
					continue
				}
				if known && agreed[s] && selfNames[hid] != s {
					claimed = true
					continue
				}
			}
			if known {
				names[s] = true
				if nameAt[s] == nil {
					nameAt[s] = map[meetKey]bool{}
				}
				for k := range places[at[nid]] {
					nameAt[s][k] = true
				}
				if p := g.madeAt(hp, places[at[nid]], g.nodes[hid]); p.IsValid() && (!made[s].IsValid() || p < made[s]) {
					made[s] = p
				}
			} else if _, isBinOp := g.nodes[nid].v.(*ssa.BinOp); isBinOp {
				affixed = append(affixed, nid)
			} else {
				ambiguous = true
			}
		}
		for _, nid := range affixed {
			// A name configuration may prefix is the name that also
			// reaches the handler plain (names.go, affixes).
			if !g.affixes(nid, names, 0) {
				ambiguous = true
			}
		}
		for _, u := range unknown {
			if meet(hp, places[at[u]]) {
				ambiguous = true
			}
		}
		if cases := caseNames(g.nodes[hid].v); len(cases) > 0 && (ambiguous || len(names) == 0 || subset(cases, names)) {
			// The handler a lookup returns in a switch's case is the
			// tool that case names (names.go, caseNames).
			names, ambiguous = map[string]bool{}, false
			for _, s := range cases {
				names[s] = true
			}
		}
		if !ambiguous && len(names) == 0 && claimed {
			// Every name that could reach it is another handler's: a
			// type the registry holds under a name never registered
			// (a factory's type no list names) is no tool.
			continue
		}
		if ambiguous || len(names) == 0 {
			tl := base
			tl.Name, tl.NameFrom = handlerName(fn), "handler"
			if s, ok := g.selfName(hid); ok {
				tl.Name, tl.NameFrom, tl.selfNamed = s, "constant", true
				// The registration that declares the tool under that
				// name (def := t.Definition(); s.AddTool(&def, …)) is
				// the one to show, of all that look the value up.
				for _, nid := range named {
					if n, ok := g.nameOf(nid, 0); ok && n == s {
						tl.declared = true
					}
				}
			}
			out = append(out, tl)
			continue
		}
		for _, s := range sortedNames(names) {
			tl := base
			tl.Name, tl.NameFrom = s, "constant"
			// A handler shared by several tools (one function in the tables
			// of two servers) meets every server and every helper call; the
			// ones this name also meets are this tool's.
			if both := within(hp, nameAt[s]); len(both) > 0 {
				tl.Gates = g.gates(first, both)
				tl.Servers = pickServers(g, servers, serverPlaces, both)
			}
			if p := made[s]; p.IsValid() {
				tl.Registration = p
			}
			out = append(out, tl)
		}
	}
	return out
}

// subset reports whether every one of xs is in set.
func subset(xs []string, set map[string]bool) bool {
	for _, x := range xs {
		if !set[x] {
			return false
		}
	}
	return true
}

// pickServers returns the server values whose places meet places, or all
// of them when none does.
func pickServers(g *graph, servers []int32, serverPlaces []map[meetKey]bool, places map[meetKey]bool) []ssa.Value {
	var out []ssa.Value
	for i, x := range servers {
		if meet(places, serverPlaces[i]) {
			out = append(out, g.nodes[x].v)
		}
	}
	if len(out) == 0 {
		for _, x := range servers {
			out = append(out, g.nodes[x].v)
		}
	}
	return out
}

// within returns the places of a that b has too.
func within(a, b map[meetKey]bool) map[meetKey]bool {
	out := map[meetKey]bool{}
	for k := range a {
		if b[k] {
			out[k] = true
		}
	}
	return out
}

// madeAt is where a tool was made: a descriptor literal or a constructor
// call where its handler and its name meet, preferring the function that
// made the handler value, then a function of the application's own rather
// than a generic helper's instance. NoPos when they meet at no such value
// (a name and a handler passed straight to the registration).
func (g *graph) madeAt(hp, np map[meetKey]bool, handler node) token.Pos {
	var maker *ssa.Function
	if mc, ok := handler.v.(*ssa.MakeClosure); ok {
		maker = mc.Parent()
	}
	best, bestRank := token.NoPos, 3
	for k := range hp {
		if k.fan != -1 || !np[k] {
			continue
		}
		v, ok := k.v.(ssa.Value)
		if !ok || !v.Pos().IsValid() {
			continue
		}
		instr, ok := v.(ssa.Instruction)
		if !ok {
			continue
		}
		switch v.(type) {
		case *ssa.Alloc, *ssa.Call:
		default:
			continue
		}
		rank := 2
		switch fn := instr.Parent(); {
		case fn == maker:
			rank = 0
		case fn.Origin() == nil && !isWrapper(fn):
			rank = 1
		}
		if rank < bestRank || (rank == bestRank && v.Pos() < best) {
			best, bestRank = v.Pos(), rank
		}
	}
	return best
}

func sortedNames(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// gates lists the instructions whose conditions can keep a tool from being
// registered: first (the registration call, the call of the helper it was
// made in), then the helper calls and table rows the tool's handler came
// through last, nearest to where the tool was made first (a flag around
// one tool's row says more than a filter every tool passes).
func (g *graph) gates(first []ssa.Instruction, places map[meetKey]bool) []ssa.Instruction {
	out := append([]ssa.Instruction(nil), first...)
	var keys []meetKey
	for k := range places {
		if k.fan >= 0 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].fan != keys[j].fan {
			return keys[i].fan > keys[j].fan
		}
		return keys[i].alt < keys[j].alt
	})
	for _, k := range keys {
		switch x := g.e.altOf[k.alt].x.(type) {
		case ssa.CallInstruction:
			if g.e.fanOf[k.fan].kind == fanCallers {
				out = append(out, x)
			}
		case *ssa.IndexAddr:
			out = append(out, x)
		case *ssa.MapUpdate:
			out = append(out, x)
		}
	}
	return out
}

// layers returns the wrappers around one handler, outermost first, each
// with the calls that run the next layer for this handler.
func (g *graph) layers(hid int32, wrappers []int32, reach map[int32]map[int32]bool, handlerSet map[int32]bool) []Layer {
	var chain []int32
	inChain := map[int32]bool{hid: true}
	for _, w := range wrappers {
		if reach[w][hid] {
			chain = append(chain, w)
			inChain[w] = true
		}
	}
	var out []Layer
	for _, w := range chain {
		fn, _ := g.e.handlerFunc(g.nodes[w])
		l := Layer{Fn: fn, Next: map[ssa.CallInstruction][]*ssa.Function{}}
		for x := range reach[w] {
			if x != hid && handlerSet[x] {
				l.Shared = true
				break
			}
		}
		for _, e := range g.out[w] {
			if e.kind != eWrap || !g.reaches(e.to)[hid] {
				continue
			}
			site := g.wrapSite[[2]int32{w, e.to}]
			seen := map[*ssa.Function]bool{}
			for _, x := range g.nextLayers(e.to, inChain) {
				if f, _ := g.e.handlerFunc(g.nodes[x]); f != nil && !seen[f] {
					seen[f] = true
					l.Next[site] = append(l.Next[site], f)
				}
			}
		}
		out = append(out, l)
	}
	return out
}

// nextLayers returns the function values of a chain first reached from a
// wrapper's call.
func (g *graph) nextLayers(from int32, inChain map[int32]bool) []int32 {
	return g.firstMet(from, func(id int32) []int32 { return g.sources(id, false) }, func(id int32) (stop, keep bool) {
		return isFuncValue(g.nodes[id]), inChain[id]
	})
}

// cannotTell is the warning for a registration whose handler is unknown.
func (e *engine) cannotTell(r registration) string {
	pos := e.prog.Fset.Position(r.site.Pos())
	return fmt.Sprintf("%s: cannot tell which handler %s registers; its tools are not analysed", pos, symbol.Short(r.callee))
}
