package main

import "github.com/modelcontextprotocol/go-sdk/mcp"

// The registry's own tool builder: options that set a hint in the
// annotations they make on first use.

type option func(*mcp.Tool)

func annotations(t *mcp.Tool) *mcp.ToolAnnotations {
	if t.Annotations == nil {
		t.Annotations = &mcp.ToolAnnotations{}
	}
	return t.Annotations
}

func readOnly(v bool) option {
	return func(t *mcp.Tool) { annotations(t).ReadOnlyHint = v }
}

func newTool(name, description string, opts ...option) mcp.Tool {
	t := mcp.Tool{Name: name, Description: description, Annotations: &mcp.ToolAnnotations{}}
	for _, o := range opts {
		o(&t)
	}
	return t
}
