// Command genai-dispatch is a data assistant built on google.golang.org/genai.
// The Go SDK has no automatic function calling: the app declares its
// functions with genai.FunctionDeclaration literals and dispatches each
// genai.FunctionCall of a reply with a switch on its name.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"

	"google.golang.org/genai"
)

func main() {
	ctx := context.Background()
	// Set-up in main is not attributed to any tool: this os.Getenv must NOT
	// be reported.
	db, err := sql.Open("postgres", os.Getenv("WAREHOUSE_DSN"))
	if err != nil {
		log.Fatal(err)
	}
	a := &assistant{db: db, dataDir: "/srv/data"}

	client, err := genai.NewClient(ctx, &genai.ClientConfig{Backend: genai.BackendGeminiAPI})
	if err != nil {
		log.Fatal(err)
	}
	config := &genai.GenerateContentConfig{Tools: []*genai.Tool{{FunctionDeclarations: declarations()}}}
	contents := []*genai.Content{genai.NewContentFromText(os.Args[1], genai.RoleUser)}
	for {
		resp, err := client.Models.GenerateContent(ctx, "gemini-2.5-flash", contents, config)
		if err != nil {
			log.Fatal(err)
		}
		calls := resp.FunctionCalls()
		if len(calls) == 0 {
			printTranscript(append(contents, resp.Candidates[0].Content))
			return
		}
		contents = append(contents, resp.Candidates[0].Content)
		var parts []*genai.Part
		for _, fc := range calls {
			parts = append(parts, genai.NewPartFromFunctionResponse(fc.Name, a.call(ctx, fc)))
		}
		contents = append(contents, genai.NewContentFromParts(parts, genai.RoleUser))
	}
}

// declarations declares the functions to the model. Every name here is
// dispatched in call, except archive_logs.
func declarations() []*genai.FunctionDeclaration {
	path := &genai.Schema{
		Type:       genai.TypeObject,
		Properties: map[string]*genai.Schema{"path": {Type: genai.TypeString}},
	}
	query := &genai.Schema{
		Type:       genai.TypeObject,
		Properties: map[string]*genai.Schema{"sql": {Type: genai.TypeString}},
	}
	return []*genai.FunctionDeclaration{
		{Name: "list_files", Description: "List the data files", Parameters: path},
		{Name: "read_file", Description: "Read a data file", Parameters: path},
		{Name: "run_query", Description: "Run a read-only SQL query", Parameters: query},
		{Name: "update_record", Description: "Run an UPDATE statement", Parameters: query},
		{Name: "convert_units", Description: "Convert a length in feet to metres"},
		// Declared to the model, but no code handles it.
		{Name: "archive_logs", Description: "Archive old logs"}, // want `declared archive_logs genai, never dispatched`
	}
}

// printTranscript switches on content roles, which are not function names:
// no tool "user" or "model" may be reported.
func printTranscript(contents []*genai.Content) {
	for _, c := range contents {
		switch c.Role {
		case genai.RoleUser:
			fmt.Print("> ")
		case genai.RoleModel:
			fmt.Print("< ")
		}
		for _, p := range c.Parts {
			fmt.Println(p.Text)
		}
	}
}
