// Command foxy-contexts-tools is an MCP server built with foxy-contexts: each
// tool comes from a constructor that the builder hands to uber-fx, which
// calls it by reflection. The tools are found where they are made.
package main

import (
	"log"

	"github.com/strowk/foxy-contexts/pkg/app"
	"github.com/strowk/foxy-contexts/pkg/stdio"
)

func main() {
	err := app.NewBuilder().
		WithTool(newRunScriptTool).
		WithTool(newWriteNoteTool).
		WithTool(newFetchPageTool).
		WithTransport(stdio.NewTransport()).
		WithName("notes").
		WithVersion("0.1.0").
		Run()
	if err != nil {
		log.Fatal(err)
	}
}
