// Command mcp-sdk-cli-params is an MCP server with its own tool layer over
// a backup repository's command-line tool. Each handler gets one struct of
// parameters by value, which the converting wrapper fills with the repository
// and the call's arguments: only the arguments are the model's. The client
// runs the CLI that it found on $PATH when it started, the first of two
// names that works, and keeps its path in a field: the model's
// snapshot ID is an argument of that program (argument injection), not a
// command. The container tools (containers.go) run docker, whose
// subcommand decides whether the model's words can run something.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os/exec"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// Repo is what the tools ask of the backup repository.
type Repo interface {
	Files(id string) (string, error)
	Snapshots() (string, error)
}

// cli is the Repo that runs the repository's command-line tool.
type cli struct {
	path string
}

func newCLI() (*cli, error) {
	path, err := findBinary()
	if err != nil {
		return nil, err
	}
	return &cli{path: path}, nil
}

// findBinary returns the first of the CLI's names on $PATH that answers.
func findBinary() (string, error) {
	for _, name := range []string{"restic", "restic.exe"} {
		path, err := exec.LookPath(name)
		if err != nil {
			continue
		}
		if err := exec.Command(path, "version").Run(); err == nil {
			return path, nil
		}
	}
	return "", errors.New("no container CLI found")
}

func (c *cli) run(args ...string) (string, error) {
	out, err := exec.Command(c.path, args...).CombinedOutput() // want `list_snapshots: exec os/exec\.Command` `snapshot_files: exec os/exec\.Command \(tainted\)` `BR301: tool list_snapshots can run processes through os/exec\.Command with no confirmation before it` `BR101: tool snapshot_files: model-controlled input reaches the arguments of os/exec\.Command, which runs one of restic, restic\.exe` `BR301: tool snapshot_files can run processes through os/exec\.Command with no confirmation before it`
	return string(out), err
}

func (c *cli) Files(id string) (string, error) { return c.run("ls", id) }

func (c *cli) Snapshots() (string, error) { return c.run("snapshots", "--json") }

// Params is what every handler gets.
type Params struct {
	Repo      Repo
	Docker    docker
	Arguments map[string]any
}

// String returns a string argument.
func (p *Params) String(key string) (string, error) {
	v, ok := p.Arguments[key]
	if !ok {
		return "", fmt.Errorf("%s is required", key)
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("%s must be a string", key)
	}
	return s, nil
}

// Tool pairs a tool's name with its handler.
type Tool struct {
	Name    string
	Handler func(ctx context.Context, p Params) (string, error)
}

func files(ctx context.Context, p Params) (string, error) { // want `tool snapshot_files mcp-go-sdk constant` `BR304: tool snapshot_files can run processes with no rate limit` `BR305: tool snapshot_files is not logged with its arguments`
	id, err := p.String("snapshot")
	if err != nil {
		return "", err
	}
	return p.Repo.Files(id)
}

func snapshots(ctx context.Context, p Params) (string, error) { // want `tool list_snapshots mcp-go-sdk constant` `BR304: tool list_snapshots can run processes with no rate limit` `BR305: tool list_snapshots is not logged with its arguments`
	return p.Repo.Snapshots()
}

// register converts a Tool for the SDK: the wrapper fills Params with the
// engine and the call's arguments.
func register(s *mcp.Server, e Repo, t Tool) {
	s.AddTool(&mcp.Tool{Name: t.Name, InputSchema: map[string]any{"type": "object"}}, func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		args, err := parseArguments(req)
		if err != nil {
			return nil, err
		}
		out, err := t.Handler(ctx, Params{Repo: e, Arguments: args})
		if err != nil {
			return &mcp.CallToolResult{IsError: true, Content: []mcp.Content{&mcp.TextContent{Text: err.Error()}}}, nil
		}
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: out}}}, nil
	})
}

// parseArguments decodes the call's arguments.
func parseArguments(req *mcp.CallToolRequest) (map[string]any, error) {
	if req.Params == nil || req.Params.Arguments == nil {
		return map[string]any{}, nil
	}
	var args map[string]any
	if err := json.Unmarshal(req.Params.Arguments, &args); err != nil {
		return nil, fmt.Errorf("decoding arguments: %w", err)
	}
	return args, nil
}

func main() {
	e, err := newCLI()
	if err != nil {
		log.Fatal(err)
	}
	s := mcp.NewServer(&mcp.Implementation{Name: "backups", Version: "1.0.0"}, nil) // want `agent backups server mcp-go-sdk: container_group, container_logs, container_remove, container_start, image_pull, list_snapshots, snapshot_files`
	for _, t := range []Tool{
		{Name: "snapshot_files", Handler: files},
		{Name: "list_snapshots", Handler: snapshots},
		{Name: "container_logs", Handler: containerLogs},
		{Name: "container_remove", Handler: containerRemove},
		{Name: "image_pull", Handler: imagePull},
		{Name: "container_start", Handler: containerStart},
		{Name: "container_group", Handler: containerGroup},
	} {
		register(s, e, t)
	}
	if err := s.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
		log.Fatal(err)
	}
}
