// Package store exposes a Postgres database as MCP tools through pgx v5.
package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// DB is a connection pool.
type DB struct {
	pool *pgxpool.Pool
}

// New opens a pool on dsn.
func New(ctx context.Context, dsn string) (*DB, error) {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return &DB{pool: pool}, nil
}

// Close closes the pool.
func (d *DB) Close() { d.pool.Close() }

// Register adds the database tools to s.
func (d *DB) Register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("list_tables"), d.listTables)
	s.AddTool(mcp.NewTool("query_table", mcp.WithString("table"), mcp.WithNumber("limit")), d.queryTable)
	s.AddTool(mcp.NewTool("run_sql", mcp.WithString("sql")), d.runSQL)
	s.AddTool(mcp.NewTool("insert_note", mcp.WithString("note")), d.insertNote)
}

func (d *DB) listTables(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	rows, err := d.pool.Query(ctx, `select table_name from information_schema.tables where table_schema = 'public'`)
	if err != nil {
		return nil, err
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(strings.Join(names, "\n")), nil
}

func (d *DB) queryTable(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	table := pgx.Identifier{req.GetString("table", "")}.Sanitize()
	rows, err := d.pool.Query(ctx, "select * from "+table+" limit $1", req.GetInt("limit", 10))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return mcp.NewToolResultText(render(rows)), rows.Err()
}

func (d *DB) runSQL(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	sql, err := req.RequireString("sql")
	if err != nil {
		return nil, err
	}
	tag, err := d.pool.Exec(ctx, sql)
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(tag.String()), nil
}

func (d *DB) insertNote(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	tx, err := d.pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `insert into notes(body) values ($1)`, req.GetString("note", "")); err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("saved"), tx.Commit(ctx)
}

// render prints rows as tab-separated text.
func render(rows pgx.Rows) string {
	var b strings.Builder
	for rows.Next() {
		vals, err := rows.Values()
		if err != nil {
			break
		}
		for i, v := range vals {
			if i > 0 {
				b.WriteByte('\t')
			}
			fmt.Fprint(&b, v)
		}
		b.WriteByte('\n')
	}
	return b.String()
}
