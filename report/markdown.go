package report

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Limits that keep a Markdown report within a pull request comment
// (GitHub takes 65,536 characters); the rest is counted, not listed.
// markdownBudget is in bytes, which are never fewer than characters, and
// leaves room for the lines that say what was cut.
const (
	markdownMaxTools    = 50
	markdownMaxFindings = 100
	markdownLimit       = 65536
	markdownBudget      = markdownLimit - 1024
)

// MarkdownHandler writes a [Document] as a pull request comment: a summary,
// the tools worst first (by the part of their blast radius that is not
// contained), then the findings most severe first. When the findings were
// compared with a baseline, the new ones are listed and those in the
// baseline are folded away; suppressed findings are folded away too.
//
// With opts.Summary, the tools table is one row per tool (its worst finding,
// its findings counted by severity, its capability classes), the agents and
// their toxic combinations follow, and the findings are folded away. Either
// way the comment stays under GitHub's limit: rows that would pass it are
// counted in an "and N more" line.
type MarkdownHandler struct {
	w       io.Writer
	summary bool
}

// NewMarkdownHandler returns a handler that writes Markdown to w.
func NewMarkdownHandler(w io.Writer, opts Options) *MarkdownHandler {
	return &MarkdownHandler{w: w, summary: opts.Summary}
}

// Write writes doc as Markdown.
func (h *MarkdownHandler) Write(doc *Document) error {
	if doc == nil {
		return errNilDocument
	}
	doc = canonical(doc)
	var b bytes.Buffer
	b.WriteString("## blastradius\n\n")

	sum := Summarize(doc.Tools)
	if len(doc.Tools) == 0 {
		b.WriteString(noTools(doc, func(s string) string { return "`" + s + "`" }) + "\n")
	} else {
		fmt.Fprintf(&b, "An LLM can trigger **%s**: blast radius %d, of which %d (%d%%) is contained",
			plural(len(doc.Tools), "tool"), sum.BlastRadius, sum.Contained, sum.Percent)
		if sum.Worst != "" {
			fmt.Fprintf(&b, "; the worst tool is %s", code(sum.Worst))
		}
		b.WriteString(".\n")
	}

	active, unchanged, suppressed, baseline := splitFindings(doc.Findings)
	fmt.Fprintf(&b, "\n**%s**", findingCounts(append(slices.Clone(active), unchanged...)))
	if baseline {
		fmt.Fprintf(&b, ": %d new, %d in the baseline", len(active), len(unchanged))
	}
	if len(suppressed) > 0 {
		fmt.Fprintf(&b, "; %d suppressed", len(suppressed))
	}
	b.WriteString(".\n")

	// What did not load is said whatever the size: it is written first
	// and placed last.
	var tail bytes.Buffer
	markdownTail(&tail, doc)
	// Each section may fill what the ones before it left of budget.
	budget := markdownBudget - tail.Len()

	if len(doc.Tools) > 0 {
		b.WriteString("\n### Tools, worst first\n\n")
		if h.summary {
			markdownOverview(&b, doc, budget-b.Len())
		} else {
			markdownTools(&b, doc.Tools, budget-b.Len())
		}
	}
	if len(doc.Agents) > 0 {
		b.WriteString("\n### Agents\n\n")
		markdownAgents(&b, doc, budget-b.Len())
	}
	title := "Findings"
	if baseline {
		title = "New findings"
	}
	if len(active) > 0 && h.summary {
		fmt.Fprintf(&b, "\n<details><summary>%s</summary>\n\n", findingCounts(active))
		markdownFindings(&b, active, false, budget-b.Len())
		b.WriteString("\n</details>\n")
	} else if len(active) > 0 {
		fmt.Fprintf(&b, "\n### %s\n\n", title)
		markdownFindings(&b, active, false, budget-b.Len())
	} else if baseline {
		b.WriteString("\nNo new findings since the baseline.\n")
	}
	if len(unchanged) > 0 {
		fmt.Fprintf(&b, "\n<details><summary>%s in the baseline</summary>\n\n", plural(len(unchanged), "finding"))
		markdownFindings(&b, unchanged, false, budget-b.Len())
		b.WriteString("\n</details>\n")
	}
	if len(suppressed) > 0 {
		fmt.Fprintf(&b, "\n<details><summary>%s suppressed</summary>\n\n", plural(len(suppressed), "finding"))
		markdownFindings(&b, suppressed, true, budget-b.Len())
		b.WriteString("\n</details>\n")
	}
	b.Write(tail.Bytes())
	if _, err := h.w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("writing Markdown: %w", err)
	}
	return nil
}

