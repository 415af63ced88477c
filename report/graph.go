package report

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// impactOf weighs what a capability class can do: the one table behind
// severities, [Score.BlastRadius] (the analyzer sums [Impact]) and the
// picture.
var impactOf = map[string]int{
	"exec": 5, "payment": 5, "db-write": 4, "fs-write": 4, "cloud-write": 4, "email": 3,
	"network": 3, "env": 2, "db-read": 2, "fs-read": 2, "cloud-read": 2,
}

// Impact is what one capability adds to its tool's blast radius: the
// weight of its class (exec and payment 5, writes 4, e-mail and network 3,
// reads and env 2), doubled when it is tainted.
func Impact(c Capability) int {
	w := impactOf[c.Capability]
	if c.Tainted {
		w *= 2
	}
	return w
}

// HighImpact reports whether a capability class acts on the world: it runs
// processes, pays, writes (files, databases, cloud resources) or sends
// e-mail.
func HighImpact(capability string) bool {
	return impactOf[capability] >= 3 && capability != "network"
}

// capabilityCounts is "0 capabilities", or "4 capabilities (2 high-impact,
// 1 unguarded, 2 tainted)": how many act on the world, how many lack a
// required guard and how many model-controlled data reaches.
func capabilityCounts(tools []Tool) string {
	var n, high, open, tainted int
	for _, t := range tools {
		for _, c := range t.Capabilities {
			n++
			if HighImpact(c.Capability) {
				high++
			}
			if len(c.MissingGuards) > 0 {
				open++
			}
			if c.Tainted {
				tainted++
			}
		}
	}
	s := plural(n, "capability")
	if n == 0 {
		return s
	}
	return fmt.Sprintf("%s (%d high-impact, %d unguarded, %d tainted)", s, high, open, tainted)
}

// The columns of a [graph], left to right.
const (
	colInput = iota
	colTool
	colCapability
	colSink
	numCols
)

// columnTitles name the columns, for people.
var columnTitles = [numCols]string{"Untrusted input", "Tools", "Capabilities", "Sinks"}

// graph is the picture that the dot, mermaid and html formats draw: the
// untrusted inputs (the model's tool calls: one node per agent that holds
// tools, one per framework for the tools in no agent), the
// tools, each tool's capability classes and the concrete sink calls, with
// an edge wherever one reaches the next.
type graph struct {
	// Cols holds the nodes of each column, in drawing order (top to
	// bottom): inputs by first use, tools as the document sorts them, each
	// tool's capabilities under it, sinks by first use.
	Cols [numCols][]*node
	// Edges run from a column to the next one, in the order of their
	// tool, then of their target.
	Edges []*edge
}

// node is one box of the graph.
type node struct {
	// ID is unique in the graph and safe in dot, Mermaid and HTML: in0,
	// t0, c0, s0, numbered in drawing order.
	ID  string
	Col int
	// Label is the first line; Detail the second, or "".
	Label, Detail string
	// Title is the longer description for a tooltip.
	Title string
	// Weight is the node's impact: a tool's blast radius, the sum of a
	// capability node's [Impact]s, the largest impact of the
	// capabilities that reach a sink, the sum of an input's tools' blast
	// radius.
	Weight int
	// Tools are the indexes in Document.Tools of the tools the node
	// belongs to, increasing; a tool node's is its own.
	Tools []int
}

// Tier is the node's size class, 0 (no impact) to 3, so that every format
// draws sizes alike.
func (n *node) Tier() int {
	switch {
	case n.Weight <= 0:
		return 0
	case n.Weight <= 4:
		return 1
	case n.Weight <= 9:
		return 2
	}
	return 3
}

// edge is one arrow of the graph.
type edge struct {
	From, To *node
	// Tool is the index in Document.Tools of the tool the edge belongs
	// to: every edge belongs to exactly one.
	Tool int
	// Tainted is true when model-controlled data flows along the edge:
	// into a tool that has inputs, to a capability or sink that it
	// reaches.
	Tainted bool
	// Open is true when some capability behind the edge lacks a required
	// guard; false when guards contain everything it leads to.
	Open bool
}

// Class is the edge's style class, "tainted open", "plain contained", ...
func (e *edge) Class() string {
	taint, guard := "plain", "contained"
	if e.Tainted {
		taint = "tainted"
	}
	if e.Open {
		guard = "open"
	}
	return taint + " " + guard
}

