package analyzer

import (
	"container/heap"
	"go/constant"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/callconst"
	"github.com/blastradius/blastradius/analyzer/discovery"
	"github.com/blastradius/blastradius/analyzer/sink"
	"github.com/blastradius/blastradius/analyzer/summary"
	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/analyzer/unset"
	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

// step is one function reached from a tool's handler, with the call that
// reached it.
type step struct {
	fn   *ssa.Function
	prev *step
	// site is the call in prev.fn that reached fn; nil for the handler.
	// For a function prev.fn sent on a work queue, site is the worker's
	// call that runs it, and via the send in prev.fn (see queues.go).
	site ssa.CallInstruction
	via  ssa.Instruction
	// dynamic counts the dynamic calls (interface, function value,
	// callback) on the path; length counts all calls. The witness is the
	// path with the fewest dynamic calls, then the fewest calls, as in
	// govulncheck's witness.go.
	dynamic, length int
	seq             int
	// ctx is what the call that reached fn fixes of its deciding
	// parameters (package callconst): fn is searched once per context.
	ctx *callconst.Context
}

// point is the instruction in prev.fn that leads to fn: the call, or the
// send that queued fn.
func (s *step) point() ssa.Instruction {
	if s.via != nil {
		return s.via
	}
	if s.site == nil {
		return nil
	}
	return s.site
}

// hit is a sink reached by a tool.
type hit struct {
	capability string
	sink       string
	// site is the sink call, or for a sink reached inside an opaque
	// dependency the call into it, whose summary tail continues the
	// witness to the dependency's own sink call.
	site ssa.CallInstruction
	at   *step
	tail []report.Frame
	// config marks a read of a setting by a constant name (sink.Hit):
	// the tool's capability only where the value reaches the model.
	config bool
}

// reacher finds the sinks each tool can reach over the call graph.
//
// It also answers, for every stage after it, what a call site can call. The
// per-tool loop asks that again for the same dependency code for every tool
// (twelve Kubernetes tools share thousands of client-go functions), so the
// answers are memoised: a function's catalog symbol and name, and a call
// site's call-graph callees and symbols. Not safe for concurrent use.
type reacher struct {
	cat *rules.Catalog
	cg  *callgraph.Graph
	// impls, when set, gives the callees of an interface call of the
	// application's own that the call graph leaves with none.
	impls *implementers
	// channels maps a call that writes into a process's input to the
	// catalogued call that opened the channel (see channelWrites).
	channels map[ssa.CallInstruction]string
	// std holds the standard library's packages, which are never
	// summarised: the catalog says what they do.
	std map[string]bool
	// summaries, when set, say what calls into opaque dependencies reach.
	summaries *summary.Table
	// queueRuns are the calls that run a function received from a
	// channel, by element type (see queues.go).
	queueRuns map[string][]ssa.CallInstruction
	// unset, when set, closes the branches of a dependency's code that
	// test a setting the program never sets (package unset).
	unset *unset.Fields
	// consts says which of a function's branches and sinks' kinds the
	// constants a call passes decide.
	consts *callconst.Analysis

	symbols     map[*ssa.Function]string
	names       map[*ssa.Function]string
	indexed     map[*ssa.Function]bool
	siteCallees map[ssa.CallInstruction][]*ssa.Function
	siteSyms    map[ssa.CallInstruction][]string
	siteSinks   map[ssa.CallInstruction][]hit
	notSinks    map[*ssa.Function]bool
	// module holds the functions of the code under analysis (the
	// module's, and the libraries that serve its tools): set by run.
	module map[*ssa.Function]bool
	// ctxSinks and ctxSites memoise sinksIn and callSitesIn for a
	// context.
	ctxSinks map[siteContext][]hit
	ctxSites map[funcContext][]ssa.CallInstruction
}

type siteContext struct {
	site ssa.CallInstruction
	key  string
}

type funcContext struct {
	fn  *ssa.Function
	key string
}

func newReacher(cat *rules.Catalog, cg *callgraph.Graph, std map[string]bool) *reacher {
	rc := &reacher{cat: cat, cg: cg, std: std,
		symbols:     map[*ssa.Function]string{},
		names:       map[*ssa.Function]string{},
		indexed:     map[*ssa.Function]bool{},
		siteCallees: map[ssa.CallInstruction][]*ssa.Function{},
		siteSyms:    map[ssa.CallInstruction][]string{},
		siteSinks:   map[ssa.CallInstruction][]hit{},
		notSinks:    map[*ssa.Function]bool{},
		ctxSinks:    map[siteContext][]hit{},
		ctxSites:    map[funcContext][]ssa.CallInstruction{},
	}
	rc.consts = callconst.New(rc.graphCallees, rc.decidesSink, sink.Args)
	return rc
}

// notSink reports whether the catalog says a call of fn is no capability
// (a logger, a credential provider), memoised: what it reaches is not the
// tool's, in code the scan enters as in a summary.
func (rc *reacher) notSink(fn *ssa.Function) bool {
	no, ok := rc.notSinks[fn]
	if !ok {
		no = rc.cat.NotSink(rc.symbol(fn))
		rc.notSinks[fn] = no
	}
	return no
}

// symbol is symbolOf(fn), memoised. A method value's or a method
// expression's wrapper is spelled as the method it calls: `dial :=
// d.DialContext; dial(ctx, "tcp", addr)` calls (*net.Dialer).DialContext,
// a sink (sink.Args puts the bound receiver back in front of the
// arguments).
func (rc *reacher) symbol(fn *ssa.Function) string {
	s, ok := rc.symbols[fn]
	if !ok {
		s = symbolOf(unwrapWrapper(fn))
		rc.symbols[fn] = s
	}
	return s
}

// name is fn.String(), memoised: it orders a dynamic call's targets.
func (rc *reacher) name(fn *ssa.Function) string {
	s, ok := rc.names[fn]
	if !ok {
		s = fn.String()
		rc.names[fn] = s
	}
	return s
}

// graphCallees returns the call graph's callees of a call site, sorted by
// name: the graph's edge order is not the same from one run to the next,
// and whatever is derived from the first callee (a sink, a symbol, a
// recorded flow) must be. The first question about a function indexes all
// of its sites at once, rather than scanning its edges for every site.
func (rc *reacher) graphCallees(site ssa.CallInstruction) []*ssa.Function {
	fn := site.Parent()
	if !rc.indexed[fn] {
		rc.indexed[fn] = true
		if node := rc.cg.Nodes[fn]; node != nil {
			var sites []ssa.CallInstruction
			for _, e := range node.Out {
				if rc.siteCallees[e.Site] == nil {
					sites = append(sites, e.Site)
				}
				rc.siteCallees[e.Site] = append(rc.siteCallees[e.Site], e.Callee.Func)
			}
			for _, s := range sites {
				callees := rc.siteCallees[s]
				sort.Slice(callees, func(i, j int) bool {
					if a, b := rc.name(callees[i]), rc.name(callees[j]); a != b {
						return a < b
					}
					return callees[i].Pos() < callees[j].Pos()
				})
				rc.siteCallees[s] = slices.Compact(callees)
			}
		}
	}
	return rc.siteCallees[site]
}

// reach searches from the handler in witness order (Dijkstra over
// (dynamic, length)), never entering opaque functions, and returns each
// (capability, sink) once, with the first, hence best, witness found.
//
// A region limits the handler itself to those blocks (one case of a
// dispatch); the functions it calls are searched whole.
//
// The wrappers around the handler that wrap only this tool (layers not
// shared) are searched too, each from itself: their code runs for this
// tool. Their calls of the next layer are not followed, since the call
// graph sends them to every handler the wrapper wraps: the handler is
// searched as a root of its own.
func (rc *reacher) reach(handler *ssa.Function, region map[*ssa.BasicBlock]bool, layers []discovery.Layer) *reached {
	// best holds the (function, context) pairs searched; searched, the
	// functions searched in any context.
	rc.consts.NewSearch()
	best := map[funcContext]bool{}
	searched := map[*ssa.Function]bool{}
	visited := func(fn *ssa.Function, ctx *callconst.Context) bool {
		// A function searched knowing nothing has done all it can.
		return best[funcContext{fn, ""}] || best[funcContext{fn, ctx.Key()}]
	}
	out := &reached{steps: map[*ssa.Function]*step{}, sites: map[[2]string][]ssa.CallInstruction{},
		handler: handler, region: region, entry: regionEntry(region)}
	var hits []hit
	found := map[[3]string]bool{}
	seq := 0
	q := &stepQueue{}
	heap.Push(q, &step{fn: handler})
	blocked := map[ssa.CallInstruction]bool{}
	isLayer := map[*ssa.Function]bool{}
	for _, l := range layers {
		isLayer[l.Fn] = true
	}
	for _, l := range layers {
		for site := range l.Next {
			blocked[site] = true
		}
		if l.Shared {
			continue // the server's, not this tool's (see discovery.Layer)
		}
		seq++
		heap.Push(q, &step{fn: l.Fn, seq: seq})
	}
	for _, l := range layers {
		// What a layer of this tool's own runs for it that is no layer
		// itself nor the handler: the routes of a tool that routes each
		// call to one of its actions (discovery, routed). (A shared
		// layer's Next only says which of its calls not to follow.)
		if l.Shared {
			continue
		}
		for _, site := range sortedSites(l.Next) {
			for _, fn := range l.Next[site] {
				if fn != handler && !isLayer[fn] {
					seq++
					heap.Push(q, &step{fn: fn, seq: seq})
				}
			}
		}
	}
	push := func(prev *step, site ssa.CallInstruction, fn *ssa.Function, dynamic bool) {
		ctx := rc.consts.Enter(site, prev.ctx, fn)
		if visited(fn, ctx) {
			return
		}
		seq++
		dyn := prev.dynamic
		if dynamic {
			dyn++
		}
		heap.Push(q, &step{fn: fn, prev: prev, site: site, dynamic: dyn, length: prev.length + 1, seq: seq, ctx: ctx})
	}
	var binds *funcBindings
	follow := func(s *step, site ssa.CallInstruction, sink bool, keep func(*ssa.Function) bool) {
		for _, callee := range rc.callees(s.fn, site, sink) {
			if keep != nil && !callee.callback && !keep(callee.fn) {
				continue
			}
			if callee.callback {
				binds.unknownParams(callee.fn)
			} else {
				binds.bindCall(site, callee.fn)
			}
			push(s, site, callee.fn, callee.dynamic)
		}
	}
	binds = newFuncBindings(
		func(w waiter, fn *ssa.Function) {
			if !isOpaque(rc.cat, fn) {
				binds.bindCall(w.site, fn)
				push(w.at, w.site, fn, true)
			}
		},
		func(w waiter, keep func(*ssa.Function) bool) {
			follow(w.at, w.site, len(rc.sinksAt(w.site)) > 0, keep)
		})
	for q.Len() > 0 {
		s := heap.Pop(q).(*step)
		if visited(s.fn, s.ctx) {
			continue
		}
		best[funcContext{s.fn, s.ctx.Key()}] = true
		first := !searched[s.fn]
		searched[s.fn] = true
		if first {
			out.steps[s.fn] = s
			out.order = append(out.order, s.fn)
			if s.prev == nil {
				binds.unknownParams(s.fn)
			}
			if len(s.fn.FreeVars) > 0 {
				binds.bindClosure(s.fn, s.fn.Parent() != nil && searched[s.fn.Parent()])
			}
		}
		for _, site := range rc.callSitesIn(s.fn, s.ctx) {
			if s.prev == nil && s.fn == handler && region != nil && !region[site.Block()] {
				continue
			}
			if blocked[site] {
				continue
			}
			sinks := rc.sinksIn(site, s.ctx)
			for _, sk := range sinks {
				if k := [2]string{sk.capability, sk.sink}; !slices.Contains(out.sites[k], site) {
					out.sites[k] = append(out.sites[k], site)
				}
				key := [3]string{sk.capability, sk.sink, configKey(sk.config)}
				if !found[key] {
					found[key] = true
					hits = append(hits, hit{capability: sk.capability, sink: sk.sink, site: site, at: s, config: sk.config})
				}
			}
			if v := boundValue(site); v != nil {
				if fns, ok := binds.call(v, waiter{s, site}); ok {
					for _, fn := range fns {
						binds.enter(waiter{s, site}, fn)
					}
					continue
				}
			}
			follow(s, site, len(sinks) > 0, nil)
		}
		for _, qd := range rc.sentFuncs(s.fn) {
			if s.prev == nil && s.fn == handler && region != nil && !region[qd.send.Block()] {
				continue
			}
			if !visited(qd.fn, nil) {
				binds.bindCall(qd.run, qd.fn)
				seq++
				heap.Push(q, &step{fn: qd.fn, prev: s, site: qd.run, via: qd.send, dynamic: s.dynamic + 1, length: s.length + 1, seq: seq})
			}
		}
	}
	out.hits = hits
	return out
}

// opaqueCall returns how a call into opaque code that the catalog does not
// name is summarised: the symbol it calls (a function, or the interface
// method it invokes) and the package whose summary holds it. The standard
// library is never summarised, nor is a call the catalog says carries no
// capability (a logger).
func (rc *reacher) opaqueCall(site ssa.CallInstruction) (sym, pkg string, ok bool) {
	if len(rc.sinksAt(site)) > 0 || rc.continuesSink(site.Common()) {
		return "", "", false
	}
	c := site.Common()
	switch callee := c.StaticCallee(); {
	case callee != nil:
		if !isOpaque(rc.cat, callee) {
			return "", "", false
		}
		sym, pkg = rc.symbol(callee), declaringPackage(callee)
	case c.IsInvoke() && c.Method.Pkg() != nil:
		pkg = c.Method.Pkg().Path()
		if !rc.cat.IsOpaque(pkg) {
			return "", "", false
		}
		sym = symbol.Invoke(c)
	default:
		return "", "", false
	}
	if pkg == "" || rc.std[pkg] || rc.cat.NotSink(sym) {
		return "", "", false
	}
	if _, ok := rc.cat.Sink(sym); ok {
		// A catalogued sink whose call the catalog found to do nothing
		// of its kind (sink.At: an Exec of BEGIN or SET TRANSACTION, a
		// file opened only to be closed): the catalog has said what it
		// does, and its code is not searched again.
		return "", "", false
	}
	return sym, pkg, true
}

// continuesSink reports whether a method call continues a catalogued
// sink's operation (see sink.Continues).
func (rc *reacher) continuesSink(c *ssa.CallCommon) bool {
	return sink.Continues(c, func(call *ssa.Call) bool { return len(rc.sinksAt(call)) > 0 },
		func(p *ssa.Parameter) []ssa.Value { return sink.PassedBy(rc.cg, p) })
}

// declaringPackage is the package whose summary holds fn: its receiver
// type's for a method (a promoted method is summarised with the type that
// promotes it), its own otherwise.
func declaringPackage(fn *ssa.Function) string {
	if recv := fn.Signature.Recv(); recv != nil {
		if sym := typeSymbol(recv.Type()); sym != "" {
			if i := strings.LastIndexByte(sym, '.'); i > 0 {
				return sym[:i]
			}
		}
	}
	return symbol.Package(fn)
}

// opaqueCalls lists, by package, the symbols whose summaries the tools'
// searches need, sorted.
func (rc *reacher) opaqueCalls(results []*reached) map[string][]string {
	set := map[string]map[string]bool{}
	for _, res := range results {
		for _, fn := range res.order {
			for _, site := range symbol.CallSites(fn) {
				if !res.inScope(site) {
					continue
				}
				if sym, pkg, ok := rc.opaqueCall(site); ok {
					if set[pkg] == nil {
						set[pkg] = map[string]bool{}
					}
					set[pkg][sym] = true
				}
			}
		}
	}
	out := map[string][]string{}
	for p, syms := range set {
		for s := range syms {
			out[p] = append(out[p], s)
		}
		sort.Strings(out[p])
	}
	return out
}

// addSummaries adds to a tool's hits what its calls into opaque code
// reach, from their summaries: each (capability, sink) that no sink call of
// its own reaches, with the witness of the first such call in search
// order, which runs on into the dependency.
func (rc *reacher) addSummaries(res *reached) {
	if rc.summaries == nil {
		return
	}
	found := map[[2]string]bool{}
	for _, h := range res.hits {
		if !h.config {
			found[[2]string{h.capability, h.sink}] = true
		}
	}
	for _, fn := range res.order {
		for _, site := range symbol.CallSites(fn) {
			if !res.inScope(site) {
				continue
			}
			sym, _, ok := rc.opaqueCall(site)
			if !ok {
				continue
			}
			for _, r := range rc.summaries.Of(sym) {
				key := [2]string{r.Capability, r.Sink}
				if found[key] {
					continue
				}
				found[key] = true
				at, call := res.steps[fn], site
				if promotes(fn) && at != nil && at.prev != nil && at.site != nil {
					// A promoted method's wrapper has no place in the
					// source: the call of the method stands for its call
					// of the embedded field's method.
					at, call = at.prev, at.site
				}
				res.hits = append(res.hits, hit{capability: r.Capability, sink: r.Sink, site: call, at: at, tail: r.Path})
			}
		}
	}
}

// reached is what one tool reaches: its sinks, and every analysed function
// with the best step that reached it, in the order they were reached.
type reached struct {
	hits []hit
	// sites are, per capability and sink, every call of the sink the
	// search met in the tool (hits keeps the first).
	sites   map[[2]string][]ssa.CallInstruction
	steps   map[*ssa.Function]*step
	order   []*ssa.Function
	handler *ssa.Function
	region  map[*ssa.BasicBlock]bool
	// entry is the region's first block, which dominates the rest.
	entry *ssa.BasicBlock
	// otherWays are, per capability and sink, the operation hits that
	// another way to the same network call also makes (see
	// addOperations): the one shown may be a way the model does not
	// choose, another one it does.
	otherWays map[[2]string][]hit
	// modelQueries are the database reads whose statement the model
	// writes (see addStatementCapability).
	modelQueries map[ssa.CallInstruction]bool
	// after are the handler's blocks that run after the region, in the
	// same pass (see carriesResult); computed when first needed.
	after map[*ssa.BasicBlock]bool
}

// inScope reports whether a call site belongs to the tool: any site of a
// reached function, except that the handler is limited to its region.
func (r *reached) inScope(site ssa.CallInstruction) bool {
	if _, ok := r.steps[site.Parent()]; !ok {
		return false
	}
	return site.Parent() != r.handler || r.region == nil || r.region[site.Block()]
}

// feeds reports whether data flows through a call site into the tool: a
// site the tool owns, or in a dispatching handler a site that runs on the
// way into the tool's case (a block that dominates the case: the decoding
// of the call's arguments before the switch). The other cases belong to
// other tools, and what runs after the switch (or in a later iteration of
// the loop around it) does not run before this tool's code: a shared
// helper called from one case must not carry that case's input into
// another's flow.
func (r *reached) feeds(site ssa.CallInstruction) bool {
	if r.inScope(site) {
		return true
	}
	if site.Parent() != r.handler || r.region == nil {
		return false
	}
	return r.entry != nil && site.Block().Dominates(r.entry)
}

// carriesResult reports whether what the tool produces flows through a
// call site on its way back to the model: a site that feeds the tool, or
// in a dispatching handler one that runs after the tool's case in the same
// pass (the code after the switch that trims the result and puts it in
// the tool's message: `Content: clamp(result, n)`), before control comes
// back to the switch or the loop around it.
func (r *reached) carriesResult(site ssa.CallInstruction) bool {
	if r.feeds(site) {
		return true
	}
	if site.Parent() != r.handler || r.region == nil || r.entry == nil {
		return false
	}
	return r.afterRegion()[site.Block()]
}

// afterRegion returns the handler's blocks that run after the tool's case
// in the same pass (nil when the handler has no region).
func (r *reached) afterRegion() map[*ssa.BasicBlock]bool {
	if r.after == nil && r.region != nil && r.entry != nil {
		r.after = blocksAfter(r.region, r.entry)
	}
	return r.after
}

// blocksAfter returns the blocks control reaches from a region's exits
// without coming back through a block that dominates the region's entry
// (the switch, the loop's head): the code that runs after the region in
// the same pass.
func blocksAfter(region map[*ssa.BasicBlock]bool, entry *ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	out := map[*ssa.BasicBlock]bool{}
	var work []*ssa.BasicBlock
	for b := range region {
		work = append(work, b.Succs...)
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if out[b] || region[b] || b.Dominates(entry) {
			continue
		}
		out[b] = true
		work = append(work, b.Succs...)
	}
	return out
}

// regionEntry is the block of a region that dominates all the others (a
// case's body is the blocks its branch dominates), or nil.
func regionEntry(region map[*ssa.BasicBlock]bool) *ssa.BasicBlock {
	for b := range region {
		if idom := b.Idom(); idom == nil || !region[idom] {
			return b
		}
	}
	return nil
}

// frames is the witness call path from the handler to fn, with each frame
// at the call it makes to the next and the last at the given call.
func (r *reached) frames(fn *ssa.Function, last ssa.Instruction, pos positioner) []report.Frame {
	var frames []report.Frame
	var call ssa.Instruction = last
	for s := r.steps[fn]; s != nil; s = s.prev {
		frames = append(frames, report.Frame{Function: s.fn.String(), Position: pos.of(call.Pos())})
		call = s.point()
	}
	for i, j := 0, len(frames)-1; i < j; i, j = i+1, j-1 {
		frames[i], frames[j] = frames[j], frames[i]
	}
	return frames
}

type calleeAt struct {
	fn      *ssa.Function
	dynamic bool
	// callback: a function value handed to opaque code, which calls it
	// with arguments the search does not see.
	callback bool
}

// callees returns the analysed functions a call site can enter: its static
// callee or its call-graph callees, and, for a call into opaque code, the
// function values the site hands over (a callback of sort.Slice, sync.Once.Do
// or filepath.WalkDir runs on behalf of the caller).
//
// A sink is a leaf: its body is never entered, but the callbacks handed to
// it are followed (a filepath.WalkDir callback that removes files).
func (rc *reacher) callees(fn *ssa.Function, site ssa.CallInstruction, sink bool) []calleeAt {
	var out []calleeAt
	c := site.Common()
	var targets []*ssa.Function
	dynamic := false
	if callee := c.StaticCallee(); callee != nil {
		targets = []*ssa.Function{callee}
	} else if rc.cg.Nodes[fn] != nil {
		dynamic = true
		targets = rc.graphCallees(site)
	}
	if len(targets) == 0 && c.IsInvoke() {
		dynamic = true
		targets = rc.withImplementations(c, targets)
	}
	// A call through an interface the catalog says carries no capability
	// (oauth2's TokenSource.Token) enters no dependency's implementation,
	// as in a summary; the loader drops their bodies for it (load.Config's
	// NeverEntered), and this keeps the report the same without pruning.
	// The module's own implementations are its code.
	noDeps := c.IsInvoke() && rc.cat.NotSink(symbol.Invoke(c))
	opaqueCall := sink || opaqueInvoke(rc.cat, c)
	for _, t := range targets {
		switch {
		case sink || isOpaque(rc.cat, t):
			opaqueCall = true
		case rc.notSink(t) || noDeps && !rc.module[t]:
		default:
			out = append(out, calleeAt{fn: t, dynamic: dynamic})
		}
	}
	if opaqueCall {
		for _, a := range callArgs(c) {
			if f := funcValue(a); f != nil && !isOpaque(rc.cat, f) {
				out = append(out, calleeAt{fn: f, dynamic: true, callback: true})
			}
		}
	}
	return out
}

// withImplementations returns targets, or, for a call through an interface
// that the call graph gives no callee (a service a dependency-injection
// container built by reflection), the application's implementations of
// the method.
func (rc *reacher) withImplementations(c *ssa.CallCommon, targets []*ssa.Function) []*ssa.Function {
	if len(targets) == 0 && c.IsInvoke() {
		return rc.impls.of(c.Method)
	}
	return targets
}

// funcValue returns the function a value denotes when that is evident at
// the call site: a function, a closure, a method value, possibly converted.
func funcValue(v ssa.Value) *ssa.Function {
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.Function:
			return unwrapWrapper(x)
		case *ssa.MakeClosure:
			return unwrapWrapper(x.Fn.(*ssa.Function))
		}
		return nil
	}
}

