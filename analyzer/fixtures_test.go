package analyzer_test

import (
	"path/filepath"
	"testing"

	"github.com/blastradius/blastradius/analyzer"
	"github.com/blastradius/blastradius/analyzer/analyzertest"
)

// TestFixtures scans each fixture module under testdata/ and checks the
// findings stated in its want comments.
func TestFixtures(t *testing.T) {
	for _, name := range []string{
		"mcp-go-tools",
		"mcp-sdk-tools",
		"directive-tools",
		"ops-assistant",
		"sinks-thirdparty",
		// A script run by mvdan.cc/sh's interpreter is exec (issue #14).
		"sinks-shellinterp",
		// WebAssembly guests reach only what their host mounts for them.
		"wasm-guest-tools",
		// ClickHouse's native client: reads and writes of driver.Conn.
		"sinks-clickhouse",
		// Mail libraries with an SMTP client of their own.
		"sinks-mail",
		// Files over SFTP and tunnels over SSH: the connection that
		// carries them, with the model's paths and addresses.
		"sinks-ssh",
		// Tools that ask the person at the terminal in a Huh form (v1
		// and v2): the form's own work is not theirs, the form is their
		// confirmation.
		"tui-confirm-tool",
		"tui-confirm-v2",
		"broken-module",
		"no-tools",
		// Untrusted input (issue #4): model → action, outside → model,
		// prompts.
		"taint-model",
		"taint-outside",
		// A token kept next to the API client it made: what the
		// client's calls answer is the API's data, not the token.
		"taint-client-secret",
		// What a dependency's function (a word splitter, a JSON
		// decoder) makes of the model's input is still the model's.
		"taint-dependency-helpers",
		// The model's input reaching a sink inside a library's code
		// (an executor that runs the command line it is handed).
		"taint-dependency-sinks",
		// A function's results each carry their own data; a buffer a
		// reader fills, and a slice closures share through a variable,
		// carry what was put in them.
		"taint-results",
		// Tools a library registers: a ready-made server the
		// application builds, a helper that registers its functions.
		"mcp-library-server",
		// A function put on a queue that a worker goroutine runs: what
		// it reaches is the tool's that queued it.
		"mcp-go-workqueue",
		// One adapter closure around values of the application's own
		// tool interface: each tool is its value's method.
		"mcp-go-iface-adapter",
		"taint-prompt",
		// Guards (issue #5), and the README's example in two versions.
		"guards-mcp",
		"guards-library",
		// Validators in a library of the organisation's, a dependency:
		// a path confined to a root, a shell from an allowlist.
		"mcp-go-dependency-validators",
		// Handlers wrapped in the user's own middleware functions.
		"wrapped-handlers",
		// Tools behind the application's own registration layers (issue
		// #13): descriptor toolsets converted by one wrapper and
		// registered through a generic helper given a method value.
		"mcp-sdk-toolsets",
		// One handler closure per registered name that looks its tool
		// up in a registry by that name on each call: each registered
		// value is a tool, named by its definition.
		"mcp-sdk-named-registry",
		// One handler closure per registered name that asks the
		// registry's own method to run the function stored under that
		// name: each stored function is a tool.
		"mcp-go-handler-registry",
		// A factory of tool types keyed by their GetName(), each name of
		// a list looked up in it and registered through the server's
		// wrapper of AddTool: each name is the tool of the type that
		// says it.
		"mcp-go-typed-registry",
		// One handler shared by every tool of a registry looks the
		// called tool up by the request's name and hands it to a helper
		// that runs it.
		"mcp-go-name-lookup",
		// A dialer's method value kept in a variable or a field and
		// called later calls the method: a network sink.
		"mcp-go-method-value",
		// An interface the tools call, filled with a client library's
		// service only in a function a framework calls by reflection.
		"mcp-go-reflect-wired",
		// An approval step whose answer channel a generic map of the
		// module keeps, answered by Grant and Deny through one helper.
		"mcp-go-permission-broker",
		// Transaction control and session settings run through Exec
		// change no stored data.
		"mcp-go-session-sql",
		// The model's text given whole as a process's input (cmd.Stdin):
		// a command for a shell or a database's client, data for jq.
		"mcp-go-stdin-input",
		// Variables put in a command's environment: a name the model
		// chooses is a command, a value under a fixed name is data.
		"mcp-go-command-env",
		// The go-sdk's first release: mcp.NewServerTool pairs a name
		// with a typed handler.
		"mcp-sdk-v01",
		// A zip archive opened by name, a file system rooted at a
		// directory, a link read, a file's times set.
		"mcp-go-fs-roots",
		// One handler registered under each name of a constant list.
		"mcp-go-name-list",
		// Handlers that all get one bundle embedding the call's context
		// next to the configuration, the client and the request: the
		// request is the model's input, the rest is not.
		"mcp-sdk-bundle",
		// A struct of parameters by value, filled by the wrapper with
		// the server's engine and the call's arguments; a CLI found on
		// $PATH and kept in a field.
		"mcp-sdk-cli-params",
		// A module whose path lies under an opaque SDK's (an example kept in
		// the SDK's repository): the scanned module is entered all the same.
		"mcp-go-sdk-examples",
		// A chain of generic constructors, a closure factory stored in
		// each entry, and an availability wrapper added at registration.
		"mcp-sdk-constructors",
		// Services built by reflection, as a dependency-injection
		// container does: their interface calls reach the application's
		// implementations.
		"mcp-go-injected",
		// Callbacks handed to a helper: each tool calls the ones it
		// passes, not every one the program passes there.
		"mcp-go-callbacks",
		// Typed tool functions that an adapter calls by reflection
		// (reflect.ValueOf(fn).Call): each tool is its own function.
		"mcp-go-reflect",
		// A tool selected in a loop by Info().Name and run after it, or
		// returned by a lookup helper; the agent run through the service
		// interface its constructor returns.
		"go-openai-select",
		// Tools as rows of a table of the application's descriptors,
		// selected by a loop comparing each row's name (== or
		// strings.EqualFold) with the model's call.
		"go-openai-table",
		// Code for another platform, or behind a constant flag, never
		// runs: no capability from it.
		"mcp-go-platform",
		// A tool forwarded to another MCP server through the SDK's client.
		"mcp-go-proxy",
		// Backends built lazily by the standard library's once helpers
		// (sync.OnceValue, OnceValues, OnceFunc, (*sync.Once).Do): each
		// tool reaches the one its helper builds.
		"mcp-go-lazy",
		// Cloud and platform SDKs catalogued by pattern: client-go,
		// go-github, the AWS SDK v2.
		"cloud-sdks",
		// The model's text handed to a command in a file it names.
		"mcp-go-script-file",
		"support-naive",
		"support-contained",
		// Scale beyond one module (issue #7): a go.work workspace, and a
		// repository with two modules and no go.work.
		"workspace",
		"multimodule",
		// Real modules (issue #12): a module path without a dot.
		"oneword-module",
		// What the tools of one agent do together (issue #15): all three
		// legs on one server, exits behind a confirmation or an
		// allowlist, legs on two servers, legs kept apart by a gate.
		"mcp-go-toxic",
		// Tools whose hints say less than they do (BR501).
		"mcp-sdk-hints",
		// Only the argument that matters (issue #14): a request's body,
		// a file's content and a bind parameter are data; a request's
		// URL, a file's path and a query's text choose the call.
		"mcp-go-arguments",
		// Checks in helpers (issue #14): a validator that returns an
		// error unless the path lies in the workspace, the program is
		// allowed or the host is, next to checks that confine nothing.
		"mcp-go-confine",
		// A platform's API client whose services are interfaces
		// (go-tfe): each call a read or a change by its HTTP method.
		"tfe-tools",
		// Process input channels (issue #14): a PTY's master kept in a
		// field, an exec.Cmd's stdin pipe.
		"mcp-go-terminal",
		// JSON requests framed into a language server's stdin are its
		// protocol, not commands (exec, no BR101); a script written raw
		// into sh's stdin is a command.
		"mcp-go-protocol",
		// Configuration is not a capability (issue #13): a library that
		// reads the environment under its own names, next to one that
		// reads the variable the model names.
		"dependency-config",
		// A database opened on a model-chosen data source name connects
		// where the model says (issue #14), one on the operator's does
		// not.
		"mcp-go-database",
		// Definitions registered in a loop, each with the handler a
		// switch on its name returns: the case names the tool.
		"mcp-go-handler-switch",
		// A statement checked with a SQL parser (vitess's type switch,
		// pg_query's node) to be a SELECT or SHOW reads; one checked
		// to be a SELECT or an INSERT, or anything but DDL, writes.
		"sql-parse-checks",
		// Handlers made in an errgroup's goroutines and appended to the
		// caller's slice through the closure's captured variable.
		"mcp-sdk-goroutines",
		// The third Go MCP SDK, metoro-io/mcp-golang: a name and a handler
		// of any function type, called by reflection; one tool from a
		// table of name and handler pairs.
		"mcp-golang-tools",
		// A backend built by a constructor handed the model's project and
		// returned as an interface by a factory: its configured base URL
		// is not the model's.
		"mcp-go-backends",
		// Handlers that are methods handed on as values (through a
		// wrapper, kept in a field), and a validator that holds a lock.
		"mcp-go-method-values",
		// What the SDKs put in a handler's request beside the model's
		// call (the HTTP headers, the session): not the model's.
		"mcp-request-metadata",
		// Tools read back from the server and registered again inside
		// a wrapper: the wrapper is no tool of its own.
		"mcp-go-rewrap",
		// A fluent command builder that keeps the program in a field,
		// made with a constant by some tools and the model's by another.
		"mcp-go-command-builder",
		// A registry filled by the caller of the module: an interface
		// call on its entries does not take every implementation.
		"mcp-go-unseen-registry",
		// A Redis console: a command the model writes, whose answer it
		// gets, reads as well as writes.
		"mcp-go-redis-command",
		// Services a dependency-injection container builds: the flow
		// follows the same implementations as the reachability.
		"mcp-go-di-services",
		// An allowlist helper that registers each tool on two branches:
		// one tool each, gated only by what both branches need.
		"mcp-go-branches",
		// A constructor handed one model-chosen setting, beside a
		// configured client: the object it returns is the model's only in
		// that field. A request's answer is not what it was sent.
		"mcp-go-constructor",
		// Handlers made by factories handed each tool's operation, which
		// writes its answer to a buffer: each tool is its own operation,
		// not every operation the factory's closure is ever handed.
		"mcp-sdk-handler-factory",
		// Tools that route each call to one of their actions, looked up by
		// the model's action in a map the factory's closure holds: each tool
		// does what its own actions do, and the formatter is no tool's.
		"mcp-sdk-action-router",
		// Typed inputs with fields tagged `json:"-"`: the model's JSON
		// never sets them; what the program stores there is what they
		// hold.
		"mcp-sdk-hidden-fields",
		// A command's output redacted of the user's environment: what
		// strings.ReplaceAll replaces is not in what it returns.
		"mcp-sdk-redaction",
		// Middlewares whose After hooks are handed the handler's result
		// and error: the hooks run for every tool and are none.
		"mcp-sdk-middleware-hooks",
		// Factories that build each handler with a struct of the
		// functions it uses (a clock, a resolver, a runner): the closure
		// is the tool, the functions are its services, not layers.
		"mcp-sdk-handler-deps",
		// Names that a toolkit's method prefixes when a prefix is
		// configured: each tool is named by its constant.
		"mcp-sdk-prefixed-names",
		// A copy of the configuration with one field the model's, handed
		// on by value: its other fields stay the operator's.
		"mcp-sdk-config-copy",
		// A platform's API client library that the scan enters: each
		// network call is the operation the library fixes, a read or a
		// change; a request whose URL the caller gives stays network.
		"mcp-go-api-client",
		// An HTTP library's optional behaviour behind settings: only
		// what the program sets (a cache directory, options decoded
		// from a file) is the tool's.
		"mcp-go-settings",
		// A library's helper that calls a method of the interface value
		// it is handed: each tool gets what its own values' methods do.
		"mcp-go-closers",
		// Helpers a parameter steers (a library's OpenFile by its flags,
		// a report by a verbose flag, a loader by a switch): each tool
		// gets what the constants it passes let them do.
		"mcp-go-call-constants",
		// Hints set by a literal that sets several, by the SDK's options
		// applied in the server's own builder, and by the server's own
		// options: each tool's hints are its own.
		"mcp-go-hint-options",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			analyzertest.Run(t, filepath.Join("..", "testdata", name), analyzer.Config{})
		})
	}
}

