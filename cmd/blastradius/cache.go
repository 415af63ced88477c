package main

import (
	"os"
	"path/filepath"
)

// cacheEnv names the variable that moves the cache (docs/summaries.md).
const cacheEnv = "BLASTRADIUS_CACHE"

// cacheDir returns where scans keep the summaries of opaque dependencies:
// $BLASTRADIUS_CACHE, else blastradius under the user's cache directory;
// "" (no cache) when neither is known.
func cacheDir(getenv func(string) string) string {
	if d := getenv(cacheEnv); d != "" {
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "blastradius")
}
