// Package settings is a library that configures itself from the
// environment, under names it builds, and can also look a variable up by a
// name its caller gives.
package settings

import "os"

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
