// Command no-tools is an ordinary program with no LLM tools: it runs a
// command and reads a file from main. A scan finds zero tools and so reports
// no capability, however dangerous the calls.
package main

import (
	"fmt"
	"log"
	"os"
	"os/exec"
)

func main() {
	out, err := exec.Command("uname", "-a").Output()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(out))
	motd, err := os.ReadFile("/etc/motd")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(motd))
}
