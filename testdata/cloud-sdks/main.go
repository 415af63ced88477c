// Command cloud-sdks is an MCP server for a platform team: tools over a
// Kubernetes cluster (client-go and controller-runtime), GitHub
// (go-github), S3 (the AWS SDK for Go v2), Google Cloud Storage and Azure
// Blob Storage. The SDKs are catalogued as opaque with their calls as sinks
// (rules/catalog/cloud.cat), most of them by pattern: each tool states the
// capability its call gives, and the precision traps state that they give
// none.
package main

import (
	"context"
	"example.com/modclient"

	"cloud.google.com/go/storage"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
	"log"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/google/go-github/v93/github"
	"github.com/mark3labs/mcp-go/server"
	"github.com/shurcooL/githubv4"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	metricsclient "k8s.io/metrics/pkg/client/clientset/versioned"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

func main() {
	cfg, err := rest.InClusterConfig()
	if err != nil {
		log.Fatal(err)
	}
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		log.Fatal(err)
	}
	dyn, err := dynamic.NewForConfig(cfg)
	if err != nil {
		log.Fatal(err)
	}
	mc, err := metricsclient.NewForConfig(cfg)
	if err != nil {
		log.Fatal(err)
	}
	cr, err := client.New(cfg, client.Options{})
	if err != nil {
		log.Fatal(err)
	}
	s := server.NewMCPServer("platform", "1.0.0") // want `agent platform server mcp\-go: apply_manifest, azure_account_url, azure_download, azure_upload, bucket_region, close_discussion, cluster_version, count_modules, count_nodes, create_issue, create_module, delete_branch, delete_deployment, exec_in_pod, gcs_delete, gcs_object_url, gcs_read, get_report, list_issues, list_pods, next_pod_event, pause_deployment, pod_logs, pod_logs_text, pod_usage, put_report, read_secret, repo_stars, star_repo, unpin_issue, upload_link` `BR401: agent platform: read_secret returns private data \(\(k8s\.io/client\-go/kubernetes/typed/core/v1\.SecretInterface\)\.Get\), list_issues returns untrusted content \(\(\*github\.com/google/go\-github/v93/github\.IssuesService\)\.ListByRepo\), apply_manifest sends data where the model says \(\(k8s\.io/client\-go/dynamic\.ResourceInterface\)\.Apply\);.*`
	(&cluster{cfg: cfg, cs: cs, dyn: dyn, metrics: mc, mods: &modclient.Client{REST: cs.CoreV1().RESTClient()}}).register(s)
	(&operator{c: cr}).register(s)
	gh, err := github.NewClient(nil)
	if err != nil {
		log.Fatal(err)
	}
	(&hub{gh: gh, v4: githubv4.NewClient(nil)}).register(s)
	bucket := s3.New(s3.Options{Region: "eu-west-1", Credentials: aws.AnonymousCredentials{}})
	(&buckets{s3: bucket, presign: s3.NewPresignClient(bucket)}).register(s)
	gcs, err := storage.NewClient(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	az, err := azblob.NewClientWithNoCredential("https://acme.blob.core.windows.net/", nil)
	if err != nil {
		log.Fatal(err)
	}
	(&archive{gcs: gcs, azure: az}).register(s)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}
