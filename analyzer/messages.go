package analyzer

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/rules"
)

// Messages built as struct literals: go-openai's
// ChatCompletionMessage{Role: "tool", Content: out}, ollama's api.Message,
// Bedrock's ToolResultContentBlockMemberText{Value: out}. The catalog names
// the field that reaches the model (toolresultfield, promptfield); a
// condition or a role comes from a constant stored into another field of
// the same value.

// messageStore is a store into a catalogued message field.
type messageStore struct {
	store *ssa.Store
	// role is a prompt's role: system, user or any.
	role string
}

// toolResultStores lists fn's stores into tool-result fields whose
// condition holds.
func toolResultStores(cat *rules.Catalog, fn *ssa.Function) []*ssa.Store {
	var out []*ssa.Store
	eachFieldStore([]*ssa.Function{fn}, func(st *ssa.Store, fa *ssa.FieldAddr) {
		if wireToolResult(fa) {
			out = append(out, st)
			return
		}
		for _, mf := range cat.ToolResultFields[rules.Normalize(typeSymbol(fa.X.Type()))] {
			if mf.Field != fieldName(fa.X.Type(), fa.Field) {
				continue
			}
			if mf.WhenField != "" {
				if v, ok := siblingConst(fa, mf.WhenField); !ok || v != mf.WhenValue {
					continue
				}
			}
			out = append(out, st)
		}
	})
	return out
}

// wireToolResult reports whether fa is the content of a tool result that
// the program writes as the protocols do, without an SDK: a struct of its
// own with JSON fields "content" and "tool_call_id" (the OpenAI chat
// format's tool message) or "tool_use_id" (an Anthropic tool_result
// block). Those ids name the call the content answers.
func wireToolResult(fa *ssa.FieldAddr) bool {
	st, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	s, ok := st.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= s.NumFields() || symbol.JSONName(s.Tag(fa.Field)) != "content" {
		return false
	}
	for i := 0; i < s.NumFields(); i++ {
		switch symbol.JSONName(s.Tag(i)) {
		case "tool_call_id", "tool_use_id":
			return true
		}
	}
	return false
}

// promptStores lists the stores into prompt fields in the functions, with
// their roles. A message whose role field says "tool" is a tool result,
// not a prompt.
func promptStores(cat *rules.Catalog, scope []*ssa.Function) []messageStore {
	if len(cat.PromptFields) == 0 {
		return nil
	}
	var out []messageStore
	eachFieldStore(scope, func(st *ssa.Store, fa *ssa.FieldAddr) {
		for _, mf := range cat.PromptFields[rules.Normalize(typeSymbol(fa.X.Type()))] {
			if mf.Field != fieldName(fa.X.Type(), fa.Field) {
				continue
			}
			role := mf.Role
			if mf.RoleField != "" {
				switch v, _ := siblingConst(fa, mf.RoleField); v {
				case "system", "developer":
					role = "system"
				case "tool":
					continue
				}
			}
			out = append(out, messageStore{store: st, role: role})
		}
	})
	return out
}

// siblingConst returns the string constant stored into the named field of
// the same struct value as fa (the Role of a composite literal).
func siblingConst(fa *ssa.FieldAddr, field string) (string, bool) {
	refs := fa.X.Referrers()
	if refs == nil {
		return "", false
	}
	for _, r := range *refs {
		other, ok := r.(*ssa.FieldAddr)
		if !ok || other.X != fa.X || fieldName(other.X.Type(), other.Field) != field {
			continue
		}
		for _, rr := range *other.Referrers() {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == other {
				if s, ok := constString(st.Val); ok {
					return s, true
				}
			}
		}
	}
	return "", false
}

// returnsToModel reports whether a dispatching function's result goes back
// to the model through a caller: a caller in the module puts the call's
// result into a tool-result message (Bedrock's runTool returns the text
// that its caller wraps in a ToolResultContentBlockMemberText).
func (c *checker) returnsToModel(fn *ssa.Function) bool {
	if v, ok := c.returning[fn]; ok {
		return v
	}
	if c.returning == nil {
		c.returning = map[*ssa.Function]bool{}
	}
	c.returning[fn] = false // breaks recursion
	out := false
	if node := c.rc.cg.Nodes[fn]; node != nil {
		for _, e := range node.In {
			call, ok := e.Site.(*ssa.Call)
			caller := e.Caller.Func
			if !ok || !c.module[caller] {
				continue
			}
			f := newFlow(c.cat, c.rc, map[*ssa.Function]bool{caller: true}, nil)
			f.seed(call, labelMask("file"), "the result of "+shortSymbol(fn))
			f.run([]*ssa.Function{caller})
			if o, _ := c.messageTaint(f, caller); o != nil {
				out = true
				break
			}
		}
	}
	c.returning[fn] = out
	return out
}
