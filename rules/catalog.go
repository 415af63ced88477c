package rules

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Capabilities are the stable classes of sinks. Every later feature keys on
// these names, so they never change.
var Capabilities = []string{"exec", "fs-read", "fs-write", "db-read", "db-write", "network", "env", "payment", "email"}

// Catalog is the parsed set of sinks, opaque packages and tool
// registrations. It deals in symbol strings; the analyzer maps SSA onto them.
type Catalog struct {
	// Sinks maps a normalized symbol (see [Normalize]) to its sink.
	Sinks map[string]Sink
	// Opaque lists normalized package-path prefixes whose function bodies are
	// never entered: catalogued drivers and SDKs. The standard library is
	// always opaque.
	Opaque []string
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
}

// Implements says that a user type converted to an interface and
// implementing Interface is a tool: Method is the handler, and NameMethod,
// if set, returns its name (a constant, or a tooltype value).
type Implements struct {
	Framework  string
	Interface  string
	Method     string
	NameMethod string
	Where      Where
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
	Where   Where
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

// majorVersion matches a module major-version path element such as /v5.
var majorVersion = regexp.MustCompile(`/v[0-9]+([/.)]|$)`)

// Normalize rewrites every major-version path element to /v*, so that one
// catalog line matches every major version of a module
// (github.com/stripe/stripe-go/v82/refund.New → .../v*/refund.New).
func Normalize(symbol string) string {
	return majorVersion.ReplaceAllString(symbol, "/v*$1")
}

// New returns an empty catalog.
func New() *Catalog {
	return &Catalog{
		Sinks:       map[string]Sink{},
		Registers:   map[string]Register{},
		Adapters:    map[string]Adapter{},
		ToolNames:   map[string]ToolName{},
		ToolTypes:   map[string]ToolType{},
		ToolStructs: map[string]ToolStruct{},
		Implements:  map[string]Implements{},
		Dispatch:    map[string]Dispatch{},
		Declares:    map[string]Declare{},
		HandlerMaps: map[string]HandlerMap{},
	}
}

// IsOpaque reports whether the package path is never entered: the standard
// library (no dot in its first element) or a catalogued opaque prefix.
func (c *Catalog) IsOpaque(pkgPath string) bool {
	first, _, _ := strings.Cut(pkgPath, "/")
	if !strings.Contains(first, ".") {
		return true
	}
	p := Normalize(pkgPath)
	for _, prefix := range c.Opaque {
		if p == prefix || strings.HasPrefix(p, prefix+"/") {
			return true
		}
	}
	return false
}

// Parse reads catalog lines from r and adds them to c. A later file may
// override an earlier entry of the same kind and symbol (that is how a user
// catalog replaces ours), but one file may not define it twice.
func (c *Catalog) Parse(file string, r io.Reader) error {
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(text)
		if len(fields) == 0 {
			continue
		}
		w := Where{file, line}
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
	case "sink":
		if len(args) < 2 {
			return "", fmt.Errorf("sink wants CAPABILITY SYMBOL [flagarg=N]")
		}
		if !validCapability(args[0]) {
			return "", fmt.Errorf("unknown capability %q (want one of %s)", args[0], strings.Join(Capabilities, ", "))
		}
		opts, err := options(args[2:], "flagarg")
		if err != nil {
			return "", err
		}
		sym := Normalize(args[1])
		c.Sinks[sym] = Sink{Symbol: args[1], Capability: args[0], FlagArg: opts["flagarg"], Where: w}
		return "sink " + sym, nil
	case "opaque":
		if len(args) != 1 {
			return "", fmt.Errorf("opaque wants one package path prefix")
		}
		p := Normalize(args[0])
		c.Opaque = append(c.Opaque, p)
		sort.Strings(c.Opaque)
		return "opaque " + p, nil
	case "register":
		if len(args) < 3 {
			return "", fmt.Errorf("register wants FRAMEWORK SYMBOL and tool=, handler=, tools= or name= options")
		}
		opts, err := options(args[2:], "tool", "handler", "tools", "name")
		if err != nil {
			return "", err
		}
		if opts["handler"] < 0 && opts["tools"] < 0 {
			return "", fmt.Errorf("register needs handler=N or tools=N")
		}
		sym := Normalize(args[1])
		c.Registers[sym] = Register{Symbol: args[1], Framework: args[0], ToolArg: opts["tool"],
			HandlerArg: opts["handler"], ToolsArg: opts["tools"], NameArg: opts["name"], Where: w}
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
		// implements FRAMEWORK IFACE METHOD [name=METHOD]
		if len(args) < 3 || len(args) > 4 {
			return "", fmt.Errorf("implements wants FRAMEWORK INTERFACE METHOD [name=METHOD]")
		}
		im := Implements{Framework: args[0], Interface: args[1], Method: args[2], Where: w}
		if len(args) == 4 {
			n, ok := strings.CutPrefix(args[3], "name=")
			if !ok || n == "" {
				return "", fmt.Errorf("unknown option %q (want name=METHOD)", args[3])
			}
			im.NameMethod = n
		}
		key := Normalize(args[1]) + "." + args[2]
		c.Implements[key] = im
		return "implements " + key, nil
	case "dispatch":
		// dispatch FRAMEWORK TYPE NAMEFIELD [args=FIELD]
		if len(args) < 3 || len(args) > 4 {
			return "", fmt.Errorf("dispatch wants FRAMEWORK TYPE NAMEFIELD [args=FIELD]")
		}
		d := Dispatch{Framework: args[0], Type: args[1], NameField: args[2], Where: w}
		if len(args) == 4 {
			a, ok := strings.CutPrefix(args[3], "args=")
			if !ok || a == "" {
				return "", fmt.Errorf("unknown option %q (want args=FIELD)", args[3])
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
	}
	return "", fmt.Errorf("unknown keyword %q (want sink, opaque, register, adapter, toolname, tooltype, toolstruct, implements, dispatch, declare or handlermap)", kw)
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
