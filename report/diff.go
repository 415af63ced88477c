package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Diff is what changed between two scans: per tool, what it can reach now
// that it could not before and the reverse, and the findings that appeared
// or went away. It is what a reviewer of a change to an agent wants to see.
type Diff struct {
	SchemaVersion string `json:"schema_version"`
	// Tools lists the tools that were added, removed or changed, sorted
	// by name, then framework. A tool is known by its name and framework.
	Tools []ToolChange `json:"tools"`
	// NewFindings are in the new scan only and FixedFindings in the old
	// scan only, compared by ID; both sorted as [Document.Findings].
	NewFindings   []Finding `json:"new_findings"`
	FixedFindings []Finding `json:"fixed_findings"`
	// Old and New total the tools' scores of each scan.
	Old Summary `json:"old"`
	New Summary `json:"new"`
}

// ToolChange is how one tool changed.
type ToolChange struct {
	Name      string `json:"name"`
	Framework string `json:"framework"`
	// Change is "added", "removed" or "changed".
	Change string `json:"change"`
	// Gained lists the capabilities the tool reaches now and did not
	// before (all of them for an added tool); Lost the reverse. Sorted by
	// capability.
	Gained []CapabilityChange `json:"gained"`
	Lost   []CapabilityChange `json:"lost"`
	// Tainted lists the capabilities, reached before and now, that
	// model-controlled data reaches now and did not before; Untainted the
	// reverse. Sorted.
	Tainted   []string `json:"tainted"`
	Untainted []string `json:"untainted"`
	// OldScore and NewScore are the tool's scores; zero for the scan the
	// tool is not in.
	OldScore Score `json:"old_score"`
	NewScore Score `json:"new_score"`
}

// CapabilityChange is one capability class gained or lost, with the sinks
// behind it, sorted, and whether model-controlled data reaches any of them.
type CapabilityChange struct {
	Capability string   `json:"capability"`
	Sinks      []string `json:"sinks"`
	Tainted    bool     `json:"tainted"`
}

// Compare returns what changed from the scan old to the scan new.
func Compare(old, new *Document) *Diff {
	old, new = canonical(old), canonical(new)
	d := &Diff{
		SchemaVersion: SchemaVersion,
		Tools:         []ToolChange{},
		NewFindings:   []Finding{},
		FixedFindings: []Finding{},
		Old:           Summarize(old.Tools),
		New:           Summarize(new.Tools),
	}
	type key struct{ name, framework string }
	before := map[key]Tool{}
	for _, t := range old.Tools {
		before[key{t.Name, t.Framework}] = t
	}
	after := map[key]Tool{}
	for _, t := range new.Tools {
		after[key{t.Name, t.Framework}] = t
	}
	for k, t := range after {
		prev, ok := before[k]
		switch {
		case !ok:
			d.Tools = append(d.Tools, toolChange("added", Tool{}, t))
		default:
			if c := toolChange("changed", prev, t); !c.empty() {
				d.Tools = append(d.Tools, c)
			}
		}
	}
	for k, t := range before {
		if _, ok := after[k]; !ok {
			d.Tools = append(d.Tools, toolChange("removed", t, Tool{}))
		}
	}
	slices.SortFunc(d.Tools, func(a, b ToolChange) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Framework, b.Framework))
	})

	ids := func(fs []Finding) map[string]bool {
		m := map[string]bool{}
		for _, f := range fs {
			m[f.ID] = true
		}
		return m
	}
	oldIDs, newIDs := ids(old.Findings), ids(new.Findings)
	for _, f := range new.Findings {
		if !oldIDs[f.ID] {
			d.NewFindings = append(d.NewFindings, f)
		}
	}
	for _, f := range old.Findings {
		if !newIDs[f.ID] {
			d.FixedFindings = append(d.FixedFindings, f)
		}
	}
	return d
}

// toolChange compares one tool's two versions; a zero Tool stands for a
// scan the tool is not in.
func toolChange(change string, old, new Tool) ToolChange {
	c := ToolChange{
		Name: cmp.Or(new.Name, old.Name), Framework: cmp.Or(new.Framework, old.Framework), Change: change,
		Gained: []CapabilityChange{}, Lost: []CapabilityChange{}, Tainted: []string{}, Untainted: []string{},
		OldScore: old.Score, NewScore: new.Score,
	}
	oldCaps, newCaps := capabilityClasses(old), capabilityClasses(new)
	for _, name := range sortedKeys(newCaps) {
		o, ok := oldCaps[name]
		n := newCaps[name]
		switch {
		case !ok:
			c.Gained = append(c.Gained, CapabilityChange{Capability: name, Sinks: sortedKeys(n.sinks), Tainted: n.tainted})
		case n.tainted && !o.tainted:
			c.Tainted = append(c.Tainted, name)
		case !n.tainted && o.tainted:
			c.Untainted = append(c.Untainted, name)
		}
	}
	for _, name := range sortedKeys(oldCaps) {
		if _, ok := newCaps[name]; !ok {
			o := oldCaps[name]
			c.Lost = append(c.Lost, CapabilityChange{Capability: name, Sinks: sortedKeys(o.sinks), Tainted: o.tainted})
		}
	}
	return c
}

