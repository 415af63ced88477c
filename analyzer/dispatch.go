package analyzer

import (
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

// maxDispatchDepth bounds how far a compared value is traced back to a
// tool call's name field (through copies, aws.ToString-style calls and the
// parameters of a dispatch helper).
const maxDispatchDepth = 6

// dispatchEntries finds manual dispatch, the shape of the SDKs that return
// tool calls to the application (openai-go, go-openai, anthropic, genai,
// ollama, Bedrock...):
//   - a switch or if-chain comparing the call's name field with constants:
//     each case is a tool whose body is the blocks its branch dominates;
//   - a lookup of a map of handlers keyed by the name field: each constant
//     key of the map is a tool whose handler is the map's value.
func (r *resolver) dispatchEntries(scope []*ssa.Function) []entry {
	if len(r.cat.Dispatch) == 0 {
		return nil
	}
	var out []entry
	for _, fn := range scope {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.BinOp:
					out = append(out, r.caseEntries(fn, in)...)
				case *ssa.Lookup:
					d, ok := r.dispatchField(in.Index, 0)
					if !ok {
						continue
					}
					for _, me := range r.mapEntries(in.X, nil) {
						for _, h := range me.handlers {
							out = append(out, entry{name: me.key, nameFrom: "constant", framework: d.Framework,
								handler: h.fn, registration: me.at.Pos(), wrappers: h.wrappers})
						}
					}
				}
			}
		}
	}
	return out
}

// caseEntries turns `name == "x"` (or `name != "x"`) guarding an if into
// the tool "x", scoped to the blocks the taken branch dominates.
func (r *resolver) caseEntries(fn *ssa.Function, cmp *ssa.BinOp) []entry {
	if cmp.Op != token.EQL && cmp.Op != token.NEQ {
		return nil
	}
	name, ok := constString(cmp.Y)
	other := cmp.X
	if !ok {
		name, ok = constString(cmp.X)
		other = cmp.Y
	}
	if !ok || name == "" {
		return nil
	}
	d, ok := r.dispatchField(other, 0)
	if !ok {
		return nil
	}
	var out []entry
	for _, ref := range *cmp.Referrers() {
		iff, ok := ref.(*ssa.If)
		if !ok || iff.Cond != cmp {
			continue
		}
		taken := iff.Block().Succs[0]
		if cmp.Op == token.NEQ {
			taken = iff.Block().Succs[1]
		}
		region := map[*ssa.BasicBlock]bool{}
		for _, b := range fn.Blocks {
			if taken.Dominates(b) {
				region[b] = true
			}
		}
		var inputs []string
		if d.ArgsField != "" {
			inputs = []string{shortType(d.Type) + "." + d.ArgsField}
		}
		out = append(out, entry{name: name, nameFrom: "constant", framework: d.Framework, handler: fn,
			registration: cmp.Pos(), position: cmp.Pos(), region: region, inputs: inputs})
	}
	return out
}

// dispatchField reports whether v is (derived from) the name field of a
// catalogued tool-call struct.
func (r *resolver) dispatchField(v ssa.Value, depth int) (rules.Dispatch, bool) {
	if depth > maxDispatchDepth || v == nil {
		return rules.Dispatch{}, false
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok {
			if d, ok := r.dispatchOf(fa.X.Type(), fa.Field); ok {
				return d, true
			}
		}
		return r.dispatchField(x.X, depth+1)
	case *ssa.FieldAddr:
		return r.dispatchOf(x.X.Type(), x.Field)
	case *ssa.Field:
		return r.dispatchOf(x.X.Type(), x.Field)
	case *ssa.ChangeType:
		return r.dispatchField(x.X, depth+1)
	case *ssa.Convert:
		return r.dispatchField(x.X, depth+1)
	case *ssa.MakeInterface:
		return r.dispatchField(x.X, depth+1)
	case *ssa.TypeAssert:
		return r.dispatchField(x.X, depth+1)
	case *ssa.Phi:
		for _, e := range x.Edges {
			if d, ok := r.dispatchField(e, depth+1); ok {
				return d, true
			}
		}
	case *ssa.Call:
		return r.dispatchThroughCall(&x.Call, depth)
	case *ssa.Extract:
		if c, ok := x.Tuple.(*ssa.Call); ok {
			return r.dispatchThroughCall(&c.Call, depth)
		}
	case *ssa.Parameter:
		idx := paramIndex(x)
		for _, site := range r.callSites[x.Parent()] {
			args := callArgs(site.Common())
			if idx >= 0 && idx < len(args) {
				if d, ok := r.dispatchField(args[idx], depth+1); ok {
					return d, true
				}
			}
		}
	}
	return rules.Dispatch{}, false
}

