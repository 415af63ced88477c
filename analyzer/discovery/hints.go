package discovery

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/rules"
)

// This file reads what a tool says about itself: the behaviour hints of an
// MCP tool's annotations (readOnlyHint, destructiveHint...). A hint is a
// field of the annotations that a catalogued tool type holds, followed back
// from the registration's tool argument as the name is: through struct
// literals, the options of a tool builder (mcp.WithReadOnlyHintAnnotation),
// the application's own descriptors, and the pointer helpers of
// dependencies (ptr.To(true), ptr.Deref(p, false)). A hint is paired with
// its tool's handler as a name is (pair.go), so a conversion that every
// tool goes through keeps each tool's own hints.

// hintValue is one value of one hint kind flowing into a tool description.
type hintValue struct {
	kind string
	// id is the node the value was found at, to pair it with a handler.
	id int32
	// val is "true", "false" or "unknown".
	val string
	at  token.Pos
	// fallback marks a helper's default (ptr.Deref(p, false) when p is
	// nil): it counts only where no other value meets the handler.
	fallback bool
}

// hintKey is a node whose sources for one hint kind were added.
type hintKey struct {
	id   int32
	kind string
}

// maxHintDepth bounds the option and helper calls a hint is followed
// through.
const maxHintDepth = 4

// hintValues returns the values of each hint that flow into the tool
// description at node t, and the roots it followed them from.
func (g *graph) hintValues(t int32) ([]hintValue, []int32) {
	n := g.nodes[t]
	tt := projType(n)
	if tt == nil {
		return nil, nil
	}
	path := n.path
	if p, ok := types.Unalias(tt).Underlying().(*types.Pointer); ok {
		path, tt = join(path, "*"), p.Elem()
	}
	field, ok := g.e.cat.Annotations[rules.Normalize(typeSymbol(tt))]
	if !ok {
		return nil, nil
	}
	ft := fieldType(tt, field)
	if ft == nil {
		return nil, nil
	}
	path = join(path, field)
	if p, ok := types.Unalias(ft).Underlying().(*types.Pointer); ok {
		path, ft = join(path, "*"), p.Elem()
	}
	var out []hintValue
	var roots []int32
	for _, f := range hintFields(g.e.cat, ft) {
		r := g.root(node{v: n.v, c: n.c, path: join(path, f.path)})
		roots = append(roots, r)
		g.hintWalk(r, f.kind, token.NoPos, 0, &out)
	}
	return out, roots
}

// hintField is one hint field of an annotations type, with the path from
// the annotations to the boolean (through the pointer of a *bool).
type hintField struct{ kind, path string }

