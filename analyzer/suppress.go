package analyzer

import (
	"fmt"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/blastradius/blastradius/report"
)

// ignoreDirective accepts a finding: //blastradius:ignore RULE reason, where
// RULE is a rule ID or name, or several separated by commas, and the reason
// is required. It applies to the findings of those rules on its own line,
// on the line below a comment block that holds it, or, in the doc comment
// of a tool's handler, to every finding of that tool.
const ignoreDirective = "//blastradius:ignore"

// applySuppressions marks the findings of doc that a //blastradius:ignore
// directive covers as suppressed, with the directive's reason; they stay in
// the document. It reads the files, relative to moduleDir, that hold the
// findings and the handlers of their tools. It returns one warning,
// "file:line: message", for each malformed directive in those files (one
// without a rule or a reason), which is not applied. Files outside the
// module, or that cannot be read, are skipped.
func applySuppressions(doc *report.Document, moduleDir string) []string {
	files := map[string]*ignoreFile{}
	var warnings []string
	file := func(name string) *ignoreFile {
		if df, ok := files[name]; ok {
			return df
		}
		df := readIgnores(moduleDir, name)
		files[name] = df
		if df != nil {
			warnings = append(warnings, df.warnings...)
		}
		return df
	}
	// near returns the directives on p's line and in the comment block
	// right above it.
	near := func(p report.Position) []ignoreComment {
		if !isModuleFile(p.File) || p.Line <= 0 {
			return nil
		}
		if df := file(p.File); df != nil {
			return df.near(p.Line)
		}
		return nil
	}
	for i := range doc.Findings {
		f := &doc.Findings[i]
		ds := near(f.Position)
		for _, t := range doc.Tools {
			if t.Name == f.Tool && f.Tool != "" && (len(f.Path) == 0 || f.Path[0].Function == t.Handler) {
				ds = append(ds, near(t.Position)...)
			}
		}
		for _, d := range ds {
			if d.reason != "" && d.covers(f) {
				f.Suppressed, f.Suppression = true, d.reason
				break
			}
		}
	}
	slices.Sort(warnings)
	return slices.Compact(warnings)
}

// isModuleFile reports whether a report position's file is in the module
// (not module@version/path, not absolute).
func isModuleFile(file string) bool {
	return file != "" && !filepath.IsAbs(filepath.FromSlash(file)) && !strings.HasPrefix(file, "../") &&
		!strings.Contains(file, "@")
}

// ignoreComment is one //blastradius:ignore comment.
type ignoreComment struct {
	rules  []string // rule IDs or names, as written
	reason string   // "" when missing: the directive is not applied
}

func (d ignoreComment) covers(f *report.Finding) bool {
	for _, r := range d.rules {
		if strings.EqualFold(r, f.RuleID) || r == f.Rule {
			return true
		}
	}
	return false
}

// ignoreFile is what one source file says about suppressions.
type ignoreFile struct {
	// byLine holds the directives of each line.
	byLine map[int][]ignoreComment
	// commentOnly marks the lines that hold nothing but a // comment.
	commentOnly map[int]bool
	warnings    []string
}

// near returns the directives on line and in the comment lines right above
// it (a blank line or code ends the block).
func (df *ignoreFile) near(line int) []ignoreComment {
	out := slices.Clone(df.byLine[line])
	for l := line - 1; df.commentOnly[l]; l-- {
		out = append(out, df.byLine[l]...)
	}
	return out
}

// readIgnores scans the comments of the module file name (relative, with
// '/'); nil if it cannot be read.
func readIgnores(moduleDir, name string) *ignoreFile {
	src, err := os.ReadFile(filepath.Join(moduleDir, filepath.FromSlash(name)))
	if err != nil {
		return nil
	}
	df := &ignoreFile{byLine: map[int][]ignoreComment{}, commentOnly: map[int]bool{}}
	fset := token.NewFileSet()
	tf := fset.AddFile(name, -1, len(src))
	var s scanner.Scanner
	// Errors are ignored: the file type-checked, or it would have no
	// finding, and a directive is only looked for in comments.
	s.Init(tf, src, nil, scanner.ScanComments)
	lastLine := 0 // line of the last token that is not a comment
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		line := tf.Line(pos)
		if tok != token.COMMENT {
			// A line whose first token is code is not a comment line,
			// even if a comment follows.
			if tok != token.SEMICOLON || lit != "\n" {
				lastLine = line
				delete(df.commentOnly, line)
			}
			continue
		}
		if !strings.HasPrefix(lit, "//") {
			continue
		}
		if lastLine != line {
			df.commentOnly[line] = true
		}
		rest, ok := strings.CutPrefix(lit, ignoreDirective)
		if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			continue
		}
		d := ignoreComment{}
		if fields := strings.Fields(rest); len(fields) > 0 {
			d.rules = strings.Split(fields[0], ",")
			d.reason = strings.Join(fields[1:], " ")
		}
		switch {
		case len(d.rules) == 0:
			df.warnings = append(df.warnings, fmt.Sprintf("%s:%d: %s needs a rule ID and a reason", name, line, ignoreDirective))
		case d.reason == "":
			df.warnings = append(df.warnings, fmt.Sprintf("%s:%d: %s %s needs a reason", name, line, ignoreDirective, strings.Join(d.rules, ",")))
		}
		df.byLine[line] = append(df.byLine[line], d)
	}
	return df
}