// sinksAt returns the catalogued sinks a call site calls: its static callee,
// the interface method it invokes, or else each catalogued function among
// its call-graph callees (a function value that is os.Remove or
// os.RemoveAll is both), sorted by sink and capability. Memoised per site
// (every tool's search, and the checks after it, ask again, and a look-up
// may try every sink pattern); callers must not modify the result.
func (rc *reacher) sinksAt(site ssa.CallInstruction) []hit {
	if out, ok := rc.siteSinks[site]; ok {
		return out
	}
	out := rc.findSinks(site, nil)
	rc.siteSinks[site] = out
	return out
}

// findSinks is sinksAt unmemoised, with known (when not nil) giving the
// constant values of parameters a call's context fixes (sink.AtIn).
func (rc *reacher) findSinks(site ssa.CallInstruction, known func(ssa.Value) (constant.Value, bool)) []hit {
	var out []hit
	if ch, ok := rc.channels[site]; ok {
		for _, capability := range rc.cat.Channels[rules.Normalize(ch)] {
			out = append(out, hit{capability: capability, sink: ch})
		}
	}
	for _, h := range sink.AtIn(rc.cat, site, func() []*ssa.Function { return rc.graphCallees(site) }, rc.symbol, known) {
		out = append(out, hit{capability: h.Capability, sink: h.Symbol, config: h.Config})
	}
	return out
}

