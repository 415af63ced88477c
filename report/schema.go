package report

// SchemaVersion is the version of the JSON document. It changes only when a
// field is removed or changes meaning; new fields keep the version.
const SchemaVersion = "1"

// Document is one scan's result: the canonical form that every output format
// is rendered from.
type Document struct {
	SchemaVersion string `json:"schema_version"`
	// Scanner names the program and version that wrote the document.
	Scanner Scanner `json:"scanner"`
	// Root is the module path (or directory name) that positions are relative to.
	Root string `json:"root"`
	// Dir is the absolute directory that positions are relative to, when
	// the analyzer knows it. It is never written, so that a report does
	// not depend on where the code was checked out; the command uses it
	// to read files and to make SARIF paths relative to the repository.
	Dir string `json:"-"`
	// Tools is sorted by name, then framework, then handler.
	Tools []Tool `json:"tools"`
	// Agents are the groups of tools that one model holds at once: the
	// tools registered on one MCP server value, passed to one agent, or
	// run by one dispatcher. A tool may belong to several agents, or to
	// none that the scan could tell. Sorted by name, then position.
	Agents []Agent `json:"agents"`
	// Findings is sorted by rule ID, then tool, then sink, then ID.
	Findings []Finding `json:"findings"`
	// Summary totals the tools' scores, for tracking over time.
	Summary Summary `json:"summary"`
	// Mismatches lists, for manual-dispatch SDKs, tools declared to the
	// model that no dispatch handles and dispatched names never declared.
	// Sorted by framework, name, kind.
	Mismatches []Mismatch `json:"mismatches"`
	// Warnings are one-line messages about packages that did not load,
	// and tools that may be incomplete because of them, sorted.
	Warnings []string `json:"warnings"`
	// NotAnalysed lists the packages that did not load or type-check, and
	// whose code was therefore not analysed, sorted by package. A build
	// that is broken this way fails --fail-on (see docs/ci.md).
	NotAnalysed []NotAnalysed `json:"not_analysed"`
	// ToolImports, in a scan that found no tool, lists the packages the
	// scanned packages import that deal in LLM tools (they define MCP's
	// CallToolRequest or CallToolResult, or a tool interface), sorted: the
	// tools may be registered in a way the catalog does not describe.
	// Absent when a tool was found or no such package is imported.
	ToolImports []string `json:"tool_imports,omitempty"`
}

// NotAnalysed is a package whose code was not analysed.
type NotAnalysed struct {
	// Package is the import path; for a module of a multi-module scan that
	// did not load at all, its directory relative to Root.
	Package string `json:"package"`
	// Error is the first error, one line, positions relative to Root.
	Error string `json:"error"`
	// Module says whether the package is the scanned module's own (or a
	// workspace module's), rather than a dependency.
	Module bool `json:"module"`
}

// Summary is the module's blast radius: the sum of its tools' scores.
type Summary struct {
	Tools       int `json:"tools"`
	BlastRadius int `json:"blast_radius"`
	Contained   int `json:"contained"`
	Percent     int `json:"percent"`
	// Worst names the tool with the largest uncontained blast radius.
	Worst string `json:"worst,omitempty"`
}

// Agent is a group of tools that one model can hold at once, and so chain:
// what one tool returns, the model can pass to another.
type Agent struct {
	// Name is the name given where the agent is made (a server's name,
	// an agent's Name field), when it is a constant; otherwise the short
	// name of the function that makes it, and NameFrom says so. Two
	// agents never share a name: the later ones get their position.
	Name string `json:"name"`
	// NameFrom is "constant" or "construction".
	NameFrom string `json:"name_from"`
	// Kind is "server" (an MCP server value and the tools registered on
	// it), "agent" (an agent or tool node made with a list of tools) or
	// "dispatcher" (code that runs the tool a model's call names).
	Kind      string `json:"kind"`
	Framework string `json:"framework"`
	// Position is where the agent is made: the server's constructor call,
	// the agent's construction, or the dispatch.
	Position Position `json:"position"`
	// AlsoAt are the other places that make an agent of the same kind
	// with the same tools (the branches of a switch that all build one),
	// reported as this one; sorted.
	AlsoAt []Position `json:"also_at"`
	// Tools names the agent's tools, as Tool.Name, sorted, each once.
	Tools []string `json:"tools"`
	// Gates are the conditions that some of its tools are registered
	// under, each with the tools it gates, sorted by position.
	Gates []AgentGate `json:"gates"`
	// Middleware is what code that runs around every tool of the agent
	// (middleware, a server's wrapper around each handler) can reach by
	// itself. It is not any one tool's capability, so it is listed here
	// once. Sorted by capability, then sink, then position.
	Middleware []Reach `json:"middleware"`
}

