// Command mcp-go-client-processes has tools whose client libraries start
// programs of their own: oras-go runs the Docker credential helper that
// ~/.docker/config.json names (the AWS SDK's default chain can run a
// credential_process that ~/.aws/config names), and chromedp starts the
// Chrome it drives. Such a program is how the client authenticates or
// browses, chosen by the library or the user's configuration and never by
// the model: it is no command the tool runs. A command the tool runs
// itself still is. In the same way, a Google client that looks for its
// default credentials probes the metadata server to learn whether it runs
// on Google Compute Engine: that request is how it authenticates, not a
// request of the tool's.
package main

import (
	"context"
	"fmt"
	"os/exec"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/chromedp/chromedp"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"golang.org/x/oauth2/google/externalaccount"
	"google.golang.org/genai"
	"oras.land/oras-go/v2/registry/remote"
	"oras.land/oras-go/v2/registry/remote/auth"
	"oras.land/oras-go/v2/registry/remote/credentials"
	"oras.land/oras-go/v2/registry/remote/retry"
)

// listTags lists a chart repository's tags, logged in as the user's Docker
// configuration says: through a credential helper when it names one.
func listTags(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	repo, err := remote.NewRepository("ghcr.io/acme/charts")
	if err != nil {
		return nil, err
	}
	store, err := credentials.NewStoreFromDocker(credentials.StoreOptions{})
	if err != nil {
		return nil, err
	}
	repo.Client = &auth.Client{
		Client:     retry.DefaultClient,
		Cache:      auth.NewCache(),
		Credential: credentials.Credential(store),
	}
	var tags []string
	err = repo.Tags(ctx, "", func(page []string) error {
		tags = append(tags, page...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprint(tags)), nil
}

// listBuckets loads the default configuration on each call, as a tool that
// follows the user's profile switches does.
func listBuckets(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	out, err := s3.NewFromConfig(cfg).ListBuckets(ctx, &s3.ListBucketsInput{})
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprint(len(out.Buckets))), nil
}

// pageText opens the model's URL in a local headless Chrome and returns
// the page's text.
func pageText(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	url, err := req.RequireString("url")
	if err != nil {
		return nil, err
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, chromedp.DefaultExecAllocatorOptions[:]...)
	defer cancelAlloc()
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	var text string
	if err := chromedp.Run(browserCtx, chromedp.Navigate(url), chromedp.Text("body", &text)); err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(text), nil
}

// syncBucket runs the AWS CLI itself: that is the tool's command.
func syncBucket(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	out, err := exec.CommandContext(ctx, "aws", "s3", "sync", "/srv/reports", "s3://reports").CombinedOutput()
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(out)), nil
}

// checkVertex makes a Vertex AI client on each call, as a tool that follows
// the user's project settings does, and says whether it could: finding the
// default credentials probes the metadata server (metadata.OnGCE).
func checkVertex(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	client, err := genai.NewClient(ctx, &genai.ClientConfig{
		Backend:  genai.BackendVertexAI,
		Project:  "acme-reports",
		Location: "europe-west4",
	})
	if err != nil {
		return mcp.NewToolResultText("no credentials: " + err.Error()), nil
	}
	return mcp.NewToolResultText("ready: " + client.ClientConfig().Project), nil
}

// credentialSource says where the default chain's AWS credentials come
// from. Retrieving them is how the client authenticates (an SSO token
// refreshed, a role assumed, the instance's metadata read), not an
// operation of the tool's.
func credentialSource(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	creds, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return mcp.NewToolResultText("no credentials: " + err.Error()), nil
	}
	return mcp.NewToolResultText(creds.Source), nil
}

// exchangeToken gets a token for the workload identity that the deployment
// mounts, and says when it expires. Reading the identity file and posting
// it to the token service, on each exchange, is what the token source does
// to get a token (oauth2's ReuseTokenSource over externalaccount's file
// credential source): how the client authenticates, not a read or a
// request of the tool's.
func exchangeToken(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	ts, err := externalaccount.NewTokenSource(ctx, externalaccount.Config{
		Audience:         "//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/cluster/providers/kube",
		SubjectTokenType: "urn:ietf:params:oauth:token-type:jwt",
		TokenURL:         "https://sts.googleapis.com/v1/token",
		CredentialSource: &externalaccount.CredentialSource{File: "/var/run/secrets/tokens/identity"},
	})
	if err != nil {
		return nil, err
	}
	tok, err := ts.Token()
	if err != nil {
		return mcp.NewToolResultText("no token: " + err.Error()), nil
	}
	return mcp.NewToolResultText(tok.Expiry.String()), nil
}

func main() {
	s := server.NewMCPServer("buckets", "1.0.0")
	s.AddTool(mcp.NewTool("list_tags"), listTags)
	s.AddTool(mcp.NewTool("list_buckets"), listBuckets)
	s.AddTool(mcp.NewTool("page_text", mcp.WithString("url", mcp.Required())), pageText)
	s.AddTool(mcp.NewTool("sync_bucket"), syncBucket)
	s.AddTool(mcp.NewTool("check_vertex"), checkVertex)
	s.AddTool(mcp.NewTool("credential_source"), credentialSource)
	s.AddTool(mcp.NewTool("exchange_token"), exchangeToken)
	_ = server.ServeStdio(s)
}
