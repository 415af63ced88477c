package analyzer

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/blastradius/blastradius/analyzer/load"
	"github.com/blastradius/blastradius/report"
)

// A repository often holds several Go modules side by side with no go.work
// (a service and its tools, one module per agent). The go command cannot
// load ./... across them from the repository root, so each module is
// scanned on its own and the documents are merged: positions are prefixed
// with the module's directory, so they stay relative to the scanned root.

// moduleDirs returns the module directories under dir when dir itself is
// in no module and no workspace: the multi-module case. It returns nil when
// the go command can load dir as it is.
func moduleDirs(ctx context.Context, dir string, env []string) []string {
	cmd := exec.CommandContext(ctx, "go", "env", "-json", "GOMOD", "GOWORK")
	cmd.Dir, cmd.Env = dir, load.Env(env)
	out, err := cmd.Output()
	if err != nil {
		return nil
	}
	var v struct{ GOMOD, GOWORK string }
	if json.Unmarshal(out, &v) != nil {
		return nil
	}
	if v.GOWORK != "" && v.GOWORK != "off" {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
		return nil
	}
	if v.GOMOD != "" && v.GOMOD != os.DevNull && !ignoredBelow(filepath.Dir(v.GOMOD), dir) {
		// dir is an ordinary directory of an enclosing module.
		return nil
	}
	var dirs []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && path != dir {
			name := d.Name()
			if name == "vendor" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
		}
		if !d.IsDir() && d.Name() == "go.mod" {
			dirs = append(dirs, filepath.Dir(path))
		}
		return nil
	})
	sort.Strings(dirs)
	return dirs
}

// ignoredBelow reports whether dir sits, below root, in a directory the go
// command ignores (testdata, _x, .x): its own modules are not root's.
func ignoredBelow(root, dir string) bool {
	rel, err := filepath.Rel(root, dir)
	if err != nil || strings.HasPrefix(rel, "..") {
		return false
	}
	for _, el := range strings.Split(filepath.ToSlash(rel), "/") {
		if el == "testdata" || strings.HasPrefix(el, "_") || strings.HasPrefix(el, ".") && el != "." {
			return true
		}
	}
	return false
}

// workspacePatterns returns, for a scan of a go.work directory, one
// pattern per module the workspace uses: the go command does not expand
// ./... across the workspace's modules from its root.
func workspacePatterns(ctx context.Context, dir string, env []string) []string {
	cmd := exec.CommandContext(ctx, "go", "env", "GOWORK")
	cmd.Dir, cmd.Env = dir, load.Env(env)
	out, err := cmd.Output()
	if err != nil {
		return nil
	}
	work := strings.TrimSpace(string(out))
	if work == "" || work == "off" || filepath.Dir(work) != dir {
		return nil
	}
	cmd = exec.CommandContext(ctx, "go", "work", "edit", "-json", work)
	cmd.Dir, cmd.Env = dir, load.Env(env)
	out, err = cmd.Output()
	if err != nil {
		return nil
	}
	var w struct{ Use []struct{ DiskPath string } }
	if json.Unmarshal(out, &w) != nil {
		return nil
	}
	var pats []string
	for _, u := range w.Use {
		p := filepath.ToSlash(filepath.Clean(u.DiskPath))
		if strings.HasPrefix(p, "..") || filepath.IsAbs(p) {
			continue
		}
		pats = append(pats, "./"+p+"/...")
	}
	sort.Strings(pats)
	return pats
}