// AgentGate is a condition some of an agent's tools are registered under.
type AgentGate struct {
	Condition string   `json:"condition"`
	Position  Position `json:"position"`
	// Tools names the tools it gates, sorted.
	Tools []string `json:"tools"`
}

// Reach is a sink that code shared by an agent's tools can reach.
type Reach struct {
	Capability string   `json:"capability"`
	Sink       string   `json:"sink"`
	Position   Position `json:"position"`
	// Path runs from the shared code (Path[0]) to the function that
	// calls the sink, as Capability.Path.
	Path []Frame `json:"path"`
}

// Hints are the behaviour hints an MCP tool declares (ToolAnnotations).
// Each is "true" or "false" when the declaration is a constant, "unknown"
// when it is not (a flag, a configuration value), and empty when the tool
// does not declare it (MCP then assumes readOnly false, destructive true,
// idempotent false, openWorld true).
type Hints struct {
	ReadOnly    string `json:"read_only,omitempty"`
	Destructive string `json:"destructive,omitempty"`
	Idempotent  string `json:"idempotent,omitempty"`
	OpenWorld   string `json:"open_world,omitempty"`
	// Position is where they are declared: the annotations literal or
	// the first hint option.
	Position Position `json:"position"`
}

// Mismatch is a tool name that the declarations and the dispatch of one
// framework disagree on.
type Mismatch struct {
	Name      string `json:"name"`
	Framework string `json:"framework"`
	// Kind is "declared-not-dispatched" (the model is offered a tool that
	// nothing runs) or "dispatched-not-declared" (code runs for a name the
	// model is never offered: dead code, or a tool declared elsewhere).
	Kind string `json:"kind"`
	// Position is the declaration's name field, or the dispatch comparison.
	Position Position `json:"position"`
}

// Scanner identifies the program that produced a Document.
type Scanner struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Tool is one function that an LLM can trigger.
type Tool struct {
	// Name is the tool name the model sees, when it is a constant; otherwise
	// the handler's short name, and NameFrom says so.
	Name string `json:"name"`
	// NameFrom tells where Name comes from: "constant" (a literal in the
	// registration), "directive" (a //blastradius:tool comment) or
	// "handler" (no constant name was found; the handler's name stands in).
	NameFrom string `json:"name_from"`
	// Framework is the SDK that registers the tool: "mcp-go", "mcp-go-sdk",
	// "directive", ...
	Framework string `json:"framework"`
	// Handler is the entry function, spelled as (*ssa.Function).String()
	// prints it.
	Handler string `json:"handler"`
	// Position is the handler's declaration.
	Position Position `json:"position"`
	// Registration is where the tool is registered (the registration call,
	// or the directive comment).
	Registration Position `json:"registration"`
	// Inputs names the handler parameters that carry model-controlled data,
	// in parameter order.
	Inputs []string `json:"inputs"`
	// Capabilities is sorted by capability, then sink, then position. It is
	// an empty list, never null, for a tool that reaches no sink.
	Capabilities []Capability `json:"capabilities"`
	// Score weighs the tool's blast radius and how much of it is guarded.
	Score Score `json:"score"`
	// GatedBy, when set, is the condition under which the tool is
	// registered at all (a feature flag, a read-only mode).
	GatedBy *Gate `json:"gated_by,omitempty"`
	// Incomplete lists the code on the tool's call paths that could not be
	// analysed: the packages of NotAnalysed it calls into, and the
	// functions (spelled as Handler is) whose bodies use declarations that
	// did not type-check. What lies beyond is unknown, so the tool may
	// reach more than Capabilities says. Sorted; omitted when empty.
	Incomplete []string `json:"incomplete,omitempty"`
	// Hints are the MCP annotations the tool declares; nil when it
	// declares none.
	Hints *Hints `json:"hints,omitempty"`
}

