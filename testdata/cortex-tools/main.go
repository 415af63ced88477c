// Command cortex-tools is an operations console on
// github.com/FreePeak/cortex: tools made by tools.NewTool and registered
// on the server with a handler that receives the call's parameters. One
// registration goes through a wrapper of the program's own that takes the
// tool as an interface{} and asserts its type, as servers that hide the
// SDK behind their own layer do.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
	"os/exec"

	"github.com/FreePeak/cortex/pkg/server"
	"github.com/FreePeak/cortex/pkg/tools"
	"github.com/FreePeak/cortex/pkg/types"
)

type console struct {
	db *sql.DB
}

// registrar hides the SDK's server behind the program's own method.
type registrar struct {
	srv *server.MCPServer
}

func (r *registrar) add(ctx context.Context, tool interface{}, handler func(context.Context, server.ToolCallRequest) (interface{}, error)) error {
	typed, ok := tool.(*types.Tool)
	if !ok {
		return fmt.Errorf("not a tool: %T", tool)
	}
	return r.srv.AddTool(ctx, typed, handler)
}

func main() {
	ctx := context.Background()
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	c := &console{db: db}
	srv := server.NewMCPServer("ops", "1.0.0", nil) // want `agent ops server cortex: disk_usage, restart_service, run_query`
	if err := srv.AddTool(ctx, tools.NewTool("run_query", tools.WithString("sql")), c.runQuery); err != nil {
		log.Fatal(err)
	}
	if err := srv.AddTool(ctx, tools.NewTool("disk_usage"), diskUsage); err != nil {
		log.Fatal(err)
	}
	r := &registrar{srv: srv}
	if err := r.add(ctx, tools.NewTool("restart_service", tools.WithString("service")), restartService); err != nil {
		log.Fatal(err)
	}
	if err := srv.ServeStdio(); err != nil {
		log.Fatal(err)
	}
}

// runQuery runs the model's SQL.
func (c *console) runQuery(ctx context.Context, req server.ToolCallRequest) (interface{}, error) { // want `tool run_query cortex constant` `BR304: tool run_query can change the database with no rate limit` `BR305: tool run_query is not logged with its arguments`
	q, _ := req.Parameters["sql"].(string)
	rows, err := c.db.QueryContext(ctx, q) // want `run_query: db-read \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `run_query: db-write \(\*database/sql\.DB\)\.QueryContext \(tainted\)` `BR102: tool run_query: model-controlled input reaches the query text of \(\*database/sql\.DB\)\.QueryContext` `BR301: tool run_query can change the database through \(\*database/sql\.DB\)\.QueryContext with no confirmation before it`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return "ok", nil
}

// diskUsage runs a fixed command.
func diskUsage(ctx context.Context, req server.ToolCallRequest) (interface{}, error) { // want `tool disk_usage cortex constant` `BR304: tool disk_usage can run processes with no rate limit` `BR305: tool disk_usage is not logged with its arguments`
	out, err := exec.CommandContext(ctx, "df", "-h").Output() // want `disk_usage: exec os/exec\.CommandContext` `BR301: tool disk_usage can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return nil, err
	}
	return string(out), nil
}

// restartService hands the model's service name to systemctl.
func restartService(ctx context.Context, req server.ToolCallRequest) (interface{}, error) { // want `tool restart_service cortex constant` `BR304: tool restart_service can run processes with no rate limit` `BR305: tool restart_service is not logged with its arguments`
	name, _ := req.Parameters["service"].(string)
	if err := exec.CommandContext(ctx, "systemctl", "restart", name).Run(); err != nil { // want `restart_service: exec os/exec\.CommandContext \(tainted\)` `BR101: tool restart_service: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs systemctl` `BR301: tool restart_service can run processes through os/exec\.CommandContext with no confirmation before it`
		return nil, err
	}
	return "restarted", nil
}
