package analyzer

import (
	"sync/atomic"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
)

// TestRunConcurrently checks that every item is done by the time wait
// returns for it, and that a panic in a call reaches the caller's
// goroutine, where the command's recovery turns it into an error.
func TestRunConcurrently(t *testing.T) {
	items := []int{0, 1, 2, 3, 4, 5, 6, 7}
	var done [8]atomic.Bool
	wait := runConcurrently(items, func(i int) { done[i].Store(true) })
	for i := range items {
		wait(i)
		if !done[i].Load() {
			t.Errorf("wait(%d) returned before its call did", i)
		}
	}

	wait = runConcurrently([]string{"fine", "boom"}, func(s string) {
		if s == "boom" {
			panic(s)
		}
	})
	wait(0)
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("wait(1) recovered %v, want the call's panic", r)
		}
	}()
	wait(1)
	t.Error("wait(1) returned after its call panicked")
}

// TestResolveAllCoversEveryStep checks that resolveAll memoises the targets
// of every call that flow.run steps over, including those in blocks a
// constant condition never takes (mcp-go-platform's plan9 and darwin
// branches), which symbol.CallSites skips: promptFlows' concurrent runs
// share the memo and must never have to write it.
func TestResolveAllCoversEveryStep(t *testing.T) {
	prog, cat, scope, cg := fixtureGraph(t, "mcp-go-platform")
	funcs := map[*ssa.Function]bool{}
	for _, fn := range scope {
		funcs[fn] = true
	}
	f := newFlow(cat, newReacher(cat, cg, nil), funcs, nil)
	f.resolveAll(scope)
	sites, live := 0, 0
	for _, fn := range scope {
		live += len(symbol.CallSites(fn))
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				site, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				sites++
				if _, ok := f.callees[site]; !ok {
					t.Errorf("%s: the call at %s is not resolved", fn, prog.Fset.Position(site.Pos()))
				}
			}
		}
	}
	if sites == live {
		t.Fatal("the fixture has no call in a dead block: the test checks nothing")
	}
}
