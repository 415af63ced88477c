// Package cloudapi is a client of a platform's REST API, shaped as cloud
// providers' Go SDKs are: the client holds its base URL, each service
// method fixes the method of its request, and every request goes out
// through the same (*http.Client).Do.
package cloudapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"

	"golang.org/x/time/rate"
)

const defaultBaseURL = "https://api.cloud.example.com/"

// Client talks to the platform.
type Client struct {
	BaseURL *url.URL
	HTTP    *http.Client
	Servers ServersService
	// Console is the host of the platform's console service.
	Console string
	// Metrics reads the platform's metrics.
	Metrics *Metrics
	// Limiter, when set, paces the requests Do sends; New sets none.
	Limiter *rate.Limiter
}

// New returns a client of the platform's public endpoint.
func New() *Client {
	u, _ := url.Parse(defaultBaseURL)
	c := &Client{BaseURL: u, HTTP: &http.Client{}, Console: "console.cloud.example.com"}
	c.Servers = &serversOp{client: c}
	c.Metrics = &Metrics{ep: &metricsEndpoint{base: u}, hc: c.HTTP}
	return c
}

// NewRequest builds a request of the API: path is resolved against the
// client's base URL.
func (c *Client) NewRequest(ctx context.Context, method, path string, body any) (*http.Request, error) {
	rel, err := url.Parse(path)
	if err != nil {
		return nil, err
	}
	u := c.BaseURL.ResolveReference(rel)
	var buf io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		buf = bytes.NewReader(b)
	}
	return http.NewRequestWithContext(ctx, method, u.String(), buf)
}

