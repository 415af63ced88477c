package report

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// overview writes the summary table: one line per tool, worst first, then
// one line per agent, then a legend.
func (h *TableHandler) overview(w *bytes.Buffer, doc *Document) error {
	if len(doc.Tools) == 0 {
		w.WriteString(noTools(doc, plainCode) + "\n")
	} else {
		t := newTable(w)
		t.Header("TOOL", "FRAMEWORK", "WORST", "FINDINGS", "CAPABILITIES", "RADIUS")
		for _, o := range overviews(doc) {
			caps := cellsLabel(o.Cells)
			if len(o.Tool.Incomplete) > 0 {
				caps += " (incomplete)"
			}
			if err := t.Append(o.Tool.label(), o.Tool.Framework, o.worstLabel(), compactCounts(o.Findings), caps, o.Tool.radiusLabel()); err != nil {
				return fmt.Errorf("writing table: %w", err)
			}
		}
		if err := t.flush(); err != nil {
			return err
		}
	}
	if len(doc.Agents) > 0 {
		w.WriteString("\n")
		t := newTable(w)
		t.Header("AGENT", "KIND", "TOOLS", "TOXIC COMBINATION")
		byAgent := agentFindings(doc)
		for _, a := range doc.Agents {
			combo := "-"
			if fs := byAgent[a.Name]; len(fs) > 0 {
				combo = fs[0].RuleID + " " + fs[0].Severity + ": " + legsLabel(fs[0])
				if len(fs) > 1 {
					combo += fmt.Sprintf(" (and %d more)", len(fs)-1)
				}
			}
			if err := t.Append(a.Name, a.Kind+" "+a.Framework, strconv.Itoa(len(a.Tools)), combo); err != nil {
				return fmt.Errorf("writing table: %w", err)
			}
		}
		if err := t.flush(); err != nil {
			return err
		}
	}
	if n := len(doc.Mismatches); n > 0 {
		fmt.Fprintf(w, "\n%s that the declarations and the dispatch disagree on.\n", plural(n, "tool name"))
	}
	w.WriteString("\n* tainted, ! missing a guard; findings C critical, H high, M medium, L low, I info; --paths for every capability, finding and witness.\n")
	return nil
}

// radiusLabel is the tool's score, short: "16, 25% contained".
func (t Tool) radiusLabel() string {
	if t.Score.BlastRadius == 0 {
		return t.scoreLabel()
	}
	return fmt.Sprintf("%d, %d%% contained", t.Score.BlastRadius, t.Score.Percent)
}

// agentsTable writes one row per agent: its name, kind, framework, where it
// is made and its tools.
func agentsTable(w *bytes.Buffer, agents []Agent) error {
	t := newTable(w)
	t.Header("AGENT", "KIND", "FRAMEWORK", "POSITION", "TOOLS")
	for _, a := range agents {
		if err := t.Append(a.Name, a.Kind, a.Framework, a.Position.short(), toolNames(a.Tools, 6)); err != nil {
			return fmt.Errorf("writing table: %w", err)
		}
		for _, g := range a.Gates {
			if err := t.Append("", "gated by", g.Condition, g.Position.short(), toolNames(g.Tools, 6)); err != nil {
				return fmt.Errorf("writing table: %w", err)
			}
		}
	}
	return t.flush()
}

// toolNames is "a, b, c" or, past max names, "a, b, c and 7 more".
func toolNames(names []string, max int) string {
	if len(names) <= max {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:max], ", "), len(names)-max)
}
