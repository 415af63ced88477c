// Package bad does not compile, on purpose (systemctl is undefined): the scan
// warns once about it and reports nothing from it, not even its tool.
package bad

import "os/exec"

// Restart restarts a service.
//
//blastradius:tool restart_service
func Restart(name string) error {
	return exec.Command(systemctl, "restart", name).Run()
}
