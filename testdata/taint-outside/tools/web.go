package tools

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
)

// searchEndpoint is the web search API.
const searchEndpoint = "https://api.search.example.com/v1/web?q="

// searchWeb returns the titles and snippets of pages anyone on the web
// wrote: text that can carry instructions to the model.
func (s *Server) searchWeb(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool search_web mcp-go constant` `BR305: tool search_web\b.*`
	q, err := req.RequireString("query")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	resp, err := http.Get(searchEndpoint + url.QueryEscape(q)) // want `search_web: network net/http\.Get` `BR203: tool search_web\b.*net/http\.Get.*`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("search failed", err), nil
	}
	defer resp.Body.Close()
	var results struct {
		Items []struct {
			Title   string `json:"title"`
			URL     string `json:"url"`
			Snippet string `json:"snippet"`
		} `json:"items"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&results); err != nil {
		return mcp.NewToolResultErrorFromErr("bad search response", err), nil
	}
	var b strings.Builder
	for i, it := range results.Items {
		fmt.Fprintf(&b, "%d. %s\n   %s\n   %s\n", i+1, it.Title, it.URL, it.Snippet)
	}
	return mcp.NewToolResultText(b.String()), nil
}

// githubClient calls the GitHub REST API with a token.
type githubClient struct {
	token string
	http  *http.Client
}

// issue is the part of a GitHub issue the assistant shows.
type issue struct {
	Title string `json:"title"`
	Body  string `json:"body"`
	User  struct {
		Login string `json:"login"`
	} `json:"user"`
}

// issue fetches issue number of repo.
func (c *githubClient) issue(ctx context.Context, repo string, number int) (*issue, error) {
	// Trap: the model only picks an int in the path of a fixed host (no BR103).
	u := fmt.Sprintf("https://api.github.com/repos/%s/issues/%d", repo, number)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Accept", "application/vnd.github+json")
	resp, err := c.http.Do(req) // want `get_issue: network \(\*net/http\.Client\)\.Do` `BR203: tool get_issue\b.*\(\*net/http\.Client\)\.Do.*`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("github: HTTP %d", resp.StatusCode)
	}
	var is issue
	if err := json.NewDecoder(resp.Body).Decode(&is); err != nil {
		return nil, err
	}
	return &is, nil
}

// getIssue returns an issue's text, which anyone who can open an issue
// wrote.
func (s *Server) getIssue(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool get_issue mcp-go constant` `BR305: tool get_issue\b.*`
	number, err := req.RequireInt("number")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	// Trap: the token only builds the client; it never reaches the result
	// (no BR201), and a setting read by its constant name is not env.
	gh := &githubClient{token: os.Getenv("GITHUB_TOKEN"), http: s.client}
	is, err := gh.issue(ctx, s.cfg.Repo, number)
	if err != nil {
		return mcp.NewToolResultErrorFromErr("reading the issue", err), nil
	}
	return mcp.NewToolResultText(fmt.Sprintf("#%d %s (opened by %s)\n\n%s", number, is.Title, is.User.Login, is.Body)), nil
}

// slackPostMessage is Slack's chat.postMessage endpoint.
const slackPostMessage = "https://slack.com/api/chat.postMessage"

// postStatus posts the model's text to the status channel.
func (s *Server) postStatus(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool post_status mcp-go constant` `BR305: tool post_status\b.*`
	text, err := req.RequireString("text")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	body, err := json.Marshal(map[string]string{"channel": s.cfg.StatusChannel, "text": text})
	if err != nil {
		return nil, err
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, slackPostMessage, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	// Trap: the bot token only authenticates the request; the tool returns a fixed text.
	hreq.Header.Set("Authorization", "Bearer "+os.Getenv("SLACK_BOT_TOKEN"))
	hreq.Header.Set("Content-Type", "application/json; charset=utf-8")
	// Trap: the model writes the message (the body), not where it goes.
	resp, err := s.client.Do(hreq) // want `post_status: network \(\*net/http\.Client\)\.Do`
	if err != nil {
		return mcp.NewToolResultErrorFromErr("posting failed", err), nil
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return mcp.NewToolResultError("Slack rejected the message"), nil
	}
	return mcp.NewToolResultText("posted to " + s.cfg.StatusChannel), nil
}
