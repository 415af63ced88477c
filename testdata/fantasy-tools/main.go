// Command fantasy-tools is a coding agent built with charm.land/fantasy:
// tools made with NewAgentTool and NewParallelAgentTool, a tool type of its
// own, and a counting wrapper put around every tool, which delegates its name
// and its run to the tool it holds and so is no tool of its own.
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"

	"charm.land/fantasy"
)

type commandInput struct {
	Command string `json:"command"`
}

type writeInput struct {
	Path    string `json:"path"`
	Content string `json:"content"`
}

type fetchInput struct {
	URL string `json:"url"`
}

func newRunCommandTool() fantasy.AgentTool {
	return fantasy.NewAgentTool("run_command", "Run a shell command",
		func(ctx context.Context, in commandInput, call fantasy.ToolCall) (fantasy.ToolResponse, error) { // want `tool run_command fantasy constant` `BR304: tool run_command can run processes with no rate limit` `BR305: tool run_command is not logged with its arguments`
			out, err := exec.CommandContext(ctx, "sh", "-c", in.Command).CombinedOutput() // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_command can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_command: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
			if err != nil {
				return fantasy.NewTextErrorResponse(err.Error()), nil
			}
			return fantasy.NewTextResponse(string(out)), nil
		})
}

func newWriteFileTool() fantasy.AgentTool {
	return fantasy.NewAgentTool("write_file", "Write a file",
		func(ctx context.Context, in writeInput, call fantasy.ToolCall) (fantasy.ToolResponse, error) { // want `tool write_file fantasy constant` `BR304: tool write_file can write files with no rate limit` `BR305: tool write_file is not logged with its arguments`
			if err := os.WriteFile(in.Path, []byte(in.Content), 0o644); err != nil { // want `write_file: fs-write os\.WriteFile \(tainted\)` `BR104: tool write_file: model-controlled input reaches the file path of os\.WriteFile` `BR301: tool write_file can write files through os\.WriteFile with no confirmation before it`
				return fantasy.NewTextErrorResponse(err.Error()), nil
			}
			return fantasy.NewTextResponse("written"), nil
		})
}

func newFetchTool(client *http.Client) fantasy.AgentTool {
	return fantasy.NewParallelAgentTool("fetch", "Fetch a URL",
		func(ctx context.Context, in fetchInput, call fantasy.ToolCall) (fantasy.ToolResponse, error) { // want `tool fetch fantasy constant` `BR305: tool fetch is not logged with its arguments`
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, in.URL, nil) // want `BR103: tool fetch: model-controlled input reaches the URL or address of net/http\.NewRequestWithContext`
			if err != nil {
				return fantasy.NewTextErrorResponse(err.Error()), nil
			}
			resp, err := client.Do(req) // want `fetch: network \(\*net/http\.Client\)\.Do \(tainted\)` `BR203: tool fetch returns web content fetched by \(\*net/http\.Client\)\.Do to the model, where it can carry instructions`
			if err != nil {
				return fantasy.NewTextErrorResponse(err.Error()), nil
			}
			defer resp.Body.Close()
			b, err := io.ReadAll(resp.Body)
			if err != nil {
				return fantasy.NewTextErrorResponse(err.Error()), nil
			}
			return fantasy.NewTextResponse(string(b)), nil
		})
}

// envTool is a tool type of the program's own: Run runs it, Info names it.
type envTool struct{ opts fantasy.ProviderOptions }

func (t *envTool) Info() fantasy.ToolInfo {
	return fantasy.ToolInfo{Name: "read_env", Description: "Read an environment variable"}
}

func (t *envTool) Run(ctx context.Context, call fantasy.ToolCall) (fantasy.ToolResponse, error) { // want `tool read_env fantasy constant` `BR305: tool read_env is not logged with its arguments`
	return fantasy.NewTextResponse(os.Getenv(strings.Trim(call.Input, `"`))), nil // want `read_env: env os\.Getenv \(tainted\)` `BR201: tool read_env returns a secret read by os\.Getenv to the model`
}

func (t *envTool) ProviderOptions() fantasy.ProviderOptions     { return t.opts }
func (t *envTool) SetProviderOptions(o fantasy.ProviderOptions) { t.opts = o }

// counted counts the calls, then runs the tool it holds: the model sees the
// held tool's name, and the held tool runs.
type counted struct {
	inner fantasy.AgentTool
	calls *atomic.Int64
}

func (a *counted) Info() fantasy.ToolInfo { return a.inner.Info() }

func (a *counted) Run(ctx context.Context, call fantasy.ToolCall) (fantasy.ToolResponse, error) {
	a.calls.Add(1)
	return a.inner.Run(ctx, call)
}

func (a *counted) ProviderOptions() fantasy.ProviderOptions     { return a.inner.ProviderOptions() }
func (a *counted) SetProviderOptions(o fantasy.ProviderOptions) { a.inner.SetProviderOptions(o) }

func buildTools() []fantasy.AgentTool {
	tools := []fantasy.AgentTool{
		newRunCommandTool(),
		newWriteFileTool(),
		newFetchTool(http.DefaultClient),
		&envTool{},
	}
	calls := new(atomic.Int64)
	out := make([]fantasy.AgentTool, len(tools))
	for i, t := range tools {
		out[i] = &counted{inner: t, calls: calls}
	}
	return out
}

// newResearcher is a second agent that holds the fetch tool alone.
func newResearcher(model fantasy.LanguageModel) fantasy.Agent {
	return fantasy.NewAgent(model, fantasy.WithTools(newFetchTool(http.DefaultClient))) // want `agent fantasy\.WithTools agent fantasy: fetch` `BR403: agent fantasy\.WithTools: fetch returns untrusted content \(\(\*net/http\.Client\)\.Do\), fetch sends data where the model says \(net/http\.New.*`
}

func run(ctx context.Context, model fantasy.LanguageModel, prompt string) error {
	_ = newResearcher(model)
	agent := fantasy.NewAgent(model, fantasy.WithTools(buildTools()...)) // want `agent fantasy\.WithTools \(main\.go:128\) agent fantasy: fetch, read_env, run_command, write_file` `BR401: agent fantasy\.WithTools \(main\.go:128\): read_env returns private data \(os\.Getenv\), fetch returns untrusted content \(\(\*net/http\.Client.*`
	res, err := agent.Generate(ctx, fantasy.AgentCall{Prompt: prompt})
	if err != nil {
		return err
	}
	fmt.Println(res.Response.Content.Text())
	return nil
}

func main() {
	var model fantasy.LanguageModel
	if err := run(context.Background(), model, strings.Join(os.Args[1:], " ")); err != nil {
		log.Fatal(err)
	}
}
