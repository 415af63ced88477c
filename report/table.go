package report

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// NoTools is the sentence the table prints for a document without tools.
const NoTools = "No tools found: the scanned packages have no LLM tool registration or //blastradius:tool directive."

// noTools is what a report says of a document without tools: [NoTools], or,
// when the scanned packages import packages that deal in LLM tools
// (Document.ToolImports), that no registration the catalog describes was
// found, and those packages; code spells a directive as the format quotes
// code.
func noTools(doc *Document, code func(string) string) string {
	if n := ownNotLoaded(doc); n > 0 {
		// The headline must not blame the code for what the scan could
		// not read: a tool registered in those packages is not seen.
		return fmt.Sprintf("No tools found in the packages that loaded: %s of the scanned module did not load (not analysed, below), and a tool registered there is not seen.",
			plural(n, "package"))
	}
	if len(doc.ToolImports) == 0 {
		return strings.Replace(NoTools, "//blastradius:tool", code("//blastradius:tool"), 1)
	}
	quoted := make([]string, len(doc.ToolImports))
	for i, p := range doc.ToolImports {
		quoted[i] = code(p)
	}
	return "No tools found: no tool registration that the catalog describes and no " + code("//blastradius:tool") +
		" directive, but the scanned packages import LLM tool types from " + strings.Join(quoted, ", ") +
		": tools may be registered in a way the catalog does not know (docs/catalog.md)."
}

// ownNotLoaded counts the scanned module's own packages that did not load.
func ownNotLoaded(doc *Document) int {
	n := 0
	for _, p := range doc.NotAnalysed {
		if p.Module {
			n++
		}
	}
	return n
}

func plainCode(s string) string { return s }

// TableHandler writes a [Document] as a plain-text table for people, grouped
// by tool: one row for the tool (its name, framework, handler and the
// handler's file:line), then one row per capability (capability, sink and
// the sink call's file:line; a capability that model-controlled data
// reaches is marked "(tainted)"). Mismatched tool names follow in a second
// table, the findings in a third, most severe first (with a baseline, the
// new ones; those in the baseline and the suppressed ones follow in tables
// of their own), then a one-line summary (tools; capabilities, with how
// many are high-impact, unguarded and tainted; findings by severity) and
// the number of warnings, if any.
//
// With opts.Summary (and without opts.Paths), the tools and findings tables
// give way to one line per tool (its worst finding, its findings counted by
// severity, its capability classes and its score) and one line per agent
// (its tools and its toxic combination), so that 70 tools fit a terminal.
type TableHandler struct {
	w       io.Writer
	paths   bool
	color   bool
	summary bool
}

// NewTableHandler returns a handler that writes a table to w. With
// opts.Paths, each capability is followed by its witness path, one frame a
// row, and each finding by its data-flow steps and its call path. With
// opts.Color, severities and tainted capabilities are coloured for a
// terminal.
func NewTableHandler(w io.Writer, opts Options) *TableHandler {
	return &TableHandler{w: w, paths: opts.Paths, color: opts.Color, summary: opts.Summary && !opts.Paths}
}

// Write writes doc as a table.
func (h *TableHandler) Write(doc *Document) error {
	if doc == nil {
		return errNilDocument
	}
	doc = canonical(doc)
	var out bytes.Buffer
	if h.summary {
		if err := h.overview(&out, doc); err != nil {
			return err
		}
		return h.finish(&out, doc)
	}
	if len(doc.Tools) == 0 {
		out.WriteString(noTools(doc, plainCode) + "\n")
	} else if err := h.tools(&out, doc.Tools); err != nil {
		return err
	}
	if len(doc.Agents) > 0 {
		out.WriteString("\nAgents, the tools one model holds:\n")
		if err := agentsTable(&out, doc.Agents); err != nil {
			return err
		}
	}
	if len(doc.Mismatches) > 0 {
		out.WriteString("\nTool names that the declarations and the dispatch disagree on:\n")
		if err := mismatches(&out, doc.Mismatches); err != nil {
			return err
		}
		out.WriteString("\n")
	}
	active, unchanged, suppressed, baseline := splitFindings(doc.Findings)
	title := "Findings, most severe first:\n"
	if baseline {
		title = "New findings, most severe first:\n"
	}
	if len(doc.Mismatches) == 0 && len(doc.Findings) > 0 {
		out.WriteString("\n")
	}
	for _, part := range []struct {
		title    string
		findings []Finding
		reasons  bool
	}{
		{title, active, false},
		{"Findings in the baseline, most severe first:\n", unchanged, false},
		{"Suppressed findings:\n", suppressed, true},
	} {
		if len(part.findings) == 0 {
			continue
		}
		out.WriteString(part.title)
		if err := h.findings(&out, part.findings, part.reasons); err != nil {
			return err
		}
		out.WriteString("\n")
	}
	return h.finish(&out, doc)
}

