package discovery

import (
	"go/token"
	"go/types"
	"sort"
	"strconv"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/rules"
)

// This file finds model-selected dispatch: code that picks, by the name in
// a model's tool call, which code runs.
//   - a comparison of the name with a constant guarding a branch (a switch
//     or an if-chain): each branch is a tool, scoped to the blocks it
//     dominates;
//   - a lookup of a map keyed by the name: each function value stored in the
//     map is a tool named by its key, and each implementation of the
//     application's own interface stored there (a registry) is a tool whose
//     handler is the method the program calls on the value looked up;
//   - a comparison of the name with a name method of interface values (a
//     loop over tools comparing t.Name()): each value that reaches the
//     comparison is a tool.
//
// The name of a tool call is a field of a catalogued tool-call struct, or a
// field of the application's own type that the program copies it into
// (names.go propagates them).

// maxDispatchDepth bounds how far a compared value is traced back to a
// tool call's name field.
const maxDispatchDepth = 6

// modelNames knows which struct fields hold the name of a model's tool
// call: the catalog's, and those of the application's own types that the
// program copies one into.
type modelNames struct {
	e *engine
	// copied maps "pkgpath.Type.Field" of an application type to the
	// dispatch it copies.
	copied map[string]rules.Dispatch
	// calls maps "pkgpath.Type.Field" of an application type that the
	// program fills by hand with the name and the arguments of a tool
	// call it decodes itself (a map's params["name"] and
	// params["arguments"]) to the dispatch of that type: the struct is
	// the call, as one that JSON decodes is (wire).
	calls map[string]rules.Dispatch
	// copiers maps a function to the copied fields it stores into.
	copiers map[*ssa.Function][]string
	// used are the copied fields some lookup or name comparison
	// dispatches on.
	used map[string]bool
	// actions are the types of the analysed code's struct fields that
	// hold a ReAct answer's action object (isAction); nil until asked.
	actions []types.Type
}

// newModelNames finds the copied name fields: a store into a field of an
// application type (owned says which types are) of a value that is a model's
// tool-call name makes that field one, until nothing new is found.
func (e *engine) newModelNames(scope []*ssa.Function, owned func(types.Type) bool) *modelNames {
	m := &modelNames{e: e, copied: map[string]rules.Dispatch{}, calls: map[string]rules.Dispatch{}, copiers: map[*ssa.Function][]string{}, used: map[string]bool{}}
	if len(e.cat.Dispatch) == 0 {
		return m
	}
	done := map[*ssa.Store]bool{}
	for round := 0; round < 4; round++ {
		grew := false
		eachFieldStore(scope, func(st *ssa.Store, fa *ssa.FieldAddr) {
			t := fa.X.Type()
			if !owned(t) {
				return
			}
			k := typeSymbol(t) + "." + fieldName(t, fa.Field)
			if done[st] {
				return
			}
			if d, cat, ok := m.fieldOf(st.Val, 0); ok {
				done[st] = true
				if _, known := m.calls[k]; !known && cat && d.Framework == wireFramework {
					if args := m.argsStored(fa); args >= 0 {
						m.calls[k] = rules.Dispatch{Framework: wireFramework, Type: typeSymbol(t), NameField: fieldName(t, fa.Field), ArgsField: fieldName(t, args)}
						grew = true
					}
				}
				m.copiers[st.Parent()] = append(m.copiers[st.Parent()], k)
				// A field filled from several SDKs' calls (an adapter per
				// provider) is named after the first framework in
				// alphabetical order, whatever the order of the stores.
				if old, ok := m.copied[k]; !ok || d.Framework < old.Framework {
					m.copied[k] = d
					grew = grew || !ok
				}
			}
		})
		if !grew {
			break
		}
	}
	return m
}

// eachFieldStore calls visit for every store into a struct field.
func eachFieldStore(scope []*ssa.Function, visit func(st *ssa.Store, fa *ssa.FieldAddr)) {
	for _, fn := range scope {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok {
					if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
						visit(st, fa)
					}
				}
			}
		}
	}
}

// field reports whether v is (derived from) a model's tool-call name, and
// which dispatch (catalogued or copied) it comes from.
func (m *modelNames) field(v ssa.Value, depth int) (rules.Dispatch, bool) {
	d, _, ok := m.fieldOf(v, depth)
	return d, ok
}

// fieldOf is field, also telling whether the name comes from a catalogued
// field directly.
func (m *modelNames) fieldOf(v ssa.Value, depth int) (rules.Dispatch, bool, bool) {
	if depth > maxDispatchDepth || v == nil {
		return rules.Dispatch{}, false, false
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok {
			if d, cat, ok := m.of(fa.X.Type(), fa.Field); ok {
				return d, cat, m.callRead(fa.X, d, cat, fa.Block())
			}
		}
		return m.fieldOf(x.X, depth+1)
	case *ssa.FieldAddr:
		d, cat, ok := m.of(x.X.Type(), x.Field)
		return d, cat, ok && m.callRead(x.X, d, cat, x.Block())
	case *ssa.Field:
		d, cat, ok := m.of(x.X.Type(), x.Field)
		return d, cat, ok && m.callRead(x.X, d, cat, x.Block())
	case *ssa.ChangeType:
		return m.fieldOf(x.X, depth+1)
	case *ssa.Convert:
		return m.fieldOf(x.X, depth+1)
	case *ssa.MakeInterface:
		return m.fieldOf(x.X, depth+1)
	case *ssa.TypeAssert:
		return m.fieldOf(x.X, depth+1)
	case *ssa.BinOp:
		// A name assembled from streamed pieces: cur.name + delta.name.
		if x.Op == token.ADD && isString(x.Type()) {
			if d, cat, ok := m.fieldOf(x.Y, depth+1); ok {
				return d, cat, true
			}
			return m.fieldOf(x.X, depth+1)
		}
	case *ssa.Phi:
		for _, e := range x.Edges {
			if d, cat, ok := m.fieldOf(e, depth+1); ok {
				return d, cat, true
			}
		}
	case *ssa.Call:
		return m.throughCall(&x.Call, depth)
	case *ssa.Extract:
		if c, ok := x.Tuple.(*ssa.Call); ok {
			return m.throughCall(&c.Call, depth)
		}
		if ta, ok := x.Tuple.(*ssa.TypeAssert); ok && x.Index == 0 {
			return m.fieldOf(ta.X, depth+1)
		}
	case *ssa.Lookup:
		if wireMap(x, "name", "arguments") && !m.e.underPromptRequest(x.Block()) {
			return rules.Dispatch{Framework: wireFramework, ArgsField: wireMapArgs}, true, true
		}
	case *ssa.Parameter:
		i := paramIndex(x)
		for _, site := range m.e.ix.callersOf(x.Parent()) {
			if args := callArgs(site.Common()); i >= 0 && i < len(args) {
				if d, cat, ok := m.fieldOf(args[i], depth+1); ok {
					return d, cat, true
				}
			}
		}
	}
	return rules.Dispatch{}, false, false
}

// callRead reports whether a read of a tool call's name from x, in block
// b, is the name of a call to run: not one an agent's runner reports it
// ran, nor, for a call the program decodes itself, MCP's prompts/get,
// whose params are {"name", "arguments"} too.
func (m *modelNames) callRead(x ssa.Value, d rules.Dispatch, cat bool, b *ssa.BasicBlock) bool {
	if m.e.ranAlready(x) {
		return false
	}
	return !cat || d.Framework != wireFramework || !m.e.underPromptRequest(b)
}

// argsStored returns the field of the struct that fa addresses into which
// the program stores the arguments of a tool call it decodes itself (the
// struct it fills with the call's name at fa), or -1.
func (m *modelNames) argsStored(fa *ssa.FieldAddr) int {
	for _, ref := range *fa.X.Referrers() {
		o, ok := ref.(*ssa.FieldAddr)
		if !ok || o.X != fa.X || o.Field == fa.Field || o.Referrers() == nil {
			continue
		}
		for _, r := range *o.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == o && m.wireArgs(st.Val, 0) {
				return o.Field
			}
		}
	}
	return -1
}

