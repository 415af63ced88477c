package analyzer

import (
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
)

// This file finds the variables put in a command's environment (cmd.Env)
// whose names the code does not fix. The name of a variable decides what
// the program run does with its value: LD_PRELOAD loads a library into it,
// BASH_ENV, GIT_SSH_COMMAND, PAGER or EDITOR name commands it runs, PATH
// the programs it finds. A name the model chooses chooses what runs, so it
// is a command (BR101); a value under a name the code fixes ("LANG=" + v)
// is data the program reads.
//
// Each append that adds variables to what reaches a Cmd's Env is a site of
// the channel envField (see channelWrites); the taint that counts there is
// the names' only (flow.envNames). The entries stored some other way (a
// slice literal, the model's slice stored whole) are not followed.

// envField is the channel of a command's environment.
const envField = "(*os/exec.Cmd).Env"

// envAppends returns the appends whose entries reach the environment that
// st stores in a command (cmd.Env = append(os.Environ(), k+"="+v), or a
// slice a loop or a helper built that way), when some entry's name is not
// a constant.
func envAppends(st *ssa.Store) []*ssa.Call {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok || symbol.Type(fa.X.Type()) != "os/exec.Cmd" {
		return nil
	}
	if f := symbol.Field(fa.X.Type(), fa.Field); f == nil || f.Name() != "Env" {
		return nil
	}
	var out []*ssa.Call
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if seen[v] || depth > 4 {
			return
		}
		seen[v] = true
		switch x := v.(type) {
		case *ssa.Phi:
			for _, e := range x.Edges {
				walk(e, depth)
			}
		case *ssa.Call:
			if b, ok := x.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && len(x.Call.Args) == 2 {
				walk(x.Call.Args[0], depth)
				added := x.Call.Args[1]
				if _, packed := variadicPack(added); !packed && traced(added) {
					walk(added, depth) // append(env, helper(vars)...): the helper's appends
					return
				}
				if len(envEntryNames(added)) > 0 {
					out = append(out, x)
				}
				return
			}
			// A helper of the module that builds the entries: what it
			// returns.
			for _, r := range helperReturns(x, -1) {
				walk(r, depth+1)
			}
		}
	}
	walk(st.Val, 0)
	return out
}

// traced reports whether the entries of slice v come from appends that
// envAppends follows (a helper's result, a phi of appends), rather than
// from a slice it cannot see into (a parameter, a field, the model's
// list).
func traced(v ssa.Value) bool {
	switch x := v.(type) {
	case *ssa.Phi:
		return true
	case *ssa.Call:
		if b, ok := x.Call.Value.(*ssa.Builtin); ok {
			return b.Name() == "append"
		}
		callee := x.Call.StaticCallee()
		return callee != nil && len(callee.Blocks) > 0
	}
	return false
}

// envEntryNames returns the values that make up the names of the entries
// an append adds: of each packed entry, its parts before the "=" (see
// envName); entries spread from a slice it cannot see into are names
// whole.
func envEntryNames(added ssa.Value) []ssa.Value {
	entries, ok := variadicPack(added)
	if !ok {
		return []ssa.Value{added}
	}
	var out []ssa.Value
	for _, e := range entries {
		out = append(out, envName(e)...)
	}
	return out
}

// envName returns the values that make up the name of an environment
// entry NAME=value: none for a constant; of a concatenation, the name
// parts of its left side and, when the left side holds no "=", of its
// right; of fmt.Sprintf, the arguments formatted before the format's "=";
// of strings.Join(parts, "="), the first part. Anything else is the name
// whole.
//
// An entry whose fixed name says the value is a command, a program or a
// library to load ("GIT_SSH_COMMAND=" + v) is its command whole.
func envName(v ssa.Value) []ssa.Value {
	text, _ := leadingText(v)
	if name, _, found := strings.Cut(text, "="); found && commandVariables[name] {
		return []ssa.Value{v}
	}
	switch x := v.(type) {
	case *ssa.Const:
		return nil
	case *ssa.BinOp:
		if !isStringLike(x.Type()) {
			break
		}
		if k, ok := constString(x.X); ok && pinsName(k) {
			// "APP_" + name: a fixed prefix pins the variable to
			// the program's own (an "=" in it ends the name there).
			return nil
		}
		names := envName(x.X)
		if !holdsEquals(x.X) {
			names = append(names, envName(x.Y)...)
		}
		return names
	case *ssa.Call:
		args := x.Call.Args
		switch staticName(x) {
		case "fmt.Sprintf":
			format, ok := constString(args[0])
			if !ok {
				break
			}
			pack, ok := variadicPack(args[1])
			if !ok {
				break
			}
			before, _, _ := strings.Cut(format, "=")
			n := countVerbs(before)
			if n < 0 {
				n = len(pack) // a width or an index taken from the arguments
			}
			var names []ssa.Value
			for i, a := range pack {
				if i < n {
					if mi, ok := a.(*ssa.MakeInterface); ok {
						a = mi.X
					}
					names = append(names, envName(a)...)
				}
			}
			return names
		case "strings.Join":
			if sep, ok := constString(args[1]); !ok || sep != "=" {
				break
			}
			if pack, ok := variadicPack(args[0]); ok && len(pack) > 0 {
				return envName(pack[0])
			}
		}
	}
	return []ssa.Value{v}
}

