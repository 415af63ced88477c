package discovery

import (
	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/rules"
)

// Middleware is a call of a catalogued middleware function: it wraps every
// tool of the servers it applies to with Funcs.
type Middleware struct {
	Site ssa.CallInstruction
	// Funcs are the functions it wraps the tools with.
	Funcs []*ssa.Function
	// Servers are the values it applies to, as Tool.Servers spells them:
	// the receiver of (*MCPServer).Use, or the constructor call that an
	// option such as server.WithToolHandlerMiddleware is passed to.
	Servers []ssa.Value
}

// middlewares finds the calls of catalogued middleware functions.
func (e *engine) middlewares(scope []*ssa.Function) []Middleware {
	if len(e.cat.Middlewares) == 0 {
		return nil
	}
	var out []Middleware
	for _, fn := range scope {
		for _, site := range symbol.CallSites(fn) {
			callee := site.Common().StaticCallee()
			if callee == nil {
				continue
			}
			mw, ok := e.cat.Middlewares[rules.Normalize(symbolOf(callee))]
			if !ok {
				continue
			}
			args := callArgs(site.Common())
			if mw.Arg >= len(args) {
				continue
			}
			g := e.newGraph()
			m := Middleware{Site: site}
			if callee.Signature.Recv() != nil {
				m.Servers = g.serverValues(g.root(node{v: args[0]}))
			} else if c, ok := site.(*ssa.Call); ok {
				m.Servers = consumers(c, 4)
			}
			seen := map[*ssa.Function]bool{}
			r := g.root(node{v: args[mw.Arg]})
			for _, path := range []int32{r, g.root(node{v: args[mw.Arg], path: sliceRoot(args[mw.Arg].Type())})} {
				for _, l := range g.funcLeaves(path) {
					if f, _ := e.handlerFunc(g.nodes[l]); f != nil && !seen[f] {
						seen[f] = true
						m.Funcs = append(m.Funcs, f)
					}
				}
			}
			out = append(out, m)
		}
	}
	return out
}

// consumers returns the calls that take v as an argument, directly or in a
// variadic list.
func consumers(v ssa.Value, depth int) []ssa.Value {
	if depth == 0 || v.Referrers() == nil {
		return nil
	}
	var out []ssa.Value
	for _, ref := range *v.Referrers() {
		switch x := ref.(type) {
		case *ssa.Call:
			out = append(out, x)
		case *ssa.Store:
			if ia, ok := x.Addr.(*ssa.IndexAddr); ok {
				if arr, ok := ia.X.(*ssa.Alloc); ok {
					for _, r2 := range *arr.Referrers() {
						if sl, ok := r2.(*ssa.Slice); ok {
							out = append(out, consumers(sl, depth-1)...)
						}
					}
				}
			}
		case *ssa.ChangeType, *ssa.MakeInterface:
			out = append(out, consumers(x.(ssa.Value), depth-1)...)
		}
	}
	return out
}
