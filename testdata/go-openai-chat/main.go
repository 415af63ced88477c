// Command go-openai-chat is an assistant built on sashabaranov/go-openai.
// The program declares its tools with openai.FunctionDefinition and
// dispatches the model's tool calls with a switch on
// ToolCall.Function.Name: each case is a tool.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log"
	"net/smtp"
	"os"
	"path/filepath"

	openai "github.com/sashabaranov/go-openai"
)

// assistant holds what the tools share.
type assistant struct {
	db      *sql.DB
	logDir  string
	confDir string
}

func stringArg(name string) json.RawMessage {
	return json.RawMessage(fmt.Sprintf(`{"type":"object","properties":{%q:{"type":"string"}}}`, name))
}

func main() { // want `agent main\.main dispatcher go\-openai: disable_user, email_report, read_config, tail_log, word_count` `BR402: agent main\.main: read_config returns private data \(os\.ReadFile\), email_report sends data where the model says \(net/smtp\.SendMail\);.*`
	ctx := context.Background()
	db, err := sql.Open("postgres", "postgres://localhost/app")
	if err != nil {
		log.Fatal(err)
	}
	a := &assistant{db: db, logDir: "/var/log/app", confDir: "/etc/app"}
	client := openai.NewClient(os.Getenv("OPENAI_API_KEY"))

	req := openai.ChatCompletionRequest{
		Model:    openai.GPT4o,
		Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "Why did last night's export fail?"}},
		Tools: []openai.Tool{
			{Type: openai.ToolTypeFunction, Function: &openai.FunctionDefinition{
				Name:       "tail_log",
				Parameters: stringArg("service"),
			}},
			{Type: openai.ToolTypeFunction, Function: &openai.FunctionDefinition{
				Name:       "read_config",
				Parameters: stringArg("file"),
			}},
			{Type: openai.ToolTypeFunction, Function: &openai.FunctionDefinition{
				Name:       "disable_user",
				Parameters: stringArg("email"),
			}},
			// openai.FunctionDefine is a deprecated alias of FunctionDefinition.
			{Type: openai.ToolTypeFunction, Function: &openai.FunctionDefine{
				Name:       "email_report",
				Parameters: stringArg("to"),
			}},
			{Type: openai.ToolTypeFunction, Function: &openai.FunctionDefinition{
				Name: "word_count",
			}},
			// Declared to the model, but no case of the switch below handles it.
			{Type: openai.ToolTypeFunction, Function: &openai.FunctionDefinition{
				Name: "rotate_keys", // want `declared rotate_keys go-openai, never dispatched`
			}},
		},
	}
	for {
		resp, err := client.CreateChatCompletion(ctx, req)
		if err != nil {
			log.Fatal(err)
		}
		choice := resp.Choices[0]
		msg := choice.Message
		req.Messages = append(req.Messages, msg)
		// A switch on the finish reason, not on a tool name: its cases are
		// not tools.
		switch choice.FinishReason {
		case openai.FinishReasonStop:
			fmt.Println(msg.Content)
			return
		case openai.FinishReasonLength, openai.FinishReasonContentFilter:
			log.Fatalf("stopped: %s", choice.FinishReason)
		}
		readOnly := true
		var kept []openai.ToolCall
		for i := range msg.ToolCalls {
			tc := &msg.ToolCalls[i]
			var args map[string]string
			if err := json.Unmarshal([]byte(tc.Function.Arguments), &args); err != nil {
				args = map[string]string{}
			}
			var out string
			var err error
			switch tc.Function.Name {
			case "tail_log": // want `tool tail_log go-openai constant` `BR305: tool tail_log\b.*`
				out, err = a.readFile(a.logDir, args["service"]+".log")
			case "read_config": // want `tool read_config go-openai constant` `BR305: tool read_config\b.*`
				out, err = a.readFile(a.confDir, args["file"])
			case "disable_user": // want `tool disable_user go-openai constant` `BR304: tool disable_user\b.*` `BR305: tool disable_user\b.*`
				out, err = a.disableUser(ctx, args["email"])
			case "email_report": // want `tool email_report go-openai constant` `BR304: tool email_report\b.*` `BR305: tool email_report\b.*`
				err = smtp.SendMail("localhost:25", nil, "assistant@example.com", []string{args["to"]}, []byte(msg.Content)) // want `email_report: email net/smtp\.SendMail \(tainted\)` `BR106: tool email_report\b.*net/smtp\.SendMail` `BR301: tool email_report\b.*net/smtp\.SendMail.*`
			case "word_count": // want `tool word_count go-openai constant`
				// The harmless tool: no sink.
				out = fmt.Sprint(len(msg.Content))
			default:
				err = fmt.Errorf("unknown tool %q", tc.Function.Name)
			}
			if err != nil {
				out = "error: " + err.Error()
			}
			// Bookkeeping on the name after the calls ran, not
			// dispatch: a fallback text, a flag, the calls kept for a
			// summary. None of these is a tool.
			if tc.Function.Name == "word_count" && out == "0" {
				out = "(no words)"
			}
			if !(tc.Function.Name == "tail_log" || tc.Function.Name == "read_config") {
				readOnly = false
			}
			if tc.Function.Name != "email_report" {
				kept = append(kept, *tc)
			}
			req.Messages = append(req.Messages, openai.ChatCompletionMessage{
				Role:       openai.ChatMessageRoleTool,
				Content:    out,
				ToolCallID: tc.ID,
			})
		}
		log.Printf("read only: %v, %d calls besides email", readOnly, len(kept))
	}
}

// readFile serves two tools: its sink is reported once for each.
func (a *assistant) readFile(dir, name string) (string, error) {
	data, err := os.ReadFile(filepath.Join(dir, filepath.Base(name))) // want `tail_log: fs-read os\.ReadFile` `read_config: fs-read os\.ReadFile` `BR202: tool tail_log returns the contents of a file read by os\.ReadFile to the model` `BR202: tool read_config returns the contents of a file read by os\.ReadFile to the model`
	return string(data), err
}

func (a *assistant) disableUser(ctx context.Context, email string) (string, error) {
	res, err := a.db.ExecContext(ctx, "UPDATE users SET disabled = true WHERE email = $1", email) // want `disable_user: db-write \(\*database/sql\.DB\)\.ExecContext` `BR301: tool disable_user\b.*\(\*database/sql\.DB\)\.ExecContext.*`
	if err != nil {
		return "", err
	}
	n, err := res.RowsAffected()
	return fmt.Sprintf("%d users disabled", n), err
}
