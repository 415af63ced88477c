package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/blastradius/blastradius/report"
	"github.com/blastradius/blastradius/rules"
)

// configName is the project configuration file that scan and baseline look
// for in the scanned directory and above it.
const configName = ".blastradius.yaml"

// projectConfig is a parsed .blastradius.yaml. docs/config.md documents the
// format; every error names FILE:LINE:COLUMN.
type projectConfig struct {
	// file is the configuration's path, and dir its directory, which
	// exclude patterns are relative to.
	file, dir string
	// failOn is the default for --fail-on: a severity, "none" or "" (not
	// set).
	failOn string
	// exclude are slash-separated path patterns relative to dir.
	exclude []string
	// severity overrides rules' severities, by rule ID; severityAt is
	// where each was set.
	severity   map[string]string
	severityAt map[string]yamlPos
	// catalog are catalog lines, in file order, with their positions.
	catalog []catalogLine
}

// yamlPos is a place in the configuration file.
type yamlPos struct{ line, column int }

// catalogLine is one catalog entry of the configuration, as the rules
// parser reads it.
type catalogLine struct {
	text string
	at   yamlPos
}

// catalogSections are the configuration keys that hold catalog lines: the
// keyword each entry is prefixed with ("" for a whole line), and for
// entry_points the keywords an entry may start with.
var catalogSections = []struct {
	key, keyword string
	allowed      []string
}{
	{key: "catalog"},
	{key: "sinks", keyword: "sink"},
	{key: "entry_points", allowed: []string{"register", "adapter", "toolname", "tooltype", "toolstruct", "implements", "librarytool", "dispatch", "declare", "handlermap"}},
	{key: "guards", keyword: "guard"},
	{key: "sanitizers", keyword: "sanitizer"},
	{key: "checks", keyword: "check"},
}

// configKeys are the top-level keys, in the order errors list them.
var configKeys = []string{"fail_on", "exclude", "severity", "catalog", "sinks", "entry_points", "guards", "sanitizers", "checks"}

// findConfig returns the configuration file for a scan of dir: explicit
// when given (it must exist), else the nearest .blastradius.yaml in dir or
// a parent, stopping at the repository root (a directory with .git) and
// "" when there is none.
func findConfig(explicit, dir string) (string, error) {
	if explicit != "" {
		if _, err := os.Stat(explicit); err != nil {
			return "", fmt.Errorf("reading config: %w", err)
		}
		return explicit, nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; {
		p := filepath.Join(d, configName)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, nil
		}
		if exists(filepath.Join(d, ".git")) {
			return "", nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", nil
		}
		d = parent
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil || !errors.Is(err, fs.ErrNotExist)
}

// loadConfig reads and checks the configuration file name.
func loadConfig(name string) (*projectConfig, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("reading config: %w", err)
	}
	return parseConfig(name, data)
}

// yamlLineRE matches the position in yaml.v3's error messages.
var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseConfig parses the configuration file name, whose content is data.
func parseConfig(name string, data []byte) (*projectConfig, error) {
	abs, err := filepath.Abs(name)
	if err != nil {
		return nil, err
	}
	c := &projectConfig{file: name, dir: filepath.Dir(abs), severity: map[string]string{}, severityAt: map[string]yamlPos{}}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		msg := err.Error()
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			return nil, fmt.Errorf("%s:%s: %s", name, m[1], m[2])
		}
		return nil, fmt.Errorf("%s: %s", name, strings.TrimPrefix(msg, "yaml: "))
	}
	if len(root.Content) == 0 {
		return c, nil // an empty file
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return nil, c.errorf(doc, "want a mapping of %s", strings.Join(configKeys, ", "))
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		if prev, dup := seen[k.Value]; dup {
			return nil, c.errorf(k, "duplicate key %s (first at line %d)", k.Value, prev.Line)
		}
		seen[k.Value] = k
		if err := c.parseKey(k, v); err != nil {
			return nil, err
		}
	}
	return c, nil
}