// commandVariables are the environment variables whose value a program
// runs, loads or looks programs up in: set by the model, they choose what
// runs (GIT_SSH_COMMAND, LD_PRELOAD, PATH, an editor or a pager, an
// interpreter's startup options).
var commandVariables = map[string]bool{
	"LD_PRELOAD": true, "LD_LIBRARY_PATH": true, "LD_AUDIT": true, "DYLD_INSERT_LIBRARIES": true, "DYLD_LIBRARY_PATH": true,
	"PATH": true, "SHELL": true, "BASH_ENV": true, "ENV": true, "PROMPT_COMMAND": true,
	"GIT_SSH_COMMAND": true, "GIT_SSH": true, "GIT_ASKPASS": true, "SSH_ASKPASS": true, "GIT_EDITOR": true,
	"GIT_PAGER": true, "GIT_EXTERNAL_DIFF": true, "GIT_PROXY_COMMAND": true, "GIT_EXEC_PATH": true,
	"GIT_CONFIG_PARAMETERS": true, "GIT_CONFIG_GLOBAL": true, "GIT_CONFIG_SYSTEM": true, "LESSOPEN": true, "LESSCLOSE": true,
	"EDITOR": true, "VISUAL": true, "PAGER": true, "MANPAGER": true, "BROWSER": true,
	"GOFLAGS": true, "NODE_OPTIONS": true, "PYTHONSTARTUP": true, "PYTHONPATH": true,
	"PERL5OPT": true, "PERL5LIB": true, "RUBYOPT": true, "RUBYLIB": true, "JAVA_TOOL_OPTIONS": true, "_JAVA_OPTIONS": true, "JDK_JAVA_OPTIONS": true,
}

// pinsName reports whether a variable's name that starts with prefix is
// the program's own whatever follows: not when a command variable starts
// with it ("LD_" + k is LD_PRELOAD for k = "PRELOAD"). A prefix with an
// "=" has ended the name.
func pinsName(prefix string) bool {
	if prefix == "" {
		return false
	}
	if name, _, found := strings.Cut(prefix, "="); found {
		return !commandVariables[name]
	}
	for v := range commandVariables {
		if strings.HasPrefix(v, prefix) {
			return false
		}
	}
	return true
}

// leadingText returns the constant text an entry starts with: a
// constant, the constant operands at the left of a concatenation, a
// format's text up to its first verb whose argument is not a constant
// string (fmt.Sprintf("%s=%s", "LD_PRELOAD", v)), the constant elements
// strings.Join starts with. The text is whole when the entry has nothing
// else.
func leadingText(v ssa.Value) (text string, whole bool) {
	switch x := v.(type) {
	case *ssa.Const:
		s, ok := constString(x)
		return s, ok
	case *ssa.MakeInterface:
		return leadingText(x.X)
	case *ssa.BinOp:
		if !isStringLike(x.Type()) {
			break
		}
		left, whole := leadingText(x.X)
		if !whole {
			return left, false
		}
		right, whole := leadingText(x.Y)
		return left + right, whole
	case *ssa.Call:
		args := x.Call.Args
		switch staticName(x) {
		case "fmt.Sprintf":
			format, ok := constString(args[0])
			texts, split := formatTexts(format)
			pack, packed := variadicPack(args[1])
			if !ok || !split || !packed {
				break
			}
			text := texts[0]
			for n, after := range texts[1:] {
				if n >= len(pack) {
					return text, false
				}
				s, whole := leadingText(pack[n])
				if text += s; !whole {
					return text, false
				}
				text += after
			}
			return text, true
		case "strings.Join":
			sep, ok := constString(args[1])
			parts, packed := variadicPack(args[0])
			if !ok || !packed {
				break
			}
			var b strings.Builder
			for i, p := range parts {
				if i > 0 {
					b.WriteString(sep)
				}
				s, whole := leadingText(p)
				b.WriteString(s)
				if !whole {
					return b.String(), false
				}
			}
			return b.String(), true
		}
	}
	return "", false
}

