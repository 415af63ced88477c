// Command go-openai-model-row is a chat bot that keeps each user's model
// and notes in a database. The notes go into the prompt: database content
// in an LLM message. The model name only routes the request: the reply,
// put back into the conversation, is the model's answer, not the row.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	openai "github.com/sashabaranov/go-openai"
)

var db *sql.DB

// userModel returns the model the user picked.
func userModel(user string) string {
	var model string
	_ = db.QueryRow("SELECT model FROM users WHERE id = ?", user).Scan(&model)
	return model
}

// userNotes returns what the user asked the bot to remember.
func userNotes(user string) string {
	var notes string
	_ = db.QueryRow("SELECT notes FROM users WHERE id = ?", user).Scan(&notes)
	return notes
}

// ask sends the conversation to the user's model and keeps its reply.
func ask(client *openai.Client, user string, history []openai.ChatCompletionMessage) []openai.ChatCompletionMessage {
	resp, err := client.CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{Model: userModel(user), Messages: history})
	if err != nil || len(resp.Choices) == 0 {
		return history
	}
	return append(history, openai.ChatCompletionMessage{Role: openai.ChatMessageRoleAssistant, Content: resp.Choices[0].Message.Content})
}

func main() {
	client := openai.NewClient(os.Getenv("OPENAI_API_KEY"))
	user, question := os.Args[1], os.Args[2]
	history := []openai.ChatCompletionMessage{
		{Role: openai.ChatMessageRoleUser, Content: "Remember: " + userNotes(user)}, // want `BR204: database content reaches an LLM message through go-openai\.ChatCompletionMessage\.Content in main\.main`
		{Role: openai.ChatMessageRoleUser, Content: question},
	}
	history = ask(client, user, history)
	fmt.Println(history[len(history)-1].Content)
}
