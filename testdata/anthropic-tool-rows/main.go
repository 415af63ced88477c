// Command scribe is a coding agent in the shape that the "build an agent"
// tutorials teach: each tool is a row of the program's own ToolDefinition
// type (a name, a schema and a function), the rows are offered to the
// model, and a loop over them selects the row whose name the model called
// and runs its function after the loop.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"os/exec"

	"github.com/anthropics/anthropic-sdk-go"
)

// ToolDefinition pairs a tool's name with the function that runs it.
type ToolDefinition struct {
	Name        string
	Description string
	InputSchema anthropic.ToolInputSchemaParam
	Function    func(input json.RawMessage) (string, error)
}

// pathInput is the argument of the file tools.
type pathInput struct {
	Path string `json:"path"`
}

var readFileDefinition = ToolDefinition{
	Name:        "read_file",
	Description: "Read a file of the project.",
	Function:    readFile,
}

var deleteFileDefinition = ToolDefinition{
	Name:        "delete_file",
	Description: "Delete a file of the project.",
	Function:    deleteFile,
}

// wipeDefinition is written but never offered to the model: it is no tool.
var wipeDefinition = ToolDefinition{
	Name:        "wipe_project",
	Description: "Delete the whole project.",
	Function: func(input json.RawMessage) (string, error) {
		return "", os.RemoveAll(".")
	},
}

// newRunTestsDefinition returns the row of run_tests, whose function is a
// closure over the project's directory.
func newRunTestsDefinition(dir string) ToolDefinition {
	return ToolDefinition{
		Name:        "run_tests",
		Description: "Run the tests of one package.",
		Function: func(input json.RawMessage) (string, error) { // want `tool run_tests anthropic constant` `BR304: tool run_tests can run processes with no rate limit` `BR305: tool run_tests is not logged with its arguments`
			var in struct {
				Package string `json:"package"`
			}
			if err := json.Unmarshal(input, &in); err != nil {
				return "", err
			}
			cmd := exec.Command("go", "test", in.Package) // want `run_tests: exec os/exec\.Command \(tainted\)` `BR101: tool run_tests: model-controlled input reaches the arguments of os/exec\.Command, which runs go` `BR301: tool run_tests can run processes through os/exec\.Command with no confirmation before it`
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			return string(out), err
		},
	}
}