// stepQueue orders steps by (dynamic, length, seq).
type stepQueue []*step

func (q stepQueue) Len() int { return len(q) }
func (q stepQueue) Less(i, j int) bool {
	a, b := q[i], q[j]
	if a.dynamic != b.dynamic {
		return a.dynamic < b.dynamic
	}
	if a.length != b.length {
		return a.length < b.length
	}
	return a.seq < b.seq
}
func (q stepQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *stepQueue) Push(x any)   { *q = append(*q, x.(*step)) }
func (q *stepQueue) Pop() any {
	old := *q
	s := old[len(old)-1]
	*q = old[:len(old)-1]
	return s
}

// configKey tells a configuration read from another hit of the same sink.
func configKey(config bool) string {
	if config {
		return "config"
	}
	return ""
}

// sortedSites returns the calls of a layer's Next in source order, so that
// the search's roots do not depend on map order.
func sortedSites(next map[ssa.CallInstruction][]*ssa.Function) []ssa.CallInstruction {
	out := make([]ssa.CallInstruction, 0, len(next))
	for site := range next {
		out = append(out, site)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Pos() < out[j].Pos() })
	return out
}

// callSites lists the calls of fn that can run (symbol.CallSites), without
// those in a dependency's branches that a setting the program never sets
// closes.
func (rc *reacher) callSites(fn *ssa.Function) []ssa.CallInstruction {
	if rc.unset == nil {
		return symbol.CallSites(fn)
	}
	return symbol.CallSitesIn(fn, rc.unset.LiveBlocks(fn))
}

