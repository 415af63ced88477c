package main

import (
	"context"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
)

// webSearch searches the public web through Google's Custom Search API:
// a request to a web service, whose results are other people's pages.
func (o *ops) webSearch(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool web_search mcp\-go constant` `BR305: tool web_search is not logged with its arguments`
	res, err := o.search.Cse.List().Cx("engine-id").Q(req.GetString("query", "")).Context(ctx).Do() // want `web_search: network \(\*google\.golang\.org/api/customsearch/v1\.CseListCall\)\.Do` `BR203: tool web_search returns web content fetched by \(\*google\.golang\.org/api/customsearch/v1\.CseListCall\)\.Do to the model, where it can carry instructions`
	if err != nil {
		return nil, err
	}
	var out strings.Builder
	for _, item := range res.Items {
		out.WriteString(item.Title + ": " + item.Snippet + "\n")
	}
	return mcp.NewToolResultText(out.String()), nil
}
