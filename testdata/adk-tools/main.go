// Command adk-tools is an ADK agent whose tools are made with
// functiontool.New: a top-level function, a closure, a method value and a
// helper constructor. Each tool's name is the Name field of its
// functiontool.Config literal.
package main

import (
	"context"
	"database/sql"
	"log"
	"os"
	"path/filepath"

	"google.golang.org/adk/agent"
	"google.golang.org/adk/agent/llmagent"
	"google.golang.org/adk/model/gemini"
	"google.golang.org/adk/tool"
	"google.golang.org/adk/tool/functiontool"
	"google.golang.org/genai"
)

// WriteArgs are the arguments of write_file.
type WriteArgs struct {
	Path string `json:"path"`
	Text string `json:"text"`
}

// WriteResult is the result of write_file.
type WriteResult struct {
	Written int `json:"written"`
}

func main() {
	ctx := context.Background()
	// Setup in main is not attributed to any tool: these os.Getenv calls
	// must NOT be reported.
	root := os.Getenv("WORKSPACE")
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	model, err := gemini.NewModel(ctx, "gemini-2.5-flash", &genai.ClientConfig{APIKey: os.Getenv("GOOGLE_API_KEY")})
	if err != nil {
		log.Fatal(err)
	}

	// A top-level function.
	runCommandTool, err := functiontool.New(functiontool.Config{
		Name:        "run_command",
		Description: "Runs a command and returns its output.",
	}, runCommand)
	if err != nil {
		log.Fatal(err)
	}

	// A closure that captures root.
	writeFileTool, err := functiontool.New(functiontool.Config{
		Name:                "write_file",
		Description:         "Writes a file of the workspace.",
		RequireConfirmation: true,
	}, func(ctx agent.ToolContext, args WriteArgs) (WriteResult, error) { // want `tool write_file adk constant` `BR304: tool write_file\b.*` `BR305: tool write_file\b.*`
		err := os.WriteFile(filepath.Join(root, args.Path), []byte(args.Text), 0o644) // want `write_file: fs-write os\.WriteFile \(tainted\)` `BR104: tool write_file\b.*os\.WriteFile` `BR301: tool write_file\b.*os\.WriteFile.*`
		return WriteResult{Written: len(args.Text)}, err
	})
	if err != nil {
		log.Fatal(err)
	}

	// A method value.
	users := &userStore{db: db}
	lookupUserTool, err := functiontool.New(functiontool.Config{
		Name:        "lookup_user",
		Description: "Looks a user up by email.",
	}, users.lookup)
	if err != nil {
		log.Fatal(err)
	}

	// A helper constructor.
	readFileTool, err := newReadFileTool(root)
	if err != nil {
		log.Fatal(err)
	}

	// A harmless tool.
	clockTool, err := functiontool.New(functiontool.Config{
		Name:        "current_time",
		Description: "Returns the current time.",
	}, currentTime)
	if err != nil {
		log.Fatal(err)
	}

	_, err = llmagent.New(llmagent.Config{
		Name:        "assistant",
		Model:       model,
		Instruction: "You help with the workspace.",
		Tools:       []tool.Tool{runCommandTool, writeFileTool, lookupUserTool, readFileTool, clockTool}, // want `agent assistant agent adk: current_time, lookup_user, read_file, run_command, write_file` `BR402: agent assistant: read_file returns private data \(os\.ReadFile\), run_command sends data where the model says \(os/exec\.CommandContext\);.*`
	})
	if err != nil {
		log.Fatal(err)
	}
}
