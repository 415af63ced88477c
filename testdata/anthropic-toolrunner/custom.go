package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"

	"github.com/anthropics/anthropic-sdk-go"
)

// envTool implements anthropic.BetaTool itself and is in the runner's tool
// list: Execute is the handler, and Name gives the tool's name.
type envTool struct{}

func (envTool) Name() string        { return "read_env" }
func (envTool) Description() string { return "Read an environment variable" }
func (envTool) InputSchema() anthropic.BetaToolInputSchemaParam {
	return anthropic.BetaToolInputSchemaParam{Properties: map[string]any{"name": map[string]string{"type": "string"}}}
}

func (envTool) Execute(ctx context.Context, input json.RawMessage) ([]anthropic.BetaToolResultBlockParamContentUnion, error) { // want `tool read_env anthropic constant` `BR305: tool read_env\b.*`
	var in struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal(input, &in); err != nil {
		return nil, err
	}
	return []anthropic.BetaToolResultBlockParamContentUnion{text(os.Getenv(in.Name))}, nil // want `read_env: env os\.Getenv \(tainted\)` `BR201: tool read_env\b.*os\.Getenv.*`
}

// shellTool implements anthropic.BetaTool too, but the program never
// converts it to the interface or hands it to a runner: it is not a tool,
// and its exec sink must NOT be reported.
type shellTool struct{}

func (shellTool) Name() string        { return "shell" }
func (shellTool) Description() string { return "Run a shell command" }
func (shellTool) InputSchema() anthropic.BetaToolInputSchemaParam {
	return anthropic.BetaToolInputSchemaParam{}
}

func (shellTool) Execute(ctx context.Context, input json.RawMessage) ([]anthropic.BetaToolResultBlockParamContentUnion, error) {
	out, err := exec.CommandContext(ctx, "sh", "-c", string(input)).CombinedOutput()
	return []anthropic.BetaToolResultBlockParamContentUnion{text(string(out))}, err
}
