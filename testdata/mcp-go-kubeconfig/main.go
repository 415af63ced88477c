// Command mcp-go-kubeconfig has tools that read the user's kubeconfig
// through client-go, as a Kubernetes server's configuration tools do: the
// server keeps a clientcmd.ClientConfig, a loader that client-go's
// DeferredLoadingClientConfig reads files with when asked. Which loader
// that is, the server decides when it calls the constructor; inside
// client-go's code no type flows into the field, so the summary of
// RawConfig reaches the loaders client-go has.
//
// contexts_list hands the model the contexts it read: it reads files.
// kubeconfig_ok only says whether the kubeconfig loads, and pods_list only
// takes the default namespace from it to list that namespace's pods: those
// reads are the server's configuration, of which the model learns nothing.
package main

import (
	"context"
	"sort"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"
)

// cluster is the server's view of the user's clusters.
type cluster struct {
	config    clientcmd.ClientConfig
	clientset kubernetes.Interface
}

func newCluster() *cluster {
	rules := clientcmd.NewDefaultClientConfigLoadingRules()
	return &cluster{config: clientcmd.NewNonInteractiveDeferredLoadingClientConfig(rules, &clientcmd.ConfigOverrides{})}
}

// loader returns the kubeconfig loader, as the server's core type does.
func (c *cluster) loader() clientcmd.ClientConfig { return c.config }

// namespaceOrDefault is the namespace asked for, else the kubeconfig's.
func (c *cluster) namespaceOrDefault(namespace string) string {
	if namespace != "" {
		return namespace
	}
	if ns, _, err := c.loader().Namespace(); err == nil {
		return ns
	}
	return ""
}

var clusters = newCluster()

func contextsList(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	cfg, err := clusters.loader().RawConfig()
	if err != nil {
		return nil, err
	}
	var lines []string
	for name, c := range cfg.Contexts {
		lines = append(lines, name+" -> "+c.Cluster)
	}
	sort.Strings(lines)
	return mcp.NewToolResultText(strings.Join(lines, "\n")), nil
}

func kubeconfigOK(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	if _, err := clusters.loader().RawConfig(); err != nil {
		return mcp.NewToolResultText("the kubeconfig does not load"), nil
	}
	return mcp.NewToolResultText("the kubeconfig loads"), nil
}

func podsList(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	namespace := clusters.namespaceOrDefault(req.GetString("namespace", ""))
	raw, err := clusters.clientset.CoreV1().RESTClient().Get().Namespace(namespace).Resource("pods").Do(ctx).Raw()
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(raw)), nil
}

func main() {
	s := server.NewMCPServer("kubeconfig", "1.0.0")
	s.AddTool(mcp.NewTool("contexts_list"), contextsList)
	s.AddTool(mcp.NewTool("kubeconfig_ok"), kubeconfigOK)
	s.AddTool(mcp.NewTool("pods_list", mcp.WithString("namespace")), podsList)
	_ = server.ServeStdio(s)
}
