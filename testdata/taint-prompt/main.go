// Command taint-prompt is the support team's research desk: a small web
// service in front of an OpenAI model that summarises pages, triages service
// logs, answers questions and chats with customers about their orders.
//
// It is the fixture for the prompt rules, which look at the whole program
// rather than at one tool: outside content (a web page, a file) placed in a
// message to the model (BR204), and an HTTP request reaching a system
// prompt (BR205). A user's own input in a user message is what a user
// message is for, and a constant system prompt is fixed: neither is
// reported.
package main

import (
	"context"
	"database/sql"
	"errors"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
)

// desk holds what the handlers share.
type desk struct {
	ai     openai.Client
	model  openai.ChatModel
	db     *sql.DB
	web    *http.Client
	logDir string
}

func main() {
	// Configuration is read at start-up.
	d := &desk{
		ai:     openai.NewClient(option.WithAPIKey(os.Getenv("OPENAI_API_KEY"))),
		model:  openai.ChatModelGPT4oMini,
		web:    &http.Client{Timeout: 20 * time.Second},
		logDir: "/var/log/services",
	}
	// No driver is linked in: the fixture is for reading, not for running.
	db, err := sql.Open("postgres", os.Getenv("DESK_DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	d.db = db

	mux := http.NewServeMux()
	mux.HandleFunc("POST /summarize", d.handleSummarize)
	mux.HandleFunc("GET /triage", d.handleTriage)
	mux.HandleFunc("POST /ask", d.handleAsk)
	mux.HandleFunc("POST /chat", d.handleChat)
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}

// complete sends msgs to the model and returns its reply.
func (d *desk) complete(ctx context.Context, msgs ...openai.ChatCompletionMessageParamUnion) (string, error) {
	resp, err := d.ai.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:    d.model,
		Messages: msgs,
	})
	if err != nil {
		return "", err
	}
	if len(resp.Choices) == 0 {
		return "", errors.New("the model returned no choices")
	}
	return resp.Choices[0].Message.Content, nil
}

// reply writes text, or the error, to w.
func reply(w http.ResponseWriter, text string, err error) {
	if err != nil {
		log.Printf("model call failed: %v", err)
		http.Error(w, "the assistant is unavailable", http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte(text))
}
