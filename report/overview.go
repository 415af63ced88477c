package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// This file rolls a document up to one line per tool and one cell per
// capability class: what the summary table, the summary Markdown and the
// HTML matrix show when there are too many tools to read one by one.

// toolOverview is one tool at a glance.
type toolOverview struct {
	Tool Tool
	// Findings are the tool's findings to act on (not suppressed, not in
	// a baseline), most severe first.
	Findings []Finding
	// Cells are the tool's capability classes, by impact, most first.
	Cells []capabilityCell
}

// capabilityCell is what a tool reaches of one capability class.
type capabilityCell struct {
	Capability string
	// Sinks is how many distinct sink calls the tool reaches in the class.
	Sinks int
	// Tainted: model-controlled data reaches one of them. Guarded: none
	// lacks a guard its class needs (and a class that needs none is
	// guarded).
	Tainted, Guarded bool
}

// worst is the tool's most severe finding, nil when it has none.
func (o toolOverview) worst() *Finding {
	if len(o.Findings) == 0 {
		return nil
	}
	return &o.Findings[0]
}

// overviews rolls each tool of doc up, worst first: by the most severe
// finding, then by the part of the blast radius that is not contained, then
// by name.
func overviews(doc *Document) []toolOverview {
	out := make([]toolOverview, len(doc.Tools))
	for i, t := range doc.Tools {
		out[i] = toolOverview{Tool: t, Cells: capabilityCells(t)}
		for _, f := range doc.Findings {
			if f.Suppressed || f.Baseline == BaselineUnchanged || !findingOf(t, f) {
				continue
			}
			out[i].Findings = append(out[i].Findings, f)
		}
		slices.SortStableFunc(out[i].Findings, compareFindingForTable)
	}
	slices.SortStableFunc(out, compareOverview)
	return out
}

func compareOverview(a, b toolOverview) int {
	rank := func(o toolOverview) int {
		if w := o.worst(); w != nil {
			return severityRank(w.Severity)
		}
		return len(severityOrder) + 1
	}
	return cmp.Or(
		cmp.Compare(rank(a), rank(b)),
		cmp.Compare(b.Tool.Score.BlastRadius-b.Tool.Score.Contained, a.Tool.Score.BlastRadius-a.Tool.Score.Contained),
		cmp.Compare(b.Tool.Score.BlastRadius, a.Tool.Score.BlastRadius),
		compareTool(a.Tool, b.Tool),
	)
}

// findingOf reports whether a finding is about tool t: its name and, when
// the finding has a path, its handler (two frameworks can name a tool
// alike).
func findingOf(t Tool, f Finding) bool {
	return f.Tool == t.Name && (len(f.Path) == 0 || f.Path[0].Function == t.Handler)
}

// capabilityCells returns a tool's capability classes, the heaviest first,
// then by name.
func capabilityCells(t Tool) []capabilityCell {
	byClass := map[string]*capabilityCell{}
	sinks := map[string]map[string]bool{}
	var order []string
	for _, c := range t.Capabilities {
		cell, ok := byClass[c.Capability]
		if !ok {
			cell = &capabilityCell{Capability: c.Capability, Guarded: true}
			byClass[c.Capability] = cell
			sinks[c.Capability] = map[string]bool{}
			order = append(order, c.Capability)
		}
		sinks[c.Capability][c.Sink] = true
		cell.Tainted = cell.Tainted || c.Tainted
		cell.Guarded = cell.Guarded && len(c.MissingGuards) == 0
	}
	out := make([]capabilityCell, len(order))
	for i, name := range order {
		out[i] = *byClass[name]
		out[i].Sinks = len(sinks[name])
	}
	slices.SortStableFunc(out, func(a, b capabilityCell) int {
		return cmp.Or(cmp.Compare(impactOf[b.Capability], impactOf[a.Capability]), cmp.Compare(a.Capability, b.Capability))
	})
	return out
}

// capabilityColumns lists the capability classes any tool of doc reaches,
// the heaviest first: the columns of the matrix.
func capabilityColumns(tools []Tool) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range tools {
		for _, c := range t.Capabilities {
			if !seen[c.Capability] {
				seen[c.Capability] = true
				out = append(out, c.Capability)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b string) int {
		return cmp.Or(cmp.Compare(impactOf[b], impactOf[a]), cmp.Compare(a, b))
	})
	return out
}

// severityLetters are the one-letter severities of the compact counts.
var severityLetters = map[string]string{"critical": "C", "high": "H", "medium": "M", "low": "L", "info": "I"}

// compactCounts is "2C 1H 3M": how many findings of each severity, most
// severe first; "-" for none.
func compactCounts(fs []Finding) string {
	n := map[string]int{}
	var sevs []string
	for _, f := range fs {
		if n[f.Severity] == 0 {
			sevs = append(sevs, f.Severity)
		}
		n[f.Severity]++
	}
	if len(sevs) == 0 {
		return "-"
	}
	slices.SortFunc(sevs, func(a, b string) int {
		return cmp.Or(cmp.Compare(severityRank(a), severityRank(b)), cmp.Compare(a, b))
	})
	parts := make([]string, len(sevs))
	for i, s := range sevs {
		letter, ok := severityLetters[s]
		if !ok {
			letter = "?"
		}
		parts[i] = strconv.Itoa(n[s]) + letter
	}
	return strings.Join(parts, " ")
}

// cellsLabel lists a tool's capability classes at a glance:
// "exec*,network*,fs-read", where * marks a class that model-controlled data
// reaches and ! one missing a guard its class needs.
func cellsLabel(cells []capabilityCell) string {
	if len(cells) == 0 {
		return "-"
	}
	parts := make([]string, len(cells))
	for i, c := range cells {
		parts[i] = c.Capability
		if c.Tainted {
			parts[i] += "*"
		}
		if !c.Guarded {
			parts[i] += "!"
		}
	}
	return strings.Join(parts, ",")
}

// worstLabel is "BR101 critical", or "-" for a tool with no finding.
func (o toolOverview) worstLabel() string {
	w := o.worst()
	if w == nil {
		return "-"
	}
	return w.RuleID + " " + w.Severity
}

// agentFindings returns, per agent name, the findings about the agent as a
// whole (toxic combinations) to act on, most severe first.
func agentFindings(doc *Document) map[string][]Finding {
	out := map[string][]Finding{}
	for _, f := range doc.Findings {
		if f.Agent == "" || f.Suppressed || f.Baseline == BaselineUnchanged {
			continue
		}
		out[f.Agent] = append(out[f.Agent], f)
	}
	for _, fs := range out {
		slices.SortStableFunc(fs, compareFindingForTable)
	}
	return out
}

// legsLabel names a toxic combination's tools, leg by leg: "read_note +
// fetch_forum -> post_webhook".
func legsLabel(f Finding) string {
	var in, out []string
	for _, l := range f.Legs {
		if l.Role == RoleExit {
			out = append(out, l.Tool)
		} else {
			in = append(in, l.Tool)
		}
	}
	return strings.Join(in, " + ") + " -> " + strings.Join(out, " + ")
}
