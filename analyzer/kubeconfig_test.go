package analyzer_test

import "testing"

// TestInterfaceFieldsInSummaries scans mcp-go-kubeconfig, whose tools read
// the kubeconfig through the clientcmd.ClientConfig a server keeps:
// client-go's DeferredLoadingClientConfig calls the loader the server gave
// its constructor, a call through client-go's own interface on which the
// summary's VTA graph has no callee (no type flows into the field inside
// client-go). The summary follows it to client-go's loaders, so
// contexts_list, which hands the model the contexts, reads files (the
// witness ends at LoadFromFile's os.ReadFile in client-go). kubeconfig_ok
// reads the same files but tells the model nothing of them, and pods_list
// only sends the kubeconfig's namespace in a REST request
// (Get().Namespace(ns)...Do().Raw()), whose answer is the cluster's, not
// the namespace: those reads are the server's configuration. The namespace
// the request's chain takes is the model's when it gives one, so the
// cluster read is the model's choice (tainted). None writes:
// migrating a legacy kubeconfig is client-go's own upkeep (notsink in
// api.cat). The read is in client-go's code, where no want comment can
// state it.
func TestInterfaceFieldsInSummaries(t *testing.T) {
	wantCaps := []string{
		"contexts_list: fs-read os.ReadFile",
		"pods_list: cloud-read (k8s.io/client-go/rest.Interface).Get (tainted)",
	}
	wantFindings := []string{"BR305 contexts_list ", "BR305 pods_list "}
	checkLists(t, "mcp-go-kubeconfig", wantCaps, wantFindings)
}
