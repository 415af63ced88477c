package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	calendar "google.golang.org/api/calendar/v3"
	"google.golang.org/api/option"
)

// addEvent creates an event: a POST that the API client's generated code
// builds, so cloud-write, with a witness that ends at its HTTP call.
func (o *ops) addEvent(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool add_event mcp-go constant` `BR304: tool add_event can change cloud resources with no rate limit` `BR305: tool add_event is not logged with its arguments`
	ev := &calendar.Event{
		Summary: req.GetString("summary", ""),
		Start:   &calendar.EventDateTime{DateTime: req.GetString("start", "")},
	}
	created, err := o.cal.Events.Insert("primary", ev).Context(ctx).Do() // want `add_event: cloud-write \(\*net/http\.Client\)\.Do \(tainted\)` `BR301: tool add_event can change cloud resources through \(\*net/http\.Client\)\.Do with no confirmation before it`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(created.Id), nil
}

// listEvents lists events: a GET, so cloud-read.
func (o *ops) listEvents(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_events mcp-go constant` `BR305: tool list_events is not logged with its arguments`
	evs, err := o.cal.Events.List("primary").Context(ctx).Do() // want `list_events: cloud-read \(\*net/http\.Client\)\.Do`
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for _, ev := range evs.Items {
		fmt.Fprintln(&b, ev.Summary)
	}
	return mcp.NewToolResultText(b.String()), nil
}

// listEventsFresh makes its client on every call: the library reads the
// credentials file that its option names, and authenticates with it the
// request whose answer the model gets. The model neither chooses the file
// nor sees it, but the tool reads a secret whenever it runs: fs-read.
func (o *ops) listEventsFresh(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_events_fresh mcp-go constant` `BR305: tool list_events_fresh is not logged with its arguments`
	cal, err := calendar.NewService(ctx, option.WithCredentialsFile("credentials.json")) // want `list_events_fresh: fs-read os\.Open` `list_events_fresh: fs-read os\.ReadFile`
	if err != nil {
		return nil, err
	}
	evs, err := cal.Events.List("primary").Context(ctx).Do() // want `list_events_fresh: cloud-read \(\*net/http\.Client\)\.Do`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprint(len(evs.Items))), nil
}

// eventCall builds a call and never sends it: nothing is reached (a
// precision trap for summaries).
func (o *ops) eventCall(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool event_call mcp-go constant`
	call := o.cal.Events.Delete("primary", "event-1").SendUpdates("none")
	return mcp.NewToolResultText(fmt.Sprint(call.Header())), nil
}
