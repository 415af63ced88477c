// Command opsbot is an MCP server in a module whose path has no dot, as
// applications often are (`go mod init opsbot`). Nothing about the path
// says that it is not the standard library: the go command does.
package main

import (
	"log"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"opsbot/tools"
)

func main() {
	s := server.NewMCPServer("opsbot", "1.0.0") // want `agent opsbot server mcp\-go: disk_usage, read_runbook`
	s.AddTool(mcp.NewTool("disk_usage"), tools.DiskUsage)
	s.AddTool(mcp.NewTool("read_runbook", mcp.WithString("name", mcp.Required())), tools.ReadRunbook)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}
