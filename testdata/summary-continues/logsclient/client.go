// Package logsclient is a platform's log API client, in the style of
// client-go: a method builds a request, which is sent later, here by a
// helper that the request is handed to.
package logsclient

import (
	"io"
	"net/http"
	"net/url"
)

// Client talks to the log service.
type Client struct {
	base string
	hc   *http.Client
}

// New returns a client of the service at base.
func New(base string) *Client { return &Client{base: base, hc: http.DefaultClient} }

// Request is a built request, sent by Stream.
type Request struct {
	c   *Client
	url string
}

// Logs builds the request that reads a job's logs (the scan's catalog names
// it as the read).
func (c *Client) Logs(job string) *Request {
	return &Request{c: c, url: c.base + "/logs/" + url.PathEscape(job)}
}

// Stream sends the request.
func (r *Request) Stream() (io.ReadCloser, error) {
	resp, err := r.c.hc.Get(r.url)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// Tail reads a job's logs: it builds the request and hands it to a helper
// that sends it, which is the read Logs named, not more traffic.
func (c *Client) Tail(job string) (string, error) {
	return readAll(c.Logs(job))
}

// Ping asks the service whether it is up: a request of its own, which no
// catalogued call built.
func (c *Client) Ping() error {
	rc, err := (&Request{c: c, url: c.base + "/healthz"}).Stream()
	if err != nil {
		return err
	}
	return rc.Close()
}

// Recent reads a job's recent logs through send, which Fetch hands a
// request of its own too: send's Stream is not only the read's.
func (c *Client) Recent(job string) (string, error) {
	return send(c.Logs(job))
}

// Fetch reads any path of the service.
func (c *Client) Fetch(path string) (string, error) {
	return send(&Request{c: c, url: c.base + path})
}

func send(r *Request) (string, error) {
	rc, err := r.Stream()
	if err != nil {
		return "", err
	}
	return drain(rc)
}

func readAll(r *Request) (string, error) {
	rc, err := r.Stream()
	if err != nil {
		return "", err
	}
	return drain(rc)
}

func drain(rc io.ReadCloser) (string, error) {
	defer rc.Close()
	b, err := io.ReadAll(rc)
	return string(b), err
}
