// Package plugin is the entry point. It does not type-check without a file
// the build generates (the manifest), as in plugins whose build writes one:
// the scan warns about it, and the interface call that runs the provider
// it sets still finds the tools.
package plugin

import (
	"example.com/anthropic-tool-store/conversation"
	"example.com/anthropic-tool-store/llm"
	"example.com/anthropic-tool-store/notes"
)

// New wires the conversation to the notes.
func New() *conversation.Conversation {
	return &conversation.Conversation{Tools: &llm.Builder{Provider: &notes.Provider{Dir: manifest.DataDir}}}
}
