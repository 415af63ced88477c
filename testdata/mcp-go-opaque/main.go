// Command ops is an MCP server whose tools call Google APIs and gRPC
// services through clients that the catalog calls opaque and names no
// sink of: what they do is found in the clients' own code.
package main

import (
	lroauto "cloud.google.com/go/longrunning/autogen"
	"context"
	"log"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	calendar "google.golang.org/api/calendar/v3"
	customsearch "google.golang.org/api/customsearch/v1"
	"google.golang.org/api/option"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type ops struct {
	cal    *calendar.Service
	search *customsearch.Service
	conn   *grpc.ClientConn
	// lro is a generated Google Cloud client made once, here in main.
	lro *lroauto.OperationsClient
}

func main() {
	ctx := context.Background()
	cal, err := calendar.NewService(ctx, option.WithCredentialsFile("credentials.json"))
	if err != nil {
		log.Fatal(err)
	}
	search, err := customsearch.NewService(ctx, option.WithAPIKey("key"))
	if err != nil {
		log.Fatal(err)
	}
	conn, err := grpc.NewClient("operations.internal:443", grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	lro, err := lroauto.NewOperationsClient(ctx)
	if err != nil {
		log.Fatal(err)
	}
	o := &ops{cal: cal, search: search, conn: conn, lro: lro}
	s := server.NewMCPServer("ops", "1.0.0") // want `agent ops server mcp-go: add_event, cancel_operation, delete_operation, event_call, get_operation_fresh, health, list_events, list_events_fresh, web_search`
	s.AddTool(mcp.NewTool("add_event", mcp.WithString("summary"), mcp.WithString("start")), o.addEvent)
	s.AddTool(mcp.NewTool("list_events"), o.listEvents)
	s.AddTool(mcp.NewTool("list_events_fresh"), o.listEventsFresh)
	s.AddTool(mcp.NewTool("event_call"), o.eventCall)
	s.AddTool(mcp.NewTool("cancel_operation", mcp.WithString("name")), o.cancelOperation)
	s.AddTool(mcp.NewTool("delete_operation", mcp.WithString("name")), o.deleteOperation)
	s.AddTool(mcp.NewTool("get_operation_fresh", mcp.WithString("name")), o.getOperationFresh)
	s.AddTool(mcp.NewTool("health"), o.health)
	s.AddTool(mcp.NewTool("web_search", mcp.WithString("query")), o.webSearch)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}
