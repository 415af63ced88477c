package main

import (
	"context"
	"io"

	"cloud.google.com/go/storage"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// archive holds Google Cloud Storage and Azure Blob Storage clients.
type archive struct {
	gcs   *storage.Client
	azure *azblob.Client
}

const archiveBucket = "acme-archive"

func (a *archive) register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("gcs_read", mcp.WithString("object")), a.gcsRead)
	s.AddTool(mcp.NewTool("gcs_delete", mcp.WithString("object")), a.gcsDelete)
	s.AddTool(mcp.NewTool("gcs_object_url", mcp.WithString("object")), a.gcsObjectName)
	s.AddTool(mcp.NewTool("azure_upload", mcp.WithString("blob"), mcp.WithString("text")), a.azureUpload)
	s.AddTool(mcp.NewTool("azure_download", mcp.WithString("blob")), a.azureDownload)
	s.AddTool(mcp.NewTool("azure_account_url"), a.azureURL)
}

// gcsRead returns an object's content.
func (a *archive) gcsRead(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool gcs_read mcp-go constant` `BR305: tool gcs_read is not logged with its arguments`
	r, err := a.gcs.Bucket(archiveBucket).Object(req.GetString("object", "")).NewReader(ctx) // want `gcs_read: cloud-read \(\*cloud\.google\.com/go/storage\.ObjectHandle\)\.NewReader \(tainted\)`
	if err != nil {
		return nil, err
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(b)), nil
}

// gcsDelete deletes the object the model names.
func (a *archive) gcsDelete(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool gcs_delete mcp-go constant` `BR304: tool gcs_delete can change cloud resources with no rate limit` `BR305: tool gcs_delete is not logged with its arguments`
	if err := a.gcs.Bucket(archiveBucket).Object(req.GetString("object", "")).Delete(ctx); err != nil { // want `gcs_delete: cloud-write \(\*cloud\.google\.com/go/storage\.ObjectHandle\)\.Delete \(tainted\)` `BR301: tool gcs_delete can change cloud resources through \(\*cloud\.google\.com/go/storage\.ObjectHandle\)\.Delete with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("deleted"), nil
}

// gcsObjectName only builds handles: no API call (a precision trap).
func (a *archive) gcsObjectName(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool gcs_object_url mcp-go constant`
	o := a.gcs.Bucket(archiveBucket).Object(req.GetString("object", ""))
	return mcp.NewToolResultText("gs://" + o.BucketName() + "/" + o.ObjectName()), nil
}

// azureUpload writes the model's text to the blob it names.
func (a *archive) azureUpload(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool azure_upload mcp-go constant` `BR304: tool azure_upload can change cloud resources with no rate limit` `BR305: tool azure_upload is not logged with its arguments`
	if _, err := a.azure.UploadBuffer(ctx, archiveBucket, req.GetString("blob", ""), []byte(req.GetString("text", "")), nil); err != nil { // want `azure_upload: cloud-write \(\*github\.com/Azure/azure-sdk-for-go/sdk/storage/azblob\.Client\)\.UploadBuffer \(tainted\)` `BR301: tool azure_upload can change cloud resources through \(\*github\.com/Azure/azure-sdk-for-go/sdk/storage/azblob\.Client\)\.UploadBuffer with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("uploaded"), nil
}

// azureDownload reads a blob.
func (a *archive) azureDownload(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool azure_download mcp-go constant` `BR305: tool azure_download is not logged with its arguments`
	buf := make([]byte, 1<<20)
	n, err := a.azure.DownloadBuffer(ctx, archiveBucket, req.GetString("blob", ""), buf, nil) // want `azure_download: cloud-read \(\*github\.com/Azure/azure-sdk-for-go/sdk/storage/azblob\.Client\)\.DownloadBuffer \(tainted\)`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(buf[:n])), nil
}

// azureURL reads the client's configuration, not the account (a precision
// trap).
func (a *archive) azureURL(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool azure_account_url mcp-go constant`
	return mcp.NewToolResultText(a.azure.URL()), nil
}
