// Command tui-confirm-tool is an agent's tool that asks the person at the
// terminal before it acts, in a form drawn with Charm's Huh v1. The form's
// own work (the TTY, an editor's temporary file, a file picker, the
// terminal's environment) is not the tool's; the form is its confirmation.
// tui-confirm-v2 is the same with Huh v2.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"

	"github.com/charmbracelet/huh"
)

// runShell asks for a yes before it runs the model's command.
//
//blastradius:tool run_shell
func runShell(ctx context.Context, command string) (string, error) { // want `tool run_shell directive directive` `BR304: tool run_shell can run processes with no rate limit` `BR305: tool run_shell is not logged with its arguments`
	var ok bool
	form := huh.NewForm(huh.NewGroup(huh.NewConfirm().Title("Run " + command + "?").Value(&ok)))
	if err := form.Run(); err != nil { // want `run_shell: guard confirmation \(\*github\.com/charmbracelet/huh\.Form\)\.Run for exec os/exec\.CommandContext`
		return "", err
	}
	if !ok {
		return "", errors.New("declined")
	}
	out, err := exec.CommandContext(ctx, "sh", "-c", command).CombinedOutput() // want `run_shell: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_shell: model-controlled input reaches the command of os/exec\.CommandContext` `BR303: tool run_shell: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return string(out), err
}

func main() {
	if len(os.Args) < 2 {
		os.Exit(2)
	}
	out, err := runShell(context.Background(), os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(out)
}