// holdsEquals reports whether the text v is certainly holds an "=": a
// constant with one, or a concatenation or format with one in a constant
// part.
func holdsEquals(v ssa.Value) bool {
	switch x := v.(type) {
	case *ssa.Const:
		s, ok := constString(x)
		return ok && strings.Contains(s, "=")
	case *ssa.BinOp:
		return isStringLike(x.Type()) && (holdsEquals(x.X) || holdsEquals(x.Y))
	case *ssa.Call:
		if staticName(x) == "fmt.Sprintf" {
			format, ok := constString(x.Call.Args[0])
			return ok && strings.Contains(format, "=")
		}
	}
	return false
}

// countVerbs counts the formatting verbs of a format's text (a "%%" is
// none), or returns -1 when a verb may take its width or precision from
// the arguments (%*s) or name the argument it formats (%[2]s).
func countVerbs(format string) int {
	texts, ok := formatTexts(format)
	if !ok || strings.ContainsAny(format, "*[") {
		return -1
	}
	return len(texts) - 1
}

// envNames returns the taint of the names of the entries an append adds
// to a command's environment (argument i of the append): its base, 0, was
// reported where it was built.
func (f *flow) envNames(args []ssa.Value, i int) *origin {
	if i != 1 || len(args) != 2 {
		return nil
	}
	var out *origin
	for _, name := range envEntryNames(args[1]) {
		out = join(out, f.deep(name))
	}
	return out
}

// modelNamedEnv moves a hit of envField to the first append of the tool's
// whose names the model reaches (one a check confines, since h is not
// chosen): the capability shows with that check. It reports false when
// the model names no variable.
func (c *checker) modelNamedEnv(res *reached, h hit, tainted map[ssa.CallInstruction][]int) (hit, bool) {
	var sites []ssa.CallInstruction
	for s := range tainted {
		if c.rc.channels[s] == envField && res.inScope(s) {
			sites = append(sites, s)
		}
	}
	if len(sites) == 0 {
		return h, false
	}
	sort.Slice(sites, func(i, j int) bool { return sites[i].Pos() < sites[j].Pos() })
	h.site, h.at, h.tail = sites[0], res.steps[sites[0].Parent()], nil
	return h, true
}

// envNamesConfined reports whether every name the model chooses among the
// entries an append adds to a command's environment is confined (checked
// against a list of the variables allowed), and by which check.
func (c *checker) envNamesConfined(f *flow, res *reached, site ssa.CallInstruction, args []ssa.Value, i int) (check, bool) {
	if i != 1 || len(args) != 2 {
		return check{}, false
	}
	var last check
	for _, name := range envEntryNames(args[1]) {
		if o := f.deep(name); o == nil || o.mask == 0 {
			continue
		}
		chk, ok := c.confinedAt(f, res, site, name, "command")
		if !ok {
			chk, ok = prefixed(site.Block(), name)
		}
		if !ok {
			return check{}, false
		}
		last = chk
	}
	return last, last.pos.IsValid()
}

// prefixed returns the check, on the way to block, that name starts with a
// fixed prefix (strings.HasPrefix(k, "APP_") found true): the variable is
// one of the program's own, as "APP_" + k is.
func prefixed(block *ssa.BasicBlock, name ssa.Value) (check, bool) {
	same := func(x ssa.Value) bool { return factKey(x) == factKey(name) }
	pins := func(p string) bool { return !strings.Contains(p, "=") && pinsName(p) }
	if at, ok := prefixCheckAt(block, same, pins); ok {
		return check{what: "strings.HasPrefix", pos: at}, true
	}
	return check{}, false
}
