// Command connectcap plans Amazon Connect capacity against its service quotas.
package main

import (
	"os"

	"github.com/connectcap/connectcap/cmd"
)

// Set by the release build (-ldflags "-X main.version=... -X main.commit=... -X main.date=...").
var (
	version = ""
	commit  = ""
	date    = ""
)

func main() {
	os.Exit(cmd.Execute(cmd.DefaultApp(cmd.BuildInfo{Version: version, Commit: commit, Date: date}), os.Args[1:]))
}
