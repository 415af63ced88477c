// Package kube exposes Kubernetes operations as MCP tools through client-go.
package kube

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv1 "k8s.io/api/autoscaling/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/kubernetes/scheme"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
	"k8s.io/client-go/tools/remotecommand"
)

// Cluster holds the clients of one cluster.
type Cluster struct {
	cfg *rest.Config
	cs  kubernetes.Interface
	dyn dynamic.Interface
}

// New connects to the cluster of a kubeconfig file, or in-cluster when it is
// empty.
func New(kubeconfig string) (*Cluster, error) {
	cfg, err := clientcmd.BuildConfigFromFlags("", kubeconfig)
	if err != nil {
		return nil, fmt.Errorf("kubeconfig: %w", err)
	}
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		return nil, err
	}
	dyn, err := dynamic.NewForConfig(cfg)
	if err != nil {
		return nil, err
	}
	return &Cluster{cfg: cfg, cs: cs, dyn: dyn}, nil
}

// Register adds the cluster's tools to s.
func (c *Cluster) Register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("list_pods", mcp.WithString("namespace")), c.listPods)
	s.AddTool(mcp.NewTool("pod_logs", mcp.WithString("namespace"), mcp.WithString("pod")), c.podLogs)
	s.AddTool(mcp.NewTool("delete_pod", mcp.WithString("namespace"), mcp.WithString("pod")), c.deletePod)
	s.AddTool(mcp.NewTool("exec_in_pod", mcp.WithString("pod"), mcp.WithString("command")), c.execInPod)
	s.AddTool(mcp.NewTool("list_deployments", mcp.WithString("namespace")), c.listDeployments)
	s.AddTool(mcp.NewTool("scale_deployment", mcp.WithString("name"), mcp.WithNumber("replicas")), c.scaleDeployment)
	s.AddTool(mcp.NewTool("delete_deployment", mcp.WithString("namespace"), mcp.WithString("name")), c.deleteDeployment)
	s.AddTool(mcp.NewTool("restart_deployment", mcp.WithString("namespace"), mcp.WithString("name")), c.restartDeployment)
	s.AddTool(mcp.NewTool("read_secret", mcp.WithString("namespace"), mcp.WithString("name")), c.readSecret)
	s.AddTool(mcp.NewTool("apply_manifest", mcp.WithString("manifest")), c.applyManifest)
}

func text(format string, args ...any) *mcp.CallToolResult {
	return mcp.NewToolResultText(fmt.Sprintf(format, args...))
}

func (c *Cluster) listPods(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	ns := req.GetString("namespace", "default")
	pods, err := c.cs.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{})
	if err != nil {
		return nil, err
	}
	var names []string
	for _, p := range pods.Items {
		names = append(names, p.Name+" "+string(p.Status.Phase))
	}
	return text("%s", strings.Join(names, "\n")), nil
}

func (c *Cluster) podLogs(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	ns := req.GetString("namespace", "default")
	pod, err := req.RequireString("pod")
	if err != nil {
		return nil, err
	}
	tail := int64(200)
	rc, err := c.cs.CoreV1().Pods(ns).GetLogs(pod, &corev1.PodLogOptions{TailLines: &tail}).Stream(ctx)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, err
	}
	return text("%s", b), nil
}

func (c *Cluster) deletePod(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	ns := req.GetString("namespace", "default")
	pod, err := req.RequireString("pod")
	if err != nil {
		return nil, err
	}
	if err := c.cs.CoreV1().Pods(ns).Delete(ctx, pod, metav1.DeleteOptions{}); err != nil {
		return nil, err
	}
	return text("deleted pod %s/%s", ns, pod), nil
}

