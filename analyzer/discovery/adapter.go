package discovery

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/rules"
)

// This file finds the tools behind an adapter: a type of the application
// that implements a framework's tool interface by running a value of the
// application's own tool interface that it holds in a field (LocalAGI's
// cogitoWrapper around its Action: Execute calls c.action.Run, Tool()
// names the tool by c.action.Definition()). One adapter type serves every
// action, so the tools are the values stored into that field where the
// program converts the adapter, each with its own handler and name,
// as for a registry of the application's tool values.

// fieldCall is an interface method call, in a method, on a value the
// receiver holds in one of its fields.
type fieldCall struct {
	field string
	site  ssa.CallInstruction
	// params counts the arguments beyond context-like ones.
	params int
}

// fieldCalls returns the interface method calls that fn makes on values
// held in fields of its receiver.
func fieldCalls(fn *ssa.Function) []fieldCall {
	if fn == nil || fn.Signature.Recv() == nil || len(fn.Params) == 0 {
		return nil
	}
	recv := fn.Params[0]
	var out []fieldCall
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			c, ok := instr.(ssa.CallInstruction)
			if !ok || !c.Common().IsInvoke() {
				continue
			}
			field := heldField(c.Common().Value, recv)
			if field == "" {
				continue
			}
			n, _ := modelArgs(c.Common())
			out = append(out, fieldCall{field: field, site: c, params: n})
		}
	}
	return out
}

// heldField names the field of recv that v is read from: c.action through
// a pointer receiver or a value one; "" when v is something else.
func heldField(v ssa.Value, recv *ssa.Parameter) string {
	switch x := v.(type) {
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL && fa.X == recv {
			return fieldName(fa.X.Type(), fa.Field)
		}
	case *ssa.Field:
		if x.X == recv {
			return fieldName(x.X.Type(), x.Field)
		}
	}
	return ""
}

// adapted returns the tools that an adapter value mi converts, or false
// when t is no adapter. t is one when its handler runs a method of a value
// it holds in a field whose type is an interface of the analysed code
// (not the framework's tool interface: a wrapper around the framework's
// own tools is no tool, see delegates), and its name method asks the same
// value (a wrapper around a client calls the client, but names the tool
// itself).
func (g *graph) adapted(mi *ssa.MakeInterface, t types.Type, ifc ifaceSpec, handler *ssa.Function, owned map[*types.Package]bool) ([]Tool, bool) {
	if ifc.spec.NameMethod == "" {
		return nil, false
	}
	nameFn := methodFunc(g.e.prog, t, ifc.spec.NameMethod)
	if nameFn == nil {
		return nil, false
	}
	nameFn = unwrapWrapper(nameFn)
	// The run: the held call given the most of the model's arguments.
	calls := fieldCalls(handler)
	var run fieldCall
	for _, h := range calls {
		if h.params > run.params || (h.params == run.params && run.site != nil && h.site.Pos() < run.site.Pos()) {
			run = h
		}
	}
	if run.site == nil || run.params == 0 {
		return nil, false
	}
	held := run.site.Common().Value.Type()
	named := namedOf(held)
	if named == nil || named.Obj().Pkg() == nil || !owned[named.Obj().Pkg()] || types.Implements(held, ifc.typ) {
		return nil, false
	}
	var name *types.Func
	for _, h := range fieldCalls(nameFn) {
		if h.field == run.field && len(h.site.Common().Args) == 0 {
			name = h.site.Common().Method
			break
		}
	}
	if name == nil {
		return nil, false
	}
	var sites []ssa.CallInstruction
	for _, h := range calls {
		if h.field == run.field && h.site.Common().Method.Name() == run.site.Common().Method.Name() {
			sites = append(sites, h.site)
		}
	}
	root := g.root(node{v: mi.X, path: fieldPath(mi.X.Type(), run.field)})
	tools := g.instances(root, run.site.Common().Method.Name(), nameOf{name.Name(), nameField(name)},
		"", false, rules.Dispatch{Framework: ifc.spec.Framework}, mi, sites)
	for i := range tools {
		// Handed to the framework like any interface tool: the agent
		// that holds them is where the framework is given them.
		tools[i].holder = nil
		tools[i].adapter = mi
		tools[i].Registration = handedOver(mi)
	}
	return tools, true
}

// nameField is the field of what a name method returns that holds the
// name: none when it returns a string, else its string field Name
// (Definition() returning {Name: "run_command", Description: ...}).
func nameField(m *types.Func) string {
	res := m.Type().(*types.Signature).Results()
	if res.Len() != 1 {
		return ""
	}
	t := res.At(0).Type()
	if isString(t) {
		return ""
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if st, ok := t.Underlying().(*types.Struct); ok {
		for i := 0; i < st.NumFields(); i++ {
			if f := st.Field(i); f.Name() == "Name" && isString(f.Type()) {
				return "Name"
			}
		}
	}
	return ""
}

// fieldPath is the flow path of a field, or a dotted path of fields, of a
// value of type t: "Name" of a *T is "*/Name", "Function.Name" of an
// openai.Tool is "Function/*/Name".
func fieldPath(t types.Type, field string) string {
	path := ""
	for _, f := range strings.Split(field, ".") {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			path = join(path, "*")
			t = p.Elem()
		}
		path = join(path, f)
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i).Name() == f {
				t = st.Field(i).Type()
				break
			}
		}
	}
	return path
}
