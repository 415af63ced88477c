// Package buildsapi is a client library of a CI service: its services
// send the API's requests through the client's http.Client.
package buildsapi

import (
	"context"
	"net/http"
	"strings"
)

// Client holds the services of the API.
type Client struct {
	http   *http.Client
	Builds *BuildsService
}

// NewClient returns a client of the API.
func NewClient() *Client {
	c := &Client{http: http.DefaultClient}
	c.Builds = &BuildsService{client: c}
	return c
}

// BuildsService starts builds.
type BuildsService struct{ client *Client }

// Create starts a build of a pipeline of org.
func (s *BuildsService) Create(ctx context.Context, org, pipeline string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost,
		"https://api.ci.example/v2/organizations/"+org+"/pipelines/"+pipeline+"/builds", strings.NewReader("{}"))
	if err != nil {
		return err
	}
	resp, err := s.client.http.Do(req) // want `create_build: network \(\*net/http\.Client\)\.Do`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
