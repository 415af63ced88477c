package main

import (
	"io"
	"net/http"

	"github.com/anthropics/anthropic-sdk-go"
)

// personaHandler lets a web form set the assistant's persona: the form
// field goes into the System field of the request, a system prompt
// (BR205). The question goes into a user message, as it should.
func personaHandler(client anthropic.Client) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		msg, err := client.Messages.New(r.Context(), anthropic.MessageNewParams{
			Model:     anthropic.ModelClaudeSonnet4_5,
			MaxTokens: 512,
			System:    []anthropic.TextBlockParam{{Text: "You are " + r.FormValue("persona")}}, // want `BR205: the HTTP request reaches a system prompt through anthropic-sdk-go\.MessageNewParams\.System in personaHandler\$1`
			Messages:  []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock(r.FormValue("q")))},
		})
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		for _, block := range msg.Content {
			io.WriteString(w, block.Text)
		}
	}
}
