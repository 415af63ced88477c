package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// This file lays out the HTML report's matrix: one row per tool, grouped
// by the agent that holds it, worst first, and one column per capability
// class, each cell saying at a glance whether the tool reaches the class,
// whether model-controlled data does, and whether it is guarded. The toxic
// combinations of each agent are listed above it.

// htmlMatrix is the matrix and what goes above it.
type htmlMatrix struct {
	// Columns are the capability classes, the heaviest first.
	Columns []string
	Groups  []htmlGroup
	Toxic   []htmlToxic
}

// htmlGroup is one agent's rows.
type htmlGroup struct {
	// Name is the agent's name, "" for the tools in no agent.
	Name, Kind, Framework string
	// Tools is how many tools the agent holds; Rows are those not shown
	// under an earlier group.
	Tools int
	Rows  []htmlRow
	// Worst is the agent's most severe toxic combination, "" for none.
	Worst string
}

// htmlRow is one tool of the matrix.
type htmlRow struct {
	Index      int // into Document.Tools, for #tool-N
	Name       string
	Worst      string // "BR101 critical", "-" for none
	Severity   string // the worst finding's, "" for none
	Counts     string
	Cells      []htmlCell
	Incomplete bool
	// Also names the other agents that hold the tool.
	Also string
}

// htmlCell is what a tool reaches of one capability class.
type htmlCell struct {
	// State is "" (not reached), "reached" or "tainted".
	State   string
	Guarded bool
	Title   string
}

// Glyph is what the cell shows: nothing, a dot for a class reached, a
// diamond for one model-controlled data reaches.
func (c htmlCell) Glyph() string {
	switch c.State {
	case "tainted":
		return "◆"
	case "reached":
		return "●"
	}
	return ""
}

// htmlToxic is one toxic combination above the matrix.
type htmlToxic struct {
	Finding
	// Tools are the rows of its legs' tools, for the links.
	Legs []htmlLeg
}

// htmlLeg is one leg with the row of its tool (-1 if the document does
// not list it).
type htmlLeg struct {
	Leg
	Index int
}

// matrix builds the matrix of doc.
func matrix(doc *Document) htmlMatrix {
	m := htmlMatrix{Columns: capabilityColumns(doc.Tools)}
	index := map[string]int{}
	for i, t := range doc.Tools {
		if _, ok := index[t.Name]; !ok {
			index[t.Name] = i
		}
	}
	ovs := overviews(doc)
	byName := map[string][]int{} // tool name → positions in ovs
	for i, o := range ovs {
		byName[o.Tool.Name] = append(byName[o.Tool.Name], i)
	}
	agentsOf := map[string][]string{}
	for _, a := range doc.Agents {
		for _, t := range a.Tools {
			agentsOf[t] = append(agentsOf[t], a.Name)
		}
	}
	combos := agentFindings(doc)

	// Agents with the most severe combination first, then those whose
	// tools have the most severe findings, then the largest.
	agents := slices.Clone(doc.Agents)
	rank := func(a Agent) (int, int) {
		combo := len(severityOrder) + 1
		if fs := combos[a.Name]; len(fs) > 0 {
			combo = severityRank(fs[0].Severity)
		}
		tools := len(severityOrder) + 1
		for _, t := range a.Tools {
			for _, i := range byName[t] {
				if w := ovs[i].worst(); w != nil {
					tools = min(tools, severityRank(w.Severity))
				}
			}
		}
		return combo, tools
	}
	slices.SortStableFunc(agents, func(a, b Agent) int {
		ac, at := rank(a)
		bc, bt := rank(b)
		return cmp.Or(cmp.Compare(ac, bc), cmp.Compare(at, bt), cmp.Compare(len(b.Tools), len(a.Tools)), cmp.Compare(a.Name, b.Name))
	})

	shown := make([]bool, len(ovs))
	row := func(i int, group string) htmlRow {
		o := ovs[i]
		r := htmlRow{Index: -1, Name: o.Tool.Name, Worst: o.worstLabel(), Counts: compactCounts(o.Findings),
			Incomplete: len(o.Tool.Incomplete) > 0}
		if k := slices.IndexFunc(doc.Tools, func(t Tool) bool { return compareTool(t, o.Tool) == 0 }); k >= 0 {
			r.Index = k
		}
		if w := o.worst(); w != nil {
			r.Severity = w.Severity
		}
		var also []string
		for _, a := range agentsOf[o.Tool.Name] {
			if a != group {
				also = append(also, a)
			}
		}
		r.Also = strings.Join(also, ", ")
		cells := map[string]capabilityCell{}
		for _, c := range o.Cells {
			cells[c.Capability] = c
		}
		for _, col := range m.Columns {
			c, ok := cells[col]
			if !ok {
				r.Cells = append(r.Cells, htmlCell{Title: o.Tool.Name + " does not reach " + col})
				continue
			}
			hc := htmlCell{State: "reached", Guarded: c.Guarded}
			if c.Tainted {
				hc.State = "tainted"
			}
			guard := "guarded"
			if !c.Guarded {
				guard = "a required guard missing"
			}
			data := "no model-controlled data"
			if c.Tainted {
				data = "model-controlled data"
			}
			hc.Title = fmt.Sprintf("%s: %s, %s, %s", o.Tool.Name, plural(c.Sinks, col+" sink"), data, guard)
			r.Cells = append(r.Cells, hc)
		}
		return r
	}
	for _, a := range agents {
		g := htmlGroup{Name: a.Name, Kind: a.Kind, Framework: a.Framework, Tools: len(a.Tools)}
		if fs := combos[a.Name]; len(fs) > 0 {
			g.Worst = fs[0].RuleID + " " + fs[0].Severity
		}
		var members []int
		for _, t := range a.Tools {
			for _, i := range byName[t] {
				if !shown[i] {
					members = append(members, i)
				}
			}
		}
		slices.Sort(members) // ovs is worst first
		for _, i := range members {
			shown[i] = true
			g.Rows = append(g.Rows, row(i, a.Name))
		}
		m.Groups = append(m.Groups, g)
	}
	var rest htmlGroup
	for i := range ovs {
		if !shown[i] {
			rest.Rows = append(rest.Rows, row(i, ""))
		}
	}
	if len(rest.Rows) > 0 {
		rest.Tools = len(rest.Rows)
		m.Groups = append(m.Groups, rest)
	}

	for _, a := range agents {
		for _, f := range combos[a.Name] {
			t := htmlToxic{Finding: f}
			for _, l := range f.Legs {
				i, ok := index[l.Tool]
				if !ok {
					i = -1
				}
				t.Legs = append(t.Legs, htmlLeg{l, i})
			}
			m.Toxic = append(m.Toxic, t)
		}
	}
	return m
}
