package analyzer

import (
	"go/constant"
	"go/token"
	"path"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// This file reads the command lines a tool builds from a fixed template
// ("cat -- %s; echo $?", written into a shell's input or run by sh -c):
// the template says which program runs on which of the model's words. A
// catalogued program (`program` lines: cat reads, tee writes) run with a
// word of the model's, or a redirection (> or >> writes, < reads) to one,
// touches the file the model names: the tool has that capability, chosen
// by the model, on top of running the command. A line that is the model's
// whole text says nothing of the kind: it is a command (BR101), and what it
// does is the model's.

// Holes in a template: a part the template does not fix, whether the
// model's input reaches it or not.
const (
	modelHole = "\x00"
	fixedHole = "\x01"
)

// maxTemplates bounds the variants of one template (a phi of ">" and ">>").
const maxTemplates = 8

// addTemplateCapabilities gives a tool the capabilities that the command
// lines it builds have on files the model names (see above): each a hit at
// the sink call that runs the line, which the model chooses.
func (c *checker) addTemplateCapabilities(f *flow, res *reached) {
	if len(c.cat.Programs) == 0 {
		return
	}
	c.eachSite(res, func(site ssa.CallInstruction) {
		for _, sc := range c.sensitivesAt(site) {
			for _, line := range f.commandLines(site, sc) {
				for _, capability := range c.fileEffects(line) {
					addHit(res, hit{capability: capability, sink: sc.sym, site: site, at: res.steps[site.Parent()]})
				}
			}
		}
	})
}

// commandLines returns the templates of the command lines a sink call
// runs, when the model's input reaches its command: the text written into
// a process's input or given to ssh, or for an argv the script of a shell's
// -c, or else the argv's words.
func (f *flow) commandLines(site ssa.CallInstruction, sc sensitiveCall) []string {
	args := callArgs(site.Common())
	var argv []ssa.Value
	chosen := false
	for _, s := range sc.args {
		if s.Kind != "command" {
			continue
		}
		for i := s.Arg; i < len(args) && (i == s.Arg || s.Rest); i++ {
			if o := f.deep(args[i]); o != nil && o.mask&kindMask([]string{"command"}) != 0 {
				chosen = true
			}
			if elems := variadicElems(args[i]); elems != nil {
				argv = append(argv, elems...)
			} else {
				argv = append(argv, args[i])
			}
		}
	}
	if !chosen || len(argv) == 0 || slices.Contains(argv, nil) {
		return nil
	}
	if len(argv) == 1 {
		return f.templates(argv[0], 3)
	}
	if prog, ok := constString(argv[0]); ok && shells[path.Base(prog)] {
		if flag, ok := constString(argv[1]); ok && flag == "-c" && len(argv) > 2 {
			return f.templates(argv[2], 3)
		}
		return nil
	}
	lines := []string{""}
	for i, a := range argv {
		if i > 0 {
			lines = joinTemplates(lines, []string{" "})
		}
		lines = joinTemplates(lines, f.templates(a, 3))
	}
	return lines
}

// addHit adds h unless the tool has a hit of its capability and sink.
func addHit(res *reached, h hit) {
	for _, o := range res.hits {
		if o.capability == h.capability && o.sink == h.sink {
			return
		}
	}
	res.hits = append(res.hits, h)
}

// fileEffects lists the capabilities that a command line template has on
// files named by the model's words, in the order found.
func (c *checker) fileEffects(line string) []string {
	var out []string
	add := func(caps ...string) {
		for _, cp := range caps {
			if !slices.Contains(out, cp) {
				out = append(out, cp)
			}
		}
	}
	for _, simple := range splitCommands(line) {
		words := strings.Fields(simple)
		var argv []string
		for i := 0; i < len(words); i++ {
			w := words[i]
			op, target := redirection(w)
			if op == "" {
				argv = append(argv, w)
				continue
			}
			if target == "" && i+1 < len(words) {
				i++
				target = words[i]
			}
			if !strings.Contains(target, modelHole) {
				continue
			}
			switch op {
			case ">", ">>":
				add("fs-write")
			case "<":
				add("fs-read")
			}
		}
		if len(argv) < 2 || strings.ContainsAny(argv[0], modelHole+fixedHole) {
			continue
		}
		caps := c.cat.Programs[path.Base(argv[0])]
		for _, w := range argv[1:] {
			if strings.Contains(w, modelHole) {
				add(caps...)
				break
			}
		}
	}
	return out
}

// splitCommands splits a command line into its simple commands, at ;, &,
// | and newlines. The body of a here-document is not a command: the lines
// after one that opens it, up to its delimiter, are skipped.
func splitCommands(line string) []string {
	var out []string
	lines := strings.Split(line, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		out = append(out, strings.FieldsFunc(l, func(r rune) bool { return r == ';' || r == '&' || r == '|' })...)
		if j := strings.Index(l, "<<"); j >= 0 {
			delim := strings.Trim(firstWord(strings.TrimLeft(l[j+2:], "-")), `'"`)
			for i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != delim {
				i++
			}
			i++ // the delimiter
		}
	}
	return out
}

// firstWord is the first word of s.
func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// redirection splits a word that is a redirection into its operator
// (>, >>, < or <<, after an optional descriptor: 2>) and its target, when
// it is attached (>file); op is "" for any other word.
func redirection(w string) (op, target string) {
	w = strings.TrimLeft(w, "0123456789")
	for _, o := range []string{">>", "<<", ">", "<"} {
		if strings.HasPrefix(w, o) {
			return o, strings.TrimPrefix(strings.TrimPrefix(w, o), "&")
		}
	}
	return "", ""
}

// templates returns the texts v can be, with a hole for each part that no
// constant fixes: modelHole where the model's input reaches, fixedHole
// elsewhere. It reads constants, concatenation, fmt.Sprintf with a
// constant format, conversions, phis, and a parameter through the calls
// of the run that pass it, depth calls deep.
func (f *flow) templates(v ssa.Value, depth int) []string {
	return f.templatesOf(v, depth, map[ssa.Value]bool{})
}

// templatesOf is templates, with the values on the way (a loop of phis and
// concatenations is a hole).
func (f *flow) templatesOf(v ssa.Value, depth int, onPath map[ssa.Value]bool) []string {
	hole := func() []string {
		if o := f.taint(v); o != nil && o.mask&kindMask([]string{"command"}) != 0 {
			return []string{modelHole}
		}
		return []string{fixedHole}
	}
	if onPath[v] {
		return hole()
	}
	onPath[v] = true
	defer delete(onPath, v)
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value != nil && x.Value.Kind() == constant.String {
			return []string{constant.StringVal(x.Value)}
		}
	case *ssa.Convert:
		return f.templatesOf(x.X, depth, onPath)
	case *ssa.ChangeType:
		return f.templatesOf(x.X, depth, onPath)
	case *ssa.MakeInterface:
		return f.templatesOf(x.X, depth, onPath)
	case *ssa.BinOp:
		if x.Op == token.ADD {
			return joinTemplates(f.templatesOf(x.X, depth, onPath), f.templatesOf(x.Y, depth, onPath))
		}
	case *ssa.Phi:
		var out []string
		for _, e := range x.Edges {
			out = appendTemplates(out, f.templatesOf(e, depth, onPath))
		}
		return out
	case *ssa.Call:
		if staticName(x) == "fmt.Sprintf" {
			if t := f.sprintf(x, depth, onPath); t != nil {
				return t
			}
		}
	case *ssa.Parameter:
		if depth > 0 && f.rc != nil && f.rc.cg != nil {
			var out []string
			for _, a := range f.passed(x) {
				out = appendTemplates(out, f.templatesOf(a, depth-1, onPath))
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	return hole()
}

// passed lists the arguments the run's calls pass parameter p.
func (f *flow) passed(p *ssa.Parameter) []ssa.Value {
	fn := p.Parent()
	i := -1
	for j, q := range fn.Params {
		if q == p {
			i = j
		}
	}
	node := f.rc.cg.Nodes[fn]
	if i < 0 || node == nil {
		return nil
	}
	var out []ssa.Value
	for _, e := range node.In {
		if e.Site == nil || !f.funcs[e.Caller.Func] {
			continue
		}
		if args := callArgs(e.Site.Common()); i < len(args) {
			out = append(out, args[i])
		}
	}
	return out
}

// sprintf returns the texts of fmt.Sprintf(format, args...) with a
// constant format, each verb replaced by its argument's texts; nil when
// the format or the arguments cannot be read.
func (f *flow) sprintf(call *ssa.Call, depth int, onPath map[ssa.Value]bool) []string {
	args := call.Call.Args
	if len(args) != 2 {
		return nil
	}
	format, ok := constString(args[0])
	if !ok {
		return nil
	}
	texts, ok := formatTexts(format)
	if !ok {
		return nil
	}
	operands := variadicElems(args[1])
	out := []string{texts[0]}
	for n, text := range texts[1:] {
		if n >= len(operands) || operands[n] == nil {
			return nil
		}
		out = joinTemplates(out, f.templatesOf(operands[n], depth, onPath))
		out = joinTemplates(out, []string{text})
	}
	return out
}

// formatTexts splits a constant fmt format at its verbs: the literal text
// before each verb, then the text after the last (%% is a literal %).
// False when the format ends inside a verb.
func formatTexts(format string) ([]string, bool) {
	var texts []string
	var text strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			text.WriteByte(format[i])
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.", format[j]) >= 0 {
			j++
		}
		if j >= len(format) {
			return nil, false
		}
		if format[j] == '%' {
			text.WriteByte('%')
		} else {
			texts = append(texts, text.String())
			text.Reset()
		}
		i = j
	}
	return append(texts, text.String()), true
}

// variadicElems returns the values stored in the array behind a variadic
// argument, by index; nil for an element it cannot find.
func variadicElems(v ssa.Value) []ssa.Value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok || !isArrayPtr(arr.Type()) {
		return nil
	}
	var out []ssa.Value
	arrayStores(arr, func(index, val ssa.Value) {
		k, ok := constInt(index)
		if !ok || k < 0 || k > 64 {
			return
		}
		for int(k) >= len(out) {
			out = append(out, nil)
		}
		out[k] = val
	})
	return out
}

// joinTemplates is every a followed by every b, at most maxTemplates.
func joinTemplates(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			if len(out) == maxTemplates {
				return out
			}
			out = append(out, x+y)
		}
	}
	return out
}

// appendTemplates adds b to a, at most maxTemplates in all.
func appendTemplates(a, b []string) []string {
	for _, y := range b {
		if len(a) == maxTemplates {
			break
		}
		a = append(a, y)
	}
	return a
}
