// Command shell is an agent built on agentkit, an agent framework in a
// module of its own: the application hands the framework its tools, and the
// framework turns openai-go's streamed tool-call deltas into its own parts,
// boxes them in an interface slice, and runs the tool whose Spec names the
// call. The framework dispatches the model's calls itself, so its code is
// analysed as the application's.
package main

import (
	"context"
	"encoding/json"
	"log"
	"os/exec"

	"example.com/agentkit"
	"example.com/oaiadapter"
)

type bash struct{}

func (bash) Spec() agentkit.ToolSpec { return agentkit.ToolSpec{Name: "Bash"} }

func (bash) Execute(ctx context.Context, call agentkit.ToolCallPart) (string, error) { // want `tool Bash openai-go constant` `BR304: tool Bash can run processes with no rate limit` `BR305: tool Bash is not logged with its arguments`
	var args struct {
		Command string `json:"command"`
	}
	if err := json.Unmarshal(call.ArgsJSON, &args); err != nil {
		return "", err
	}
	out, err := exec.CommandContext(ctx, "bash", "-c", args.Command).CombinedOutput() // want `Bash: exec os/exec\.CommandContext \(tainted\)` `BR101: tool Bash: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool Bash can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool Bash: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return string(out), err
}

// modelInfo says which model the agent runs on: the adapter's setting, not
// a secret the tool reads.
type modelInfo struct{}

func (modelInfo) Spec() agentkit.ToolSpec { return agentkit.ToolSpec{Name: "model_info"} }

func (modelInfo) Execute(ctx context.Context, call agentkit.ToolCallPart) (string, error) { // want `tool model_info openai-go constant`
	return oaiadapter.ModelName(), nil
}

func main() {
	agentkit.Step(context.Background(), agentkit.NewOpenAI(nil), []agentkit.Tool{bash{}, modelInfo{}})
	// The adapter's calls are only counted, for the log.
	log.Printf("%d calls", len(oaiadapter.Calls(nil)))
}
