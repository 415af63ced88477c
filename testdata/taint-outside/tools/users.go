package tools

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
)

// user is a row of the users table, every column of it.
type user struct {
	ID           int64          `json:"id"`
	Email        string         `json:"email"`
	Name         string         `json:"name"`
	PasswordHash string         `json:"password_hash"`
	Phone        sql.NullString `json:"phone"`
	CreatedAt    time.Time      `json:"created_at"`
}

// listUsers dumps the latest sign-ups, every column, password hashes
// included.
func (s *Server) listUsers(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_users mcp-go constant` `BR305: tool list_users\b.*`
	rows, err := s.db.QueryContext(ctx, "SELECT * FROM users ORDER BY created_at DESC LIMIT 100") // want `list_users: db-read \(\*database/sql\.DB\)\.QueryContext` `BR202: tool list_users\b.*\(\*database/sql\.DB\)\.QueryContext.*`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("query failed", err), nil
	}
	defer rows.Close()
	var users []user
	for rows.Next() {
		var u user
		if err := rows.Scan(&u.ID, &u.Email, &u.Name, &u.PasswordHash, &u.Phone, &u.CreatedAt); err != nil {
			return nil, err
		}
		users = append(users, u)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out, err := json.MarshalIndent(users, "", "  ")
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(out)), nil
}

// countUsers returns how many users are active.
func (s *Server) countUsers(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool count_users mcp-go constant` `BR305: tool count_users\b.*`
	var n int64
	// Trap: an aggregate, not whole rows, goes back to the model.
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM users WHERE deleted_at IS NULL").Scan(&n) // want `count_users: db-read \(\*database/sql\.DB\)\.QueryRowContext`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("query failed", err), nil
	}
	return mcp.NewToolResultText(fmt.Sprintf("%d active users", n)), nil
}