// wireArgs reports whether v is (derived from) the arguments of a tool
// call the program decodes itself: params["arguments"] of a map read
// under "name" too, or the arguments field of a struct that holds such a
// call.
func (m *modelNames) wireArgs(v ssa.Value, depth int) bool {
	if depth > maxDispatchDepth || v == nil {
		return false
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
			return m.argsField(fa.X.Type(), fa.Field)
		}
	case *ssa.Field:
		return m.argsField(x.X.Type(), x.Field)
	case *ssa.ChangeType:
		return m.wireArgs(x.X, depth+1)
	case *ssa.MakeInterface:
		return m.wireArgs(x.X, depth+1)
	case *ssa.TypeAssert:
		return m.wireArgs(x.X, depth+1)
	case *ssa.Extract:
		if ta, ok := x.Tuple.(*ssa.TypeAssert); ok && x.Index == 0 {
			return m.wireArgs(ta.X, depth+1)
		}
	case *ssa.Lookup:
		return wireMap(x, "arguments", "name") && !m.e.underPromptRequest(x.Block())
	case *ssa.Parameter:
		i := paramIndex(x)
		for _, site := range m.e.ix.callersOf(x.Parent()) {
			if args := callArgs(site.Common()); i >= 0 && i < len(args) && m.wireArgs(args[i], depth+1) {
				return true
			}
		}
	}
	return false
}

// argsField reports whether field of structType is the arguments field of
// a tool call the program decodes itself.
func (m *modelNames) argsField(structType types.Type, field int) bool {
	st := structOf(structType)
	if st == nil || field >= st.NumFields() {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if d, cat, ok := m.of(structType, i); ok && cat && d.Framework == wireFramework && d.ArgsField == st.Field(field).Name() {
			return true
		}
	}
	return false
}

// ranAlready reports whether a tool call v is read from what an agent's
// runner reports it did (a catalogued ranby type: ADK's session.Event,
// event.Content.Parts[i].FunctionCall): the framework ran the call, and
// code comparing its name (a spinner's message, a log line) selects no
// tool.
func (e *engine) ranAlready(v ssa.Value) bool {
	if len(e.cat.RanBy) == 0 {
		return false
	}
	return e.ranFrom(v, 0)
}

// ranFrom is ranAlready, through the parameters of depth functions: a
// helper handed the event's content (show(event.Content)) by every call.
func (e *engine) ranFrom(v ssa.Value, depth int) bool {
	for i := 0; i < 16 && v != nil; i++ {
		if _, ok := e.cat.RanBy[rules.Normalize(typeSymbol(v.Type()))]; ok {
			return true
		}
		switch x := v.(type) {
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.Field:
			v = x.X
		case *ssa.UnOp:
			v = x.X
		case *ssa.IndexAddr:
			v = x.X
		case *ssa.Index:
			v = x.X
		case *ssa.Slice:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Extract:
			next, ok := x.Tuple.(*ssa.Next)
			if !ok {
				return false
			}
			r, ok := next.Iter.(*ssa.Range)
			if !ok {
				return false
			}
			v = r.X
		case *ssa.Parameter:
			callers := e.ix.callersOf(x.Parent())
			j := paramIndex(x)
			if depth >= 3 || len(callers) == 0 || j < 0 {
				return false
			}
			for _, site := range callers {
				args := callArgs(site.Common())
				if j >= len(args) || !e.ranFrom(args[j], depth+1) {
					return false
				}
			}
			return true
		default:
			return false
		}
	}
	return false
}

// throughCall follows a name through an opaque helper such as
// aws.ToString(tu.Name) or strings.ToLower(name).
func (m *modelNames) throughCall(c *ssa.CallCommon, depth int) (rules.Dispatch, bool, bool) {
	callee := c.StaticCallee()
	if callee == nil || !m.e.skip(callee) {
		return rules.Dispatch{}, false, false
	}
	for _, a := range c.Args {
		if d, cat, ok := m.fieldOf(a, depth+1); ok {
			return d, cat, true
		}
	}
	return rules.Dispatch{}, false, false
}

// of returns the dispatch whose name field is field of structType.
func (m *modelNames) of(structType types.Type, field int) (rules.Dispatch, bool, bool) {
	name := fieldName(structType, field)
	if d, ok := m.e.cat.Dispatch[rules.Normalize(typeSymbol(structType))]; ok && d.NameField == name {
		return d, true, true
	}
	k := typeSymbol(structType) + "." + name
	if d, ok := m.calls[k]; ok {
		return d, true, true
	}
	if d, ok := m.copied[k]; ok {
		return d, false, true
	}
	if d, ok := m.wire(structType, field); ok {
		return d, true, true
	}
	return rules.Dispatch{}, false, false
}

// wireFramework is the framework of the tools a program dispatches from a
// tool call it decodes itself.
const wireFramework = "custom"

// wire returns the dispatch of an application's struct that decodes a tool
// call as the protocols write it, when field is its name: {"name": ...,
// "arguments": ...} (MCP's tools/call, the OpenAI function call), {"id":
// ..., "name": ..., "input": ...} (an Anthropic tool_use block, whose id
// the result must name), or the ReAct format that an agent asks a model
// to write in its text ({"action": ..., "action_input": ...}, {"tool":
// ..., "tool_input": ...}). A server or an agent that speaks the protocol
// without an SDK (or with a copy of one in its own tree) dispatches on it
// as on an SDK's.
func (m *modelNames) wire(structType types.Type, field int) (rules.Dispatch, bool) {
	st := structOf(structType)
	if st == nil || field >= st.NumFields() || !m.e.ix.pkgs[st.Field(field).Pkg()] {
		// An SDK's own request type is the SDK's to dispatch.
		return rules.Dispatch{}, false
	}
	if !isString(st.Field(field).Type()) {
		return rules.Dispatch{}, false
	}
	key := symbol.JSONName(st.Tag(field))
	args := -1
	switch key {
	case "name":
		input, id := -1, false
		for i := 0; i < st.NumFields(); i++ {
			switch symbol.JSONName(st.Tag(i)) {
			case "arguments":
				args = i
			case "input":
				input = i
			case "id":
				id = true
			}
		}
		if args < 0 && (id || m.isAction(structType)) {
			// An Anthropic tool_use block ({"id", "name", "input"}),
			// or the action of a ReAct answer written as an object
			// ({"thought": ..., "action": {"name": ..., "input": ...}}).
			args = input
		}
	case "action", "tool":
		// The JSON a ReAct agent asks the model to write as text,
		// {"action": ..., "action_input": ...} or {"tool": ...,
		// "tool_input": ...}, decoded from its answer.
		for i := 0; i < st.NumFields(); i++ {
			if symbol.JSONName(st.Tag(i)) == key+"_input" {
				args = i
			}
		}
	}
	if args < 0 || key == "name" && symbol.JSONName(st.Tag(args)) == "arguments" && stringMap(st.Field(args).Type()) {
		// MCP's prompts/get writes {"name", "arguments"} too, but a
		// prompt's arguments are strings (map[string]string), a tool's
		// any JSON: a prompt is text for the model, not a tool.
		return rules.Dispatch{}, false
	}
	return rules.Dispatch{Framework: wireFramework, Type: typeSymbol(structType), NameField: st.Field(field).Name(), ArgsField: st.Field(args).Name()}, true
}

// wireMapArgs is the input of a tool the program dispatches from a call
// it decodes into a map: the map's "arguments".
const wireMapArgs = `["arguments"]`

