package discovery

import (
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/rules"
)

// This file groups the tools that one model holds at once. A model can
// chain the tools it is offered together (read with one, send with
// another), so the group is what the toxic-combination rules judge:
//   - an MCP server: the tools registered on one server value (the
//     catalog's server= argument of a registration, followed back to the
//     server's constructor call);
//   - an agent: a list of tools handed to an agent or a tool node (the
//     catalog's agent lines), followed back to the tools it can hold;
//   - a dispatcher: the tools that one dispatch runs (one switch on a
//     model's tool-call name, one lookup of a handler map or registry).

// Agent is a group of tools that one model holds at once.
type Agent struct {
	// Kind is "server", "agent" or "dispatcher".
	Kind      string
	Framework string
	// Site is where the agent is made: the server's constructor call, the
	// agent's construction (the call, or the store of its tools field),
	// the dispatch.
	Site token.Pos
	// Name is the constant name given where it is made ("" when none);
	// Maker spells what makes it (server.NewMCPServer, the dispatching
	// function), to name it when there is no constant.
	Name, Maker string
	// Tools are indexes into Result.Tools, increasing.
	Tools []int
	// Server is the server value of a "server" agent, to match the
	// middleware applied to it.
	Server ssa.Value
}

// maxAgentNodes bounds the search for the tools in one agent's list.
const maxAgentNodes = 200_000

// agents groups tools (already deduplicated and sorted) into agents.
func (e *engine) agents(scope []*ssa.Function, tools []Tool) []Agent {
	var out []Agent

	// Servers: every value a registration's server argument can be.
	byServer := map[ssa.Value][]int{}
	var servers []ssa.Value
	for i, t := range tools {
		for _, s := range t.Servers {
			if byServer[s] == nil {
				servers = append(servers, s)
			}
			byServer[s] = append(byServer[s], i)
		}
	}
	for _, s := range servers {
		name, maker := e.nameOfMaker(s)
		site := s.Pos()
		if x, ok := s.(*ssa.Extract); ok {
			// A constructor that returns the server with an error
			// (srv, err := server.NewServer(...)): the call makes it.
			site = x.Tuple.Pos()
		}
		out = append(out, Agent{Kind: "server", Framework: tools[byServer[s][0]].Framework, Site: site,
			Name: name, Maker: maker, Tools: byServer[s], Server: s})
	}

	// Dispatchers: the tools one function runs by the model's tool-call
	// name (a switch, a lookup, a loop over tools), and the tools of one
	// handler map.
	byHolder := map[any][]int{}
	var holders []any
	for i, t := range tools {
		if t.holder == nil {
			continue
		}
		if byHolder[t.holder] == nil {
			holders = append(holders, t.holder)
		}
		byHolder[t.holder] = append(byHolder[t.holder], i)
	}
	for _, h := range holders {
		a := Agent{Kind: "dispatcher", Framework: tools[byHolder[h][0]].Framework, Tools: byHolder[h]}
		switch x := h.(type) {
		case *ssa.Function:
			a.Site, a.Maker = x.Pos(), symbol.Short(x)
		case ssa.Instruction:
			a.Site, a.Maker = x.Pos(), symbol.Short(x.Parent())
			if st, ok := x.(*ssa.Store); ok {
				// A handler map stored in an agent's parameters (openai-go's
				// ToolHandlers) is that agent's set of tools.
				if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
					a.Kind, a.Maker = "agent", symbol.ShortType(typeSymbol(fa.X.Type()))
					a.Name = e.objectName(fa.X)
				}
			}
		}
		out = append(out, a)
	}

	// Agents: the lists of tools that agents are made with.
	out = append(out, e.heldLists(scope, tools)...)

	for i := range out {
		slices.Sort(out[i].Tools)
		out[i].Tools = slices.Compact(out[i].Tools)
	}
	out = slices.DeleteFunc(out, func(a Agent) bool { return len(a.Tools) == 0 })
	sort.SliceStable(out, func(i, j int) bool { return out[i].Site < out[j].Site })
	return out
}

