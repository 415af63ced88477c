// Command mcp-library-server serves tools that a library registers: the
// notes server that notekit builds, and two functions of its own that
// notekit's helper registers. notekit's admin server is never built here.
package main

import (
	"context"
	"fmt"
	"log"
	"os/exec"
	"time"

	"github.com/mark3labs/mcp-go/server"

	"example.com/notekit"
)

func runScript(ctx context.Context, args map[string]any) (string, error) { // want `tool run_script mcp-go constant` `BR304: tool run_script can run processes with no rate limit` `BR305: tool run_script is not logged with its arguments`
	script, _ := args["script"].(string)
	out, err := exec.CommandContext(ctx, "sh", "-c", script).CombinedOutput() // want `run_script: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_script: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool run_script can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool run_script: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return string(out), err
}

func serverTime(ctx context.Context, args map[string]any) (string, error) { // want `tool server_time mcp-go constant`
	return time.Now().Format(time.RFC3339), nil
}

func main() {
	s := notekit.NewNotesServer("/var/lib/notes")
	notekit.Register(s, "run_script", runScript)
	notekit.Register(s, "server_time", serverTime)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(fmt.Errorf("serving: %w", err))
	}
}
