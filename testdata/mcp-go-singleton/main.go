// Command mcp-go-singleton keeps its settings with viper's package-level
// functions. They go through viper's global instance, which viper makes in
// its own init function, with the file system (afero's OsFs) that
// WriteConfig writes through: a tool that saves the settings writes a
// file, although no code of the module ever makes that file system.
package main

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"github.com/spf13/viper"
)

// saveTheme changes a setting and writes the configuration file.
func saveTheme(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	viper.Set("theme", req.GetString("theme", "dark"))
	if err := viper.WriteConfig(); err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("saved"), nil
}

// previewTheme only changes the setting in memory.
func previewTheme(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	viper.Set("theme", req.GetString("theme", "dark"))
	return mcp.NewToolResultText("previewing"), nil
}

func main() {
	viper.SetConfigFile("/etc/notes/settings.yaml")
	s := server.NewMCPServer("settings", "1.0.0")
	s.AddTool(mcp.NewTool("save_theme", mcp.WithString("theme")), saveTheme)
	s.AddTool(mcp.NewTool("preview_theme", mcp.WithString("theme")), previewTheme)
	_ = server.ServeStdio(s)
}
