package report

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Handler writes a [Document] in one output format. A handler writes to the
// io.Writer it was made with and never to os.Stdout.
type Handler interface {
	// Write writes doc. It does not change doc: it writes a sorted copy
	// whose nil lists are empty.
	Write(doc *Document) error
}

// Options configures the handlers that [New] makes. A format ignores the
// options it has no use for.
type Options struct {
	// Paths prints each capability's witness path in the table.
	Paths bool
	// Summary makes the table and the Markdown one line per tool (its
	// worst finding and counts) and one per agent; Paths overrides it in
	// the table.
	Summary bool
	// Rules describes every rule of the catalog, for SARIF's
	// tool.driver.rules. A finding whose rule is missing gets a descriptor
	// made from the finding.
	Rules []RuleInfo
	// SourcePrefix is the module's directory relative to the repository
	// root, with '/' and no leading or trailing slash; "" when the module
	// is the repository. SARIF locations are Position.File under it, so
	// that code scanning finds the files.
	SourcePrefix string
	// Color marks the table's severities and tainted capabilities with
	// ANSI colours. The command sets it when standard output is a
	// terminal and NO_COLOR is unset.
	Color bool
}

// RuleInfo is what the SARIF handler says about a rule. The report package
// does not read the catalog: the command fills these from it.
type RuleInfo struct {
	// ID is the permanent ID (BR101), Name the kebab-case name.
	ID   string
	Name string
	// Severity is the default severity, after any configured override.
	Severity string
	// CWE and OWASP are the rule's tags, in catalog order.
	CWE   []string
	OWASP []string
	// Precision is how often a finding is right: very-high, high, medium
	// or low, as GitHub code scanning reads it.
	Precision string
	// Summary is one sentence; Description a paragraph or two, plain
	// text ("" means Summary).
	Summary     string
	Description string
	// Doc is the rule's Markdown documentation; HelpURI where it is
	// published.
	Doc     string
	HelpURI string
}

// Formats are the format names that [New] accepts, in the order help text
// lists them; the first is the default.
var Formats = []string{"table", "json", "sarif", "markdown", "html", "dot", "mermaid"}

// New returns the handler for format, writing to w.
func New(format string, w io.Writer, opts Options) (Handler, error) {
	switch format {
	case "table":
		return NewTableHandler(w, opts), nil
	case "json":
		return NewJSONHandler(w), nil
	case "sarif":
		return NewSARIFHandler(w, opts), nil
	case "markdown":
		return NewMarkdownHandler(w, opts), nil
	case "html":
		return NewHTMLHandler(w, opts), nil
	case "dot":
		return NewDOTHandler(w), nil
	case "mermaid":
		return NewMermaidHandler(w), nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", format, orList(Formats))
}

// orList is "a, b or c".
func orList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// errNilDocument is returned by a handler given no document.
var errNilDocument = errors.New("writing report: nil document")

// canonical returns a deep copy of doc with every nil list made empty and
// everything in the documented order, so that handlers never change the
// caller's document and nil and empty lists print alike.
func canonical(doc *Document) *Document {
	out := *doc
	out.Tools = make([]Tool, len(doc.Tools))
	for i, t := range doc.Tools {
		t.Inputs = cloneSlice(t.Inputs)
		caps := make([]Capability, len(t.Capabilities))
		for j, c := range t.Capabilities {
			c.Path = cloneSlice(c.Path)
			c.TaintedArgs = cloneSlice(c.TaintedArgs)
			c.Guards = cloneSlice(c.Guards)
			c.MissingGuards = cloneSlice(c.MissingGuards)
			caps[j] = c
		}
		t.Capabilities = caps
		if t.Hints != nil {
			h := *t.Hints
			t.Hints = &h
		}
		out.Tools[i] = t
	}
	out.Agents = make([]Agent, len(doc.Agents))
	for i, a := range doc.Agents {
		a.Tools = cloneSlice(a.Tools)
		a.AlsoAt = cloneSlice(a.AlsoAt)
		gates := make([]AgentGate, len(a.Gates))
		for j, g := range a.Gates {
			g.Tools = cloneSlice(g.Tools)
			gates[j] = g
		}
		a.Gates = gates
		mw := make([]Reach, len(a.Middleware))
		for j, r := range a.Middleware {
			r.Path = cloneSlice(r.Path)
			mw[j] = r
		}
		a.Middleware = mw
		out.Agents[i] = a
	}
	out.Findings = make([]Finding, len(doc.Findings))
	for i, f := range doc.Findings {
		f.Path = cloneSlice(f.Path)
		f.Steps = cloneSlice(f.Steps)
		f.CWE = cloneSlice(f.CWE)
		f.OWASP = cloneSlice(f.OWASP)
		if f.Legs != nil {
			legs := make([]Leg, len(f.Legs))
			for j, l := range f.Legs {
				l.Also = cloneSlice(l.Also)
				l.Path = cloneSlice(l.Path)
				l.Steps = cloneSlice(l.Steps)
				legs[j] = l
			}
			f.Legs = legs
		}
		out.Findings[i] = f
	}
	out.Mismatches = cloneSlice(doc.Mismatches)
	out.Warnings = cloneSlice(doc.Warnings)
	out.NotAnalysed = cloneSlice(doc.NotAnalysed)
	Sort(&out)
	return &out
}

// cloneSlice copies s into a new slice that is never nil.
func cloneSlice[T any](s []T) []T {
	return append(make([]T, 0, len(s)), s...)
}
