// Package gh exposes GitHub operations as MCP tools through go-github.
package gh

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/go-github/v93/github"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Hub is an authenticated GitHub client.
type Hub struct {
	c *github.Client
}

// New returns a client that authenticates with token.
func New(token string) (*Hub, error) {
	c, err := github.NewClient(github.WithAuthToken(token))
	if err != nil {
		return nil, err
	}
	return &Hub{c: c}, nil
}

// Register adds the GitHub tools to s.
func (h *Hub) Register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("create_issue", mcp.WithString("repo"), mcp.WithString("title"), mcp.WithString("body")), h.createIssue)
	s.AddTool(mcp.NewTool("list_issues", mcp.WithString("repo")), h.listIssues)
	s.AddTool(mcp.NewTool("comment_issue", mcp.WithString("repo"), mcp.WithNumber("number"), mcp.WithString("body")), h.commentIssue)
	s.AddTool(mcp.NewTool("merge_pull_request", mcp.WithString("repo"), mcp.WithNumber("number")), h.mergePR)
	s.AddTool(mcp.NewTool("get_file", mcp.WithString("repo"), mcp.WithString("path")), h.getFile)
	s.AddTool(mcp.NewTool("commit_file", mcp.WithString("repo"), mcp.WithString("path"), mcp.WithString("content")), h.commitFile)
	s.AddTool(mcp.NewTool("delete_branch", mcp.WithString("repo"), mcp.WithString("branch")), h.deleteBranch)
	s.AddTool(mcp.NewTool("create_release", mcp.WithString("repo"), mcp.WithString("tag")), h.createRelease)
	s.AddTool(mcp.NewTool("run_workflow", mcp.WithString("repo"), mcp.WithString("workflow")), h.runWorkflow)
}

// split parses "owner/name".
func split(req mcp.CallToolRequest) (string, string, error) {
	full, err := req.RequireString("repo")
	if err != nil {
		return "", "", err
	}
	owner, name, ok := strings.Cut(full, "/")
	if !ok {
		return "", "", fmt.Errorf("repo %q is not owner/name", full)
	}
	return owner, name, nil
}

func (h *Hub) createIssue(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	owner, repo, err := split(req)
	if err != nil {
		return nil, err
	}
	is, _, err := h.c.Issues.Create(ctx, owner, repo, github.CreateIssueRequest{
		Title: req.GetString("title", ""),
		Body:  github.Ptr(req.GetString("body", "")),
	})
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(is.GetHTMLURL()), nil
}

func (h *Hub) listIssues(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	owner, repo, err := split(req)
	if err != nil {
		return nil, err
	}
	issues, _, err := h.c.Issues.ListByRepo(ctx, owner, repo, &github.IssueListByRepoOptions{State: "open"})
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, is := range issues {
		lines = append(lines, fmt.Sprintf("#%d %s", is.GetNumber(), is.GetTitle()))
	}
	return mcp.NewToolResultText(strings.Join(lines, "\n")), nil
}

func (h *Hub) commentIssue(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	owner, repo, err := split(req)
	if err != nil {
		return nil, err
	}
	c, _, err := h.c.Issues.CreateComment(ctx, owner, repo, req.GetInt("number", 0), github.IssueCommentRequest{Body: req.GetString("body", "")})
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(c.GetHTMLURL()), nil
}

func (h *Hub) mergePR(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	owner, repo, err := split(req)
	if err != nil {
		return nil, err
	}
	res, _, err := h.c.PullRequests.Merge(ctx, owner, repo, req.GetInt("number", 0), "merged by the agent", &github.PullRequestOptions{MergeMethod: "squash"})
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(res.GetMessage()), nil
}

func (h *Hub) getFile(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	owner, repo, err := split(req)
	if err != nil {
		return nil, err
	}
	f, _, _, err := h.c.Repositories.GetContents(ctx, owner, repo, req.GetString("path", "README.md"), nil)
	if err != nil {
		return nil, err
	}
	body, err := f.GetContent()
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(body), nil
}

func (h *Hub) commitFile(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	owner, repo, err := split(req)
	if err != nil {
		return nil, err
	}
	res, _, err := h.c.Repositories.CreateFile(ctx, owner, repo, req.GetString("path", ""), &github.RepositoryContentFileOptions{
		Message: github.Ptr("agent commit"),
		Content: []byte(req.GetString("content", "")),
	})
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(res.GetSHA()), nil
}

func (h *Hub) deleteBranch(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	owner, repo, err := split(req)
	if err != nil {
		return nil, err
	}
	branch := req.GetString("branch", "")
	if _, err := h.c.Git.DeleteRef(ctx, owner, repo, "heads/"+branch); err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("deleted " + branch), nil
}

func (h *Hub) createRelease(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	owner, repo, err := split(req)
	if err != nil {
		return nil, err
	}
	rel, _, err := h.c.Repositories.CreateRelease(ctx, owner, repo, github.CreateReleaseRequest{TagName: req.GetString("tag", "")})
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(rel.GetHTMLURL()), nil
}

func (h *Hub) runWorkflow(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	owner, repo, err := split(req)
	if err != nil {
		return nil, err
	}
	_, _, err = h.c.Actions.CreateWorkflowDispatchEventByFileName(ctx, owner, repo, req.GetString("workflow", "ci.yml"),
		github.CreateWorkflowDispatchEventRequest{Ref: "main"})
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("dispatched"), nil
}
