// Command generative-ai-go is a workstation helper built on the legacy
// Gemini SDK, github.com/google/generative-ai-go. The SDK runs no functions
// itself: the app declares them with genai.FunctionDeclaration literals and
// dispatches each genai.FunctionCall of a reply with an if-chain on its name.
package main

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/google/generative-ai-go/genai"
	"google.golang.org/api/option"
)

func main() {
	ctx := context.Background()
	// Set-up in main is not attributed to any tool: this os.Getenv must NOT
	// be reported.
	client, err := genai.NewClient(ctx, option.WithAPIKey(os.Getenv("GEMINI_API_KEY")))
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()

	model := client.GenerativeModel("gemini-1.5-pro")
	model.Tools = []*genai.Tool{{FunctionDeclarations: declarations()}}
	h := &helper{notesDir: "/home/dev/notes"}

	cs := model.StartChat()
	resp, err := cs.SendMessage(ctx, genai.Text(os.Args[1]))
	for err == nil {
		calls := resp.Candidates[0].FunctionCalls()
		if len(calls) == 0 {
			break
		}
		var parts []genai.Part
		for _, fc := range calls {
			parts = append(parts, genai.FunctionResponse{Name: fc.Name, Response: h.handle(ctx, fc)})
		}
		resp, err = cs.SendMessage(ctx, parts...)
	}
	if err != nil {
		log.Fatal(err)
	}
	printHistory(cs.History)
}

// declarations declares the functions to the model. Every name here is
// dispatched in handle, except deploy.
func declarations() []*genai.FunctionDeclaration {
	arg := func(name string) *genai.Schema {
		return &genai.Schema{
			Type:       genai.TypeObject,
			Properties: map[string]*genai.Schema{name: {Type: genai.TypeString}},
			Required:   []string{name},
		}
	}
	return []*genai.FunctionDeclaration{
		{Name: "shell", Description: "Run a shell command", Parameters: arg("cmd")},
		{Name: "read_note", Description: "Read a note", Parameters: arg("name")},
		{Name: "save_note", Description: "Save a note", Parameters: arg("name")},
		{Name: "check_url", Description: "Tell whether a URL is up", Parameters: arg("url")},
		{Name: "word_count", Description: "Count the words of a text", Parameters: arg("text")},
		// Declared to the model, but no code handles it.
		{Name: "deploy", Description: "Deploy the service"}, // want `declared deploy generative-ai-go, never dispatched`
	}
}

// printHistory switches on content roles, which are not function names: no
// tool "user" or "model" may be reported.
func printHistory(history []*genai.Content) {
	for _, c := range history {
		switch c.Role {
		case "user":
			fmt.Print("> ")
		case "model":
			fmt.Print("< ")
		}
		for _, p := range c.Parts {
			if t, ok := p.(genai.Text); ok {
				fmt.Println(t)
			}
		}
	}
}
