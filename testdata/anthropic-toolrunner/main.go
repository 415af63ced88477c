// Command anthropic-toolrunner is an ops agent built on the beta tool runner
// of anthropic-sdk-go. Each tool is an anthropic.BetaTool: built by a
// toolrunner.NewBetaTool* constructor around a handler (in every shape a Go
// function value takes), or a type of ours that implements the interface.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/anthropics/anthropic-sdk-go"
	"github.com/anthropics/anthropic-sdk-go/toolrunner"
)

func main() {
	ctx := context.Background()
	// Set-up in main is not attributed to any tool: this os.Getenv must NOT
	// be reported.
	root := os.Getenv("AGENT_ROOT")
	db, err := sql.Open("postgres", "postgres://localhost/shop")
	if err != nil {
		log.Fatal(err)
	}

	// A closure that captures root.
	readTool := toolrunner.NewBetaTool("read_file", "Read a file under the agent root", pathSchema,
		func(ctx context.Context, in pathInput) (anthropic.BetaToolResultBlockParamContentUnion, error) { // want `tool read_file anthropic constant` `BR305: tool read_file\b.*`
			b, err := os.ReadFile(filepath.Join(root, in.Path)) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file\b.*os\.ReadFile` `BR202: tool read_file\b.*os\.ReadFile.*`
			return text(string(b)), err
		})

	// A top-level function; the schema is reflected from its input type.
	runTool, err := toolrunner.NewBetaToolFromJSONSchema("run_command", "Run a shell command", runCommand)
	if err != nil {
		log.Fatal(err)
	}

	// A method value.
	orders := &orderStore{db: db}
	orderTool, err := toolrunner.NewBetaToolFromBytes("lookup_order", "Look up an order", orderSchema, orders.lookup)
	if err != nil {
		log.Fatal(err)
	}

	// A func literal that captures nothing: the harmless tool.
	clockTool := toolrunner.NewBetaTool("get_time", "Tell the time", anthropic.BetaToolInputSchemaParam{},
		func(ctx context.Context, in struct{}) (anthropic.BetaToolResultBlockParamContentUnion, error) { // want `tool get_time anthropic constant`
			return text(time.Now().Format(time.RFC3339)), nil
		})

	tools := []anthropic.BetaTool{
		readTool, runTool, orderTool, clockTool,
		// A helper that returns a tool built around a closure.
		newFetchTool(http.DefaultClient),
		// Our own implementation of anthropic.BetaTool.
		envTool{},
	}
	// A table of tools built in a loop.
	tools = append(tools, fileTools()...)

	runner := client().Beta.Messages.NewToolRunner(tools, anthropic.BetaToolRunnerParams{ // want `agent \(\*anthropic\.BetaMessageService\)\.NewToolRunner agent anthropic: fetch_url, get_time, list_dir, lookup_order, read_env, read_file, remove_file, run_command` `BR401: agent \(\*anthropic\.BetaMessageService\)\.NewToolRunner: read_env returns private data \(os\.Getenv\), fetch_url returns untrusted content \(\(\*net/http\.Client\)\.Get\), fetch_url sends data where the model says \(\(\*net/http\.Client\)\.Get\);.*`
		BetaMessageNewParams: anthropic.BetaMessageNewParams{
			Model:     anthropic.ModelClaudeSonnet4_5,
			MaxTokens: 1024,
			Messages:  []anthropic.BetaMessageParam{anthropic.NewBetaUserMessage(anthropic.NewBetaTextBlock(os.Args[1]))},
		},
		MaxIterations: 10,
	})
	msg, err := runner.RunToCompletion(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, block := range msg.Content {
		fmt.Println(block.Text)
	}
}

func client() *anthropic.Client {
	c := anthropic.NewClient()
	return &c
}

// text wraps a string as a tool result.
func text(s string) anthropic.BetaToolResultBlockParamContentUnion {
	return anthropic.BetaToolResultBlockParamContentUnion{OfText: &anthropic.BetaTextBlockParam{Text: s}}
}
