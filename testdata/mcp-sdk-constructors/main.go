// Command mcp-sdk-constructors builds each tool with a chain of generic
// constructors (newTool, then inventory.New) that each wrap the handler in a
// closure of their own, stores a factory of the handler in the tool's
// entry, and registers every entry through one method that wraps the
// handler in an availability check. The same constructor code and the same
// check serve every tool: each tool must still keep its own name and
// handler.
package main

import (
	"context"
	"log"
	"net/http"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"example.com/mcp-sdk-constructors/internal/inventory"
)

func main() {
	s := mcp.NewServer(&mcp.Implementation{Name: "notes"}, nil) // want `agent notes server mcp\-go\-sdk: delete_note, fetch, read_note` `BR401: agent notes: read_note returns private data \(os\.ReadFile\), fetch returns untrusted content \(\(\*net/http\.Client\)\.Get\), fetch sends data where the model says \(\(\*net/http\.Client\)\.Get\);.*`
	inventory.Register(s, deps{http: http.DefaultClient}, allTools())
	if err := s.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
		log.Fatal(err)
	}
}
