package rules

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/token"
	"io"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Capabilities are the stable classes of sinks. Every later feature keys on
// these names, so they never change.
var Capabilities = []string{"exec", "fs-read", "fs-write", "db-read", "db-write", "network", "env", "payment", "email", "cloud-read", "cloud-write"}

// Catalog is the parsed set of sinks, opaque packages and tool
// registrations. It deals in symbol strings; the analyzer maps SSA onto them.
type Catalog struct {
	// Sinks maps a normalized symbol (see [Normalize]) to its sink.
	Sinks map[string]Sink
	// SinkPatterns are the sinks whose symbol has wildcards, most specific
	// (longest) first; [Catalog.Sink] tries them after Sinks.
	SinkPatterns []Sink
	// NotSinks are calls that a sink pattern matches but that are no
	// capability (bedrockruntime's InvokeModel is the LLM call itself, not
	// an "Invoke*" of a cloud resource): exact symbols and patterns.
	NotSinks []Sink
	// Opaque lists normalized package-path prefixes whose function bodies are
	// never entered: catalogued drivers and SDKs. The standard library is
	// opaque too (see [Catalog.WithStandardLibrary]).
	Opaque []string
	// APIs lists normalized package-path prefixes of a platform's API
	// clients: the requests their own code makes are operations on the
	// platform's resources, cloud-read or cloud-write by the operation's
	// name (docs/summaries.md).
	APIs []string
	// Operations maps a normalized symbol to the argument that names the
	// operation an HTTP request performs, its method: an operation of the
	// platform's API when an API client fixes it.
	Operations map[string]ArgRef
	// RPCs maps a normalized symbol to the argument that names the remote
	// procedure a call runs ("/google.pubsub.v1.Publisher/Publish"): an
	// operation of the service it calls, wherever the name is fixed.
	RPCs map[string]ArgRef
	// ReadVerbs are the operation names that read (GET, Get, List...): an
	// operation named so, or whose last element starts with one followed
	// by an upper-case letter or nothing, reads; any other changes
	// something.
	ReadVerbs []string
	// ReadEndpoints are the last path elements of the endpoints that a
	// POST reads from (search, query, _count): REST APIs take a query
	// that does not fit a URL in a POST's body.
	ReadEndpoints []string
	// BodyEndpoints are the last path elements of the endpoints whose
	// POST carries its operation in its body (graphql): its method says
	// nothing of what it does.
	BodyEndpoints []string
	// Registers maps a normalized symbol to a call that registers tools.
	Registers map[string]Register
	// Adapters maps a normalized symbol to a function that wraps a handler.
	Adapters map[string]Adapter
	// ToolNames maps a normalized symbol to a function that builds a tool
	// from a constant name argument.
	ToolNames map[string]ToolName
	// ToolTypes maps a normalized type (pkgpath.Name) to the field that holds
	// a tool's name.
	ToolTypes map[string]ToolType
	// ToolStructs maps a normalized type to the fields that pair a tool with
	// its handler.
	ToolStructs map[string]ToolStruct
	// Implements lists interfaces whose implementations are tools.
	Implements map[string]Implements
	// LibraryTools maps a normalized type (pkgpath.Name) of a dependency
	// to the tool it implements: a value of it that the application
	// converts to a catalogued tool interface is a tool whose handler runs
	// in the dependency.
	LibraryTools map[string]LibraryTool
	// Dispatch maps a normalized struct type to the field holding the tool
	// name of a model's tool call: code comparing it with a constant
	// dispatches that tool.
	Dispatch map[string]Dispatch
	// Declares maps a normalized struct type to the field holding the name
	// of a tool declared to the model.
	Declares map[string]Declare
	// HandlerMaps maps a normalized struct type to its field holding a
	// map[string]handler keyed by tool name.
	HandlerMaps map[string]HandlerMap
	// Sensitive maps a normalized symbol to the arguments whose value must
	// not be chosen by the model (the command of exec, the text of a query).
	// A symbol "@CAPABILITY" stands for every sink of that capability.
	// Patterns (gorm's every method) are in sensitivePatterns; look a
	// symbol up with [Catalog.SensitiveArgs].
	Sensitive map[string][]Sensitive
	// ChosenBy maps a capability to the taint kind that decides whether
	// the model chooses what one of its sinks with no sensitive arguments
	// of its own does: a request sent by (*http.Client).Do goes where the
	// model says when its URL (kind url) carries the model's input, not
	// when its body does.
	ChosenBy map[string]string
	// Channels maps a normalized symbol whose first result writes into a
	// started process's input (a stdin pipe, a PTY's master) to the
	// capabilities a write there is (exec; exec and network for a remote
	// shell): the process reads the written text as commands.
	Channels map[string][]string
	// Encoders are the functions whose result is a message in a
	// structured format (JSON, XML, protobuf): written into a channel, the
	// model's text inside it is a value of the protocol the process
	// speaks, not a command.
	Encoders SymbolSet
	// Lazy maps a normalized symbol of an opaque function that returns a
	// function to the argument that function calls (sync.OnceValue's
	// argument, run by the first call of what it returns): a call of the
	// returned value is a call of that argument.
	Lazy map[string]ArgRef
	// Removes maps a normalized symbol of an opaque function to the
	// argument whose text its result no longer holds: strings.ReplaceAll's
	// old, which the call takes out of what it returns.
	Removes map[string]ArgRef
	// RanBy maps a normalized type whose values report what an agent of a
	// framework that runs its tools itself did (an event its runner
	// yields) to that framework (a `ranby` line): a tool call read from
	// one has run already.
	RanBy map[string]string
	// ReadTxs maps a normalized symbol that begins a transaction, or runs
	// a function it is handed in one, to what makes that transaction
	// read-only (a `readtx` line): the database refuses any write in it,
	// whatever statement the model writes.
	ReadTxs map[string]ReadTx
	// Programs maps a program's name (its last path element: cat, tee)
	// to the capabilities it has on the files its arguments name, when a
	// command line built from a fixed template runs it (see
	// analyzer/template.go).
	Programs map[string][]string
	// Sanitizers maps a normalized symbol to the taint kinds its result no
	// longer carries.
	Sanitizers map[string]Sanitizer
	// Sources maps a normalized symbol to the label of the outside data its
	// result carries, beyond the read sinks (which are sources already).
	Sources map[string]Source
	// SourceFields maps a normalized struct type to its fields that hold
	// outside data (net/http.Request's Body and Form hold the HTTP
	// client's input).
	SourceFields map[string]map[string]Source
	// NotInputs maps a normalized struct type of an SDK's request to the
	// fields the SDK fills itself, not from the model's call (the session,
	// the transport's headers): never the model's input.
	NotInputs map[string]map[string]bool
	// NotInputTypes holds the normalized types of an SDK's handler
	// parameters that the SDK gives from its own configuration, never from
	// the model's call (eino's call options, tool.Option): a parameter of
	// such a type, or a slice of it, is not the model's input.
	NotInputTypes map[string]bool
	// Checks maps a normalized symbol of a boolean function to the taint
	// kinds it confines when its true result guards a call
	// (strings.HasPrefix on a path, slices.Contains on an allowlist).
	Checks map[string]Sanitizer
	// ToolResults maps a normalized symbol to the argument that is sent back
	// to the model as a tool's result (openai.ToolMessage's content).
	ToolResults map[string]ArgRef
	// Prompts maps a normalized symbol to the argument that becomes part of
	// a message sent to the model.
	Prompts map[string]Prompt
	// ToolResultFields and PromptFields are the struct fields that reach
	// the model when a message is built as a struct literal
	// (go-openai's ChatCompletionMessage{Role: "tool", Content: out}),
	// keyed by the normalized type.
	ToolResultFields map[string][]MessageField
	PromptFields     map[string][]MessageField
	// Rules maps a rule ID to its metadata.
	Rules map[string]Rule
	// Guards maps a normalized symbol to the kind of mitigation its call
	// is (confirmation, ratelimit, sandbox, allowlist, audit-log).
	Guards map[string]Guard
	// Middlewares maps a normalized symbol to a call that wraps every tool
	// of a framework with the function at Arg.
	Middlewares map[string]Middleware
	// Agents maps a normalized function symbol or struct type to where it
	// takes the list of tools that one agent holds (langchaingo's
	// agents.NewOneShotAgent, eino's compose.ToolsNodeConfig.Tools).
	Agents map[string]AgentHolder
	// Destructive are the sinks that delete or destroy what they act on
	// (os.RemoveAll, a Kubernetes Delete): what a tool declaring
	// destructiveHint false must not reach.
	Destructive SymbolSet
	// Exits are the cloud calls that publish what they are given where
	// their arguments say (a GitHub issue, an S3 object, a Kubernetes
	// object): with model-controlled arguments, a way out for data.
	Exits SymbolSet
	// Annotations maps a normalized tool type to its field holding the
	// tool's MCP annotations; Hints maps a normalized annotations type to
	// its hint fields, each with its kind; HintOptions maps a normalized
	// symbol to a tool option that sets a hint (or, for the kind
	// "annotations", the whole annotations value).
	Annotations map[string]string
	Hints       map[string]map[string]string
	HintOptions map[string]HintOption

	// sensitiveFile remembers which file set each symbol's sensitive
	// arguments, so that a later file replaces them whole.
	sensitiveFile map[string]string
	// sensitivePatterns are the sensitive entries whose symbol has
	// wildcards, most specific (longest) first.
	sensitivePatterns []sensitivePattern
	// std holds the standard library's package paths, as the loaded
	// program's go command reports them; see [Catalog.WithStandardLibrary].
	std map[string]bool
	// entered are the normalized paths of the modules being scanned,
	// never opaque (WithModules).
	entered []string
	// digest is a hash of every file parsed, in order: see
	// [Catalog.Digest].
	digest [sha256.Size]byte
}

