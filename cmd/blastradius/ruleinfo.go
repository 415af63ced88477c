package main

import (
	"strings"

	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

// ruleInfos describes every rule of the catalog for the SARIF handler, with
// the configured severities (by rule ID) in place of the catalog's.
func ruleInfos(c *rules.Catalog, severity map[string]string) []report.RuleInfo {
	var out []report.RuleInfo
	for _, r := range c.RuleList() {
		info := report.RuleInfo{
			ID:        r.ID,
			Name:      r.Name,
			Severity:  r.Severity,
			CWE:       r.CWE,
			OWASP:     r.OWASP,
			Precision: precision(r.ID),
			Summary:   rules.Summary(r.ID),
		}
		if s, ok := severity[r.ID]; ok {
			info.Severity = s
		}
		if doc, ok := rules.Doc(r.ID); ok {
			info.Doc = doc
			info.Description = section(doc, "What it finds")
			info.HelpURI = report.InformationURI + "/blob/main/rules/docs/" + r.ID + ".md"
		}
		out = append(out, info)
	}
	return out
}

// precision is how often a rule's findings are right, as GitHub code
// scanning reads it: the data-flow rules (BR1xx) follow the model's input
// to the very argument, so they are high; the outside → model rules (BR2xx)
// cannot tell how much of what is read the model sees, and the guard rules
// (BR3xx) miss guards that live outside the code (a gateway, a proxy), so
// they are medium.
func precision(id string) string {
	if strings.HasPrefix(id, "BR1") {
		return "high"
	}
	return "medium"
}

// section returns the paragraphs under the "## title" heading of a Markdown
// doc as one line of plain text; "" when there is no such section.
func section(doc, title string) string {
	_, rest, ok := strings.Cut(doc, "\n## "+title+"\n")
	if !ok {
		return ""
	}
	if i := strings.Index(rest, "\n#"); i >= 0 {
		rest = rest[:i]
	}
	return strings.Join(strings.Fields(rest), " ")
}

// orList is "a, b or c".
func orList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}
