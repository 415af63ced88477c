package analyzer

import (
	"slices"
	"sort"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/apiop"
	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

// A client library of a platform's API that the scan enters sends each
// request through the same (*net/http.Client).Do: package apiop says which
// of its functions fix an operation (a read or a change), and the search
// here says, for a tool's network call, which of them decides it.

// inferOperations runs apiop over the functions the tools reach.
func inferOperations(cat *rules.Catalog, module map[*ssa.Function]bool, l *loaded, created map[*packages.Package]*ssa.Package, rc *reacher, results []*reached) *apiop.Operations {
	return apiop.Infer(apiop.Config{
		Catalog:   cat,
		Own:       func(fn *ssa.Function) bool { return module[fn] },
		Enters:    func(fn *ssa.Function) bool { return len(fn.Blocks) > 0 && !isOpaque(cat, fn) },
		ModuleOf:  modulesOf(l, created),
		Callees:   rc.graphCallees,
		CallSites: rc.callSites,
	}, reachedFunctions(results))
}

// modulesOf returns what gives the module path of a dependency's function
// (its package's path when the loader knows no module for it).
func modulesOf(l *loaded, created map[*packages.Package]*ssa.Package) func(*ssa.Function) string {
	mods := dependencyModules(l, created)
	return func(fn *ssa.Function) string {
		if m := mods[ownerPackage(fn)]; m != nil {
			return m.Path
		}
		return declaringPackage(fn)
	}
}

// reachedFunctions lists the functions some tool reaches, once each, in
// the order the tools reached them, each followed by the closures it
// makes: a closure that sets a request's method (an option's func(c
// *config) { c.method = m }) is called where the call graph may not say,
// and what it stores is the operation its maker's caller fixes.
func reachedFunctions(results []*reached) []*ssa.Function {
	seen := map[*ssa.Function]bool{}
	var out []*ssa.Function
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		if seen[fn] {
			return
		}
		seen[fn] = true
		out = append(out, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, res := range results {
		for _, fn := range res.order {
			add(fn)
		}
	}
	return out
}

// opHop is a step of the way back from a network call to the function
// that fixed its operation: the call of next (nil at the network call).
type opHop struct {
	next *ssa.Function
	site ssa.CallInstruction
}

// addOperations turns a tool's network calls in an API client's code into
// the operations they are: for each network call the tool reaches, the
// functions that fix its operation on the ways from the tool to it
// (operationWays) make it cloud-read or cloud-write, with the witness
// through that function. The network capability stays only for a network
// call that some way from the tool reaches with no operation fixed on it.
func (c *checker) addOperations(res *reached, ops *apiop.Operations) {
	if ops == nil || ops.None() {
		return
	}
	var keep []hit
	added := map[[2]string]bool{}
	var extra []hit
	for _, h := range res.hits {
		if h.capability != "network" || h.tail != nil || h.config {
			keep = append(keep, h)
			continue
		}
		sites := res.sites[[2]string{h.capability, h.sink}]
		var plain ssa.CallInstruction
		classified := false
		for _, site := range sites {
			if !res.inScope(site) {
				continue
			}
			if !sendsRequest(site) {
				// A dial, a websocket: no request whose method says
				// what it does.
				if plain == nil {
					plain = site
				}
				continue
			}
			found, unclassified := c.operationWays(res, ops, site)
			if unclassified && plain == nil {
				plain = site
			}
			for _, w := range found {
				classified = true
				for _, capability := range ops.Capabilities(w.fn) {
					key := [2]string{capability, h.sink}
					if added[key] {
						// Shown once; the other ways may be the
						// ones the model chooses (toolChooses).
						if res.otherWays == nil {
							res.otherWays = map[[2]string][]hit{}
						}
						res.otherWays[key] = append(res.otherWays[key], c.operationHit(res, capability, h.sink, w))
						continue
					}
					added[key] = true
					extra = append(extra, c.operationHit(res, capability, h.sink, w))
				}
			}
		}
		switch {
		case plain == nil && classified:
			// Every way to it fixes an operation.
		case plain == nil || plain == h.site:
			keep = append(keep, h)
		default:
			o := h
			o.site, o.at = plain, res.steps[plain.Parent()]
			keep = append(keep, o)
		}
	}
	res.hits = append(keep, extra...)
}

// sendsRequest reports whether a network call sends an HTTP request it is
// given ((*http.Client).Do(req), a transport's RoundTrip(req)): the
// request an operation's function built.
func sendsRequest(site ssa.CallInstruction) bool {
	for _, a := range callArgs(site.Common()) {
		if symbol.Type(a.Type()) == "net/http.Request" {
			return true
		}
	}
	return false
}

// opWay is a function that fixes the operation of a network call, and the
// way from it to the call.
type opWay struct {
	fn   *ssa.Function
	hops map[*ssa.Function]opHop
}

// operationWays finds the functions that fix the operation of a network
// call, for a tool: the call's callers that the tool reaches are searched
// backwards (over the call graph, or the step that reached a function
// some other way: a function handed to a library, a work queue), then the
// ways from the tool's roots (its handler, its layers) to the call are
// followed forwards, and the first function on each that fixes an
// operation is the one the tool's call asks for. The nearest to the tool
// wins: a client's helper that sets a default method (GET, before the
// options its caller hands it override it) does not decide a call whose
// caller fixed DELETE. unclassified says whether some way reaches the call
// with no operation fixed on it.
func (c *checker) operationWays(res *reached, ops *apiop.Operations, site ssa.CallInstruction) (found []opWay, unclassified bool) {
	start := site.Parent()
	hops := map[*ssa.Function]opHop{start: {site: site}}
	next := map[*ssa.Function][]*ssa.Function{}
	var roots []*ssa.Function
	queue := []*ssa.Function{start}
	link := func(caller, fn *ssa.Function, at ssa.CallInstruction) {
		next[caller] = append(next[caller], fn)
		if _, ok := hops[caller]; !ok {
			hops[caller] = opHop{next: fn, site: at}
			queue = append(queue, caller)
		}
	}
	for len(queue) > 0 {
		fn := queue[0]
		queue = queue[1:]
		st := res.steps[fn]
		if st.prev == nil {
			roots = append(roots, fn)
		}
		callers := 0
		if node := c.rc.cg.Nodes[fn]; node != nil {
			// The graph's edges come in no fixed order: the witness
			// and which operation is shown first must not change
			// from one run to the next.
			in := slices.Clone(node.In)
			sort.Slice(in, func(i, j int) bool {
				if a, b := c.rc.name(in[i].Caller.Func), c.rc.name(in[j].Caller.Func); a != b {
					return a < b
				}
				return in[i].Site.Pos() < in[j].Site.Pos()
			})
			for _, e := range in {
				if _, ok := res.steps[e.Caller.Func]; ok && res.inScope(e.Site) {
					callers++
					link(e.Caller.Func, fn, e.Site)
				}
			}
		}
		if callers == 0 && st.prev != nil && st.site != nil {
			link(st.prev.fn, fn, st.site)
		}
	}
	seen := map[*ssa.Function]bool{}
	for len(roots) > 0 {
		fn := roots[0]
		roots = roots[1:]
		if seen[fn] {
			continue
		}
		seen[fn] = true
		if len(ops.Capabilities(fn)) > 0 {
			found = append(found, opWay{fn: fn, hops: hops})
			continue
		}
		if fn == start {
			unclassified = true
		}
		roots = append(roots, next[fn]...)
	}
	return found, unclassified
}

// operationHit is the hit of a network call under the operation w.fn
// fixes: shown where the module's code calls the client on the way to
// w.fn (the line of the application to look at), with the witness on
// through the client to the network call.
func (c *checker) operationHit(res *reached, capability, sink string, w opWay) hit {
	// The way from the handler to w.fn, then from w.fn to the call.
	var chain []*step
	for s := res.steps[w.fn]; s != nil; s = s.prev {
		chain = append(chain, s)
	}
	// chain[0] is w.fn's step, the last the handler's. The anchor is the
	// deepest step whose function is the module's, and the call it
	// makes next.
	anchor := len(chain) - 1
	for i, s := range chain {
		if c.module[s.fn] {
			anchor = i
			break
		}
	}
	var site ssa.CallInstruction
	var tail []report.Frame
	if anchor > 0 {
		site = chain[anchor-1].site
		for i := anchor - 1; i > 0; i-- {
			tail = append(tail, report.Frame{Function: chain[i].fn.String(), Position: c.pos.of(chain[i-1].point().Pos())})
		}
	}
	fn := w.fn
	for {
		h := w.hops[fn]
		if site == nil {
			site = h.site
		} else {
			tail = append(tail, report.Frame{Function: fn.String(), Position: c.pos.of(h.site.Pos())})
		}
		if h.next == nil {
			break
		}
		fn = h.next
	}
	return hit{capability: capability, sink: sink, site: site, at: chain[anchor], tail: tail}
}
