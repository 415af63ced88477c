// Package analyzertest checks the analyzer against fixtures that state
// their expected results in comments, as x/tools analysistest does.
//
// A fixture is a Go module under testdata/. The scan's results become
// messages at file:line positions:
//   - at each tool's handler: "tool NAME FRAMEWORK NAMEFROM";
//   - at each sink call a tool reaches: "TOOL: CAPABILITY SINK", followed
//     by " (tainted)" when the model chooses its sensitive argument;
//   - at each finding's position: "RULEID: MESSAGE";
//   - at each guard on a capability's path, once per capability it is
//     found for: "TOOL: guard KIND SYMBOL for CAPABILITY SINK", with
//     " (not counted: NOTE)" when it does not protect the sink (it can be
//     skipped, or comes after);
//   - at the condition a registration depends on: "TOOL: gated by CODE";
//   - at the hints a tool declares: "TOOL: hints KIND=VALUE ...", the
//     kinds it declares in the order read-only, destructive, idempotent,
//     open-world;
//   - at each agent's construction: "agent NAME KIND FRAMEWORK: TOOL,
//     TOOL..." (its tools sorted), and at each sink its middleware
//     reaches: "agent NAME: middleware CAPABILITY SINK";
//   - at a tool declared to the model but never dispatched: "declared NAME
//     FRAMEWORK, never dispatched", and at a dispatch of a name never
//     declared: "dispatched NAME FRAMEWORK, never declared".
//
// A comment `// want "re" ...` states the messages expected on its line
// (`// want +1 "re"` on the next line). Each regexp must match a whole
// message, and each message is matched by one regexp: a missing, extra or
// duplicated message (a finding reported twice) fails the test, and so
// does a tainted flag the comment does not state.
package analyzertest

import (
	"context"
	"fmt"
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/blastradius/blastradius/analyzer"
	"github.com/blastradius/blastradius/report"
)

// Run scans the fixture module in dir and checks its want comments. It
// returns the document for further checks.
func Run(t *testing.T, dir string, cfg analyzer.Config) *report.Document {
	t.Helper()
	cfg.Dir = dir
	doc, err := analyzer.Run(context.Background(), cfg)
	if err != nil {
		t.Fatalf("scanning %s: %v", dir, err)
	}
	Check(t, dir, doc)
	return doc
}

