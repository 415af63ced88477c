// Package projects is a small API client, a dependency of the server: the
// token it is built with goes into each request's header.
package projects

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
)

// Project is what the API answers.
type Project struct {
	ID   string
	Name string
}

// Projects are the API's project operations.
type Projects interface {
	Create(ctx context.Context, name string) (*Project, error)
}

// Client is the API's client.
type Client struct {
	Projects Projects
	token    string
}

// New returns a client that authenticates with token.
func New(token string) *Client {
	c := &Client{token: token}
	c.Projects = &projects{c: c}
	return c
}

type projects struct{ c *Client }

func (p *projects) Create(ctx context.Context, name string) (*Project, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://projects.example/api/projects", strings.NewReader(name))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+p.c.token)
	resp, err := http.DefaultClient.Do(req) // want `create_project: network \(\*net/http\.Client\)\.Do`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out Project
	err = json.NewDecoder(resp.Body).Decode(&out)
	return &out, err
}

// TLSConfig trusts the certificate authority in pem.
func TLSConfig(pem []byte) *tls.Config {
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	return &tls.Config{RootCAs: pool}
}

// Key is a parsed signing key.
type Key struct{ pem []byte }

// ParseKey parses a key file's content.
func ParseKey(pem []byte) (*Key, error) {
	if len(pem) == 0 {
		return nil, errors.New("empty key")
	}
	return &Key{pem: pem}, nil
}

// Dial connects to the deploy service, signs in with the key and returns
// a client that speaks the deploy API over that connection.
func Dial(ctx context.Context, addr string, k *Key) (*http.Client, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr) // want `deploy: network \(\*net\.Dialer\)\.DialContext`
	if err != nil {
		return nil, err
	}
	if _, err := conn.Write(k.pem); err != nil {
		conn.Close()
		return nil, err
	}
	return &http.Client{Transport: &http.Transport{DialContext: func(context.Context, string, string) (net.Conn, error) { return conn, nil }}}, nil
}

// Events is the API's event feed, read with the HTTP client it is given.
type Events struct {
	hc   *http.Client
	base string
}

// NewEvents returns the feed at base, read with hc.
func NewEvents(hc *http.Client, base string) *Events { return &Events{hc: hc, base: base} }

// Latest returns the newest event, as the API sends it.
func (e *Events) Latest(ctx context.Context) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, e.base+"/events/latest", nil)
	if err != nil {
		return "", err
	}
	resp, err := e.hc.Do(req) // want `first_event: network \(\*net/http\.Client\)\.Do` `next_event: network \(\*net/http\.Client\)\.Do` `latest_event: network \(\*net/http\.Client\)\.Do`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// Options configure a connection to the feed.
type Options struct {
	TLS *tls.Config
}

// Connect returns the feed at base, over TLS configured by opts.
func Connect(base string, opts Options) *Events {
	return &Events{hc: &http.Client{Transport: &http.Transport{TLSClientConfig: opts.TLS}}, base: base}
}