// Capability is one sink that a tool can reach.
type Capability struct {
	// Capability is the catalog's class of the sink: exec, fs-read,
	// fs-write, db-read, db-write, network, env, payment, email,
	// cloud-read, cloud-write.
	Capability string `json:"capability"`
	// Sink is the called function, spelled as (*ssa.Function).String()
	// prints it (for an interface method, as types.Func.FullName does).
	Sink string `json:"sink"`
	// Position is the call of the sink; for a sink reached inside an
	// opaque dependency (through its summary, docs/summaries.md), the
	// analysed code's call into the dependency, which Path continues.
	Position Position `json:"position"`
	// Path is the witness: it runs from the handler (Path[0]) to the
	// function that contains the sink call (Path[len-1]). Each frame's
	// Position is the call it makes to the next frame; the last frame's is
	// the sink call.
	Path []Frame `json:"path"`
	// Tainted says whether the model chooses what the call does: its input
	// reaches a sensitive argument (the command, the query text, the URL,
	// the path; any argument of a sink with none declared). TaintedArgs
	// lists every argument that carries model-controlled data, a bind
	// parameter included (0-based, a method's receiver is 0), sorted;
	// empty, never null, when none does.
	Tainted     bool  `json:"tainted"`
	TaintedArgs []int `json:"tainted_args"`
	// Guards are the mitigations found on the witness path, sorted by
	// kind then position: those that protect the sink (Dominates) and those
	// that do not (a guard in a branch that can be skipped, or after the
	// sink), with a note saying why.
	Guards []Guard `json:"guards"`
	// MissingGuards lists the kinds this capability should have and does
	// not (limit and sandbox only when the model chooses the value), in
	// the order of the catalog's guard kinds.
	MissingGuards []string `json:"missing_guards"`
	// Runs, for exec, is what every call of the sink in the tool runs when
	// the code fixes it: the program's name and the constant words after
	// it up to the first option (podman container list, git log), sorted.
	// Absent when a call's program or words are not known.
	Runs []string `json:"runs,omitempty"`
}

// Guard is a mitigation on a capability's path.
type Guard struct {
	// Kind is confirmation, limit, ratelimit, sandbox or audit-log.
	Kind string `json:"kind"`
	// Symbol is the guard's call (a catalogued symbol or a declared
	// function), or what the check is ("comparison", "allowlist").
	Symbol   string   `json:"symbol"`
	Position Position `json:"position"`
	// Dominates is true when the guard runs before the sink on every path.
	Dominates bool `json:"dominates"`
	// Note explains a guard that does not count, or where it comes from.
	Note string `json:"note,omitempty"`
}

// Score is how much a tool can do and how much of it is contained.
type Score struct {
	// BlastRadius sums the impact of the tool's capabilities (exec and
	// payment 5, writes 4, e-mail and network 3, reads and env 2), doubled
	// where the model chooses the sensitive argument.
	BlastRadius int `json:"blast_radius"`
	// Contained is the part of BlastRadius whose required guards are all
	// present.
	Contained int `json:"contained"`
	// Percent is Contained/BlastRadius, rounded down; 100 for a harmless
	// tool.
	Percent int `json:"percent"`
}

// Gate is the condition a tool's registration depends on.
type Gate struct {
	Condition string   `json:"condition"`
	Position  Position `json:"position"`
}

// Frame is one function on a witness path.
type Frame struct {
	Function string   `json:"function"`
	Position Position `json:"position"`
}

