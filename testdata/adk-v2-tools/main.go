// Command adk-v2-tools is an agent on ADK's second major version
// (google.golang.org/adk/v2): the catalog's lines, written for the first
// (google.golang.org/adk/tool/functiontool.New), match it too.
package main

import (
	"log"
	"os"
	"os/exec"

	"google.golang.org/adk/v2/agent"
	"google.golang.org/adk/v2/agent/llmagent"
	"google.golang.org/adk/v2/tool"
	"google.golang.org/adk/v2/tool/functiontool"
)

type dirArgs struct {
	Dir string `json:"dir"`
}

type hostArgs struct {
	Host string `json:"host"`
}

type result struct {
	Text string `json:"text"`
}

func listDir(ctx agent.Context, in dirArgs) (result, error) { // want `tool list_dir adk constant` `BR305: tool list_dir is not logged with its arguments`
	entries, err := os.ReadDir(in.Dir) // want `list_dir: fs-read os\.ReadDir \(tainted\)` `BR104: tool list_dir: model-controlled input reaches the file path of os\.ReadDir`
	if err != nil {
		return result{}, err
	}
	text := ""
	for _, e := range entries {
		text += e.Name() + "\n"
	}
	return result{Text: text}, nil
}

func pingHost(ctx agent.Context, in hostArgs) (result, error) { // want `tool ping_host adk constant` `BR304: tool ping_host can run processes with no rate limit` `BR305: tool ping_host is not logged with its arguments`
	out, err := exec.Command("ping", "-c", "1", in.Host).CombinedOutput() // want `ping_host: exec os/exec\.Command \(tainted\)` `BR101: tool ping_host: model-controlled input reaches the arguments of os/exec\.Command, which runs ping` `BR301: tool ping_host can run processes through os/exec\.Command with no confirmation before it`
	return result{Text: string(out)}, err
}

func main() {
	list, err := functiontool.New(functiontool.Config{Name: "list_dir", Description: "List a directory."}, listDir)
	if err != nil {
		log.Fatal(err)
	}
	ping, err := functiontool.New(functiontool.Config{Name: "ping_host", Description: "Ping a host once."}, pingHost)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := llmagent.New(llmagent.Config{Name: "netops", Tools: []tool.Tool{list, ping}}); err != nil { // want `agent netops agent adk: list_dir, ping_host`
		log.Fatal(err)
	}
}
