package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// DOTHandler writes a [Document]'s graph in Graphviz's DOT language: the
// untrusted inputs (the model's tool calls, one node per framework), the
// tools, each tool's capability classes and the concrete sink calls, left
// to right. Red edges carry model-controlled data; solid edges lead to a
// capability that lacks a required guard, dashed ones are contained. Bigger
// boxes with thicker borders have more impact. Render it with
// `dot -Tsvg report.dot > report.svg`.
type DOTHandler struct {
	w io.Writer
}

// NewDOTHandler returns a handler that writes DOT to w.
func NewDOTHandler(w io.Writer) *DOTHandler {
	return &DOTHandler{w: w}
}

// The graph's colours, shared with the Mermaid handler: GitHub's Primer
// palette, readable on light and dark backgrounds.
const (
	graphTainted = "#cf222e"
	graphPlain   = "#8c959f"
)

// graphNodeColors are each column's fill and border colour.
var graphNodeColors = [numCols][2]string{
	colInput:      {"#ddf4ff", "#0969da"},
	colTool:       {"#fff8c5", "#9a6700"},
	colCapability: {"#fbefff", "#8250df"},
	colSink:       {"#f6f8fa", "#57606a"},
}

// tierFontSize and tierPenWidth size a node by its [node.Tier].
var (
	tierFontSize = [4]int{11, 12, 14, 16}
	tierPenWidth = [4]string{"1", "1.5", "2.5", "4"}
)

// Write writes doc's graph as DOT.
func (h *DOTHandler) Write(doc *Document) error {
	if doc == nil {
		return errNilDocument
	}
	doc = canonical(doc)
	g := newGraph(doc)
	var b bytes.Buffer
	fmt.Fprintf(&b, "// The blast radius of %s, by %s %s.\n", dotOneLine(doc.Root), dotOneLine(doc.Scanner.Name), dotOneLine(doc.Scanner.Version))
	for _, l := range graphLegend {
		b.WriteString("// " + l + "\n")
	}
	b.WriteString("digraph blastradius {\n")
	fmt.Fprintf(&b, "\tgraph [rankdir=LR, ranksep=1.1, nodesep=0.2, fontname=\"Helvetica\", labelloc=t, label=%s];\n",
		dotQuote("blast radius of "+doc.Root))
	b.WriteString("\tnode [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", margin=\"0.15,0.06\"];\n")
	b.WriteString("\tedge [arrowsize=0.7];\n")
	for col, nodes := range g.Cols {
		if len(nodes) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n\t// %s\n\t{\n\t\trank=same;\n", columnTitles[col])
		for _, n := range nodes {
			label := n.Label
			if n.Detail != "" {
				label += "\n" + n.Detail
			}
			fmt.Fprintf(&b, "\t\t%s [label=%s, tooltip=%s, fillcolor=%q, color=%q, penwidth=%s, fontsize=%d];\n",
				n.ID, dotQuote(label), dotQuote(n.Title), graphNodeColors[col][0], graphNodeColors[col][1],
				tierPenWidth[n.Tier()], tierFontSize[n.Tier()])
		}
		b.WriteString("\t}\n")
	}
	if len(g.Cols[colTool]) == 0 {
		b.WriteString("\tnone [label=\"No tools found\", shape=plaintext, style=\"\"];\n")
	}
	if len(g.Edges) > 0 {
		b.WriteString("\n")
	}
	for _, e := range g.Edges {
		color, width := graphPlain, "1.2"
		if e.Tainted {
			color, width = graphTainted, "2"
		}
		style := "solid"
		if !e.Open {
			style = "dashed"
		}
		fmt.Fprintf(&b, "\t%s -> %s [color=%q, penwidth=%s, style=%s];\n", e.From.ID, e.To.ID, color, width, style)
	}
	b.WriteString("}\n")
	if _, err := h.w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("writing DOT: %w", err)
	}
	return nil
}

// dotQuote is s as a DOT string: in double quotes, with backslashes and
// quotes escaped and each newline written \n.
func dotQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r", "", "\n", `\n`).Replace(s) + `"`
}

// dotOneLine is s with every run of white space, newlines included, made one
// space, for a comment line.
func dotOneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