// Do sends a request and decodes the answer into v.
func (c *Client) Do(req *http.Request, v any) error {
	if c.Limiter != nil {
		if err := c.Limiter.Wait(req.Context()); err != nil {
			return err
		}
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if v == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// Server is a machine of the platform.
type Server struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// ServersService manages servers.
type ServersService interface {
	Get(ctx context.Context, id string) (*Server, error)
	Create(ctx context.Context, name string) (*Server, error)
	Delete(ctx context.Context, id string) error
	List(ctx context.Context, prefix string) ([]string, error)
	All(ctx context.Context) ([]Server, error)
	Search(ctx context.Context, query string) ([]Server, error)
}

type serversOp struct {
	client *Client
}

func (s *serversOp) Get(ctx context.Context, id string) (*Server, error) {
	req, err := s.client.NewRequest(ctx, http.MethodGet, "v1/servers/"+id, nil)
	if err != nil {
		return nil, err
	}
	var out Server
	return &out, s.client.Do(req, &out)
}

// All reads every server.
func (s *serversOp) All(ctx context.Context) ([]Server, error) {
	req, err := s.client.NewRequest(ctx, http.MethodGet, "v1/servers", nil)
	if err != nil {
		return nil, err
	}
	var out []Server
	return out, s.client.Do(req, &out)
}

// List lists the servers' names with the API's LIST verb, which reads
// (Vault's and WebDAV's APIs have such verbs: LIST, PROPFIND, REPORT).
func (s *serversOp) List(ctx context.Context, prefix string) ([]string, error) {
	req, err := s.client.NewRequest(ctx, "LIST", "v1/servers/"+prefix, nil)
	if err != nil {
		return nil, err
	}
	var out []string
	return out, s.client.Do(req, &out)
}

func (s *serversOp) Create(ctx context.Context, name string) (*Server, error) {
	req, err := s.client.NewRequest(ctx, http.MethodPost, "v1/servers", &Server{Name: name})
	if err != nil {
		return nil, err
	}
	var out Server
	return &out, s.client.Do(req, &out)
}

func (s *serversOp) Delete(ctx context.Context, id string) error {
	return s.delete(ctx, "v1/servers/"+id)
}

// Search finds servers by a query too long for a URL: a POST to an
// endpoint that names a read.
func (s *serversOp) Search(ctx context.Context, query string) ([]Server, error) {
	req, err := s.client.NewRequest(ctx, http.MethodPost, "v1/servers/search", map[string]string{"query": query})
	if err != nil {
		return nil, err
	}
	var out []Server
	return out, s.client.Do(req, &out)
}

// Operation describes a request, as a generated client's methods do:
// Submit builds the request from its fields.
type Operation struct {
	ID     string
	Method string
	Path   string
}

// Submit sends an operation.
func (c *Client) Submit(ctx context.Context, op *Operation) error {
	req, err := c.NewRequest(ctx, op.Method, op.Path, nil)
	if err != nil {
		return err
	}
	return c.Do(req, nil)
}

// QueryVolumes queries volumes: a POST to a query endpoint.
func (c *Client) QueryVolumes(ctx context.Context) error {
	return c.Submit(ctx, &Operation{ID: "queryVolumes", Method: "POST", Path: "/v1/volumes/query"})
}

// AttachVolume attaches a volume: a POST that changes it.
func (c *Client) AttachVolume(ctx context.Context, id string) error {
	return c.Submit(ctx, &Operation{ID: "attachVolume", Method: "POST", Path: "/v1/volumes/" + id + "/attach"})
}

// delete sends a DELETE of a path: the method is fixed here, the path is
// the caller's.
func (s *serversOp) delete(ctx context.Context, path string) error {
	req, err := s.client.NewRequest(ctx, http.MethodDelete, path, nil)
	if err != nil {
		return err
	}
	return s.client.Do(req, nil)
}

// Request is a request builder that keeps the method in a field, as a
// REST client's Verb does.
type Request struct {
	c    *Client
	verb string
	path string
}

// Verb starts a request with a method.
func (c *Client) Verb(verb string) *Request {
	return &Request{c: c, verb: verb}
}

// Path sets the request's path.
func (r *Request) Path(p string) *Request {
	r.path = p
	return r
}

// Send builds and sends the request.
func (r *Request) Send(ctx context.Context) error {
	req, err := r.c.NewRequest(ctx, r.verb, r.path, nil)
	if err != nil {
		return err
	}
	return r.c.Do(req, nil)
}

// Snapshot takes a snapshot of a server through the builder.
func (c *Client) Snapshot(ctx context.Context, id string) error {
	return c.Verb(http.MethodPost).Path("v1/servers/" + id + "/snapshots").Send(ctx)
}

// doConfig is what a request is made of: its options set it, over the
// defaults (a GET).
type doConfig struct {
	method string
	path   string
}

type doOption func(*doConfig)

func withMethod(m string) doOption { return func(c *doConfig) { c.method = m } }

func withPath(p string) doOption { return func(c *doConfig) { c.path = p } }

// do sends the request its options describe: a GET unless an option
// says otherwise.
func do(ctx context.Context, c *Client, opts ...doOption) error {
	cfg := &doConfig{method: http.MethodGet}
	for _, o := range opts {
		o(cfg)
	}
	req, err := c.NewRequest(ctx, cfg.method, cfg.path, nil)
	if err != nil {
		return err
	}
	return c.Do(req, nil)
}

// ListVolumes lists the volumes: do's default method.
func (c *Client) ListVolumes(ctx context.Context) error {
	return do(ctx, c, withPath("v1/volumes"))
}

// DeleteVolume deletes a volume: its option overrides the default.
func (c *Client) DeleteVolume(ctx context.Context, id string) error {
	return do(ctx, c, withMethod(http.MethodDelete), withPath("v1/volumes/"+id))
}

// OpenConsole opens a console session on a server, at the console's host.
func (c *Client) OpenConsole(ctx context.Context, id string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf("https://%s/v1/servers/%s/console", c.Console, id), nil)
	if err != nil {
		return err
	}
	return c.Do(req, nil)
}

// endpointer gives the URL of an endpoint of a service.
type endpointer interface {
	URL(ep string) *url.URL
}

type metricsEndpoint struct {
	base *url.URL
}

func (m *metricsEndpoint) URL(ep string) *url.URL {
	u := *m.base
	u.Path = path.Join(m.base.Path, ep)
	return &u
}

// Metrics reads the platform's metrics through its endpointer.
type Metrics struct {
	ep endpointer
	hc *http.Client
}

// Series reads a metric's series.
func (m *Metrics) Series(ctx context.Context, name string) ([]byte, error) {
	u := m.ep.URL("v1/metrics/" + name)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	resp, err := m.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// HTTPRequest is the library's generic request, as an HTTP client
// library's (go-resty's) is: its caller fills in the method and the URL,
// and send builds the request from those fields. Where it goes is the
// caller's, not the library's.
type HTTPRequest struct {
	Method string
	URL    string
	hc     *http.Client
}

// R starts a generic request.
func R() *HTTPRequest { return &HTTPRequest{hc: http.DefaultClient} }

// Get sends a GET of u.
func (r *HTTPRequest) Get(u string) error { return r.Execute(http.MethodGet, u) }

// Delete sends a DELETE of u.
func (r *HTTPRequest) Delete(u string) error { return r.Execute(http.MethodDelete, u) }

// Execute sends the request with a method to u.
func (r *HTTPRequest) Execute(method, u string) error {
	r.Method = method
	r.URL = u
	return r.send()
}

func (r *HTTPRequest) send() error {
	req, err := http.NewRequest(r.Method, r.URL, nil)
	if err != nil {
		return err
	}
	resp, err := r.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Fetch gets a page its caller names: the caller's request, sent to
// whatever host the URL has, not an operation of the platform's API.
func Fetch(ctx context.Context, pageURL string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, pageURL, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// PostJSON posts a value to a URL its caller gives: the method is fixed
// here, where the request goes is the caller's.
func PostJSON(ctx context.Context, to string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, to, bytes.NewReader(b))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `notify: network \(\*net/http\.Client\)\.Do`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Download gets the page at u with http.Get and returns its length.
func Download(u string) (int, error) {
	resp, err := http.Get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return len(b), err
}