func (c *Cluster) execInPod(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	pod, err := req.RequireString("pod")
	if err != nil {
		return nil, err
	}
	command := req.GetString("command", "")
	r := c.cs.CoreV1().RESTClient().Post().Resource("pods").Name(pod).Namespace("default").SubResource("exec").
		VersionedParams(&corev1.PodExecOptions{Command: []string{"sh", "-c", command}, Stdout: true, Stderr: true}, scheme.ParameterCodec)
	ex, err := remotecommand.NewSPDYExecutor(c.cfg, "POST", r.URL())
	if err != nil {
		return nil, err
	}
	var out, errOut bytes.Buffer
	if err := ex.StreamWithContext(ctx, remotecommand.StreamOptions{Stdout: &out, Stderr: &errOut}); err != nil {
		return nil, err
	}
	return text("%s%s", out.String(), errOut.String()), nil
}

func (c *Cluster) listDeployments(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	ns := req.GetString("namespace", "default")
	ds, err := c.cs.AppsV1().Deployments(ns).List(ctx, metav1.ListOptions{})
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, d := range ds.Items {
		lines = append(lines, fmt.Sprintf("%s %d/%d", d.Name, d.Status.ReadyReplicas, d.Status.Replicas))
	}
	return text("%s", strings.Join(lines, "\n")), nil
}

func (c *Cluster) scaleDeployment(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	name, err := req.RequireString("name")
	if err != nil {
		return nil, err
	}
	replicas := int32(req.GetInt("replicas", 1))
	sc := &autoscalingv1.Scale{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "default"},
		Spec:       autoscalingv1.ScaleSpec{Replicas: replicas},
	}
	if _, err := c.cs.AppsV1().Deployments("default").UpdateScale(ctx, name, sc, metav1.UpdateOptions{}); err != nil {
		return nil, err
	}
	return text("scaled %s to %d", name, replicas), nil
}

func (c *Cluster) deleteDeployment(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	ns := req.GetString("namespace", "default")
	name, err := req.RequireString("name")
	if err != nil {
		return nil, err
	}
	policy := metav1.DeletePropagationForeground
	if err := c.cs.AppsV1().Deployments(ns).Delete(ctx, name, metav1.DeleteOptions{PropagationPolicy: &policy}); err != nil {
		return nil, err
	}
	return text("deleted deployment %s/%s", ns, name), nil
}

func (c *Cluster) restartDeployment(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	ns := req.GetString("namespace", "default")
	name, err := req.RequireString("name")
	if err != nil {
		return nil, err
	}
	patch := []byte(`{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"now"}}}}}`)
	var d *appsv1.Deployment
	if d, err = c.cs.AppsV1().Deployments(ns).Patch(ctx, name, types.StrategicMergePatchType, patch, metav1.PatchOptions{}); err != nil {
		return nil, err
	}
	return text("restarted %s (generation %d)", d.Name, d.Generation), nil
}

func (c *Cluster) readSecret(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	ns := req.GetString("namespace", "default")
	name, err := req.RequireString("name")
	if err != nil {
		return nil, err
	}
	sec, err := c.cs.CoreV1().Secrets(ns).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return nil, err
	}
	var kv []string
	for k, v := range sec.Data {
		kv = append(kv, k+"="+string(v))
	}
	return text("%s", strings.Join(kv, "\n")), nil
}

func (c *Cluster) applyManifest(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	manifest, err := req.RequireString("manifest")
	if err != nil {
		return nil, err
	}
	obj := &unstructured.Unstructured{}
	if err := obj.UnmarshalJSON([]byte(manifest)); err != nil {
		return nil, err
	}
	gvk := obj.GroupVersionKind()
	gvr := schema.GroupVersionResource{Group: gvk.Group, Version: gvk.Version, Resource: strings.ToLower(gvk.Kind) + "s"}
	out, err := c.dyn.Resource(gvr).Namespace(obj.GetNamespace()).Apply(ctx, obj.GetName(), obj, metav1.ApplyOptions{FieldManager: "bench-heavy"})
	if err != nil {
		return nil, err
	}
	return text("applied %s %s", out.GetKind(), out.GetName()), nil
}
