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
	// Tools is sorted by name, then framework, then handler.
	Tools []Tool `json:"tools"`
	// Findings is sorted by rule ID, then tool, then sink, then ID.
	Findings []Finding `json:"findings"`
	// Mismatches lists, for manual-dispatch SDKs, tools declared to the
	// model that no dispatch handles and dispatched names never declared.
	// Sorted by framework, name, kind.
	Mismatches []Mismatch `json:"mismatches"`
	// Warnings are one-line messages about packages that did not load,
	// sorted.
	Warnings []string `json:"warnings"`
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
}

// Capability is one sink that a tool can reach.
type Capability struct {
	// Capability is the catalog's class of the sink: exec, fs-read,
	// fs-write, db-read, db-write, network, env, payment, email.
	Capability string `json:"capability"`
	// Sink is the called function, spelled as (*ssa.Function).String()
	// prints it (for an interface method, as types.Func.FullName does).
	Sink string `json:"sink"`
	// Position is the call of the sink.
	Position Position `json:"position"`
	// Path is the witness: it runs from the handler (Path[0]) to the
	// function that contains the sink call (Path[len-1]). Each frame's
	// Position is the call it makes to the next frame; the last frame's is
	// the sink call.
	Path []Frame `json:"path"`
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
	ID       string `json:"id"`
	RuleID   string `json:"rule_id"`
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Tool     string `json:"tool"`
	Sink     string `json:"sink"`
	Message  string `json:"message"`
	// Path runs from the tool's handler to the sink call, as Capability.Path.
	Path []Frame `json:"path"`
}
