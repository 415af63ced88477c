// Command tui-confirm-v2 is an agent's tool that asks the person at the
// terminal to type a word before it deletes a file, in a form drawn with
// Charm's Huh v2 (charm.land). The form's own work is not the tool's; the
// form is its confirmation.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"charm.land/huh/v2"
)

// removeFile asks the person to type yes-delete before it deletes the file
// the model names.
//
//blastradius:tool remove_file
func removeFile(ctx context.Context, path string) (string, error) { // want `tool remove_file directive directive` `BR304: tool remove_file can write files with no rate limit` `BR305: tool remove_file is not logged with its arguments`
	var typed string
	form := huh.NewForm(huh.NewGroup(huh.NewInput().Title("Type yes-delete to remove " + path).Value(&typed)))
	if err := form.RunWithContext(ctx); err != nil { // want `remove_file: guard confirmation \(\*charm\.land/huh/v2\.Form\)\.RunWithContext for fs-write os\.Remove`
		return "", err
	}
	if strings.TrimSpace(typed) != "yes-delete" {
		return "", errors.New("declined")
	}
	return "removed", os.Remove(path) // want `remove_file: fs-write os\.Remove \(tainted\)` `BR104: tool remove_file: model-controlled input reaches the file path of os\.Remove`
}

func main() {
	if len(os.Args) < 2 {
		os.Exit(2)
	}
	out, err := removeFile(context.Background(), os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(out)
}