// Digest identifies the catalog's contents: the names and bytes of the
// files parsed into it, in order. Whatever is derived from a catalog (a
// dependency's summary) is valid for the catalogs of the same digest.
func (c *Catalog) Digest() string { return hex.EncodeToString(c.digest[:]) }

// IsAPI reports whether the package path is under a catalogued API client
// prefix (an `api` line).
func (c *Catalog) IsAPI(pkgPath string) bool { return underPrefix(c.APIs, pkgPath) }

// NotSink reports whether a call of symbol is no capability: a `notsink`
// line names it and no sink of its own does. What such a call reaches is
// not the tool's either (a logger writing its files).
func (c *Catalog) NotSink(symbol string) bool {
	n := Normalize(symbol)
	if _, ok := c.Sinks[n]; ok {
		return false
	}
	_, ok := matchPattern(c.NotSinks, n)
	return ok
}

// Reads reports whether an operation name reads: an HTTP method or an RPC
// method name ("/google.pubsub.v1.Subscriber/Pull"), judged by its last
// element against the catalog's read verbs.
func (c *Catalog) Reads(op string) bool {
	if i := strings.LastIndexByte(op, '/'); i >= 0 {
		op = op[i+1:]
	}
	for _, v := range c.ReadVerbs {
		if rest, ok := strings.CutPrefix(op, v); ok && (rest == "" || 'A' <= rest[0] && rest[0] <= 'Z' || '0' <= rest[0] && rest[0] <= '9') {
			return true
		}
	}
	return false
}

// ReadsEndpoint reports whether a POST to an endpoint reads: the last path
// element that the URL fixes (not a {parameter} or a format verb) is one of
// the catalog's read endpoints, or starts with one followed by '-', '_' or
// '.'; case does not matter ("/v1/collections/{name}/points/search",
// "/access-control/users/roles/search", "/logs/_count").
func (c *Catalog) ReadsEndpoint(path string) bool {
	return endpointIs(path, c.ReadEndpoints)
}

// BodyEndpoint reports whether a POST to an endpoint carries its operation
// in its body (a GraphQL document's query or mutation), so that its method
// says nothing of what it does: the last path element that the URL fixes
// is one of the catalog's body endpoints, as for ReadsEndpoint.
func (c *Catalog) BodyEndpoint(path string) bool {
	return endpointIs(path, c.BodyEndpoints)
}

// endpointIs reports whether the last path element a URL fixes is one of
// names, or starts with one followed by '-', '_' or '.'.
func endpointIs(path string, names []string) bool {
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	elems := strings.Split(path, "/")
	for i := len(elems) - 1; i >= 0; i-- {
		e := strings.ToLower(elems[i])
		if e == "" || strings.ContainsAny(e, "{}%:") {
			continue // a parameter of the path, or nothing
		}
		for _, w := range names {
			if rest, ok := strings.CutPrefix(e, w); ok && (rest == "" || strings.ContainsRune("-_.", rune(rest[0]))) {
				return true
			}
		}
		return false
	}
	return false
}

// WithStandardLibrary returns a copy of the catalog that also treats the
// given packages, the standard library of the program being analysed, as
// opaque. Which packages those are is the go command's to say (a module
// may be called `agent`), so the catalog does not guess from the shape of
// a path.
func (c *Catalog) WithStandardLibrary(std map[string]bool) *Catalog {
	cp := *c
	cp.std = std
	return &cp
}

// WithModules returns a copy of the catalog that enters the packages of
// the given modules, the ones being scanned, even under an opaque prefix:
// an example kept in an SDK's repository (a module under
// github.com/mark3labs/mcp-go), or the SDK's own repository, is the code
// under review, not a dependency to summarise.
func (c *Catalog) WithModules(paths []string) *Catalog {
	cp := *c
	cp.entered = nil
	for _, p := range paths {
		cp.entered = append(cp.entered, NormalizePrefix(p))
	}
	return &cp
}

// GuardKinds are the mitigations the guard analysis looks for. limit is
// found from comparisons, not from calls, but a user may still declare a
// limit function.
var GuardKinds = []string{"confirmation", "limit", "ratelimit", "sandbox", "allowlist", "audit-log"}

// Guard is a call that mitigates what follows it.
type Guard struct {
	Kind  string
	Where Where
}

// Middleware wraps every tool of Framework with the function at Arg.
type Middleware struct {
	Framework string
	Arg       int
	Where     Where
}

// AgentHolder is where a framework takes the tools of one agent: argument
// ToolsArg of the function Symbol, or, when ToolsArg is -1, the field
// Field of the struct type Symbol. The argument or field is a list of
// tools, or a variadic list.
type AgentHolder struct {
	Framework string
	Symbol    string
	ToolsArg  int
	Field     string
	Where     Where
}

// HintKinds are the MCP tool annotations that describe behaviour.
var HintKinds = []string{"read-only", "destructive", "idempotent", "open-world"}

// HintOption is a tool option that sets the hint Kind to its argument Arg,
// or sets the whole annotations value when Kind is "annotations".
type HintOption struct {
	Kind  string
	Arg   int
	Where Where
}

// IsDestructive reports whether a sink symbol deletes or destroys what it
// acts on.
func (c *Catalog) IsDestructive(symbol string) bool { return c.Destructive.Has(symbol) }

// IsEncoder reports whether a symbol's result is a structured message.
func (c *Catalog) IsEncoder(symbol string) bool { return c.Encoders.Has(symbol) }

// IsExit reports whether a cloud call publishes what it is given where its
// arguments say.
func (c *Catalog) IsExit(symbol string) bool { return c.Exits.Has(symbol) }

// SymbolSet is a set of symbols given exactly or by pattern, as sinks are.
type SymbolSet struct {
	exact    map[string]bool
	patterns []Sink
}

// Has reports whether the set holds a symbol.
func (s SymbolSet) Has(symbol string) bool {
	n := Normalize(symbol)
	if s.exact[n] {
		return true
	}
	_, ok := matchPattern(s.patterns, n)
	return ok
}

