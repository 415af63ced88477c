// Command langchaingo-tools runs a langchaingo agent whose tools are user
// types implementing tools.Tool. Each tool's entry point is its Call method;
// its name is the constant its Name method returns.
package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/tmc/langchaingo/agents"
	"github.com/tmc/langchaingo/chains"
	"github.com/tmc/langchaingo/llms/openai"
	"github.com/tmc/langchaingo/tools"
)

func main() {
	// Setup in main is not attributed to any tool: this os.Getenv must NOT
	// be reported.
	root := os.Getenv("WORKSPACE")

	llm, err := openai.New()
	if err != nil {
		log.Fatal(err)
	}

	// A slice of tools: a value, a pointer literal and one built by a
	// helper constructor.
	toolset := []tools.Tool{
		Shell{},
		&FileReader{Root: root},
		newFetcher(&http.Client{Timeout: 10 * time.Second}),
	}
	// A harmless tool, appended later.
	toolset = append(toolset, Clock{})

	agent := agents.NewOneShotAgent(llm, toolset, agents.WithMaxIterations(5)) // want `agent agents\.NewOneShotAgent agent langchaingo: clock, fetch_url, read_file, shell` `BR401: agent agents\.NewOneShotAgent: read_file returns private data \(os\.ReadFile\), fetch_url returns untrusted content \(\(\*net/http\.Client\)\.Do\), fetch_url sends data where the model says \(net/http\.NewRequestWithContext\);.*`
	executor := agents.NewExecutor(agent)
	answer, err := chains.Run(context.Background(), executor, "Which files in the workspace mention TODO?")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(answer)
}
