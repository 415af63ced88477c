// Command genkit-tools is a Genkit app that registers tools with
// genkit.DefineTool (a closure, a top-level function and a method value)
// and builds one with ai.NewTool, passed straight to Generate. Each tool's
// name is the constant name argument.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
	"os/exec"
	"strings"

	"github.com/firebase/genkit/go/ai"
	"github.com/firebase/genkit/go/genkit"
)

// CommandInput is the input of run_command.
type CommandInput struct {
	Command string   `json:"command"`
	Args    []string `json:"args,omitempty"`
}

func main() {
	ctx := context.Background()
	// Setup in main is not attributed to any tool: this os.Getenv must NOT
	// be reported.
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	g := genkit.Init(ctx)

	// A closure.
	runCommand := genkit.DefineTool(g, "run_command", "Runs a command and returns its output.",
		func(ctx *ai.ToolContext, in CommandInput) (string, error) { // want `tool run_command genkit constant` `BR304: tool run_command\b.*` `BR305: tool run_command\b.*`
			out, err := exec.CommandContext(ctx, in.Command, in.Args...).CombinedOutput() // want `run_command: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_command\b.*os/exec\.CommandContext` `BR301: tool run_command\b.*os/exec\.CommandContext.*` `BR303: tool run_command\b.*os/exec\.CommandContext.*`
			return string(out), err
		})

	// A top-level function.
	readFileTool := genkit.DefineTool(g, "read_file", "Reads a file.", readFile)

	// A method value.
	users := &userStore{db: db}
	lookupUser := genkit.DefineTool(g, "lookup_user", "Looks a user up by email.", users.lookup)

	// A harmless tool.
	clock := genkit.DefineTool(g, "current_time", "Returns the current time.", currentTime)

	// An unregistered tool, built with ai.NewTool and handed to Generate.
	fetch := ai.NewTool("fetch_url", "Fetches a URL.", fetchURL)

	resp, err := genkit.Generate(ctx, g,
		ai.WithModelName("googleai/gemini-2.5-flash"),
		ai.WithPrompt(strings.Join(os.Args[1:], " ")),
		ai.WithTools(runCommand, readFileTool, lookupUser, clock, fetch), // want `agent ai\.WithTools agent genkit: current_time, fetch_url, lookup_user, read_file, run_command` `BR401: agent ai\.WithTools: read_file returns private data \(os\.ReadFile\), fetch_url returns untrusted content \(net/http\.Get\), fetch_url sends data where the model says \(net/http\.Get\);.*`
	)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.Text())
}
