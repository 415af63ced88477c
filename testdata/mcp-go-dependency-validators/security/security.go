// Package security holds the checks an organisation's servers share: a
// library of their own, a dependency of each server.
package security

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// WithinRoot returns the absolute form of p, or an error unless it is root
// or below it.
func WithinRoot(p, root string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	if abs != root && !strings.HasPrefix(abs, root+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside %s", p, root)
	}
	return abs, nil
}

// shells are the programs a server may start.
var shells = map[string]bool{"bash": true, "zsh": true, "pwsh": true}

// Shell returns an error unless name is one of the allowed shells.
func Shell(name string) error {
	if !shells[name] {
		return fmt.Errorf("shell %q is not allowed", name)
	}
	return nil
}

// NotEmpty returns an error for an empty path: it checks nothing of where
// the path leads.
func NotEmpty(p string) error {
	if p == "" {
		return errors.New("empty path")
	}
	return nil
}

// Named returns an error unless name is one of the allowed ones: generic
// over the string types a caller keeps names in.
func Named[S ~string](name S, allowed map[S]bool) error {
	if !allowed[name] {
		return fmt.Errorf("%q is not allowed", string(name))
	}
	return nil
}
