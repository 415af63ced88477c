package discovery

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// This file reads tool names: the constant strings that flow into a tool
// description, through the catalogued tool types' name fields and tool-name
// builders (see leafExpansions), through concatenations of constants, and
// through the name method of a tool value.

// nameLeaves returns the nodes that give a name to the values flowing into
// from: string constants and concatenations (named), and string values the
// flow cannot see through (unknown). A memory location nothing is stored
// into gives no name.
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
		if plain > 0 || n.kind != kValue || (n.path != "" && isObject(n.v)) {
			continue
		}
		switch n.v.(type) {
		case *ssa.Const, *ssa.MakeSlice, *ssa.MakeMap:
			continue
		}
		if t := projType(n); t != nil && isString(t) {
			unknown = append(unknown, id)
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
		s, ok := g.onlyName(e.to, depth+1)
		if !ok {
			return "", false
		}
		parts = append(parts, s)
	}
	if len(parts) != 2 {
		return "", false
	}
	return parts[0] + parts[1], true
}

// onlyName is the one name that flows into a node, if there is exactly
// one and nothing unknown.
func (g *graph) onlyName(id int32, depth int) (string, bool) {
	vals, ok := g.names(id, depth)
	if !ok {
		return "", false
	}
	return single(vals)
}

// names evaluates every name that flows into a node; false when something
// unknown does too.
func (g *graph) names(id int32, depth int) (map[string]bool, bool) {
	named, unknown := g.nameLeaves(id)
	if len(unknown) > 0 {
		return nil, false
	}
	vals := map[string]bool{}
	for _, x := range named {
		s, ok := g.nameOf(x, depth)
		if !ok {
			return nil, false
		}
		vals[s] = true
	}
	return vals, true
}

// affixes reports whether the concatenation at id joins something unknown
// (a prefix from configuration) to a name among vals.
func (g *graph) affixes(id int32, vals map[string]bool, depth int) bool {
	for _, e := range g.out[id] {
		if e.kind != eOperand {
			continue
		}
		if s, ok := g.onlyName(e.to, depth+1); ok && vals[s] {
			return true
		}
	}
	return false
}

// single returns the one element of a set.
func single(vals map[string]bool) (string, bool) {
	if len(vals) != 1 {
		return "", false
	}
	for s := range vals {
		return s, true
	}
	return "", false
}

// selfName is the name a tool value says it has, for a handler that is a
// method of a value (an adapter's runner, a registry's entry) whose
// registration gives no name of its own: what its Name() string method
// returns, or the Name field of what its one descriptor method returns
// (Definition() mcp.Tool, Info() ToolInfo).
func (g *graph) selfName(hid int32) (string, bool) {
	n := g.nodes[hid]
	if n.kind != kMethod {
		return "", false
	}
	handler, recv := g.e.methodNode(n)
	t := projType(recv)
	if t == nil || handler == nil {
		return "", false
	}
	method, field := nameMethod(t, handler.Name())
	if method == "" {
		return "", false
	}
	return g.methodName(g.root(recv), method, field)
}

// nameMethod finds, in t's method set, the method that says a tool's name:
// Name() string, else GetName() string, else the one method without
// parameters, other than the handler's, whose result is a struct (or a
// pointer to one) with a string field Name.
func nameMethod(t types.Type, handler string) (method, field string) {
	if _, ok := t.Underlying().(*types.Pointer); !ok {
		t = types.NewPointer(t) // its method set holds T's
	}
	ms := types.NewMethodSet(t)
	var described []string
	getter := ""
	for i := 0; i < ms.Len(); i++ {
		m := ms.At(i).Obj()
		sig := m.Type().(*types.Signature)
		if m.Name() == handler || sig.Params().Len() != 0 || sig.Results().Len() == 0 {
			continue
		}
		res := sig.Results().At(0).Type()
		if m.Name() == "Name" && sig.Results().Len() == 1 && isString(res) {
			return "Name", ""
		}
		if m.Name() == "GetName" && sig.Results().Len() == 1 && isString(res) {
			getter = m.Name()
		}
		if p, ok := res.Underlying().(*types.Pointer); ok {
			res = p.Elem()
		}
		if st, ok := res.Underlying().(*types.Struct); ok {
			for j := 0; j < st.NumFields(); j++ {
				if f := st.Field(j); f.Name() == "Name" && isString(f.Type()) {
					described = append(described, m.Name())
				}
			}
		}
	}
	if getter != "" {
		// The getter's spelling of Name() (protobuf's, and registries'
		// that key tool types by it: f.types[t.GetName()] = t).
		return getter, ""
	}
	if len(described) == 1 {
		return described[0], "Name"
	}
	return "", ""
}