// hintFields lists the hint fields of an annotations type, by name.
func hintFields(cat *rules.Catalog, ann types.Type) []hintField {
	fields := cat.Hints[rules.Normalize(typeSymbol(ann))]
	var out []hintField
	for name, kind := range fields {
		ft := fieldType(ann, name)
		if ft == nil {
			continue
		}
		p := name
		if _, ok := types.Unalias(ft).Underlying().(*types.Pointer); ok {
			p = join(p, "*")
		}
		out = append(out, hintField{kind, p})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out
}

// fieldType is the type of the named field of struct type t.
func fieldType(t types.Type, name string) types.Type {
	s, ok := types.Unalias(t).Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i := 0; i < s.NumFields(); i++ {
		if s.Field(i).Name() == name {
			return s.Field(i).Type()
		}
	}
	return nil
}

// hintWalk collects the values of a hint kind that flow into node from. at
// is the last source position on the way, for where the hint is declared.
func (g *graph) hintWalk(from int32, kind string, at token.Pos, depth int, out *[]hintValue) {
	type item struct {
		id       int32
		at       token.Pos
		fallback bool
	}
	seen := map[int32]bool{from: true}
	stack := []item{{from, at, false}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := g.nodes[it.id]
		at := it.at
		if n.v.Pos().IsValid() && (!at.IsValid() || g.declares(n)) {
			at = n.v.Pos()
		}
		if k, ok := n.v.(*ssa.Const); ok && n.path == "" {
			if k.Value != nil && k.Value.Kind() == constant.Bool {
				*out = append(*out, hintValue{kind: kind, id: it.id, val: boolString(constant.BoolVal(k.Value)), at: at, fallback: it.fallback})
			}
			continue
		}
		fallback := map[int32]bool{}
		explained := false
		hk := hintKey{it.id, kind}
		if n.kind == kValue && depth < maxHintDepth && !g.hinted[hk] {
			if g.hinted == nil {
				g.hinted = map[hintKey]bool{}
			}
			g.hinted[hk] = true
			var values, defaults []node
			values, defaults, explained = g.hintCalls(it.id, kind)
			for _, x := range values {
				if !explained {
					g.add(it.id, x, ePlain, -1, -1)
					continue
				}
				// This kind's values only: the next kind's walk
				// of the same call must not follow them.
				if to := g.add(it.id, x, eHint, -1, -1); to >= 0 {
					e := &g.out[it.id][len(g.out[it.id])-1]
					e.hint = g.hintKind(kind)
				}
			}
			for _, x := range defaults {
				if to := g.add(it.id, x, ePlain, -1, -1); to >= 0 {
					fallback[to] = true
				}
			}
			for _, x := range g.appliedOptions(it.id, kind) {
				if to := g.add(it.id, x, eHint, -1, -1); to >= 0 {
					e := &g.out[it.id][len(g.out[it.id])-1]
					e.hint = g.hintKind(kind)
				}
			}
		}
		plain := 0
		for _, e := range g.out[it.id] {
			if e.kind != ePlain && (e.kind != eHint || e.hint != g.hintKind(kind)) {
				continue
			}
			plain++
			if !seen[e.to] {
				seen[e.to] = true
				g.visit(e.to)
				// A store made through another value, anywhere in
				// the program, counts only where nothing this
				// tool's own options or literal say does.
				stack = append(stack, item{e.to, at, it.fallback || fallback[e.to] || g.aliased[[2]int32{it.id, e.to}]})
			}
		}
		if plain > 0 || explained || n.kind != kValue {
			continue
		}
		// A leaf the flow cannot see through: a boolean read from a
		// flag, a configuration, a parameter with no caller.
		switch n.v.(type) {
		case *ssa.Alloc, *ssa.MakeSlice, *ssa.MakeMap, *ssa.Global, *ssa.Const:
			continue // memory nothing is stored into: the zero value
		}
		if t := projType(n); t != nil && isBool(t) {
			*out = append(*out, hintValue{kind: kind, id: it.id, val: "unknown", at: at, fallback: it.fallback})
		}
	}
}

// appliedOptions returns the values that options applied to a tool
// object set for one hint kind, when node id is the object's hint field
// (a path through its annotations to the hint): a tool assembled by the
// application, `t := mcp.Tool{...}; for _, o := range opts { o(&t) }`,
// gets from each option called with it the hint the option sets. An
// option is a catalogued one (mcp.WithDestructiveHintAnnotation(true)),
// whose argument hintCalls reads, or a closure of the application's
// that stores into the hint field of what it is handed (directly, or
// through a helper that returns the annotations), in the context of the
// option's call, so that each tool keeps its own options' values.
func (g *graph) appliedOptions(id int32, kind string) []node {
	n := g.nodes[id]
	field, rest, ok := g.hintFieldOf(n, kind)
	if !ok {
		return nil
	}
	refs := n.v.Referrers()
	if refs == nil {
		return nil // a global: the options are applied to a pointer to it
	}
	var out []node
	for _, r := range *refs {
		site, ok := r.(ssa.CallInstruction)
		if !ok || site.Common().IsInvoke() || site.Common().StaticCallee() != nil {
			continue
		}
		arg := slices.Index(site.Common().Args, n.v)
		if arg < 0 {
			continue
		}
		cv := g.root(node{v: site.Common().Value, c: n.c})
		for _, l := range g.leaves(cv) {
			ln := g.nodes[l]
			if opt, ok := g.hintOption(ln); ok {
				if opt.Kind == kind || opt.Kind == "annotations" {
					out = append(out, ln)
				}
				continue
			}
			c := g.e.calleeCtx(ln, site, n.c)
			if c == nil || arg >= len(c.fn.Params) {
				continue
			}
			for _, v := range optionStores(c.fn, c.fn.Params[arg], field) {
				out = append(out, node{v: v, c: c, path: rest})
			}
		}
	}
	return out
}

// hintFieldOf reports whether a node is a hint field of a tool object
// that options can be applied to: a pointer to a catalogued tool type,
// with a path through its annotations to the field of hint kind. It
// returns the field's name and the path past it.
func (g *graph) hintFieldOf(n node, kind string) (field, rest string, ok bool) {
	p, isPtr := n.v.Type().Underlying().(*types.Pointer)
	if !isPtr || !strings.HasPrefix(n.path, "*/") {
		return "", "", false
	}
	ann, ok := g.e.cat.Annotations[rules.Normalize(typeSymbol(p.Elem()))]
	if !ok {
		return "", "", false
	}
	els := strings.Split(n.path, "/")
	if len(els) < 3 || els[1] != ann {
		return "", "", false
	}
	at := fieldType(p.Elem(), ann)
	if q, ok := types.Unalias(at).Underlying().(*types.Pointer); ok {
		at = q.Elem()
	}
	for name, k := range g.e.cat.Hints[rules.Normalize(typeSymbol(at))] {
		if k != kind {
			continue
		}
		if i := slices.Index(els[2:], name); i >= 0 {
			return name, strings.Join(els[2+i+1:], "/"), true
		}
	}
	return "", "", false
}

// optionStores returns the values an option function stores into the
// hint field of the tool it is handed as p: x.field = v where x is p's
// annotations, reached through p's fields and loads or returned by a
// helper handed p.
func optionStores(fn *ssa.Function, p *ssa.Parameter, field string) []ssa.Value {
	var out []ssa.Value
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			st, ok := instr.(*ssa.Store)
			if !ok {
				continue
			}
			fa, ok := st.Addr.(*ssa.FieldAddr)
			if ok && fieldName(fa.X.Type(), fa.Field) == field && fromParam(fa.X, p, 0) {
				out = append(out, st.Val)
			}
		}
	}
	return out
}

