// Package rpcapi is a client of an API of procedures, as search, model and
// metrics services are: every call that sends data is a POST, a query as
// often as a change, and none is a PUT, a PATCH or a DELETE. Its methods
// say nothing of what its calls do.
package rpcapi

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
)

// Client calls the service at its endpoint.
type Client struct {
	endpoint string
	http     *http.Client
}

// New returns a client of the service's public endpoint.
func New() *Client {
	return &Client{endpoint: "https://search.example.com", http: &http.Client{}}
}

// Search runs a query: a POST that changes nothing.
func (c *Client) Search(ctx context.Context, query string) ([]string, error) {
	b, err := json.Marshal(map[string]string{"q": query})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint+"/v1/search", bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	var out []string
	return out, c.send(req, &out)
}

// Status reads the service's status.
func (c *Client) Status(ctx context.Context) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.endpoint+"/v1/status", nil)
	if err != nil {
		return "", err
	}
	var out string
	return out, c.send(req, &out)
}

func (c *Client) send(req *http.Request, v any) error {
	resp, err := c.http.Do(req) // want `search_docs: network \(\*net/http\.Client\)\.Do` `service_status: network \(\*net/http\.Client\)\.Do`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}
