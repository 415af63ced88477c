package discovery

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/rules"
)

// Declaration is a tool declared to the model by name, in a catalogued
// declaration struct (openai.FunctionDefinition{Name: "x"}).
type Declaration struct {
	Name, Framework string
	Pos             token.Pos
}

// declarations finds the tools declared to the model: the names that flow
// into the name field of a catalogued declaration struct, constants or the
// names a registry's tools give (FunctionDefinition{Name: t.Name()}).
func (e *engine) declarations(scope []*ssa.Function) []Declaration {
	if len(e.cat.Declares) == 0 {
		return nil
	}
	var out []Declaration
	eachFieldStore(scope, func(st *ssa.Store, fa *ssa.FieldAddr) {
		d, ok := e.cat.Declares[rules.Normalize(typeSymbol(fa.X.Type()))]
		if !ok || fieldName(fa.X.Type(), fa.Field) != d.NameField {
			return
		}
		g := e.newGraph()
		named, _ := g.nameLeaves(g.root(node{v: st.Val}))
		seen := map[string]bool{}
		for _, id := range named {
			if s, ok := g.nameOf(id, 0); ok && !seen[s] {
				seen[s] = true
				out = append(out, Declaration{s, d.Framework, st.Pos()})
			}
		}
	})
	return out
}