// runModules scans each module and merges the documents.
func runModules(ctx context.Context, cfg Config, root string, dirs []string) (*report.Document, error) {
	var merged *report.Document
	var failed []string
	var notLoaded []report.NotAnalysed
	for _, d := range dirs {
		sub := cfg
		sub.Dir = d
		doc, err := run(ctx, sub)
		if err != nil {
			if IsInputError(err) {
				// The report says so too, not only stderr: a module
				// that no longer loads must not pass for one
				// without tools.
				rel, _ := filepath.Rel(root, d)
				msg := fmt.Sprintf("module %s does not load, skipping it: %s", filepath.ToSlash(rel), err)
				if cfg.Warn != nil {
					cfg.Warn(msg)
				}
				failed = append(failed, msg)
				notLoaded = append(notLoaded, report.NotAnalysed{Package: filepath.ToSlash(rel), Error: firstLine(err.Error()), Module: true})
				continue
			}
			return nil, err
		}
		rel, _ := filepath.Rel(root, d)
		prefix(doc, filepath.ToSlash(rel))
		if merged == nil {
			merged = doc
			merged.Root = filepath.Base(root)
			merged.Dir = root
			continue
		}
		merged.Tools = append(merged.Tools, doc.Tools...)
		uniqueAgents(merged.Agents, doc)
		merged.Agents = append(merged.Agents, doc.Agents...)
		merged.Findings = append(merged.Findings, doc.Findings...)
		merged.Mismatches = append(merged.Mismatches, doc.Mismatches...)
		merged.Warnings = append(merged.Warnings, doc.Warnings...)
		merged.NotAnalysed = append(merged.NotAnalysed, doc.NotAnalysed...)
	}
	if merged == nil {
		return nil, &InputError{errNoModule(root)}
	}
	merged.Warnings = append(merged.Warnings, failed...)
	merged.NotAnalysed = append(merged.NotAnalysed, notLoaded...)
	merged.Summary = summarize(merged.Tools)
	report.Sort(merged)
	return merged, nil
}

// prefix rewrites a module's positions to be relative to the scanned root.
func prefix(doc *report.Document, dir string) {
	if dir == "." || dir == "" {
		return
	}
	fix := func(p *report.Position) {
		if p.File != "" && !strings.Contains(p.File, "@") {
			p.File = dir + "/" + p.File
		}
	}
	for i := range doc.Tools {
		t := &doc.Tools[i]
		fix(&t.Position)
		fix(&t.Registration)
		if t.GatedBy != nil {
			fix(&t.GatedBy.Position)
		}
		for j := range t.Capabilities {
			c := &t.Capabilities[j]
			fix(&c.Position)
			for k := range c.Path {
				fix(&c.Path[k].Position)
			}
			for k := range c.Guards {
				fix(&c.Guards[k].Position)
			}
		}
	}
	for i := range doc.Findings {
		f := &doc.Findings[i]
		fix(&f.Position)
		for k := range f.Path {
			fix(&f.Path[k].Position)
		}
		for k := range f.Steps {
			fix(&f.Steps[k].Position)
		}
	}
	for i := range doc.Mismatches {
		fix(&doc.Mismatches[i].Position)
	}
	for i := range doc.Tools {
		if h := doc.Tools[i].Hints; h != nil {
			fix(&h.Position)
		}
	}
	for i := range doc.Agents {
		a := &doc.Agents[i]
		fix(&a.Position)
		for k := range a.AlsoAt {
			fix(&a.AlsoAt[k])
		}
		for k := range a.Gates {
			fix(&a.Gates[k].Position)
		}
		for k := range a.Middleware {
			fix(&a.Middleware[k].Position)
			for j := range a.Middleware[k].Path {
				fix(&a.Middleware[k].Path[j].Position)
			}
		}
	}
	for i := range doc.Findings {
		for k := range doc.Findings[i].Legs {
			l := &doc.Findings[i].Legs[k]
			fix(&l.Position)
			for j := range l.Path {
				fix(&l.Path[j].Position)
			}
			for j := range l.Steps {
				fix(&l.Steps[j].Position)
			}
		}
	}
}

// uniqueAgents renames the agents of doc whose names an earlier module's
// agents already have, as one module does (the later one says where it
// is), and the findings about them.
func uniqueAgents(have []report.Agent, doc *report.Document) {
	taken := map[string]bool{}
	for _, a := range have {
		taken[a.Name] = true
	}
	for i := range doc.Agents {
		a := &doc.Agents[i]
		if !taken[a.Name] {
			continue
		}
		old := a.Name
		a.Name += fmt.Sprintf(" (%s:%d)", a.Position.File, a.Position.Line)
		for j := range doc.Findings {
			f := &doc.Findings[j]
			if f.Agent == old {
				f.Agent = a.Name
				f.Message = strings.Replace(f.Message, "agent "+old+":", "agent "+a.Name+":", 1)
			}
		}
	}
}
