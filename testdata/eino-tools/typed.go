package main

import (
	"context"
	"encoding/json"
	"os"

	"github.com/cloudwego/eino/components/tool"
	"github.com/cloudwego/eino/components/tool/utils"
	"github.com/cloudwego/eino/schema"
)

// typedTool is a tool type of the application's own, generic over its
// input, as graph-backed tools are: its constructor takes the name and
// asks utils.GoStruct2ToolInfo for the descriptor, which Info returns
// from a field. Each construction site names its tool.
type typedTool[I any] struct {
	info *schema.ToolInfo
	run  func(context.Context, I) (string, error)
}

func newTypedTool[I any](name, desc string, run func(context.Context, I) (string, error)) (*typedTool[I], error) {
	info, err := utils.GoStruct2ToolInfo[I](name, desc)
	if err != nil {
		return nil, err
	}
	return &typedTool[I]{info: info, run: run}, nil
}

func (t *typedTool[I]) Info(ctx context.Context) (*schema.ToolInfo, error) {
	return t.info, nil
}

func (t *typedTool[I]) InvokableRun(ctx context.Context, argumentsInJSON string, opts ...tool.Option) (string, error) { // want `tool read_note eino constant` `tool show_setting eino constant` `BR305: tool read_note is not logged with its arguments` `BR305: tool show_setting is not logged with its arguments`
	var in I
	if err := json.Unmarshal([]byte(argumentsInJSON), &in); err != nil {
		return "", err
	}
	return t.run(ctx, in)
}

// NoteInput is the input of read_note.
type NoteInput struct {
	Name string `json:"name"`
}

// EnvInput is the input of show_setting.
type EnvInput struct {
	Key string `json:"key"`
}

// typedTools are two tools of the one generic type, each named where it is
// made.
func typedTools() ([]tool.BaseTool, error) {
	notes, err := newTypedTool("read_note", "Reads a note.", func(ctx context.Context, in NoteInput) (string, error) {
		data, err := os.ReadFile("notes/" + in.Name) // want `read_note: fs-read os\.ReadFile \(tainted\)` `BR104: tool read_note: model-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_note returns the contents of a file read by os\.ReadFile to the model`
		return string(data), err
	})
	if err != nil {
		return nil, err
	}
	settings, err := newTypedTool("show_setting", "Shows a setting.", func(ctx context.Context, in EnvInput) (string, error) {
		return os.Getenv(in.Key), nil // want `show_setting: env os\.Getenv \(tainted\)` `BR201: tool show_setting returns a secret read by os\.Getenv to the model`
	})
	if err != nil {
		return nil, err
	}
	return []tool.BaseTool{notes, settings}, nil
}
