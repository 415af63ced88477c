package rules

import (
	"cmp"
	"embed"
	"slices"
	"strings"
)

// docsFS holds one Markdown file per rule, docs/ID.md. Its first line is
// the title, "# ID: name"; the third is a one-sentence summary.
//
//go:embed docs/*.md
var docsFS embed.FS

// Doc returns the Markdown documentation of the rule with the given ID, and
// whether there is one.
func Doc(id string) (string, bool) {
	// An ID is a file name: reject anything that could name another file.
	if id == "" || strings.ContainsAny(id, `/\.`) {
		return "", false
	}
	b, err := docsFS.ReadFile("docs/" + id + ".md")
	if err != nil {
		return "", false
	}
	return string(b), true
}

// Summary returns the one-sentence summary of the rule with the given ID:
// the first paragraph after its doc's title. It is "" for a rule without a
// doc.
func Summary(id string) string {
	doc, ok := Doc(id)
	if !ok {
		return ""
	}
	_, rest, _ := strings.Cut(doc, "\n")
	rest = strings.TrimLeft(rest, "\n")
	para, _, _ := strings.Cut(rest, "\n\n")
	return strings.Join(strings.Fields(para), " ")
}

// RuleList returns the catalog's rules sorted by ID.
func (c *Catalog) RuleList() []Rule {
	out := make([]Rule, 0, len(c.Rules))
	for _, r := range c.Rules {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Rule) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// Lookup returns the rule whose ID or name is s. IDs match in any case
// (br101 is BR101).
func (c *Catalog) Lookup(s string) (Rule, bool) {
	if r, ok := c.Rules[strings.ToUpper(s)]; ok {
		return r, true
	}
	for _, r := range c.Rules {
		if r.Name == s {
			return r, true
		}
	}
	return Rule{}, false
}