// dispatchThroughCall follows a name through an opaque helper such as
// aws.ToString(tu.Name) or strings.ToLower(name).
func (r *resolver) dispatchThroughCall(c *ssa.CallCommon, depth int) (rules.Dispatch, bool) {
	callee := c.StaticCallee()
	if callee == nil || !isOpaque(r.cat, callee) {
		return rules.Dispatch{}, false
	}
	for _, a := range c.Args {
		if d, ok := r.dispatchField(a, depth+1); ok {
			return d, true
		}
	}
	return rules.Dispatch{}, false
}

func (r *resolver) dispatchOf(structType types.Type, field int) (rules.Dispatch, bool) {
	d, ok := r.cat.Dispatch[rules.Normalize(typeSymbol(structType))]
	if !ok || fieldName(structType, field) != d.NameField {
		return rules.Dispatch{}, false
	}
	return d, true
}

// declaration is a tool declared to the model by name.
type declaration struct {
	name, framework string
	pos             token.Pos
}

// declarations finds the tools declared to the model: constant names stored
// in a catalogued declaration struct (openai.FunctionDefinitionParam{Name:
// "x"}, genai.FunctionDeclaration{Name: "x"}, ...).
func (r *resolver) declarations(scope []*ssa.Function) []declaration {
	if len(r.cat.Declares) == 0 {
		return nil
	}
	var out []declaration
	eachFieldStore(scope, func(st *ssa.Store, fa *ssa.FieldAddr) {
		d, ok := r.cat.Declares[rules.Normalize(typeSymbol(fa.X.Type()))]
		if !ok || fieldName(fa.X.Type(), fa.Field) != d.NameField {
			return
		}
		if name, ok := r.toolName(st.Val, nil); ok {
			out = append(out, declaration{name, d.Framework, st.Pos()})
		}
	})
	return out
}

// mismatches compares, per framework, the declared tool names with the
// dispatched ones. A framework is only compared when the module both
// declares and dispatches its tools.
func mismatches(decls []declaration, entries []entry, dispatchFrameworks map[string]bool, pos positioner) []report.Mismatch {
	declared := map[string]map[string]bool{}
	for _, d := range decls {
		if declared[d.framework] == nil {
			declared[d.framework] = map[string]bool{}
		}
		declared[d.framework][d.name] = true
	}
	dispatched := map[string]map[string]bool{}
	for _, e := range entries {
		if !dispatchFrameworks[e.framework] || e.nameFrom != "constant" {
			continue
		}
		if dispatched[e.framework] == nil {
			dispatched[e.framework] = map[string]bool{}
		}
		dispatched[e.framework][e.name] = true
	}
	var out []report.Mismatch
	for _, d := range decls {
		if dispatched[d.framework] != nil && !dispatched[d.framework][d.name] {
			out = append(out, report.Mismatch{Name: d.name, Framework: d.framework,
				Kind: "declared-not-dispatched", Position: pos.of(d.pos)})
		}
	}
	for _, e := range entries {
		if !dispatchFrameworks[e.framework] || e.nameFrom != "constant" {
			continue
		}
		if declared[e.framework] != nil && !declared[e.framework][e.name] {
			p := e.position
			if !p.IsValid() {
				p = e.registration
			}
			out = append(out, report.Mismatch{Name: e.name, Framework: e.framework,
				Kind: "dispatched-not-declared", Position: pos.of(p)})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Framework != b.Framework {
			return a.Framework < b.Framework
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Kind < b.Kind
	})
	return dedupMismatches(out)
}

func dedupMismatches(ms []report.Mismatch) []report.Mismatch {
	var out []report.Mismatch
	for i, m := range ms {
		if i > 0 && ms[i-1] == m {
			continue
		}
		out = append(out, m)
	}
	return out
}

// shortType is the last element of a "pkgpath.Name" type symbol.
func shortType(sym string) string {
	for i := len(sym) - 1; i >= 0; i-- {
		if sym[i] == '/' {
			return sym[i+1:]
		}
	}
	return sym
}