// finish writes the closing lines (totals, what did not load, warnings)
// and the whole table to the writer.
func (h *TableHandler) finish(out *bytes.Buffer, doc *Document) error {
	_, unchanged, suppressed, baseline := splitFindings(doc.Findings)
	active := len(doc.Findings) - len(unchanged) - len(suppressed)
	if len(doc.Tools) > 0 || len(doc.Findings) > 0 {
		fmt.Fprintf(out, "%s, %s, %s", plural(len(doc.Tools), "tool"), capabilityCounts(doc.Tools), findingCounts(doc.Findings))
		if baseline {
			fmt.Fprintf(out, "; %d new since the baseline", active)
		}
		if len(suppressed) > 0 {
			fmt.Fprintf(out, "; %d suppressed", len(suppressed))
		}
		out.WriteString("\n")
	}
	// Warnings go to stderr as they happen; this line keeps a saved
	// report from looking complete when it is not.
	if n := len(doc.NotAnalysed); n > 0 {
		var names []string
		for _, p := range doc.NotAnalysed {
			names = append(names, p.Package)
		}
		fmt.Fprintf(out, "not analysed: %s did not load: %s\n", plural(n, "package"), strings.Join(names, ", "))
	}
	if n := len(doc.Warnings); n > 0 {
		fmt.Fprintf(out, "%s: some packages did not load; the result may be incomplete\n", plural(n, "warning"))
	}
	text := out.Bytes()
	if h.color {
		text = colorize(text)
	}
	if _, err := h.w.Write(text); err != nil {
		return fmt.Errorf("writing table: %w", err)
	}
	return nil
}

// tools writes the tools table: a row per tool, then a row per capability
// and, with paths, a row per witness frame.
func (h *TableHandler) tools(w *bytes.Buffer, tools []Tool) error {
	t := newTable(w)
	t.Header("TOOL", "FRAMEWORK", "CAPABILITY", "FUNCTION", "POSITION", "GUARDS")
	for _, tool := range worstFirst(tools) {
		if err := t.Append(tool.label(), tool.Framework, "handler", tool.Handler, tool.Position.short(), tool.scoreLabel()); err != nil {
			return fmt.Errorf("writing table: %w", err)
		}
		if tool.GatedBy != nil {
			if err := t.Append("", "", "gated by", tool.GatedBy.Condition, tool.GatedBy.Position.short(), ""); err != nil {
				return fmt.Errorf("writing table: %w", err)
			}
		}
		if len(tool.Capabilities) == 0 {
			what := "no capability found"
			if len(tool.Incomplete) > 0 {
				what += " in the code that loaded"
			}
			if err := t.Append("", "", "-", what, "", ""); err != nil {
				return fmt.Errorf("writing table: %w", err)
			}
		}
		for _, code := range tool.Incomplete {
			if err := t.Append("", "", "not analysed", code, "", "did not load or type-check"); err != nil {
				return fmt.Errorf("writing table: %w", err)
			}
		}
		for _, c := range tool.Capabilities {
			if err := t.Append("", "", c.label(), c.Sink, c.Position.short(), c.guardsLabel()); err != nil {
				return fmt.Errorf("writing table: %w", err)
			}
			if !h.paths {
				continue
			}
			for i, f := range c.Path {
				arrow := "  via "
				if i > 0 {
					arrow = "   -> "
				}
				if err := t.Append("", "", "", arrow+f.Function, f.Position.short(), ""); err != nil {
					return fmt.Errorf("writing table: %w", err)
				}
			}
		}
	}
	return t.flush()
}

// worstFirst orders tools for people: the largest uncontained blast radius
// first, then by name (the JSON keeps the name order).
func worstFirst(tools []Tool) []Tool {
	out := slices.Clone(tools)
	slices.SortStableFunc(out, func(a, b Tool) int {
		return cmp.Or(
			cmp.Compare(b.Score.BlastRadius-b.Score.Contained, a.Score.BlastRadius-a.Score.Contained),
			cmp.Compare(a.Name, b.Name),
		)
	})
	return out
}