// TestSDKFixtures covers the LLM SDKs beyond MCP, one fixture module (or
// more) per SDK, each pinning the real SDK version.
func TestSDKFixtures(t *testing.T) {
	for _, name := range []string{
		"langchaingo-tools",
		"langchaingo-dispatch",
		// Tools langchaingo implements itself, named by the catalog, next
		// to the program's own, named per value (issue #13).
		"langchaingo-library",
		"genkit-tools",
		"eino-tools",
		// Tools whose types a library module declares: the SDK runs them,
		// so their methods are kept and entered (issue #13).
		"eino-library-tools",
		"adk-tools",
		// The same SDK on its second major version: catalog lines written
		// for the first match it.
		"adk-v2-tools",
		"trpc-agent-tools",
		"openai-go-chat",
		"openai-go-maps",
		"openai-go-responses",
		"openai-go-agents",
		"openai-go-v1",
		"go-openai-chat",
		// The application's own tool interface in a registry run by the
		// name in the model's tool call (issue #13).
		"go-openai-registry",
		// A registry of entries that hold each tool beside its
		// metadata, run in a recover wrapper.
		"go-openai-entries",
		// A model picked per user from a database: the reply is the
		// model's answer, not the row (the notes in the prompt are).
		"go-openai-model-row",
		// The same, held behind the registry's own interface: tools go
		// in through Registry.Register and out through Registry.Get.
		"anthropic-registry-iface",
		// A tool interface with two methods given the model's block,
		// Run answering the current call and Restore re-applying a saved
		// one on resume, each at a lookup of its own: Run is the handler.
		"anthropic-registry-replay",
		// The registry's lookup kept in a ToolCall that runs it later,
		// a clone of the registry per session, a key computed at
		// registration (issue #13).
		"go-openai-toolcall",
		"anthropic-dispatch",
		// A table of the program's own tool rows, the row the model
		// named selected in a loop and its function run after it.
		"anthropic-tool-rows",
		// A store of descriptors (name, resolver) looked up by the name
		// of calls kept as JSON until they run; the provider that makes
		// the descriptors is set in a package that does not type-check.
		"anthropic-tool-store",
		// An MCP server without an SDK: tools/call decoded by the program
		// as the protocol writes it, {"name", "arguments"}.
		"jsonrpc-server",
		// The same, through a provider interface the registry implements
		// and an accessor; prompts/get's string arguments are no tool
		// call.
		"jsonrpc-provider",
		// An agent without an SDK that asks the model to answer in the
		// ReAct format as text and runs the action it names:
		// {"action", "action_input"} and {"tool", "tool_input"}; a
		// classification the model writes is no tool call.
		"react-json-agent",
		// The program's own {name, arguments} types, the arguments
		// handed to a function that switches on the name.
		"custom-call-args",
		// The program's own tool message ({"role": "tool",
		// "tool_call_id", "content"}), built after the switch.
		"custom-wire-results",
		// An agent framework in a module of its own that dispatches the
		// model's streamed tool calls itself.
		"openai-go-stream-framework",
		// The same, with tools made by a generic constructor from method
		// values and a dispatcher handed to a generic decoder as a
		// method value.
		"generic-tool-server",
		// A registry whose dispatch hands each tool the server's logger
		// and cache beside the arguments: only the arguments are inputs.
		"registry-server-args",
		"anthropic-toolrunner",
		"genai-dispatch",
		"generative-ai-go",
		"ollama-dispatch",
		// A streaming callback that relays the calls to the program's own
		// dispatcher: what it compares on the way is no tool (issue #13).
		"ollama-relay",
		"bedrock-converse",
		// Azure OpenAI: a switch on *Function.Name, declarations named by
		// azcore's generic to.Ptr("x").
		"azopenai-dispatch",
		// An MCP framework on uber-fx: each tool made by fxctx.NewTool in
		// a constructor that fx calls by reflection, or a type of the
		// program's own implementing fxctx.Tool.
		"foxy-contexts-tools",
		// github.com/FreePeak/cortex: tools.NewTool and (*MCPServer).AddTool,
		// directly and through a wrapper taking the tool as interface{}.
		"cortex-tools",
		// github.com/ThinkInAIXYZ/go-mcp: protocol.NewTool, which returns
		// the tool with an error, (*server.Server).RegisterTool, and a
		// logging middleware given to (*server.Server).Use.
		"go-mcp-tools",
		// charm.land/fantasy: NewAgentTool, NewParallelAgentTool, an
		// AgentTool type of the program's own, and a wrapper type that
		// delegates Info and Run to the tool it holds (no tool itself).
		"fantasy-tools",
		// github.com/mudler/cogito: a type of the program's own
		// implementing its tool interface, and an adapter that runs the
		// program's own actions, one tool per action it holds (issue #13).
		"cogito-tools",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			analyzertest.Run(t, filepath.Join("..", "testdata", name), analyzer.Config{})
		})
	}
}