// wireMap reports whether l reads key (the name, or the arguments) from a
// tool call that the program decodes into a map[string]any, as the
// protocols write it (params["name"].(string) beside
// params["arguments"]): the same map is read under other too.
func wireMap(l *ssa.Lookup, key, other string) bool {
	mt, ok := l.X.Type().Underlying().(*types.Map)
	if !ok || !isString(mt.Key()) || !types.IsInterface(mt.Elem()) {
		return false
	}
	if k, ok := constString(l.Index); !ok || k != key {
		return false
	}
	for _, ref := range *l.X.Referrers() {
		if o, ok := ref.(*ssa.Lookup); ok && o.X == l.X {
			if k, ok := constString(o.Index); ok && k == other {
				return true
			}
		}
	}
	return false
}

// underPromptRequest reports whether code runs only for MCP's prompts/get,
// whose params are {"name", "arguments"} too: a branch taken when a value
// equals "prompts/get" leads to b, in its function or, for a function run
// by one, at each call of it.
func (e *engine) underPromptRequest(b *ssa.BasicBlock) bool {
	under := func(b *ssa.BasicBlock) bool {
		found := false
		symbol.DominatingBranches(b, func(iff *ssa.If, taken bool) bool {
			if bin, ok := iff.Cond.(*ssa.BinOp); ok && (bin.Op == token.EQL) == taken && (bin.Op == token.EQL || bin.Op == token.NEQ) {
				for _, v := range []ssa.Value{bin.X, bin.Y} {
					if k, ok := constString(v); ok && k == "prompts/get" {
						found = true
					}
				}
			}
			return found
		})
		return found
	}
	if under(b) {
		return true
	}
	callers := e.ix.callersOf(b.Parent())
	for _, site := range callers {
		if !under(site.Block()) {
			return false
		}
	}
	return len(callers) > 0
}

// isAction reports whether t is the type of a field that the analysed
// code's own structs decode from a ReAct answer's "action" (or "tool")
// key: the object naming the action the model chose.
func (m *modelNames) isAction(t types.Type) bool {
	if m.actions == nil {
		m.actions = []types.Type{}
		for pkg := range m.e.ix.pkgs {
			for _, name := range pkg.Scope().Names() {
				tn, ok := pkg.Scope().Lookup(name).(*types.TypeName)
				if !ok {
					continue
				}
				st := structOf(tn.Type())
				for i := 0; st != nil && i < st.NumFields(); i++ {
					if k := symbol.JSONName(st.Tag(i)); k == "action" || k == "tool" {
						if structOf(st.Field(i).Type()) != nil {
							m.actions = append(m.actions, st.Field(i).Type())
						}
					}
				}
			}
		}
	}
	for _, a := range m.actions {
		if types.Identical(structOf(a), structOf(t)) {
			return true
		}
	}
	return false
}

// stringMap reports whether t is a map of strings to strings.
func stringMap(t types.Type) bool {
	m, ok := t.Underlying().(*types.Map)
	return ok && isString(m.Key()) && isString(m.Elem())
}

// copiedKey returns the copied field key v is read from, or "".
func (m *modelNames) copiedKey(v ssa.Value, depth int) string {
	if depth > maxDispatchDepth || v == nil {
		return ""
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok {
			if k := typeSymbol(fa.X.Type()) + "." + fieldName(fa.X.Type(), fa.Field); m.copied[k].NameField != "" {
				return k
			}
		}
		return m.copiedKey(x.X, depth+1)
	case *ssa.Field:
		if k := typeSymbol(x.X.Type()) + "." + fieldName(x.X.Type(), x.Field); m.copied[k].NameField != "" {
			return k
		}
	case *ssa.ChangeType:
		return m.copiedKey(x.X, depth+1)
	case *ssa.Convert:
		return m.copiedKey(x.X, depth+1)
	case *ssa.Parameter:
		i := paramIndex(x)
		for _, site := range m.e.ix.callersOf(x.Parent()) {
			if args := callArgs(site.Common()); i >= 0 && i < len(args) {
				if k := m.copiedKey(args[i], depth+1); k != "" {
					return k
				}
			}
		}
	}
	return ""
}

// relays returns the functions that hand tool calls on rather than run
// them: those that copy a model's tool-call name into a field of the
// application's own type that some code dispatches on, and those that call
// such a function directly. A comparison of the name in a relay (a
// streaming adapter showing progress, logging what the model asked for)
// selects no tool: the code that dispatches the copy does.
func (m *modelNames) relays(scope []*ssa.Function) map[*ssa.Function]bool {
	direct := map[*ssa.Function]bool{}
	for fn, keys := range m.copiers {
		for _, k := range keys {
			if m.used[k] {
				direct[fn] = true
			}
		}
	}
	out := map[*ssa.Function]bool{}
	for fn := range direct {
		out[fn] = true
	}
	for _, fn := range scope {
		for _, site := range symbol.CallSites(fn) {
			if callee := site.Common().StaticCallee(); callee != nil && direct[callee] {
				out[fn] = true
			}
		}
	}
	return out
}

// dispatches finds the tools of model-selected dispatch in scope.
func (e *engine) dispatches(scope []*ssa.Function, m *modelNames) []Tool {
	if len(e.cat.Dispatch) == 0 {
		return nil
	}
	type cmp struct {
		fn *ssa.Function
		op *ssa.BinOp
	}
	var cases []cmp
	var out []Tool
	for _, fn := range scope {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.BinOp:
					if in.Op != token.EQL && in.Op != token.NEQ {
						continue
					}
					if inv, field, other := nameMethodCall(in); inv != nil {
						if d, ok := m.field(other, 0); ok {
							m.markUsed(other)
							out = append(out, e.nameCompared(in, inv, field, d)...)
							continue
						}
					}
					if tools, ok := e.rowNameCompared(in, in.X, in.Y, in.Op == token.NEQ, m); ok {
						out = append(out, tools...)
						continue
					}
					cases = append(cases, cmp{fn, in})
				case *ssa.Call:
					// strings.EqualFold(t.Name, call.Name) compares as
					// == does, ignoring case.
					if callee := in.Call.StaticCallee(); callee != nil && callee.String() == "strings.EqualFold" && len(in.Call.Args) == 2 {
						if tools, ok := e.rowNameCompared(in, in.Call.Args[0], in.Call.Args[1], false, m); ok {
							out = append(out, tools...)
						}
					}
				case *ssa.Lookup:
					d, ok := m.field(in.Index, 0)
					if !ok {
						continue
					}
					m.markUsed(in.Index)
					out = append(out, e.looked(in, d)...)
				}
			}
		}
	}
	relays := m.relays(scope)
	runs := e.handsToolsOver(scope)
	for _, c := range cases {
		if relays[c.fn] || runs[c.fn] {
			continue
		}
		out = append(out, e.caseTools(c.fn, c.op, m)...)
	}
	return out
}

// handsToolsOver returns the functions that give an agent of a framework
// that runs its tools itself its list of tools (cogito.WithTools,
// fantasy.WithTools, langchaingo's agents.NewOneShotAgent): the framework
// dispatches the model's calls, so where such a function compares the name
// of a call afterwards (`if the last call was "stop", finish the job`), the
// tool has already run and the comparison selects none.
func (e *engine) handsToolsOver(scope []*ssa.Function) map[*ssa.Function]bool {
	out := map[*ssa.Function]bool{}
	if len(e.cat.Agents) == 0 {
		return out
	}
	for _, fn := range scope {
		for _, site := range symbol.CallSites(fn) {
			callee := site.Common().StaticCallee()
			if callee == nil {
				continue
			}
			if h, ok := e.cat.Agents[rules.Normalize(symbolOf(callee))]; ok && h.ToolsArg >= 0 {
				out[fn] = true
				break
			}
		}
	}
	return out
}

// markUsed records that the copied field a dispatched name is read from is
// dispatched on.
func (m *modelNames) markUsed(v ssa.Value) {
	if k := m.copiedKey(v, 0); k != "" {
		m.used[k] = true
	}
}