// markdownTail writes what did not load and the warnings.
func markdownTail(b *bytes.Buffer, doc *Document) {
	if n := len(doc.NotAnalysed); n > 0 {
		whose := "their"
		if n == 1 {
			whose = "its"
		}
		fmt.Fprintf(b, "\n**Not analysed:** %s did not load or type-check, and %s code is missing from this report.\n\n",
			plural(n, "package"), whose)
		for _, p := range doc.NotAnalysed {
			fmt.Fprintf(b, "- %s: %s\n", code(p.Package), cell(p.Error))
		}
		var incomplete []string
		for _, t := range doc.Tools {
			if len(t.Incomplete) > 0 {
				incomplete = append(incomplete, code(t.Name))
			}
		}
		if len(incomplete) > 0 {
			fmt.Fprintf(b, "\nTools that may be incomplete, as they reach code that did not load or type-check: %s.\n", strings.Join(incomplete, ", "))
		}
	}
	if n := len(doc.Warnings); n > 0 {
		fmt.Fprintf(b, "\n%s: some packages did not load; the result may be incomplete.\n", plural(n, "warning"))
	}
}

// rowWriter writes a table's rows while they fit in budget bytes, and then
// says how many it left out.
type rowWriter struct {
	b      *bytes.Buffer
	budget int
	max    int
	start  int
	n, cut int
}

func newRowWriter(b *bytes.Buffer, budget, max int) *rowWriter {
	return &rowWriter{b: b, budget: budget, max: max, start: b.Len()}
}

// row writes one row, unless an earlier row was cut or this one would pass
// the budget or the row limit.
func (r *rowWriter) row(line string) {
	if r.cut > 0 || r.n == r.max || r.b.Len()-r.start+len(line) > r.budget {
		r.cut++
		return
	}
	r.b.WriteString(line)
	r.n++
}

// close says how many rows were left out.
func (r *rowWriter) close() {
	if r.cut > 0 {
		fmt.Fprintf(r.b, "\nand %d more.\n", r.cut)
	}
}

// markdownTools writes the tools table, the largest uncontained blast
// radius first.
func markdownTools(b *bytes.Buffer, tools []Tool, budget int) {
	tools = slices.Clone(tools)
	slices.SortStableFunc(tools, func(a, b Tool) int {
		return cmp.Or(
			-cmp.Compare(a.Score.BlastRadius-a.Score.Contained, b.Score.BlastRadius-b.Score.Contained),
			-cmp.Compare(a.Score.BlastRadius, b.Score.BlastRadius),
			compareTool(a, b),
		)
	})
	b.WriteString("| Tool | Framework | Uncontained | Blast radius | Contained | Capabilities |\n")
	b.WriteString("|---|---|---:|---:|---:|---|\n")
	rw := newRowWriter(b, budget, markdownMaxTools)
	for _, t := range tools {
		rw.row(fmt.Sprintf("| %s | %s | %d | %d | %d%% | %s |\n", code(t.label()), cell(t.Framework),
			t.Score.BlastRadius-t.Score.Contained, t.Score.BlastRadius, t.Score.Percent, cell(capabilitySummary(t))))
	}
	rw.close()
}

