package analyzer

import (
	"go/token"
	"sort"

	"github.com/blastradius/blastradius/report"
)

// declaration is a tool declared to the model by name.
type declaration struct {
	name, framework string
	pos             token.Pos
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