func readFile(input json.RawMessage) (string, error) { // want `tool read_file anthropic constant` `BR305: tool read_file is not logged with its arguments`
	var in pathInput
	if err := json.Unmarshal(input, &in); err != nil {
		return "", err
	}
	b, err := os.ReadFile(in.Path) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_file returns the contents of a file read by os\.ReadFile to the model`
	return string(b), err
}

func deleteFile(input json.RawMessage) (string, error) { // want `tool delete_file anthropic constant` `BR304: tool delete_file can write files with no rate limit` `BR305: tool delete_file is not logged with its arguments`
	var in pathInput
	if err := json.Unmarshal(input, &in); err != nil {
		return "", err
	}
	return "deleted", os.Remove(in.Path) // want `delete_file: fs-write os\.Remove \(tainted\)` `BR104: tool delete_file: model-controlled input reaches the file path of os\.Remove` `BR301: tool delete_file can write files through os\.Remove with no confirmation before it`
}

// Agent talks to the model and runs the tools it calls.
type Agent struct {
	client *anthropic.Client
	tools  []ToolDefinition
}

func (a *Agent) run(ctx context.Context, conversation []anthropic.MessageParam) error {
	for {
		var params []anthropic.ToolUnionParam
		for _, t := range a.tools {
			params = append(params, anthropic.ToolUnionParam{OfTool: &anthropic.ToolParam{
				Name: t.Name, Description: anthropic.String(t.Description), InputSchema: t.InputSchema,
			}})
		}
		msg, err := a.client.Messages.New(ctx, anthropic.MessageNewParams{
			Model:     anthropic.ModelClaudeSonnet4_5,
			MaxTokens: 1024,
			Messages:  conversation,
			Tools:     params,
		})
		if err != nil {
			return err
		}
		conversation = append(conversation, msg.ToParam())
		var results []anthropic.ContentBlockParamUnion
		for _, content := range msg.Content {
			if content.Type == "tool_use" {
				a.announce(content.Name)
				results = append(results, a.executeTool(content.ID, content.Name, content.Input))
			}
		}
		if len(results) == 0 {
			return nil
		}
		conversation = append(conversation, anthropic.NewUserMessage(results...))
	}
}

// executeTool selects the row the model named in the loop and runs its
// function after it.
func (a *Agent) executeTool(id, name string, input json.RawMessage) anthropic.ContentBlockParamUnion { // want `agent \(\*main\.Agent\)\.executeTool dispatcher anthropic: delete_file, read_file, run_tests` `BR402: agent \(\*main\.Agent\)\.executeTool: read_file returns private data \(os\.ReadFile\), run_tests sends data where the model says \(os/exec\.Command\); whoever steers the model can make it send the private data out`
	var toolDef ToolDefinition
	var found bool
	for _, tool := range a.tools {
		if tool.Name == name {
			toolDef = tool
			found = true
			break
		}
	}
	if !found {
		return anthropic.NewToolResultBlock(id, "tool not found", true)
	}
	response, err := toolDef.Function(input)
	if err != nil {
		return anthropic.NewToolResultBlock(id, err.Error(), true)
	}
	return anthropic.NewToolResultBlock(id, response, false)
}

// announce selects the named row too, but only prints its description: it
// runs no tool.
func (a *Agent) announce(name string) {
	var selected ToolDefinition
	for _, tool := range a.tools {
		if tool.Name == name {
			selected = tool
			break
		}
	}
	fmt.Printf("tool: %s (%s)\n", name, selected.Description)
}

// reviewer is a second agent whose loop selects the row by its address
// (`sel = &tools[i]`).
type reviewer struct {
	client *anthropic.Client
	tools  []ToolDefinition
}

var listDirDefinition = ToolDefinition{ // want `dispatched list_dir anthropic, never declared`
	Name:        "list_dir",
	Description: "List a directory of the project.",
	Function: func(input json.RawMessage) (string, error) { // want `tool list_dir anthropic constant` `BR305: tool list_dir is not logged with its arguments`
		var in pathInput
		if err := json.Unmarshal(input, &in); err != nil {
			return "", err
		}
		entries, err := os.ReadDir(in.Path) // want `list_dir: fs-read os\.ReadDir \(tainted\)` `BR104: tool list_dir: model-controlled input reaches the file path of os\.ReadDir`
		return fmt.Sprint(len(entries), " entries"), err
	},
}

func (r *reviewer) review(ctx context.Context, conversation []anthropic.MessageParam) (string, error) { // want `agent \(\*main\.reviewer\)\.review dispatcher anthropic: list_dir`
	msg, err := r.client.Messages.New(ctx, anthropic.MessageNewParams{
		Model:     anthropic.ModelClaudeSonnet4_5,
		MaxTokens: 1024,
		Messages:  conversation,
	})
	if err != nil {
		return "", err
	}
	for _, content := range msg.Content {
		if content.Type != "tool_use" {
			continue
		}
		var sel *ToolDefinition
		for i := range r.tools {
			if r.tools[i].Name == content.Name {
				sel = &r.tools[i]
				break
			}
		}
		if sel == nil {
			continue
		}
		return sel.Function(content.Input)
	}
	return "", nil
}

func main() {
	client := anthropic.NewClient()
	_ = wipeDefinition
	a := &Agent{client: &client, tools: []ToolDefinition{readFileDefinition, deleteFileDefinition, newRunTestsDefinition(".")}}
	if err := a.run(context.Background(), nil); err != nil {
		log.Fatal(err)
	}
	r := &reviewer{client: &client, tools: []ToolDefinition{listDirDefinition}}
	if _, err := r.review(context.Background(), nil); err != nil {
		log.Fatal(err)
	}
}