// caseTools turns `name == "x"` (or `name != "x"`) guarding an if into the
// tool "x", scoped to the blocks the taken branch dominates. Only a
// catalogued tool-call field counts: the application's copies of the name
// are compared for other reasons too (a label to show, a hint to log).
func (e *engine) caseTools(fn *ssa.Function, cmp *ssa.BinOp, m *modelNames) []Tool {
	name, ok := constString(cmp.Y)
	other := cmp.X
	if !ok {
		name, ok = constString(cmp.X)
		other = cmp.Y
	}
	if !ok || name == "" {
		return nil
	}
	d, cat, ok := m.fieldOf(other, 0)
	if !ok || !cat || e.relayedBefore(fn, cmp, d) {
		return nil
	}
	var out []Tool
	for _, ref := range *cmp.Referrers() {
		iff, ok := ref.(*ssa.If)
		if !ok || iff.Cond != cmp {
			continue
		}
		taken := iff.Block().Succs[0]
		if cmp.Op == token.NEQ {
			taken = iff.Block().Succs[1]
		}
		if len(taken.Preds) != 1 {
			// The comparison is one operand of a condition (`!(n ==
			// "a" || n == "b")`): its branch joins the other's at
			// once and selects no code of its own.
			continue
		}
		region := map[*ssa.BasicBlock]bool{}
		for _, b := range fn.Blocks {
			if taken.Dominates(b) {
				region[b] = true
			}
		}
		if !runsSomething(region, e.cat, argumentValues(fn, d.ArgsField, e.cat)) {
			// Bookkeeping on the name (a flag set, the call kept
			// for later, a fallback text chosen): no tool runs.
			continue
		}
		var inputs []string
		switch {
		case d.ArgsField == wireMapArgs:
			inputs = []string{wireMapArgs}
		case d.ArgsField != "":
			inputs = []string{symbol.ShortType(d.Type) + "." + d.ArgsField}
		}
		out = append(out, Tool{Name: name, NameFrom: "constant", Framework: d.Framework, Handler: fn,
			Registration: cmp.Pos(), Position: cmp.Pos(), Region: region, Inputs: inputs, holder: fn})
	}
	return out
}

// relayedBefore reports whether fn hands the tool call on, its name and its
// arguments together, to code that is not opaque, before it compares the
// name at cmp: a chat client that runs every call through its own MCP
// client (c.mcp.CallTool(ctx, tu.Name, tu.Input)) and then refreshes its
// list of tools after one of them. The comparison is bookkeeping on a call
// already made, not a choice of what runs.
func (e *engine) relayedBefore(fn *ssa.Function, cmp ssa.Instruction, d rules.Dispatch) bool {
	if d.ArgsField == "" {
		return false
	}
	for _, b := range fn.Blocks {
		if !b.Dominates(cmp.Block()) {
			continue
		}
		for _, instr := range b.Instrs {
			if instr == cmp {
				break
			}
			site, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if callee := site.Common().StaticCallee(); callee != nil && e.skip(callee) {
				continue
			}
			name, args := false, false
			for _, a := range callArgs(site.Common()) {
				name = name || isCallField(a, d, d.NameField)
				args = args || isCallField(a, d, d.ArgsField)
			}
			if name && args {
				return true
			}
		}
	}
	return false
}

// isCallField reports whether v reads field of a value of the tool call's
// type d.Type.
func isCallField(v ssa.Value, d rules.Dispatch, field string) bool {
	switch x := v.(type) {
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
			return rules.Normalize(typeSymbol(fa.X.Type())) == rules.Normalize(d.Type) && fieldName(fa.X.Type(), fa.Field) == field
		}
	case *ssa.Field:
		return rules.Normalize(typeSymbol(x.X.Type())) == rules.Normalize(d.Type) && fieldName(x.X.Type(), x.Field) == field
	case *ssa.MakeInterface:
		return isCallField(x.X, d, field)
	case *ssa.ChangeType:
		return isCallField(x.X, d, field)
	}
	return false
}

// runsSomething reports whether a case's blocks run code for the call: a
// call of a function (not append), a read of a tool call's fields, or a use
// of its arguments decoded before the switch (`out = args["a"] +
// args["b"]`).
func runsSomething(region map[*ssa.BasicBlock]bool, cat *rules.Catalog, args map[ssa.Value]bool) bool {
	for b := range region {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case ssa.CallInstruction:
				if _, builtin := in.Common().Value.(*ssa.Builtin); !builtin {
					return true
				}
			case *ssa.FieldAddr:
				if _, ok := cat.Dispatch[rules.Normalize(typeSymbol(in.X.Type()))]; ok {
					return true
				}
			case *ssa.Field:
				if _, ok := cat.Dispatch[rules.Normalize(typeSymbol(in.X.Type()))]; ok {
					return true
				}
			}
			for _, op := range instr.Operands(nil) {
				if *op != nil && args[*op] {
					return true
				}
			}
		}
	}
	return false
}

// argumentValues returns the values of fn that hold a tool call's
// arguments: the arguments field read, its conversions and what is read
// from it, and the variables a call decodes it into
// (json.Unmarshal([]byte(tc.Function.Arguments), &args)) with their loads.
func argumentValues(fn *ssa.Function, field string, cat *rules.Catalog) map[ssa.Value]bool {
	out := map[ssa.Value]bool{}
	if field == "" {
		return out
	}
	var work []ssa.Value
	add := func(v ssa.Value) {
		if v != nil && !out[v] {
			out[v] = true
			work = append(work, v)
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.FieldAddr:
				if _, ok := cat.Dispatch[rules.Normalize(typeSymbol(in.X.Type()))]; ok && fieldName(in.X.Type(), in.Field) == field {
					add(in)
				}
			case *ssa.Field:
				if _, ok := cat.Dispatch[rules.Normalize(typeSymbol(in.X.Type()))]; ok && fieldName(in.X.Type(), in.Field) == field {
					add(in)
				}
			}
		}
	}
	for len(work) > 0 && len(out) < maxOperands {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		if v.Referrers() == nil {
			continue
		}
		for _, ref := range *v.Referrers() {
			switch r := ref.(type) {
			case *ssa.Convert, *ssa.ChangeType, *ssa.MakeInterface, *ssa.Slice, *ssa.UnOp,
				*ssa.Field, *ssa.FieldAddr, *ssa.Index, *ssa.IndexAddr, *ssa.Lookup, *ssa.Extract, *ssa.TypeAssert:
				add(r.(ssa.Value))
			case ssa.CallInstruction:
				// What a call fills through a pointer is decoded from
				// the arguments; what it returns is its own.
				for _, a := range r.Common().Args {
					if mi, ok := a.(*ssa.MakeInterface); ok {
						a = mi.X
					}
					if alloc, ok := a.(*ssa.Alloc); ok {
						add(alloc)
					}
				}
			}
		}
	}
	return out
}

// nameMethodCall returns the operand of a comparison that calls a name
// method on an interface value (t.Name(): an invoke with no arguments and
// a string result; or t.Info().Name, a string field of what such a method
// returns, then field names it), and the other operand.
func nameMethodCall(b *ssa.BinOp) (c *ssa.Call, field string, other ssa.Value) {
	for _, p := range [][2]ssa.Value{{b.X, b.Y}, {b.Y, b.X}} {
		if !isString(p[0].Type()) {
			continue
		}
		v, field := p[0], ""
		switch x := v.(type) {
		case *ssa.Field:
			v, field = x.X, fieldName(x.X.Type(), x.Field)
		case *ssa.UnOp:
			if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
				v, field = fa.X, fieldName(fa.X.Type(), fa.Field)
			}
		}
		c, ok := v.(*ssa.Call)
		if ok && c.Call.IsInvoke() && len(c.Call.Args) == 0 {
			return c, field, p[1]
		}
	}
	return nil, "", nil
}

