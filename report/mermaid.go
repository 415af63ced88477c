package report

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// MermaidHandler writes a [Document]'s graph as a Mermaid flowchart, which
// GitHub renders inside Markdown (put it in a ```mermaid block): the same
// graph as [DOTHandler], with the same colours and sizes. Contained edges
// are dotted.
type MermaidHandler struct {
	w io.Writer
}

// NewMermaidHandler returns a handler that writes Mermaid to w.
func NewMermaidHandler(w io.Writer) *MermaidHandler {
	return &MermaidHandler{w: w}
}

// mermaidClassPrefix names each column's node classes: "tool2" is a tool
// of tier 2.
var mermaidClassPrefix = [numCols]string{"input", "tool", "capability", "sink"}

// Write writes doc's graph as a Mermaid flowchart.
func (h *MermaidHandler) Write(doc *Document) error {
	if doc == nil {
		return errNilDocument
	}
	doc = canonical(doc)
	g := newGraph(doc)
	var b bytes.Buffer
	b.WriteString("flowchart LR\n")
	fmt.Fprintf(&b, "    %%%% The blast radius of %s, by %s %s.\n",
		mermaidComment(doc.Root), mermaidComment(doc.Scanner.Name), mermaidComment(doc.Scanner.Version))
	for _, l := range graphLegend {
		b.WriteString("    %% " + l + "\n")
	}
	// Class definitions come first in use order, so that the output
	// depends on the graph only.
	type class struct{ col, tier int }
	var classes []class
	used := map[class]bool{}
	for col, nodes := range g.Cols {
		if len(nodes) == 0 {
			continue
		}
		fmt.Fprintf(&b, "    %%%% %s\n", columnTitles[col])
		for _, n := range nodes {
			label := mermaidText(n.Label)
			if n.Detail != "" {
				label += "<br/>" + mermaidText(n.Detail)
			}
			c := class{col, n.Tier()}
			if !used[c] {
				used[c] = true
				classes = append(classes, c)
			}
			fmt.Fprintf(&b, "    %s[\"%s\"]:::%s%d\n", n.ID, label, mermaidClassPrefix[col], c.tier)
		}
	}
	if len(g.Cols[colTool]) == 0 {
		b.WriteString("    none[\"No tools found\"]\n")
	}
	var tainted, plain []string
	for i, e := range g.Edges {
		arrow := "-->"
		if !e.Open {
			arrow = "-.->"
		}
		fmt.Fprintf(&b, "    %s %s %s\n", e.From.ID, arrow, e.To.ID)
		if e.Tainted {
			tainted = append(tainted, strconv.Itoa(i))
		} else {
			plain = append(plain, strconv.Itoa(i))
		}
	}
	for _, c := range classes {
		fmt.Fprintf(&b, "    classDef %s%d fill:%s,stroke:%s,stroke-width:%spx,color:#1f2328,font-size:%dpx\n",
			mermaidClassPrefix[c.col], c.tier, graphNodeColors[c.col][0], graphNodeColors[c.col][1],
			tierPenWidth[c.tier], tierFontSize[c.tier]+2)
	}
	if len(tainted) > 0 {
		fmt.Fprintf(&b, "    linkStyle %s stroke:%s,stroke-width:2.5px\n", strings.Join(tainted, ","), graphTainted)
	}
	if len(plain) > 0 {
		fmt.Fprintf(&b, "    linkStyle %s stroke:%s,stroke-width:1.5px\n", strings.Join(plain, ","), graphPlain)
	}
	if _, err := h.w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("writing Mermaid: %w", err)
	}
	return nil
}

// mermaidText makes s safe inside a quoted Mermaid label: quotes, angle
// brackets, ampersands, hashes and backquotes become Mermaid's entity codes
// (#quot; and so on), so that neither Mermaid nor GitHub's HTML sanitizer
// reads them, and newlines become spaces.
var mermaidText = strings.NewReplacer(
	`"`, "#quot;", "<", "#lt;", ">", "#gt;", "&", "#amp;", "#", "#35;", "`", "#96;",
	"\r", " ", "\n", " ",
).Replace

// mermaidComment is s on one line, for a %% comment, with the characters
// of [mermaidText] replaced too: a Markdown fence (```) would end GitHub's
// mermaid block.
func mermaidComment(s string) string {
	return mermaidText(strings.Join(strings.Fields(s), " "))
}
