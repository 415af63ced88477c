// Command mcp-go-client is an MCP client, not a server: it imports the SDK's
// tool types to call a tool that another process serves, and registers none.
// A scan finds no tool, and says which tool packages the program imports
// rather than that it has no registration at all.
package main

import (
	"context"
	"fmt"
	"log"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
)

func main() {
	ctx := context.Background()
	c, err := client.NewStdioMCPClient("notes-server", nil)
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Initialize(ctx, mcp.InitializeRequest{}); err != nil {
		log.Fatal(err)
	}
	req := mcp.CallToolRequest{}
	req.Params.Name = "list_notes"
	res, err := c.CallTool(ctx, req)
	if err != nil {
		log.Fatal(err)
	}
	for _, ct := range res.Content {
		if t, ok := ct.(mcp.TextContent); ok {
			fmt.Println(t.Text)
		}
	}
}