// fromParam reports whether v is p, a field or load of what p points to,
// or the result of a static call handed such a value.
func fromParam(v ssa.Value, p *ssa.Parameter, depth int) bool {
	if depth > 4 {
		return false
	}
	switch x := v.(type) {
	case *ssa.Parameter:
		return x == p
	case *ssa.FieldAddr:
		return fromParam(x.X, p, depth+1)
	case *ssa.UnOp:
		return x.Op == token.MUL && fromParam(x.X, p, depth+1)
	case *ssa.Call:
		if x.Call.StaticCallee() == nil {
			return false
		}
		for _, a := range x.Call.Args {
			if fromParam(a, p, depth+1) {
				return true
			}
		}
	}
	return false
}

// hintKind numbers a hint kind for the eHint edges of its values.
func (g *graph) hintKind(kind string) uint8 {
	k, ok := g.hintKinds[kind]
	if !ok {
		if g.hintKinds == nil {
			g.hintKinds = map[string]uint8{}
		}
		k = uint8(len(g.hintKinds) + 1)
		g.hintKinds[kind] = k
	}
	return k
}

// declares reports whether a node is where hints are declared: an
// annotations value, or a call of a hint option. The walk keeps the first
// position it finds and moves it only to such a node, so that a helper's
// body (a function that returns a pointer to false) is not where a tool's
// hint is said to be declared.
func (g *graph) declares(n node) bool {
	if c := callOf(n.v); c != nil {
		if callee := c.Common().StaticCallee(); callee != nil {
			if _, ok := g.e.cat.HintOptions[rules.Normalize(symbolOf(callee))]; ok {
				return true
			}
		}
	}
	t := n.v.Type()
	if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := g.e.cat.Hints[rules.Normalize(typeSymbol(t))]
	return ok
}

// hintCalls returns the values that a call node's hint comes from, when the
// call's body is not followed: the options of a catalogued tool builder
// that set the hint (mcp.NewTool("x", mcp.WithReadOnlyHintAnnotation(true))),
// and the arguments of a dependency's pointer helper (ptr.To(v) points to
// v; ptr.Deref(p, def) is what p points to). explained is true for a tool
// builder: a hint no option sets is not declared.
func (g *graph) hintCalls(id int32, kind string) (values, defaults []node, explained bool) {
	n := g.nodes[id]
	c := callOf(n.v)
	if c == nil {
		return nil, nil, false
	}
	callee := c.Common().StaticCallee()
	if callee == nil {
		return nil, nil, false
	}
	args := callArgs(c.Common())
	sym := rules.Normalize(symbolOf(callee))
	if opt, ok := g.e.cat.HintOptions[sym]; ok && n.path == "" && opt.Arg < len(args) {
		a := args[opt.Arg]
		switch opt.Kind {
		case kind:
			values = append(values, node{v: a, c: n.c})
		case "annotations":
			for _, f := range hintFields(g.e.cat, a.Type()) {
				if f.kind == kind {
					values = append(values, node{v: a, c: n.c, path: f.path})
				}
			}
		}
		return values, nil, true
	}
	if _, ok := g.e.cat.ToolNames[sym]; ok && n.path != "" {
		for _, a := range args {
			if _, ok := a.Type().Underlying().(*types.Slice); ok {
				values = append(values, g.optionValues(a, n.c, kind)...)
			}
		}
		return values, nil, true
	}
	if !g.e.skip(callee) && len(callee.Blocks) > 0 {
		return nil, nil, false
	}
	t := projType(n)
	if t == nil {
		return nil, nil, false
	}
	// Only the shapes of pointer helpers: ptr.To(v) and ptr.Deref(p, def).
	// flag.Bool(name, def, usage) returns a pointer too, but what it points
	// to is whatever the command line says.
	switch {
	case n.path == "*" && len(args) == 1:
		// ptr.To(v): what the result points to is v.
		for _, a := range args {
			if types.Identical(a.Type(), t) {
				values = append(values, node{v: a, c: n.c})
			}
		}
	case n.path == "" && len(args) == 2:
		if !isBool(t) {
			return nil, nil, false
		}
		// ptr.Deref(p, def): what p points to, else def.
		for _, a := range args {
			if p, ok := a.Type().Underlying().(*types.Pointer); ok && types.Identical(p.Elem(), t) {
				values = append(values, node{v: a, c: n.c, path: "*"})
			} else if types.Identical(a.Type(), t) {
				defaults = append(defaults, node{v: a, c: n.c})
			}
		}
	}
	return values, defaults, false
}

