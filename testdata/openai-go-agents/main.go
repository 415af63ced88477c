// Command openai-go-agents runs an openai-go v3 beta managed-agent session
// whose function tools run locally. The SDK calls the handlers it finds in
// the ToolHandlers map of BetaAgentSessionNewParams (first turn) and of
// AgentSessionStreamParams (follow-up turns), keyed by tool name: each entry
// is a tool whose handler is the map value's function.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/openai/openai-go/v3"
)

// shop holds what the order tools share.
type shop struct{ db *sql.DB }

// orders is the list_orders handler, registered as a method value.
func (s *shop) orders(ctx context.Context, args map[string]any) (any, error) { // want `tool list_orders openai-go constant` `BR305: tool list_orders\b.*`
	rows, err := s.db.QueryContext(ctx, "SELECT id, status FROM orders WHERE customer = $1", args["customer"]) // want `list_orders: db-read \(\*database/sql\.DB\)\.QueryContext`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []map[string]any
	for rows.Next() {
		var id, status string
		if err := rows.Scan(&id, &status); err != nil {
			return nil, err
		}
		out = append(out, map[string]any{"id": id, "status": status})
	}
	return map[string]any{"orders": out}, rows.Err()
}

// runScript is the run_script handler, a top-level function.
func runScript(ctx context.Context, args map[string]any) (any, error) { // want `tool run_script openai-go constant` `BR304: tool run_script\b.*` `BR305: tool run_script\b.*`
	name, _ := args["script"].(string)
	out, err := exec.CommandContext(ctx, filepath.Join("/opt/scripts", name)).Output() // want `run_script: exec os/exec\.CommandContext \(tainted\)` `BR101: tool run_script\b.*os/exec\.CommandContext` `BR301: tool run_script\b.*os/exec\.CommandContext.*` `BR303: tool run_script\b.*os/exec\.CommandContext.*`
	return string(out), err
}

// ticketHandlers builds the handlers of the follow-up turn: a helper that
// returns the map.
func ticketHandlers(dir string) map[string]openai.AgentToolHandler {
	return map[string]openai.AgentToolHandler{
		"read_ticket": func(ctx context.Context, args map[string]any) (any, error) { // want `tool read_ticket openai-go constant` `BR305: tool read_ticket\b.*`
			id, _ := args["id"].(string)
			data, err := os.ReadFile(filepath.Join(dir, filepath.Base(id)+".md")) // want `read_ticket: fs-read os\.ReadFile` `BR202: tool read_ticket\b.*os\.ReadFile.*`
			return string(data), err
		},
		"ping": func(ctx context.Context, args map[string]any) (any, error) { // want `tool ping openai-go constant`
			// The harmless tool: no sink.
			return "pong", nil
		},
	}
}

// dropTable is written but not enabled: its map is never given to a
// session (see main), so neither drop_table nor its db-write may be reported.
func (s *shop) dropTable(ctx context.Context, args map[string]any) (any, error) {
	table, _ := args["table"].(string)
	_, err := s.db.ExecContext(ctx, "DROP TABLE "+table)
	return "dropped", err
}

func main() {
	ctx := context.Background()
	db, err := sql.Open("postgres", "postgres://localhost/shop")
	if err != nil {
		log.Fatal(err)
	}
	s := &shop{db: db}
	disabled := map[string]openai.AgentToolHandler{"drop_table": s.dropTable}
	log.Printf("%d tools disabled", len(disabled))
	client := openai.NewClient()

	first := client.Beta.Agents.Sessions.NewStreaming(ctx, openai.BetaAgentSessionNewParams{
		AgentID:     openai.String("agent_support"),
		Environment: openai.EnvironmentParamUnion{OfParamNone: &openai.EnvironmentParamNone{}},
		Input:       openai.BetaAgentSessionNewParamsInputUnion{OfString: openai.String("What did customer 42 order?")},
		ToolHandlers: map[string]openai.AgentToolHandler{ // want `agent v3\.BetaAgentSessionNewParams agent openai\-go: list_orders, run_script, save_report`
			"list_orders": s.orders,
			"run_script":  runScript,
			"save_report": func(ctx context.Context, args map[string]any) (any, error) { // want `tool save_report openai-go constant` `BR304: tool save_report\b.*` `BR305: tool save_report\b.*`
				text, _ := args["text"].(string)
				return "saved", os.WriteFile("report.md", []byte(text), 0o644) // want `save_report: fs-write os\.WriteFile` `BR301: tool save_report\b.*os\.WriteFile.*`
			},
		},
	})
	var sessionID string
	for first.Next() {
		sessionID = first.Current().SessionID
	}
	if err := first.Err(); err != nil {
		log.Fatal(err)
	}

	turn := client.Beta.Agents.Sessions.Stream(ctx, sessionID, openai.AgentSessionStreamParams{
		Input:        "Summarise ticket T-7.",
		ToolHandlers: ticketHandlers("tickets"), // want `agent v3\.AgentSessionStreamParams agent openai\-go: ping, read_ticket`
		// OnToolError is an SDK callback, not a tool: its file write must not
		// be reported.
		OnToolError: func(ctx context.Context, e openai.BetaAgentToolError) {
			f, err := os.OpenFile("tool-errors.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
			if err == nil {
				fmt.Fprintf(f, "%s: %v\n", e.ToolName, e.Err)
				f.Close()
			}
		},
	})
	defer turn.Close()
	for turn.Next() {
		if ev := turn.Current(); ev.Type == "agent.session.turn.output_text.delta" {
			fmt.Print(ev.AsAgentSessionTurnOutputTextDelta().Delta)
		}
	}
	if err := turn.Err(); err != nil {
		log.Fatal(err)
	}
}