// heldLists finds the catalogued places where a list of tools is handed to
// an agent, and the tools each list can hold.
func (e *engine) heldLists(scope []*ssa.Function, tools []Tool) []Agent {
	if len(e.cat.Agents) == 0 {
		return nil
	}
	impls := newImplIndex(scope)
	made := map[ssa.CallInstruction][]int{}
	byHandler := map[*ssa.Function][]int{}
	for i, t := range tools {
		for _, m := range t.made {
			made[m] = append(made[m], i)
		}
		byHandler[t.Handler] = append(byHandler[t.Handler], i)
	}
	var out []Agent
	for _, fn := range scope {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case ssa.CallInstruction:
					callee := x.Common().StaticCallee()
					if callee == nil {
						continue
					}
					h, ok := e.cat.Agents[rules.Normalize(symbolOf(callee))]
					args := callArgs(x.Common())
					if !ok || h.ToolsArg < 0 || h.ToolsArg >= len(args) {
						continue
					}
					a := Agent{Kind: "agent", Framework: h.Framework, Site: x.Pos(), Maker: symbol.Short(callee)}
					if v, ok := x.(ssa.Value); ok {
						a.Name = e.optionName(v)
					}
					if a.Name == "" {
						a.Name = callName(x.Common())
					}
					a.Tools = e.held(args[h.ToolsArg], made, byHandler, tools, impls)
					out = append(out, a)
				case *ssa.Store:
					fa, ok := x.Addr.(*ssa.FieldAddr)
					if !ok {
						continue
					}
					t := fa.X.Type()
					h, ok := e.cat.Agents[rules.Normalize(typeSymbol(t))]
					if !ok || h.Field == "" || fieldName(t, fa.Field) != h.Field {
						continue
					}
					a := Agent{Kind: "agent", Framework: h.Framework, Site: x.Pos(), Maker: symbol.ShortType(typeSymbol(t))}
					// The tools field may sit deep in the agent's
					// configuration: the name is in an enclosing literal.
					for _, v := range enclosing(fa.X) {
						if a.Name = e.objectName(v); a.Name != "" {
							break
						}
					}
					a.Tools = e.held(x.Val, made, byHandler, tools, impls)
					out = append(out, a)
				}
			}
		}
	}
	return out
}

// held returns the tools that can flow into list, a list of tools: those
// made by a registration call that flows in (utils.NewTool), and the tool
// values converted to a catalogued tool interface on the way (a
// langchaingo tools.Tool).
func (e *engine) held(list ssa.Value, made map[ssa.CallInstruction][]int, byHandler map[*ssa.Function][]int, tools []Tool, scope *implIndex) []int {
	g := e.newGraph()
	g.limit = maxAgentNodes
	root := g.root(node{v: list, path: sliceRoot(list.Type())})
	var out []int
	seen := map[int32]bool{root: true}
	stack := []int32{root}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := g.nodes[id]
		if n.kind == kValue && n.path == "" {
			if c := callOf(n.v); c != nil {
				out = append(out, made[c]...)
			}
			if mi, ok := n.v.(*ssa.MakeInterface); ok {
				out = append(out, e.converted(mi, byHandler, tools)...)
				// A wrapper that only delegates to a tool it holds
				// (iface.go, delegates) stands for that tool.
				for _, path := range e.delegatePaths(mi.X.Type()) {
					g.flowsFrom(id, mi.X, n.c, path)
				}
			}
			if plainOut(g, id) == 0 {
				// A tool passed through a dependency's wrapper
				// (WrapToolWithErrorHandler(t, h)) is still that tool.
				for _, a := range opaqueToolArgs(n.v, e) {
					g.flowsFrom(id, a, n.c, "")
				}
			}
		}
		if n.kind == kValue && plainOut(g, id) == 0 {
			g.implementations(id, scope)
		}
		for _, ed := range g.out[id] {
			if ed.kind == ePlain && !seen[ed.to] {
				seen[ed.to] = true
				g.visit(ed.to)
				stack = append(stack, ed.to)
			}
		}
	}
	return out
}

// delegatePaths returns, for a type that only delegates to a tool it
// holds, the paths of its interface-typed fields (where the held tool is),
// and nothing for any other type.
func (e *engine) delegatePaths(t types.Type) []string {
	delegating := false
	for _, spec := range e.cat.Implements {
		if delegates(e.prog, t, spec) {
			delegating = true
			break
		}
	}
	if !delegating {
		return nil
	}
	prefix := ""
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t, prefix = p.Elem(), "*/"
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []string
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); types.IsInterface(f.Type()) {
			out = append(out, prefix+f.Name())
		}
	}
	return out
}

