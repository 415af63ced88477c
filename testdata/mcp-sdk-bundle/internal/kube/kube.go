// Package kube is the cluster client and the tools that use it.
package kube

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"strings"

	"example.com/mcp-sdk-bundle/internal/api"
)

// Kube is the client of one cluster, from its kubeconfig.
type Kube struct {
	Kubeconfig string
}

// Namespace is ns, or the kubeconfig's namespace when ns is empty.
func (k *Kube) Namespace(ns string) string {
	if ns != "" {
		return ns
	}
	b, err := os.ReadFile(k.Kubeconfig) // want `current_namespace: fs-read os\.ReadFile` `exec_in_pod: fs-read os\.ReadFile` `BR202: tool current_namespace returns the contents of a file read by os\.ReadFile to the model`
	if err != nil {
		return "default"
	}
	return strings.TrimSpace(string(b))
}

// Run runs argv in the cluster.
func (k *Kube) Run(ctx context.Context, ns string, argv []string) (string, error) {
	out, err := exec.CommandContext(ctx, "kubectl", append([]string{"--kubeconfig", k.Kubeconfig, "exec", "-n", ns, "--"}, argv...)...).Output() // want `exec_in_pod: exec os/exec\.CommandContext \(tainted\)` `BR101: tool exec_in_pod: model-controlled input reaches the command of os/exec\.CommandContext` `BR301: tool exec_in_pod can run processes through os/exec\.CommandContext with no confirmation before it` `BR303: tool exec_in_pod: a model-chosen command reaches os/exec\.CommandContext with no sandbox or allowlist`
	return string(out), err
}

// Core is the client the tools call, over the bundle's.
type Core struct {
	api.Client
}

// NewCore wraps the client of the call's bundle, handed over as a
// client.
func NewCore(c api.Client) *Core { return &Core{Client: c} }

// Tools are the cluster's tools.
func Tools() []api.Tool {
	return []api.Tool{
		{Name: "exec_in_pod", Handler: execInPod},
		{Name: "current_namespace", Handler: currentNamespace},
		{Name: "ca_info", Handler: caInfo},
		{Name: "cluster_version", Handler: clusterVersion},
	}
}

// execInPod runs the model's command: the request in the bundle is the
// model's.
func execInPod(p api.Params) (string, error) { // want `tool exec_in_pod mcp-go-sdk constant` `BR304: tool exec_in_pod can run processes with no rate limit` `BR305: tool exec_in_pod is not logged with its arguments`
	return NewCore(p).Run(p, NewCore(p).Namespace(p.String("namespace")), strings.Fields(p.String("command")))
}

// currentNamespace reads the kubeconfig: the bundle's client is the
// server's (chosen by the call's cluster argument, not built from it), so
// the path it reads is not the model's.
func currentNamespace(p api.Params) (string, error) { // want `tool current_namespace mcp-go-sdk constant` `BR305: tool current_namespace is not logged with its arguments`
	// The closure holds the bundle in a variable and loads it whole.
	ns := func() string { return NewCore(p).Namespace("") }
	return ns(), nil
}

// caInfo reads the CA file the configuration names: the bundle handed over
// as the configuration carries the request too, but the file is the
// configuration's.
func caInfo(p api.Params) (string, error) { // want `tool ca_info mcp-go-sdk constant` `BR305: tool ca_info is not logged with its arguments`
	return readCA(p)
}

func readCA(cfg api.Config) (string, error) {
	b, err := os.ReadFile(cfg.CAFile()) // want `ca_info: fs-read os\.ReadFile` `BR202: tool ca_info returns the contents of a file read by os\.ReadFile to the model`
	return string(b), err
}

// clusterVersion asks a fixed address, under the bundle as the request's
// context: the request in the bundle is no part of the context.
func clusterVersion(p api.Params) (string, error) { // want `tool cluster_version mcp-go-sdk constant` `BR305: tool cluster_version is not logged with its arguments`
	req, err := http.NewRequest(http.MethodGet, "https://kube.internal/version", nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req.WithContext(p)) // want `cluster_version: network \(\*net/http\.Client\)\.Do` `BR203: tool cluster_version returns web content fetched by \(\*net/http\.Client\)\.Do to the model, where it can carry instructions`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Status, nil
}