// rowNameCompared turns a loop over a table of the application's tool
// descriptors that compares each row's name field with a model's tool-call
// name (`for _, t := range tools { if t.Name == call.Function.Name {
// t.Run(ctx, call.Function.Arguments) } }`) into one tool per row: the
// function in the row's field that the taken branch calls, named by the
// row's name field. cond is the comparison (a BinOp, or a call of
// strings.EqualFold) whose true result (false, for !=) selects the row.
func (e *engine) rowNameCompared(cond ssa.Value, x, y ssa.Value, negated bool, m *modelNames) ([]Tool, bool) {
	for _, p := range [][2]ssa.Value{{x, y}, {y, x}} {
		r, ok := rowFieldOf(p[0])
		if !ok || !isString(p[0].Type()) {
			continue
		}
		d, ok := m.field(p[1], 0)
		if !ok {
			continue
		}
		m.markUsed(p[1])
		return e.rowTools(cond, negated, r, d), true
	}
	return nil, false
}

// takenBlock returns the block an if on cond goes to when the comparison
// selects (its true branch, or its false one when negated: `!=`), or nil
// when no if tests cond.
func takenBlock(cond ssa.Value, negated bool) *ssa.BasicBlock {
	var taken *ssa.BasicBlock
	for _, ref := range *cond.Referrers() {
		if iff, ok := ref.(*ssa.If); ok && iff.Cond == cond {
			taken = iff.Block().Succs[0]
			if negated {
				taken = iff.Block().Succs[1]
			}
		}
	}
	return taken
}

// rowField is a field read of a row of a table: row is the element's
// address (&tools[i]) or value (tools[i]), or the pointer a row of
// pointers holds; table is the slice or array; deref says the row is a
// pointer held in the table.
type rowField struct {
	row, table ssa.Value
	field      string
	deref      bool
}

// rowFieldOf returns the row and field that v reads: t.Name for a t ranged
// over a slice or an array of structs or of pointers to them.
func rowFieldOf(v ssa.Value) (rowField, bool) {
	var x ssa.Value
	var idx int
	switch f := v.(type) {
	case *ssa.Field:
		x, idx = f.X, f.Field
		if ld, ok := x.(*ssa.UnOp); ok && ld.Op == token.MUL {
			if ia, ok := ld.X.(*ssa.IndexAddr); ok {
				return rowField{row: ia, table: ia.X, field: fieldName(x.Type(), idx)}, true
			}
		}
		if ix, ok := x.(*ssa.Index); ok {
			return rowField{row: ix, table: ix.X, field: fieldName(x.Type(), idx)}, true
		}
		if ld, ok := x.(*ssa.UnOp); ok && ld.Op == token.MUL {
			if a, ok := ld.X.(*ssa.Alloc); ok {
				if table := rowCopied(a); table != nil {
					return rowField{row: a, table: table, field: fieldName(x.Type(), idx)}, true
				}
			}
		}
	case *ssa.UnOp:
		fa, ok := f.X.(*ssa.FieldAddr)
		if !ok || f.Op != token.MUL {
			return rowField{}, false
		}
		name := fieldName(fa.X.Type(), fa.Field)
		if ia, ok := fa.X.(*ssa.IndexAddr); ok {
			return rowField{row: ia, table: ia.X, field: name}, true
		}
		if a, ok := fa.X.(*ssa.Alloc); ok {
			// The range variable, a local copy of the row.
			if table := rowCopied(a); table != nil {
				return rowField{row: a, table: table, field: name}, true
			}
		}
		if ld, ok := fa.X.(*ssa.UnOp); ok && ld.Op == token.MUL {
			if ia, ok := ld.X.(*ssa.IndexAddr); ok {
				return rowField{row: ld, table: ia.X, field: name, deref: true}, true
			}
		}
	}
	return rowField{}, false
}

// rowCopied returns the table whose row a local variable holds, when its
// one store is a row's value (the range variable of `for _, t := range
// tools`, kept in a local when its fields are addressed); nil otherwise.
func rowCopied(a *ssa.Alloc) ssa.Value {
	var table ssa.Value
	for _, ref := range *a.Referrers() {
		st, ok := ref.(*ssa.Store)
		if !ok || st.Addr != a {
			continue
		}
		if table != nil {
			return nil
		}
		switch v := st.Val.(type) {
		case *ssa.UnOp:
			ia, ok := v.X.(*ssa.IndexAddr)
			if !ok || v.Op != token.MUL {
				return nil
			}
			table = ia.X
		case *ssa.Index:
			table = v.X
		default:
			return nil
		}
	}
	return table
}

// rowTools returns the tools of a table compared by its name field: the
// function-typed field of the same row that the taken branch calls is the
// handler.
func (e *engine) rowTools(cond ssa.Value, negated bool, r rowField, d rules.Dispatch) []Tool {
	taken := takenBlock(cond, negated)
	if taken == nil {
		return nil
	}
	fn := taken.Parent()
	handler := ""
	for _, b := range fn.Blocks {
		if !taken.Dominates(b) {
			continue
		}
		for _, instr := range b.Instrs {
			c, ok := instr.(ssa.CallInstruction)
			if !ok || c.Common().IsInvoke() {
				continue
			}
			if h, ok := rowFieldOf(c.Common().Value); ok && h.row == r.row {
				handler = h.field
				break
			}
		}
		if handler != "" {
			break
		}
	}
	if handler == "" {
		// The branch selects the row for later (`toolDef = tool; break`,
		// then `toolDef.Function(input)` after the loop): the variable
		// that takes the row from the taken branch is the row.
		for _, sel := range selectedRows(r, taken) {
			if field, _ := handlerMethod(e.calledFields(sel)); field != "" {
				handler = field
				break
			}
		}
	}
	if handler == "" {
		return nil
	}
	prefix := "[]#" + strconv.Itoa(int(e.fan(fanKey{kind: fanRows, x: r.table})))
	if r.deref {
		prefix = join(prefix, "*")
	}
	g := e.newGraph()
	h := g.root(node{v: r.table, path: join(prefix, handler)})
	t := g.root(node{v: r.table, path: join(prefix, r.field)})
	return g.assemble(Tool{Framework: d.Framework, Registration: cond.Pos(), holder: fn}, nil, h, t, -1)
}

// selectedRows returns the variables a loop's taken branch assigns the
// compared row to: a phi whose edge from the branch is the row (its value,
// or its address for `sel = &tools[i]`), or a local the branch stores it
// in.
func selectedRows(r rowField, taken *ssa.BasicBlock) []ssa.Value {
	inTaken := func(b *ssa.BasicBlock) bool { return b != nil && taken.Dominates(b) }
	rows := []ssa.Value{r.row}
	switch x := r.row.(type) {
	case *ssa.IndexAddr:
		rows = append(rows, loadsOf(x)...)
		// The branch may take the row's address anew (`sel =
		// &r.tools[i]` after comparing r.tools[i].Name).
		for _, b := range taken.Parent().Blocks {
			if !inTaken(b) {
				continue
			}
			for _, instr := range b.Instrs {
				if ia, ok := instr.(*ssa.IndexAddr); ok && ia != x && sameAccess(ia, x, 0) {
					rows = append(rows, ia)
				}
			}
		}
	case *ssa.Alloc:
		rows = loadsOf(x)
	}
	var out []ssa.Value
	for _, row := range rows {
		for _, ref := range *row.Referrers() {
			switch x := ref.(type) {
			case *ssa.Phi:
				for i, edge := range x.Edges {
					if edge == row && i < len(x.Block().Preds) && inTaken(x.Block().Preds[i]) {
						out = append(out, x)
						break
					}
				}
			case *ssa.Store:
				if a, ok := x.Addr.(*ssa.Alloc); ok && x.Val == row && inTaken(x.Block()) {
					out = append(out, a)
				}
			}
		}
	}
	return out
}

