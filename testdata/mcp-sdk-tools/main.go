// Command mcp-sdk-tools is an MCP server built with the official
// modelcontextprotocol/go-sdk. It registers tools with the generic
// mcp.AddTool (typed input) and with (*mcp.Server).AddTool (raw arguments),
// using a top-level function, a method value and closures as handlers.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// RunInput is the typed input of run_command.
type RunInput struct {
	Command string   `json:"command"`
	Args    []string `json:"args"`
}

// RunOutput is the typed output of run_command.
type RunOutput struct {
	Output string `json:"output"`
}

// runCommand is a typed handler registered with the generic mcp.AddTool.
func runCommand(ctx context.Context, req *mcp.CallToolRequest, in RunInput) (*mcp.CallToolResult, RunOutput, error) { // want `tool run_command mcp-go-sdk constant` `BR304: tool run_command\b.*` `BR305: tool run_command\b.*`
	out, err := exec.Command(in.Command, in.Args...).CombinedOutput() // want `run_command: exec os/exec\.Command \(tainted\)` `BR101: tool run_command\b.*os/exec\.Command` `BR301: tool run_command\b.*os/exec\.Command.*` `BR303: tool run_command\b.*os/exec\.Command.*`
	return nil, RunOutput{Output: string(out)}, err
}

// readFile is a raw handler registered with (*mcp.Server).AddTool: it
// decodes the arguments itself.
func readFile(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_file mcp-go-sdk constant` `BR305: tool read_file\b.*`
	var args struct {
		Path string `json:"path"`
	}
	if err := json.Unmarshal(req.Params.Arguments, &args); err != nil {
		return nil, err
	}
	data, err := os.ReadFile(args.Path) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file\b.*os\.ReadFile` `BR202: tool read_file\b.*os\.ReadFile.*`
	if err != nil {
		return nil, err
	}
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: string(data)}}}, nil
}

// app holds the database; its lookupUser method is registered as a method
// value.
type app struct {
	db *sql.DB
}

// LookupInput is the typed input of lookup_user.
type LookupInput struct {
	Email string `json:"email"`
}

func (a *app) lookupUser(ctx context.Context, req *mcp.CallToolRequest, in LookupInput) (*mcp.CallToolResult, map[string]string, error) { // want `tool lookup_user mcp-go-sdk constant` `BR305: tool lookup_user\b.*`
	var name string
	err := a.db.QueryRowContext(ctx, "SELECT name FROM users WHERE email = $1", in.Email).Scan(&name) // want `lookup_user: db-read \(\*database/sql\.DB\)\.QueryRowContext`
	return nil, map[string]string{"name": name}, err
}

// WriteInput is the typed input of write_file.
type WriteInput struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// VersionOutput is the typed output of version.
type VersionOutput struct {
	Version string `json:"version"`
	Uptime  string `json:"uptime"`
}

var started = time.Now()

func main() {
	// Setup in main is not attributed to any tool.
	root := os.Getenv("WORKSPACE")
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	client := &http.Client{Timeout: 10 * time.Second}

	server := mcp.NewServer(&mcp.Implementation{Name: "workspace", Version: "v1.0.0"}, nil) // want `agent workspace server mcp\-go\-sdk: fetch_url, list_dir, lookup_user, read_file, run_command, version, write_file` `BR401: agent workspace: read_file returns private data \(os\.ReadFile\), fetch_url returns untrusted content \(\(\*net/http\.Client\)\.Do\), fetch_url sends data where the model says \(net/http\.NewRequestWithContext\);.*`

	// Generic mcp.AddTool with a top-level function.
	mcp.AddTool(server, &mcp.Tool{Name: "run_command", Description: "Run a command"}, runCommand)

	// (*mcp.Server).AddTool with a raw handler.
	objectSchema := map[string]any{"type": "object"}
	server.AddTool(&mcp.Tool{Name: "read_file", InputSchema: objectSchema}, readFile)

	// A method value.
	a := &app{db: db}
	mcp.AddTool(server, &mcp.Tool{Name: "lookup_user"}, a.lookupUser)

	// A typed closure that captures root.
	mcp.AddTool(server, &mcp.Tool{Name: "write_file"}, func(ctx context.Context, req *mcp.CallToolRequest, in WriteInput) (*mcp.CallToolResult, any, error) { // want `tool write_file mcp-go-sdk constant` `BR304: tool write_file\b.*` `BR305: tool write_file\b.*`
		err := os.WriteFile(filepath.Join(root, in.Name), []byte(in.Text), 0o644) // want `write_file: fs-write os\.WriteFile \(tainted\)` `BR104: tool write_file\b.*os\.WriteFile` `BR301: tool write_file\b.*os\.WriteFile.*`
		return nil, nil, err
	})

	// A raw closure that captures client.
	server.AddTool(&mcp.Tool{Name: "fetch_url", InputSchema: objectSchema}, func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_url mcp-go-sdk constant` `BR305: tool fetch_url\b.*`
		var args struct {
			URL string `json:"url"`
		}
		if err := json.Unmarshal(req.Params.Arguments, &args); err != nil {
			return nil, err
		}
		httpReq, err := http.NewRequestWithContext(ctx, http.MethodGet, args.URL, nil) // want `BR103: tool fetch_url\b.*net/http\.NewRequestWithContext`
		if err != nil {
			return nil, err
		}
		resp, err := client.Do(httpReq) // want `fetch_url: network \(\*net/http\.Client\)\.Do \(tainted\)` `BR203: tool fetch_url\b.*\(\*net/http\.Client\)\.Do.*`
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			return nil, err
		}
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: string(body)}}}, nil
	})

	// A harmless tool: it reaches no sink.
	mcp.AddTool(server, &mcp.Tool{Name: "version"}, version)

	// A generic helper that registers a typed handler behind a demo
	// switch: the helper's own closure is no tool of its own.
	registerTool(server, os.Getenv("DEMO") != "", &mcp.Tool{Name: "list_dir"}, listDir)

	if err := server.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
		log.Fatal(err)
	}
}

// version reaches no sink.
func version(ctx context.Context, req *mcp.CallToolRequest, _ struct{}) (*mcp.CallToolResult, VersionOutput, error) { // want `tool version mcp-go-sdk constant`
	return nil, VersionOutput{Version: "v1.0.0", Uptime: time.Since(started).String()}, nil
}

// registerTool registers h, or in demo mode a canned answer read from a
// file the operator names.
func registerTool[In, Out any](server *mcp.Server, demo bool, t *mcp.Tool, h mcp.ToolHandlerFor[In, Out]) {
	mcp.AddTool(server, t, func(ctx context.Context, req *mcp.CallToolRequest, in In) (*mcp.CallToolResult, Out, error) {
		if demo {
			b, err := os.ReadFile(os.Getenv("DEMO_ANSWER")) // want `list_dir: fs-read os\.ReadFile`
			var none Out
			return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: string(b)}}}, none, err
		}
		return h(ctx, req, in)
	})
}

// ListInput names a directory.
type ListInput struct {
	Dir string `json:"dir"`
}

// listDir lists the model's directory.
func listDir(ctx context.Context, req *mcp.CallToolRequest, in ListInput) (*mcp.CallToolResult, any, error) { // want `tool list_dir mcp-go-sdk constant` `BR305: tool list_dir is not logged with its arguments`
	entries, err := os.ReadDir(in.Dir) // want `list_dir: fs-read os\.ReadDir \(tainted\)` `BR104: tool list_dir: model-controlled input reaches the file path of os\.ReadDir`
	if err != nil {
		return nil, nil, err
	}
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: fmt.Sprint(len(entries))}}}, nil, nil
}
