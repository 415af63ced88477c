// Package weather does not type-check, on purpose: Client names a type that
// does not exist. The module that uses it does type-check, and must be
// analysed as far as it can be, without a crash.
package weather

import (
	"io"
	"net/http"
)

// Client fetches forecasts.
type Client struct {
	HTTP  *http.Client
	Cache *forecastCache // undefined: the package's one error
}

// New returns a client.
func New() *Client { return &Client{HTTP: http.DefaultClient} }

// Forecast fetches the forecast for a city.
func (c *Client) Forecast(city string) (string, error) {
	resp, err := c.HTTP.Get("https://weather.example/v1/" + city)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}
