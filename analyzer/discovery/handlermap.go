package discovery

import (
	"strconv"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/rules"
)

// handlerMapTools finds the handlers stored in a catalogued map field, such
// as openai-go's agent ToolHandlers: each key of the map is a tool, its
// value the handler.
func (e *engine) handlerMapTools(scope []*ssa.Function) []Tool {
	if len(e.cat.HandlerMaps) == 0 {
		return nil
	}
	var out []Tool
	eachFieldStore(scope, func(st *ssa.Store, fa *ssa.FieldAddr) {
		hm, ok := e.cat.HandlerMaps[rules.Normalize(typeSymbol(fa.X.Type()))]
		if !ok || fieldName(fa.X.Type(), fa.Field) != hm.Field {
			return
		}
		g := e.newGraph()
		f := "#" + strconv.Itoa(int(e.fan(fanKey{kind: fanMap, x: st.Val})))
		h := g.root(node{v: st.Val, path: "{}" + f})
		t := g.root(node{v: st.Val, path: "{k}" + f})
		out = append(out, registeredAtEntry(g.assemble(Tool{Framework: hm.Framework, Registration: st.Pos(), holder: st}, nil, h, t, -1))...)
	})
	return out
}

// registeredAtEntry shows each tool of a map where its entry is stored.
func registeredAtEntry(tools []Tool) []Tool {
	for i := range tools {
		for _, gt := range tools[i].Gates {
			if u, ok := gt.(*ssa.MapUpdate); ok {
				tools[i].Registration = u.Pos()
				break
			}
		}
	}
	return tools
}
