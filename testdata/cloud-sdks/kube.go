package main

import (
	"bytes"
	"context"
	"example.com/modclient"
	"fmt"
	"io"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	authorizationv1 "k8s.io/api/authorization/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/kubernetes/scheme"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/tools/remotecommand"
	metricsclient "k8s.io/metrics/pkg/client/clientset/versioned"
)

// cluster holds the clients of one Kubernetes cluster.
type cluster struct {
	cfg *rest.Config
	cs  kubernetes.Interface
	dyn dynamic.Interface
	// metrics is the metrics API's clientset, generated in a module of its
	// own that the catalog does not name.
	metrics metricsclient.Interface
	// mods is the platform's client of its modules, a custom resource.
	mods *modclient.Client
}

func (c *cluster) register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("list_pods", mcp.WithString("namespace")), c.listPods)
	s.AddTool(mcp.NewTool("pod_logs", mcp.WithString("pod")), c.podLogs)
	s.AddTool(mcp.NewTool("delete_deployment", mcp.WithString("name")), c.deleteDeployment)
	s.AddTool(mcp.NewTool("read_secret", mcp.WithString("name")), c.readSecret)
	s.AddTool(mcp.NewTool("apply_manifest", mcp.WithString("manifest")), c.applyManifest)
	s.AddTool(mcp.NewTool("exec_in_pod", mcp.WithString("pod"), mcp.WithString("command")), c.execInPod)
	s.AddTool(mcp.NewTool("cluster_version"), c.clusterVersion)
	s.AddTool(mcp.NewTool("next_pod_event"), c.nextPodEvent)
	s.AddTool(mcp.NewTool("pod_logs_text", mcp.WithString("pod")), c.podLogsText)
	s.AddTool(mcp.NewTool("pod_usage", mcp.WithString("pod")), c.podUsage)
	s.AddTool(mcp.NewTool("create_module", mcp.WithString("name"), mcp.WithString("template")), c.createModule)
	s.AddTool(mcp.NewTool("count_modules"), c.countModules)
}

// createModule creates the module the model describes through the
// platform's client, whose code the scan enters: the POST is made there,
// and the module's call into the client, handed the model's module, decides
// what is created.
func (c *cluster) createModule(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool create_module mcp-go constant` `BR304: tool create_module can change cloud resources with no rate limit` `BR305: tool create_module is not logged with its arguments`
	m := &modclient.Module{Name: req.GetString("name", ""), Template: req.GetString("template", "")}
	if err := c.mods.Create(ctx, m); err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("created " + m.Name), nil
}

// countModules counts the modules: the client's GET takes nothing of the
// model.
func (c *cluster) countModules(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool count_modules mcp-go constant` `BR305: tool count_modules is not logged with its arguments`
	n, err := c.mods.Count(ctx)
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprint(n)), nil
}

// listPods reads pod names: a read through a typed client.
func (c *cluster) listPods(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool list_pods mcp-go constant` `BR305: tool list_pods is not logged with its arguments`
	ns := req.GetString("namespace", "default")
	// Asking the API server whether we may list is a Create of a review
	// that the server answers and never stores: a read, not a write.
	review := &authorizationv1.SelfSubjectAccessReview{Spec: authorizationv1.SelfSubjectAccessReviewSpec{
		ResourceAttributes: &authorizationv1.ResourceAttributes{Namespace: ns, Verb: "list", Resource: "pods"},
	}}
	allowed, err := c.cs.AuthorizationV1().SelfSubjectAccessReviews().Create(ctx, review, metav1.CreateOptions{}) // want `list_pods: cloud-read \(k8s\.io/client-go/kubernetes/typed/authorization/v1\.SelfSubjectAccessReviewInterface\)\.Create \(tainted\)`
	if err != nil || !allowed.Status.Allowed {
		return mcp.NewToolResultError("not allowed to list pods"), nil
	}
	pods, err := c.cs.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{}) // want `list_pods: cloud-read \(k8s\.io/client-go/kubernetes/typed/core/v1\.PodInterface\)\.List \(tainted\)`
	if err != nil {
		return nil, err
	}
	var names []string
	for _, p := range pods.Items {
		names = append(names, p.Name)
	}
	return mcp.NewToolResultText(strings.Join(names, "\n")), nil
}

// podLogs reads a pod's logs: GetLogs is declared by PodExpansion, not by
// PodInterface.
func (c *cluster) podLogs(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool pod_logs mcp-go constant` `BR305: tool pod_logs is not logged with its arguments`
	pod := req.GetString("pod", "")
	rc, err := c.cs.CoreV1().Pods("default").GetLogs(pod, &corev1.PodLogOptions{}).Stream(ctx) // want `pod_logs: cloud-read \(k8s\.io/client-go/kubernetes/typed/core/v1\.PodExpansion\)\.GetLogs \(tainted\)`
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(b)), nil
}