// sameAccess reports whether two values read the same place the same way:
// the same value, or the same field or element (by the same index) of
// values that do, loaded alike.
func sameAccess(a, b ssa.Value, depth int) bool {
	if a == b {
		return true
	}
	if depth > 4 {
		return false
	}
	switch x := a.(type) {
	case *ssa.IndexAddr:
		y, ok := b.(*ssa.IndexAddr)
		return ok && x.Index == y.Index && sameAccess(x.X, y.X, depth+1)
	case *ssa.FieldAddr:
		y, ok := b.(*ssa.FieldAddr)
		return ok && x.Field == y.Field && sameAccess(x.X, y.X, depth+1)
	case *ssa.UnOp:
		y, ok := b.(*ssa.UnOp)
		return ok && x.Op == token.MUL && y.Op == token.MUL && sameAccess(x.X, y.X, depth+1)
	}
	return false
}

// looked turns a lookup of a map keyed by a model's tool-call name into
// tools: the map's function values (named by their keys), or the
// implementations stored in it (a registry).
func (e *engine) looked(l *ssa.Lookup, d rules.Dispatch) []Tool {
	mt, ok := l.X.Type().Underlying().(*types.Map)
	if !ok {
		return nil
	}
	if _, ok := mt.Elem().Underlying().(*types.Signature); ok {
		g := e.newGraph()
		f := "#" + strconv.Itoa(int(e.fan(fanKey{kind: fanMap, x: l})))
		h := g.root(node{v: l.X, path: "{}" + f})
		t := g.root(node{v: l.X, path: "{k}" + f})
		return registeredAtEntry(g.assemble(Tool{Framework: d.Framework, Registration: l.Pos(), holder: l.Parent()}, nil, h, t, -1))
	}
	var val ssa.Value = l
	if l.CommaOk {
		val = extractOf(l, 0)
	}
	if val == nil {
		return nil
	}
	if structOf(mt.Elem()) != nil {
		if tools := e.descriptors(l, val, mt.Elem(), d); len(tools) > 0 {
			return tools
		}
		return e.entries(l, val, mt.Elem(), d)
	}
	if !types.IsInterface(mt.Elem()) {
		return nil
	}
	method, sites := handlerMethod(e.invokedOn(val))
	return e.registry(l, d, method, sites, "", val.Type())
}

// entries turns a lookup of a map of the application's entries that hold
// a tool value beside what the registry keeps about it
// (`map[string]*ToolEntry{Tool, Enabled, TTL}`, whose Get returns
// entry.Tool) into one tool per value stored in the entry's field whose
// method the program calls: a registry one field deep.
//
// Of the entry's interface fields whose methods are called (a hook run
// before the tool, the tool), the handler is the method that outranks
// the others as a registry's does (given the model's arguments, answering
// the call), and the tools are the values of its field.
func (e *engine) entries(l *ssa.Lookup, val ssa.Value, elem types.Type, d rules.Dispatch) []Tool {
	var best invocation
	var field ifaceRead
	for _, fr := range interfaceFieldReads(val) {
		for _, in := range e.invokedOn(fr.read) {
			if in.outranks(best) {
				best, field = in, fr
			}
		}
	}
	if best.method == "" {
		return nil
	}
	method, sites := handlerMethod(e.invokedOn(field.read))
	path := field.field
	if _, ok := elem.Underlying().(*types.Pointer); ok {
		path = "*/" + path
	}
	return e.registry(l, d, method, sites, path, field.read.Type())
}

// ifaceRead is a read of an interface-typed field of a struct value.
type ifaceRead struct {
	field string
	read  ssa.Value
}

// interfaceFieldReads follows a struct value (or a pointer to one) forward,
// through copies and locals, and returns the reads of its interface-typed
// fields.
func interfaceFieldReads(v ssa.Value) []ifaceRead {
	var out []ifaceRead
	forwardUses(v, func(x ssa.Value, ref ssa.Instruction) []ssa.Value {
		switch r := ref.(type) {
		case *ssa.Phi, *ssa.ChangeType:
			return []ssa.Value{r.(ssa.Value)}
		case *ssa.Field:
			if r.X == x && types.IsInterface(r.Type()) {
				out = append(out, ifaceRead{fieldName(x.Type(), r.Field), r})
			}
		case *ssa.FieldAddr:
			if r.X == x && r.Referrers() != nil {
				for _, ld := range *r.Referrers() {
					if u, ok := ld.(*ssa.UnOp); ok && u.Op == token.MUL && types.IsInterface(u.Type()) {
						out = append(out, ifaceRead{fieldName(x.Type(), r.Field), u})
					}
				}
			}
		case *ssa.Store:
			if a, ok := r.Addr.(*ssa.Alloc); ok && r.Val == x {
				return append(loadsOf(a), a)
			}
		}
		return nil
	})
	return out
}

// descriptors turns a lookup of a map of the application's tool
// descriptors (a struct pairing a name with a handler:
// `t := s.tools[name]; t.Resolver(ctx, args)`) into one tool per function
// stored in the descriptors' handler field, named by its key as in a map
// of function values. The handler field is the function-typed field the
// program calls on what it looked up, given the model's arguments.
func (e *engine) descriptors(l *ssa.Lookup, val ssa.Value, elem types.Type, d rules.Dispatch) []Tool {
	field, _ := handlerMethod(e.calledFields(val))
	if field == "" {
		return nil
	}
	path := field
	if _, ok := elem.Underlying().(*types.Pointer); ok {
		path = "*/" + field
	}
	g := e.newGraph()
	f := "#" + strconv.Itoa(int(e.fan(fanKey{kind: fanMap, x: l})))
	h := g.root(node{v: l.X, path: "{}" + f + "/" + path})
	t := g.root(node{v: l.X, path: "{k}" + f})
	return registeredAtEntry(g.assemble(Tool{Framework: d.Framework, Registration: l.Pos(), holder: l.Parent()}, nil, h, t, -1))
}

// calledFields follows a struct value (or a pointer to one) forward, through
// copies, locals and the returns of its function, and returns the calls of
// its function-typed fields, each as an invocation named by the field.
func (e *engine) calledFields(v ssa.Value) []invocation {
	var out []invocation
	called := func(x ssa.Value, field string) {
		for _, ref := range *x.Referrers() {
			if c, ok := ref.(ssa.CallInstruction); ok && c.Common().Value == x && !c.Common().IsInvoke() {
				n, ctx := modelArgs(c.Common())
				out = append(out, invocation{method: field, site: c, params: n, ctx: ctx, answers: answers(c)})
			}
		}
	}
	forwardUses(v, func(x ssa.Value, ref ssa.Instruction) []ssa.Value {
		switch r := ref.(type) {
		case *ssa.Phi, *ssa.ChangeType:
			return []ssa.Value{r.(ssa.Value)}
		case *ssa.Field:
			if r.X == x && r.Referrers() != nil {
				called(r, fieldName(x.Type(), r.Field))
			}
		case *ssa.FieldAddr:
			if r.X == x && r.Referrers() != nil {
				for _, ld := range *r.Referrers() {
					if u, ok := ld.(*ssa.UnOp); ok && u.Op == token.MUL && u.Referrers() != nil {
						called(u, fieldName(x.Type(), r.Field))
					}
				}
			}
		case *ssa.Store:
			// Kept in a local (`tool, ok := s.tools[name]` whose
			// address is taken): its loads and its fields' reads.
			if a, ok := r.Addr.(*ssa.Alloc); ok && r.Val == x {
				return append(loadsOf(a), a)
			}
		case *ssa.Return:
			return e.returnedTo(r, x)
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].site.Pos() < out[j].site.Pos() })
	return out
}

// forwardUses walks the uses of v forward: visit is given each value
// reached and each instruction that refers to it, and returns the values to
// follow from there. Each value is visited once, at most maxOperands.
func forwardUses(v ssa.Value, visit func(x ssa.Value, ref ssa.Instruction) []ssa.Value) {
	seen := map[ssa.Value]bool{}
	stack := []ssa.Value{v}
	for len(stack) > 0 && len(seen) < maxOperands {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[x] || x.Referrers() == nil {
			continue
		}
		seen[x] = true
		for _, ref := range *x.Referrers() {
			stack = append(stack, visit(x, ref)...)
		}
	}
}

