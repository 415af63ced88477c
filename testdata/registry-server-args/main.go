// Command registry-server-args runs tools from a registry by the name in
// each call it decodes, handing every tool the server's logger and cache
// beside the call's arguments: only the arguments are the model's. A log
// line that names the tool but none of its arguments records nothing of
// the call.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"log"
	"os"
	"sync"
)

type Logger struct{ l *log.Logger }

func (l *Logger) Info(msg string, kv ...any) { l.l.Println(append([]any{msg}, kv...)...) }

type Cache struct {
	mu sync.Mutex
	m  map[string]string
}

var (
	logger = &Logger{l: log.New(os.Stderr, "", 0)}
	cache  = &Cache{m: map[string]string{}}
)

func GetLogger() *Logger { return logger }
func GetCache() *Cache   { return cache }

// Tool is what the registry holds.
type Tool interface {
	Execute(ctx context.Context, logger *Logger, cache *Cache, args map[string]any) (string, error)
}

type readTool struct{}

// Execute logs that it runs, not what it was asked.
func (readTool) Execute(ctx context.Context, logger *Logger, cache *Cache, args map[string]any) (string, error) { // want `tool read_file custom constant` `BR305: tool read_file is not logged with its arguments`
	logger.Info("executing read_file")
	p, _ := args["path"].(string)
	b, err := os.ReadFile(p) // want `read_file: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_file: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_file returns the contents of a file read by os\.ReadFile to the model`
	return string(b), err
}

type listTool struct{}

// Execute logs the call with its arguments: an audit log.
func (listTool) Execute(ctx context.Context, logger *Logger, cache *Cache, args map[string]any) (string, error) { // want `tool list_dir custom constant`
	logger.Info("executing list_dir", "args", args) // want `list_dir: guard audit-log \(\*example\.com/registry-server-args\.Logger\)\.Info for fs-read os\.ReadDir`
	p, _ := args["path"].(string)
	entries, err := os.ReadDir(p) // want `list_dir: fs-read os\.ReadDir \(tainted\)` `BR104: tool list_dir: model-controlled input reaches the file path of os\.ReadDir`
	if err != nil {
		return "", err
	}
	out := ""
	for _, e := range entries {
		out += e.Name() + "\n"
	}
	return out, nil
}

var tools = map[string]Tool{
	"read_file": readTool{},
	"list_dir":  listTool{},
}

type call struct {
	Name      string         `json:"name"`
	Arguments map[string]any `json:"arguments"`
}

func main() { // want `agent main\.main dispatcher custom: list_dir, read_file`
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		var c call
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			continue
		}
		t, ok := tools[c.Name]
		if !ok {
			continue
		}
		out, err := t.Execute(context.Background(), GetLogger(), GetCache(), c.Arguments)
		if err != nil {
			out = err.Error()
		}
		os.Stdout.WriteString(out)
	}
}
