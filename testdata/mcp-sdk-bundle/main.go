// Command mcp-sdk-bundle is an MCP server whose handlers all get one
// bundle of parameters that embeds the call's context (see internal/api):
// the converting wrapper fills it with the request, the configuration and
// the client of the cluster the call names.
package main

import (
	"context"
	"encoding/json"
	"log"
	"os"
	"sync"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"example.com/mcp-sdk-bundle/internal/api"
	"example.com/mcp-sdk-bundle/internal/kube"
)

type config struct{ ca string }

func (c config) CAFile() string { return c.ca }

type request struct{ args map[string]any }

func (r request) Arguments() map[string]any { return r.args }

type server struct {
	s       *mcp.Server
	cfg     config
	console *kube.Kube
	// clusters are the clients of the configured clusters, by name.
	clusters sync.Map
}

// client returns the client of the configured cluster that the call
// names: the model chooses among the server's clients, it does not make
// one, so the client is not the model's.
func (sv *server) client(name string) api.Client {
	if k, ok := sv.clusters.Load(name); ok {
		return k.(api.Client)
	}
	return sv.console
}

func (sv *server) add(t api.Tool) {
	sv.s.AddTool(&mcp.Tool{Name: t.Name, InputSchema: map[string]any{"type": "object"}}, func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		var args map[string]any
		if err := json.Unmarshal(req.Params.Arguments, &args); err != nil {
			return nil, err
		}
		cluster, _ := args["cluster"].(string)
		out, err := t.Handler(api.Params{Context: ctx, Config: sv.cfg, Client: sv.client(cluster), Request: request{args: args}})
		if err != nil {
			return nil, err
		}
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: out}}}, nil
	})
}

func main() {
	sv := &server{
		s:       mcp.NewServer(&mcp.Implementation{Name: "bundle", Version: "1.0.0"}, nil), // want `agent bundle server mcp-go-sdk: ca_info, cluster_version, current_namespace, exec_in_pod` `BR401: agent bundle: ca_info returns private data \(os\.ReadFile\), cluster_version returns untrusted content \(\(\*net/http\.Client\)\.Do\), exec_in_.*`
		cfg:     config{ca: os.Getenv("CA_FILE")},
		console: &kube.Kube{Kubeconfig: os.Getenv("KUBECONFIG")},
	}
	sv.clusters.Store("prod", &kube.Kube{Kubeconfig: "/etc/kube/prod"})
	for _, t := range kube.Tools() {
		sv.add(t)
	}
	if err := sv.s.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
		log.Fatal(err)
	}
}
