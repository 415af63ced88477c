package main

import (
	"context"

	lroauto "cloud.google.com/go/longrunning/autogen"
	"cloud.google.com/go/longrunning/autogen/longrunningpb"
	"github.com/mark3labs/mcp-go/mcp"
	"google.golang.org/grpc/health/grpc_health_v1"
)

// cancelOperation calls a generated gRPC client through its interface:
// the RPC's name, fixed by the client's code, says it changes something.
func (o *ops) cancelOperation(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool cancel_operation mcp-go constant` `BR304: tool cancel_operation can change cloud resources with no rate limit` `BR305: tool cancel_operation is not logged with its arguments`
	client := longrunningpb.NewOperationsClient(o.conn)
	if _, err := client.CancelOperation(ctx, &longrunningpb.CancelOperationRequest{Name: req.GetString("name", "")}); err != nil { // want `cancel_operation: cloud-write \(google\.golang\.org/grpc\.ClientConnInterface\)\.Invoke \(tainted\)` `BR301: tool cancel_operation can change cloud resources through \(google\.golang\.org/grpc\.ClientConnInterface\)\.Invoke with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("cancelled"), nil
}

// health asks a service's health: an RPC whose name reads.
func (o *ops) health(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool health mcp-go constant` `BR305: tool health is not logged with its arguments`
	resp, err := grpc_health_v1.NewHealthClient(o.conn).Check(ctx, &grpc_health_v1.HealthCheckRequest{}) // want `health: cloud-read \(google\.golang\.org/grpc\.ClientConnInterface\)\.Invoke`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(resp.GetStatus().String()), nil
}

// getOperationFresh makes its own API client for each call: how the client
// dials and gets its token is how it authenticates, not what the tool does.
func (o *ops) getOperationFresh(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool get_operation_fresh mcp-go constant` `BR305: tool get_operation_fresh is not logged with its arguments`
	client, err := lroauto.NewOperationsClient(ctx) // want `get_operation_fresh: fs-read os\.Open` `get_operation_fresh: fs-read os\.ReadFile`
	if err != nil {
		return nil, err
	}
	defer client.Close()
	op, err := client.GetOperation(ctx, &longrunningpb.GetOperationRequest{Name: req.GetString("name", "")}) // want `get_operation_fresh: cloud-read \(google\.golang\.org/grpc\.ClientConnInterface\)\.Invoke \(tainted\)`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(op.GetName()), nil
}

// deleteOperation calls a generated Google Cloud client that main made:
// the client runs its call through an interface of its own package
// (internalClient), whose gRPC implementation's type only its constructor
// names.
func (o *ops) deleteOperation(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool delete_operation mcp-go constant` `BR304: tool delete_operation can change cloud resources with no rate limit` `BR305: tool delete_operation is not logged with its arguments`
	if err := o.lro.DeleteOperation(ctx, &longrunningpb.DeleteOperationRequest{Name: req.GetString("name", "")}); err != nil { // want `delete_operation: cloud-write \(google\.golang\.org/grpc\.ClientConnInterface\)\.Invoke \(tainted\)` `BR301: tool delete_operation can change cloud resources through \(google\.golang\.org/grpc\.ClientConnInterface\)\.Invoke with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("deleted"), nil
}
