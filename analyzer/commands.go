package analyzer

import (
	"go/token"
	"go/types"
	"path"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/analyzer/symbol"
	"github.com/blastradius/blastradius/rules"
)

// This file says which program a command call runs, when the code fixes
// it: a constant, or one the program can only ever be (a package variable
// the module sets once, the path exec.LookPath finds, what a helper
// returns), and whether that program runs what its arguments name (a
// shell, a container engine's run or exec). When it does not, the model's
// words are options and operands of the program (argument injection,
// CWE-88), not a command of their own.

// runners are programs that run what their arguments name: a script (a
// shell, an interpreter) or another program (env, sudo, xargs, a remote
// or container shell). An argument of the model's given to one chooses
// what runs.
var runners = map[string]bool{
	"sh": true, "bash": true, "zsh": true, "dash": true, "ash": true, "ksh": true, "fish": true,
	"cmd": true, "cmd.exe": true, "powershell": true, "powershell.exe": true, "pwsh": true,
	"python": true, "python3": true, "node": true, "deno": true, "bun": true, "perl": true, "ruby": true, "php": true, "osascript": true,
	"env": true, "sudo": true, "doas": true, "xargs": true, "nice": true, "nohup": true, "timeout": true, "time": true, "exec": true, "watch": true,
	"ssh": true, "docker": true, "podman": true, "kubectl": true, "nsenter": true, "chroot": true,
}

// fixedProgram returns the program a command call runs when the code fixes
// it (exec.Command("git", args...)) and it is not a runner: the model's
// arguments to it are options and operands, not a command of their own.
// The program may be a constant the code hands down (a closure factory's
// runner("git"), a loop over a list of program names): then each constant
// it can be must be fixed, and the program shown is their list.
func (c *checker) fixedProgram(site ssa.CallInstruction, s rules.Sensitive, scope map[*ssa.Function]bool) (string, bool) {
	if s.Kind != "command" || !s.Rest {
		return "", false
	}
	if _, ok := c.rc.channels[site]; ok {
		// Text written into a shell's input: a format written there
		// (fmt.Fprintf(stdin, "eval %s\n", cmd)) is no program.
		return "", false
	}
	args := callArgs(site.Common())
	if s.Arg >= len(args) {
		return "", false
	}
	progs, ok := c.constantStrings(args[s.Arg], scope, map[ssa.Value]bool{})
	if !ok || len(progs) == 0 {
		return "", false
	}
	// An empty name runs nothing (a program not found on $PATH): the
	// others are what can run.
	progs = slices.DeleteFunc(progs, func(p string) bool { return p == "" })
	if len(progs) == 0 {
		return "", false
	}
	var runs []string
	for _, prog := range progs {
		name := programName(prog)
		if !runners[name] {
			runs = append(runs, prog)
			continue
		}
		subs, ok := c.inertSubcommands(name, site, s, scope)
		if !ok {
			return "", false
		}
		for _, sub := range subs {
			runs = append(runs, prog+" "+sub)
		}
	}
	progs = runs
	sort.Strings(progs)
	progs = slices.Compact(progs)
	if len(progs) == 1 {
		return progs[0], true
	}
	return "one of " + strings.Join(progs, ", "), true
}

// programName is the name a program is known by: its path's last element,
// without Windows' .exe (/usr/bin/git and git.exe are git).
func programName(prog string) string {
	return strings.TrimSuffix(path.Base(prog), ".exe")
}

// inertSubcommands are, for the runners that dispatch on a subcommand
// (a container engine's or a cluster's command-line tool), the subcommands
// that run nothing of their arguments: they read or change the engine's
// state, but no argument becomes a command or an image that runs. A
// subcommand that groups others ("container", "image") needs its own
// subcommand to be one of them too. Anything else (run, exec, build,
// create, debug, apply, patch, set, config, a plugin) may run what the
// model gives.
var inertSubcommands = map[string]map[string]bool{
	"docker": dockerInert, "podman": dockerInert, "nerdctl": dockerInert,
	"kubectl": {
		"get": true, "describe": true, "logs": true, "delete": true, "version": true, "api-resources": true,
		"api-versions": true, "explain": true, "top": true, "scale": true, "label": true, "annotate": true,
		"cordon": true, "uncordon": true, "drain": true, "taint": true, "events": true,
		// A rollout's restart, undo, pause or status, a wait for a
		// condition, a permission question, a dump, a certificate's
		// approval, a port forwarded, a service or an autoscaler made for
		// what exists, a file copied with the container's own tar: none
		// takes an image or a command.
		"rollout": true, "wait": true, "auth": true, "cluster-info": true, "certificate": true,
		"port-forward": true, "expose": true, "autoscale": true, "cp": true,
	},
}

