package analyzer

import (
	"slices"
	"testing"

	"github.com/blastradius/blastradius/analyzer/symbol"
)

// TestSinksIndependentOfEdgeOrder checks that what a call site calls (its
// sinks and symbols) does not depend on the order of the call graph's
// edges, which changes from one run to the next: it asks a reacher over
// the graph and another over the same graph with every node's edges
// reversed. mcp-go-tools' tidy calls a function value that is os.Remove or
// os.RemoveAll, and both must be reported.
func TestSinksIndependentOfEdgeOrder(t *testing.T) {
	prog, cat, scope, cg := fixtureGraph(t, "mcp-go-tools")
	forward := newReacher(cat, cg, nil)
	type answer struct {
		sinks []hit
		syms  []string
	}
	ask := func(rc *reacher) map[string]answer {
		out := map[string]answer{}
		for _, fn := range scope {
			for _, site := range symbol.CallSites(fn) {
				at := prog.Fset.Position(site.Pos()).String()
				a := out[at]
				a.sinks = append(a.sinks, rc.sinksAt(site)...)
				a.syms = append(a.syms, siteSymbols(rc, site)...)
				out[at] = a
			}
		}
		return out
	}
	want := ask(forward)
	for _, node := range cg.Nodes {
		slices.Reverse(node.Out)
	}
	got := ask(newReacher(cat, cg, nil))
	two := false
	for at, w := range want {
		g := got[at]
		sameHit := func(a, b hit) bool { return a.capability == b.capability && a.sink == b.sink && a.site == b.site }
		if !slices.EqualFunc(w.sinks, g.sinks, sameHit) || !slices.Equal(w.syms, g.syms) {
			t.Errorf("%s: sinks %v and symbols %v, with the edges reversed %v and %v", at, w.sinks, w.syms, g.sinks, g.syms)
		}
		if len(w.sinks) == 2 && w.sinks[0].sink == "os.Remove" && w.sinks[1].sink == "os.RemoveAll" {
			two = true
		}
	}
	if !two {
		t.Error("no call site reaches both os.Remove and os.RemoveAll: the fixture no longer tests this")
	}
}
