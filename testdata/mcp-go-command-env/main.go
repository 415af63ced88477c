// Command mcp-go-command-env runs fixed programs with environments that the
// model helps to build. The name of a variable decides what the program
// does with it (LD_PRELOAD loads a library into it, GIT_SSH_COMMAND and
// BASH_ENV name commands it runs, PATH which programs it finds), so a name
// the model chooses chooses what runs; a value under a name the code fixes
// is data.
package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// runTests runs the test suite with the variables the model asks for.
func runTests(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_tests mcp-go constant` `BR304: tool run_tests can run processes with no rate limit` `BR305: tool run_tests is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "go", "test", "./...") // want `run_tests: exec os/exec\.CommandContext`
	cmd.Env = os.Environ()                                 // want `run_tests: env os\.Environ`
	if vars, ok := req.GetArguments()["env"].(map[string]any); ok {
		for k, v := range vars {
			cmd.Env = append(cmd.Env, k+"="+fmt.Sprint(v)) // want `run_tests: exec \(\*os/exec\.Cmd\)\.Env \(tainted\)` `BR101: tool run_tests: model-controlled input names the variables of \(\*os/exec\.Cmd\)\.Env, or the command one holds, in the environment of the program run` `BR301: tool run_tests can run processes through \(\*os/exec\.Cmd\)\.Env with no confirmation before it` `BR303: tool run_tests: a model-chosen command reaches \(\*os/exec\.Cmd\)\.Env with no sandbox or allowlist`
		}
	}
	return output(cmd)
}

// buildWith runs make with variables the model gives as NAME=value lines.
func buildWith(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool build_with mcp-go constant` `BR304: tool build_with can run processes with no rate limit` `BR305: tool build_with is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "make", "all")                    // want `build_with: exec os/exec\.CommandContext`
	cmd.Env = append(os.Environ(), req.GetStringSlice("env", nil)...) // want `build_with: env os\.Environ` `build_with: exec \(\*os/exec\.Cmd\)\.Env \(tainted\)` `BR101: tool build_with: model-controlled input names the variables of \(\*os/exec\.Cmd\)\.Env, or the command one holds, in the environment of the program run` `BR301: tool build_with can run processes through \(\*os/exec\.Cmd\)\.Env with no confirmation before it` `BR303: tool build_with: a model-chosen command reaches \(\*os/exec\.Cmd\)\.Env with no sandbox or allowlist`
	return output(cmd)
}

// fetchRepo clones a repository with the variables made by a helper.
func fetchRepo(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool fetch_repo mcp-go constant` `BR304: tool fetch_repo can run processes with no rate limit` `BR305: tool fetch_repo is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "git", "clone", "https://git.example.com/app.git", "/srv/app") // want `fetch_repo: exec os/exec\.CommandContext`
	vars, _ := req.GetArguments()["env"].(map[string]any)
	cmd.Env = append(os.Environ(), environment(vars)...) // want `fetch_repo: env os\.Environ`
	return output(cmd)
}

// environment formats each variable as NAME=value.
func environment(vars map[string]any) []string {
	var out []string
	for k, v := range vars {
		out = append(out, fmt.Sprintf("%s=%v", k, v)) // want `fetch_repo: exec \(\*os/exec\.Cmd\)\.Env \(tainted\)` `BR101: tool fetch_repo: model-controlled input names the variables of \(\*os/exec\.Cmd\)\.Env, or the command one holds, in the environment of the program run` `BR301: tool fetch_repo can run processes through \(\*os/exec\.Cmd\)\.Env with no confirmation before it` `BR303: tool fetch_repo: a model-chosen command reaches \(\*os/exec\.Cmd\)\.Env with no sandbox or allowlist`
	}
	return out
}

