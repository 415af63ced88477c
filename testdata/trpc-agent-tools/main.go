// Command trpc-agent-tools is a tRPC-Agent-Go agent whose tools are made
// with function.NewFunctionTool (named by the function.WithName option) and
// by a user type implementing tool.CallableTool (named by the Declaration
// it returns).
package main

import (
	"context"
	"database/sql"
	"log"
	"os"
	"path/filepath"

	"trpc.group/trpc-go/trpc-agent-go/agent/llmagent"
	"trpc.group/trpc-go/trpc-agent-go/tool"
	"trpc.group/trpc-go/trpc-agent-go/tool/function"
)

// WriteInput is the input of write_file.
type WriteInput struct {
	Path string `json:"path"`
	Text string `json:"text"`
}

func main() {
	// Setup in main is not attributed to any tool: these os.Getenv calls
	// must NOT be reported.
	root := os.Getenv("WORKSPACE")
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}

	// A top-level function; the name option is not the first option.
	runCommandTool := function.NewFunctionTool(runCommand,
		function.WithDescription("Runs a command and returns its output."),
		function.WithName("run_command"),
	)

	// A closure that captures root.
	writeFileTool := function.NewFunctionTool(
		func(ctx context.Context, in WriteInput) (string, error) { // want `tool write_file trpc-agent-go constant` `BR304: tool write_file\b.*` `BR305: tool write_file\b.*`
			err := os.WriteFile(filepath.Join(root, in.Path), []byte(in.Text), 0o644) // want `write_file: fs-write os\.WriteFile \(tainted\)` `BR104: tool write_file\b.*os\.WriteFile` `BR301: tool write_file\b.*os\.WriteFile.*`
			return "written", err
		},
		function.WithName("write_file"),
		function.WithDescription("Writes a file of the workspace."),
	)

	// A method value.
	orders := &orderStore{db: db}
	ordersTool := function.NewFunctionTool(orders.list,
		function.WithName("list_orders"),
		function.WithDescription("Lists the orders of a customer."),
	)

	// A harmless tool.
	clockTool := function.NewFunctionTool(currentTime, function.WithName("current_time"))

	assistant := llmagent.New("assistant",
		llmagent.WithInstruction("You help with the workspace and the order database."),
		llmagent.WithTools([]tool.Tool{ // want `BR402: agent assistant: read_file returns private data \(os\.ReadFile\), run_command sends data where the model says \(os/exec\.CommandContext\);.*` `agent assistant agent trpc: current_time, list_orders, read_file, run_command, write_file`
			runCommandTool,
			writeFileTool,
			ordersTool,
			clockTool,
			// A user type implementing tool.CallableTool.
			&fileReader{root: root},
		}),
	)
	_ = assistant // run by a runner in a real app
}
