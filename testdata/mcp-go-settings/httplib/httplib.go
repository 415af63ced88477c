// Package httplib is an HTTP client library whose optional behaviour is
// kept behind settings, as real ones keep theirs: saving a response into
// a file, a cache directory, an offline mode that reads a cached copy,
// proxies, a mirror mode, a hook command. Only what the program sets ever runs.
package httplib

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
)

// Options are settings a program may read from its configuration file.
type Options struct {
	// Hook is a command run after each fetch.
	Hook string `json:"hook"`
}

// Config is a client's configuration.
type Config struct {
	// CheckLinks checks every link of a page and writes a report: only
	// the library's own command-line tool turns it on.
	CheckLinks bool
}

// DefaultConfig is the configuration New uses.
func DefaultConfig() *Config { return &Config{CheckLinks: false} }

// Client fetches pages.
type Client struct {
	checkLinks bool
	hc         *http.Client
	saveTo     string
	cacheDir   string
	offline    bool
	proxies    []string
	mode       string
	mirror     string
	opts       *Options
}

// Option sets up a client.
type Option func(*Client)

// WithCache keeps a copy of each page in dir.
func WithCache(dir string) Option { return func(c *Client) { c.cacheDir = dir } }

// WithOptions applies settings read from a configuration.
func WithOptions(o *Options) Option { return func(c *Client) { c.opts = o } }

// New returns a client.
func New(opts ...Option) *Client {
	conf := DefaultConfig()
	c := &Client{hc: http.DefaultClient, checkLinks: conf.CheckLinks}
	for _, o := range opts {
		o(c)
	}
	return c
}

// SaveTo saves every response into a file: no program here calls it.
func (c *Client) SaveTo(path string) { c.saveTo = path }

// GoOffline serves pages from the cache only: no program here calls it.
func (c *Client) GoOffline() { c.offline = true }

// AddProxy sends requests through a proxy: no program here calls it.
func (c *Client) AddProxy(addr string) { c.proxies = append(c.proxies, addr) }

// Mirror also posts every page to a mirror: no program here calls it.
func (c *Client) Mirror(url string) { c.mode, c.mirror = "mirror", url }

// Get fetches a page.
func (c *Client) Get(url string) ([]byte, error) {
	var body []byte
	if !c.offline {
		if len(c.proxies) > 0 {
			conn, err := net.Dial("tcp", c.proxies[0])
			if err != nil {
				return nil, err
			}
			conn.Close()
		}
		resp, err := c.hc.Get(url) // want `fetch: network \(\*net/http\.Client\)\.Get \(tainted\)` `BR103: tool fetch: model-controlled input reaches the URL or address of \(\*net/http\.Client\)\.Get`
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		if resp.StatusCode == http.StatusNotModified {
			// The server says the cached copy is current: a
			// field net/http sets, which no code here stores.
			return os.ReadFile(filepath.Join(c.cacheDir, filepath.Base(url))) // want `fetch: fs-read os\.ReadFile`
		}
		if body, err = io.ReadAll(resp.Body); err != nil {
			return nil, err
		}
	} else {
		b, err := os.ReadFile(filepath.Join(c.cacheDir, filepath.Base(url)))
		if err != nil {
			return nil, err
		}
		body = b
	}
	if c.saveTo != "" {
		if err := os.WriteFile(c.saveTo, body, 0o600); err != nil {
			return nil, err
		}
	}
	if c.cacheDir != "" {
		if err := os.WriteFile(filepath.Join(c.cacheDir, filepath.Base(url)), body, 0o600); err != nil { // want `fetch: fs-write os\.WriteFile` `BR301: tool fetch can write files through os\.WriteFile with no confirmation before it`
			return nil, err
		}
	}
	switch c.mode {
	case "mirror":
		resp, err := http.Post(c.mirror, "text/html", bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		resp.Body.Close()
	}
	if c.checkLinks {
		report, err := os.Create(filepath.Join(os.TempDir(), "links.txt"))
		if err != nil {
			return nil, err
		}
		report.Close()
	}
	if c.opts != nil && c.opts.Hook != "" {
		if err := exec.Command(c.opts.Hook).Run(); err != nil { // want `fetch: exec os/exec\.Command` `BR301: tool fetch can run processes through os/exec\.Command with no confirmation before it`
			return nil, err
		}
	}
	return body, nil
}
