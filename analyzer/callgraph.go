package analyzer

import (
	"context"

	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/callgraph/vta"
	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/hierarchy"
	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/analyzer/unset"
	"github.com/blastradius/blastradius/rules"
)

// buildCallGraph follows govulncheck (internal/vulncheck/utils.go): a CHA
// call graph of the program (all is ssautil.AllFunctions), the forward slice
// of it from the seeds, VTA over that slice, and VTA once more over the
// slice the first VTA graph gives. VTA only follows an interface call into
// the types that actually flow to its receiver, so an implementation the
// program never constructs is never reached. The second slice also holds
// the implementations that the reachability enters where the first graph
// has no callee (unseenCallees): services a container builds by reflection.
//
// The CHA graph is only expanded over the slice (package hierarchy): VTA
// reads no other node of it, and the graph of the whole program was most of
// this phase on large modules.
//
// Opaque functions (the standard library, catalogued SDKs and drivers) are
// left out of the slices: their bodies are never entered, and leaving them
// out keeps VTA small. What they call on the program's behalf is put in
// (lazy.go): the callbacks handed to them, and the argument that a
// function returned by a lazy one (sync.OnceValue) calls, with an edge
// from each call of that function, in the initial graphs so that VTA
// carries the argument's results to the call, and in the graph returned.
func buildCallGraph(ctx context.Context, all map[*ssa.Function]bool, seeds []*ssa.Function, cat *rules.Catalog, impls *implementers) (*callgraph.Graph, error) {
	cha := hierarchy.New(all)
	lazy := newLazyCalls(cat, all)
	slice := forwardSlice(seeds, func(fn *ssa.Function) []*ssa.Function {
		n := cha.Node(fn)
		out := append(calleesIn(n), handedOver(n, cat)...)
		return append(out, lazy.addEdges(cha.Graph, fn)...)
	}, cat)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cg := vta.CallGraph(slice, cha.Graph)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	slice = forwardSlice(seeds, func(fn *ssa.Function) []*ssa.Function {
		n := cg.Nodes[fn]
		out := append(calleesIn(n), handedOver(n, cat)...)
		out = append(out, lazy.addEdges(cg, fn)...)
		return append(out, unseenCallees(fn, cg, impls)...)
	}, cat)
	cg = vta.CallGraph(slice, cg)
	// VTA resolves a call of a function value by the functions that flow
	// into it, and none flows out of opaque code: the calls a lazy
	// function's result makes are added back.
	for fn := range slice {
		lazy.addEdges(cg, fn)
	}
	return cg, ctx.Err()
}

// calleesIn lists the callees of a call graph's node, or none.
func calleesIn(n *callgraph.Node) []*ssa.Function {
	if n == nil {
		return nil
	}
	out := make([]*ssa.Function, 0, len(n.Out))
	for _, e := range n.Out {
		out = append(out, e.Callee.Func)
	}
	return out
}

// unseenCallees returns the application's implementations of an interface
// method that an invoke in fn has no callee for in cg: the reachability
// enters them (reacher.callees), so the slice that VTA reads must hold
// them. A service that a dependency-injection container builds by
// reflection has no callee in the first VTA graph, since no type it can
// see flows into the field that holds it; unless its code is in the second
// slice, VTA never sees what that code stores (the sandbox a manager
// makes), and sends a later call on such a field to only the types built
// in plain sight.
func unseenCallees(fn *ssa.Function, cg *callgraph.Graph, impls *implementers) []*ssa.Function {
	called := map[ssa.CallInstruction]bool{}
	if n := cg.Nodes[fn]; n != nil {
		for _, e := range n.Out {
			called[e.Site] = true
		}
	}
	var out []*ssa.Function
	for _, site := range symbol.CallSites(fn) {
		if site.Common().IsInvoke() && !called[site] {
			out = append(out, impls.of(site.Common().Method)...)
		}
	}
	return out
}

// forwardSlice returns the functions reachable from the seeds over the
// edges that next gives, without entering opaque functions.
func forwardSlice(seeds []*ssa.Function, next func(*ssa.Function) []*ssa.Function, cat *rules.Catalog) map[*ssa.Function]bool {
	seen := map[*ssa.Function]bool{}
	var queue []*ssa.Function
	for _, s := range seeds {
		if !seen[s] {
			seen[s] = true
			queue = append(queue, s)
		}
	}
	for len(queue) > 0 {
		fn := queue[0]
		queue = queue[1:]
		for _, g := range next(fn) {
			if seen[g] || isOpaque(cat, g) {
				continue
			}
			seen[g] = true
			queue = append(queue, g)
		}
	}
	return seen
}

// unsetFields finds the settings the program never sets (package unset)
// over the functions of the call graph, which holds what the module's
// main, its init functions and its tools can run; the branches it closes
// are those of the dependencies' code the scan enters.
//
// A field is judged only when all the code that could set it is seen: its
// type's package is entered, and no opaque package (the standard library,
// a catalogued SDK) imports it, whose code would set fields unseen.
func unsetFields(cg *callgraph.Graph, cat *rules.Catalog, module map[*ssa.Function]bool) *unset.Fields {
	var fns []*ssa.Function
	for fn := range cg.Nodes {
		if fn != nil && len(fn.Blocks) > 0 {
			fns = append(fns, fn)
		}
	}
	unseen := map[string]bool{}
	if len(fns) > 0 {
		for _, p := range fns[0].Prog.AllPackages() {
			if cat.IsOpaque(p.Pkg.Path()) {
				for _, imp := range p.Pkg.Imports() {
					unseen[imp.Path()] = true
				}
			}
		}
	}
	return unset.Analyze(fns, func(fn *ssa.Function) bool {
		return !module[fn] && !module[fn.Parent()] && len(fn.Blocks) > 0 && !isOpaque(cat, fn)
	}, func(pkg string) bool { return !cat.IsOpaque(pkg) && !unseen[pkg] })
}
