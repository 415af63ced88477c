// Command layers is an agent built in layers, as hexagonal designs are: the
// loop holds a use case, which holds a service, which holds the executor
// whose map of tool functions the model's tool-call name selects. The map
// sits four pointers below the value the loop starts from.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
)

// ToolCall is a tool call as the chat API writes it.
type ToolCall struct {
	Name      string `json:"name"`
	Arguments string `json:"arguments"`
}

// ToolFunc runs one tool.
type ToolFunc func(ctx context.Context, args string) (string, error)

type executor struct{ tools map[string]ToolFunc }

func (e *executor) RegisterTool(name string, fn ToolFunc) { e.tools[name] = fn }

func (e *executor) Execute(ctx context.Context, name, args string) (string, error) { // want `agent \(\*main\.executor\)\.Execute dispatcher custom: delete_file, hostname`
	fn, ok := e.tools[name]
	if !ok {
		return "", fmt.Errorf("no tool %s", name)
	}
	return fn(ctx, args)
}

type service struct{ exec *executor }

func (s *service) run(ctx context.Context, tc ToolCall) (string, error) {
	return s.exec.Execute(ctx, tc.Name, tc.Arguments)
}

type useCase struct{ svc *service }

func (u *useCase) handle(ctx context.Context, tc ToolCall) (string, error) {
	return u.svc.run(ctx, tc)
}

type app struct{ uc *useCase }

func (a *app) loop(ctx context.Context) {
	var tc ToolCall
	for json.NewDecoder(os.Stdin).Decode(&tc) == nil {
		fmt.Println(a.uc.handle(ctx, tc))
	}
}

func deleteFile(ctx context.Context, args string) (string, error) { // want `tool delete_file custom constant` `BR304: tool delete_file can write files with no rate limit` `BR305: tool delete_file is not logged with its arguments`
	var in struct {
		Path string `json:"path"`
	}
	if err := json.Unmarshal([]byte(args), &in); err != nil {
		return "", err
	}
	return "deleted", os.Remove(in.Path) // want `delete_file: fs-write os\.Remove \(tainted\)` `BR104: tool delete_file: model-controlled input reaches the file path of os\.Remove` `BR301: tool delete_file can write files through os\.Remove with no confirmation before it`
}

func hostname(ctx context.Context, args string) (string, error) { // want `tool hostname custom constant`
	return os.Hostname()
}

func main() {
	e := &executor{tools: map[string]ToolFunc{}}
	e.RegisterTool("delete_file", deleteFile)
	e.RegisterTool("hostname", hostname)
	a := &app{uc: &useCase{svc: &service{exec: e}}}
	a.loop(context.Background())
}
