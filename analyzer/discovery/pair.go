package discovery

import "strings"

// This file pairs names with handlers. A registration hands the SDK a name
// and a handler that travel, from where the tool was made, through the same
// helpers, tables, fields and closures. Wherever the flow fans out (the
// callers of a helper, the rows of a table, the closures of a literal, the
// callees of a dynamic call, the entries of a map), each branch is an
// alternative. Followed back from a name or a handler, the flow reaches the
// place the tool was made before the first alternative: a name and a
// handler belong to the same tool when they meet there, at a common value
// (the descriptor struct, the constructor call) or at a common alternative
// (the call of a registration helper), with no choice in between.

// meetKey is a place where a name and a handler can meet: a value in a
// context, or one alternative of a fan-out.
type meetKey struct {
	v any
	c *ctx
	// sel is the part of the node's path before its first field: the
	// object a struct path reads, while the elements of an array stay
	// apart ("[0]" and "[1]").
	sel      string
	fan, alt int32
}

// selector is the prefix of a path before its first field element.
func selector(path string) string {
	var b strings.Builder
	for _, el := range strings.Split(path, "/") {
		if el == "" || (el != "*" && !strings.HasPrefix(el, "[") && !strings.HasPrefix(el, "{")) {
			break
		}
		if b.Len() > 0 {
			b.WriteByte('/')
		}
		b.WriteString(el)
	}
	return b.String()
}

// meetings returns, for each of the given nodes, the places it is reached
// from with no fan-out choice in between: the values above it, and the
// fan-out alternatives that bound them. The roots count as one place, so
// that a name and a handler passed straight to the registration meet.
func (g *graph) meetings(ids []int32, roots []int32) []map[meetKey]bool {
	in := g.reverseEdges()
	isRoot := map[int32]bool{}
	for _, r := range roots {
		isRoot[r] = true
	}
	out := make([]map[meetKey]bool, len(ids))
	for i, id := range ids {
		m := map[meetKey]bool{}
		climb(in, id, false, func(x int32) {
			n := g.nodes[x]
			if x != id {
				m[meetKey{v: n.v, c: n.c, sel: selector(n.path), fan: -1, alt: -1}] = true
			}
			if isRoot[x] {
				m[meetKey{fan: -2, alt: -2}] = true
			}
		}, m)
		out[i] = m
	}
	return out
}

// climb visits the nodes above id over the reverse edges in (each once,
// id first) and adds to alts each fan-out alternative on the way; past an
// alternative it goes on only when crossFans.
func climb(in [][]edge, id int32, crossFans bool, visit func(int32), alts map[meetKey]bool) {
	seen := map[int32]bool{id: true}
	stack := []int32{id}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if visit != nil {
			visit(x)
		}
		for _, r := range in[x] {
			if r.fan >= 0 {
				alts[meetKey{fan: r.fan, alt: r.alt}] = true
				if !crossFans {
					continue
				}
			}
			if !seen[r.to] {
				seen[r.to] = true
				stack = append(stack, r.to)
			}
		}
	}
}

// reverseEdges returns, for each node, the edges into it (to names the
// node they come from), but the call-entry ones.
func (g *graph) reverseEdges() [][]edge {
	in := make([][]edge, len(g.nodes))
	for from := range g.out {
		for _, e := range g.out[from] {
			if e.kind == eCallee {
				continue
			}
			in[e.to] = append(in[e.to], edge{to: int32(from), kind: e.kind, fan: e.fan, alt: e.alt})
		}
	}
	return in
}

// alternatives returns the fan-out alternatives a node is reached through
// (in is reverseEdges), crossing every fan-out on the way up where
// meetings stops at the first: a name handed to a helper that makes the
// handler and registers it (registerProgram(reg, "disk_usage", "df"), the
// closure made there) fans out at the helper's callers before it reaches
// the registration that the handler meets at.
func alternatives(in [][]edge, id int32) map[meetKey]bool {
	m := map[meetKey]bool{}
	climb(in, id, true, nil, m)
	return m
}

// meetAlternative reports whether places holds one of the alternatives.
func meetAlternative(places, alts map[meetKey]bool) bool {
	for k := range places {
		if k.fan >= 0 && alts[k] {
			return true
		}
	}
	return false
}

// meet reports whether two places sets share a place.
func meet(a, b map[meetKey]bool) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// reaches returns the nodes reachable from one node over value, wrapper and
// call-entry edges.
func (g *graph) reaches(from int32) map[int32]bool {
	seen := map[int32]bool{from: true}
	stack := []int32{from}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, e := range g.out[x] {
			if e.kind == eCallee || seen[e.to] {
				continue
			}
			seen[e.to] = true
			stack = append(stack, e.to)
		}
	}
	return seen
}
