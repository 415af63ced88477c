// Command mcp-go-redis-command has Redis tools, as a database console
// server does. redis_command runs whatever command the model writes with
// go-redis's Do and hands it the answer: the model can read (GET, KEYS) as
// well as change (DEL, FLUSHALL). flush_command runs the model's command but
// only says whether it ran, and counter_incr runs a command the program
// fixes on a key it fixes: neither gives the model a command that reads.
package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"github.com/redis/go-redis/v9"
)

var rdb = redis.NewClient(&redis.Options{Addr: "localhost:6379"})

func redisCommand(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool redis_command mcp\-go constant` `BR304: tool redis_command can change the database with no rate limit` `BR305: tool redis_command is not logged with its arguments`
	var args []any
	for _, word := range strings.Fields(req.GetString("command", "")) {
		args = append(args, word)
	}
	result, err := rdb.Do(ctx, args...).Result() // want `redis_command: db\-read \(github\.com/redis/go\-redis/v9\.cmdable\)\.Do \(tainted\)` `redis_command: db\-write \(github\.com/redis/go\-redis/v9\.cmdable\)\.Do \(tainted\)` `BR102: tool redis_command: model\-controlled input reaches the query text of \(github\.com/redis/go\-redis/v9\.cmdable\)\.Do` `BR301: tool redis_command can change the database through \(github\.com/redis/go\-redis/v9\.cmdable\)\.Do with no confirmation before it`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprint(result)), nil
}

func counterIncr(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool counter_incr mcp\-go constant` `BR304: tool counter_incr can change the database with no rate limit` `BR305: tool counter_incr is not logged with its arguments`
	n, err := rdb.Do(ctx, "INCR", "visits").Int64() // want `counter_incr: db\-write \(github\.com/redis/go\-redis/v9\.cmdable\)\.Do` `BR301: tool counter_incr can change the database through \(github\.com/redis/go\-redis/v9\.cmdable\)\.Do with no confirmation before it`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprint(n)), nil
}

func flushCommand(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool flush_command mcp\-go constant` `BR304: tool flush_command can change the database with no rate limit` `BR305: tool flush_command is not logged with its arguments`
	var args []any
	for _, word := range strings.Fields(req.GetString("command", "")) {
		args = append(args, word)
	}
	if err := rdb.Do(ctx, args...).Err(); err != nil { // want `flush_command: db\-write \(github\.com/redis/go\-redis/v9\.cmdable\)\.Do \(tainted\)` `BR102: tool flush_command: model\-controlled input reaches the query text of \(github\.com/redis/go\-redis/v9\.cmdable\)\.Do` `BR301: tool flush_command can change the database through \(github\.com/redis/go\-redis/v9\.cmdable\)\.Do with no confirmation before it`
		return mcp.NewToolResultText("the command failed"), nil
	}
	return mcp.NewToolResultText("done"), nil
}

func main() {
	s := server.NewMCPServer("redis", "1.0.0") // want `agent redis server mcp\-go: counter_incr, flush_command, redis_command`
	s.AddTool(mcp.NewTool("redis_command", mcp.WithString("command", mcp.Required())), redisCommand)
	s.AddTool(mcp.NewTool("counter_incr"), counterIncr)
	s.AddTool(mcp.NewTool("flush_command", mcp.WithString("command", mcp.Required())), flushCommand)
	_ = server.ServeStdio(s)
}