// plainOut counts the value edges out of a node.
func plainOut(g *graph, id int32) int {
	n := 0
	for _, e := range g.out[id] {
		if e.kind == ePlain {
			n++
		}
	}
	return n
}

// implIndex lists the application's types with methods, to resolve an
// interface call whose receiver the flow cannot find.
type implIndex struct {
	types []types.Type
	memo  map[string][]*ssa.Function
}

func newImplIndex(scope []*ssa.Function) *implIndex {
	ix := &implIndex{memo: map[string][]*ssa.Function{}}
	seen := map[types.Type]bool{}
	for _, fn := range scope {
		recv := fn.Signature.Recv()
		if recv == nil || fn.Parent() != nil {
			continue
		}
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.TypeParams().Len() == 0 && !seen[n] {
			seen[n] = true
			ix.types = append(ix.types, n)
		}
	}
	return ix
}

// implementations adds, to a node whose value is the result of an
// interface call that no receiver reaches (a service held in a field that
// a setter filled, a handler registered with a web framework), the results
// of the method of every application type that implements the interface.
func (g *graph) implementations(id int32, ix *implIndex) {
	n := g.nodes[id]
	c := callOf(n.v)
	if c == nil || !c.Common().IsInvoke() {
		return
	}
	cc := c.Common()
	iface, ok := cc.Value.Type().Underlying().(*types.Interface)
	if !ok {
		return
	}
	key := types.TypeString(cc.Value.Type(), nil) + "." + cc.Method.Name()
	fns, ok := ix.memo[key]
	if !ok {
		for _, t := range ix.types {
			for _, tt := range []types.Type{t, types.NewPointer(t)} {
				if !types.Implements(tt, iface) {
					continue
				}
				if m := methodFunc(g.e.prog, tt, cc.Method.Name()); m != nil && !g.e.skip(m) && len(m.Blocks) > 0 {
					fns = append(fns, m)
				}
				break
			}
		}
		ix.memo[key] = fns
	}
	for _, m := range fns {
		g.e.ix.ensure(m)
		g.returns(id, m, g.e.intern(ctxKey{fn: m, site: c}), resultIndex(n.v), n.path)
	}
}

// converted returns the interface tools whose handler is the method of the
// value a conversion converts, or that the adapter it converts runs.
func (e *engine) converted(mi *ssa.MakeInterface, byHandler map[*ssa.Function][]int, tools []Tool) []int {
	var out []int
	for i, t := range tools {
		if t.adapter == mi {
			out = append(out, i)
		}
	}
	for _, spec := range e.cat.Implements {
		fn := methodFunc(e.prog, mi.X.Type(), spec.Method)
		if fn == nil {
			continue
		}
		for _, i := range byHandler[unwrapWrapper(fn)] {
			if tools[i].Framework == spec.Framework {
				out = append(out, i)
			}
		}
	}
	return out
}

// opaqueToolArgs returns, for a call of a function whose body the flow does
// not enter, the arguments that can be the value it returns: those of a type
// assignable to its interface result.
func opaqueToolArgs(v ssa.Value, e *engine) []ssa.Value {
	c := callOf(v)
	if c == nil {
		return nil
	}
	callee := c.Common().StaticCallee()
	if callee == nil || (!e.skip(callee) && len(callee.Blocks) > 0) {
		return nil
	}
	rt := v.Type()
	if !types.IsInterface(rt) {
		return nil
	}
	var out []ssa.Value
	for _, a := range c.Common().Args {
		if types.IsInterface(a.Type()) && types.AssignableTo(a.Type(), rt) {
			out = append(out, a)
		}
	}
	return out
}

