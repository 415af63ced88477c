package main

import (
	"context"
	"os/exec"
	"runtime"
	"strings"
)

// The container tools run docker, a program that runs what some of its
// subcommands are given (run, exec, build): which subcommand a call gives
// it decides whether the model's words are a command or the operands of
// one that runs nothing of them (logs, rm, pull).

type docker struct{}

// dockerPath is docker's path, docker.exe on Windows.
var dockerPath = "docker"

func init() {
	if runtime.GOOS == "windows" {
		dockerPath = "docker.exe"
	}
}

func (docker) run(args ...string) (string, error) {
	out, err := exec.Command(dockerPath, args...).CombinedOutput() // want `container_group: exec os/exec\.Command \(tainted\)` `container_logs: exec os/exec\.Command \(tainted\)` `container_remove: exec os/exec\.Command \(tainted\)` `container_start: exec os/exec\.Command \(tainted\)` `image_pull: exec os/exec\.Command \(tainted\)` `BR101: tool container_group: model-controlled input reaches the command of os/exec\.Command` `BR301: tool container_group can run processes through os/exec\.Command with no confirmation before it` `BR303: tool container_group: a model-chosen command reaches os/exec\.Command with no sandbox or allowlist` `BR101: tool container_logs: model-controlled input reaches the arguments of os/exec\.Command, which runs one of docker logs, docker\.exe logs` `BR301: tool container_logs can run processes through os/exec\.Command with no confirmation before it` `BR101: tool container_remove: model-controlled input reaches the arguments of os/exec\.Command, which runs one of docker container rm, docker\.exe container rm` `BR301: tool container_remove can run processes through os/exec\.Command with no confirmation before it` `BR101: tool container_start: model-controlled input reaches the command of os/exec\.Command` `BR301: tool container_start can run processes through os/exec\.Command with no confirmation before it` `BR303: tool container_start: a model-chosen command reaches os/exec\.Command with no sandbox or allowlist` `BR101: tool image_pull: model-controlled input reaches the arguments of os/exec\.Command, which runs one of docker image pull, docker pull, docker\.exe image pull, docker\.exe pull` `BR301: tool image_pull can run processes through os/exec\.Command with no confirmation before it`
	return string(out), err
}

func containerLogs(ctx context.Context, p Params) (string, error) { // want `tool container_logs mcp-go-sdk constant` `BR304: tool container_logs can run processes with no rate limit` `BR305: tool container_logs is not logged with its arguments`
	name, err := p.String("name")
	if err != nil {
		return "", err
	}
	return p.Docker.run("logs", "--tail", "100", name)
}

func containerRemove(ctx context.Context, p Params) (string, error) { // want `tool container_remove mcp-go-sdk constant` `BR304: tool container_remove can run processes with no rate limit` `BR305: tool container_remove is not logged with its arguments`
	name, err := p.String("name")
	if err != nil {
		return "", err
	}
	return p.Docker.run("container", "rm", name)
}

// imagePull retries a short name with the registry's prefix, through the
// top-level subcommand.
func imagePull(ctx context.Context, p Params) (string, error) { // want `tool image_pull mcp-go-sdk constant` `BR304: tool image_pull can run processes with no rate limit` `BR305: tool image_pull is not logged with its arguments`
	image, err := p.String("image")
	if err != nil {
		return "", err
	}
	out, err := p.Docker.run("image", "pull", image)
	if err != nil && strings.Contains(out, "short-name") {
		return p.Docker.run("pull", "docker.io/"+image)
	}
	return out, err
}

// containerStart runs the model's image: whatever the image runs.
func containerStart(ctx context.Context, p Params) (string, error) { // want `tool container_start mcp-go-sdk constant` `BR304: tool container_start can run processes with no rate limit` `BR305: tool container_start is not logged with its arguments`
	image, err := p.String("image")
	if err != nil {
		return "", err
	}
	args := []string{"run", "--rm", "-d"}
	args = append(args, image)
	return p.Docker.run(args...)
}

// containerGroup lets the model pick the group's subcommand too.
func containerGroup(ctx context.Context, p Params) (string, error) { // want `tool container_group mcp-go-sdk constant` `BR304: tool container_group can run processes with no rate limit` `BR305: tool container_group is not logged with its arguments`
	action, err := p.String("action")
	if err != nil {
		return "", err
	}
	return p.Docker.run("container", action, "web")
}
