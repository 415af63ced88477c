// Command mcp-go-confine is a workspace server whose tools take paths,
// commands and URLs from the model. Some confine them before use, in a
// helper that returns an error unless the value passed (a path inside the
// workspace, a program on an allowlist, a host on an allowlist); others
// make a check that confines nothing (a prefix of an uncleaned path, a
// search for "..", an allowed first word of a line that a shell runs).
// Only the first kind keeps the call from being the model's choice.
package main

import (
	"log"
	"net/http"
	"os"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

type workspace struct {
	// root is the directory the tools may touch, absolute and clean.
	root   string
	client *http.Client
	// docs is the documentation site's URL.
	docs string
	// validate and lenient check a path before a tool uses it.
	validate, lenient func(string) error
	// strict says whether read_optional confines its path.
	strict bool
}

func main() {
	w := &workspace{root: "/srv/workspace", client: &http.Client{}, validate: localPath, lenient: localPath,
		strict: os.Getenv("WORKSPACE_STRICT") != ""}
	if os.Getenv("WORKSPACE_TRUSTING") != "" {
		w.trust()
	}
	srv := server.NewMCPServer("workspace", "1.0.0") // want `agent workspace server mcp-go: api_get, doc_page, fetch_any, fetch_doc, fetch_endpoint, fetch_status, git_copied, git_raw, joined_page, list_dir, list_named, mirror_path, mirror_status, module_info, package_versions, proxy_get, read_base_only, read_based, read_checked, read_dotless, read_file, read_hidden, read_lenient, read_local, read_named, read_no_dots, read_normalized, read_optional, read_page, read_prefixed, read_relative, read_rooted, read_tidied, read_trimmed, read_within, run_allowed, run_batch, run_line, run_listed, run_quoted, run_resolved, run_switch, run_tool, run_vetted, save_file, save_note, save_resolved, search_docs, shell_allowed, shell_joined, shell_rejoined, shell_vetted, write_canonical, write_file` `BR401: agent workspace: read_based returns private data \(os\.ReadFile\), fetch_doc returns untrusted content .*api_get sends data where the model says .*`
	path := mcp.WithString("path", mcp.Required())
	srv.AddTool(mcp.NewTool("read_file", path), w.readFile)
	srv.AddTool(mcp.NewTool("write_file", path, mcp.WithString("text")), w.writeFile)
	srv.AddTool(mcp.NewTool("save_file", path, mcp.WithString("text"), mcp.WithBoolean("overwrite")), w.saveFile)
	srv.AddTool(mcp.NewTool("list_dir", path), w.listDir)
	srv.AddTool(mcp.NewTool("read_local", path), w.readLocal)
	srv.AddTool(mcp.NewTool("read_page", path), w.readPage)
	srv.AddTool(mcp.NewTool("read_relative", path), w.readRelative)
	srv.AddTool(mcp.NewTool("read_no_dots", path), w.readNoDots)
	srv.AddTool(mcp.NewTool("save_resolved", path), w.saveResolved)
	srv.AddTool(mcp.NewTool("read_prefixed", path), w.readPrefixed)
	srv.AddTool(mcp.NewTool("read_dotless", path), w.readDotless)
	srv.AddTool(mcp.NewTool("read_checked", path), w.readChecked)
	srv.AddTool(mcp.NewTool("read_lenient", path), w.readLenient)
	srv.AddTool(mcp.NewTool("read_within", path), w.readWithin)
	srv.AddTool(mcp.NewTool("read_optional", path), w.readOptional)
	srv.AddTool(mcp.NewTool("read_normalized", path), w.readNormalized)
	srv.AddTool(mcp.NewTool("write_canonical", path, mcp.WithString("text")), w.writeCanonical)
	srv.AddTool(mcp.NewTool("read_tidied", path), w.readTidied)
	srv.AddTool(mcp.NewTool("read_rooted", path), w.readRooted)
	srv.AddTool(mcp.NewTool("read_hidden", path), w.readHidden)
	name := mcp.WithString("name", mcp.Required())
	srv.AddTool(mcp.NewTool("read_named", name), w.readNamed)
	srv.AddTool(mcp.NewTool("read_based", name), w.readBased)
	srv.AddTool(mcp.NewTool("read_base_only", name), w.readBaseOnly)
	srv.AddTool(mcp.NewTool("list_named", name), w.listNamed)
	srv.AddTool(mcp.NewTool("read_trimmed", path), w.readTrimmed)
	srv.AddTool(mcp.NewTool("run_tool", mcp.WithString("command", mcp.Required())), w.runTool)
	srv.AddTool(mcp.NewTool("run_switch", mcp.WithString("program", mcp.Required()), mcp.WithString("arg")), w.runSwitch)
	srv.AddTool(mcp.NewTool("run_line", mcp.WithString("command", mcp.Required())), w.runLine)
	srv.AddTool(mcp.NewTool("run_listed", mcp.WithString("command", mcp.Required())), w.runListed)
	srv.AddTool(mcp.NewTool("git_raw", mcp.WithString("command", mcp.Required())), w.gitRaw)
	srv.AddTool(mcp.NewTool("git_copied", mcp.WithString("command", mcp.Required())), w.gitCopied)
	srv.AddTool(mcp.NewTool("run_allowed", mcp.WithString("command", mcp.Required())), w.runAllowed)
	srv.AddTool(mcp.NewTool("shell_allowed", mcp.WithString("command", mcp.Required())), w.shellAllowed)
	srv.AddTool(mcp.NewTool("shell_vetted", mcp.WithString("command", mcp.Required())), w.shellVetted)
	srv.AddTool(mcp.NewTool("run_vetted", mcp.WithString("command", mcp.Required())), w.runVetted)
	srv.AddTool(mcp.NewTool("run_resolved", mcp.WithString("command", mcp.Required())), w.runResolved)
	srv.AddTool(mcp.NewTool("run_quoted", mcp.WithString("program", mcp.Required()), mcp.WithString("args")), w.runQuoted)
	srv.AddTool(mcp.NewTool("run_batch", mcp.WithString("commands", mcp.Required())), w.runBatch)
	srv.AddTool(mcp.NewTool("shell_rejoined", mcp.WithString("command", mcp.Required())), w.shellRejoined)
	srv.AddTool(mcp.NewTool("shell_joined", mcp.WithString("command", mcp.Required())), w.shellJoined)
	srv.AddTool(mcp.NewTool("fetch_doc", mcp.WithString("url", mcp.Required())), w.fetchDoc)
	srv.AddTool(mcp.NewTool("fetch_any", mcp.WithString("url", mcp.Required())), w.fetchAny)
	srv.AddTool(mcp.NewTool("fetch_status", mcp.WithString("scheme", mcp.Required()), mcp.WithString("host", mcp.Required())), w.fetchStatus)
	srv.AddTool(mcp.NewTool("fetch_endpoint", mcp.WithString("scheme", mcp.Required()), mcp.WithString("addr", mcp.Required())), w.fetchEndpoint)
	srv.AddTool(mcp.NewTool("save_note", mcp.WithString("text", mcp.Required())), w.saveNote)
	srv.AddTool(mcp.NewTool("module_info", mcp.WithString("module", mcp.Required())), w.moduleInfo)
	srv.AddTool(mcp.NewTool("package_versions", mcp.WithString("module", mcp.Required())), w.packageVersions)
	srv.AddTool(mcp.NewTool("search_docs", mcp.WithString("query")), w.searchDocs)
	srv.AddTool(mcp.NewTool("doc_page", mcp.WithString("page")), w.docPage)
	srv.AddTool(mcp.NewTool("joined_page", mcp.WithString("page")), w.joinedPage)
	srv.AddTool(mcp.NewTool("mirror_status", mcp.WithString("mirror", mcp.Required())), w.mirrorStatus)
	srv.AddTool(mcp.NewTool("proxy_get", mcp.WithString("host"), mcp.WithString("path")), w.proxyGet)
	srv.AddTool(mcp.NewTool("api_get", mcp.WithString("base"), mcp.WithString("id")), w.apiGet)
	srv.AddTool(mcp.NewTool("mirror_path", mcp.WithString("mirror")), w.mirrorPath)
	if err := server.ServeStdio(srv); err != nil {
		log.Fatal(err)
	}
}
