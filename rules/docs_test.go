package rules

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// TestDocs checks that every rule of the embedded catalog has a doc, that
// every doc has a rule, and that each doc starts with "# ID: name", then a
// one-sentence summary, and names the rule's CWE and OWASP tags.
func TestDocs(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	files, err := fs.Glob(docsFS, "docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]bool{}
	for _, f := range files {
		id := strings.TrimSuffix(path.Base(f), ".md")
		docs[id] = true
		if _, ok := c.Rules[id]; !ok {
			t.Errorf("%s: no rule %s in the catalog", f, id)
		}
	}
	for _, r := range c.RuleList() {
		if !docs[r.ID] {
			t.Errorf("%s: rule %s has no doc (want rules/docs/%s.md)", r.Where, r.ID, r.ID)
			continue
		}
		doc, ok := Doc(r.ID)
		if !ok {
			t.Errorf("Doc(%q) found nothing", r.ID)
			continue
		}
		lines := strings.Split(doc, "\n")
		if want := "# " + r.ID + ": " + r.Name; lines[0] != want {
			t.Errorf("rules/docs/%s.md: title %q, want %q", r.ID, lines[0], want)
		}
		if len(lines) < 4 || lines[1] != "" || lines[3] != "" {
			t.Errorf("rules/docs/%s.md: want the title, a blank line, a one-line summary and a blank line", r.ID)
		}
		if s := Summary(r.ID); !strings.HasSuffix(s, ".") || strings.HasPrefix(s, "#") {
			t.Errorf("rules/docs/%s.md: summary %q is not one sentence", r.ID, s)
		}
		for _, tag := range append(append([]string{}, r.CWE...), r.OWASP...) {
			if !strings.Contains(doc, tag) {
				t.Errorf("rules/docs/%s.md does not mention the rule's tag %s", r.ID, tag)
			}
		}
	}
}

func TestDocUnknown(t *testing.T) {
	for _, id := range []string{"", "BR999", "../catalog/taint", "docs/BR101", "BR101.md"} {
		if doc, ok := Doc(id); ok {
			t.Errorf("Doc(%q) = %.40q, true; want false", id, doc)
		}
	}
	if s := Summary("BR999"); s != "" {
		t.Errorf("Summary(BR999) = %q, want empty", s)
	}
}

func TestRuleList(t *testing.T) {
	c := New()
	in := "rule BR201 b high cwe=CWE-1 owasp=LLM01:2025\n" +
		"rule BR101 a critical cwe=CWE-2 owasp=LLM05:2025\n" +
		"rule BR102 c medium cwe=CWE-3 owasp=LLM05:2025\n"
	if err := c.Parse("t.cat", strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range c.RuleList() {
		ids = append(ids, r.ID)
	}
	if got, want := strings.Join(ids, " "), "BR101 BR102 BR201"; got != want {
		t.Errorf("RuleList IDs = %s, want %s", got, want)
	}
	for _, tc := range []struct {
		in, want string
	}{
		{"BR102", "BR102"},
		{"br102", "BR102"},
		{"b", "BR201"},
		{"BR999", ""},
		{"", ""},
	} {
		r, ok := c.Lookup(tc.in)
		if r.ID != tc.want || ok != (tc.want != "") {
			t.Errorf("Lookup(%q) = %s, %v; want %q", tc.in, r.ID, ok, tc.want)
		}
	}
}

// TestRulesIndex checks that docs/rules.md has a row for every rule, as
// blastradius rules prints it, linking to the rule's doc.
func TestRulesIndex(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join("..", "docs", "rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	index := string(b)
	for _, r := range c.RuleList() {
		row := fmt.Sprintf("| [%s](../rules/docs/%s.md) | `%s` | %s | %s | %s | %s |",
			r.ID, r.ID, r.Name, r.Severity, strings.Join(r.CWE, ", "), strings.Join(r.OWASP, ", "), Summary(r.ID))
		if !strings.Contains(index, row+"\n") {
			t.Errorf("docs/rules.md has no row\n%s", row)
		}
	}
}
