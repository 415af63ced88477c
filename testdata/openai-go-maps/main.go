// Command openai-go-maps is an assistant built on openai-go v3 Chat
// Completions that dispatches tool calls through maps instead of a switch:
// a package-level map of built-in tools keyed by constant names, and a
// registry that plugins fill at start-up with Register. Each map entry whose
// key the model's tool-call name looks up is a tool; its handler is the map
// value's function.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/openai/openai-go/v3"
)

// Tool names, shared by the declarations and the dispatch maps.
const (
	toolListDir   = "list_dir"
	toolWhois     = "whois"
	toolUptime    = "uptime"
	toolWriteNote = "write_note"
	toolLookup    = "lookup_order"
	toolShowEnv   = "show_env"
)

// builtins maps a tool name to its handler. The model's tool-call name is
// the lookup key (see callTool).
var builtins = map[string]func(ctx context.Context, args string) (string, error){
	toolListDir: listDir,
	toolWhois: func(ctx context.Context, args string) (string, error) { // want `tool whois openai-go constant` `BR305: tool whois\b.*`
		var d net.Dialer
		conn, err := d.DialContext(ctx, "tcp", "whois.iana.org:43") // want `whois: network \(\*net\.Dialer\)\.DialContext`
		if err != nil {
			return "", err
		}
		defer conn.Close()
		_, err = fmt.Fprintf(conn, "%s\r\n", args)
		return "sent", err
	},
	toolUptime: uptime,
}

var started = time.Now()

func listDir(ctx context.Context, args string) (string, error) { // want `tool list_dir openai-go constant` `BR305: tool list_dir\b.*`
	var p struct{ Path string }
	if err := json.Unmarshal([]byte(args), &p); err != nil {
		return "", err
	}
	matches, err := filepath.Glob(filepath.Join(p.Path, "*")) // want `list_dir: fs-read path/filepath\.Glob \(tainted\)` `BR104: tool list_dir\b.*path/filepath\.Glob`
	return strings.Join(matches, "\n"), err
}

// uptime is the harmless tool: no sink.
func uptime(ctx context.Context, args string) (string, error) { // want `tool uptime openai-go constant`
	return time.Since(started).String(), nil
}

// toolFunc is the handler type of the registry.
type toolFunc func(ctx context.Context, args string) (string, error)

// registry holds the tools that plugins register at start-up.
type registry struct {
	handlers map[string]toolFunc
}

func newRegistry() *registry {
	return &registry{handlers: map[string]toolFunc{}}
}

// Register adds fn under name.
func (r *registry) Register(name string, fn toolFunc) {
	r.handlers[name] = fn
}

// dispatch runs the registered tool that the model called.
func (r *registry) dispatch(ctx context.Context, tc openai.ChatCompletionMessageToolCallUnion) (string, error) { // want `agent \(\*main\.registry\)\.dispatch dispatcher openai\-go: lookup_order, show_env, write_note`
	fn, ok := r.handlers[tc.Function.Name]
	if !ok {
		return "", fmt.Errorf("unknown tool %q", tc.Function.Name)
	}
	return fn(ctx, tc.Function.Arguments)
}

// notes is a plugin whose tools are method values.
type notes struct{ dir string }

func (n *notes) write(ctx context.Context, args string) (string, error) { // want `tool write_note openai-go constant` `BR304: tool write_note\b.*` `BR305: tool write_note\b.*`
	path := filepath.Join(n.dir, time.Now().Format("20060102-150405")+".txt")
	return path, os.WriteFile(path, []byte(args), 0o600) // want `write_note: fs-write os\.WriteFile` `BR301: tool write_note\b.*os\.WriteFile.*`
}

// orderLookup returns the lookup_order handler, a closure over db.
func orderLookup(db *sql.DB) toolFunc {
	return func(ctx context.Context, args string) (string, error) { // want `tool lookup_order openai-go constant` `BR305: tool lookup_order\b.*`
		var status string
		err := db.QueryRowContext(ctx, "SELECT status FROM orders WHERE id = $1", args).Scan(&status) // want `lookup_order: db-read \(\*database/sql\.DB\)\.QueryRowContext`
		return status, err
	}
}

func showEnv(ctx context.Context, args string) (string, error) { // want `tool show_env openai-go constant` `BR305: tool show_env\b.*`
	return os.Getenv(args), nil // want `show_env: env os\.Getenv \(tainted\)` `BR201: tool show_env\b.*os\.Getenv.*`
}

// formatters are keyed by constants too, but looked up with a command-line
// flag, never with a tool-call name: they are not tools, and the file write
// in "file" must not be reported.
var formatters = map[string]func(string) error{
	"stdout": func(s string) error { _, err := fmt.Println(s); return err },
	"file":   func(s string) error { return os.WriteFile("answer.txt", []byte(s), 0o644) },
}

func callTool(ctx context.Context, reg *registry, tc openai.ChatCompletionMessageToolCallUnion) (string, error) { // want `agent main\.callTool dispatcher openai\-go: list_dir, uptime, whois`
	if h, ok := builtins[tc.Function.Name]; ok {
		return h(ctx, tc.Function.Arguments)
	}
	return reg.dispatch(ctx, tc)
}

func main() {
	ctx := context.Background()
	db, err := sql.Open("postgres", "postgres://localhost/shop")
	if err != nil {
		log.Fatal(err)
	}
	format := "stdout"
	if len(os.Args) > 1 {
		format = os.Args[1]
	}

	reg := newRegistry()
	reg.Register(toolWriteNote, (&notes{dir: "notes"}).write)
	reg.Register(toolLookup, orderLookup(db))
	reg.Register(toolShowEnv, showEnv)

	client := openai.NewClient()
	params := openai.ChatCompletionNewParams{
		Model:    openai.ChatModelGPT4o,
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Where is order 1234?")},
		Tools: []openai.ChatCompletionToolUnionParam{
			openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{Name: toolListDir}),
			openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{Name: toolWhois}),
			openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{Name: toolUptime}),
			openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{Name: toolWriteNote}),
			openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{Name: toolLookup}),
			openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{Name: toolShowEnv}),
		},
	}
	for {
		completion, err := client.Chat.Completions.New(ctx, params)
		if err != nil {
			log.Fatal(err)
		}
		msg := completion.Choices[0].Message
		if len(msg.ToolCalls) == 0 {
			if err := formatters[format](msg.Content); err != nil {
				log.Fatal(err)
			}
			return
		}
		params.Messages = append(params.Messages, msg.ToParam())
		for _, tc := range msg.ToolCalls {
			out, err := callTool(ctx, reg, tc)
			if err != nil {
				out = "error: " + err.Error()
			}
			params.Messages = append(params.Messages, openai.ToolMessage(out, tc.ID))
		}
	}
}
