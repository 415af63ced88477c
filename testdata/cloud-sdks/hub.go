package main

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/google/go-github/v93/github"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"github.com/shurcooL/githubv4"
)

// hub holds a GitHub client for one organisation's repositories.
type hub struct {
	gh *github.Client
	// v4 is GitHub's GraphQL API, for what the REST API lacks.
	v4 *githubv4.Client
}

const org = "acme"

func (h *hub) register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("create_issue", mcp.WithString("repo"), mcp.WithString("title")), h.createIssue)
	s.AddTool(mcp.NewTool("list_issues", mcp.WithString("repo")), h.listIssues)
	s.AddTool(mcp.NewTool("delete_branch", mcp.WithString("repo"), mcp.WithString("branch")), h.deleteBranch)
	s.AddTool(mcp.NewTool("repo_stars", mcp.WithString("repo")), h.repoStars)
	s.AddTool(mcp.NewTool("star_repo", mcp.WithString("repo")), h.starRepo)
	s.AddTool(mcp.NewTool("unpin_issue", mcp.WithString("repo"), mcp.WithNumber("number")), h.unpinIssue)
	s.AddTool(mcp.NewTool("close_discussion", mcp.WithString("repo"), mcp.WithNumber("number")), h.closeDiscussion)
}

// createIssue opens an issue with the model's title.
func (h *hub) createIssue(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool create_issue mcp-go constant` `BR304: tool create_issue can change cloud resources with no rate limit` `BR305: tool create_issue is not logged with its arguments`
	is, _, err := h.gh.Issues.Create(ctx, org, req.GetString("repo", ""), github.CreateIssueRequest{Title: req.GetString("title", "")}) // want `create_issue: cloud-write \(\*github\.com/google/go-github/v93/github\.IssuesService\)\.Create \(tainted\)` `BR301: tool create_issue can change cloud resources through \(\*github\.com/google/go-github/v93/github\.IssuesService\)\.Create with no confirmation before it`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(is.GetHTMLURL()), nil
}

// listIssues hands issue bodies, which anyone can write, to the model.
func (h *hub) listIssues(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_issues mcp-go constant` `BR305: tool list_issues is not logged with its arguments`
	issues, _, err := h.gh.Issues.ListByRepo(ctx, org, req.GetString("repo", ""), nil) // want `list_issues: cloud-read \(\*github\.com/google/go-github/v93/github\.IssuesService\)\.ListByRepo \(tainted\)` `BR203: tool list_issues returns web content fetched by \(\*github\.com/google/go-github/v93/github\.IssuesService\)\.ListByRepo to the model, where it can carry instructions`
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for _, is := range issues {
		fmt.Fprintf(&b, "#%d %s\n%s\n", is.GetNumber(), is.GetTitle(), is.GetBody())
	}
	return mcp.NewToolResultText(b.String()), nil
}

// deleteBranch deletes the branch the model names.
func (h *hub) deleteBranch(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool delete_branch mcp-go constant` `BR304: tool delete_branch can change cloud resources with no rate limit` `BR305: tool delete_branch is not logged with its arguments`
	if _, err := h.gh.Git.DeleteRef(ctx, org, req.GetString("repo", ""), "heads/"+req.GetString("branch", "")); err != nil { // want `delete_branch: cloud-write \(\*github\.com/google/go-github/v93/github\.GitService\)\.DeleteRef \(tainted\)` `BR301: tool delete_branch can change cloud resources through \(\*github\.com/google/go-github/v93/github\.GitService\)\.DeleteRef with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("deleted"), nil
}

// repoStars reads a repository's star count: a read, but not of content
// that others write (not a source of outside content).
func (h *hub) repoStars(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool repo_stars mcp-go constant` `BR305: tool repo_stars is not logged with its arguments`
	repo, _, err := h.gh.Repositories.Get(ctx, org, req.GetString("repo", "")) // want `repo_stars: cloud-read \(\*github\.com/google/go-github/v93/github\.RepositoriesService\)\.Get \(tainted\)`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprint(repo.GetStargazersCount())), nil
}

// starRepo stars a repository: a write whose verb is neither Create nor
// Update.
func (h *hub) starRepo(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool star_repo mcp-go constant` `BR304: tool star_repo can change cloud resources with no rate limit` `BR305: tool star_repo is not logged with its arguments`
	if _, err := h.gh.Activity.Star(ctx, org, req.GetString("repo", "")); err != nil { // want `star_repo: cloud-write \(\*github\.com/google/go-github/v93/github\.ActivityService\)\.Star \(tainted\)` `BR301: tool star_repo can change cloud resources through \(\*github\.com/google/go-github/v93/github\.ActivityService\)\.Star with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("starred"), nil
}

// closeDiscussion finds a discussion with a GraphQL query and closes it
// with a mutation: a read and a write of GitHub, not bare HTTP.
func (h *hub) closeDiscussion(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool close_discussion mcp-go constant` `BR304: tool close_discussion can change cloud resources with no rate limit` `BR305: tool close_discussion is not logged with its arguments`
	var q struct {
		Repository struct {
			Discussion struct {
				ID githubv4.ID
			} `graphql:"discussion(number: $number)"`
		} `graphql:"repository(owner: $owner, name: $repo)"`
	}
	vars := map[string]any{
		"owner":  githubv4.String(org),
		"repo":   githubv4.String(req.GetString("repo", "")),
		"number": githubv4.Int(req.GetInt("number", 0)),
	}
	// The query only finds the discussion's ID for the mutation: nothing
	// of it comes back to the model, so it is a step of the write and the
	// tool has no cloud-read.
	if err := h.v4.Query(ctx, &q, vars); err != nil {
		return nil, err
	}
	var m struct {
		CloseDiscussion struct {
			ClientMutationID string
		} `graphql:"closeDiscussion(input: $input)"`
	}
	// The ID comes from GitHub's answer, not from the model.
	input := githubv4.CloseDiscussionInput{DiscussionID: q.Repository.Discussion.ID}
	if err := h.v4.Mutate(ctx, &m, input, nil); err != nil { // want `close_discussion: cloud-write \(\*github\.com/shurcooL/githubv4\.Client\)\.Mutate` `BR301: tool close_discussion can change cloud resources through \(\*github\.com/shurcooL/githubv4\.Client\)\.Mutate with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("closed"), nil
}

// unpinIssue sends a request the REST client has no method for, with the
// client's own Do: a write of GitHub, whose path (not host) the model
// chooses.
func (h *hub) unpinIssue(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool unpin_issue mcp-go constant` `BR304: tool unpin_issue can change cloud resources with no rate limit` `BR305: tool unpin_issue is not logged with its arguments`
	path := fmt.Sprintf("repos/%s/%s/issues/%d/pin", org, req.GetString("repo", ""), req.GetInt("number", 0))
	r, err := h.gh.NewRequest(ctx, http.MethodDelete, path, nil)
	if err != nil {
		return nil, err
	}
	if _, err := h.gh.Do(r, nil); err != nil { // want `unpin_issue: cloud-write \(\*github\.com/google/go-github/v93/github\.Client\)\.Do \(tainted\)` `BR301: tool unpin_issue can change cloud resources through \(\*github\.com/google/go-github/v93/github\.Client\)\.Do with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("unpinned"), nil
}