// markdownOverview writes one row per tool, worst first: its worst
// finding, its findings by severity, its capability classes.
func markdownOverview(b *bytes.Buffer, doc *Document, budget int) {
	b.WriteString("| Tool | Worst finding | Findings | Capabilities | Uncontained |\n")
	b.WriteString("|---|---|---|---|---:|\n")
	rw := newRowWriter(b, budget, len(doc.Tools))
	for _, o := range overviews(doc) {
		caps := cellsLabel(o.Cells)
		if len(o.Tool.Incomplete) > 0 {
			caps += " (incomplete)"
		}
		rw.row(fmt.Sprintf("| %s | %s | %s | %s | %d |\n", code(o.Tool.label()), cell(o.worstLabel()),
			compactCounts(o.Findings), cell(caps), o.Tool.Score.BlastRadius-o.Tool.Score.Contained))
	}
	rw.close()
	b.WriteString("\n\\* tainted, ! missing a guard; findings C critical, H high, M medium, L low, I info.\n")
}

// markdownAgents writes one row per agent: its kind, its tools and its
// toxic combination, with each leg's tool.
func markdownAgents(b *bytes.Buffer, doc *Document, budget int) {
	b.WriteString("| Agent | Kind | Tools | Toxic combination |\n")
	b.WriteString("|---|---|---:|---|\n")
	byAgent := agentFindings(doc)
	rw := newRowWriter(b, budget, len(doc.Agents))
	for _, a := range doc.Agents {
		combo := "none"
		if fs := byAgent[a.Name]; len(fs) > 0 {
			combo = fs[0].RuleID + " " + fs[0].Severity + ": " + legsLabel(fs[0])
		}
		rw.row(fmt.Sprintf("| %s | %s | %d | %s |\n", code(a.Name), cell(a.Kind+" "+a.Framework), len(a.Tools), cell(combo)))
	}
	rw.close()
}

// capabilitySummary lists a tool's capability classes once each, marking
// those that model-controlled data reaches: "exec (tainted), network".
func capabilitySummary(t Tool) string {
	tainted := map[string]bool{}
	var names []string
	for _, c := range t.Capabilities {
		if _, seen := tainted[c.Capability]; !seen {
			names = append(names, c.Capability)
		}
		tainted[c.Capability] = tainted[c.Capability] || c.Tainted
	}
	for i, n := range names {
		if tainted[n] {
			names[i] = n + " (tainted)"
		}
	}
	if len(t.Incomplete) > 0 {
		// Never "none" for a tool whose code did not all load.
		names = append(names, "incomplete: code did not load")
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// markdownFindings writes a findings table; with reasons, the last column
// is the suppression's reason rather than the message.
func markdownFindings(b *bytes.Buffer, fs []Finding, reasons bool, budget int) {
	last := "Message"
	if reasons {
		last = "Reason"
	}
	fmt.Fprintf(b, "| Severity | Rule | Tool | Position | %s |\n", last)
	b.WriteString("|---|---|---|---|---|\n")
	rw := newRowWriter(b, budget, markdownMaxFindings)
	defer rw.close()
	for _, f := range fs {
		tool := "-"
		if f.Tool != "" {
			tool = code(f.Tool)
		} else if f.Agent != "" {
			tool = "agent " + code(f.Agent)
		}
		text := f.Message
		if reasons {
			text = f.Suppression
		}
		rw.row(fmt.Sprintf("| %s | %s %s | %s | %s | %s |\n", cell(f.Severity), f.RuleID, code(f.Rule), tool,
			code(f.Position.short()), cell(text)))
	}
}

// code is s as a Markdown code span, safe in a table cell.
func code(s string) string {
	if s == "" {
		return ""
	}
	s = strings.ReplaceAll(oneLineCell(s), "|", `\|`)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// cell is s as plain text in a table cell: Markdown's punctuation is
// escaped, so that "(*sql.DB).Exec ... (*http.Client).Do" is not set in
// italics.
func cell(s string) string {
	var b strings.Builder
	for _, r := range oneLineCell(s) {
		if strings.ContainsRune("\\`*_[]<>|~#", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func oneLineCell(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