// deploy runs the deploy script with the variables the model gives, joined
// into a list of its own.
func deploy(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool deploy mcp-go constant` `BR304: tool deploy can run processes with no rate limit` `BR305: tool deploy is not logged with its arguments`
	env := os.Environ() // want `deploy: env os\.Environ`
	vars, _ := req.GetArguments()["env"].(map[string]any)
	for k, v := range vars {
		env = append(env, strings.Join([]string{k, fmt.Sprint(v)}, "=")) // want `deploy: exec \(\*os/exec\.Cmd\)\.Env \(tainted\)` `BR101: tool deploy: model-controlled input names the variables of \(\*os/exec\.Cmd\)\.Env, or the command one holds, in the environment of the program run` `BR301: tool deploy can run processes through \(\*os/exec\.Cmd\)\.Env with no confirmation before it` `BR303: tool deploy: a model-chosen command reaches \(\*os/exec\.Cmd\)\.Env with no sandbox or allowlist`
	}
	cmd := exec.CommandContext(ctx, "/opt/app/deploy.sh") // want `deploy: exec os/exec\.CommandContext`
	cmd.Env = env
	return output(cmd)
}

// greet runs a fixed script with the model's name under a fixed variable:
// the value is data for the script.
func greet(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool greet mcp-go constant` `BR304: tool greet can run processes with no rate limit` `BR305: tool greet is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "/opt/app/greet")                                                                                        // want `greet: exec os/exec\.CommandContext` `BR301: tool greet can run processes through os/exec\.CommandContext with no confirmation before it`
	cmd.Env = append(os.Environ(), "GREETING_NAME="+req.GetString("name", ""), fmt.Sprintf("GREETING_LANG=%s", req.GetString("lang", "en"))) // want `greet: env os\.Environ`
	return output(cmd)
}

// configure sets one of the app's own variables, its name under the app's
// prefix: the model picks which APP_ variable, not LD_PRELOAD.
func configure(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool configure mcp-go constant` `BR304: tool configure can run processes with no rate limit` `BR305: tool configure is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "/opt/app/configure")                                                            // want `configure: exec os/exec\.CommandContext` `BR301: tool configure can run processes through os/exec\.CommandContext with no confirmation before it`
	cmd.Env = append(os.Environ(), "APP_"+strings.ToUpper(req.GetString("name", ""))+"="+req.GetString("value", "")) // want `configure: env os\.Environ`
	cmd.Env = append(cmd.Env, fmt.Sprintf("%s=%s", "APP_"+req.GetString("extra", ""), req.GetString("value", "")))
	return output(cmd)
}

// setAppVar sets a variable the model names once it is one of the app's.
func setAppVar(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool set_app_var mcp-go constant` `BR304: tool set_app_var can run processes with no rate limit` `BR305: tool set_app_var is not logged with its arguments`
	name := req.GetString("name", "")
	if !strings.HasPrefix(name, "APP_") { // want `set_app_var: guard allowlist strings\.HasPrefix for exec \(\*os/exec\.Cmd\)\.Env`
		return mcp.NewToolResultError("only APP_ variables"), nil
	}
	cmd := exec.CommandContext(ctx, "/opt/app/configure")               // want `set_app_var: exec os/exec\.CommandContext`
	cmd.Env = append(os.Environ(), name+"="+req.GetString("value", "")) // want `set_app_var: env os\.Environ` `set_app_var: exec \(\*os/exec\.Cmd\)\.Env` `BR301: tool set_app_var can run processes through \(\*os/exec\.Cmd\)\.Env with no confirmation before it`
	return output(cmd)
}

// setLoaderVar sets one of the dynamic loader's variables: the prefix is
// fixed, but "LD_" + "PRELOAD" loads the model's library into the program.
func setLoaderVar(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool set_loader_var mcp-go constant` `BR304: tool set_loader_var can run processes with no rate limit` `BR305: tool set_loader_var is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "/opt/app/configure")                                                           // want `set_loader_var: exec os/exec\.CommandContext`
	cmd.Env = append(os.Environ(), "LD_"+strings.ToUpper(req.GetString("name", ""))+"="+req.GetString("value", "")) // want `set_loader_var: env os\.Environ` `set_loader_var: exec \(\*os/exec\.Cmd\)\.Env \(tainted\)` `BR101: tool set_loader_var: model-controlled input names the variables of \(\*os/exec\.Cmd\)\.Env, or the command one holds, in the environment of the program run` `BR301: tool set_loader_var can run processes through \(\*os/exec\.Cmd\)\.Env with no confirmation before it` `BR303: tool set_loader_var: a model-chosen command reaches \(\*os/exec\.Cmd\)\.Env with no sandbox or allowlist`
	return output(cmd)
}

// preloadLib loads the model's library into the program: the name is a
// constant, formatted in, and its value is a library to load.
func preloadLib(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool preload_lib mcp-go constant` `BR304: tool preload_lib can run processes with no rate limit` `BR305: tool preload_lib is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "/opt/app/run")                                                  // want `preload_lib: exec os/exec\.CommandContext`
	cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%s", "LD_PRELOAD", req.GetString("library", ""))) // want `preload_lib: env os\.Environ` `preload_lib: exec \(\*os/exec\.Cmd\)\.Env \(tainted\)` `BR101: tool preload_lib: model-controlled input names the variables of \(\*os/exec\.Cmd\)\.Env, or the command one holds, in the environment of the program run` `BR301: tool preload_lib can run processes through \(\*os/exec\.Cmd\)\.Env with no confirmation before it` `BR303: tool preload_lib: a model-chosen command reaches \(\*os/exec\.Cmd\)\.Env with no sandbox or allowlist`
	return output(cmd)
}

