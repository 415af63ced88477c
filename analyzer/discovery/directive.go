package discovery

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
)

// directivePrefix marks a custom entry point: //blastradius:tool NAME in a
// function's doc comment.
const directivePrefix = "//blastradius:tool"

// directiveTools finds functions whose doc comment carries
// //blastradius:tool NAME.
func directiveTools(prog *ssa.Program, pkgs []*packages.Package) ([]Tool, []string) {
	var out []Tool
	var warnings []string
	for _, p := range pkgs {
		if p.TypesInfo == nil {
			continue
		}
		for _, f := range p.Syntax {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Doc == nil {
					continue
				}
				for _, c := range fd.Doc.List {
					rest, ok := strings.CutPrefix(c.Text, directivePrefix)
					if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
						continue
					}
					fields := strings.Fields(rest)
					if len(fields) == 0 {
						warnings = append(warnings, fmt.Sprintf("%s: %s needs a tool name", prog.Fset.Position(c.Pos()), directivePrefix))
						continue
					}
					obj, ok := p.TypesInfo.Defs[fd.Name].(*types.Func)
					if !ok {
						continue
					}
					fn := prog.FuncValue(obj)
					if fn == nil {
						continue
					}
					out = append(out, Tool{Name: fields[0], NameFrom: "directive", Framework: "directive",
						Handler: fn, Registration: c.Pos()})
				}
			}
		}
	}
	return out, warnings
}
