package main

import (
	"context"
	"os/exec"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
)

// The workers the server may restart, each with the program that runs it.
// The model names one; the tools gather the workers to act on in a map
// keyed by the model's names and range over it. A key chosen by the model
// selects a value; it does not make the value the model's.

type worker struct {
	program string
}

var workers = map[string]*worker{
	"indexer": {program: "/usr/local/bin/indexer"},
	"mailer":  {program: "/usr/local/bin/mailer"},
}

// pick gathers the named workers, by the names the model gave.
func pick(names string) map[string]*worker {
	picked := map[string]*worker{}
	for _, name := range strings.Split(names, ",") {
		if w, ok := workers[name]; ok {
			picked[name] = w
		}
	}
	return picked
}

// restartWorkers runs each picked worker's own program: the model chooses
// which of them, not what runs.
func restartWorkers(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool restart_workers mcp-go constant` `BR304: tool restart_workers can run processes with no rate limit` `BR305: tool restart_workers is not logged with its arguments`
	for _, w := range pick(req.GetString("names", "")) {
		if err := exec.CommandContext(ctx, w.program, "--restart").Run(); err != nil { // want `restart_workers: exec os/exec\.CommandContext` `BR301: tool restart_workers can run processes through os/exec\.CommandContext with no confirmation before it`
			return mcp.NewToolResultError(err.Error()), nil
		}
	}
	return mcp.NewToolResultText("restarted"), nil
}

// stopUnits hands the picked names themselves to systemctl: the keys are
// the model's text.
func stopUnits(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool stop_units mcp-go constant` `BR304: tool stop_units can run processes with no rate limit` `BR305: tool stop_units is not logged with its arguments`
	for name := range pick(req.GetString("names", "")) {
		if err := exec.CommandContext(ctx, "systemctl", "stop", name).Run(); err != nil { // want `stop_units: exec os/exec\.CommandContext \(tainted\)` `BR101: tool stop_units: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs systemctl` `BR301: tool stop_units can run processes through os/exec\.CommandContext with no confirmation before it`
			return mcp.NewToolResultError(err.Error()), nil
		}
	}
	return mcp.NewToolResultText("stopped"), nil
}
