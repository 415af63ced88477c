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
const (
	markdownMaxTools    = 50
	markdownMaxFindings = 100
)

// MarkdownHandler writes a [Document] as a pull request comment: a summary,
// the tools worst first (by the part of their blast radius that is not
// contained), then the findings most severe first. When the findings were
// compared with a baseline, the new ones are listed and those in the
// baseline are folded away; suppressed findings are folded away too.
type MarkdownHandler struct {
	w io.Writer
}

// NewMarkdownHandler returns a handler that writes Markdown to w.
func NewMarkdownHandler(w io.Writer) *MarkdownHandler {
	return &MarkdownHandler{w: w}
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
		b.WriteString("No tools found: the scanned packages have no LLM tool registration or `//blastradius:tool` directive.\n")
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

	if len(doc.Tools) > 0 {
		b.WriteString("\n### Tools, worst first\n\n")
		markdownTools(&b, doc.Tools)
	}
	title := "Findings"
	if baseline {
		title = "New findings"
	}
	if len(active) > 0 {
		fmt.Fprintf(&b, "\n### %s\n\n", title)
		markdownFindings(&b, active, false)
	} else if baseline {
		b.WriteString("\nNo new findings since the baseline.\n")
	}
	if len(unchanged) > 0 {
		fmt.Fprintf(&b, "\n<details><summary>%s in the baseline</summary>\n\n", plural(len(unchanged), "finding"))
		markdownFindings(&b, unchanged, false)
		b.WriteString("\n</details>\n")
	}
	if len(suppressed) > 0 {
		fmt.Fprintf(&b, "\n<details><summary>%s suppressed</summary>\n\n", plural(len(suppressed), "finding"))
		markdownFindings(&b, suppressed, true)
		b.WriteString("\n</details>\n")
	}
	if n := len(doc.NotAnalysed); n > 0 {
		whose := "their"
		if n == 1 {
			whose = "its"
		}
		fmt.Fprintf(&b, "\n**Not analysed:** %s did not load or type-check, and %s code is missing from this report.\n\n",
			plural(n, "package"), whose)
		for _, p := range doc.NotAnalysed {
			fmt.Fprintf(&b, "- %s: %s\n", code(p.Package), cell(p.Error))
		}
		var incomplete []string
		for _, t := range doc.Tools {
			if len(t.Incomplete) > 0 {
				incomplete = append(incomplete, code(t.Name))
			}
		}
		if len(incomplete) > 0 {
			fmt.Fprintf(&b, "\nTools that may be incomplete, as they reach code that did not load or type-check: %s.\n", strings.Join(incomplete, ", "))
		}
	}
	if n := len(doc.Warnings); n > 0 {
		fmt.Fprintf(&b, "\n%s: some packages did not load; the result may be incomplete.\n", plural(n, "warning"))
	}
	if _, err := h.w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("writing Markdown: %w", err)
	}
	return nil
}

// markdownTools writes the tools table, the largest uncontained blast
// radius first.
func markdownTools(b *bytes.Buffer, tools []Tool) {
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
	for i, t := range tools {
		if i == markdownMaxTools {
			fmt.Fprintf(b, "\nand %d more.\n", len(tools)-i)
			break
		}
		fmt.Fprintf(b, "| %s | %s | %d | %d | %d%% | %s |\n", code(t.label()), cell(t.Framework),
			t.Score.BlastRadius-t.Score.Contained, t.Score.BlastRadius, t.Score.Percent, cell(capabilitySummary(t)))
	}
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
func markdownFindings(b *bytes.Buffer, fs []Finding, reasons bool) {
	last := "Message"
	if reasons {
		last = "Reason"
	}
	fmt.Fprintf(b, "| Severity | Rule | Tool | Position | %s |\n", last)
	b.WriteString("|---|---|---|---|---|\n")
	for i, f := range fs {
		if i == markdownMaxFindings {
			fmt.Fprintf(b, "\nand %d more.\n", len(fs)-i)
			break
		}
		tool := "-"
		if f.Tool != "" {
			tool = code(f.Tool)
		}
		text := f.Message
		if reasons {
			text = f.Suppression
		}
		fmt.Fprintf(b, "| %s | %s %s | %s | %s | %s |\n", cell(f.Severity), f.RuleID, code(f.Rule), tool,
			code(f.Position.short()), cell(text))
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
