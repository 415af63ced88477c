package discovery

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"

	"github.com/blastradius/blastradius/rules"
)

// Input is what discovery reads.
type Input struct {
	Prog *ssa.Program
	// Scope is the application's own functions (anonymous functions and
	// generic instances included), in a deterministic order.
	Scope []*ssa.Function
	// Packages are the application's packages, for directives.
	Packages []*packages.Package
	Catalog  *rules.Catalog
	// Opaque reports whether a function's body is never entered (the
	// standard library, catalogued SDKs).
	Opaque func(*ssa.Function) bool
}

// Tool is one tool: a handler that a model can trigger, and how it is
// registered.
type Tool struct {
	Name string
	// NameFrom is "constant", "directive" or "handler" (no constant name
	// was found; the handler's name stands in).
	NameFrom  string
	Framework string
	// Handler is the tool's own function: the innermost one, inside any
	// wrappers.
	Handler *ssa.Function
	// Registration is where the tool is registered: the registration call,
	// the dispatch, or the directive.
	Registration token.Pos
	// Region, when set, limits Handler to these blocks: one case of a
	// dispatch inside it.
	Region map[*ssa.BasicBlock]bool
	// Position is where the tool is shown when it is not Handler's
	// declaration (a dispatch case).
	Position token.Pos
	// Inputs, when set, names the model-controlled data instead of the
	// handler's parameters (the arguments field of a dispatched call).
	Inputs []string
	// ServerArgs are the handler's parameters (by index in its signature,
	// a receiver not counted) that every dispatch running the tool gives a
	// value of the server's own (Execute(ctx, registry.GetLogger(), args)):
	// not the model's input.
	ServerArgs map[int]bool
	// Gates are the instructions whose enclosing conditions decide whether
	// the tool is registered at all, most direct first: the registration
	// call, then the helper calls and table rows the tool came through.
	Gates []ssa.Instruction
	// Servers are the values the registration's server argument can be
	// (the server constructor calls), to match middleware to its tools
	// and to group the tools each server offers.
	Servers []ssa.Value
	// Layers are the wrappers around Handler, outermost first: their code
	// runs for this tool, and their guards count for it.
	Layers []Layer
	// Capabilities, for a tool whose handler runs in a dependency the scan
	// does not enter (a catalogued library tool), are what the catalog
	// says it can reach.
	Capabilities []string
	// Hints are the behaviour hints the tool declares (an MCP tool's
	// annotations), by kind (rules.HintKinds): "true", "false", or
	// "unknown" for a value that is not a constant. A kind the tool does
	// not declare is absent. HintsAt is where they are declared.
	Hints   map[string]string
	HintsAt token.Pos

	// made are the values the tool is made as (the call of a tool
	// constructor such as eino's utils.NewTool), to find it in the lists
	// of tools that agents hold; holder is the dispatch that runs a
	// dispatched tool (agents.go); adapter is the conversion of the
	// adapter that runs a tool of the application's own interface
	// (adapter.go), which the lists hold instead of the tool.
	made    []ssa.CallInstruction
	holder  any
	adapter *ssa.MakeInterface
	// selfNamed marks a tool named by its own value (selfName): the value
	// a registry holds, which every registration that looks it up
	// serves. It is one tool, however many registrations find it.
	selfNamed bool
	// declared: the registration's name argument can be this name.
	declared bool
}

// Layer is one wrapper around a tool's handler.
type Layer struct {
	Fn *ssa.Function
	// Shared reports that the same wrapper value wraps other tools'
	// handlers too (server-wide middleware, a converting wrapper that
	// every tool goes through): its guards count for this tool, but what
	// its own code reaches belongs to the server, not to this tool.
	Shared bool
	// Next maps each call in Fn that runs the wrapped function to the
	// functions it runs for this tool (the next layer, or the handler).
	Next map[ssa.CallInstruction][]*ssa.Function
}

// Result is what discovery finds.
type Result struct {
	Tools []Tool
	// Declarations are the tools declared to the model by name, for
	// comparing with the dispatched ones.
	Declarations []Declaration
	// Middlewares are the catalogued middleware calls, whose guards count
	// for the tools of the servers they apply to.
	Middlewares []Middleware
	// Agents are the groups of tools that one model holds at once.
	Agents []Agent
	// Warnings are one-line messages about registrations whose tools
	// could not be told.
	Warnings []string
}

// Discover finds the tools of the analysed code.
func Discover(in Input) Result {
	e := newEngine(in.Prog, in.Catalog, in.Opaque, in.Scope)
	var res Result
	for _, r := range e.registrations(in.Scope) {
		tools := e.registered(r)
		if len(tools) == 0 && !e.rewraps[r.site] {
			res.Warnings = append(res.Warnings, e.cannotTell(r))
		}
		res.Tools = append(res.Tools, tools...)
	}
	res.Tools = mergeBranches(res.Tools)
	owned := map[*types.Package]bool{}
	for _, fn := range in.Scope {
		if fn.Pkg != nil {
			owned[fn.Pkg.Pkg] = true
		}
	}
	names := e.newModelNames(in.Scope, func(t types.Type) bool {
		n := namedOf(t)
		return n != nil && owned[n.Obj().Pkg()]
	})
	res.Tools = append(res.Tools, e.dispatches(in.Scope, names)...)
	res.Tools = append(res.Tools, e.interfaceTools(in.Scope, owned)...)
	res.Tools = append(res.Tools, e.handlerMapTools(in.Scope)...)
	d, w := directiveTools(in.Prog, in.Packages)
	res.Tools = dedup(in.Prog, append(res.Tools, d...))
	res.Agents = e.agents(in.Scope, res.Tools)
	res.Warnings = append(res.Warnings, w...)
	res.Declarations = e.declarations(in.Scope)
	res.Middlewares = e.middlewares(in.Scope)
	return res
}

// Dispatched reports whether the tool is run by a dispatch of the model's
// tool calls that the program makes itself (a switch on the name, a
// registry's lookup), rather than registered with an SDK.
func (t Tool) Dispatched() bool { return t.holder != nil }