func (c ToolChange) empty() bool {
	return len(c.Gained) == 0 && len(c.Lost) == 0 && len(c.Tainted) == 0 && len(c.Untainted) == 0 && c.OldScore == c.NewScore
}

// capabilityClass is what a tool reaches of one capability.
type capabilityClass struct {
	sinks   map[string]bool
	tainted bool
}

func capabilityClasses(t Tool) map[string]capabilityClass {
	out := map[string]capabilityClass{}
	for _, c := range t.Capabilities {
		cc, ok := out[c.Capability]
		if !ok {
			cc = capabilityClass{sinks: map[string]bool{}}
		}
		cc.sinks[c.Sink] = true
		cc.tainted = cc.tainted || c.Tainted
		out[c.Capability] = cc
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// WriteJSON writes d as indented JSON with a final newline.
func (d *Diff) WriteJSON(w io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return fmt.Errorf("writing diff: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("writing diff: %w", err)
	}
	return nil
}

// WriteText writes d for people, one change a line: tools first, then new
// and fixed findings, most severe first, then the totals.
func (d *Diff) WriteText(w io.Writer) error {
	var b bytes.Buffer
	names := map[string]int{}
	for _, t := range d.Tools {
		names[t.Name]++
	}
	for _, t := range d.Tools {
		name := t.Name
		if names[t.Name] > 1 {
			// Two frameworks register a tool of this name.
			name += " (" + t.Framework + ")"
		}
		switch t.Change {
		case "added":
			fmt.Fprintf(&b, "new tool %s", name)
			if len(t.Gained) > 0 {
				fmt.Fprintf(&b, " can reach %s", capabilityList(t.Gained))
			} else {
				b.WriteString(" reaches no capability")
			}
			b.WriteString("\n")
			continue
		case "removed":
			fmt.Fprintf(&b, "removed tool %s\n", name)
			continue
		}
		for _, g := range t.Gained {
			fmt.Fprintf(&b, "tool %s gained %s (%s)\n", name, capabilityLabel(g), strings.Join(g.Sinks, ", "))
		}
		for _, l := range t.Lost {
			fmt.Fprintf(&b, "tool %s lost %s\n", name, l.Capability)
		}
		for _, c := range t.Tainted {
			fmt.Fprintf(&b, "tool %s: model input now reaches %s\n", name, c)
		}
		for _, c := range t.Untainted {
			fmt.Fprintf(&b, "tool %s: model input no longer reaches %s\n", name, c)
		}
		if t.OldScore != t.NewScore {
			fmt.Fprintf(&b, "tool %s: blast radius %d -> %d, contained %d%% -> %d%%\n", name,
				t.OldScore.BlastRadius, t.NewScore.BlastRadius, t.OldScore.Percent, t.NewScore.Percent)
		}
	}
	for _, part := range []struct {
		label string
		fs    []Finding
	}{{"new finding", d.NewFindings}, {"fixed finding", d.FixedFindings}} {
		fs := slices.Clone(part.fs)
		slices.SortStableFunc(fs, compareFindingForTable)
		for _, f := range fs {
			fmt.Fprintf(&b, "%s: %s %s %s at %s: %s", part.label, f.Severity, f.RuleID, f.Rule, f.Position.short(), f.Message)
			if f.Suppressed {
				b.WriteString(" (suppressed)")
			}
			b.WriteString("\n")
		}
	}
	if len(d.Tools) == 0 && len(d.NewFindings) == 0 && len(d.FixedFindings) == 0 {
		b.WriteString("no changes\n")
	}
	fmt.Fprintf(&b, "%s -> %d, %s; blast radius %d -> %d, contained %d%% -> %d%%\n",
		plural(d.Old.Tools, "tool"), d.New.Tools, findingDelta(d), d.Old.BlastRadius, d.New.BlastRadius,
		d.Old.Percent, d.New.Percent)
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("writing diff: %w", err)
	}
	return nil
}

// findingDelta is "2 new findings, 1 fixed".
func findingDelta(d *Diff) string {
	return fmt.Sprintf("%s, %d fixed", plural(len(d.NewFindings), "new finding"), len(d.FixedFindings))
}

// capabilityList is "exec (tainted), network": the changes' capabilities.
func capabilityList(cs []CapabilityChange) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = capabilityLabel(c)
	}
	return strings.Join(names, ", ")
}

// capabilityLabel marks a capability that model-controlled data reaches,
// as the table does.
func capabilityLabel(c CapabilityChange) string {
	if c.Tainted {
		return c.Capability + " (tainted)"
	}
	return c.Capability
}
