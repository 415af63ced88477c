package main

import (
	"context"
	"io"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// buckets holds an S3 client.
type buckets struct {
	s3      *s3.Client
	presign *s3.PresignClient
}

const bucket = "acme-reports"

func (b *buckets) register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("get_report", mcp.WithString("key")), b.getReport)
	s.AddTool(mcp.NewTool("put_report", mcp.WithString("key"), mcp.WithString("body")), b.putReport)
	s.AddTool(mcp.NewTool("upload_link", mcp.WithString("key")), b.uploadLink)
	s.AddTool(mcp.NewTool("bucket_region"), b.bucketRegion)
}

// getReport returns an object's content.
func (b *buckets) getReport(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool get_report mcp-go constant` `BR305: tool get_report is not logged with its arguments`
	out, err := b.s3.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(req.GetString("key", ""))}) // want `get_report: cloud-read \(\*github\.com/aws/aws-sdk-go-v2/service/s3\.Client\)\.GetObject \(tainted\)`
	if err != nil {
		return nil, err
	}
	defer out.Body.Close()
	body, err := io.ReadAll(out.Body)
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(body)), nil
}

// putReport writes the model's text to the key it names.
func (b *buckets) putReport(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool put_report mcp-go constant` `BR304: tool put_report can change cloud resources with no rate limit` `BR305: tool put_report is not logged with its arguments`
	_, err := b.s3.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String(req.GetString("key", "")), // want `put_report: cloud-write \(\*github\.com/aws/aws-sdk-go-v2/service/s3\.Client\)\.PutObject \(tainted\)` `BR301: tool put_report can change cloud resources through \(\*github\.com/aws/aws-sdk-go-v2/service/s3\.Client\)\.PutObject with no confirmation before it`
		Body: strings.NewReader(req.GetString("body", ""))})
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("stored"), nil
}

// uploadLink hands out a presigned PUT URL: whoever holds it can write.
func (b *buckets) uploadLink(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool upload_link mcp-go constant` `BR304: tool upload_link can change cloud resources with no rate limit` `BR305: tool upload_link is not logged with its arguments`
	p, err := b.presign.PresignPutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String(req.GetString("key", ""))}, // want `upload_link: cloud-write \(\*github\.com/aws/aws-sdk-go-v2/service/s3\.PresignClient\)\.PresignPutObject \(tainted\)` `BR301: tool upload_link can change cloud resources through \(\*github\.com/aws/aws-sdk-go-v2/service/s3\.PresignClient\)\.PresignPutObject with no confirmation before it`
		s3.WithPresignExpires(15*time.Minute))
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(p.URL), nil
}

// bucketRegion reads the client's configuration, not the bucket: Options
// is no API call (a precision trap for the patterns).
func (b *buckets) bucketRegion(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool bucket_region mcp-go constant`
	return mcp.NewToolResultText(b.s3.Options().Region), nil
}