// scoreLabel is the tool's score, where a tool with no blast radius found
// is "harmless" only if all of its code was analysed.
func (t Tool) scoreLabel() string {
	if t.Score.BlastRadius == 0 && len(t.Incomplete) > 0 {
		return "incomplete"
	}
	return t.Score.label()
}

// label is a tool's score as the table shows it: "radius 16, 25% contained".
func (s Score) label() string {
	if s.BlastRadius == 0 {
		return "harmless"
	}
	return fmt.Sprintf("radius %d, %d%% contained", s.BlastRadius, s.Percent)
}

// guardsLabel lists a capability's guards at a glance: the kinds that
// protect it, then "no ..." for those missing ("ratelimit; no confirmation,
// audit-log").
func (c Capability) guardsLabel() string {
	var have []string
	for _, g := range c.Guards {
		if g.Dominates && !slices.Contains(have, g.Kind) {
			have = append(have, g.Kind)
		}
	}
	out := strings.Join(have, ", ")
	if len(c.MissingGuards) > 0 {
		if out != "" {
			out += "; "
		}
		out += "no " + strings.Join(c.MissingGuards, ", ")
	}
	if out == "" {
		return "-"
	}
	return out
}

// splitFindings sorts findings for people, most severe first, into those
// to act on (new ones, when there is a baseline), those in the baseline and
// the suppressed ones. baseline reports whether the findings were compared
// with one.
func splitFindings(fs []Finding) (active, unchanged, suppressed []Finding, baseline bool) {
	for _, f := range fs {
		baseline = baseline || f.Baseline != ""
		switch {
		case f.Suppressed:
			suppressed = append(suppressed, f)
		case f.Baseline == BaselineUnchanged:
			unchanged = append(unchanged, f)
		default:
			active = append(active, f)
		}
	}
	for _, part := range [][]Finding{active, unchanged, suppressed} {
		slices.SortStableFunc(part, compareFindingForTable)
	}
	return active, unchanged, suppressed, baseline
}

// findings writes a findings table, in the order given: a row per finding
// and, with paths, a row per data-flow step and per call-path frame. With
// reasons, the last column is the suppression's reason.
func (h *TableHandler) findings(w *bytes.Buffer, fs []Finding, reasons bool) error {
	t := newTable(w)
	last := "MESSAGE"
	if reasons {
		last = "REASON"
	}
	t.Header("SEVERITY", "RULE", "TOOL", "POSITION", last)
	for _, f := range fs {
		tool := f.Tool
		switch {
		case tool == "" && f.Agent != "":
			tool = "agent " + f.Agent
		case tool == "":
			tool = "-"
		}
		text := f.Message
		if reasons {
			text = f.Suppression
		}
		if err := t.Append(f.Severity, f.RuleID+" "+f.Rule, tool, f.Position.short(), text); err != nil {
			return fmt.Errorf("writing table: %w", err)
		}
		if !h.paths {
			continue
		}
		for _, s := range f.Steps {
			if err := t.Append("", "", "  step", s.Position.short(), s.What); err != nil {
				return fmt.Errorf("writing table: %w", err)
			}
		}
		for i, fr := range f.Path {
			arrow := "  via"
			if i > 0 {
				arrow = "   ->"
			}
			if err := t.Append("", "", arrow, fr.Position.short(), fr.Function); err != nil {
				return fmt.Errorf("writing table: %w", err)
			}
		}
	}
	return t.flush()
}

// severityOrder ranks the severities, most severe first. An unknown
// severity sorts after them all.
var severityOrder = []string{"critical", "high", "medium", "low", "info"}

func severityRank(s string) int {
	if i := slices.Index(severityOrder, s); i >= 0 {
		return i
	}
	return len(severityOrder)
}

// compareFindingForTable orders findings for people: most severe first,
// then by rule, tool and position.
func compareFindingForTable(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(severityRank(a.Severity), severityRank(b.Severity)),
		cmp.Compare(a.Severity, b.Severity),
		cmp.Compare(a.RuleID, b.RuleID),
		cmp.Compare(a.Tool, b.Tool),
		comparePosition(a.Position, b.Position),
		compareFinding(a, b),
	)
}

