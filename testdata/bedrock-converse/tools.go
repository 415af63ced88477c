package main

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime/types"
)

// bot holds what the tools need.
type bot struct {
	workDir    string
	metricsURL string
}

// input is the union of the tools' arguments.
type input struct {
	Cmd   string `document:"cmd"`
	Path  string `document:"path"`
	Text  string `document:"text"`
	Query string `document:"query"`
	Name  string `document:"name"`
}

// runTools answers every tool-use block of a reply with a tool result.
func (b *bot) runTools(ctx context.Context, content []types.ContentBlock) []types.ContentBlock {
	var results []types.ContentBlock
	for _, block := range content {
		tu, ok := block.(*types.ContentBlockMemberToolUse)
		if !ok {
			continue
		}
		status := types.ToolResultStatusSuccess
		out, err := b.runTool(ctx, tu)
		if err != nil {
			out, status = err.Error(), types.ToolResultStatusError
		}
		results = append(results, &types.ContentBlockMemberToolResult{Value: types.ToolResultBlock{
			ToolUseId: tu.Value.ToolUseId,
			Content:   []types.ToolResultContentBlock{&types.ToolResultContentBlockMemberText{Value: out}},
			Status:    status,
		}})
	}
	return results
}

// runTool runs one tool. Each case of the switch on the block's name is the
// tool of that name: only the case body, and what it calls, belongs to the
// tool. The name is a *string: the switch is on aws.ToString of it.
func (b *bot) runTool(ctx context.Context, tu *types.ContentBlockMemberToolUse) (string, error) { // want `agent \(\*main\.bot\)\.runTool dispatcher bedrock: get_time, lookup_env, query_metrics, read_file, run_command, write_file` `BR401: agent \(\*main\.bot\)\.runTool: lookup_env returns private data \(os\.LookupEnv\), query_metrics returns untrusted content \(net/http\.Post\), run_command sends data where the model says \(os/exec\.CommandContext\);.*`
	var in input
	if err := tu.Value.Input.UnmarshalSmithyDocument(&in); err != nil {
		return "", err
	}
	switch aws.ToString(tu.Value.Name) {
	case "run_command": // want `tool run_command bedrock constant` `BR304: tool run_command\b.*` `BR305: tool run_command\b.*`
		cmd := exec.CommandContext(ctx, "sh", "-c", in.Cmd) // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command\b.*os/exec\.CommandContext` `BR301: tool run_command\b.*os/exec\.CommandContext.*` `BR303: tool run_command\b.*os/exec\.CommandContext.*`
		cmd.Dir = b.workDir
		out, err := cmd.CombinedOutput()
		return string(out), err
	case "read_file": // want `tool read_file bedrock constant` `BR305: tool read_file\b.*`
		data, err := os.ReadFile(b.path(in.Path)) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file\b.*os\.ReadFile` `BR202: tool read_file returns the contents of a file read by os\.ReadFile to the model`
		return string(data), err
	case "write_file": // want `tool write_file bedrock constant` `BR304: tool write_file\b.*` `BR305: tool write_file\b.*`
		return "written", os.WriteFile(b.path(in.Path), []byte(in.Text), 0o644) // want `write_file: fs-write os\.WriteFile \(tainted\)` `BR104: tool write_file\b.*os\.WriteFile` `BR301: tool write_file\b.*os\.WriteFile.*`
	case "query_metrics": // want `tool query_metrics bedrock constant` `BR305: tool query_metrics\b.*`
		return b.queryMetrics(in.Query)
	case "get_time": // want `tool get_time bedrock constant`
		// The harmless tool: it reaches no sink.
		return time.Now().UTC().Format(time.RFC3339), nil
	}
	// The same name, copied to a variable first, in an if-chain.
	if name := aws.ToString(tu.Value.Name); name == "lookup_env" { // want `tool lookup_env bedrock constant` `BR305: tool lookup_env\b.*`
		v, _ := os.LookupEnv(in.Name) // want `lookup_env: env os\.LookupEnv \(tainted\)` `BR201: tool lookup_env returns a secret read by os\.LookupEnv to the model`
		return v, nil
	}
	return "", os.ErrNotExist
}

// path keeps a model-supplied path inside the work directory; it reaches no
// sink. Cleaning the path rooted at "/" removes every "..", so the joined
// path cannot leave workDir: the BR104 findings of read_file and write_file
// above are false alarms that the scan still raises.
// TODO(#14): drop them once checks and cleaning in helpers are inferred.
func (b *bot) path(p string) string {
	return filepath.Join(b.workDir, filepath.Clean("/"+p))
}

func (b *bot) queryMetrics(q string) (string, error) {
	resp, err := http.Post(b.metricsURL, "application/x-www-form-urlencoded", strings.NewReader(url.Values{"query": {q}}.Encode())) // want `query_metrics: network net/http\.Post` `BR203: tool query_metrics returns web content fetched by net/http\.Post to the model, where it can carry instructions`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return string(body), err
}
