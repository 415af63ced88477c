// Command chat answers one question with the openai-go agent.
package main

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/google/go-github/v93/github"
	"github.com/jackc/pgx/v5/pgxpool"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"

	"example.com/bench-heavy/agent"
)

func main() {
	ctx := context.Background()
	rc, err := clientcmd.BuildConfigFromFlags("", os.Getenv("KUBECONFIG"))
	if err != nil {
		log.Fatal(err)
	}
	kube, err := kubernetes.NewForConfig(rc)
	if err != nil {
		log.Fatal(err)
	}
	gh, err := github.NewClient(github.WithAuthToken(os.Getenv("GITHUB_TOKEN")))
	if err != nil {
		log.Fatal(err)
	}
	awsCfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		log.Fatal(err)
	}
	db, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	answer, err := agent.Run(ctx, agent.Deps{Kube: kube, GitHub: gh, S3: s3.NewFromConfig(awsCfg), DB: db}, os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(answer)
}
