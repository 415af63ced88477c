// Command sinks-shellinterp runs scripts with mvdan.cc/sh, a shell
// interpreter written in Go: one tool runs the script the model wrote, the
// other a fixed script. Both run processes (the interpreter's default exec
// handler starts each command); only the first runs the model's command.
package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"
)

// runScript runs the model's script.
//
//blastradius:tool run_script
func runScript(ctx context.Context, script string) (string, error) { // want `tool run_script directive directive` `BR304: tool run_script can run processes with no rate limit` `BR305: tool run_script is not logged with its arguments`
	file, err := syntax.NewParser().Parse(strings.NewReader(script), "")
	if err != nil {
		return "", err
	}
	var out strings.Builder
	runner, err := interp.New(interp.StdIO(nil, &out, &out))
	if err != nil {
		return "", err
	}
	err = runner.Run(ctx, file) // want `run_script: exec \(\*mvdan\.cc/sh/v3/interp\.Runner\)\.Run \(tainted\)` `BR101: tool run_script: model-controlled input reaches the command of \(\*mvdan\.cc/sh/v3/interp\.Runner\)\.Run` `BR301: tool run_script can run processes through \(\*mvdan\.cc/sh/v3/interp\.Runner\)\.Run with no confirmation before it` `BR303: tool run_script: a model-chosen command reaches \(\*mvdan\.cc/sh/v3/interp\.Runner\)\.Run with no sandbox or allowlist`
	return out.String(), err
}

// diskUsage runs a fixed script.
//
//blastradius:tool disk_usage
func diskUsage(ctx context.Context) (string, error) { // want `tool disk_usage directive directive` `BR304: tool disk_usage can run processes with no rate limit` `BR305: tool disk_usage is not logged with its arguments`
	file, err := syntax.NewParser().Parse(strings.NewReader("df -h /"), "")
	if err != nil {
		return "", err
	}
	var out strings.Builder
	runner, err := interp.New(interp.StdIO(nil, &out, &out))
	if err != nil {
		return "", err
	}
	err = runner.Run(ctx, file) // want `disk_usage: exec \(\*mvdan\.cc/sh/v3/interp\.Runner\)\.Run` `BR301: tool disk_usage can run processes through \(\*mvdan\.cc/sh/v3/interp\.Runner\)\.Run with no confirmation before it`
	return out.String(), err
}

func main() {
	ctx := context.Background()
	out, err := runScript(ctx, os.Args[1])
	fmt.Println(out, err)
	out, err = diskUsage(ctx)
	fmt.Println(out, err)
}
