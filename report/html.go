package report

import (
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// HTMLHandler writes a [Document] as one self-contained HTML page: a
// matrix of the tools (one row per tool, grouped by agent, worst first) by
// capability class with the agents' toxic combinations above it, the
// graph of [DOTHandler] drawn as inline SVG, a panel per tool (its
// capabilities, their guards present and missing, witness paths and
// findings) that clicking the tool in the graph opens, and the findings in
// a table that sorts and filters by severity, rule and tool. Styles and
// scripts are inline and a Content-Security-Policy forbids every fetch, so
// the page works from file:// and as a CI artifact. It follows the
// system's light or dark theme and prints with every panel open.
type HTMLHandler struct {
	w     io.Writer
	rules map[string]RuleInfo
}

// NewHTMLHandler returns a handler that writes HTML to w. The rules in
// opts.Rules give the findings' rules a summary and a link.
func NewHTMLHandler(w io.Writer, opts Options) *HTMLHandler {
	h := &HTMLHandler{w: w, rules: map[string]RuleInfo{}}
	for _, r := range opts.Rules {
		h.rules[r.ID] = r
	}
	return h
}

var (
	//go:embed assets/report.html.tmpl
	htmlTemplateText string
	//go:embed assets/report.css
	htmlCSS string
	//go:embed assets/report.js
	htmlJS string

	htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
		"pos": Position.short,
	}).Parse(htmlTemplateText))
)

// Write writes doc as an HTML page.
func (h *HTMLHandler) Write(doc *Document) error {
	if doc == nil {
		return errNilDocument
	}
	doc = canonical(doc)
	page := h.page(doc)
	var b bytes.Buffer
	if err := htmlTemplate.Execute(&b, page); err != nil {
		return fmt.Errorf("writing HTML: %w", err)
	}
	if _, err := h.w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("writing HTML: %w", err)
	}
	return nil
}

// htmlPage is what the template shows.
type htmlPage struct {
	Doc *Document
	// NoTools is what the page says when there is no tool.
	NoTools          template.HTML
	Summary          Summary
	CapabilityCounts string
	FindingCounts    string
	Graph            htmlGraph
	Legend           []string
	Tools            []htmlTool
	Findings         []htmlFinding
	// Matrix is the table of tools by capability the page opens on;
	// MatrixWidth its number of columns.
	Matrix      htmlMatrix
	MatrixWidth int
	// Incomplete are the tools that reach code that did not load.
	Incomplete []htmlTool
	// Severities, Rules and ToolNames are the filters' choices, in table
	// order; NoTool is true when a finding belongs to no tool.
	Severities []string
	Rules      []htmlRule
	ToolNames  []string
	NoTool     bool
	// State is true when some finding was compared with a baseline or
	// suppressed, to show the column that says so.
	State bool
	CSS   template.CSS
	JS    template.JS
}

// htmlTool is a tool's panel.
type htmlTool struct {
	Tool
	Index    int
	Findings []htmlFinding
	// Caps are the capabilities with what the panel shows of them.
	Caps []htmlCapability
}

// htmlCapability is one capability row of a tool's panel.
type htmlCapability struct {
	Capability
	Impact int
	// Protecting are the guards that dominate the sink; Other the
	// guards found on the path that do not.
	Protecting, Other []Guard
}

// htmlFinding is a finding as a row of a table.
type htmlFinding struct {
	Finding
	Rank    int
	RuleDoc RuleInfo
	// SortPosition sorts positions by file, then line as a number.
	SortPosition string
	// State is "new", "in baseline", "suppressed" or "".
	State string
}

// htmlRule is a choice of the rule filter.
type htmlRule struct{ ID, Name string }

