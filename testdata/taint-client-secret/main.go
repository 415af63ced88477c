// Command taint-client-secret is an MCP server whose tools make their
// clients with what the server reads: a token from the environment kept
// next to the API client (what the client's calls answer is the API's
// data, not the token), a certificate authority's file (read to configure
// a client, not a capability of the tool, nor what a library's client made
// with it answers, whether it holds the TLS settings or was handed them in
// its options), an OAuth2 client's settings (the same), a passphrase that
// keys a cipher (what the cipher opens is the file's) and a key (sent by
// the dial it signs in with: the tool's).
package main

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"net/url"
	"os"
	"sync"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"golang.org/x/oauth2/clientcredentials"

	"example.com/projects"
)

// cached is a client with the token it was made with.
type cached struct {
	client *projects.Client
	token  string
}

// clients are the clients made so far, by token.
var clients sync.Map

func projectsClient() *projects.Client {
	token := os.Getenv("PROJECTS_TOKEN") // want `create_project: env os\.Getenv`
	if c, ok := clients.Load(token); ok {
		return c.(*cached).client
	}
	c := &cached{client: projects.New(token), token: token}
	clients.Store(token, c)
	return c.client
}

func createProject(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool create_project mcp-go constant` `BR305: tool create_project is not logged with its arguments`
	p, err := projectsClient().Projects.Create(ctx, req.GetString("name", ""))
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("created project " + p.ID), nil
}

// caFile is where the configuration puts the API's certificate authority.
var caFile = "/etc/projects/ca.pem"

// status asks the API's status page through a client that trusts the
// configured certificate authority: the file configures the client, it is
// no capability of the tool.
func status(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool status mcp-go constant` `BR305: tool status is not logged with its arguments`
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, err
	}
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: projects.TLSConfig(pem)}}
	r, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://projects.example/status", nil)
	if err != nil {
		return nil, err
	}
	resp, err := hc.Do(r) // want `status: network \(\*net/http\.Client\)\.Do` `BR203: tool status returns web content fetched by \(\*net/http\.Client\)\.Do to the model, where it can carry instructions`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return mcp.NewToolResultText(resp.Status), nil
}

// keyFile is where the configuration puts the deploy key.
var keyFile = "/etc/projects/deploy.key"

// deploy signs in to the deploy service with the configured key: the key
// is what the dial sends, so the tool reads it.
func deploy(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool deploy mcp-go constant` `BR305: tool deploy is not logged with its arguments`
	pem, err := os.ReadFile(keyFile) // want `deploy: fs-read os\.ReadFile`
	if err != nil {
		return nil, err
	}
	k, err := projects.ParseKey(pem)
	if err != nil {
		return nil, err
	}
	hc, err := projects.Dial(ctx, "deploy.example:22", k)
	if err != nil {
		return nil, err
	}
	r, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://deploy.example/deploy?service="+url.QueryEscape(req.GetString("service", "")), nil)
	if err != nil {
		return nil, err
	}
	resp, err := hc.Do(r) // want `deploy: network \(\*net/http\.Client\)\.Do` `BR203: tool deploy returns web content fetched by \(\*net/http\.Client\)\.Do to the model, where it can carry instructions`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return mcp.NewToolResultText("deployed: " + resp.Status), nil
}

// latestEvent reads the feed through the library's client, made with an
// HTTP client that trusts the configured certificate authority: the file
// configures the connection (no capability of the tool), and what the
// feed answers is the API's, not the file's.
func latestEvent(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool latest_event mcp-go constant` `BR305: tool latest_event is not logged with its arguments`
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, err
	}
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: projects.TLSConfig(pem)}}
	ev, err := projects.NewEvents(hc, "https://projects.example").Latest(ctx)
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(ev), nil
}

// firstEvent connects to the feed with TLS settings that trust the
// configured certificate authority, handed to the library in its options:
// the file configures the connection all the same.
func firstEvent(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool first_event mcp-go constant` `BR305: tool first_event is not logged with its arguments`
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, err
	}
	ev, err := projects.Connect("https://projects.example", projects.Options{TLS: projects.TLSConfig(pem)}).Latest(ctx)
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(ev), nil
}

// oauthFile is where the configuration puts the OAuth2 client's settings.
var oauthFile = "/etc/projects/oauth.json"

// nextEvent reads the feed with an HTTP client that signs in as the
// configured OAuth2 client: the file's ID and secret authenticate the
// calls, and what the feed answers is not the file.
func nextEvent(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool next_event mcp-go constant` `BR305: tool next_event is not logged with its arguments`
	data, err := os.ReadFile(oauthFile)
	if err != nil {
		return nil, err
	}
	var app struct{ ID, Secret, TokenURL string }
	if err := json.Unmarshal(data, &app); err != nil {
		return nil, err
	}
	conf := &clientcredentials.Config{ClientID: app.ID, ClientSecret: app.Secret, TokenURL: app.TokenURL}
	ev, err := projects.NewEvents(conf.Client(ctx), "https://projects.example").Latest(ctx)
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(ev), nil
}

// vaultFile holds the team's notes, sealed with a key made from the
// configured passphrase.
var vaultFile = "/var/lib/projects/notes.vault"

// readNotes opens the vault: the passphrase keys the cipher, and what the
// cipher opens is the file's, not the passphrase.
func readNotes(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_notes mcp-go constant` `BR305: tool read_notes is not logged with its arguments`
	key := sha256.Sum256([]byte(os.Getenv("VAULT_PASSPHRASE")))
	block, err := aes.NewCipher(key[:])
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	sealed, err := os.ReadFile(vaultFile) // want `read_notes: fs-read os\.ReadFile` `BR202: tool read_notes returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return nil, err
	}
	if len(sealed) < gcm.NonceSize() {
		return nil, errors.New("vault too short")
	}
	notes, err := gcm.Open(nil, sealed[:gcm.NonceSize()], sealed[gcm.NonceSize():], nil)
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(notes)), nil
}

// showToken hands the token itself to the model.
func showToken(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool show_token mcp-go constant` `BR305: tool show_token is not logged with its arguments`
	return mcp.NewToolResultText(os.Getenv("PROJECTS_TOKEN")), nil // want `show_token: env os\.Getenv` `BR201: tool show_token returns a secret read by os\.Getenv to the model`
}

func main() {
	s := server.NewMCPServer("projects", "1.0.0") // want `agent projects server mcp-go: create_project, deploy, first_event, latest_event, next_event, read_notes, show_token, status`
	s.AddTool(mcp.NewTool("create_project", mcp.WithString("name")), createProject)
	s.AddTool(mcp.NewTool("show_token"), showToken)
	s.AddTool(mcp.NewTool("status"), status)
	s.AddTool(mcp.NewTool("latest_event"), latestEvent)
	s.AddTool(mcp.NewTool("first_event"), firstEvent)
	s.AddTool(mcp.NewTool("next_event"), nextEvent)
	s.AddTool(mcp.NewTool("read_notes"), readNotes)
	s.AddTool(mcp.NewTool("deploy", mcp.WithString("service")), deploy)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}
