package analyzer

import (
	"go/types"
	"sort"

	"golang.org/x/tools/go/ssa"
)

// implementers answers, for a method of an interface the application
// declares, which of the application's own types implement it. The call
// graph (VTA) sends an interface call only to the types it sees flow into
// the receiver; a service that a dependency-injection container builds
// through reflection (dig, fx) reaches its callers with no flow it can see,
// and the call then has no callee at all. Such a call reaches, instead,
// every type of the application that implements the interface.
type implementers struct {
	prog  *ssa.Program
	owned map[*types.Package]bool
	named []*types.Named
	memo  map[*types.Func][]*ssa.Function
}

func newImplementers(prog *ssa.Program, pkgs map[*ssa.Package]bool) *implementers {
	im := &implementers{prog: prog, owned: map[*types.Package]bool{}, memo: map[*types.Func][]*ssa.Function{}}
	for p := range pkgs {
		im.owned[p.Pkg] = true
		for _, m := range p.Members {
			if t, ok := m.(*ssa.Type); ok {
				if n, ok := t.Type().(*types.Named); ok && !types.IsInterface(n) && n.TypeParams() == nil {
					im.named = append(im.named, n)
				}
			}
		}
	}
	sort.Slice(im.named, func(i, j int) bool {
		return types.TypeString(im.named[i], nil) < types.TypeString(im.named[j], nil)
	})
	return im
}

// of returns the application's methods that an invoke of m can call, when
// m belongs to an interface the application declares.
func (im *implementers) of(m *types.Func) []*ssa.Function {
	if im == nil || m.Pkg() == nil || !im.owned[m.Pkg()] {
		return nil
	}
	if out, ok := im.memo[m]; ok {
		return out
	}
	var out []*ssa.Function
	sig, _ := m.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return nil
	}
	iface, ok := sig.Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	for _, n := range im.named {
		for _, t := range []types.Type{n, types.NewPointer(n)} {
			if !types.Implements(t, iface) {
				continue
			}
			if sel := im.prog.MethodSets.MethodSet(t).Lookup(m.Pkg(), m.Name()); sel != nil {
				if fn := im.prog.MethodValue(sel); fn != nil {
					out = append(out, fn)
				}
			}
			break
		}
	}
	im.memo[m] = out
	return out
}
