package analyzer

import (
	"context"

	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/callgraph/vta"
	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/hierarchy"
	"github.com/blastradius/blastradius/rules"
)

// buildCallGraph follows govulncheck (internal/vulncheck/utils.go): a CHA
// call graph of the program (all is ssautil.AllFunctions), the forward slice
// of it from the seeds, VTA over that slice, and VTA once more over the
// slice the first VTA graph gives. VTA only follows an interface call into
// the types that actually flow to its receiver, so an implementation the
// program never constructs is never reached. Both slices also hold what
// may be called beyond the graphs' edges (unseenCallees): code that only a
// container's reflection calls. The second VTA only keeps edges of the
// first, so what stores a type into a field must be in the first slice.
//
// The CHA graph is only expanded over the slice (package hierarchy): VTA
// reads no other node of it, and the graph of the whole program was most of
// this phase on large modules.
//
// Opaque functions (the standard library, catalogued SDKs and drivers) are
// left out of the slices: their bodies are never entered, and leaving them
// out keeps VTA small.
func buildCallGraph(ctx context.Context, all map[*ssa.Function]bool, seeds []*ssa.Function, cat *rules.Catalog, impls *implementers) (*callgraph.Graph, error) {
	cha := hierarchy.New(all)
	slice := forwardSlice(seeds, func(fn *ssa.Function) []*ssa.Function {
		return append(calleesIn(cha.Node(fn)), unseenCallees(fn, nil, nil)...)
	}, cat)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cg := vta.CallGraph(slice, cha.Graph)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	slice = forwardSlice(seeds, func(fn *ssa.Function) []*ssa.Function {
		return append(calleesIn(cg.Nodes[fn]), unseenCallees(fn, cg, impls)...)
	}, cat)
	cg = vta.CallGraph(slice, cg)
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

// unseenCallees returns what fn may call beyond the edges of a call graph
// (CHA's, then the first VTA graph's): the application's implementations
// of an interface method that an invoke has no callee for in cg (as
// reacher.callees enters them; none without cg and impls), and every
// function fn uses as a value (a constructor handed to a
// dependency-injection container, a callback, a method value), which
// whoever receives it may call, by reflection too. A service that a
// container builds is reached only so; unless its code is in the slice,
// VTA never sees what it stores in its fields, and sends a later call on
// such a field (the sandbox a manager holds) to only the types built
// elsewhere.
func unseenCallees(fn *ssa.Function, cg *callgraph.Graph, impls *implementers) []*ssa.Function {
	called := map[ssa.CallInstruction]bool{}
	if cg == nil {
		cg = &callgraph.Graph{}
	}
	if n := cg.Nodes[fn]; n != nil {
		for _, e := range n.Out {
			called[e.Site] = true
		}
	}
	var out []*ssa.Function
	var ops []*ssa.Value
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if site, ok := instr.(ssa.CallInstruction); ok && impls != nil && site.Common().IsInvoke() && !called[site] {
				out = append(out, impls.of(site.Common().Method)...)
			}
			for _, op := range instr.Operands(ops[:0]) {
				if g, ok := (*op).(*ssa.Function); ok {
					out = append(out, g)
				}
			}
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
