// Package notes provides the tools: descriptors built by a provider.
package notes

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"

	"example.com/anthropic-tool-store/llm"
)

// Provider is the tools' provider.
type Provider struct {
	Dir string
}

type noteArgs struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// Tools returns the tools a conversation may use: reading a note always,
// writing one for an admin.
func (p *Provider) Tools(admin bool) []llm.Tool {
	tools := []llm.Tool{{
		Name:        "read_note",
		Description: "Read a note",
		Resolver:    p.readNote,
	}}
	if admin { // want `write_note: gated by if admin \{.*`
		tools = append(tools, llm.Tool{
			Name:        "write_note",
			Description: "Write a note",
			Resolver:    p.writeNote,
		})
	}
	return tools
}

// Draft is a descriptor that is built but never given to a store: it is
// no tool.
func (p *Provider) Draft() llm.Tool {
	return llm.Tool{Name: "purge_notes", Resolver: func(ctx context.Context, args json.RawMessage) (string, error) {
		return "", os.RemoveAll(p.Dir)
	}}
}

func (p *Provider) readNote(ctx context.Context, args json.RawMessage) (string, error) { // want `tool read_note anthropic constant` `BR305: tool read_note is not logged with its arguments`
	var a noteArgs
	if err := json.Unmarshal(args, &a); err != nil {
		return "", err
	}
	b, err := os.ReadFile(filepath.Join(p.Dir, a.Name)) // want `read_note: fs\-read os\.ReadFile \(tainted\)` `BR104: tool read_note: model\-controlled input reaches the file path of os\.ReadFile` `BR202: tool read_note returns the contents of a file read by os\.ReadFile to the model`
	return string(b), err
}

func (p *Provider) writeNote(ctx context.Context, args json.RawMessage) (string, error) { // want `tool write_note anthropic constant` `BR304: tool write_note can write files with no rate limit` `BR305: tool write_note is not logged with its arguments`
	var a noteArgs
	if err := json.Unmarshal(args, &a); err != nil {
		return "", err
	}
	return "saved", os.WriteFile(filepath.Join(p.Dir, a.Name), []byte(a.Text), 0o600) // want `write_note: fs\-write os\.WriteFile \(tainted\)` `BR104: tool write_note: model\-controlled input reaches the file path of os\.WriteFile` `BR301: tool write_note can write files through os\.WriteFile with no confirmation before it`
}

// Greeter has a Tools method of another signature: it implements no
// llm.Provider, and an interface call of llm.Provider never runs it.
type Greeter struct{}

// Tools returns greetings.
func (Greeter) Tools(admin bool) []string {
	_ = os.Remove("/tmp/greetings")
	return []string{"hello"}
}
