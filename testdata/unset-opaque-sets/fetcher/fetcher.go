// Package fetcher gets pages, and logs them when its settings say so.
package fetcher

import (
	"io"
	"net/http"
	"os"

	"example.com/knobs"
)

// Fetch gets a page.
func Fetch(s *knobs.Settings, url string) ([]byte, error) {
	resp, err := http.Get(url) // want `fetch_status: network net/http\.Get`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if s.Trace {
		if err := os.WriteFile("trace.log", b, 0o600); err != nil { // want `fetch_status: fs-write os\.WriteFile` `BR301: tool fetch_status can write files through os\.WriteFile with no confirmation before it`
			return nil, err
		}
	}
	return b, nil
}
