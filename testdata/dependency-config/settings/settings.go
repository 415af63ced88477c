// Package settings is a library that configures itself from the
// environment, under names it builds, and can also look a variable up by a
// name its caller gives.
package settings

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"os"
)

// Endpoint is a service's address, from PREFIX_URL.
type Endpoint struct {
	URL string
}

// Load reads the endpoint of the service called prefix.
func Load(prefix string) Endpoint {
	return Endpoint{URL: os.Getenv(prefix + "_URL")}
}

// Var returns the variable called name.
func Var(name string) string {
	return os.Getenv(name) // want `show_var: env os\.Getenv`
}

// Client returns an HTTP client that trusts the certificate authority
// whose file PREFIX_CA names, as API clients load what their configuration
// lists.
func Client(prefix string) (*http.Client, error) {
	pem, err := os.ReadFile(os.Getenv(prefix + "_CA"))
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}, nil
}

// Banner returns the text of the file that PREFIX_BANNER names. The scan
// asks of a library's read whether what the call into the library returns
// reaches the model, not what the read itself returns: the banner does,
// so the variable read on the way counts too.
func Banner(prefix string) string {
	b, _ := os.ReadFile(os.Getenv(prefix + "_BANNER")) // want `show_banner: fs-read os\.ReadFile` `show_banner: env os\.Getenv`
	return string(b)
}

// Lookup returns what the table holds under key, and says so on the
// standard error when SETTINGS_TRACE is set: a variable of its own, read
// whatever the caller looks up, whose value goes nowhere but the trace.
func Lookup(table map[string]string, key string) string {
	if os.Getenv("SETTINGS_TRACE") != "" {
		println("lookup", key)
	}
	return table[key]
}