var dockerInert = map[string]bool{
	"inspect": true, "ps": true, "logs": true, "images": true, "stop": true, "kill": true, "rm": true, "rmi": true,
	"pull": true, "push": true, "tag": true, "version": true, "info": true, "stats": true, "top": true, "port": true,
	"diff": true, "history": true, "search": true, "pause": true, "unpause": true, "restart": true, "rename": true,
	"wait": true, "events": true, "ls": true, "list": true, "prune": true,
	"container": true, "image": true, "volume": true, "network": true,
}

// subcommandGroups are the subcommands whose own subcommand says what runs.
var subcommandGroups = map[string]bool{"container": true, "image": true, "volume": true, "network": true}

// inertSubcommands returns the subcommands a command call gives a runner
// that dispatches on one, when they are fixed and run nothing of their
// arguments (podman inspect NAME): then the model's arguments are options
// and operands of that subcommand. Each argv the call can run (a helper's
// args ...string, from each of its calls in scope) must have one.
func (c *checker) inertSubcommands(prog string, site ssa.CallInstruction, s rules.Sensitive, scope map[*ssa.Function]bool) ([]string, bool) {
	inert := inertSubcommands[prog]
	if inert == nil {
		return nil, false
	}
	argvs, ok := c.argvsAfter(site, s, scope)
	if !ok {
		return nil, false
	}
	var subs []string
	for _, argv := range argvs {
		argv = c.afterAttachedOptions(argv, scope)
		word := func(i int) (string, bool) {
			if i >= len(argv) {
				return "", false
			}
			w := c.constantWord(argv[i], scope)
			return w, inert[w]
		}
		if prog, ok := c.programAfterSeparator(prog, argv, scope); ok {
			subs = append(subs, prog)
			continue
		}
		sub, ok := word(0)
		if !ok {
			return nil, false
		}
		if subcommandGroups[sub] {
			next, ok := word(1)
			if !ok || subcommandGroups[next] {
				return nil, false
			}
			sub += " " + next
		}
		subs = append(subs, sub)
	}
	return subs, true
}

// constantWord returns the one constant a word of an argv can be, or ""
// when it is unknown (nil, not constant, or one of several).
func (c *checker) constantWord(v ssa.Value, scope map[*ssa.Function]bool) string {
	if v == nil {
		return ""
	}
	ws, ok := c.constantStrings(v, scope, map[ssa.Value]bool{})
	if !ok || len(ws) != 1 {
		return ""
	}
	return ws[0]
}

// programAfterSeparator returns "exec -- P" when argv runs, in a pod, a
// program P that the code fixes after kubectl exec's "--" (kubectl exec -n
// NS POD -- cilium-dbg ARGS...): the words before "--" are kubectl's, one
// each, and those after P are P's options and operands, not a command.
// P must not run what its own arguments name (a shell).
func (c *checker) programAfterSeparator(prog string, argv []ssa.Value, scope map[*ssa.Function]bool) (string, bool) {
	if prog != "kubectl" || len(argv) == 0 {
		return "", false
	}
	if c.constantWord(argv[0], scope) != "exec" {
		return "", false
	}
	for i := 1; i+1 < len(argv); i++ {
		if c.constantWord(argv[i], scope) != "--" {
			continue
		}
		p := c.constantWord(argv[i+1], scope)
		if p == "" || strings.HasPrefix(p, "-") || runners[programName(p)] {
			return "", false
		}
		return "exec -- " + programName(p), true
	}
	return "", false
}

