// Command mcp-sdk-hints is an MCP server built with the official
// modelcontextprotocol/go-sdk whose tools declare behaviour hints
// (ToolAnnotations). Some hints tell the truth, some do not, and one is not
// a constant (BR501).
package main

import (
	"context"
	"flag"
	"io"
	"log"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// cacheDir holds what the server caches.
const cacheDir = "/var/cache/hints"

// NameInput names a file under cacheDir.
type NameInput struct {
	Name string `json:"name"`
}

// URLInput is an address the model chooses.
type URLInput struct {
	URL string `json:"url"`
}

// Text is a tool's output.
type Text struct {
	Text string `json:"text"`
}

// listCache lists the cache and changes nothing: its read-only hint is true.
func listCache(ctx context.Context, req *mcp.CallToolRequest, in NameInput) (*mcp.CallToolResult, Text, error) { // want `tool list_cache mcp\-go\-sdk constant` `BR305: tool list_cache is not logged with its arguments`
	entries, err := os.ReadDir(cacheDir) // want `list_cache: fs\-read os\.ReadDir`
	if err != nil {
		return nil, Text{}, err
	}
	out := ""
	for _, e := range entries {
		out += e.Name() + "\n"
	}
	return nil, Text{Text: out}, nil
}

// clearCache says it is read-only, and deletes.
func clearCache(ctx context.Context, req *mcp.CallToolRequest, in NameInput) (*mcp.CallToolResult, Text, error) { // want `tool clear_cache mcp\-go\-sdk constant` `BR304: tool clear_cache can write files with no rate limit` `BR305: tool clear_cache is not logged with its arguments`
	if err := os.RemoveAll(filepath.Join(cacheDir, filepath.Base(in.Name))); err != nil { // want `clear_cache: fs\-write os\.RemoveAll` `BR301: tool clear_cache can write files through os\.RemoveAll with no confirmation before it`
		return nil, Text{}, err
	}
	return nil, Text{Text: "cleared"}, nil
}

// rotateLogs says it destroys nothing, and deletes the old log.
func rotateLogs(ctx context.Context, req *mcp.CallToolRequest, in NameInput) (*mcp.CallToolResult, Text, error) { // want `tool rotate_logs mcp\-go\-sdk constant` `BR304: tool rotate_logs can write files with no rate limit` `BR305: tool rotate_logs is not logged with its arguments`
	if err := os.Remove("/var/log/hints/old.log"); err != nil { // want `rotate_logs: fs\-write os\.Remove` `BR301: tool rotate_logs can write files through os\.Remove with no confirmation before it`
		return nil, Text{}, err
	}
	return nil, Text{Text: "rotated"}, nil
}

// checkLink says its world is closed, and requests the URL the model
// gives.
func checkLink(ctx context.Context, req *mcp.CallToolRequest, in URLInput) (*mcp.CallToolResult, Text, error) { // want `tool check_link mcp\-go\-sdk constant` `BR305: tool check_link is not logged with its arguments`
	resp, err := http.Get(in.URL) // want `check_link: network net/http\.Get \(tainted\)` `BR103: tool check_link: model\-controlled input reaches the URL or address of net/http\.Get` `BR203: tool check_link returns web content fetched by net/http\.Get to the model, where it can carry instructions`
	if err != nil {
		return nil, Text{}, err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	return nil, Text{Text: resp.Status}, nil
}

// runReport runs a fixed report; whether it says it is read-only depends
// on a flag.
func runReport(ctx context.Context, req *mcp.CallToolRequest, in NameInput) (*mcp.CallToolResult, Text, error) { // want `tool run_report mcp\-go\-sdk constant` `BR304: tool run_report can run processes with no rate limit` `BR305: tool run_report is not logged with its arguments`
	out, err := exec.CommandContext(ctx, "/usr/local/bin/report").Output() // want `run_report: exec os/exec\.CommandContext` `BR301: tool run_report can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return nil, Text{}, err
	}
	return nil, Text{Text: string(out)}, nil
}

// git runs git in the repository the server serves.
func git(ctx context.Context, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...) // want `pack_repo: exec os/exec\.CommandContext` `recent_commits: exec os/exec\.CommandContext` `BR301: tool pack_repo can run processes through os/exec\.CommandContext with no confirmation before it` `BR301: tool recent_commits can run processes through os/exec\.CommandContext with no confirmation before it` `diff_stat: exec os/exec\.CommandContext` `BR301: tool diff_stat can run processes through os/exec\.CommandContext with no confirmation before it`
	cmd.Dir = "/srv/repo"
	return cmd.Output()
}