// page gathers everything the template shows.
func (h *HTMLHandler) page(doc *Document) *htmlPage {
	p := &htmlPage{
		Doc:              doc,
		Summary:          Summarize(doc.Tools),
		CapabilityCounts: capabilityCounts(doc.Tools),
		FindingCounts:    findingCounts(doc.Findings),
		Legend:           graphLegend,
		NoTools:          template.HTML(noTools(doc, func(s string) string { return "<code>" + template.HTMLEscapeString(s) + "</code>" })),
		CSS:              template.CSS(htmlCSS),
		JS:               template.JS(htmlJS),
	}
	p.Graph = layoutGraph(newGraph(doc))
	p.Matrix = matrix(doc)
	p.MatrixWidth = 3 + len(p.Matrix.Columns)

	fs := slices.Clone(doc.Findings)
	slices.SortStableFunc(fs, compareFindingForTable)
	byTool := map[string][]htmlFinding{}
	seenRule := map[string]bool{}
	for _, f := range fs {
		hf := htmlFinding{
			Finding:      f,
			Rank:         severityRank(f.Severity),
			RuleDoc:      h.rules[f.RuleID],
			SortPosition: fmt.Sprintf("%s:%09d:%09d", f.Position.File, f.Position.Line, f.Position.Column),
		}
		switch {
		case f.Suppressed:
			hf.State = "suppressed"
		case f.Baseline == BaselineNew:
			hf.State = "new"
		case f.Baseline == BaselineUnchanged:
			hf.State = "in baseline"
		}
		p.State = p.State || hf.State != ""
		p.Findings = append(p.Findings, hf)
		byTool[f.Tool] = append(byTool[f.Tool], hf)
		if f.Tool == "" {
			p.NoTool = true
		}
		if !slices.Contains(p.Severities, f.Severity) {
			p.Severities = append(p.Severities, f.Severity)
		}
		if !seenRule[f.RuleID] {
			seenRule[f.RuleID] = true
			p.Rules = append(p.Rules, htmlRule{f.RuleID, f.Rule})
		}
	}
	slices.SortFunc(p.Rules, func(a, b htmlRule) int { return cmp.Compare(a.ID, b.ID) })

	for i, t := range doc.Tools {
		ht := htmlTool{Tool: t, Index: i, Findings: byTool[t.Name]}
		for _, c := range t.Capabilities {
			hc := htmlCapability{Capability: c, Impact: Impact(c)}
			for _, g := range c.Guards {
				if g.Dominates {
					hc.Protecting = append(hc.Protecting, g)
				} else {
					hc.Other = append(hc.Other, g)
				}
			}
			ht.Caps = append(ht.Caps, hc)
		}
		p.Tools = append(p.Tools, ht)
		if len(t.Incomplete) > 0 {
			p.Incomplete = append(p.Incomplete, ht)
		}
		if !slices.Contains(p.ToolNames, t.Name) {
			p.ToolNames = append(p.ToolNames, t.Name)
		}
	}
	// A finding may name a tool that the document does not list.
	for _, f := range fs {
		if f.Tool != "" && !slices.Contains(p.ToolNames, f.Tool) {
			p.ToolNames = append(p.ToolNames, f.Tool)
		}
	}
	slices.Sort(p.ToolNames)
	return p
}

// htmlGraph is the graph laid out for SVG, in pixels.
type htmlGraph struct {
	Width, Height int
	Columns       []htmlColumn
	Nodes         []htmlNode
	Edges         []htmlEdge
}

// htmlColumn is a column's title and where it starts.
type htmlColumn struct {
	X     int
	Title string
}

// htmlNode is a node's box. Text baselines are absolute.
type htmlNode struct {
	*node
	Kind          string
	X, Y, W, H    int
	TextX         int
	LabelY        int
	DetailY       int
	FontSize      int
	ShortLabel    string
	ShortDetail   string
	ToolIndex     int // the tool's index, for a tool node; -1 otherwise
	ToolsAttr     string
	Truncated     bool
	StrokeWidthPx string
}

// htmlEdge is an edge's path.
type htmlEdge struct {
	D     string
	Class string
	Tool  int
}

// Layout sizes, in pixels. The graph's text is monospace, whose glyphs
// are about 0.6em wide, so that boxes fit their labels without measuring.
const (
	layoutMargin     = 12
	layoutHeader     = 30 // room for the column titles
	layoutColumnGap  = 80
	layoutPadX       = 10
	layoutNodeGap    = 10
	layoutBlockGap   = 18 // between one tool's block and the next
	layoutDetailSize = 11
	layoutMaxChars   = 44 // longer labels are cut, the tooltip has them whole
)