// loadsOf lists the loads of an address (a local variable, an element).
func loadsOf(a ssa.Value) []ssa.Value {
	var out []ssa.Value
	for _, ld := range *a.Referrers() {
		switch u := ld.(type) {
		case *ssa.UnOp:
			if u.Op == token.MUL {
				out = append(out, u)
			}
		case *ssa.MakeClosure:
			// Read in a closure that captures the variable (a recover
			// wrapper: func() { defer ...; result = tool.Execute(ctx,
			// args) }()), where it is a free variable.
			for _, fv := range capturedAs(u, a) {
				if fv.Referrers() != nil {
					out = append(out, loadsOf(fv)...)
				}
			}
		}
	}
	return out
}

// extractOf returns the extract of result i of a tuple-valued instruction.
func extractOf(v ssa.Value, i int) ssa.Value {
	for _, ref := range *v.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == i {
			return ex
		}
	}
	return nil
}

// invocation is an interface method call made on a looked-up tool value.
type invocation struct {
	method  string
	site    ssa.CallInstruction
	params  int  // parameters beyond context-like ones
	ctx     bool // given a context: it runs something
	answers bool // a result of it other than an error is used
}

// invokedOn follows a value forward (through copies, phis, locals and the
// returns of its function into their callers) and returns the interface
// method calls made on it.
func (e *engine) invokedOn(v ssa.Value) []invocation {
	return e.invokedOnWhere(v, nil)
}

// invokedOnWhere is invokedOn where only the uses of v itself that admit
// accepts are followed (nil accepts all).
func (e *engine) invokedOnWhere(v ssa.Value, admit func(ssa.Instruction) bool) []invocation {
	var out []invocation
	forwardUses(v, func(x ssa.Value, ref ssa.Instruction) []ssa.Value {
		if x == v && admit != nil && !admit(ref) {
			return nil
		}
		switch r := ref.(type) {
		case *ssa.ChangeInterface, *ssa.ChangeType, *ssa.Phi:
			return []ssa.Value{r.(ssa.Value)}
		case *ssa.Store:
			var next []ssa.Value
			if a, ok := r.Addr.(*ssa.Alloc); ok && r.Val == x && a.Referrers() != nil {
				next = loadsOf(a)
			}
			if fa, ok := r.Addr.(*ssa.FieldAddr); ok && r.Val == x {
				// Kept in a field (ParseToolInvocation returning
				// &ToolCall{tool: tool}, whose InvokeTool calls
				// t.tool.Run): followed into every read of that
				// field of that type.
				k := fieldKey(fa.X.Type(), fieldName(fa.X.Type(), fa.Field))
				next = append(next, e.ix.fieldLoads[k]...)
			}
			return next
		case *ssa.Return:
			return e.returnedTo(r, x)
		case ssa.CallInstruction:
			c := r.Common()
			if c.IsInvoke() && c.Value == x {
				n, ctx := modelArgs(c)
				out = append(out, invocation{method: c.Method.Name(), site: r, params: n, ctx: ctx, answers: answers(r)})
			}
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].site.Pos() < out[j].site.Pos() })
	return out
}

// capturedAs returns the free variables of a closure that x is bound to.
func capturedAs(mc *ssa.MakeClosure, x ssa.Value) []ssa.Value {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return nil
	}
	var out []ssa.Value
	for i, b := range mc.Bindings {
		if b == x && i < len(fn.FreeVars) {
			out = append(out, fn.FreeVars[i])
		}
	}
	return out
}

// returnedTo lists the values that take x, returned by r, in the callers
// of r's function: each call, or its extract for a function returning
// several results.
func (e *engine) returnedTo(r *ssa.Return, x ssa.Value) []ssa.Value {
	var out []ssa.Value
	for i, res := range r.Results {
		if res != x {
			continue
		}
		// Through an interface the function's type implements too (a
		// registry kept in a field of its interface type:
		// d.registry.Get(name)).
		for _, site := range e.ix.callersOf(r.Parent()) {
			cv, ok := site.(*ssa.Call)
			if !ok {
				continue
			}
			if len(r.Results) == 1 {
				out = append(out, cv)
			} else if ex := extractOf(cv, i); ex != nil {
				out = append(out, ex)
			}
		}
	}
	return out
}

// modelArgs counts a call's arguments beyond context-like ones (where the
// model's arguments go), and says whether it is given a context.
func modelArgs(c *ssa.CallCommon) (n int, ctx bool) {
	for _, a := range c.Args {
		if symbol.IsContextLike(a.Type()) {
			ctx = true
		} else {
			n++
		}
	}
	return n, ctx
}

// answers reports whether a result of the call other than an error is
// used: what the method gives back goes somewhere (`out, err := t.Run(...)`
// whose out becomes the tool's result), not only whether it failed.
func answers(site ssa.CallInstruction) bool {
	c, ok := site.(*ssa.Call)
	if !ok {
		return false
	}
	res := c.Call.Signature().Results()
	for i := 0; i < res.Len(); i++ {
		if types.Identical(res.At(i).Type(), errorType) {
			continue
		}
		v := ssa.Value(c)
		if res.Len() > 1 {
			v = extractOf(c, i)
		}
		if v != nil && v.Referrers() != nil && len(*v.Referrers()) > 0 {
			return true
		}
	}
	return false
}

// outranks reports whether in runs the tool rather than best: it is given
// more of the model's arguments; or as many (Run(ctx, args) and
// IsInteractive(args)) and a context where best is not; or, alike so far,
// its answer is used where best's is not (Run(ctx, block) whose result
// becomes the tool result, not Replay(ctx, block) re-running a past call
// for its error alone); then the first by name.
func (in invocation) outranks(best invocation) bool {
	switch {
	case in.params != best.params:
		return in.params > best.params
	case in.params == 0:
		return false
	case in.ctx != best.ctx:
		return in.ctx
	case in.answers != best.answers:
		return in.answers
	}
	return in.method < best.method
}

// handlerMethod picks, among the methods called on a tool value, the one
// that runs the tool: the one passed the most non-context arguments (the
// model's arguments), not a Name() or a Schema().
func handlerMethod(invs []invocation) (string, []ssa.CallInstruction) {
	var best invocation
	for _, in := range invs {
		if in.outranks(best) {
			best = in
		}
	}
	if best.method == "" {
		return "", nil
	}
	var sites []ssa.CallInstruction
	for _, in := range invs {
		if in.method == best.method {
			sites = append(sites, in.site)
		}
	}
	return best.method, sites
}

// serverArgs lists the arguments (by index in the method's signature) that
// every one of the interface calls that run a tool gives a value of the
// server's own (see serverValue).
func serverArgs(sites []ssa.CallInstruction) map[int]bool {
	if len(sites) == 0 {
		return nil
	}
	var out map[int]bool
	for i := range sites[0].Common().Args {
		all := true
		for _, s := range sites {
			c := s.Common()
			if !c.IsInvoke() || i >= len(c.Args) || !serverValue(c.Args[i], 0) {
				all = false
				break
			}
		}
		if all {
			if out == nil {
				out = map[int]bool{}
			}
			out[i] = true
		}
	}
	return out
}

