package analyzer

import (
	"context"

	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/callgraph/cha"
	"golang.org/x/tools/go/callgraph/vta"
	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/rules"
)

// buildCallGraph follows govulncheck (internal/vulncheck/utils.go): a CHA
// call graph of the whole program, the forward slice of it from the seeds,
// VTA over that slice, and VTA once more over the slice the first VTA graph
// gives. VTA only follows an interface call into the types that actually
// flow to its receiver, so an implementation the program never constructs
// is never reached.
//
// Opaque functions (the standard library, catalogued SDKs and drivers) are
// left out of the slices: their bodies are never entered, and leaving them
// out keeps VTA small.
func buildCallGraph(ctx context.Context, prog *ssa.Program, seeds []*ssa.Function, cat *rules.Catalog) (*callgraph.Graph, error) {
	cg := cha.CallGraph(prog)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	slice := forwardSlice(seeds, cg, cat)
	cg = vta.CallGraph(slice, cg)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	slice = forwardSlice(seeds, cg, cat)
	cg = vta.CallGraph(slice, cg)
	return cg, ctx.Err()
}

// forwardSlice returns the functions reachable from the seeds in cg without
// entering opaque functions.
func forwardSlice(seeds []*ssa.Function, cg *callgraph.Graph, cat *rules.Catalog) map[*ssa.Function]bool {
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
		node := cg.Nodes[fn]
		if node == nil {
			continue
		}
		for _, e := range node.Out {
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
