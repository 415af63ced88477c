// Package hierarchy computes a class hierarchy analysis (CHA) call graph
// one function at a time, for the functions a search reaches.
//
// golang.org/x/tools/go/callgraph/cha builds the graph of the whole program
// at once: an edge from every call site of every function to every method
// that could answer it. A scan only reads the nodes of the functions it
// reaches from its seeds (govulncheck's recipe: the forward slice of CHA,
// then VTA over that slice), a small part of a large program; on weknora
// the whole graph took most of the call graph phase. [Graph.Node] gives a
// function's node with exactly the edges that cha.CallGraph would give it,
// computed when first asked for.
package hierarchy

import (
	"go/types"

	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// Graph is a CHA call graph whose nodes are expanded on demand. It is not
// safe for concurrent use.
type Graph struct {
	// Graph holds a node for each function expanded so far, with all of
	// its out-edges, and one, without edges, for each of their callees.
	// It can be handed to vta.CallGraph as the initial graph of any set
	// of expanded functions.
	Graph *callgraph.Graph

	funcs    map[*ssa.Function]bool
	expanded map[*ssa.Function]bool
	index    *lazyCallees
}

// New returns the CHA graph over funcs, the program's functions as
// ssautil.AllFunctions gives them (what cha.CallGraph takes as the program):
// dynamic calls resolve to the functions and methods among them.
func New(funcs map[*ssa.Function]bool) *Graph {
	return &Graph{
		Graph:    callgraph.New(nil),
		funcs:    funcs,
		expanded: map[*ssa.Function]bool{},
		index:    newLazyCallees(funcs),
	}
}

// Add makes fn one of the program's functions, which a dynamic call may
// call (a method of a type the program's exported types and converted
// values do not lead to, a closure made in it). The nodes expanded
// before keep their edges.
func (g *Graph) Add(fn *ssa.Function) {
	if g.funcs[fn] {
		return
	}
	g.funcs[fn] = true
	g.index.add(fn)
}

// Node returns fn's node, with an edge from each call site of fn to each
// function CHA resolves it to. A function outside funcs has no edges, as
// in cha.CallGraph.
func (g *Graph) Node(fn *ssa.Function) *callgraph.Node {
	node := g.Graph.CreateNode(fn)
	if g.expanded[fn] || !g.funcs[fn] {
		return node
	}
	g.expanded[fn] = true
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			site, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if callee := site.Common().StaticCallee(); callee != nil {
				callgraph.AddEdge(node, site, g.Graph.CreateNode(callee))
				continue
			}
			for _, callee := range g.index.callees(site) {
				callgraph.AddEdge(node, site, g.Graph.CreateNode(callee))
			}
		}
	}
	return node
}

// lazyCallees is golang.org/x/tools/go/callgraph/internal/chautil's
// LazyCallees (BSD licence, The Go Authors), which cha.CallGraph uses and
// which is internal to x/tools: it maps a dynamic call site to its callees
// among fns, on the whole implements relation of the types in fns. It is
// an index here, so that functions can be added to it (see Graph.Add).
type lazyCallees struct {
	// funcsBySig holds the functions, by signature: the address-taken
	// functions a dynamic call of that signature may call.
	funcsBySig typeutil.Map // value is []*ssa.Function
	// methodsByID holds the methods, by ID, not by name: two unexported
	// methods spelled alike in different packages are different.
	methodsByID map[string][]*ssa.Function
	// memo holds, for each interface method I.m called, the concrete
	// methods C.m of the types C that implement I.
	memo map[imethod][]*ssa.Function
}

type imethod struct {
	I  *types.Interface
	id string
}

func newLazyCallees(fns map[*ssa.Function]bool) *lazyCallees {
	lc := &lazyCallees{methodsByID: map[string][]*ssa.Function{}, memo: map[imethod][]*ssa.Function{}}
	for f := range fns {
		lc.add(f)
	}
	return lc
}

// add indexes f, and forgets the memos it may change.
func (lc *lazyCallees) add(f *ssa.Function) {
	if f.Signature.Recv() == nil {
		// Package initializers are never address-taken.
		if f.Name() == "init" && f.Synthetic == "package initializer" {
			return
		}
		funcs, _ := lc.funcsBySig.At(f.Signature).([]*ssa.Function)
		lc.funcsBySig.Set(f.Signature, append(funcs, f))
	} else if obj := f.Object(); obj != nil {
		id := obj.(*types.Func).Id()
		lc.methodsByID[id] = append(lc.methodsByID[id], f)
		for k := range lc.memo {
			if k.id == id {
				delete(lc.memo, k)
			}
		}
	}
}

func (lc *lazyCallees) lookupMethods(I *types.Interface, m *types.Func) []*ssa.Function {
	id := m.Id()
	methods, ok := lc.memo[imethod{I, id}]
	if !ok {
		for _, f := range lc.methodsByID[id] {
			if types.Implements(f.Signature.Recv().Type(), I) {
				methods = append(methods, f)
			}
		}
		lc.memo[imethod{I, id}] = methods
	}
	return methods
}

func (lc *lazyCallees) callees(site ssa.CallInstruction) []*ssa.Function {
	call := site.Common()
	if call.IsInvoke() {
		return lc.lookupMethods(call.Value.Type().Underlying().(*types.Interface), call.Method)
	} else if g := call.StaticCallee(); g != nil {
		return []*ssa.Function{g}
	} else if _, ok := call.Value.(*ssa.Builtin); !ok {
		fns, _ := lc.funcsBySig.At(call.Signature()).([]*ssa.Function)
		return fns
	}
	return nil
}