// recentCommits shows the log: git log only reads, so its read-only hint
// is true.
func recentCommits(ctx context.Context, req *mcp.CallToolRequest, in NameInput) (*mcp.CallToolResult, Text, error) { // want `tool recent_commits mcp-go-sdk constant` `BR304: tool recent_commits can run processes with no rate limit` `BR305: tool recent_commits is not logged with its arguments`
	out, err := git(ctx, "log", "--oneline", "-n", "20")
	if err != nil {
		return nil, Text{}, err
	}
	return nil, Text{Text: string(out)}, nil
}

// diffStat shows what the last commit changed, with its stat when the
// server is verbose: git show reads either way.
func diffStat(ctx context.Context, req *mcp.CallToolRequest, in NameInput) (*mcp.CallToolResult, Text, error) { // want `tool diff_stat mcp-go-sdk constant` `BR304: tool diff_stat can run processes with no rate limit` `BR305: tool diff_stat is not logged with its arguments`
	args := []string{"show", "HEAD"}
	if verbose {
		args = append(args, "--stat")
	}
	out, err := git(ctx, args...)
	if err != nil {
		return nil, Text{}, err
	}
	return nil, Text{Text: string(out)}, nil
}

var verbose = os.Getenv("HINTS_VERBOSE") != ""

// packRepo says it is read-only, but git gc rewrites the repository.
func packRepo(ctx context.Context, req *mcp.CallToolRequest, in NameInput) (*mcp.CallToolResult, Text, error) { // want `tool pack_repo mcp-go-sdk constant` `BR304: tool pack_repo can run processes with no rate limit` `BR305: tool pack_repo is not logged with its arguments`
	out, err := git(ctx, "gc", "--quiet")
	if err != nil {
		return nil, Text{}, err
	}
	return nil, Text{Text: string(out)}, nil
}

// fileHistory runs git log with the model's words: an option it adds can
// make git write (--output=FILE), so its read-only hint is not believed.
func fileHistory(ctx context.Context, req *mcp.CallToolRequest, in NameInput) (*mcp.CallToolResult, Text, error) { // want `tool file_history mcp-go-sdk constant` `BR304: tool file_history can run processes with no rate limit` `BR305: tool file_history is not logged with its arguments`
	out, err := exec.CommandContext(ctx, "git", "log", in.Name).Output() // want `file_history: exec os/exec\.CommandContext \(tainted\)` `BR101: tool file_history: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs git` `BR301: tool file_history can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return nil, Text{}, err
	}
	return nil, Text{Text: string(out)}, nil
}

// containerLogs shows a container's logs: the model names the container
// a reader reads, which deletes nothing.
func containerLogs(ctx context.Context, req *mcp.CallToolRequest, in NameInput) (*mcp.CallToolResult, Text, error) { // want `tool container_logs mcp-go-sdk constant` `BR304: tool container_logs can run processes with no rate limit` `BR305: tool container_logs is not logged with its arguments`
	out, err := exec.CommandContext(ctx, "podman", "logs", in.Name).Output() // want `container_logs: exec os/exec\.CommandContext \(tainted\)` `BR101: tool container_logs: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs podman logs` `BR301: tool container_logs can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return nil, Text{}, err
	}
	return nil, Text{Text: string(out)}, nil
}