func (c *projectConfig) parseKey(k, v *yaml.Node) error {
	switch k.Value {
	case "fail_on":
		s, err := c.scalar(k.Value, v)
		if err != nil {
			return err
		}
		if s != "none" && !slices.Contains(rules.Severities, s) {
			return c.errorf(v, "fail_on: unknown severity %q (want %s or none)", s, strings.Join(rules.Severities, ", "))
		}
		c.failOn = s
		return nil
	case "exclude":
		items, err := c.list(k.Value, v)
		if err != nil {
			return err
		}
		for _, n := range items {
			p := strings.TrimSuffix(n.Value, "/")
			if p == "" || path.IsAbs(p) || strings.Contains(p, `\`) {
				return c.errorf(n, "exclude: %q is not a relative path with /", n.Value)
			}
			if _, err := path.Match(p, ""); err != nil {
				return c.errorf(n, "exclude: bad pattern %q: %v", n.Value, err)
			}
			c.exclude = append(c.exclude, path.Clean(p))
		}
		return nil
	case "severity":
		if v.Kind != yaml.MappingNode {
			return c.errorf(v, "severity: want a mapping of rule IDs to severities (BR305: info)")
		}
		for i := 0; i+1 < len(v.Content); i += 2 {
			id, sev := v.Content[i], v.Content[i+1]
			s, err := c.scalar("severity: "+id.Value, sev)
			if err != nil {
				return err
			}
			if !slices.Contains(rules.Severities, s) {
				return c.errorf(sev, "severity: %s: unknown severity %q (want %s)", id.Value, s, strings.Join(rules.Severities, ", "))
			}
			if _, dup := c.severity[id.Value]; dup {
				return c.errorf(id, "severity: duplicate rule %s", id.Value)
			}
			c.severity[id.Value] = s
			c.severityAt[id.Value] = pos(id)
		}
		return nil
	}
	for _, sec := range catalogSections {
		if sec.key != k.Value {
			continue
		}
		items, err := c.list(k.Value, v)
		if err != nil {
			return err
		}
		for _, n := range items {
			text := strings.Join(strings.Fields(n.Value), " ")
			if text == "" {
				return c.errorf(n, "%s: empty entry", k.Value)
			}
			if sec.allowed != nil {
				if kw, _, _ := strings.Cut(text, " "); !slices.Contains(sec.allowed, kw) {
					return c.errorf(n, "%s: %q is not an entry point (want a catalog line starting with %s)", k.Value, kw, strings.Join(sec.allowed, ", "))
				}
			}
			if sec.keyword != "" {
				text = sec.keyword + " " + text
			}
			c.catalog = append(c.catalog, catalogLine{text: text, at: pos(n)})
		}
		return nil
	}
	return c.errorf(k, "unknown key %q (want %s)", k.Value, strings.Join(configKeys, ", "))
}

// scalar returns the string value of v, a scalar.
func (c *projectConfig) scalar(what string, v *yaml.Node) (string, error) {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		return "", c.errorf(v, "%s: want a string", what)
	}
	return v.Value, nil
}

// list returns the items of v, a sequence of strings.
func (c *projectConfig) list(what string, v *yaml.Node) ([]*yaml.Node, error) {
	if v.Kind != yaml.SequenceNode {
		return nil, c.errorf(v, "%s: want a list of strings", what)
	}
	for _, n := range v.Content {
		if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
			return nil, c.errorf(n, "%s: want a string", what)
		}
	}
	return v.Content, nil
}

func pos(n *yaml.Node) yamlPos { return yamlPos{n.Line, n.Column} }

// errorf is an error at n: "FILE:LINE:COLUMN: message".
func (c *projectConfig) errorf(n *yaml.Node, format string, args ...any) error {
	return fmt.Errorf("%s:%d:%d: %s", c.file, n.Line, n.Column, fmt.Sprintf(format, args...))
}

// errorAt is errorf at a position.
func (c *projectConfig) errorAt(p yamlPos, format string, args ...any) error {
	return fmt.Errorf("%s:%d:%d: %s", c.file, p.line, p.column, fmt.Sprintf(format, args...))
}

// applyCatalog parses the configuration's catalog lines into cat, after the
// built-in catalog: they override it as a --catalog file does. An error
// names the line and column of the entry.
func (c *projectConfig) applyCatalog(cat *rules.Catalog) error {
	seen := map[string]yamlPos{}
	for _, l := range c.catalog {
		if prev, dup := seen[l.text]; dup {
			return c.errorAt(l.at, "duplicate catalog entry %q (first at line %d)", l.text, prev.line)
		}
		seen[l.text] = l.at
		// Blank lines put the entry on its line of the file, so that the
		// catalog records where it came from.
		src := strings.Repeat("\n", l.at.line-1) + l.text + "\n"
		if err := cat.Parse(c.file, strings.NewReader(src)); err != nil {
			prefix := fmt.Sprintf("%s:%d: ", c.file, l.at.line)
			msg, ok := strings.CutPrefix(err.Error(), prefix)
			if !ok {
				return err
			}
			return c.errorAt(l.at, "%s", msg)
		}
	}
	return nil
}

// checkRules reports a severity override for a rule the catalog does not
// have.
func (c *projectConfig) checkRules(cat *rules.Catalog) error {
	ids := make([]string, 0, len(c.severity))
	for id := range c.severity {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int { return c.severityAt[a].line - c.severityAt[b].line })
	for _, id := range ids {
		if _, ok := cat.Rules[id]; !ok {
			return c.errorAt(c.severityAt[id], "severity: unknown rule %s; run blastradius rules", id)
		}
	}
	return nil
}

// excluded reports whether file, relative to the module moduleDir, is
// under an exclude pattern: the pattern matches the file's path, relative
// to the configuration's directory, or one of its parent directories.
func (c *projectConfig) excluded(moduleDir, file string) bool {
	if len(c.exclude) == 0 || file == "" {
		return false
	}
	rel, err := filepath.Rel(c.dir, moduleDir)
	if err != nil {
		return false
	}
	p := path.Join(filepath.ToSlash(rel), file)
	elems := strings.Split(p, "/")
	for i := 1; i <= len(elems); i++ {
		prefix := strings.Join(elems[:i], "/")
		for _, pat := range c.exclude {
			if ok, _ := path.Match(pat, prefix); ok {
				return true
			}
		}
	}
	return false
}

// filter drops from doc the tools whose handler, and the findings and
// mismatches whose position, is excluded, with the findings of dropped
// tools, and totals the remaining tools again.
func (c *projectConfig) filter(doc *report.Document, moduleDir string) {
	if len(c.exclude) == 0 {
		return
	}
	type key struct{ name, handler string }
	dropped := map[key]bool{}
	var tools []report.Tool
	for _, t := range doc.Tools {
		if c.excluded(moduleDir, t.Position.File) {
			dropped[key{t.Name, t.Handler}] = true
			continue
		}
		tools = append(tools, t)
	}
	var findings []report.Finding
	for _, f := range doc.Findings {
		handler := ""
		if len(f.Path) > 0 {
			handler = f.Path[0].Function
		}
		// A finding without a path (BR304, BR305) is at its handler,
		// so its position says whether its tool was dropped.
		if c.excluded(moduleDir, f.Position.File) || f.Tool != "" && dropped[key{f.Tool, handler}] {
			continue
		}
		findings = append(findings, f)
	}
	var mismatches []report.Mismatch
	for _, m := range doc.Mismatches {
		if !c.excluded(moduleDir, m.Position.File) {
			mismatches = append(mismatches, m)
		}
	}
	doc.Tools = append([]report.Tool{}, tools...)
	doc.Findings = append([]report.Finding{}, findings...)
	doc.Mismatches = append([]report.Mismatch{}, mismatches...)
	doc.Summary = report.Summarize(doc.Tools)
}

// overrideSeverities sets the configured severity on doc's findings.
func (c *projectConfig) overrideSeverities(doc *report.Document) {
	for i := range doc.Findings {
		if s, ok := c.severity[doc.Findings[i].RuleID]; ok {
			doc.Findings[i].Severity = s
		}
	}
}