// callSitesIn lists the calls of fn that can run in a context: callSites,
// without those behind a branch the context's constants decide against.
func (rc *reacher) callSitesIn(fn *ssa.Function, ctx *callconst.Context) []ssa.CallInstruction {
	if ctx == nil {
		return rc.callSites(fn)
	}
	k := funcContext{fn, ctx.Key()}
	if sites, ok := rc.ctxSites[k]; ok {
		return sites
	}
	var alive []bool
	if rc.unset != nil {
		alive = rc.unset.LiveBlocks(fn)
	}
	sites := symbol.CallSitesIn(fn, rc.consts.Live(fn, ctx, alive))
	rc.ctxSites[k] = sites
	return sites
}

// sinksIn returns the sinks a call site calls when run in a context:
// sinksAt, with the kind of a sink whose flags or statement the context's
// constants give decided by them.
func (rc *reacher) sinksIn(site ssa.CallInstruction, ctx *callconst.Context) []hit {
	sinks := rc.sinksAt(site)
	if ctx == nil || len(sinks) == 0 {
		return sinks
	}
	k := siteContext{site, ctx.Key()}
	if out, ok := rc.ctxSinks[k]; ok {
		return out
	}
	out := sinks
	if rc.flagArg(site) >= 0 || rc.sqlArg(site) >= 0 {
		out = rc.findSinks(site, func(v ssa.Value) (constant.Value, bool) { return callconst.Eval(v, ctx) })
	}
	rc.ctxSinks[k] = out
	return out
}