// argvsAfter returns the words a command call gives after the program,
// one list per argv it can run: the call's own arguments, or for a helper's
// args ...string each slice literal handed on to it from the calls in
// scope.
func (c *checker) argvsAfter(site ssa.CallInstruction, s rules.Sensitive, scope map[*ssa.Function]bool) ([][]ssa.Value, bool) {
	args := callArgs(site.Common())
	if s.Arg+1 > len(args) {
		return nil, false
	}
	if s.Arg+1 == len(args) {
		return [][]ssa.Value{nil}, true
	}
	if s.Arg+1 == len(args)-1 && site.Common().Signature().Variadic() {
		srcs := c.sliceSources(args[s.Arg+1], scope, map[ssa.Value]bool{})
		if len(srcs) == 0 {
			return nil, false
		}
		var argvs [][]ssa.Value
		for _, src := range srcs {
			argvs = append(argvs, variadicElems(src))
		}
		return argvs, true
	}
	return [][]ssa.Value{args[s.Arg+1:]}, true
}

// afterAttachedOptions returns argv without its leading options that
// carry their value in the same word (--token=T, --kubeconfig=/path):
// whatever that value is, the word is the option's, and the subcommand is
// the first word after them. An option and its value in two words
// (--namespace ns) ends the list: only the program knows whether it takes
// one.
func (c *checker) afterAttachedOptions(argv []ssa.Value, scope map[*ssa.Function]bool) []ssa.Value {
	for len(argv) > 0 && argv[0] != nil && c.attachedOption(argv[0], scope) {
		argv = argv[1:]
	}
	return argv
}

// attachedOption reports whether a word is an option with its value
// attached: a constant -x=y, or "--flag=" followed by anything.
func (c *checker) attachedOption(v ssa.Value, scope map[*ssa.Function]bool) bool {
	option := func(s string) bool { return strings.HasPrefix(s, "-") && strings.Contains(s, "=") }
	if b, ok := v.(*ssa.BinOp); ok && b.Op == token.ADD {
		if k, ok := b.X.(*ssa.Const); ok {
			s, ok := constString(k)
			return ok && option(s)
		}
		return false
	}
	ws, ok := c.constantStrings(v, scope, map[ssa.Value]bool{})
	if !ok || len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if !option(w) {
			return false
		}
	}
	return true
}

