// Package registry holds the server's tools by name. Each tool registers
// itself in an init function; the server registers every enabled one with
// the SDK under a handler that looks it up again, by its name, on each
// call.
package registry

import (
	"context"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// Tool is what the registry holds.
type Tool interface {
	Definition() mcp.Tool
	Execute(ctx context.Context, args map[string]any) (*mcp.CallToolResult, error)
}

var (
	mu    sync.RWMutex
	tools = map[string]Tool{}
)

// Register adds a tool under the name its definition gives.
func Register(t Tool) {
	mu.Lock()
	defer mu.Unlock()
	tools[t.Definition().Name] = t
}

// Get returns the tool registered under name, unless it is disabled.
func Get(name string) (Tool, bool) {
	if disabled(name) {
		return nil, false
	}
	mu.RLock()
	defer mu.RUnlock()
	t, ok := tools[name]
	return t, ok
}

// Enabled returns the names of the enabled tools, sorted.
func Enabled() []string {
	mu.RLock()
	defer mu.RUnlock()
	var names []string
	for name := range tools {
		if !disabled(name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

func disabled(name string) bool {
	for _, d := range strings.Split(os.Getenv("DISABLED_TOOLS"), ",") { // want `agent named-registry: middleware env os\.Getenv`
		if d == name {
			return true
		}
	}
	return false
}
