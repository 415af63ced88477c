// Command mcp-go-reflect-wired puts its tools' services together in a
// command's Run method that only a CLI framework calls, by reflection (as
// kong does): no flow the call graph can see brings the client library's
// service into the interface the tools call. Such a call has no callee;
// the application has no type of its own that implements the interface,
// so the types of the packages it imports that do are its callees.
package main

import (
	"context"
	"reflect"

	"example.com/buildsapi"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// BuildsClient is what the tools need of the CI service.
type BuildsClient interface {
	Create(ctx context.Context, org, pipeline string) error
}

// Notifier tells someone; nothing implements it, nothing is told.
type Notifier interface {
	Notify(ctx context.Context, msg string) error
}

// Deps are the services a tool finds in its context.
type Deps struct {
	Builds   BuildsClient
	Notifier Notifier
}

type depsKey struct{}

func depsFrom(ctx context.Context) Deps {
	d, _ := ctx.Value(depsKey{}).(Deps)
	return d
}

func createBuild(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool create_build mcp-go constant` `BR305: tool create_build is not logged with its arguments`
	err := depsFrom(ctx).Builds.Create(ctx, req.GetString("org", ""), req.GetString("pipeline", ""))
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText("started"), nil
}

func announce(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool announce mcp-go constant`
	if n := depsFrom(ctx).Notifier; n != nil {
		if err := n.Notify(ctx, req.GetString("text", "")); err != nil {
			return mcp.NewToolResultError(err.Error()), nil
		}
	}
	return mcp.NewToolResultText("told"), nil
}

func serve(d Deps) error {
	withDeps := func(next server.ToolHandlerFunc) server.ToolHandlerFunc {
		return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			return next(context.WithValue(ctx, depsKey{}, d), req)
		}
	}
	s := server.NewMCPServer("ci", "1.0.0", server.WithToolHandlerMiddleware(withDeps)) // want `agent ci server mcp-go: announce, create_build`
	s.AddTool(mcp.NewTool("create_build"), createBuild)
	s.AddTool(mcp.NewTool("announce"), announce)
	return server.ServeStdio(s)
}

type globals struct{ client *buildsapi.Client }

type serveCmd struct{}

// Run is called by the command-line framework, through reflection.
func (*serveCmd) Run(g *globals) error {
	return serve(Deps{Builds: g.client.Builds})
}

func main() {
	g := &globals{client: buildsapi.NewClient()}
	var cli struct{ Serve serveCmd }
	run := reflect.ValueOf(&cli.Serve).MethodByName("Run")
	run.Call([]reflect.Value{reflect.ValueOf(g)})
}