// commandLines returns what a command call runs when the code fixes it:
// for each program it can run and each argv, the program's name and the
// constant words after it up to the first option or word it does not fix
// (podman container list, git log, df), at most two. Nil when the program
// or an argv is not known.
func (c *checker) commandLines(site ssa.CallInstruction, s rules.Sensitive, scope map[*ssa.Function]bool) []string {
	if s.Kind != "command" || !s.Rest {
		return nil
	}
	if _, ok := c.rc.channels[site]; ok {
		return nil
	}
	args := callArgs(site.Common())
	if s.Arg >= len(args) {
		return nil
	}
	progs, ok := c.constantStrings(args[s.Arg], scope, map[ssa.Value]bool{})
	if !ok {
		return nil
	}
	argvs, ok := c.argvsAfter(site, s, scope)
	if !ok {
		return nil
	}
	var out []string
	for _, prog := range progs {
		if prog == "" {
			continue // runs nothing
		}
		name := programName(prog)
		for _, argv := range argvs {
			argv = c.afterAttachedOptions(argv, scope)
			line := name
			for i := 0; i < 2 && i < len(argv); i++ {
				w := c.constantWord(argv[i], scope)
				if w == "" || strings.HasPrefix(w, "-") {
					break
				}
				line += " " + w
			}
			out = append(out, line)
		}
	}
	if len(out) == 0 {
		return nil
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// toolCommandLines returns what every call of a hit's exec sink in the
// tool runs (see commandLines), or nil when one of them is not known.
func (c *checker) toolCommandLines(res *reached, h hit, scope map[*ssa.Function]bool) []string {
	if h.capability != "exec" || len(h.tail) > 0 {
		return nil
	}
	var out []string
	for _, site := range res.sites[[2]string{h.capability, h.sink}] {
		n := len(out)
		for _, sc := range c.sensitivesAt(site) {
			if sc.sym != h.sink {
				continue
			}
			for _, s := range sc.args {
				out = append(out, c.commandLines(site, s, scope)...)
			}
		}
		if len(out) == n {
			return nil
		}
	}
	if len(out) == 0 {
		return nil
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// sliceSources returns the slice literals a slice of strings can be:
// through phis, append (which keeps the elements it extends) and a
// parameter that the calls in scope give (args ...string handed on); nil
// when one is something else.
func (c *checker) sliceSources(v ssa.Value, scope map[*ssa.Function]bool, seen map[ssa.Value]bool) []*ssa.Slice {
	if seen[v] {
		// Met again (the literal that an append in the other edge of
		// a phi extends): it adds nothing to its first visit.
		return []*ssa.Slice{}
	}
	if len(seen) > 128 {
		// A builder's Build appends each option it holds on a
		// branch of its own: a phi and an append apiece.
		return nil
	}
	seen[v] = true
	each := func(vs []ssa.Value) []*ssa.Slice {
		if len(vs) == 0 {
			return nil
		}
		// Not nil: values all met before add nothing, and that is
		// no failure.
		out := []*ssa.Slice{}
		for _, w := range vs {
			srcs := c.sliceSources(w, scope, seen)
			if srcs == nil {
				return nil
			}
			out = append(out, srcs...)
		}
		return out
	}
	if from, ok := c.flowsFrom(v, scope); ok {
		return each(from)
	}
	switch x := v.(type) {
	case *ssa.Slice:
		if emptySlice(x) {
			return []*ssa.Slice{}
		}
		if arr, ok := x.X.(*ssa.Alloc); ok && isArrayPtr(arr.Type()) && x.Low == nil {
			return []*ssa.Slice{x}
		}
	case *ssa.Phi:
		return each(x.Edges)
	case *ssa.Call:
		if b, ok := x.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && len(x.Call.Args) == 2 {
			// append(words, more...): the words come first; when
			// words can be empty (a builder's make([]string, 0)
			// before its first WithArgs), more's come first.
			out := c.sliceSources(x.Call.Args[0], scope, seen)
			if out == nil || !c.canBeEmpty(x.Call.Args[0], scope, map[ssa.Value]bool{}) {
				return out
			}
			more := c.sliceSources(x.Call.Args[1], scope, seen)
			if more == nil {
				return nil
			}
			return append(out, more...)
		}
		return each(c.returnedValues(x, 0))
	case *ssa.UnOp:
		// A builder's words kept in an unexported field: what the
		// module stores there. Where it appends to the words already
		// there (WithArgs), the first words are those of the first
		// append, onto none.
		if fv := loadedField(x); fv != nil {
			var out []*ssa.Slice
			for _, st := range c.storedValues(fv) {
				if more := appendedTo(st, fv); more != nil {
					st = more
				}
				srcs := c.sliceSources(st, scope, seen)
				if srcs == nil {
					return nil
				}
				out = append(out, srcs...)
			}
			return out
		}
	case *ssa.MakeSlice, *ssa.Const:
		// No words (make([]string, 0, n), a nil slice): nothing comes
		// first from here.
		if c.canBeEmpty(x, scope, map[ssa.Value]bool{}) {
			return []*ssa.Slice{}
		}
	}
	return nil
}

// canBeEmpty reports whether a slice of words may hold none where it is
// used: a nil slice, a make of length 0, or a value that can be one of
// those (through phis, fields, parameters and results as sliceSources
// follows them). An append of a literal is never empty.
func (c *checker) canBeEmpty(v ssa.Value, scope map[*ssa.Function]bool, seen map[ssa.Value]bool) bool {
	if seen[v] || len(seen) > 128 {
		return false
	}
	seen[v] = true
	any := func(vs []ssa.Value) bool {
		for _, w := range vs {
			if c.canBeEmpty(w, scope, seen) {
				return true
			}
		}
		return false
	}
	if from, ok := c.flowsFrom(v, scope); ok {
		return any(from)
	}
	switch x := v.(type) {
	case *ssa.Const:
		return x.IsNil()
	case *ssa.MakeSlice:
		n, ok := constInt(x.Len)
		return ok && n == 0
	case *ssa.Slice:
		return emptySlice(x)
	case *ssa.Phi:
		return any(x.Edges)
	case *ssa.Call:
		if b, ok := x.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && len(x.Call.Args) == 2 {
			return c.canBeEmpty(x.Call.Args[0], scope, seen) && c.canBeEmpty(x.Call.Args[1], scope, seen)
		}
		return any(c.returnedValues(x, 0))
	case *ssa.UnOp:
		// A field made empty and appended to by the tool's own calls
		// (a builder made, then given its words) holds them when the
		// tool reads it: the tool fills its builder before it runs it.
		if fv := loadedField(x); fv != nil {
			stored := c.storedValues(fv)
			for _, st := range stored {
				if call, ok := st.(*ssa.Call); ok && appendedTo(st, fv) != nil && scope[call.Parent()] {
					return false
				}
			}
			return any(stored)
		}
	}
	return false
}

// emptySlice reports whether a slice expression has no elements: what
// make([]string, 0, 8) and []string{} become, a slice of an array up to 0.
func emptySlice(x *ssa.Slice) bool {
	if n, ok := constInt(x.High); ok && n == 0 {
		return true
	}
	if p, ok := x.X.Type().Underlying().(*types.Pointer); ok && x.High == nil {
		if a, ok := p.Elem().Underlying().(*types.Array); ok {
			return a.Len() == 0
		}
	}
	return false
}

// flowsFrom returns the values v comes from, one step back, when it is a
// call's result, a parameter (what the calls in scope pass), a closure's
// free variable (what it is bound to) or a variable a closure captures
// (what is stored in it: a cached run's func() { return run(command,
// args) }); false for any other value.
func (c *checker) flowsFrom(v ssa.Value, scope map[*ssa.Function]bool) ([]ssa.Value, bool) {
	switch x := v.(type) {
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok {
			return c.returnedValues(call, x.Index), true
		}
	case *ssa.Parameter:
		return c.argumentsWithin(x, scope), true
	case *ssa.FreeVar:
		return closureBindings(x), true
	case *ssa.UnOp:
		if fv, ok := x.X.(*ssa.FreeVar); ok && x.Op == token.MUL {
			return capturedValues(fv), true
		}
	}
	return nil, false
}

// loadedField returns the struct field a load reads (*b.args), or nil.
func loadedField(v *ssa.UnOp) *types.Var {
	fa, ok := v.X.(*ssa.FieldAddr)
	if !ok || v.Op != token.MUL {
		return nil
	}
	return symbol.Field(fa.X.Type(), fa.Field)
}

// appendedTo returns the words that v, a value stored into field fv,
// appends to the field's own (b.args = append(b.args, more...)), or nil.
func appendedTo(v ssa.Value, fv *types.Var) ssa.Value {
	call, ok := v.(*ssa.Call)
	if !ok || len(call.Call.Args) != 2 {
		return nil
	}
	if b, ok := call.Call.Value.(*ssa.Builtin); !ok || b.Name() != "append" {
		return nil
	}
	if load, ok := call.Call.Args[0].(*ssa.UnOp); !ok || loadedField(load) != fv {
		return nil
	}
	return call.Call.Args[1]
}

// argumentsWithin returns what the static calls of scope (every call, for
// a nil scope) pass parameter p: in a tool's functions, the run(args...)
// of the one method the tool calls, not those of its siblings. Nil when a
// call of p's function is dynamic: its arguments are not all known.
func (c *checker) argumentsWithin(p *ssa.Parameter, scope map[*ssa.Function]bool) []ssa.Value {
	node := c.rc.cg.Nodes[p.Parent()]
	i := slices.Index(p.Parent().Params, p)
	if node == nil || i < 0 {
		return nil
	}
	var out []ssa.Value
	for _, e := range node.In {
		if e.Site == nil || !callsDirectly(e.Site.Common(), p.Parent()) {
			return nil
		}
		if scope != nil && !scope[e.Caller.Func] {
			continue
		}
		if args := callArgs(e.Site.Common()); i < len(args) {
			out = append(out, args[i])
		}
	}
	return out
}

// callsDirectly reports whether a call hands its arguments to fn as they
// are: a static call of fn, or a call of an interface's method that runs
// fn, one of the implementations (an executor that a test may swap). A call
// of a function value may run a wrapper or a closure that binds some of
// them instead.
func callsDirectly(c *ssa.CallCommon, fn *ssa.Function) bool {
	if c.IsInvoke() {
		return fn.Signature.Recv() != nil && fn.Name() == c.Method.Name()
	}
	return c.StaticCallee() == fn
}

// constantStrings returns the string constants v can be: v itself, the
// edges of a phi, what a closure's free variable is bound to where the
// closure is made, what every static caller gives a parameter (every
// caller in scope, the tool's functions, when scope is set and holds one:
// a builder's NewCommandBuilder("cilium") in this tool, whatever other
// tools give it), the
// elements of a list of constants that a loop reads, what the module
// stores in a package variable or an unexported field, what a function of
// the module returns, or the program exec.LookPath is asked for; false
// when one of them is anything else.
func (c *checker) constantStrings(v ssa.Value, scope map[*ssa.Function]bool, seen map[ssa.Value]bool) ([]string, bool) {
	if len(seen) > 64 {
		return nil, false
	}
	if seen[v] {
		// Met again (a loop of phis, a value stored twice): it adds
		// nothing to what its first visit gives.
		return nil, true
	}
	seen[v] = true
	union := func(vs []ssa.Value) ([]string, bool) {
		if len(vs) == 0 {
			return nil, false
		}
		var out []string
		for _, x := range vs {
			ss, ok := c.constantStrings(x, scope, seen)
			if !ok {
				return nil, false
			}
			out = append(out, ss...)
		}
		return out, true
	}
	switch x := v.(type) {
	case *ssa.Const:
		if s, ok := constString(x); ok {
			return []string{s}, true
		}
	case *ssa.Phi:
		return union(x.Edges)
	case *ssa.FreeVar:
		return union(closureBindings(x))
	case *ssa.Parameter:
		args := c.argumentsWithin(x, scope)
		if len(args) == 0 && scope != nil {
			// A factory called where the tools are registered, out
			// of every tool (runner("git") making the handler): all
			// its callers.
			args = c.argumentsWithin(x, nil)
		}
		return union(args)
	case *ssa.UnOp:
		if x.Op != token.MUL {
			break
		}
		if fv, ok := x.X.(*ssa.FreeVar); ok {
			// A captured variable: what is stored in it where the
			// closure is made, if the closure itself never stores.
			return union(capturedValues(fv))
		}
		switch a := x.X.(type) {
		case *ssa.Global:
			// A package variable set when the server starts (a
			// program looked up on $PATH once): what the module's
			// code stores in it.
			return union(c.storedValues(a))
		case *ssa.FieldAddr:
			if fv := symbol.Field(a.X.Type(), a.Field); fv != nil {
				return union(c.storedValues(fv))
			}
		}
		if w, ok := firstSplitWord(x.X); ok {
			return []string{w}, true
		}
		return union(listElements(x.X))
	case *ssa.Field:
		if fv := symbol.Field(x.X.Type(), x.Field); fv != nil {
			return union(c.storedValues(fv))
		}
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok {
			if x.Index == 0 && isLookPath(call) {
				// exec.LookPath("rg") finds the program its
				// argument names: the path it returns runs rg.
				return c.constantStrings(call.Call.Args[0], scope, seen)
			}
			return union(c.returnedValues(call, x.Index))
		}
	case *ssa.Call:
		return union(c.returnedValues(x, 0))
	}
	return nil, false
}

// isLookPath reports whether call is exec.LookPath.
func isLookPath(call *ssa.Call) bool {
	callee := call.Call.StaticCallee()
	return callee != nil && len(call.Call.Args) == 1 && symbolOf(callee) == "os/exec.LookPath"
}

// storedValues returns the values the module's functions store into a
// package variable (*ssa.Global) or an unexported struct field
// (*types.Var), or nil when its address is taken anywhere (handed to
// flag.StringVar, kept in a pointer): then it may be set in ways not seen.
// A dependency cannot import the module, and reflection (a decoder) cannot
// set an unexported field, so no other code stores into them.
func (c *checker) storedValues(key any) []ssa.Value {
	if v, ok := key.(*types.Var); ok && v.Exported() && !c.exportedFields {
		return nil
	}
	if c.stored == nil {
		c.stored = map[any][]ssa.Value{}
		escaped := map[any]bool{}
		var ops []*ssa.Value
		for fn := range c.module {
			eachInstr(fn, func(instr ssa.Instruction) {
				if st, ok := instr.(*ssa.Store); ok {
					switch a := st.Addr.(type) {
					case *ssa.Global:
						c.stored[a] = append(c.stored[a], st.Val)
					case *ssa.FieldAddr:
						if f := symbol.Field(a.X.Type(), a.Field); f != nil {
							c.stored[f] = append(c.stored[f], st.Val)
						}
					}
				}
				if fa, ok := instr.(*ssa.FieldAddr); ok && !onlyStoredOrLoaded(fa) {
					if f := symbol.Field(fa.X.Type(), fa.Field); f != nil {
						escaped[f] = true
					}
				}
				for _, op := range instr.Operands(ops[:0]) {
					g, ok := (*op).(*ssa.Global)
					if !ok {
						continue
					}
					switch x := instr.(type) {
					case *ssa.Store:
						if x.Addr == ssa.Value(g) {
							continue
						}
					case *ssa.UnOp:
						if x.Op == token.MUL {
							continue
						}
					}
					escaped[g] = true
				}
			})
		}
		for k := range escaped {
			c.stored[k] = nil
		}
	}
	return c.stored[key]
}

// onlyStoredOrLoaded reports whether an address is only stored into and
// loaded from.
func onlyStoredOrLoaded(addr ssa.Value) bool {
	for _, r := range *addr.Referrers() {
		switch x := r.(type) {
		case *ssa.Store:
			if x.Addr != addr {
				return false
			}
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// returnedValues returns what a call of a function of the module gives
// back as its result i: a static call's callee, or the call graph's
// callees of a dynamic one (a package variable holding the function that
// sync.OnceValue wraps: `var rg = sync.OnceValue(findRg)`, then `rg()`;
// callgraph.go adds that edge), or nil when one is not the module's.
func (c *checker) returnedValues(call *ssa.Call, i int) []ssa.Value {
	var callees []*ssa.Function
	if callee := call.Call.StaticCallee(); callee != nil {
		callees = []*ssa.Function{callee}
	} else {
		callees = c.rc.graphCallees(call)
	}
	if len(callees) == 0 {
		return nil
	}
	var out []ssa.Value
	for _, callee := range callees {
		if !c.module[callee] || i >= callee.Signature.Results().Len() {
			return nil
		}
		for _, ret := range returnsOf(callee) {
			out = append(out, ret.Results[i])
		}
	}
	return out
}

// capturedValues returns the values stored into a variable that a closure
// captures by reference (a factory's parameter boxed for its closure), or
// nil when the closure stores into it too.
func capturedValues(fv *ssa.FreeVar) []ssa.Value {
	for _, ref := range *fv.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == fv {
			return nil
		}
	}
	var out []ssa.Value
	for _, b := range bindingsOf(fv) {
		a, ok := b.(*ssa.Alloc)
		if !ok {
			return nil
		}
		for _, r := range *a.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == a {
				out = append(out, st.Val)
			}
		}
	}
	return out
}

// closureBindings returns the values a free variable is bound to where its
// closure is made, or nil for a variable captured by reference (a pointer
// to a variable that may change).
func closureBindings(fv *ssa.FreeVar) []ssa.Value {
	if isPointer(fv.Type()) {
		return nil
	}
	return bindingsOf(fv)
}

// bindingsOf returns what each MakeClosure of a free variable's function
// binds it to.
func bindingsOf(fv *ssa.FreeVar) []ssa.Value {
	fn := fv.Parent()
	i := slices.Index(fn.FreeVars, fv)
	if i < 0 {
		return nil
	}
	var out []ssa.Value
	for _, mc := range symbol.ClosureMakers(fn) {
		if i < len(mc.Bindings) {
			out = append(out, mc.Bindings[i])
		}
	}
	return out
}

// listElements returns the values stored into the elements of the array
// that addr indexes, when addr is an element of a list literal (`for _, p :=
// range []string{"git", "df"}` reads &list[i]); nil otherwise.
func listElements(addr ssa.Value) []ssa.Value {
	ia, ok := addr.(*ssa.IndexAddr)
	if !ok {
		return nil
	}
	x := ia.X
	if sl, ok := x.(*ssa.Slice); ok {
		x = sl.X
	}
	arr, ok := x.(*ssa.Alloc)
	if !ok || !isArrayPtr(arr.Type()) {
		return nil
	}
	var out []ssa.Value
	arrayStores(arr, func(_, val ssa.Value) { out = append(out, val) })
	return out
}

// argumentsOnly reports whether the tainted arguments of a command call
// are only arguments to a program the code fixed (fixedProgram): the
// model does not choose what runs.
func (c *checker) argumentsOnly(site ssa.CallInstruction, tainted []int, scope map[*ssa.Function]bool) bool {
	if len(tainted) == 0 {
		return false
	}
	for _, sc := range c.sensitivesAt(site) {
		for _, s := range sc.args {
			if _, ok := c.fixedProgram(site, s, scope); !ok {
				continue
			}
			for _, i := range tainted {
				// The program itself, fixed, is not the model's
				// however it is tainted (the first word of a line
				// split with the model's words after it).
				if i < s.Arg {
					return false
				}
			}
			return true
		}
	}
	return false
}

// firstSplitWord returns the first word of a command line split into
// words, when the line starts with a constant word: parts[0] of
// strings.Fields("az " + args), of strings.Split(line, " ") or of a shell
// splitter's Split(fmt.Sprintf("helm %s", args)). The rest of the line is
// the program's arguments, whoever writes them.
func firstSplitWord(addr ssa.Value) (string, bool) {
	ia, ok := addr.(*ssa.IndexAddr)
	if !ok {
		return "", false
	}
	if k, ok := ia.Index.(*ssa.Const); !ok || k.Value == nil || k.Value.ExactString() != "0" {
		return "", false
	}
	words := ia.X
	if ex, ok := words.(*ssa.Extract); ok && ex.Index == 0 {
		words = ex.Tuple
	}
	call, ok := words.(*ssa.Call)
	if !ok {
		return "", false
	}
	callee := call.Call.StaticCallee()
	if callee == nil || len(call.Call.Args) == 0 {
		return "", false
	}
	pkg := symbol.Package(callee)
	switch {
	case pkg == "strings" && callee.Name() == "Fields":
	case pkg == "strings" && callee.Name() == "Split" && len(call.Call.Args) == 2:
		if sep, ok := constString(call.Call.Args[1]); !ok || sep != " " {
			return "", false
		}
	case callee.Name() == "Split" && (strings.HasSuffix(pkg, "shlex") || strings.HasSuffix(pkg, "shellquote")):
	default:
		return "", false
	}
	prefix := constantPrefix(call.Call.Args[0], 0)
	line := strings.TrimLeft(prefix, " \t")
	end := strings.IndexAny(line, " \t")
	if end <= 0 || strings.ContainsAny(line[:end], "'\"\\$`") {
		return "", false // no whole word fixed, or one a shell splitter reads otherwise
	}
	return line[:end], true
}

// constantPrefix returns what a string always starts with: a constant, the
// prefix of a concatenation, or of fmt.Sprintf's constant format up to
// its first verb.
func constantPrefix(v ssa.Value, depth int) string {
	if depth > 8 {
		return ""
	}
	if s, ok := constString(v); ok {
		return s
	}
	switch x := v.(type) {
	case *ssa.BinOp:
		if x.Op != token.ADD {
			return ""
		}
		left := constantPrefix(x.X, depth+1)
		if s, ok := constString(x.X); ok && s == left {
			return left + constantPrefix(x.Y, depth+1)
		}
		return left
	case *ssa.Call:
		if callee := x.Call.StaticCallee(); callee != nil && symbol.Package(callee) == "fmt" && callee.Name() == "Sprintf" && len(x.Call.Args) > 0 {
			if format, ok := constString(x.Call.Args[0]); ok {
				if i := strings.IndexByte(format, '%'); i >= 0 {
					return format[:i]
				}
				return format
			}
		}
	}
	return ""
}
