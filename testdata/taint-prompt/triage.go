package main

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/openai/openai-go/v3"
)

// triagePrompt is the triager's fixed instruction.
const triagePrompt = "You are an SRE. Group the log lines by root cause and rank the groups by impact."

// handleTriage asks the model to triage the last lines of a service's log.
// Log lines quote request paths, headers and payloads that outsiders chose.
func (d *desk) handleTriage(w http.ResponseWriter, r *http.Request) {
	service := filepath.Base(r.URL.Query().Get("service"))
	if service == "." || service == "/" {
		http.Error(w, "service is required", http.StatusBadRequest)
		return
	}
	data, err := os.ReadFile(filepath.Join(d.logDir, service+".log"))
	if err != nil {
		http.Error(w, "no log for "+service, http.StatusNotFound)
		return
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if len(lines) > 300 {
		lines = lines[len(lines)-300:]
	}
	var b strings.Builder
	b.WriteString("Triage these log lines of " + service + ":\n\n")
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	text, err := d.complete(r.Context(),
		// Trap: a constant system prompt.
		openai.SystemMessage(triagePrompt),
		openai.UserMessage(b.String()), // want `BR204: file content reaches an LLM message through github\.com/openai/openai-go/v3\.UserMessage.*`
	)
	reply(w, text, err)
}