// layoutGraph places the nodes in four columns. Each tool is centred on
// the block of its capabilities; inputs and sinks sit at the mean height
// of the nodes that lead to them, pushed down just enough not to overlap.
func layoutGraph(g *graph) htmlGraph {
	hn := map[*node]*htmlNode{}
	var out htmlGraph
	x := layoutMargin
	for col, nodes := range g.Cols {
		width := 0
		var made []*htmlNode
		for _, n := range nodes {
			m := &htmlNode{node: n, Kind: mermaidClassPrefix[col], ToolIndex: -1, FontSize: tierFontSize[n.Tier()]}
			m.ShortLabel, m.Truncated = truncate(n.Label, layoutMaxChars)
			var cut bool
			m.ShortDetail, cut = truncate(n.Detail, layoutMaxChars+8)
			m.Truncated = m.Truncated || cut
			w := textWidth(m.ShortLabel, m.FontSize)
			m.H = m.FontSize + 2*(7+2*n.Tier())
			if n.Detail != "" {
				w = max(w, textWidth(m.ShortDetail, layoutDetailSize))
				m.H += layoutDetailSize + 5
			}
			width = max(width, w+2*layoutPadX)
			m.StrokeWidthPx = tierPenWidth[n.Tier()]
			if col == colTool {
				m.ToolIndex = n.Tools[0]
			}
			strs := make([]string, len(n.Tools))
			for i, t := range n.Tools {
				strs[i] = strconv.Itoa(t)
			}
			m.ToolsAttr = strings.Join(strs, " ")
			hn[n] = m
			made = append(made, m)
		}
		if len(nodes) == 0 {
			width = textWidth(columnTitles[col], 12)
		}
		width = max(width, textWidth(columnTitles[col], 12))
		for _, m := range made {
			m.X, m.W = x, width
			m.TextX = x + layoutPadX
		}
		out.Columns = append(out.Columns, htmlColumn{X: x, Title: columnTitles[col]})
		x += width + layoutColumnGap
	}
	out.Width = x - layoutColumnGap + layoutMargin

	// Tools and their capabilities, block by block.
	caps := map[*node][]*htmlNode{}
	parents := map[*node][]*htmlNode{}
	for _, e := range g.Edges {
		if e.From.Col == colTool {
			caps[e.From] = append(caps[e.From], hn[e.To])
		}
		parents[e.To] = append(parents[e.To], hn[e.From])
	}
	y := layoutHeader
	for _, t := range g.Cols[colTool] {
		tm := hn[t]
		capH := 0
		for i, c := range caps[t] {
			if i > 0 {
				capH += layoutNodeGap
			}
			capH += c.H
		}
		block := max(tm.H, capH)
		tm.Y = y + (block-tm.H)/2
		cy := y + (block-capH)/2
		for _, c := range caps[t] {
			c.Y = cy
			cy += c.H + layoutNodeGap
		}
		y += block + layoutBlockGap
	}
	bottom := y - layoutBlockGap
	for _, col := range []int{colInput, colSink} {
		nodes := slices.Clone(g.Cols[col])
		want := map[*node]int{}
		for _, n := range nodes {
			sum := 0
			ps := parents[n]
			if col == colInput {
				ps = nil
				for _, e := range g.Edges {
					if e.From == n {
						ps = append(ps, hn[e.To])
					}
				}
			}
			for _, p := range ps {
				sum += p.Y + p.H/2
			}
			if len(ps) > 0 {
				want[n] = sum/len(ps) - hn[n].H/2
			}
		}
		slices.SortStableFunc(nodes, func(a, b *node) int { return cmp.Compare(want[a], want[b]) })
		y := layoutHeader
		for _, n := range nodes {
			m := hn[n]
			m.Y = max(want[n], y)
			y = m.Y + m.H + layoutNodeGap
		}
		bottom = max(bottom, y-layoutNodeGap)
	}
	out.Height = bottom + layoutMargin

	for col := range g.Cols {
		for _, n := range g.Cols[col] {
			m := hn[n]
			// Baselines: a glyph's ascent is about 0.8em.
			m.LabelY = m.Y + 7 + 2*n.Tier() + m.FontSize*4/5
			if n.Detail != "" {
				m.DetailY = m.LabelY + m.FontSize/5 + 5 + layoutDetailSize*4/5
			}
			out.Nodes = append(out.Nodes, *m)
		}
	}
	for _, e := range g.Edges {
		a, b := hn[e.From], hn[e.To]
		x1, y1 := a.X+a.W, a.Y+a.H/2
		x2, y2 := b.X-4, b.Y+b.H/2 // the arrowhead ends at the box
		mx := (x1 + x2) / 2
		out.Edges = append(out.Edges, htmlEdge{
			D:     fmt.Sprintf("M%d %dC%d %d %d %d %d %d", x1, y1, mx, y1, mx, y2, x2, y2),
			Class: e.Class(),
			Tool:  e.Tool,
		})
	}
	return out
}

// textWidth is the width of s in a monospace font of size px.
func textWidth(s string, px int) int {
	return (utf8.RuneCountInString(s)*px*6 + 9) / 10
}

// truncate cuts s to n runes, the last an ellipsis, and reports whether it
// did.
func truncate(s string, n int) (string, bool) {
	if utf8.RuneCountInString(s) <= n {
		return s, false
	}
	r := []rune(s)
	return string(r[:n-1]) + "…", true
}
