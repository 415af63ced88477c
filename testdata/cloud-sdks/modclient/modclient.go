// Package modclient is the client of a platform's "modules" resource, a
// custom resource of the cluster's API, in a module of its own that the
// catalog does not name: the scan enters its code.
package modclient

import (
	"context"

	"k8s.io/client-go/rest"
)

// Module is a module of the platform.
type Module struct {
	Name     string `json:"name"`
	Template string `json:"template"`
}

// Client reads and writes modules through the cluster's REST client.
type Client struct {
	REST rest.Interface
}

// Create creates a module: a POST whose body is the module.
func (c *Client) Create(ctx context.Context, m *Module) error {
	return c.REST.Post().Namespace("platform").Resource("modules").Body(m).Do(ctx).Error() // want `create_module: cloud-write \(k8s\.io/client-go/rest\.Interface\)\.Post \(tainted\)` `BR301: tool create_module can change cloud resources through \(k8s\.io/client-go/rest\.Interface\)\.Post with no confirmation before it`
}

// Count counts the modules: a GET that takes nothing of its caller.
func (c *Client) Count(ctx context.Context) (int, error) {
	raw, err := c.REST.Get().Namespace("platform").Resource("modules").DoRaw(ctx) // want `count_modules: cloud-read \(k8s\.io/client-go/rest\.Interface\)\.Get`
	return len(raw), err
}
