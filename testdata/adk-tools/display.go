package main

import (
	"fmt"

	"google.golang.org/adk/session"
)

// showProgress prints what the agent did, from the events its runner
// yields: ADK ran each tool call already, so the switch on its name in
// spinnerLabel picks a message, not a tool.
func showProgress(events []*session.Event) {
	for _, ev := range events {
		if ev.Content == nil {
			continue
		}
		for _, part := range ev.Content.Parts {
			if part.FunctionCall != nil {
				fmt.Println(spinnerLabel(part.FunctionCall.Name, part.FunctionCall.Args))
			}
		}
	}
}

// spinnerLabel names what a tool call is doing.
func spinnerLabel(name string, args map[string]any) string {
	switch name {
	case "run_command":
		return fmt.Sprintf("Running %v", args["command"])
	case "write_file":
		return fmt.Sprintf("Writing %v", args["path"])
	case "fetch_page":
		return fmt.Sprintf("Fetching %v", args["url"])
	}
	return "Working"
}