// cloneWithKey clones over SSH with the key the model names, in the
// command git runs for ssh: the model writes that command line.
func cloneWithKey(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool clone_with_key mcp-go constant` `BR304: tool clone_with_key can run processes with no rate limit` `BR305: tool clone_with_key is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "git", "clone", "git@git.example.com:app.git", "/srv/app") // want `clone_with_key: exec os/exec\.CommandContext`
	cmd.Env = append(os.Environ(), "GIT_SSH_COMMAND=ssh -i "+req.GetString("key_path", ""))    // want `clone_with_key: env os\.Environ` `clone_with_key: exec \(\*os/exec\.Cmd\)\.Env \(tainted\)` `BR101: tool clone_with_key: model-controlled input names the variables of \(\*os/exec\.Cmd\)\.Env, or the command one holds, in the environment of the program run` `BR301: tool clone_with_key can run processes through \(\*os/exec\.Cmd\)\.Env with no confirmation before it` `BR303: tool clone_with_key: a model-chosen command reaches \(\*os/exec\.Cmd\)\.Env with no sandbox or allowlist`
	return output(cmd)
}

// launcher runs the app as the user the model names, in the variable the
// operator configured: the name is the program's, the value data.
type launcher struct{ userVar string }

func (l *launcher) launch(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool launch mcp-go constant` `BR304: tool launch can run processes with no rate limit` `BR305: tool launch is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "/opt/app/launch") // want `launch: exec os/exec\.CommandContext` `BR301: tool launch can run processes through os/exec\.CommandContext with no confirmation before it`
	cmd.Env = append(cmd.Env, l.userVar+"="+req.GetString("user", ""))
	return output(cmd)
}

// allowedVars are the variables runChecked lets the model set.
var allowedVars = map[string]bool{"GOOS": true, "CGO_ENABLED": true}

// baseVars are the variables every check runs with, from the operator's
// configuration.
var baseVars = map[string]string{}

// runChecked sets only the variables on its list.
func runChecked(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool run_checked mcp-go constant` `BR304: tool run_checked can run processes with no rate limit` `BR305: tool run_checked is not logged with its arguments`
	cmd := exec.CommandContext(ctx, "go", "vet", "./...") // want `run_checked: exec os/exec\.CommandContext`
	for k, v := range baseVars {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	vars, _ := req.GetArguments()["env"].(map[string]any)
	for k, v := range vars {
		name := strings.ToUpper(k)
		if !allowedVars[name] { // want `run_checked: guard allowlist map lookup for exec \(\*os/exec\.Cmd\)\.Env`
			return mcp.NewToolResultError("variable not allowed: " + k), nil
		}
		cmd.Env = append(cmd.Env, name+"="+fmt.Sprint(v)) // want `run_checked: exec \(\*os/exec\.Cmd\)\.Env` `BR301: tool run_checked can run processes through \(\*os/exec\.Cmd\)\.Env with no confirmation before it`
	}
	return output(cmd)
}

func output(cmd *exec.Cmd) (*mcp.CallToolResult, error) {
	out, err := cmd.CombinedOutput()
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

func main() {
	s := server.NewMCPServer("command-env", "1.0.0") // want `agent command-env server mcp-go: build_with, clone_with_key, configure, deploy, fetch_repo, greet, launch, preload_lib, run_checked, run_tests, set_app_var, set_loader_var`
	s.AddTool(mcp.NewTool("run_tests"), runTests)
	s.AddTool(mcp.NewTool("build_with"), buildWith)
	s.AddTool(mcp.NewTool("fetch_repo"), fetchRepo)
	s.AddTool(mcp.NewTool("greet"), greet)
	s.AddTool(mcp.NewTool("deploy"), deploy)
	s.AddTool(mcp.NewTool("configure"), configure)
	s.AddTool(mcp.NewTool("clone_with_key"), cloneWithKey)
	s.AddTool(mcp.NewTool("set_app_var"), setAppVar)
	s.AddTool(mcp.NewTool("set_loader_var"), setLoaderVar)
	s.AddTool(mcp.NewTool("preload_lib"), preloadLib)
	l := &launcher{userVar: os.Getenv("APP_USER_VARIABLE")}
	s.AddTool(mcp.NewTool("launch"), l.launch)
	s.AddTool(mcp.NewTool("run_checked"), runChecked)
	_ = server.ServeStdio(s)
}