// removeContainer removes the container the model names: its hint that
// it deletes nothing is wrong.
func removeContainer(ctx context.Context, req *mcp.CallToolRequest, in NameInput) (*mcp.CallToolResult, Text, error) { // want `tool remove_container mcp-go-sdk constant` `BR304: tool remove_container can run processes with no rate limit` `BR305: tool remove_container is not logged with its arguments`
	out, err := exec.CommandContext(ctx, "podman", "rm", in.Name).Output() // want `remove_container: exec os/exec\.CommandContext \(tainted\)` `BR101: tool remove_container: model-controlled input reaches the arguments of os/exec\.CommandContext, which runs podman rm` `BR301: tool remove_container can run processes through os/exec\.CommandContext with no confirmation before it`
	if err != nil {
		return nil, Text{}, err
	}
	return nil, Text{Text: string(out)}, nil
}

// no is a pointer to false, for the hints that are pointers.
func no() *bool {
	b := false
	return &b
}

func main() {
	safe := flag.Bool("report-read-only", true, "declare run_report read-only")
	flag.Parse()
	s := mcp.NewServer(&mcp.Implementation{Name: "hints", Version: "v1.0.0"}, nil)                                                       // want `BR403: agent hints: check_link returns untrusted content \(net/http\.Get\), check_link sends data where the model says \(net/http\.Get\);.*` `agent hints server mcp-go-sdk: check_link, clear_cache, container_logs, diff_stat, file_history, list_cache, pack_repo, recent_commits, remove_container, rotate_logs, run_report`
	mcp.AddTool(s, &mcp.Tool{Name: "list_cache", Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true}}, listCache)                      // want `list_cache: hints read\-only=true`
	mcp.AddTool(s, &mcp.Tool{Name: "clear_cache", Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true}}, clearCache)                    // want `clear_cache: hints read\-only=true` `BR501: tool clear_cache declares readOnlyHint true but can change something: fs\-write os\.RemoveAll`
	mcp.AddTool(s, &mcp.Tool{Name: "rotate_logs", Annotations: &mcp.ToolAnnotations{DestructiveHint: no()}}, rotateLogs)                 // want `rotate_logs: hints destructive=false` `BR501: tool rotate_logs declares destructiveHint false but can delete: fs\-write os\.Remove`
	mcp.AddTool(s, &mcp.Tool{Name: "check_link", Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true, OpenWorldHint: no()}}, checkLink) // want `check_link: hints read\-only=true open\-world=false` `BR501: tool check_link declares openWorldHint false but can reach any destination the model names: network net/http\.Get`
	mcp.AddTool(s, &mcp.Tool{Name: "run_report", Annotations: &mcp.ToolAnnotations{ReadOnlyHint: *safe}}, runReport)                     // want `run_report: hints read\-only=unknown` `BR501: tool run_report: its readOnlyHint is not a constant, and the tool can change something \(exec os/exec\.CommandContext\): check the values it takes`
	mcp.AddTool(s, &mcp.Tool{Name: "recent_commits", Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true}}, recentCommits)              // want `recent_commits: hints read-only=true`
	mcp.AddTool(s, &mcp.Tool{Name: "diff_stat", Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true}}, diffStat)                        // want `diff_stat: hints read-only=true`
	mcp.AddTool(s, &mcp.Tool{Name: "pack_repo", Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true}}, packRepo)                        // want `pack_repo: hints read-only=true` `BR501: tool pack_repo declares readOnlyHint true but can change something: exec os/exec\.CommandContext`
	mcp.AddTool(s, &mcp.Tool{Name: "container_logs", Annotations: &mcp.ToolAnnotations{DestructiveHint: no()}}, containerLogs)           // want `container_logs: hints destructive=false`
	mcp.AddTool(s, &mcp.Tool{Name: "remove_container", Annotations: &mcp.ToolAnnotations{DestructiveHint: no()}}, removeContainer)       // want `remove_container: hints destructive=false` `BR501: tool remove_container declares destructiveHint false but can delete: exec os/exec\.CommandContext`
	mcp.AddTool(s, &mcp.Tool{Name: "file_history", Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true}}, fileHistory)                  // want `file_history: hints read-only=true` `BR501: tool file_history declares readOnlyHint true but can change something: exec os/exec\.CommandContext`
	if err := s.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
		log.Fatal(err)
	}
}
