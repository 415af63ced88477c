// Command directive-tools is a home-made tool dispatcher with no SDK: it
// reads {"tool": ..., "args": {...}} lines from stdin and calls the handler
// from a map. Each handler is marked with a //blastradius:tool directive.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"

	"example.com/directive-tools/notify"
)

type handler func(args map[string]string) (string, error)

var handlers = map[string]handler{
	"tail_file":      tailFile,
	"append_journal": appendJournal,
	"open_file":      openFile,
	"notify":         sendNotification,
	"help":           help,
	"env_var":        envVar,
	"check_file":     checkFile,
	"stat_file":      statFile,
}

// tailFile returns the last bytes of a file. A constant read-only flag makes
// os.OpenFile fs-read.
//
//blastradius:tool tail_file
func tailFile(args map[string]string) (string, error) { // want `tool tail_file directive directive` `BR305: tool tail_file\b.*`
	f, err := os.OpenFile(args["path"], os.O_RDONLY, 0) // want `tail_file: fs-read os\.OpenFile \(tainted\)` `BR104: tool tail_file\b.*os\.OpenFile` `BR202: tool tail_file\b.*os\.OpenFile.*`
	if err != nil {
		return "", err
	}
	defer f.Close()
	if _, err := f.Seek(-512, io.SeekEnd); err != nil {
		return "", err
	}
	data, err := io.ReadAll(f)
	return string(data), err
}

// appendJournal appends a line to the journal. Constant write flags make
// os.OpenFile fs-write.
//
//blastradius:tool append_journal
func appendJournal(args map[string]string) (string, error) { // want `tool append_journal directive directive` `BR304: tool append_journal\b.*` `BR305: tool append_journal\b.*`
	f, err := os.OpenFile("journal.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644) // want `append_journal: fs-write os\.OpenFile` `BR301: tool append_journal\b.*os\.OpenFile.*`
	if err != nil {
		return "", err
	}
	defer f.Close()
	_, err = fmt.Fprintln(f, args["line"])
	return "ok", err
}

// openFile opens a file with flags chosen by the caller. A non-constant flag
// makes os.OpenFile both fs-read and fs-write.
//
//blastradius:tool open_file
func openFile(args map[string]string) (string, error) { // want `tool open_file directive directive` `BR304: tool open_file\b.*` `BR305: tool open_file\b.*`
	flag, err := strconv.Atoi(args["flag"])
	if err != nil {
		return "", err
	}
	f, err := os.OpenFile(args["path"], flag, 0o644) // want `open_file: fs-read os\.OpenFile \(tainted\)` `open_file: fs-write os\.OpenFile \(tainted\)` `BR104: tool open_file\b.*os\.OpenFile` `BR202: tool open_file\b.*os\.OpenFile.*` `BR301: tool open_file\b.*os\.OpenFile.*`
	if err != nil {
		return "", err
	}
	return f.Name(), f.Close()
}

// sendNotification reaches its sinks through the notify.Notifier interface.
//
//blastradius:tool notify
func sendNotification(args map[string]string) (string, error) { // want `tool notify directive directive` `BR304: tool notify\b.*` `BR305: tool notify\b.*`
	n := notify.New(args["via"])
	return "sent", n.Notify(args["to"], args["message"])
}

// help reaches no sink.
//
//blastradius:tool help
func help(args map[string]string) (string, error) { // want `tool help directive directive`
	// A variable read by a constant name is the program's own setting, not
	// an env capability: help stays harmless.
	if os.Getenv("DIRECTIVE_TOOLS_BRIEF") != "" {
		return "tail_file append_journal open_file notify help env_var", nil
	}
	return "tools: tail_file, append_journal, open_file, notify, help, env_var", nil
}

// envVar reads the variable the model names: env, and a secret handed back.
//
//blastradius:tool env_var
func envVar(args map[string]string) (string, error) { // want `tool env_var directive directive` `BR305: tool env_var\b.*`
	v, _ := os.LookupEnv(args["name"]) // want `env_var: env os\.LookupEnv \(tainted\)` `BR201: tool env_var returns a secret read by os\.LookupEnv to the model`
	return v, nil
}

// checkFile says whether a file exists. It opens the file only to close it
// again: nothing of it is read, so the tool has no fs-read.
//
//blastradius:tool check_file
func checkFile(args map[string]string) (string, error) { // want `tool check_file directive directive`
	f, err := os.Open(args["path"])
	if err != nil {
		return "missing", nil
	}
	defer f.Close()
	return "present", nil
}

// statFile opens a file and asks for its size: the handle reaches another
// call, so the open stays a read.
//
//blastradius:tool stat_file
func statFile(args map[string]string) (string, error) { // want `tool stat_file directive directive` `BR305: tool stat_file\b.*`
	f, err := os.Open(args["path"]) // want `stat_file: fs-read os\.Open \(tainted\)` `BR104: tool stat_file\b.*os\.Open`
	if err != nil {
		return "", err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", err
	}
	return strconv.FormatInt(st.Size(), 10), nil
}

type call struct {
	Tool string            `json:"tool"`
	Args map[string]string `json:"args"`
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		var c call
		if err := json.Unmarshal(in.Bytes(), &c); err != nil {
			fmt.Println("error:", err)
			continue
		}
		h, ok := handlers[c.Tool]
		if !ok {
			fmt.Println("error: unknown tool", c.Tool)
			continue
		}
		out, err := h(c.Args)
		fmt.Println(out, err)
	}
}
