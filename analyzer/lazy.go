package analyzer

import (
	"go/token"

	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/rules"
)

// This file models what opaque code calls on the program's behalf, for the
// call graph: the function values handed to it (a callback run by
// (*sync.Once).Do, errgroup's Go, filepath.WalkDir), and the argument that
// a function it returns calls (a catalogued `lazy` function such as
// sync.OnceValue: see rules.Catalog.Lazy).
//
// Neither is in the graph. The opaque function's body is never entered, so
// its callbacks have no caller there, and the function value it returns
// is opaque too: a call of it has no callee. A client that a tool builds
// lazily,
//
//	var client = sync.OnceValue(func() *Client { return newClient(host) })
//	func del(ctx context.Context, req Request) { client().Delete(ctx, req.ID) }
//
// is then built by code that VTA never reads, so the interface calls made
// on what it builds have no callees either, and the tool reaches nothing.

// handedOver returns the functions that the calls of a call-graph node
// hand to opaque code: the reachability enters them as callbacks
// (reacher.callees), so the slice that VTA reads must hold them.
func handedOver(n *callgraph.Node, cat *rules.Catalog) []*ssa.Function {
	if n == nil {
		return nil
	}
	var out []*ssa.Function
	done := map[ssa.CallInstruction]bool{}
	hand := func(site ssa.CallInstruction) {
		if done[site] {
			return
		}
		done[site] = true
		for _, a := range callArgs(site.Common()) {
			if f := funcValue(a); f != nil && !isOpaque(cat, f) {
				out = append(out, f)
			}
		}
	}
	for _, e := range n.Out {
		if isOpaque(cat, e.Callee.Func) {
			hand(e.Site)
		}
	}
	for _, site := range symbol.CallSites(n.Func) {
		if opaqueInvoke(cat, site.Common()) {
			hand(site)
		}
	}
	return out
}

// opaqueInvoke reports whether c calls a method of an interface that an
// opaque package declares (a driver's session, whose ExecuteRead runs the
// work function it is handed): the implementations are the package's own,
// made by its code, which VTA never reads, so the call may have no callee
// in the graph, and what it is handed is called on the caller's behalf all
// the same.
func opaqueInvoke(cat *rules.Catalog, c *ssa.CallCommon) bool {
	return c.IsInvoke() && c.Method.Pkg() != nil && cat.IsOpaque(c.Method.Pkg().Path())
}

// lazyCalls finds what a call of a function value that a lazy function
// returned calls: the argument the lazy function was handed. The value is
// followed back through phis and conversions to the lazy call itself, or
// to the global or struct field it was stored in (by any function of the
// program, field-based as VTA is).
type lazyCalls struct {
	cat *rules.Catalog
	all map[*ssa.Function]bool
	// stored maps a global (*ssa.Global) or a struct field (*types.Var)
	// to the lazy calls whose result is stored there; built on first use.
	stored map[any][]*ssa.Call
}

func newLazyCalls(cat *rules.Catalog, all map[*ssa.Function]bool) *lazyCalls {
	return &lazyCalls{cat: cat, all: all}
}

// addEdges adds to g an edge from each call of fn that calls a function
// value a lazy function returned to the function that call runs, and
// returns those functions.
func (l *lazyCalls) addEdges(g *callgraph.Graph, fn *ssa.Function) []*ssa.Function {
	if len(l.cat.Lazy) == 0 {
		return nil
	}
	var out []*ssa.Function
	for _, site := range symbol.CallSites(fn) {
		c := site.Common()
		if c.IsInvoke() || c.StaticCallee() != nil {
			continue
		}
		if _, ok := c.Value.(*ssa.Builtin); ok {
			continue
		}
		for _, callee := range l.of(c.Value, map[ssa.Value]bool{}) {
			callgraph.AddEdge(g.CreateNode(fn), site, g.CreateNode(callee))
			out = append(out, callee)
		}
	}
	return out
}

// of returns the functions that a call of v runs when v is what a lazy
// function returned.
func (l *lazyCalls) of(v ssa.Value, seen map[ssa.Value]bool) []*ssa.Function {
	if seen[v] {
		return nil
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.ChangeType:
		return l.of(x.X, seen)
	case *ssa.Phi:
		var out []*ssa.Function
		for _, e := range x.Edges {
			out = append(out, l.of(e, seen)...)
		}
		return out
	case *ssa.Call:
		if f := l.wrapped(x); f != nil {
			return []*ssa.Function{f}
		}
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return nil
		}
		switch a := x.X.(type) {
		case *ssa.Global:
			return l.storedIn(a)
		case *ssa.FieldAddr:
			if f := symbol.Field(a.X.Type(), a.Field); f != nil {
				return l.storedIn(f)
			}
		}
	case *ssa.Field:
		if f := symbol.Field(x.X.Type(), x.Field); f != nil {
			return l.storedIn(f)
		}
	}
	return nil
}

// wrapped is the function a lazy call's result calls, when the call is
// one and its argument evidently a function of the program's.
func (l *lazyCalls) wrapped(call *ssa.Call) *ssa.Function {
	callee := call.Call.StaticCallee()
	if callee == nil {
		return nil
	}
	ref, ok := l.cat.Lazy[rules.Normalize(symbolOf(callee))]
	if !ok || ref.Arg >= len(call.Call.Args) {
		return nil
	}
	f := funcValue(call.Call.Args[ref.Arg])
	if f == nil || isOpaque(l.cat, f) {
		return nil
	}
	return f
}

// storedIn returns the functions that the lazy results stored into a
// global or a field call.
func (l *lazyCalls) storedIn(key any) []*ssa.Function {
	if l.stored == nil {
		l.index()
	}
	var out []*ssa.Function
	for _, call := range l.stored[key] {
		out = append(out, l.wrapped(call))
	}
	return out
}

// index finds, in every function of the program the scan enters, the lazy
// calls whose result is stored into a global or a struct field.
func (l *lazyCalls) index() {
	l.stored = map[any][]*ssa.Call{}
	for fn := range l.all {
		if isOpaque(l.cat, fn) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok || l.wrapped(call) == nil {
					continue
				}
				for _, r := range *call.Referrers() {
					st, ok := r.(*ssa.Store)
					if !ok || st.Val != ssa.Value(call) {
						continue
					}
					switch a := st.Addr.(type) {
					case *ssa.Global:
						l.stored[a] = append(l.stored[a], call)
					case *ssa.FieldAddr:
						if f := symbol.Field(a.X.Type(), a.Field); f != nil {
							l.stored[f] = append(l.stored[f], call)
						}
					}
				}
			}
		}
	}
}
