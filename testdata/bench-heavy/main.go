// Command bench-heavy is an operations agent served over MCP: it manages a
// Kubernetes cluster, GitHub repositories, S3 buckets and a Postgres
// database, and runs a few local commands. It exists to be scanned by the
// benchmarks (see README.md).
package main

import (
	"context"
	"log"
	"os"

	"github.com/mark3labs/mcp-go/server"

	"example.com/bench-heavy/cloud"
	"example.com/bench-heavy/gh"
	"example.com/bench-heavy/kube"
	"example.com/bench-heavy/local"
	"example.com/bench-heavy/store"
)

func main() {
	ctx := context.Background()
	k, err := kube.New(os.Getenv("KUBECONFIG"))
	if err != nil {
		log.Fatal(err)
	}
	g, err := gh.New(os.Getenv("GITHUB_TOKEN"))
	if err != nil {
		log.Fatal(err)
	}
	b, err := cloud.New(ctx)
	if err != nil {
		log.Fatal(err)
	}
	db, err := store.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	s := server.NewMCPServer("bench-heavy", "1.0.0")
	k.Register(s)
	g.Register(s)
	b.Register(s)
	db.Register(s)
	local.Register(s)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}
