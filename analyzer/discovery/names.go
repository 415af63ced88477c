package discovery

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// This file reads tool names: the constant strings that flow into a tool
// description, through the catalogued tool types' name fields and tool-name
// builders (see leafExpansions), and through concatenations of constants.

// nameLeaves returns the nodes that give a name to the values flowing into
// from: string constants and concatenations (named), and string values the
// flow cannot see through (unknown).
func (g *graph) nameLeaves(from int32) (named, unknown []int32) {
	seen := map[int32]bool{from: true}
	stack := []int32{from}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := g.nodes[id]
		if _, ok := constString(n.v); ok && n.path == "" {
			named = append(named, id)
			continue
		}
		plain := 0
		for _, e := range g.out[id] {
			switch e.kind {
			case ePlain:
				plain++
				if !seen[e.to] {
					seen[e.to] = true
					stack = append(stack, e.to)
				}
			case eOperand:
				plain++
			}
		}
		if _, ok := n.v.(*ssa.BinOp); ok && plain > 0 && n.path == "" {
			named = append(named, id)
			continue
		}
		if plain == 0 && n.kind == kValue {
			if t := projType(n); t != nil && isString(t) {
				if _, ok := n.v.(*ssa.Const); !ok {
					unknown = append(unknown, id)
				}
			}
		}
	}
	sortIDs(named)
	sortIDs(unknown)
	return named, unknown
}

// nameOf evaluates a named node: a constant, or a concatenation whose
// operands each evaluate to one string.
func (g *graph) nameOf(id int32, depth int) (string, bool) {
	n := g.nodes[id]
	if s, ok := constString(n.v); ok {
		return s, true
	}
	b, ok := n.v.(*ssa.BinOp)
	if !ok || depth > 4 || !isString(b.Type()) {
		return "", false
	}
	var parts []string
	for _, e := range g.out[id] {
		if e.kind != eOperand {
			continue
		}
		named, unknown := g.nameLeaves(e.to)
		if len(unknown) > 0 {
			return "", false
		}
		vals := map[string]bool{}
		for _, x := range named {
			s, ok := g.nameOf(x, depth+1)
			if !ok {
				return "", false
			}
			vals[s] = true
		}
		if len(vals) != 1 {
			return "", false
		}
		for s := range vals {
			parts = append(parts, s)
		}
	}
	if len(parts) != 2 {
		return "", false
	}
	return parts[0] + parts[1], true
}

// sliceRoot is the path that reads the elements of a value when it is a
// list (a variadic list of options): "[*]"; "" otherwise.
func sliceRoot(t types.Type) string {
	if _, ok := t.Underlying().(*types.Slice); ok {
		return "[*]"
	}
	return ""
}
