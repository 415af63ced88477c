package main

import (
	"context"
	"io"
	"net/http"

	openai "github.com/sashabaranov/go-openai"
)

// summarizePage puts a web page into a user message, built as a struct
// literal: outside content in a prompt (BR204).
func summarizePage(ctx context.Context, client *openai.Client, url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	page, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	out, err := client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model: openai.GPT4o,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: "Summarize the page the user gives you."},
			{Role: openai.ChatMessageRoleUser, Content: "Page:\n" + string(page)}, // want `BR204: web content reaches an LLM message through go-openai\.ChatCompletionMessage\.Content in main\.summarizePage`
		},
	})
	if err != nil {
		return "", err
	}
	return out.Choices[0].Message.Content, nil
}

// askHandler serves a web form. The persona field becomes the system
// prompt (BR205); the question, in a user message, is what a user message
// is for (no finding).
func askHandler(client *openai.Client) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		out, err := client.CreateChatCompletion(r.Context(), openai.ChatCompletionRequest{
			Model: openai.GPT4o,
			Messages: []openai.ChatCompletionMessage{
				{Role: openai.ChatMessageRoleSystem, Content: "You are " + r.FormValue("persona")}, // want `BR205: the HTTP request reaches a system prompt through go-openai\.ChatCompletionMessage\.Content in askHandler\$1`
				{Role: openai.ChatMessageRoleUser, Content: r.FormValue("q")},
			},
		})
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		io.WriteString(w, out.Choices[0].Message.Content)
	}
}
