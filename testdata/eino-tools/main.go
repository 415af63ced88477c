// Command eino-tools builds an Eino ToolsNode from tools made with
// utils.InferTool (name argument), utils.NewTool (schema.ToolInfo literal),
// a user type implementing tool.InvokableTool (Info returns the name), and
// a generic tool type named by its constructor's argument (typed.go).
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/cloudwego/eino/components/tool"
	"github.com/cloudwego/eino/components/tool/utils"
	"github.com/cloudwego/eino/compose"
	"github.com/cloudwego/eino/schema"
)

func main() {
	ctx := context.Background()
	// Setup in main is not attributed to any tool: this os.Getenv must NOT
	// be reported.
	root := os.Getenv("WORKSPACE")

	// utils.InferTool with a top-level function.
	runCommandTool, err := utils.InferTool("run_command", "Runs a command and returns its output.", runCommand)
	if err != nil {
		log.Fatal(err)
	}

	// utils.InferTool with a closure: a harmless tool.
	clockTool, err := utils.InferTool("current_time", "Returns the current time.",
		func(ctx context.Context, _ struct{}) (string, error) { // want `tool current_time eino constant`
			return time.Now().Format(time.RFC3339), nil
		})
	if err != nil {
		log.Fatal(err)
	}

	// utils.NewTool with a schema.ToolInfo literal and a method value.
	files := &workspace{root: root}
	readFileTool := utils.NewTool(&schema.ToolInfo{
		Name: "read_file",
		Desc: "Reads a file of the workspace.",
		ParamsOneOf: schema.NewParamsOneOfByParams(map[string]*schema.ParameterInfo{
			"path": {Type: schema.String, Desc: "path relative to the workspace", Required: true},
		}),
	}, files.readFile)

	removeTool, err := utils.InferTool("remove_file", "Removes a note, once the user agrees.", removeFile)
	if err != nil {
		log.Fatal(err)
	}

	typed, err := typedTools()
	if err != nil {
		log.Fatal(err)
	}

	node, err := compose.NewToolNode(ctx, &compose.ToolsNodeConfig{
		Tools: append([]tool.BaseTool{ // want `agent compose\.ToolsNodeConfig agent eino: current_time, fetch_url, index_stats, read_file, read_note, remove_file, run_command, show_setting` `BR401: agent compose\.ToolsNodeConfig: show_setting returns private data \(os\.Getenv\), fetch_url returns untrusted content \(\(\*net/http\.Client\)\.Do\), fetch_url sends data where the model says \(net/http\.NewRequestWithContext\);.*`
			runCommandTool,
			clockTool,
			readFileTool,
			removeTool,
			// A user type implementing tool.InvokableTool, inside a
			// wrapper that logs each call: the wrapper is no tool of its
			// own, the fetcher it holds is.
			&logged{inner: &fetcher{client: &http.Client{Timeout: 10 * time.Second}}},
			indexStats{},
		}, typed...),
	})
	if err != nil {
		log.Fatal(err)
	}
	_ = node // wired into a graph or react agent in a real app
}