// add adds a symbol or pattern of a catalog line.
func (s *SymbolSet) add(kw, symbol string, w Where) (string, error) {
	sym := Normalize(symbol)
	if prefix, ok := wildcardPrefix(sym); ok {
		if _, err := path.Match(sym, ""); err != nil {
			return "", fmt.Errorf("bad %s pattern %q: %v", kw, symbol, err)
		}
		s.patterns = append(s.patterns, Sink{Symbol: symbol, Where: w, match: sym, prefix: prefix})
	} else {
		if s.exact == nil {
			s.exact = map[string]bool{}
		}
		s.exact[sym] = true
	}
	return kw + " " + sym, nil
}

// Taint kinds: what a model-controlled value must not choose at a sensitive
// argument. statement is what a query's text is beyond its SQL: which
// statement runs (a SELECT, or a DELETE). No argument is sensitive for it;
// a check of that kind (the text begins with SELECT) keeps a model-chosen
// query a read.
var TaintKinds = []string{"command", "sql", "url", "path", "payment", "recipient", "statement"}

// Source labels: where outside data comes from.
var SourceLabels = []string{"secret", "file", "db", "web", "email", "user"}

// Sensitive is one sensitive argument position of a symbol: argument Arg,
// and every later one when Rest is set (a variadic argv).
type Sensitive struct {
	Kind  string
	Arg   int
	Rest  bool
	Where Where
}

// Sanitizer is a function whose result is safe for Kinds (model → action
// kinds) and does not carry outside data of Labels it was handed.
type Sanitizer struct {
	Kinds  []string
	Labels []string
	Where  Where
}

// Source is a function whose result is outside data of Label.
type Source struct {
	Label string
	Where Where
}

// ArgRef names one argument of a symbol.
type ArgRef struct {
	Arg   int
	Where Where
}

// Prompt is an argument that becomes an LLM message of Role ("system",
// "user" or "any").
type Prompt struct {
	Role  string
	Arg   int
	Where Where
}

// MessageField is a struct field whose value is sent to the model.
type MessageField struct {
	Field string
	// Role is a prompt's role (system, user or any). RoleField, when set,
	// names the field whose constant in the same value gives the role
	// instead: "system" and "developer" are system, "tool" is a tool
	// result (not a prompt), anything else keeps Role.
	Role, RoleField string
	// When, for a tool result, is FIELD:VALUE: the value counts only when
	// that field holds that constant (Role:tool).
	WhenField, WhenValue string
	Where                Where
}

// Rule is a finding's rule: its permanent ID, kebab-case name, default
// severity and tags.
type Rule struct {
	ID       string
	Name     string
	Severity string
	CWE      []string
	OWASP    []string
	Where    Where
}

// Severities in increasing order.
var Severities = []string{"info", "low", "medium", "high", "critical"}

// Implements says that a user type converted to an interface and
// implementing Interface is a tool: Method is the handler, and NameMethod,
// if set, returns its name (a constant, or a tooltype value), or with
// NameField the struct that holds it at that field path (cogito's Tool()
// returns an openai.Tool whose Function.Name is the name).
type Implements struct {
	Framework  string
	Interface  string
	Method     string
	NameMethod string
	NameField  []string
	Where      Where
}

// LibraryTool is a tool type implemented by a dependency (langchaingo's
// tools.Calculator). The scan does not enter the dependency's code, so
// the catalog says what the tool is called and what it can reach.
type LibraryTool struct {
	Framework string
	Type      string
	Name      string
	// Capabilities are what its handler can reach; empty for a tool that
	// only computes.
	Capabilities []string
	Where        Where
}

// Dispatch is the tool-call struct of a manual-dispatch SDK: its NameField
// is compared with constant tool names; ArgsField, if set, carries the
// model's arguments.
type Dispatch struct {
	Framework string
	Type      string
	NameField string
	ArgsField string
	Where     Where
}

// Declare is a struct that declares a tool to the model, by name.
type Declare struct {
	Framework string
	Type      string
	NameField string
	Where     Where
}

// HandlerMap is a struct field holding handlers keyed by tool name, such as
// openai-go's agent ToolHandlers.
type HandlerMap struct {
	Framework string
	Type      string
	Field     string
	Where     Where
}

// Where is the catalog line an entry came from, for error messages.
type Where struct {
	File string
	Line int
}

func (w Where) String() string { return fmt.Sprintf("%s:%d", w.File, w.Line) }

// Sink is a catalogued function whose call is a capability.
type Sink struct {
	Symbol     string
	Capability string
	// FlagArg, when >= 0, is the argument holding os.OpenFile-style flags:
	// a constant read-only flag makes the call fs-read, any write bit
	// fs-write, and a non-constant flag both.
	FlagArg int
	// NameArg, when >= 0, is the argument naming what the call reads (an
	// environment variable's name): a constant name makes the call a
	// lookup of the server's own configuration, chosen by its author, not
	// a capability the model gets (see sinkCapabilities).
	NameArg int
	// ReadWith, when set, is the normalized symbol of an option function
	// (a `readwith` line): a call whose arguments are made with a call of
	// it only reads, the read twin of Capability (a graph driver's query
	// run with its readers-routing option).
	ReadWith string
	Where    Where
	// match is the normalized pattern of a wildcard sink, and prefix its
	// literal beginning (a cheap first test).
	match, prefix string
}

// ReadTx is a call whose transaction is read-only (a `readtx` line). Its
// transaction is the call's first result or, when Work >= 0, the parameter
// of the function literal handed as argument Work, which the call runs in
// it. With Options >= 0 the transaction is read-only only when argument
// Options (an options struct, a pointer to one, or a variadic slice of
// them) sets Field to the constant Value; otherwise always. Argument
// indexes count the receiver of a method as argument 0, as SSA does.
type ReadTx struct {
	Symbol  string
	Options int
	Field   string
	Value   string
	Work    int
	Where   Where
}

// Register is a call that registers tools with an SDK. Argument indexes count
// the receiver of a method as argument 0, as SSA does.
type Register struct {
	Symbol    string
	Framework string
	// ToolArg is the argument holding the tool description, or -1.
	ToolArg int
	// HandlerArg is the argument holding the handler, or -1.
	HandlerArg int
	// ToolsArg is the argument holding a slice of tool structs, or -1.
	ToolsArg int
	// NameArg is the argument holding the tool's constant name, or -1.
	NameArg int
	// ServerArg is the argument holding the server the tool joins (an
	// MCP server: every tool registered on one server value is offered to
	// the same model), or -1 when the call only makes a tool.
	ServerArg int
	// Method, when set, says that the handler argument is a value whose
	// method of that name runs the tool (cogito.NewToolDefinition's
	// runner, whose Run is called), not a function.
	Method string
	Where  Where
}

// Adapter is a function whose result wraps the handler passed at HandlerArg,
// such as mcp.NewTypedToolHandler.
type Adapter struct {
	Symbol     string
	HandlerArg int
	Where      Where
}

// ToolName is a function that builds a tool description whose name is the
// constant at NameArg, such as mcp.NewTool.
type ToolName struct {
	Symbol  string
	NameArg int
	Where   Where
}

// ToolType is a struct type whose Field holds a tool's name, such as mcp.Tool.
type ToolType struct {
	Type  string
	Field string
	Where Where
}

// ToolStruct is a struct type pairing a tool description (ToolField) with its
// handler (HandlerField), such as server.ServerTool.
type ToolStruct struct {
	Type         string
	ToolField    string
	HandlerField string
	Where        Where
}

