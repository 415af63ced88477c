// Package agent is a chat loop on openai-go v3: it declares its tools to the
// model and dispatches the model's tool calls by name.
package agent

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/google/go-github/v93/github"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/shared"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// Deps are the clients the tools use.
type Deps struct {
	Kube   kubernetes.Interface
	GitHub *github.Client
	S3     *s3.Client
	DB     *pgxpool.Pool
}

// args are the arguments of every tool; each uses some of them.
type args struct {
	Namespace string `json:"namespace"`
	Name      string `json:"name"`
	Repo      string `json:"repo"`
	Title     string `json:"title"`
	Bucket    string `json:"bucket"`
	Key       string `json:"key"`
	Body      string `json:"body"`
	SQL       string `json:"sql"`
}

func fn(name, desc string) openai.ChatCompletionToolUnionParam {
	return openai.ChatCompletionFunctionTool(shared.FunctionDefinitionParam{
		Name:        name,
		Description: openai.String(desc),
		Parameters:  shared.FunctionParameters{"type": "object"},
	})
}

// Run answers prompt, calling tools until the model stops.
func Run(ctx context.Context, d Deps, prompt string) (string, error) {
	client := openai.NewClient()
	params := openai.ChatCompletionNewParams{
		Model:    openai.ChatModelGPT4o,
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(prompt)},
		Tools: []openai.ChatCompletionToolUnionParam{
			fn("get_pods", "List the pods of a namespace."),
			fn("remove_deployment", "Delete a deployment."),
			fn("open_issue", "Open a GitHub issue."),
			fn("upload", "Store an object in S3."),
			fn("download", "Read an object from S3."),
			fn("sql_query", "Run a read-only SQL query."),
		},
	}
	for turn := 0; turn < 10; turn++ {
		completion, err := client.Chat.Completions.New(ctx, params)
		if err != nil {
			return "", err
		}
		msg := completion.Choices[0].Message
		if len(msg.ToolCalls) == 0 {
			return msg.Content, nil
		}
		params.Messages = append(params.Messages, msg.ToParam())
		for _, tc := range msg.ToolCalls {
			var a args
			if err := json.Unmarshal([]byte(tc.Function.Arguments), &a); err != nil {
				params.Messages = append(params.Messages, openai.ToolMessage("bad arguments: "+err.Error(), tc.ID))
				continue
			}
			var out string
			switch tc.Function.Name {
			case "get_pods":
				out, err = getPods(ctx, d.Kube, a)
			case "remove_deployment":
				err = d.Kube.AppsV1().Deployments(a.Namespace).Delete(ctx, a.Name, metav1.DeleteOptions{})
				out = "deleted"
			case "open_issue":
				out, err = openIssue(ctx, d.GitHub, a)
			case "upload":
				_, err = d.S3.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(a.Bucket), Key: aws.String(a.Key), Body: strings.NewReader(a.Body)})
				out = "stored"
			case "download":
				out, err = download(ctx, d.S3, a)
			case "sql_query":
				out, err = sqlQuery(ctx, d.DB, a)
			default:
				err = fmt.Errorf("unknown tool %q", tc.Function.Name)
			}
			if err != nil {
				out = "error: " + err.Error()
			}
			params.Messages = append(params.Messages, openai.ToolMessage(out, tc.ID))
		}
	}
	return "", fmt.Errorf("no answer after 10 turns")
}

func getPods(ctx context.Context, k kubernetes.Interface, a args) (string, error) {
	pods, err := k.CoreV1().Pods(a.Namespace).List(ctx, metav1.ListOptions{})
	if err != nil {
		return "", err
	}
	var names []string
	for _, p := range pods.Items {
		names = append(names, p.Name)
	}
	return strings.Join(names, "\n"), nil
}

func openIssue(ctx context.Context, c *github.Client, a args) (string, error) {
	owner, repo, _ := strings.Cut(a.Repo, "/")
	is, _, err := c.Issues.Create(ctx, owner, repo, github.CreateIssueRequest{Title: a.Title, Body: github.Ptr(a.Body)})
	if err != nil {
		return "", err
	}
	return is.GetHTMLURL(), nil
}

func download(ctx context.Context, c *s3.Client, a args) (string, error) {
	out, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(a.Bucket), Key: aws.String(a.Key)})
	if err != nil {
		return "", err
	}
	defer out.Body.Close()
	var b strings.Builder
	_, err = fmt.Fprint(&b, out.Body)
	return b.String(), err
}

func sqlQuery(ctx context.Context, db *pgxpool.Pool, a args) (string, error) {
	rows, err := db.Query(ctx, a.SQL)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		vals, err := rows.Values()
		if err != nil {
			return "", err
		}
		lines = append(lines, fmt.Sprint(vals...))
	}
	return strings.Join(lines, "\n"), rows.Err()
}
