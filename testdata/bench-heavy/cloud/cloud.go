// Package cloud exposes S3 operations as MCP tools through the AWS SDK v2.
package cloud

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Buckets is an S3 client.
type Buckets struct {
	s3      *s3.Client
	presign *s3.PresignClient
}

// New loads the default AWS configuration.
func New(ctx context.Context) (*Buckets, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	c := s3.NewFromConfig(cfg)
	return &Buckets{s3: c, presign: s3.NewPresignClient(c)}, nil
}

// Register adds the S3 tools to s.
func (b *Buckets) Register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("list_buckets"), b.listBuckets)
	s.AddTool(mcp.NewTool("list_objects", mcp.WithString("bucket"), mcp.WithString("prefix")), b.listObjects)
	s.AddTool(mcp.NewTool("get_object", mcp.WithString("bucket"), mcp.WithString("key")), b.getObject)
	s.AddTool(mcp.NewTool("put_object", mcp.WithString("bucket"), mcp.WithString("key"), mcp.WithString("body")), b.putObject)
	s.AddTool(mcp.NewTool("delete_object", mcp.WithString("bucket"), mcp.WithString("key")), b.deleteObject)
	s.AddTool(mcp.NewTool("presign_url", mcp.WithString("bucket"), mcp.WithString("key")), b.presignURL)
}

func (b *Buckets) listBuckets(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	out, err := b.s3.ListBuckets(ctx, &s3.ListBucketsInput{})
	if err != nil {
		return nil, err
	}
	var names []string
	for _, bk := range out.Buckets {
		names = append(names, aws.ToString(bk.Name))
	}
	return mcp.NewToolResultText(strings.Join(names, "\n")), nil
}

func (b *Buckets) listObjects(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	out, err := b.s3.ListObjectsV2(ctx, &s3.ListObjectsV2Input{
		Bucket: aws.String(req.GetString("bucket", "")),
		Prefix: aws.String(req.GetString("prefix", "")),
	})
	if err != nil {
		return nil, err
	}
	var keys []string
	for _, o := range out.Contents {
		keys = append(keys, aws.ToString(o.Key))
	}
	return mcp.NewToolResultText(strings.Join(keys, "\n")), nil
}

func (b *Buckets) getObject(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	out, err := b.s3.GetObject(ctx, &s3.GetObjectInput{
		Bucket: aws.String(req.GetString("bucket", "")),
		Key:    aws.String(req.GetString("key", "")),
	})
	if err != nil {
		return nil, err
	}
	defer out.Body.Close()
	body, err := io.ReadAll(io.LimitReader(out.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(body)), nil
}

func (b *Buckets) putObject(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	_, err := b.s3.PutObject(ctx, &s3.PutObjectInput{
		Bucket:       aws.String(req.GetString("bucket", "")),
		Key:          aws.String(req.GetString("key", "")),
		Body:         strings.NewReader(req.GetString("body", "")),
		StorageClass: types.StorageClassStandard,
	})
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("stored"), nil
}

func (b *Buckets) deleteObject(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	_, err := b.s3.DeleteObject(ctx, &s3.DeleteObjectInput{
		Bucket: aws.String(req.GetString("bucket", "")),
		Key:    aws.String(req.GetString("key", "")),
	})
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("deleted"), nil
}

func (b *Buckets) presignURL(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	p, err := b.presign.PresignGetObject(ctx, &s3.GetObjectInput{
		Bucket: aws.String(req.GetString("bucket", "")),
		Key:    aws.String(req.GetString("key", "")),
	}, s3.WithPresignExpires(15*time.Minute))
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprintf("%s %s", p.Method, p.URL)), nil
}
