// Command eino-library-tools hands an eino agent two tools of a library
// module (toolkit): their types are the library's, their methods run only
// when the SDK calls them, and each is a tool, named by its Info.
package main

import (
	"context"
	"log"

	"example.com/toolkit"
	"github.com/cloudwego/eino/components/tool"
	"github.com/cloudwego/eino/compose"
)

func main() {
	ctx := context.Background()
	node, err := compose.NewToolNode(ctx, &compose.ToolsNodeConfig{
		Tools: []tool.BaseTool{toolkit.NewShell("/srv/work"), toolkit.Clock{}}, // want `agent compose\.ToolsNodeConfig agent eino: clock, shell`
	})
	if err != nil {
		log.Fatal(err)
	}
	_ = node
}
