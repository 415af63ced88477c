package tools

import (
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
)

// submitFeedback records the customer's feedback in the server log, which
// the log shipper collects.
func (s *Server) submitFeedback(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool submit_feedback mcp-go constant`
	text, err := req.RequireString("text")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	rating := req.GetInt("rating", 0)
	// Trap: the model's text only reaches a log line; fmt.Println and log.Printf are not sinks.
	fmt.Println(time.Now().UTC().Format(time.RFC3339), "feedback", rating, strings.TrimSpace(text))
	log.Printf("feedback received (rating %d, %d characters)", rating, len(text))
	return mcp.NewToolResultText("Thank you, your feedback was recorded."), nil
}