// Normalize spells a symbol or package path so that one catalog line
// matches every major version of a module:
//
//   - a major-version element inside a path ("/v" and digits followed by
//     "/") is dropped, so that a line written for a module's first version
//     also matches its later ones (google.golang.org/adk/v2/tool/functiontool.New
//     → google.golang.org/adk/tool/functiontool.New, the v1 spelling);
//     (a catalog line may spell it /v*/ too);
//   - one that ends the path (followed by ".", ")" or the end) becomes /v*:
//     it may be a module's root package (github.com/jackc/pgx/v5.Conn) or a
//     versioned API's package (k8s.io/api/core/v1.Pod), which Normalize
//     cannot tell apart, and every version of either matches.
//
// Normalize runs on every catalog look-up, so it is written out by hand (a
// regexp here was an eighth of a heavy scan) and returns symbol itself,
// without allocating, when there is nothing to rewrite.
func Normalize(symbol string) string {
	var b []byte // nil until the first rewrite
	last := 0    // symbol[last:] is not yet copied into b
	for i := 0; i+2 < len(symbol); i++ {
		if symbol[i] != '/' || symbol[i+1] != 'v' {
			continue
		}
		j := i + 2
		for j < len(symbol) && '0' <= symbol[j] && symbol[j] <= '9' {
			j++
		}
		inner := j < len(symbol) && symbol[j] == '/'
		if j == i+2 && j+1 < len(symbol) && symbol[j] == '*' && symbol[j+1] == '/' {
			// A catalog line's own spelling of an inner version.
			j, inner = j+1, true
		}
		if j == i+2 {
			continue
		}
		if j < len(symbol) && !inner && symbol[j] != '.' && symbol[j] != ')' {
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(symbol)+8)
		}
		b = append(b, symbol[last:i]...)
		if inner {
			// Dropped; the "/" that follows may start the next element.
			last = j
			i = j - 1
			continue
		}
		b = append(b, "/v*"...)
		last = j
		// The terminator belongs to the match, as it did in the regexp
		// this replaces: matching resumes after it.
		if j < len(symbol) {
			b = append(b, symbol[j])
			last = j + 1
		}
		i = last - 1
	}
	if b == nil {
		return symbol
	}
	return string(append(b, symbol[last:]...))
}

// NormalizePrefix spells a package path prefix as Normalize spells the
// paths under it: its last element, when a major version, is inside those
// paths (github.com/jackc/pgx/v5 → github.com/jackc/pgx, which
// github.com/jackc/pgx/v4/pgxpool is under).
func NormalizePrefix(prefix string) string {
	return strings.TrimSuffix(Normalize(prefix+"/"), "/")
}

// New returns an empty catalog.
func New() *Catalog {
	return &Catalog{
		Sinks:        map[string]Sink{},
		Operations:   map[string]ArgRef{},
		RPCs:         map[string]ArgRef{},
		Registers:    map[string]Register{},
		Adapters:     map[string]Adapter{},
		ToolNames:    map[string]ToolName{},
		ToolTypes:    map[string]ToolType{},
		ToolStructs:  map[string]ToolStruct{},
		Implements:   map[string]Implements{},
		LibraryTools: map[string]LibraryTool{},
		Dispatch:     map[string]Dispatch{},
		Declares:     map[string]Declare{},
		HandlerMaps:  map[string]HandlerMap{},
		Sensitive:    map[string][]Sensitive{},
		ChosenBy:     map[string]string{},
		Channels:     map[string][]string{},
		Lazy:         map[string]ArgRef{},
		Removes:      map[string]ArgRef{},
		ReadTxs:      map[string]ReadTx{},
		RanBy:        map[string]string{},
		Programs:     map[string][]string{},
		Sanitizers:   map[string]Sanitizer{},
		Checks:       map[string]Sanitizer{},
		Sources:      map[string]Source{},

		SourceFields:  map[string]map[string]Source{},
		NotInputs:     map[string]map[string]bool{},
		NotInputTypes: map[string]bool{},
		ToolResults:   map[string]ArgRef{},

		ToolResultFields: map[string][]MessageField{},
		PromptFields:     map[string][]MessageField{},
		Prompts:          map[string]Prompt{},
		Rules:            map[string]Rule{},
		Guards:           map[string]Guard{},
		Middlewares:      map[string]Middleware{},
		Agents:           map[string]AgentHolder{},
		Annotations:      map[string]string{},
		Hints:            map[string]map[string]string{},
		HintOptions:      map[string]HintOption{},

		sensitiveFile: map[string]string{},
	}
}

// IsOpaque reports whether the package path is never entered: a package of
// the standard library (once the catalog knows it, see
// [Catalog.WithStandardLibrary]) or under a catalogued opaque prefix.
func (c *Catalog) IsOpaque(pkgPath string) bool {
	if c.std[pkgPath] {
		return true
	}
	return underPrefix(c.Opaque, pkgPath) && !underPrefix(c.entered, pkgPath)
}

// underPrefix reports whether a package path is one of the normalized
// prefixes or under one.
func underPrefix(prefixes []string, pkgPath string) bool {
	p := Normalize(pkgPath)
	for _, prefix := range prefixes {
		// prefix itself or a package under it, without building
		// prefix+"/" on every call (this runs per call site).
		if strings.HasPrefix(p, prefix) && (len(p) == len(prefix) || p[len(prefix)] == '/') {
			return true
		}
	}
	return false
}

// sensitivePattern is a sensitive entry for every symbol a pattern
// matches.
type sensitivePattern struct {
	match, prefix string
	args          []Sensitive
}

// SensitiveArgs returns the sensitive arguments of a symbol: its own
// entry, or else those of the most specific pattern that matches it
// (`sensitive sql (*gorm.io/gorm.DB).* 0`). The "@CAPABILITY" entries are
// in [Catalog.Sensitive].
func (c *Catalog) SensitiveArgs(symbol string) ([]Sensitive, bool) {
	n := Normalize(symbol)
	if sens, ok := c.Sensitive[n]; ok {
		return sens, true
	}
	for _, p := range c.sensitivePatterns {
		if strings.HasPrefix(n, p.prefix) {
			if ok, _ := path.Match(p.match, n); ok {
				return p.args, true
			}
		}
	}
	return nil, false
}

// Sink returns the sink a symbol calls: its catalog entry, or else the most
// specific pattern that matches it.
func (c *Catalog) Sink(symbol string) (Sink, bool) {
	n := Normalize(symbol)
	if sk, ok := c.Sinks[n]; ok {
		return sk, true
	}
	if _, ok := matchPattern(c.NotSinks, n); ok {
		return Sink{}, false
	}
	return matchPattern(c.SinkPatterns, n)
}

// matchPattern returns the first of sinks whose pattern matches the
// normalized symbol n.
func matchPattern(sinks []Sink, n string) (Sink, bool) {
	for _, sk := range sinks {
		if strings.HasPrefix(n, sk.prefix) {
			if ok, _ := path.Match(sk.match, n); ok {
				return sk, true
			}
		}
	}
	return Sink{}, false
}

// wildcardPrefix reports whether a normalized sink symbol is a pattern, and
// returns its literal beginning. A "*" is a wildcard (any characters but
// "/", as in path.Match) except where symbols spell one themselves: a
// pointer receiver "(*" and a normalized major version "/v*".
func wildcardPrefix(sym string) (string, bool) {
	for i := 0; i < len(sym); i++ {
		if sym[i] != '*' {
			continue
		}
		if (i == 1 && sym[0] == '(') || (i >= 2 && sym[i-2:i] == "/v") {
			continue
		}
		return sym[:i], true
	}
	return "", false
}

// addSensitivePattern adds or replaces (a user catalog over ours) a
// sensitive pattern, keeping the most specific first.
func (c *Catalog) addSensitivePattern(p sensitivePattern) {
	c.sensitivePatterns = slices.DeleteFunc(c.sensitivePatterns, func(q sensitivePattern) bool { return q.match == p.match })
	c.sensitivePatterns = append(c.sensitivePatterns, p)
	sort.SliceStable(c.sensitivePatterns, func(i, j int) bool {
		a, b := c.sensitivePatterns[i].match, c.sensitivePatterns[j].match
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return a < b
	})
}