// nameOfMaker names a server value: the constant name given to its
// constructor, and the constructor's short name.
func (e *engine) nameOfMaker(v ssa.Value) (name, maker string) {
	if x, ok := v.(*ssa.Extract); ok && x.Index == 0 {
		if call, ok := x.Tuple.(*ssa.Call); ok {
			v = call
		}
	}
	switch x := v.(type) {
	case *ssa.Call:
		if callee := x.Call.StaticCallee(); callee != nil {
			maker = symbol.Short(callee)
		} else {
			maker = x.Call.Value.Name()
		}
		return callName(&x.Call), maker
	case *ssa.Parameter:
		return "", "parameter " + x.Name() + " of " + symbol.Short(x.Parent())
	}
	if fn := instrParent(v); fn != nil {
		return "", symbol.Short(fn)
	}
	return "", v.Name()
}

func instrParent(v ssa.Value) *ssa.Function {
	if i, ok := v.(ssa.Instruction); ok {
		return i.Parent()
	}
	return nil
}

// callName is the name a constructor is given: its constant argument for a
// parameter called name (server.NewMCPServer("name", "1.0")), or the
// constant Name field of a struct it is passed (&mcp.Implementation{Name:
// "x"}).
func callName(c *ssa.CallCommon) string {
	if callee := c.StaticCallee(); callee != nil {
		params := callee.Signature.Params()
		args := c.Args
		if callee.Signature.Recv() != nil && len(args) > 0 {
			args = args[1:]
		}
		for i := 0; i < params.Len() && i < len(args); i++ {
			if !strings.EqualFold(params.At(i).Name(), "name") {
				continue
			}
			if s, ok := constString(args[i]); ok && s != "" {
				return s
			}
		}
	}
	for _, a := range callArgs(c) {
		if s := literalName(a); s != "" {
			return s
		}
	}
	return ""
}

// optionName is the name of the agent an option is given to
// (llmagent.New("name", llmagent.WithTools(tools))): the call that takes
// the option's result.
func (e *engine) optionName(v ssa.Value) string {
	for _, c := range consumers(v, 3) {
		if call, ok := c.(*ssa.Call); ok {
			if s := callName(&call.Call); s != "" {
				return s
			}
		}
	}
	return ""
}

// maxEnclosing bounds the literals an agent's name is looked for in.
const maxEnclosing = 6

// enclosing returns v, a struct's address, and the addresses of the
// structs it is part of, innermost first: through field addresses
// (&cfg.ToolsConfig.ToolsNodeConfig), and through a literal built apart
// and copied into another's field (ToolsConfig: adk.ToolsConfig{...}).
func enclosing(v ssa.Value) []ssa.Value {
	var out []ssa.Value
	for len(out) < maxEnclosing && v != nil {
		out = append(out, v)
		switch x := v.(type) {
		case *ssa.FieldAddr:
			v = x.X
			continue
		case *ssa.Alloc:
			v = copiedInto(x)
			continue
		}
		break
	}
	return out
}

// copiedInto is the field address that the value of a local literal is
// stored into, or nil.
func copiedInto(a *ssa.Alloc) ssa.Value {
	if a.Referrers() == nil {
		return nil
	}
	for _, ref := range *a.Referrers() {
		ld, ok := ref.(*ssa.UnOp)
		if !ok || ld.Op != token.MUL || ld.Referrers() == nil {
			continue
		}
		for _, r := range *ld.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Val == ld {
				if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
					return fa
				}
			}
		}
	}
	return nil
}

// objectName is the constant stored in the Name field of the struct that
// v points to.
func (e *engine) objectName(v ssa.Value) string {
	for _, fa := range e.ix.fieldAddrs[v] {
		if fieldName(fa.X.Type(), fa.Field) != "Name" {
			continue
		}
		for _, st := range e.ix.storesTo(fa) {
			if s, ok := constString(st.Val); ok && s != "" {
				return s
			}
		}
	}
	return ""
}

// literalName is the constant Name field of the struct literal that v is or
// points to.
func literalName(v ssa.Value) string {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.UnOp:
			if x.Op == token.MUL {
				v = x.X
				continue
			}
		}
		break
	}
	a, ok := v.(*ssa.Alloc)
	if !ok || a.Referrers() == nil {
		return ""
	}
	for _, ref := range *a.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fieldName(fa.X.Type(), fa.Field) != "Name" || fa.Referrers() == nil {
			continue
		}
		for _, r := range *fa.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == fa {
				if s, ok := constString(st.Val); ok && s != "" {
					return s
				}
			}
		}
	}
	return ""
}
