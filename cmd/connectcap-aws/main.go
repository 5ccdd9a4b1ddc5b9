// Command connectcap-aws reads and writes the live account for connectcap (the
// account command, plan --applied account, request --submit and request
// status). Install it next to connectcap; connectcap runs it.
package main

import (
	"os"

	"github.com/connectcap/connectcap/internal/awscli"
)

func main() { os.Exit(awscli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