// addSinkPattern adds or replaces (a user catalog over ours) a pattern,
// keeping the most specific first.
func (c *Catalog) addSinkPattern(sk Sink) {
	c.SinkPatterns = slices.DeleteFunc(c.SinkPatterns, func(p Sink) bool { return p.match == sk.match })
	c.SinkPatterns = append(c.SinkPatterns, sk)
	sort.SliceStable(c.SinkPatterns, func(i, j int) bool {
		a, b := c.SinkPatterns[i].match, c.SinkPatterns[j].match
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return a < b
	})
}

// Parse reads catalog lines from r and adds them to c. A later file may
// override an earlier entry of the same kind and symbol (that is how a user
// catalog replaces ours), but one file may not define it twice.
func (c *Catalog) Parse(file string, r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("reading %s: %w", file, err)
	}
	h := sha256.New()
	h.Write(c.digest[:])
	fmt.Fprintf(h, "%s\x00%d\x00", file, len(data))
	h.Write(data)
	copy(c.digest[:], h.Sum(nil))
	seen := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		text, _, _ := strings.Cut(sc.Text(), "#")
		w := Where{file, line}
		fields, err := splitFields(text)
		if err != nil {
			return fmt.Errorf("%s: %w", w, err)
		}
		if len(fields) == 0 {
			continue
		}
		key, err := c.parseLine(w, fields)
		if err != nil {
			return fmt.Errorf("%s: %w", w, err)
		}
		if prev, dup := seen[key]; dup {
			return fmt.Errorf("%s: duplicate %s (first at line %d)", w, key, prev)
		}
		seen[key] = line
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", file, err)
	}
	return nil
}