// methodName evaluates the name a tool value gives through one of its
// methods (Name(), Info(), Declaration()): the method is entered with its
// receiver bound to that value, so a name set per value (an embedded base
// built with newBase("x")) is found.
//
// With field, the name is that string field of what the method returns
// (a dotted path for a nested one: "Function.Name").
func (g *graph) methodName(recv int32, method, field string) (string, bool) {
	rn := g.nodes[recv]
	t := projType(rn)
	if t == nil {
		return "", false
	}
	fn := methodFunc(g.e.prog, t, method)
	if fn == nil || g.e.skip(fn) || len(fn.Blocks) == 0 {
		return "", false
	}
	g.e.ix.ensure(fn)
	c := g.e.intern(ctxKey{fn: fn, recv: rn, hasRecv: true, entry: true})
	vals := map[string]bool{}
	dead := g.e.deadBlocks(fn)
	for _, ret := range g.e.ix.returnsOf(fn) {
		if len(ret.Results) == 0 || dead[ret.Block()] {
			continue
		}
		path := ""
		if field != "" {
			path = fieldPath(ret.Results[0].Type(), field)
		}
		named, _ := g.nameLeaves(g.root(node{v: ret.Results[0], c: c, path: path}))
		for _, x := range named {
			s, ok := g.nameOf(x, 0)
			if !ok {
				continue
			}
			vals[s] = true
		}
	}
	// A name that configuration may override (`name := "run_command"; if
	// a.customName != "" { name = a.customName }`) is the one the method
	// itself gives: the name the model sees unless an operator renames the
	// tool.
	if s, ok := single(vals); ok {
		return s, true
	}
	own := map[string]bool{}
	for s := range stringConsts(fn) {
		// An empty name is no name: `if a.customName != ""` compares
		// with it.
		if vals[s] && s != "" {
			own[s] = true
		}
	}
	return single(own)
}

// stringConsts returns the string constants that fn's instructions use.
func stringConsts(fn *ssa.Function) map[string]bool {
	out := map[string]bool{}
	var ops []*ssa.Value
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			for _, op := range instr.Operands(ops[:0]) {
				if op == nil {
					continue
				}
				if s, ok := constString(*op); ok {
					out[s] = true
				}
			}
		}
	}
	return out
}

// sliceRoot is the path that reads the elements of a value when it is a
// list (a variadic list of options): "[*]"; "" otherwise.
func sliceRoot(t types.Type) string {
	if _, ok := t.Underlying().(*types.Slice); ok {
		return "[*]"
	}
	return ""
}

// handlerName is what stands for a tool's name when no constant one is
// found: the handler's short name, with its receiver's type for a method
// (CustomTool.Run), so that two tools whose types share a method name are
// told apart.
func handlerName(fn *ssa.Function) string {
	recv := fn.Signature.Recv()
	if recv == nil {
		return fn.Name()
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name() + "." + fn.Name()
	}
	return fn.Name()
}

// caseNames are the names a handler is chosen for by a switch on a name:
// the function that makes the handler value returns it only in the cases
// of its string parameter that these constants name (handlerFor(name)
// with `case "list_notes": return h.listNotes`). A lookup called with the
// tool's own name gives each tool the handler of its case, however the
// names and the lookups fan out around it.
func caseNames(v ssa.Value) []string {
	names := map[string]bool{}
	var visit func(v ssa.Value, depth int) bool
	visit = func(v ssa.Value, depth int) bool {
		refs := v.Referrers()
		if refs == nil || depth > 3 {
			return false
		}
		for _, r := range *refs {
			switch x := r.(type) {
			case *ssa.ChangeType:
				if !visit(x, depth+1) {
					return false
				}
			case *ssa.MakeInterface:
				if !visit(x, depth+1) {
					return false
				}
			case *ssa.Return:
				cases := blockCases(x.Block())
				if len(cases) == 0 {
					return false
				}
				for _, s := range cases {
					names[s] = true
				}
			default:
				return false
			}
		}
		return true
	}
	if !visit(v, 0) || len(names) == 0 {
		return nil
	}
	return sortedNames(names)
}

// blockCases returns the constants that a block is entered under, when
// each way into it is the true branch of a comparison of one string
// parameter of its function with a constant (a switch's case, with one
// value or several).
func blockCases(b *ssa.BasicBlock) []string {
	var out []string
	var param *ssa.Parameter
	for _, p := range b.Preds {
		iff, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
		if !ok || p.Succs[0] != b || p.Succs[1] == b {
			return nil
		}
		cmp, ok := iff.Cond.(*ssa.BinOp)
		if !ok || cmp.Op != token.EQL {
			return nil
		}
		x, k := cmp.X, cmp.Y
		if _, isConst := x.(*ssa.Const); isConst {
			x, k = k, x
		}
		s, ok := constString(k)
		q, isParam := x.(*ssa.Parameter)
		if !ok || !isParam || (param != nil && q != param) {
			return nil
		}
		param = q
		out = append(out, s)
	}
	return out
}
