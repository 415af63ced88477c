package main

import (
	"context"
	"fmt"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// operator holds a controller-runtime client, as Kubernetes operators and
// agents built on them do.
type operator struct {
	c client.Client
}

func (o *operator) register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("pause_deployment", mcp.WithString("name")), o.pauseDeployment)
	s.AddTool(mcp.NewTool("count_nodes"), o.countNodes)
}

// pauseDeployment reads a deployment and writes it back with no replicas:
// a read, then a write, through the client's Reader and Writer.
func (o *operator) pauseDeployment(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool pause_deployment mcp-go constant` `BR304: tool pause_deployment can change cloud resources with no rate limit` `BR305: tool pause_deployment is not logged with its arguments`
	var d appsv1.Deployment
	if err := o.c.Get(ctx, client.ObjectKey{Namespace: "default", Name: req.GetString("name", "")}, &d); err != nil { // want `pause_deployment: cloud-read \(sigs\.k8s\.io/controller-runtime/pkg/client\.Reader\)\.Get \(tainted\)`
		return nil, err
	}
	zero := int32(0)
	d.Spec.Replicas = &zero
	if err := o.c.Update(ctx, &d); err != nil { // want `pause_deployment: cloud-write \(sigs\.k8s\.io/controller-runtime/pkg/client\.Writer\)\.Update` `BR301: tool pause_deployment can change cloud resources through \(sigs\.k8s\.io/controller-runtime/pkg/client\.Writer\)\.Update with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("paused " + d.Name), nil
}

// countNodes lists the cluster's nodes.
func (o *operator) countNodes(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool count_nodes mcp-go constant` `BR305: tool count_nodes is not logged with its arguments`
	var nodes corev1.NodeList
	if err := o.c.List(ctx, &nodes); err != nil { // want `count_nodes: cloud-read \(sigs\.k8s\.io/controller-runtime/pkg/client\.Reader\)\.List`
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprint(len(nodes.Items))), nil
}