// newGraph builds the graph of a canonical document.
func newGraph(doc *Document) *graph {
	g := &graph{}
	add := func(col int, prefix string) *node {
		n := &node{ID: prefix + strconv.Itoa(len(g.Cols[col])), Col: col}
		g.Cols[col] = append(g.Cols[col], n)
		return n
	}
	inputs := map[string]*node{}
	type sinkKey struct {
		sink string
		pos  Position
	}
	sinks := map[sinkKey]*node{}
	// The model behind each agent is one input: the tools it holds are
	// called by the same model. A tool in no agent hangs from its
	// framework's.
	held := map[string][]Agent{}
	for _, a := range doc.Agents {
		for _, name := range a.Tools {
			held[name] = append(held[name], a)
		}
	}
	for ti, t := range doc.Tools {
		var ins []*node
		for _, a := range held[t.Name] {
			in := inputs["agent\x00"+a.Name]
			if in == nil {
				in = add(colInput, "in")
				in.Label = "LLM tool calls"
				in.Detail = "agent " + a.Name
				in.Title = fmt.Sprintf("Model-controlled input: the tool calls of agent %s (%s, %s), which holds %s",
					a.Name, a.Kind, a.Framework, plural(len(a.Tools), "tool"))
				inputs["agent\x00"+a.Name] = in
			}
			ins = append(ins, in)
		}
		if len(ins) == 0 {
			in := inputs[t.Framework]
			if in == nil {
				in = add(colInput, "in")
				in.Label = "LLM tool calls"
				in.Detail = t.Framework
				in.Title = "Model-controlled input: the arguments of " + t.Framework + " tool calls"
				inputs[t.Framework] = in
			}
			ins = append(ins, in)
		}
		for _, in := range ins {
			in.Weight += t.Score.BlastRadius
			in.Tools = append(in.Tools, ti)
		}

		tn := add(colTool, "t")
		tn.Label = t.label()
		tn.Detail = fmt.Sprintf("blast radius %d, %d%% contained", t.Score.BlastRadius, t.Score.Percent)
		tn.Weight = t.Score.BlastRadius
		tn.Tools = []int{ti}
		tn.Title = t.Name + ": " + t.Handler
		if len(t.Inputs) > 0 {
			tn.Title += "; model input in " + strings.Join(t.Inputs, ", ")
		}
		var inEdges []*edge
		for _, in := range ins {
			inEdges = append(inEdges, &edge{From: in, To: tn, Tool: ti, Tainted: len(t.Inputs) > 0})
		}
		g.Edges = append(g.Edges, inEdges...)

		// Capabilities are sorted by class, so each class is one run.
		for caps := range runsBy(t.Capabilities, func(c Capability) string { return c.Capability }) {
			cn := add(colCapability, "c")
			cn.Label = caps[0].Capability
			cn.Tools = []int{ti}
			capEdge := &edge{From: tn, To: cn, Tool: ti}
			g.Edges = append(g.Edges, capEdge)
			var missing []string
			var sinkEdges []*edge
			for _, c := range caps {
				w := Impact(c)
				cn.Weight += w
				open := len(c.MissingGuards) > 0
				capEdge.Tainted = capEdge.Tainted || c.Tainted
				capEdge.Open = capEdge.Open || open
				for _, e := range inEdges {
					e.Open = e.Open || open
				}
				for _, m := range c.MissingGuards {
					if !slices.Contains(missing, m) {
						missing = append(missing, m)
					}
				}

				k := sinkKey{c.Sink, c.Position}
				sn := sinks[k]
				if sn == nil {
					sn = add(colSink, "s")
					sn.Label = c.Sink
					sn.Detail = c.Position.short()
					sn.Title = c.Sink + " at " + c.Position.short()
					sinks[k] = sn
				}
				sn.Weight = max(sn.Weight, w)
				if !slices.Contains(sn.Tools, ti) {
					sn.Tools = append(sn.Tools, ti)
				}
				i := slices.IndexFunc(sinkEdges, func(e *edge) bool { return e.To == sn })
				if i < 0 {
					sinkEdges = append(sinkEdges, &edge{From: cn, To: sn, Tool: ti})
					i = len(sinkEdges) - 1
				}
				sinkEdges[i].Tainted = sinkEdges[i].Tainted || c.Tainted
				sinkEdges[i].Open = sinkEdges[i].Open || open
			}
			g.Edges = append(g.Edges, sinkEdges...)
			cn.Title = fmt.Sprintf("%s: %s, impact %d", t.Name, cn.Label, cn.Weight)
			if capEdge.Tainted {
				cn.Detail = "tainted"
			}
			if len(missing) > 0 {
				cn.Title += "; missing guards: " + strings.Join(missing, ", ")
			} else {
				cn.Title += "; contained by its guards"
			}
		}
	}
	// Edges in the order of their tool, then of their source's and
	// target's columns and positions, so that every format lists them
	// alike.
	slices.SortStableFunc(g.Edges, func(a, b *edge) int {
		return cmp.Or(
			cmp.Compare(a.Tool, b.Tool),
			cmp.Compare(a.From.Col, b.From.Col),
			cmp.Compare(g.pos(a.To), g.pos(b.To)),
		)
	})
	return g
}

// pos is n's position in its column.
func (g *graph) pos(n *node) int {
	return slices.Index(g.Cols[n.Col], n)
}

// runsBy yields the runs of consecutive elements of s with the same key.
func runsBy[T any](s []T, key func(T) string) func(yield func([]T) bool) {
	return func(yield func([]T) bool) {
		for i := 0; i < len(s); {
			j := i + 1
			for j < len(s) && key(s[j]) == key(s[i]) {
				j++
			}
			if !yield(s[i:j]) {
				return
			}
			i = j
		}
	}
}

// graphLegend explains the styles, in the words every format uses.
var graphLegend = []string{
	"Columns: untrusted input, tools, capabilities, sinks.",
	"Red edges carry model-controlled data; grey edges do not.",
	"Solid edges lead to a capability that lacks a required guard; dashed ones are contained by guards.",
	"Bigger, bolder boxes have more impact (blast radius).",
}
