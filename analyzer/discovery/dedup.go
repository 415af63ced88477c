package discovery

import (
	"fmt"
	"slices"
	"sort"

	"golang.org/x/tools/go/ssa"
)

// dedup drops repeats (the same registration found twice through several
// callers or contexts, a registry's value that two registrations look up,
// a handler registered twice under names the code does not fix),
// keeping the servers and the values of each, and sorts the rest: by name,
// framework, handler, registration and position. Of a registry's value,
// the registration kept is one that declares its name, else the first
// found.
func dedup(prog *ssa.Program, ts []Tool) []Tool {
	seen := map[string]int{}
	var out []Tool
	for _, e := range ts {
		k := fmt.Sprintf("%s|%s|%s|%d|%d", e.Name, e.Framework, e.Handler, e.Registration, e.Position)
		switch {
		case e.selfNamed:
			k = fmt.Sprintf("%s|%s|%s|self", e.Name, e.Framework, e.Handler)
		case e.NameFrom == "handler":
			// No name tells two registrations of one handler apart (a
			// proxy's handler registered at start-up and again for
			// each server added, under names only known then): one
			// tool.
			k = fmt.Sprintf("%s|%s|%s|unnamed", e.Name, e.Framework, e.Handler)
		}
		if i, ok := seen[k]; ok {
			if e.declared && !out[i].declared {
				e.absorb(out[i])
				out[i] = e
				continue
			}
			out[i].absorb(e)
			continue
		}
		seen[k] = len(out)
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		if a.Framework != b.Framework {
			return a.Framework < b.Framework
		}
		if a.Handler.String() != b.Handler.String() {
			return a.Handler.String() < b.Handler.String()
		}
		if a.Registration != b.Registration {
			return prog.Fset.Position(a.Registration).String() < prog.Fset.Position(b.Registration).String()
		}
		return a.Position < b.Position
	})
	return out
}

// absorb adds to t the servers and constructions of o, the same tool
// found again: it joins every server either was registered on.
func (t *Tool) absorb(o Tool) {
	for _, s := range o.Servers {
		if !slices.Contains(t.Servers, s) {
			t.Servers = append(t.Servers, s)
		}
	}
	for _, c := range o.made {
		if !slices.Contains(t.made, c) {
			t.made = append(t.made, c)
		}
	}
}
