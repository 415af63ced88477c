// Command billing is one of two independent modules side by side in a
// repository with no go.work.
package main

import (
	"context"
	"log"
	"os"
	"path/filepath"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func main() {
	s := server.NewMCPServer("billing", "1.0.0") // want `agent billing server mcp\-go: export_invoice`
	s.AddTool(mcp.NewTool("export_invoice", mcp.WithString("file"), mcp.WithString("body")), exportInvoice)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}

func exportInvoice(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool export_invoice mcp-go constant` `BR304: tool export_invoice\b.*` `BR305: tool export_invoice\b.*`
	path := filepath.Join("invoices", req.GetString("file", "out.txt"))
	if err := os.WriteFile(path, []byte(req.GetString("body", "")), 0o600); err != nil { // want `export_invoice: fs-write os\.WriteFile \(tainted\)` `BR104: tool export_invoice\b.*os\.WriteFile` `BR301: tool export_invoice\b.*os\.WriteFile.*`
		return nil, err
	}
	return mcp.NewToolResultText("written"), nil
}