// parseLine adds one entry and returns its duplicate-detection key.
func (c *Catalog) parseLine(w Where, f []string) (string, error) {
	kw, args := f[0], f[1:]
	switch kw {
	case "readwith":
		if len(args) != 2 {
			return "", fmt.Errorf("readwith wants SINK OPTION")
		}
		sym := Normalize(args[0])
		sk, ok := c.Sinks[sym]
		if !ok || ReadOf(sk.Capability) == "" {
			return "", fmt.Errorf("readwith: %s is no sink of a write declared before", args[0])
		}
		sk.ReadWith = Normalize(args[1])
		c.Sinks[sym] = sk
		return kw + " " + sym, nil
	case "ranby":
		if len(args) != 2 {
			return "", fmt.Errorf("ranby wants FRAMEWORK TYPE")
		}
		t := Normalize(args[1])
		c.RanBy[t] = args[0]
		return kw + " " + t, nil
	case "readtx":
		rt, err := parseReadTx(args)
		if err != nil {
			return "", err
		}
		rt.Where = w
		sym := Normalize(rt.Symbol)
		c.ReadTxs[sym] = rt
		return kw + " " + sym, nil
	case "sink":
		if len(args) < 2 {
			return "", fmt.Errorf("sink wants CAPABILITY SYMBOL [flagarg=N] [namearg=N]")
		}
		if !validCapability(args[0]) {
			return "", fmt.Errorf("unknown capability %q (want one of %s)", args[0], strings.Join(Capabilities, ", "))
		}
		opts, err := options(args[2:], "flagarg", "namearg")
		if err != nil {
			return "", err
		}
		sym := Normalize(args[1])
		sk := Sink{Symbol: args[1], Capability: args[0], FlagArg: opts["flagarg"], NameArg: opts["namearg"], Where: w}
		if prefix, ok := wildcardPrefix(sym); ok {
			if _, err := path.Match(sym, ""); err != nil {
				return "", fmt.Errorf("bad sink pattern %q: %v", args[1], err)
			}
			sk.match, sk.prefix = sym, prefix
			c.addSinkPattern(sk)
		} else {
			c.Sinks[sym] = sk
		}
		return "sink " + sym, nil
	case "notsink":
		if len(args) != 1 {
			return "", fmt.Errorf("notsink wants one SYMBOL or pattern")
		}
		sym := Normalize(args[0])
		prefix, ok := wildcardPrefix(sym)
		if !ok {
			prefix = sym
		}
		if _, err := path.Match(sym, ""); err != nil {
			return "", fmt.Errorf("bad notsink pattern %q: %v", args[0], err)
		}
		c.NotSinks = append(c.NotSinks, Sink{Symbol: args[0], Where: w, match: sym, prefix: prefix})
		return "notsink " + sym, nil
	case "opaque":
		if len(args) != 1 {
			return "", fmt.Errorf("opaque wants one package path prefix")
		}
		p := NormalizePrefix(args[0])
		c.Opaque = append(c.Opaque, p)
		sort.Strings(c.Opaque)
		return "opaque " + p, nil
	case "api":
		if len(args) != 1 {
			return "", fmt.Errorf("api wants one package path prefix")
		}
		p := NormalizePrefix(args[0])
		if !slices.Contains(c.APIs, p) {
			c.APIs = append(c.APIs, p)
			sort.Strings(c.APIs)
		}
		return "api " + p, nil
	case "operation", "rpc":
		if len(args) != 2 {
			return "", fmt.Errorf("%s wants SYMBOL name=N", kw)
		}
		opts, err := options(args[1:], "name")
		if err != nil {
			return "", err
		}
		if opts["name"] < 0 {
			return "", fmt.Errorf("%s needs name=N", kw)
		}
		sym := Normalize(args[0])
		m := c.Operations
		if kw == "rpc" {
			m = c.RPCs
		}
		m[sym] = ArgRef{Arg: opts["name"], Where: w}
		return kw + " " + sym, nil
	case "readverbs":
		if len(args) == 0 {
			return "", fmt.Errorf("readverbs wants one or more VERB")
		}
		for _, v := range args {
			if !slices.Contains(c.ReadVerbs, v) {
				c.ReadVerbs = append(c.ReadVerbs, v)
			}
		}
		sort.Strings(c.ReadVerbs)
		return "readverbs " + strings.Join(args, " "), nil
	case "bodyendpoints":
		return endpointNames(kw, args, &c.BodyEndpoints)
	case "readendpoints":
		return endpointNames(kw, args, &c.ReadEndpoints)
	case "register":
		if len(args) < 3 {
			return "", fmt.Errorf("register wants FRAMEWORK SYMBOL and tool=, handler=, tools= or name= options")
		}
		var method string
		var numeric []string
		for _, a := range args[2:] {
			if m, ok := strings.CutPrefix(a, "method="); ok {
				method = m
				continue
			}
			numeric = append(numeric, a)
		}
		opts, err := options(numeric, "tool", "handler", "tools", "name", "server")
		if err != nil {
			return "", err
		}
		if opts["handler"] < 0 && opts["tools"] < 0 {
			return "", fmt.Errorf("register needs handler=N or tools=N")
		}
		if method != "" && (opts["handler"] < 0 || !token.IsIdentifier(method)) {
			return "", fmt.Errorf("register: method=%q wants a method name and handler=N", method)
		}
		sym := Normalize(args[1])
		c.Registers[sym] = Register{Symbol: args[1], Framework: args[0], ToolArg: opts["tool"],
			HandlerArg: opts["handler"], ToolsArg: opts["tools"], NameArg: opts["name"],
			ServerArg: opts["server"], Method: method, Where: w}
		return "register " + sym, nil
	case "adapter":
		if len(args) != 2 {
			return "", fmt.Errorf("adapter wants SYMBOL handler=N")
		}
		opts, err := options(args[1:], "handler")
		if err != nil {
			return "", err
		}
		if opts["handler"] < 0 {
			return "", fmt.Errorf("adapter needs handler=N")
		}
		sym := Normalize(args[0])
		c.Adapters[sym] = Adapter{Symbol: args[0], HandlerArg: opts["handler"], Where: w}
		return "adapter " + sym, nil
	case "toolname":
		if len(args) != 2 {
			return "", fmt.Errorf("toolname wants SYMBOL name=N")
		}
		opts, err := options(args[1:], "name")
		if err != nil {
			return "", err
		}
		if opts["name"] < 0 {
			return "", fmt.Errorf("toolname needs name=N")
		}
		sym := Normalize(args[0])
		c.ToolNames[sym] = ToolName{Symbol: args[0], NameArg: opts["name"], Where: w}
		return "toolname " + sym, nil
	case "tooltype":
		if len(args) != 2 || !strings.HasPrefix(args[1], "field=") {
			return "", fmt.Errorf("tooltype wants TYPE field=NAME")
		}
		typ := Normalize(args[0])
		c.ToolTypes[typ] = ToolType{Type: args[0], Field: strings.TrimPrefix(args[1], "field="), Where: w}
		return "tooltype " + typ, nil
	case "toolstruct":
		if len(args) != 3 || !strings.HasPrefix(args[1], "tool=") || !strings.HasPrefix(args[2], "handler=") {
			return "", fmt.Errorf("toolstruct wants TYPE tool=FIELD handler=FIELD")
		}
		typ := Normalize(args[0])
		c.ToolStructs[typ] = ToolStruct{Type: args[0], ToolField: strings.TrimPrefix(args[1], "tool="),
			HandlerField: strings.TrimPrefix(args[2], "handler="), Where: w}
		return "toolstruct " + typ, nil
	case "implements":
		// implements FRAMEWORK IFACE METHOD [name=METHOD[.FIELD...]]
		if len(args) < 3 || len(args) > 4 {
			return "", fmt.Errorf("implements wants FRAMEWORK INTERFACE METHOD [name=METHOD[.FIELD...]]")
		}
		im := Implements{Framework: args[0], Interface: args[1], Method: args[2], Where: w}
		if len(args) == 4 {
			n, ok := strings.CutPrefix(args[3], "name=")
			parts := strings.Split(n, ".")
			if !ok || slices.Contains(parts, "") {
				return "", fmt.Errorf("unknown option %q (want name=METHOD[.FIELD...])", args[3])
			}
			im.NameMethod, im.NameField = parts[0], parts[1:]
		}
		key := Normalize(args[1]) + "." + args[2]
		c.Implements[key] = im
		return "implements " + key, nil
	case "librarytool":
		// librarytool FRAMEWORK TYPE NAME CAPABILITY...
		if len(args) < 4 {
			return "", fmt.Errorf("librarytool wants FRAMEWORK TYPE NAME CAPABILITY... (none for a tool that reaches nothing)")
		}
		lt := LibraryTool{Framework: args[0], Type: args[1], Name: args[2], Where: w}
		for _, c := range args[3:] {
			if c == "none" && len(args) == 4 {
				break
			}
			if !validCapability(c) {
				return "", fmt.Errorf("unknown capability %q (want none or one of %s)", c, strings.Join(Capabilities, ", "))
			}
			lt.Capabilities = append(lt.Capabilities, c)
		}
		typ := Normalize(args[1])
		c.LibraryTools[typ] = lt
		return "librarytool " + typ, nil
	case "dispatch":
		// dispatch FRAMEWORK TYPE NAMEFIELD [args=FIELD]
		if len(args) < 3 || len(args) > 4 {
			return "", fmt.Errorf("dispatch wants FRAMEWORK TYPE NAMEFIELD [args=FIELD]")
		}
		d := Dispatch{Framework: args[0], Type: args[1], NameField: args[2], Where: w}
		if len(args) == 4 {
			a, err := fieldOption(args[3], "args")
			if err != nil {
				return "", err
			}
			d.ArgsField = a
		}
		typ := Normalize(args[1])
		c.Dispatch[typ] = d
		return "dispatch " + typ, nil
	case "declare":
		if len(args) != 3 {
			return "", fmt.Errorf("declare wants FRAMEWORK TYPE NAMEFIELD")
		}
		typ := Normalize(args[1])
		c.Declares[typ] = Declare{Framework: args[0], Type: args[1], NameField: args[2], Where: w}
		return "declare " + typ, nil
	case "handlermap":
		if len(args) != 3 {
			return "", fmt.Errorf("handlermap wants FRAMEWORK TYPE FIELD")
		}
		typ := Normalize(args[1])
		c.HandlerMaps[typ] = HandlerMap{Framework: args[0], Type: args[1], Field: args[2], Where: w}
		return "handlermap " + typ, nil
	case "sensitive":
		// sensitive KIND SYMBOL ARG[+][,ARG...]
		if len(args) != 3 {
			return "", fmt.Errorf("sensitive wants KIND SYMBOL ARGS (e.g. 1+ for argument 1 and every later one)")
		}
		if !oneOf(args[0], TaintKinds) {
			return "", fmt.Errorf("unknown taint kind %q (want one of %s)", args[0], strings.Join(TaintKinds, ", "))
		}
		if capName, ok := strings.CutPrefix(args[1], "@"); ok && !validCapability(capName) {
			return "", fmt.Errorf("unknown capability %q (want one of %s)", capName, strings.Join(Capabilities, ", "))
		}
		sym := Normalize(args[1])
		var list []Sensitive
		for _, a := range strings.Split(args[2], ",") {
			rest := strings.HasSuffix(a, "+")
			n, err := strconv.Atoi(strings.TrimSuffix(a, "+"))
			if err != nil || n < 0 {
				return "", fmt.Errorf("bad argument list %q (want N, N+ or N,M)", args[2])
			}
			list = append(list, Sensitive{Kind: args[0], Arg: n, Rest: rest, Where: w})
		}
		if prefix, ok := wildcardPrefix(sym); ok && !strings.HasPrefix(sym, "@") {
			if _, err := path.Match(sym, ""); err != nil {
				return "", fmt.Errorf("bad sensitive pattern %q: %v", args[1], err)
			}
			c.addSensitivePattern(sensitivePattern{match: sym, prefix: prefix, args: list})
			return "sensitive " + sym, nil
		}
		if _, dup := c.Sensitive[sym]; dup && c.sensitiveFile[sym] == w.File {
			return "", fmt.Errorf("duplicate sensitive %s", sym)
		}
		if c.sensitiveFile[sym] != w.File {
			c.Sensitive[sym] = nil // a later file replaces ours
		}
		c.Sensitive[sym] = append(c.Sensitive[sym], list...)
		c.sensitiveFile[sym] = w.File
		return "sensitive " + sym, nil
	case "choose":
		// choose CAPABILITY KIND
		if len(args) != 2 {
			return "", fmt.Errorf("choose wants CAPABILITY KIND")
		}
		if !validCapability(args[0]) {
			return "", fmt.Errorf("unknown capability %q (want one of %s)", args[0], strings.Join(Capabilities, ", "))
		}
		if !oneOf(args[1], TaintKinds) {
			return "", fmt.Errorf("unknown taint kind %q (want one of %s)", args[1], strings.Join(TaintKinds, ", "))
		}
		c.ChosenBy[args[0]] = args[1]
		return "choose " + args[0], nil
	case "program":
		// program CAPABILITIES NAME
		if len(args) != 2 {
			return "", fmt.Errorf("program wants CAPABILITIES NAME")
		}
		caps, err := capabilityList(args[0])
		if err != nil {
			return "", err
		}
		c.Programs[args[1]] = caps
		return "program " + args[1], nil
	case "channel":
		// channel CAPABILITIES SYMBOL
		if len(args) != 2 {
			return "", fmt.Errorf("channel wants CAPABILITIES SYMBOL")
		}
		caps, err := capabilityList(args[0])
		if err != nil {
			return "", err
		}
		sym := Normalize(args[1])
		c.Channels[sym] = caps
		return "channel " + sym, nil
	case "encoder":
		if len(args) != 1 {
			return "", fmt.Errorf("encoder wants one SYMBOL or pattern")
		}
		return c.Encoders.add(kw, args[0], w)
	case "lazy", "removes":
		// lazy SYMBOL arg=N, removes SYMBOL arg=N
		if len(args) != 2 {
			return "", fmt.Errorf("%s wants SYMBOL arg=N", kw)
		}
		opts, err := options(args[1:], "arg")
		if err != nil {
			return "", err
		}
		if opts["arg"] < 0 {
			return "", fmt.Errorf("%s needs arg=N", kw)
		}
		sym := Normalize(args[0])
		ref := ArgRef{Arg: opts["arg"], Where: w}
		if kw == "lazy" {
			c.Lazy[sym] = ref
		} else {
			c.Removes[sym] = ref
		}
		return kw + " " + sym, nil
	case "sanitizer", "check":
		if len(args) != 2 {
			return "", fmt.Errorf("%s wants KINDS SYMBOL", kw)
		}
		var kinds, labels []string
		for _, k := range strings.Split(args[0], ",") {
			switch {
			case oneOf(k, TaintKinds):
				kinds = append(kinds, k)
			case kw == "sanitizer" && oneOf(k, SourceLabels):
				// What a process prints is not the environment it
				// was given: a sanitizer can clear outside data too.
				labels = append(labels, k)
			default:
				return "", fmt.Errorf("unknown taint kind %q (want one of %s)", k, strings.Join(TaintKinds, ", "))
			}
		}
		sym := Normalize(args[1])
		if kw == "check" {
			c.Checks[sym] = Sanitizer{Kinds: kinds, Where: w}
		} else {
			c.Sanitizers[sym] = Sanitizer{Kinds: kinds, Labels: labels, Where: w}
		}
		return kw + " " + sym, nil
	case "source":
		if len(args) != 2 {
			return "", fmt.Errorf("source wants LABEL SYMBOL")
		}
		if !oneOf(args[0], SourceLabels) {
			return "", fmt.Errorf("unknown source label %q (want one of %s)", args[0], strings.Join(SourceLabels, ", "))
		}
		sym := Normalize(args[1])
		c.Sources[sym] = Source{Label: args[0], Where: w}
		return "source " + sym, nil
	case "sourcefield":
		if len(args) != 3 {
			return "", fmt.Errorf("sourcefield wants LABEL TYPE FIELD")
		}
		if !oneOf(args[0], SourceLabels) {
			return "", fmt.Errorf("unknown source label %q (want one of %s)", args[0], strings.Join(SourceLabels, ", "))
		}
		typ := Normalize(args[1])
		if c.SourceFields[typ] == nil {
			c.SourceFields[typ] = map[string]Source{}
		}
		c.SourceFields[typ][args[2]] = Source{Label: args[0], Where: w}
		return "sourcefield " + typ + "." + args[2], nil
	case "notinput":
		// notinput TYPE [FIELD]
		if len(args) == 1 {
			typ := Normalize(args[0])
			c.NotInputTypes[typ] = true
			return "notinput " + typ, nil
		}
		if len(args) != 2 {
			return "", fmt.Errorf("notinput wants TYPE [FIELD]")
		}
		typ := Normalize(args[0])
		if c.NotInputs[typ] == nil {
			c.NotInputs[typ] = map[string]bool{}
		}
		c.NotInputs[typ][args[1]] = true
		return "notinput " + typ + "." + args[1], nil
	case "toolresult":
		if len(args) != 2 {
			return "", fmt.Errorf("toolresult wants SYMBOL arg=N")
		}
		opts, err := options(args[1:], "arg")
		if err != nil {
			return "", err
		}
		if opts["arg"] < 0 {
			return "", fmt.Errorf("toolresult needs arg=N")
		}
		sym := Normalize(args[0])
		c.ToolResults[sym] = ArgRef{Arg: opts["arg"], Where: w}
		return "toolresult " + sym, nil
	case "toolresultfield":
		// toolresultfield TYPE FIELD [when=FIELD:VALUE]
		if len(args) < 2 || len(args) > 3 {
			return "", fmt.Errorf("toolresultfield wants TYPE FIELD [when=FIELD:VALUE]")
		}
		mf := MessageField{Field: args[1], Where: w}
		if len(args) == 3 {
			cond, ok := strings.CutPrefix(args[2], "when=")
			f, v, ok2 := strings.Cut(cond, ":")
			if !ok || !ok2 || f == "" || v == "" {
				return "", fmt.Errorf("unknown option %q (want when=FIELD:VALUE)", args[2])
			}
			mf.WhenField, mf.WhenValue = f, v
		}
		typ := Normalize(args[0])
		c.ToolResultFields[typ] = append(c.ToolResultFields[typ], mf)
		return "toolresultfield " + typ + "." + args[1], nil
	case "promptfield":
		// promptfield ROLE TYPE FIELD [rolefield=FIELD]
		if len(args) < 3 || len(args) > 4 {
			return "", fmt.Errorf("promptfield wants ROLE TYPE FIELD [rolefield=FIELD]")
		}
		if !oneOf(args[0], []string{"system", "user", "any"}) {
			return "", fmt.Errorf("unknown prompt role %q (want system, user or any)", args[0])
		}
		mf := MessageField{Field: args[2], Role: args[0], Where: w}
		if len(args) == 4 {
			rf, err := fieldOption(args[3], "rolefield")
			if err != nil {
				return "", err
			}
			mf.RoleField = rf
		}
		typ := Normalize(args[1])
		c.PromptFields[typ] = append(c.PromptFields[typ], mf)
		return "promptfield " + typ + "." + args[2], nil
	case "prompt":
		if len(args) != 3 {
			return "", fmt.Errorf("prompt wants ROLE SYMBOL arg=N")
		}
		if !oneOf(args[0], []string{"system", "user", "any"}) {
			return "", fmt.Errorf("unknown prompt role %q (want system, user or any)", args[0])
		}
		opts, err := options(args[2:], "arg")
		if err != nil {
			return "", err
		}
		if opts["arg"] < 0 {
			return "", fmt.Errorf("prompt needs arg=N")
		}
		sym := Normalize(args[1])
		c.Prompts[sym] = Prompt{Role: args[0], Arg: opts["arg"], Where: w}
		return "prompt " + sym, nil
	case "guard":
		if len(args) != 2 {
			return "", fmt.Errorf("guard wants KIND SYMBOL")
		}
		if !oneOf(args[0], GuardKinds) {
			return "", fmt.Errorf("unknown guard kind %q (want one of %s)", args[0], strings.Join(GuardKinds, ", "))
		}
		sym := Normalize(args[1])
		c.Guards[sym] = Guard{Kind: args[0], Where: w}
		return "guard " + sym, nil
	case "middleware":
		if len(args) != 3 {
			return "", fmt.Errorf("middleware wants FRAMEWORK SYMBOL arg=N")
		}
		opts, err := options(args[2:], "arg")
		if err != nil {
			return "", err
		}
		if opts["arg"] < 0 {
			return "", fmt.Errorf("middleware needs arg=N")
		}
		sym := Normalize(args[1])
		c.Middlewares[sym] = Middleware{Framework: args[0], Arg: opts["arg"], Where: w}
		return "middleware " + sym, nil
	case "agent":
		// agent FRAMEWORK SYMBOL tools=N, or agent FRAMEWORK TYPE field=NAME
		if len(args) != 3 {
			return "", fmt.Errorf("agent wants FRAMEWORK SYMBOL tools=N or FRAMEWORK TYPE field=NAME")
		}
		h := AgentHolder{Framework: args[0], Symbol: args[1], ToolsArg: -1, Where: w}
		if f, ok := strings.CutPrefix(args[2], "field="); ok && f != "" {
			h.Field = f
		} else {
			opts, err := options(args[2:], "tools")
			if err != nil {
				return "", fmt.Errorf("agent wants tools=N or field=NAME: %w", err)
			}
			h.ToolsArg = opts["tools"]
		}
		sym := Normalize(args[1])
		c.Agents[sym] = h
		return "agent " + sym, nil
	case "destructive", "exit":
		if len(args) != 1 {
			return "", fmt.Errorf("%s wants one SYMBOL or pattern", kw)
		}
		if kw == "exit" {
			return c.Exits.add(kw, args[0], w)
		}
		return c.Destructive.add(kw, args[0], w)
	case "annotations":
		if len(args) != 2 {
			return "", fmt.Errorf("annotations wants TOOLTYPE FIELD")
		}
		typ := Normalize(args[0])
		c.Annotations[typ] = args[1]
		return "annotations " + typ, nil
	case "hint":
		if len(args) != 3 {
			return "", fmt.Errorf("hint wants KIND TYPE FIELD")
		}
		if !oneOf(args[0], HintKinds) {
			return "", fmt.Errorf("unknown hint %q (want one of %s)", args[0], strings.Join(HintKinds, ", "))
		}
		typ := Normalize(args[1])
		if c.Hints[typ] == nil {
			c.Hints[typ] = map[string]string{}
		}
		c.Hints[typ][args[2]] = args[0]
		return "hint " + typ + "." + args[2], nil
	case "hintoption":
		if len(args) != 3 {
			return "", fmt.Errorf("hintoption wants KIND SYMBOL arg=N")
		}
		if !oneOf(args[0], HintKinds) && args[0] != "annotations" {
			return "", fmt.Errorf("unknown hint %q (want annotations or one of %s)", args[0], strings.Join(HintKinds, ", "))
		}
		opts, err := options(args[2:], "arg")
		if err != nil {
			return "", err
		}
		if opts["arg"] < 0 {
			return "", fmt.Errorf("hintoption needs arg=N")
		}
		sym := Normalize(args[1])
		c.HintOptions[sym] = HintOption{Kind: args[0], Arg: opts["arg"], Where: w}
		return "hintoption " + sym, nil
	case "rule":
		// rule ID NAME SEVERITY cwe=CWE-78[,...] owasp=LLM05:2025[,...]
		if len(args) != 5 || !strings.HasPrefix(args[3], "cwe=") || !strings.HasPrefix(args[4], "owasp=") {
			return "", fmt.Errorf("rule wants ID NAME SEVERITY cwe=CWE-N[,...] owasp=LLMnn:YYYY[,...]")
		}
		if !oneOf(args[2], Severities) {
			return "", fmt.Errorf("unknown severity %q (want one of %s)", args[2], strings.Join(Severities, ", "))
		}
		r := Rule{ID: args[0], Name: args[1], Severity: args[2], Where: w,
			CWE:   strings.Split(strings.TrimPrefix(args[3], "cwe="), ","),
			OWASP: strings.Split(strings.TrimPrefix(args[4], "owasp="), ",")}
		for id, other := range c.Rules {
			if other.Name == r.Name && id != r.ID {
				return "", fmt.Errorf("rule name %s is already used by %s", r.Name, id)
			}
		}
		c.Rules[r.ID] = r
		return "rule " + r.ID, nil
	}
	return "", fmt.Errorf("unknown keyword %q (want sink, opaque, register, adapter, toolname, tooltype, toolstruct, implements, librarytool, dispatch, declare, handlermap, sensitive, choose, channel, program, sanitizer, check, source, sourcefield, notinput, toolresult, prompt, rule, guard, middleware, agent, destructive, exit, annotations, hint or hintoption)", kw)
}