// flagArg returns the argument (in sink.Args order) whose flags decide the
// kind of the catalogued sink a call's static callee is (os.OpenFile's),
// or -1.
func (rc *reacher) flagArg(site ssa.CallInstruction) int {
	callee := site.Common().StaticCallee()
	if callee == nil {
		return -1
	}
	if sk, ok := rc.cat.Sink(rc.symbol(callee)); ok {
		return sk.FlagArg
	}
	return -1
}

// decidesSink reports whether argument i of a call (in sink.Args order)
// decides the kind of the sink it calls: its flag argument, or the
// statement a database write runs (a helper that runs the statements its
// callers give it runs "ROLLBACK;" for one, which writes nothing, and the
// model's statement for another).
func (rc *reacher) decidesSink(site ssa.CallInstruction, i int) bool {
	return i >= 0 && (rc.flagArg(site) == i || rc.sqlArg(site) == i)
}

// sqlArg returns the argument (in sink.Args order) that holds the statement
// of the database write a call makes, through its static callee or, for
// an interface call, the sinks the call graph gives it; -1 when it makes
// none.
func (rc *reacher) sqlArg(site ssa.CallInstruction) int {
	c := site.Common()
	if callee := c.StaticCallee(); callee != nil {
		return sink.SQLArg(rc.cat, rc.symbol(callee))
	}
	if !c.IsInvoke() {
		return -1
	}
	if i := sink.SQLArg(rc.cat, symbol.Invoke(c)); i >= 0 {
		return i
	}
	for _, g := range rc.graphCallees(site) {
		if i := sink.SQLArg(rc.cat, rc.symbol(g)); i >= 0 {
			return i
		}
	}
	return -1
}