// deleteDeployment deletes the deployment the model names.
func (c *cluster) deleteDeployment(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool delete_deployment mcp-go constant` `BR304: tool delete_deployment can change cloud resources with no rate limit` `BR305: tool delete_deployment is not logged with its arguments`
	name := req.GetString("name", "")
	if err := c.cs.AppsV1().Deployments("default").Delete(ctx, name, metav1.DeleteOptions{}); err != nil { // want `delete_deployment: cloud-write \(k8s\.io/client-go/kubernetes/typed/apps/v1\.DeploymentInterface\)\.Delete \(tainted\)` `BR301: tool delete_deployment can change cloud resources through \(k8s\.io/client-go/kubernetes/typed/apps/v1\.DeploymentInterface\)\.Delete with no confirmation before it`
		return nil, err
	}
	return mcp.NewToolResultText("deleted " + name), nil
}

// readSecret hands a Secret's data to the model.
func (c *cluster) readSecret(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool read_secret mcp-go constant` `BR305: tool read_secret is not logged with its arguments`
	sec, err := c.cs.CoreV1().Secrets("default").Get(ctx, req.GetString("name", ""), metav1.GetOptions{}) // want `read_secret: cloud-read \(k8s\.io/client-go/kubernetes/typed/core/v1\.SecretInterface\)\.Get \(tainted\)` `BR201: tool read_secret returns a secret read by \(k8s\.io/client-go/kubernetes/typed/core/v1\.SecretInterface\)\.Get to the model`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(sec.Data["password"])), nil
}

// applyManifest applies whatever object the model writes, through the
// dynamic client.
func (c *cluster) applyManifest(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool apply_manifest mcp-go constant` `BR304: tool apply_manifest can change cloud resources with no rate limit` `BR305: tool apply_manifest is not logged with its arguments`
	obj := &unstructured.Unstructured{}
	if err := obj.UnmarshalJSON([]byte(req.GetString("manifest", ""))); err != nil {
		return nil, err
	}
	gvk := obj.GroupVersionKind()
	gvr := schema.GroupVersionResource{Group: gvk.Group, Version: gvk.Version, Resource: strings.ToLower(gvk.Kind) + "s"}
	out, err := c.dyn.Resource(gvr).Namespace(obj.GetNamespace()).Apply(ctx, obj.GetName(), obj, metav1.ApplyOptions{FieldManager: "agent"}) // want `apply_manifest: cloud-write \(k8s\.io/client-go/dynamic\.ResourceInterface\)\.Apply \(tainted\)` `BR301: tool apply_manifest can change cloud resources through \(k8s\.io/client-go/dynamic\.ResourceInterface\)\.Apply with no confirmation before it`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("applied " + out.GetName()), nil
}

// execInPod runs the model's command in a container, as kubectl exec does:
// a POST to the pod's exec subresource, which the executor sends (a change
// through the cluster's API, not a process of this machine), with the
// client certificate that the REST configuration names read from its file.
func (c *cluster) execInPod(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool exec_in_pod mcp-go constant` `BR304: tool exec_in_pod can change cloud resources with no rate limit` `BR305: tool exec_in_pod is not logged with its arguments`
	command := req.GetString("command", "")
	// The POST takes no argument; the request it starts takes the model's
	// pod and command down the chain.
	post := c.cs.CoreV1().RESTClient().Post() // want `exec_in_pod: cloud-write \(k8s\.io/client-go/rest\.Interface\)\.Post \(tainted\)` `BR301: tool exec_in_pod can change cloud resources through \(k8s\.io/client-go/rest\.Interface\)\.Post with no confirmation before it`
	r := post.Resource("pods").Name(req.GetString("pod", "")).Namespace("default").SubResource("exec").
		VersionedParams(&corev1.PodExecOptions{Command: []string{"sh", "-c", command}, Stdout: true}, scheme.ParameterCodec)
	ex, err := remotecommand.NewSPDYExecutor(c.cfg, "POST", r.URL()) // want `exec_in_pod: fs-read os\.ReadFile`
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := ex.StreamWithContext(ctx, remotecommand.StreamOptions{Stdout: &out}); err != nil { // want `exec_in_pod: cloud-write \(k8s\.io/client-go/tools/remotecommand\.Executor\)\.StreamWithContext \(tainted\)`
		return nil, err
	}
	return mcp.NewToolResultText(out.String()), nil
}

