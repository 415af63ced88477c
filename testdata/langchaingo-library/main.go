// Command langchaingo-library runs a langchaingo agent with two tools that
// langchaingo implements itself (its calculator and its Wikipedia search)
// next to two of its own, which embed a base type that holds the name each
// value is given. The library's tools run in langchaingo, which the scan
// does not enter: they are tools all the same, named and described by the
// catalog.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/exec"

	"github.com/tmc/langchaingo/agents"
	"github.com/tmc/langchaingo/chains"
	"github.com/tmc/langchaingo/llms/openai"
	"github.com/tmc/langchaingo/tools"
	"github.com/tmc/langchaingo/tools/wikipedia"
)

// named is what the agent's own tools embed: their name and description.
type named struct {
	name, description string
}

func (n named) Name() string        { return n.name }
func (n named) Description() string { return n.description }

// notes reads the notes file; it is named where it is made.
type notes struct {
	named
	path string
}

func (t notes) Call(ctx context.Context, input string) (string, error) { // want `BR305: tool notes is not logged with its arguments` `tool notes langchaingo constant`
	b, err := os.ReadFile(t.path) // want `BR202: tool notes returns the contents of a file read by os\.ReadFile to the model` `notes: fs-read os\.ReadFile`
	return string(b), err
}

// uptime runs uptime(1).
type uptime struct{ named }

func (uptime) Call(ctx context.Context, input string) (string, error) { // want `BR304: tool uptime can run processes with no rate limit` `BR305: tool uptime is not logged with its arguments` `tool uptime langchaingo constant`
	out, err := exec.CommandContext(ctx, "uptime").Output() // want `BR301: tool uptime can run processes through os/exec\.CommandContext with no confirmation before it` `uptime: exec os/exec\.CommandContext`
	return string(out), err
}

func main() {
	llm, err := openai.New()
	if err != nil {
		log.Fatal(err)
	}
	toolset := []tools.Tool{
		tools.Calculator{},               // want `tool calculator langchaingo constant`
		wikipedia.New("notes-agent/1.0"), // want `BR305: tool Wikipedia is not logged with its arguments` `Wikipedia: network \(github\.com/tmc/langchaingo/tools/wikipedia\.Tool\)\.Call` `tool Wikipedia langchaingo constant`
		notes{named: named{name: "notes", description: "Read my notes"}, path: "/srv/notes.txt"},
		uptime{named{name: "uptime", description: "How long the host has been up"}},
	}
	agent := agents.NewOneShotAgent(llm, toolset) // want `agent agents\.NewOneShotAgent agent langchaingo: Wikipedia, calculator, notes, uptime`
	answer, err := chains.Run(context.Background(), agents.NewExecutor(agent), os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(answer)
}