func oneOf(s string, list []string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func validCapability(c string) bool {
	for _, k := range Capabilities {
		if k == c {
			return true
		}
	}
	return false
}

// options parses key=N options, allowing only the given keys. Absent keys
// are -1.
// fieldOption parses the option KEY=FIELD.
// splitFields splits a catalog line at white space, keeping a Go-quoted
// string ("Web Scraper") as one field, unquoted.
func splitFields(text string) ([]string, error) {
	var out []string
	for {
		text = strings.TrimLeft(text, " \t")
		if text == "" {
			return out, nil
		}
		if text[0] != '"' {
			i := strings.IndexAny(text, " \t")
			if i < 0 {
				i = len(text)
			}
			out = append(out, text[:i])
			text = text[i:]
			continue
		}
		q, err := strconv.QuotedPrefix(text)
		if err != nil {
			return nil, fmt.Errorf("bad quoted string in %q", text)
		}
		s, _ := strconv.Unquote(q)
		out = append(out, s)
		text = text[len(q):]
	}
}

// endpointNames adds the endpoint names of a readendpoints or
// bodyendpoints line to a list, lower-cased, and returns the line's key.
func endpointNames(kw string, args []string, into *[]string) (string, error) {
	if len(args) == 0 {
		return "", fmt.Errorf("%s wants one or more NAME", kw)
	}
	for _, v := range args {
		if v = strings.ToLower(v); !slices.Contains(*into, v) {
			*into = append(*into, v)
		}
	}
	sort.Strings(*into)
	return kw + " " + strings.Join(args, " "), nil
}

// parseReadTx parses the arguments of a readtx line:
// SYMBOL [options=N FIELD VALUE] [work=N].
func parseReadTx(args []string) (ReadTx, error) {
	const usage = "readtx wants SYMBOL [options=N FIELD VALUE] [work=N]"
	if len(args) == 0 {
		return ReadTx{}, fmt.Errorf("%s", usage)
	}
	rt := ReadTx{Symbol: args[0], Options: -1, Work: -1}
	for rest := args[1:]; len(rest) > 0; {
		k, v, _ := strings.Cut(rest[0], "=")
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || (k != "options" && k != "work") {
			return ReadTx{}, fmt.Errorf("%s: bad option %q", usage, rest[0])
		}
		if k == "work" {
			rt.Work, rest = n, rest[1:]
			continue
		}
		if len(rest) < 3 || !token.IsIdentifier(rest[1]) {
			return ReadTx{}, fmt.Errorf("%s: options=N wants a FIELD and its VALUE", usage)
		}
		rt.Options, rt.Field, rt.Value, rest = n, rest[1], rest[2], rest[3:]
	}
	return rt, nil
}

// ReadTx returns what makes the transaction of a call of symbol read-only.
func (c *Catalog) ReadTx(symbol string) (ReadTx, bool) {
	rt, ok := c.ReadTxs[Normalize(symbol)]
	return rt, ok
}

func fieldOption(arg, key string) (string, error) {
	v, ok := strings.CutPrefix(arg, key+"=")
	if !ok || v == "" {
		return "", fmt.Errorf("unknown option %q (want %s=FIELD)", arg, key)
	}
	return v, nil
}

func options(args []string, keys ...string) (map[string]int, error) {
	out := map[string]int{}
	for _, k := range keys {
		out[k] = -1
	}
	for _, a := range args {
		k, v, ok := strings.Cut(a, "=")
		if _, known := out[k]; !ok || !known {
			return nil, fmt.Errorf("unknown option %q (want %s)", a, strings.Join(keys, "=N, ")+"=N")
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("option %s wants a non-negative number, got %q", k, v)
		}
		out[k] = n
	}
	return out, nil
}

// capabilityList parses a comma-separated list of capabilities (the first
// field of a channel or program line).
func capabilityList(field string) ([]string, error) {
	caps := strings.Split(field, ",")
	for _, capability := range caps {
		if !validCapability(capability) {
			return nil, fmt.Errorf("unknown capability %q (want one of %s)", capability, strings.Join(Capabilities, ", "))
		}
	}
	return caps, nil
}

// ReadOf returns the capability that reads what a write capability writes
// ("db-write": "db-read"), or "".
func ReadOf(capability string) string {
	switch capability {
	case "db-write":
		return "db-read"
	case "fs-write":
		return "fs-read"
	case "cloud-write":
		return "cloud-read"
	}
	return ""
}