// Check compares the messages of doc with the want comments under dir.
func Check(t *testing.T, dir string, doc *report.Document) {
	t.Helper()
	problems, err := compare(dir, doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// compare lists, by position, the wants no message matches and the
// messages no want matches.
func compare(dir string, doc *report.Document) ([]string, error) {
	wants, err := parseWants(dir)
	if err != nil {
		return nil, err
	}
	got := Messages(doc)
	keys := map[string]bool{}
	for k := range wants {
		keys[k] = true
	}
	for k := range got {
		keys[k] = true
	}
	var sorted []string
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	var problems []string
	for _, at := range sorted {
		ws, msgs := wants[at], got[at]
		byWant, byMsg := match(ws, msgs)
		for i, w := range ws {
			if byWant[i] < 0 {
				problems = append(problems, fmt.Sprintf("%s: missing: no message matches %q (got %q)", at, w.text, msgs))
			}
		}
		for j, m := range msgs {
			if byMsg[j] < 0 {
				problems = append(problems, fmt.Sprintf("%s: unexpected: %s", at, m))
			}
		}
	}
	return problems, nil
}

// match pairs wants with the messages they match, one message each, as
// many as can be (a maximum bipartite matching, so that the order of the
// comments does not matter). It returns the message of each want and the
// want of each message, -1 for none.
func match(wants []want, msgs []string) ([]int, []int) {
	byWant := make([]int, len(wants))
	byMsg := make([]int, len(msgs))
	for i := range byWant {
		byWant[i] = -1
	}
	for j := range byMsg {
		byMsg[j] = -1
	}
	var augment func(i int, seen []bool) bool
	augment = func(i int, seen []bool) bool {
		for j, m := range msgs {
			if seen[j] || !wants[i].re.MatchString(m) {
				continue
			}
			seen[j] = true
			if byMsg[j] < 0 || augment(byMsg[j], seen) {
				byWant[i], byMsg[j] = j, i
				return true
			}
		}
		return false
	}
	for i := range wants {
		augment(i, make([]bool, len(msgs)))
	}
	return byWant, byMsg
}

// Messages turns a document into messages keyed by "file:line".
func Messages(doc *report.Document) map[string][]string {
	out := map[string][]string{}
	add := func(p report.Position, msg string) {
		k := fmt.Sprintf("%s:%d", p.File, p.Line)
		out[k] = append(out[k], msg)
	}
	for _, tool := range doc.Tools {
		add(tool.Position, fmt.Sprintf("tool %s %s %s", tool.Name, tool.Framework, tool.NameFrom))
		if tool.GatedBy != nil {
			add(tool.GatedBy.Position, fmt.Sprintf("%s: gated by %s", tool.Name, tool.GatedBy.Condition))
		}
		if h := tool.Hints; h != nil {
			var kinds []string
			for _, kv := range [][2]string{{"read-only", h.ReadOnly}, {"destructive", h.Destructive},
				{"idempotent", h.Idempotent}, {"open-world", h.OpenWorld}} {
				if kv[1] != "" {
					kinds = append(kinds, kv[0]+"="+kv[1])
				}
			}
			add(h.Position, fmt.Sprintf("%s: hints %s", tool.Name, strings.Join(kinds, " ")))
		}
		for _, c := range tool.Capabilities {
			msg := fmt.Sprintf("%s: %s %s", tool.Name, c.Capability, c.Sink)
			if c.Tainted {
				msg += " (tainted)"
			}
			add(c.Position, msg)
			for _, g := range c.Guards {
				msg := fmt.Sprintf("%s: guard %s %s for %s %s", tool.Name, g.Kind, g.Symbol, c.Capability, c.Sink)
				if !g.Dominates {
					msg += " (not counted: " + g.Note + ")"
				}
				add(g.Position, msg)
			}
		}
	}
	for _, a := range doc.Agents {
		add(a.Position, fmt.Sprintf("agent %s %s %s: %s", a.Name, a.Kind, a.Framework, strings.Join(a.Tools, ", ")))
		for _, r := range a.Middleware {
			add(r.Position, fmt.Sprintf("agent %s: middleware %s %s", a.Name, r.Capability, r.Sink))
		}
	}
	for _, f := range doc.Findings {
		add(f.Position, fmt.Sprintf("%s: %s", f.RuleID, f.Message))
	}
	for _, m := range doc.Mismatches {
		switch m.Kind {
		case "declared-not-dispatched":
			add(m.Position, fmt.Sprintf("declared %s %s, never dispatched", m.Name, m.Framework))
		case "dispatched-not-declared":
			add(m.Position, fmt.Sprintf("dispatched %s %s, never declared", m.Name, m.Framework))
		}
	}
	return out
}

var wantRE = regexp.MustCompile(`//\s*want\s+(.*)$`)

// want is one expectation: the regexp as written, and compiled to match a
// whole message.
type want struct {
	text string
	re   *regexp.Regexp
}

// parseWants reads the want comments of every .go file under dir.
func parseWants(dir string) (map[string][]want, error) {
	out := map[string][]want{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != dir && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		for i, line := range strings.Split(string(data), "\n") {
			m := wantRE.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			offset, res, err := parseWant(m[1])
			if err != nil {
				return fmt.Errorf("%s:%d: bad want comment: %v", rel, i+1, err)
			}
			k := fmt.Sprintf("%s:%d", rel, i+1+offset)
			out[k] = append(out[k], res...)
		}
		return nil
	})
	return out, err
}

// parseWant parses `[+N] "re" "re" ...`.
func parseWant(text string) (int, []want, error) {
	var s scanner.Scanner
	fset := token.NewFileSet()
	file := fset.AddFile("want", -1, len(text))
	s.Init(file, []byte(text), nil, 0)
	offset := 0
	var res []want
	for {
		_, tok, lit := s.Scan()
		switch tok {
		case token.EOF, token.SEMICOLON:
			if len(res) == 0 {
				return 0, nil, fmt.Errorf("no expectation")
			}
			return offset, res, nil
		case token.ADD:
			_, tok, lit = s.Scan()
			if tok != token.INT || len(res) > 0 {
				return 0, nil, fmt.Errorf("want +N before the expectations")
			}
			offset, _ = strconv.Atoi(lit)
		case token.STRING:
			str, err := strconv.Unquote(lit)
			if err != nil {
				return 0, nil, err
			}
			re, err := regexp.Compile("^(?:" + str + ")$")
			if err != nil {
				return 0, nil, err
			}
			res = append(res, want{str, re})
		default:
			return 0, nil, fmt.Errorf("unexpected %s", tok)
		}
	}
}
