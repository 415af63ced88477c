package discovery

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// mergeBranches makes one tool of the registrations of one tool by one
// helper on several branches (`if all { s.AddTool(t, h); return }; if
// allowed[t.Name] { s.AddTool(t, h) }`): the same name and handler,
// reached through the same helper calls and table rows, registered by two
// calls in the same function. Such a tool is registered under the
// conditions common to every branch, the ones that decide whether any of
// its registration calls runs (dominatingGate); a condition that only one
// branch depends on keeps nothing from registering it.
//
// Two tools merge only when everything but the registration call itself is
// the same, so two different tools that share a helper (other names, other
// handlers, other calls of the helper) stay apart.
func mergeBranches(ts []Tool) []Tool {
	group := map[string]int{}
	var out []Tool
	for _, t := range ts {
		k, ok := branchKey(t)
		if !ok {
			out = append(out, t)
			continue
		}
		i, seen := group[k]
		if !seen {
			group[k] = len(out)
			out = append(out, t)
			continue
		}
		m := &out[i]
		if m.Gates[0] != t.Gates[0] {
			m.Gates = append([]ssa.Instruction{dominatingGate(m.Gates[0], t.Gates[0])}, m.Gates[1:]...)
		}
		// The first registration call in the source stands for them all.
		if t.Registration < m.Registration {
			m.Registration = t.Registration
		}
		m.absorb(t)
	}
	return out
}

// branchKey identifies a registered tool but for its registration call:
// the function that call is in stands for it.
func branchKey(t Tool) (string, bool) {
	if len(t.Gates) == 0 || t.Region != nil || t.Handler == nil || t.Gates[0].Parent() == nil {
		return "", false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%s|%p|%d|%p", t.Name, t.Framework, t.Handler, t.Position, t.Gates[0].Parent())
	for _, g := range t.Gates[1:] {
		fmt.Fprintf(&b, "|g%p", g)
	}
	for _, l := range t.Layers {
		fmt.Fprintf(&b, "|l%p", l.Fn)
	}
	return b.String(), true
}

// dominatingGate returns an instruction whose enclosing conditions are the
// ones both a and b (in one function) depend on: the first of the nearest
// block that dominates both. The conditions of a gate are read from the
// blocks that dominate its own (guards.go in package analyzer), so the
// branch that block chooses between a and b is not one of them.
func dominatingGate(a, b ssa.Instruction) ssa.Instruction {
	x, y := a.Block(), b.Block()
	if x == nil || y == nil {
		return a
	}
	for !x.Dominates(y) {
		x = x.Idom()
		if x == nil {
			return a
		}
	}
	if x == a.Block() {
		return a
	}
	if x == y {
		return b
	}
	return x.Instrs[0]
}
