// Package admin is the operators' MCP server, served over HTTP on the
// internal network. A middleware logs every tool call with its arguments,
// so each of its tools is audit-logged without a log line of its own.
package admin

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// NewServer returns the admin server, its tools wrapped in auditLog.
func NewServer(db *sql.DB, logger *slog.Logger) *server.MCPServer {
	s := server.NewMCPServer("platform-admin", "2.3.0", // want `agent platform\-admin server mcp\-go: disable_user, list_users`
		server.WithToolCapabilities(false),
		server.WithToolHandlerMiddleware(auditLog(logger)), // want `list_users: guard audit-log example\.com/guards-mcp/admin\.auditLog\$1 for db-read \(\*database/sql\.DB\)\.QueryContext` `disable_user: guard audit-log example\.com/guards-mcp/admin\.auditLog\$1 for db-write \(\*database/sql\.DB\)\.ExecContext`
	)
	a := &admin{db: db}
	s.AddTool(mcp.NewTool("list_users",
		mcp.WithDescription("List user accounts."),
		mcp.WithNumber("limit", mcp.DefaultNumber(50)),
	), a.listUsers)
	s.AddTool(mcp.NewTool("disable_user",
		mcp.WithDescription("Disable a user account."),
		mcp.WithString("user_id", mcp.Required()),
	), a.disableUser)
	return s
}

// auditLog logs each tool call, with its arguments, before running it.
func auditLog(logger *slog.Logger) server.ToolHandlerMiddleware {
	return func(next server.ToolHandlerFunc) server.ToolHandlerFunc {
		return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			logger.InfoContext(ctx, "admin tool call", "tool", req.Params.Name, "arguments", req.GetArguments())
			return next(ctx, req)
		}
	}
}

type admin struct {
	db *sql.DB
}

func (a *admin) listUsers(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_users mcp-go constant`
	rows, err := a.db.QueryContext(ctx, "SELECT id, email, disabled FROM users ORDER BY id LIMIT $1", req.GetInt("limit", 50)) // want `list_users: db-read \(\*database/sql\.DB\)\.QueryContext`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("listing users", err), nil
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id, email string
		var disabled bool
		if err := rows.Scan(&id, &email, &disabled); err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "%s\t%s\tdisabled=%t\n", id, email, disabled)
	}
	return mcp.NewToolResultText(b.String()), rows.Err()
}

func (a *admin) disableUser(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool disable_user mcp-go constant` `BR304: tool disable_user can change the database with no rate limit`
	id, err := req.RequireString("user_id")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	if _, err := a.db.ExecContext(ctx, "UPDATE users SET disabled = true WHERE id = $1", id); err != nil { // want `disable_user: db-write \(\*database/sql\.DB\)\.ExecContext` `BR301: tool disable_user can change the database through \(\*database/sql\.DB\)\.ExecContext with no confirmation before it`
		return mcp.NewToolResultErrorFromErr("disabling user", err), nil
	}
	return mcp.NewToolResultText("disabled " + id), nil
}