// clusterVersion only asks the discovery client for the server's version:
// no typed resource is read or changed, so no pattern of the catalog
// matches; the discovery client's own code GETs /version from the API
// server (its summary: cloud-read through the REST client's Get).
func (c *cluster) clusterVersion(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool cluster_version mcp-go constant` `BR305: tool cluster_version is not logged with its arguments`
	v, err := c.cs.Discovery().ServerVersion() // want `cluster_version: cloud-read \(k8s\.io/client-go/rest\.Interface\)\.Get`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprint(v.GitVersion)), nil
}

// podUsage reads a pod's metrics through a generated clientset of another
// module (not catalogued, so entered): its typed client embeds client-go's
// generic gentype.Client, and Get is that type's method, promoted. The
// summary of the generic method finds the REST client's Get.
func (c *cluster) podUsage(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool pod_usage mcp-go constant` `BR305: tool pod_usage is not logged with its arguments`
	m, err := c.metrics.MetricsV1beta1().PodMetricses("default").Get(ctx, req.GetString("pod", ""), metav1.GetOptions{}) // want `pod_usage: cloud-read \(k8s\.io/client-go/rest\.Interface\)\.Get \(tainted\)`
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(fmt.Sprint(len(m.Containers))), nil
}

// nextPodEvent watches the pods of a namespace through a ListWatch made on
// the REST client: client-go's cache package asks its Getter (the REST
// client's Get) for the request it watches with, a GET of the API server.
func (c *cluster) nextPodEvent(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool next_pod_event mcp-go constant` `BR305: tool next_pod_event is not logged with its arguments`
	lw := cache.NewListWatchFromClient(c.cs.CoreV1().RESTClient(), "pods", "default", fields.Everything())
	w, err := lw.WatchWithContext(ctx, metav1.ListOptions{}) // want `next_pod_event: cloud-read \(k8s\.io/client-go/tools/cache\.Getter\)\.Get`
	if err != nil {
		return nil, err
	}
	defer w.Stop()
	ev := <-w.ResultChan()
	return mcp.NewToolResultText(string(ev.Type)), nil
}

// podLogsText reads a pod's logs through a helper that sends the request
// GetLogs built: Stream continues GetLogs' read, in another function, and
// is no network call of its own.
func (c *cluster) podLogsText(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool pod_logs_text mcp-go constant` `BR305: tool pod_logs_text is not logged with its arguments`
	logs := c.cs.CoreV1().Pods("default").GetLogs(req.GetString("pod", ""), &corev1.PodLogOptions{}) // want `pod_logs_text: cloud-read \(k8s\.io/client-go/kubernetes/typed/core/v1\.PodExpansion\)\.GetLogs \(tainted\)`
	text, err := readAll(ctx, logs)
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(text), nil
}

// readAll sends a built request and reads what it answers.
func readAll(ctx context.Context, r *rest.Request) (string, error) {
	rc, err := r.Stream(ctx)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	return string(b), err
}