// findingCounts is "0 findings", or "7 findings (2 critical, 3 high, 2
// medium)" with the severities that occur, most severe first.
func findingCounts(fs []Finding) string {
	s := plural(len(fs), "finding")
	if len(fs) == 0 {
		return s
	}
	n := map[string]int{}
	var sevs []string
	for _, f := range fs {
		if n[f.Severity] == 0 {
			sevs = append(sevs, f.Severity)
		}
		n[f.Severity]++
	}
	slices.SortFunc(sevs, func(a, b string) int {
		return cmp.Or(cmp.Compare(severityRank(a), severityRank(b)), cmp.Compare(a, b))
	})
	parts := make([]string, len(sevs))
	for i, sev := range sevs {
		if sev == "" {
			sev = "no severity"
		}
		parts[i] = strconv.Itoa(n[sevs[i]]) + " " + sev
	}
	return s + " (" + strings.Join(parts, ", ") + ")"
}

// mismatches writes the tool names that a manual-dispatch SDK's
// declarations and dispatch disagree on.
func mismatches(w *bytes.Buffer, ms []Mismatch) error {
	t := newTable(w)
	t.Header("FRAMEWORK", "NAME", "KIND", "POSITION")
	for _, m := range ms {
		if err := t.Append(m.Framework, m.Name, m.Kind, m.Position.short()); err != nil {
			return fmt.Errorf("writing table: %w", err)
		}
	}
	return t.flush()
}

// table is a borderless tablewriter table that writes to w without the
// padding tablewriter leaves at the end of lines.
type table struct {
	*tablewriter.Table
	buf bytes.Buffer
	w   *bytes.Buffer
}

func newTable(w *bytes.Buffer) *table {
	t := &table{w: w}
	t.Table = tablewriter.NewTable(&t.buf,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Borders: tw.BorderNone,
			Settings: tw.Settings{
				Separators: tw.Separators{BetweenColumns: tw.Off, BetweenRows: tw.Off},
				Lines:      tw.Lines{ShowHeaderLine: tw.Off},
			},
		})),
		tablewriter.WithConfig(tablewriter.Config{
			Header: tw.CellConfig{
				Formatting: tw.CellFormatting{AutoFormat: tw.Off, AutoWrap: tw.WrapNone},
				Alignment:  tw.CellAlignment{Global: tw.AlignLeft},
				Padding:    tw.CellPadding{Global: columnGap},
			},
			Row: tw.CellConfig{
				// Symbols and positions are never wrapped, or they could
				// not be copied or searched for.
				Formatting: tw.CellFormatting{AutoWrap: tw.WrapNone},
				Alignment:  tw.CellAlignment{Global: tw.AlignLeft},
				Padding:    tw.CellPadding{Global: columnGap},
			},
		}),
		// Leading spaces indent the path frames.
		tablewriter.WithTrimSpace(tw.Off),
	)
	return t
}

// columnGap separates the columns: two spaces, none before the first.
var columnGap = tw.Padding{Right: "  ", Overwrite: true}

// flush renders the table into w.
func (t *table) flush() error {
	if err := t.Render(); err != nil {
		return fmt.Errorf("writing table: %w", err)
	}
	for line := range bytes.Lines(t.buf.Bytes()) {
		t.w.Write(bytes.TrimRight(line, " \n"))
		t.w.WriteByte('\n')
	}
	return nil
}

// label is the tool's name as the table shows it: a name that is not the
// one the model sees is marked.
func (t Tool) label() string {
	if t.NameFrom == "handler" {
		return t.Name + " (no constant name)"
	}
	return t.Name
}

// label is the capability as the table shows it: one that model-controlled
// data reaches is marked.
func (c Capability) label() string {
	if c.Tainted {
		return c.Capability + " (tainted)"
	}
	return c.Capability
}

// short is file:line, or "-" for an unknown position.
func (p Position) short() string {
	if p.File == "" {
		return "-"
	}
	if p.Line <= 0 {
		return p.File
	}
	return p.File + ":" + strconv.Itoa(p.Line)
}

// plural is "1 tool", "2 tools", "0 capabilities".
func plural(n int, noun string) string {
	if n != 1 {
		if noun[len(noun)-1] == 'y' {
			noun = noun[:len(noun)-1] + "ie"
		}
		noun += "s"
	}
	return strconv.Itoa(n) + " " + noun
}
