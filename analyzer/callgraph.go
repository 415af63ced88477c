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
// program never constructs is never reached.
//
// The CHA graph is only expanded over the slice (package hierarchy): VTA
// reads no other node of it, and the graph of the whole program was most of
// this phase on large modules.
//
// Opaque functions (the standard library, catalogued SDKs and drivers) are
// left out of the slices: their bodies are never entered, and leaving them
// out keeps VTA small.
func buildCallGraph(ctx context.Context, all map[*ssa.Function]bool, seeds []*ssa.Function, cat *rules.Catalog) (*callgraph.Graph, error) {
	cha := hierarchy.New(all)
	slice := forwardSlice(seeds, cha.Node, cat)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cg := vta.CallGraph(slice, cha.Graph)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	slice = forwardSlice(seeds, func(fn *ssa.Function) *callgraph.Node { return cg.Nodes[fn] }, cat)
	cg = vta.CallGraph(slice, cg)
	return cg, ctx.Err()
}

// forwardSlice returns the functions reachable from the seeds over the
// graph whose nodes node gives, without entering opaque functions.
func forwardSlice(seeds []*ssa.Function, node func(*ssa.Function) *callgraph.Node, cat *rules.Catalog) map[*ssa.Function]bool {
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
		n := node(fn)
		if n == nil {
			continue
		}
		for _, e := range n.Out {
			g := e.Callee.Func
			if seen[g] || isOpaque(cat, g) {
				continue
			}
			seen[g] = true
			queue = append(queue, g)
		}
	}
	return seen
}