// Position is a place in the source. File is relative to the module root and
// uses '/'. A file outside the module is written module@version/path.
type Position struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// Finding is a rule's verdict about one tool and one sink.
type Finding struct {
	// ID is a stable hash of (rule, tool, handler, sink); edits elsewhere
	// keep it.
	ID string `json:"id"`
	// RuleID is the rule's permanent ID (BR101); Rule its kebab-case name.
	RuleID   string `json:"rule_id"`
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	// Tool is the tool's name; empty for a finding about the program as a
	// whole (content reaching a prompt outside any tool).
	Tool string `json:"tool"`
	// Capability is the class of Sink, when Sink is a catalogued sink.
	Capability string `json:"capability"`
	// Sink is the function at the end of the flow: the sensitive call for
	// model → action flows, the read whose data reaches the model for
	// outside → model flows, the message constructor for prompt flows.
	Sink string `json:"sink"`
	// Position is the line a reader should look at first: the sink call,
	// or for data returned to the model the read that produced it.
	Position Position `json:"position"`
	Message  string   `json:"message"`
	// CWE and OWASP are the rule's tags (CWE-78, LLM05:2025).
	CWE   []string `json:"cwe"`
	OWASP []string `json:"owasp"`
	// Path runs from the tool's handler to the function holding the
	// finding's call, as Capability.Path; empty for a program finding.
	Path []Frame `json:"path"`
	// Steps is the data flow from its source (Steps[0]) to the sink
	// (Steps[len-1]), one step per line.
	Steps []Step `json:"steps"`
	// Suppressed is true when a //blastradius:ignore directive with a
	// reason covers the finding; Suppression is that reason. A suppressed
	// finding stays in the document but never fails a scan.
	Suppressed  bool   `json:"suppressed,omitempty"`
	Suppression string `json:"suppression,omitempty"`
	// Agent names the agent of a finding about the tools one model holds
	// together (a toxic combination); empty otherwise.
	Agent string `json:"agent,omitempty"`
	// Legs are, for a toxic combination, the tool and witness of each of
	// its legs: private data, untrusted content, exit, in that order.
	Legs []Leg `json:"legs,omitempty"`
	// Baseline is set only when the scan was compared with a baseline:
	// [BaselineNew] for a finding whose ID the baseline lacks,
	// [BaselineUnchanged] for one it has.
	Baseline string `json:"baseline,omitempty"`
}

// Leg is one tool's part in a toxic combination, with its witness.
type Leg struct {
	// Role is [RolePrivateData], [RoleUntrustedContent] or [RoleExit].
	Role string `json:"role"`
	Tool string `json:"tool"`
	// Also names the agent's other tools that could play this role,
	// sorted.
	Also []string `json:"also"`
	// Rule is the finding that witnesses the leg (BR202 for a file read
	// returned to the model, BR103 for a model-chosen URL...), when one
	// does.
	Rule       string `json:"rule"`
	Capability string `json:"capability"`
	// Sink is the read whose data reaches the model, or the call that
	// sends data out.
	Sink     string   `json:"sink"`
	Position Position `json:"position"`
	// Path and Steps are the witness: the call path from the tool's
	// handler, and the data flow, as a finding's.
	Path  []Frame `json:"path"`
	Steps []Step  `json:"steps"`
}

// The roles of a [Leg].
const (
	// RolePrivateData: the tool returns secrets, files, rows or cloud
	// data to the model.
	RolePrivateData = "private-data"
	// RoleUntrustedContent: the tool returns content written by others
	// (web pages, issues, e-mail, retrieved documents) to the model.
	RoleUntrustedContent = "untrusted-content"
	// RoleExit: the tool sends model-controlled data to a model-chosen
	// destination (a URL, a recipient, a repository, a command).
	RoleExit = "exit"
)

// The values of [Finding.Baseline], as SARIF's baselineState spells them.
const (
	BaselineNew       = "new"
	BaselineUnchanged = "unchanged"
)

// Step is one point of a data flow.
type Step struct {
	Position Position `json:"position"`
	// What says what happens there ("parameter req", "call
	// strings.TrimSpace", "argument 1 of os/exec.Command").
	What string `json:"what"`
}