// optionValues returns the options in a tool builder's option list that
// set a hint kind: an option for that kind, or one that sets the whole
// annotations (hintCalls reads their arguments).
func (g *graph) optionValues(opts ssa.Value, c *ctx, kind string) []node {
	r := g.root(node{v: opts, c: c, path: sliceRoot(opts.Type())})
	var out []node
	for _, l := range g.leaves(r) {
		if opt, ok := g.hintOption(g.nodes[l]); ok && (opt.Kind == kind || opt.Kind == "annotations") {
			out = append(out, g.nodes[l])
		}
	}
	return out
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// methodHints returns the hints a tool value of a registry declares
// through a method of its type that returns the SDK's tool description
// (Definition() mcp.Tool, beside the Execute the registry runs): what that
// description holds, entered with the value as receiver (recv, or none).
func (g *graph) methodHints(t types.Type, recv *node) (map[string]string, token.Pos) {
	if t == nil {
		return nil, token.NoPos
	}
	for _, tt := range []types.Type{t, types.NewPointer(t)} {
		if _, isPtr := t.(*types.Pointer); isPtr && tt != t {
			break
		}
		ms := g.e.prog.MethodSets.MethodSet(tt)
		for i := 0; i < ms.Len(); i++ {
			sig, ok := ms.At(i).Type().(*types.Signature)
			if !ok || sig.Params().Len() != 0 || sig.Results().Len() != 1 {
				continue
			}
			rt := sig.Results().At(0).Type()
			if p, ok := types.Unalias(rt).Underlying().(*types.Pointer); ok {
				rt = p.Elem()
			}
			if _, ok := g.e.cat.Annotations[rules.Normalize(typeSymbol(rt))]; !ok {
				continue
			}
			fn := unwrapWrapper(g.e.prog.MethodValue(ms.At(i)))
			if fn == nil || g.e.skip(fn) || len(fn.Blocks) == 0 {
				continue
			}
			g.e.ix.ensure(fn)
			k := ctxKey{fn: fn, entry: true}
			if recv != nil {
				k.recv, k.hasRecv = *recv, true
			}
			c := g.e.intern(k)
			dead := g.e.deadBlocks(fn)
			var vals []hintValue
			for _, ret := range g.e.ix.returnsOf(fn) {
				if len(ret.Results) == 1 && !dead[ret.Block()] {
					vs, _ := g.hintValues(g.root(node{v: ret.Results[0], c: c}))
					vals = append(vals, vs...)
				}
			}
			// One tool's description: every value met is its.
			here := map[meetKey]bool{{fan: -3, alt: -3}: true}
			places := make([]map[meetKey]bool, len(vals))
			for j := range places {
				places[j] = here
			}
			return pairHints(vals, places, here)
		}
	}
	return nil, token.NoPos
}

// pairHints gives a handler, whose places are hp, the hints that meet it:
// one value per kind, "unknown" when several meet it.
func pairHints(vals []hintValue, places []map[meetKey]bool, hp map[meetKey]bool) (map[string]string, token.Pos) {
	var hints map[string]string
	at := token.NoPos
	explicit := map[string]bool{}
	for i, v := range vals {
		if !v.fallback && meet(hp, places[i]) {
			explicit[v.kind] = true
		}
	}
	for i, v := range vals {
		if (v.fallback && explicit[v.kind]) || !meet(hp, places[i]) {
			continue
		}
		if hints == nil {
			hints = map[string]string{}
		}
		if old, ok := hints[v.kind]; ok && old != v.val {
			hints[v.kind] = "unknown"
		} else {
			hints[v.kind] = v.val
		}
		if v.at.IsValid() && (!at.IsValid() || v.at < at) {
			at = v.at
		}
	}
	return hints, at
}

// hintOption returns the catalogued hint option a call node calls, if any.
func (g *graph) hintOption(n node) (rules.HintOption, bool) {
	call, ok := n.v.(*ssa.Call)
	if !ok || n.path != "" {
		return rules.HintOption{}, false
	}
	callee := call.Call.StaticCallee()
	if callee == nil {
		return rules.HintOption{}, false
	}
	opt, ok := g.e.cat.HintOptions[rules.Normalize(symbolOf(callee))]
	return opt, ok
}
