// Command go-mcp-tools is a file server on github.com/ThinkInAIXYZ/go-mcp:
// tools made by protocol.NewTool (which returns the tool and an error) and
// registered with (*server.Server).RegisterTool, their handlers decoding
// the call's raw arguments into a request struct; a middleware given to
// (*server.Server).Use logs every call with its arguments.
package main

import (
	"context"
	"log"
	"os"
	"path/filepath"

	"github.com/ThinkInAIXYZ/go-mcp/protocol"
	"github.com/ThinkInAIXYZ/go-mcp/server"
	"github.com/ThinkInAIXYZ/go-mcp/transport"
)

type readRequest struct {
	Path string `json:"path" description:"file to read"`
}

type noteRequest struct {
	Text string `json:"text" description:"the note"`
}

func main() {
	srv, err := server.NewServer(transport.NewStdioServerTransport()) // want `agent server\.NewServer server go-mcp: append_note, read_file`
	if err != nil {
		log.Fatal(err)
	}
	readTool, err := protocol.NewTool("read_file", "Read a file", readRequest{})
	if err != nil {
		log.Fatal(err)
	}
	srv.Use(audit) // want `append_note: guard audit-log example\.com/go-mcp-tools\.audit for fs-write os\.OpenFile` `read_file: guard audit-log example\.com/go-mcp-tools\.audit for fs-read os\.ReadFile`
	srv.RegisterTool(readTool, readFile)
	srv.RegisterTool(protocol.NewToolWithRawSchema("append_note", "Add a note", nil), appendNote)
	if err := srv.Run(); err != nil {
		log.Fatal(err)
	}
}

// audit logs every tool call with its arguments, around every tool.
func audit(next server.ToolHandlerFunc) server.ToolHandlerFunc {
	return func(ctx context.Context, req *protocol.CallToolRequest) (*protocol.CallToolResult, error) {
		log.Printf("tool %s called with %s", req.Name, req.RawArguments)
		return next(ctx, req)
	}
}

// readFile reads the file the model names.
func readFile(ctx context.Context, req *protocol.CallToolRequest) (*protocol.CallToolResult, error) { // want `tool read_file go-mcp constant`
	var in readRequest
	if err := protocol.VerifyAndUnmarshal(req.RawArguments, &in); err != nil {
		return nil, err
	}
	data, err := os.ReadFile(in.Path) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_file returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return nil, err
	}
	return &protocol.CallToolResult{Content: []protocol.Content{&protocol.TextContent{Type: "text", Text: string(data)}}}, nil
}

// appendNote appends the model's text to the notes file: the model writes
// what the file holds, not where it is.
func appendNote(ctx context.Context, req *protocol.CallToolRequest) (*protocol.CallToolResult, error) { // want `tool append_note go-mcp constant` `BR304: tool append_note can write files with no rate limit`
	var in noteRequest
	if err := protocol.VerifyAndUnmarshal(req.RawArguments, &in); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(os.TempDir(), "notes.txt"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600) // want `append_note: fs-write os\.OpenFile` `BR301: tool append_note can write files through os\.OpenFile with no confirmation before it`
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if _, err := f.WriteString(in.Text + "\n"); err != nil {
		return nil, err
	}
	return &protocol.CallToolResult{Content: []protocol.Content{&protocol.TextContent{Type: "text", Text: "noted"}}}, nil
}