// serverValue reports whether v is the server's own, whatever the model
// asked: a constant, a function, a package variable, or what a function
// returns that is given nothing else (registry.GetLogger()). A value read
// from anywhere else (a parameter, a channel, a field) may carry the tool
// call.
func serverValue(v ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	switch x := v.(type) {
	case *ssa.Const, *ssa.Function, *ssa.Global:
		return true
	case *ssa.UnOp:
		_, global := x.X.(*ssa.Global)
		return x.Op == token.MUL && global
	case *ssa.MakeInterface:
		return serverValue(x.X, depth+1)
	case *ssa.ChangeType:
		return serverValue(x.X, depth+1)
	case *ssa.Convert:
		return serverValue(x.X, depth+1)
	case *ssa.Extract:
		return serverValue(x.Tuple, depth+1)
	case *ssa.Call:
		if x.Call.IsInvoke() || x.Call.StaticCallee() == nil {
			return false
		}
		for _, a := range x.Call.Args {
			if !serverValue(a, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// registry turns a lookup of tool values by the model's name into one tool
// per value stored in the map: its handler is the method the program calls
// on the value it looked up, its name what the value's name method returns
// (or the map key, when constant).
//
// The values may sit one field deep in what the map holds (path, the
// field's projection: an entry's "*/Tool"); toolType is the type of the
// tool values, whose name method names them.
func (e *engine) registry(l *ssa.Lookup, d rules.Dispatch, method string, sites []ssa.CallInstruction, path string, toolType types.Type) []Tool {
	if method == "" {
		return nil
	}
	g := e.newGraph()
	var out []Tool
	for _, ml := range g.leaves(g.root(node{v: l.X})) {
		mm, ok := g.nodes[ml].v.(*ssa.MakeMap)
		if !ok || g.nodes[ml].path != "" {
			continue
		}
		for _, u := range e.mapUpdates(mm) {
			c := g.nodes[ml].c
			if u.Parent() != mm.Parent() {
				c = nil
			}
			keyName, keyOK := "", false
			if _, ok := constString(u.Key); ok {
				keyName, keyOK = g.onlyName(g.root(node{v: u.Key, c: c}), 0)
			}
			name := keyMethod(u.Key)
			if name.method == "" && !keyOK {
				name.method = nameMethodOf(toolType)
			}
			root := g.root(node{v: u.Value, c: c, path: path})
			out = append(out, g.instances(root, method, name, keyName, keyOK, d, u, sites)...)
		}
	}
	// A registry copied into another (a clone per session: for name,
	// tool := range r.tools { c.tools[name] = tool }) holds the same
	// values again: the same handler under the same name is one tool,
	// where it is first stored.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Registration < out[j].Registration })
	seen := map[string]bool{}
	kept := out[:0]
	for _, t := range out {
		k := t.Handler.String() + "|" + t.Name
		if seen[k] {
			continue
		}
		seen[k] = true
		kept = append(kept, t)
	}
	out = kept
	// The function that looks them up runs them all: they are one
	// dispatcher's tools.
	for i := range out {
		out[i].holder = l.Parent()
	}
	return out
}

// keyMethod is how a registry's key names the value stored under it: a
// method of the value (r.tools[t.Name()] = t), or a string field of what
// one returns (r.tools[t.Definition().Name] = t).
func keyMethod(key ssa.Value) nameOf {
	field := ""
	if f, ok := key.(*ssa.Field); ok && isString(f.Type()) {
		field = fieldName(f.X.Type(), f.Field)
		key = f.X
	}
	// The same read from a local the result was kept in (spec :=
	// t.Spec(); r.tools[spec.Name] = t): a load of a field of an
	// allocation that the result alone is stored into.
	if ld, ok := key.(*ssa.UnOp); ok && ld.Op == token.MUL && isString(ld.Type()) {
		if fa, ok := ld.X.(*ssa.FieldAddr); ok {
			if a, ok := fa.X.(*ssa.Alloc); ok {
				if vs := storedInto(a); len(vs) == 1 && types.Identical(vs[0].Type(), a.Type().(*types.Pointer).Elem()) {
					field = fieldName(a.Type(), fa.Field)
					key = vs[0]
				}
			}
		}
	}
	if kc, ok := key.(*ssa.Call); ok && kc.Call.IsInvoke() && len(kc.Call.Args) == 0 {
		return nameOf{method: kc.Call.Method.Name(), field: field}
	}
	return nameOf{}
}

// nameMethodOf is the method of a tool interface that says a tool's name:
// Name() string. A registry whose key is computed (`name := t.Name(); if
// mcp { name = unique(t) }; r.tools[name] = t`) names each value by it.
func nameMethodOf(t types.Type) string {
	it, ok := t.Underlying().(*types.Interface)
	if !ok {
		return ""
	}
	for i := 0; i < it.NumMethods(); i++ {
		m := it.Method(i)
		sig := m.Type().(*types.Signature)
		if m.Name() == "Name" && sig.Params().Len() == 0 && sig.Results().Len() == 1 && isString(sig.Results().At(0).Type()) {
			return m.Name()
		}
	}
	return ""
}

// nameOf is how a tool value says its name: what its method returns, or
// a string field of what it returns (t.Info().Name).
type nameOf struct{ method, field string }

// instances makes one tool per concrete value flowing into root.
func (g *graph) instances(root int32, method string, name nameOf, keyName string, keyOK bool, d rules.Dispatch, at ssa.Instruction, sites []ssa.CallInstruction) []Tool {
	var out []Tool
	var leaves []int32
	for _, x := range g.leaves(root) {
		if t := projType(g.nodes[x]); t != nil && !types.IsInterface(t) && methodFunc(g.e.prog, t, method) != nil {
			leaves = append(leaves, x)
		}
	}
	places := g.meetings(leaves, []int32{root})
	for i, x := range leaves {
		t := projType(g.nodes[x])
		fn := unwrapWrapper(methodFunc(g.e.prog, t, method))
		tl := Tool{Framework: d.Framework, Handler: fn, Registration: at.Pos(), holder: at.Parent()}
		switch {
		case keyOK:
			tl.Name, tl.NameFrom = keyName, "constant"
		case name.method != "":
			if s, ok := g.methodName(x, name.method, name.field); ok {
				tl.Name, tl.NameFrom = s, "constant"
			}
		}
		if tl.Name == "" {
			tl.Name, tl.NameFrom = handlerName(fn), "handler"
		}
		tl.Hints, tl.HintsAt = g.methodHints(t, &g.nodes[x])
		tl.Gates = g.gates([]ssa.Instruction{at}, places[i])
		tl.ServerArgs = serverArgs(sites)
		if len(sites) > 0 {
			next := map[ssa.CallInstruction][]*ssa.Function{}
			for _, s := range sites {
				next[s] = []*ssa.Function{fn}
			}
			tl.Layers = []Layer{{Fn: sites[0].Parent(), Shared: true, Next: next}}
			for _, s := range sites[1:] {
				if s.Parent() != sites[0].Parent() {
					tl.Layers = append(tl.Layers, Layer{Fn: s.Parent(), Shared: true,
						Next: map[ssa.CallInstruction][]*ssa.Function{s: {fn}}})
				}
			}
		}
		out = append(out, tl)
	}
	return out
}

// nameCompared turns `t.Name() == call.Name` over interface values t into
// one tool per value that reaches t: its handler is the method the taken
// branch calls on t.
func (e *engine) nameCompared(cmp *ssa.BinOp, inv *ssa.Call, field string, d rules.Dispatch) []Tool {
	x := inv.Call.Value
	taken := takenBlock(cmp, cmp.Op == token.NEQ)
	if taken == nil {
		return nil
	}
	// The taken branch either runs the value it compared, or selects it
	// for later: it assigns it to a variable that is run after the
	// loop (a phi whose edge from the branch is the value, a store), or
	// a lookup helper returns it to callers that run it.
	inTaken := func(b *ssa.BasicBlock) bool { return b != nil && b.Parent() == cmp.Parent() && taken.Dominates(b) }
	invs := e.invokedOnWhere(x, func(ref ssa.Instruction) bool {
		if phi, ok := ref.(*ssa.Phi); ok {
			for i, edge := range phi.Edges {
				if edge == x && i < len(phi.Block().Preds) && inTaken(phi.Block().Preds[i]) {
					return true
				}
			}
			return false
		}
		return inTaken(ref.Block())
	})
	method, sites := handlerMethod(invs)
	if method == "" {
		return nil
	}
	g := e.newGraph()
	root := g.root(node{v: x})
	out := g.instances(root, method, nameOf{inv.Call.Method.Name(), field}, "", false, d, cmp, sites)
	// The function that runs the selected value dispatches these tools
	// (a lookup helper that returns the match is not the agent).
	for i := range out {
		out[i].holder = sites[0].Parent()
	}
	return out
}
