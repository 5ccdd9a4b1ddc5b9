package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/spf13/cobra"
)

// awsHelperName is the program that reads and writes the account. It alone
// links the AWS SDK, whose package set-up would otherwise slow every command's
// start (docs/PERFORMANCE.md).
const awsHelperName = "connectcap-aws"

// findAWSHelper finds connectcap-aws next to the running connectcap, then on
// PATH.
func findAWSHelper() (string, error) {
	if exe, err := os.Executable(); err == nil {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			exe = real
		}
		p := filepath.Join(filepath.Dir(exe), awsHelperName)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, nil
		}
	}
	if p, err := exec.LookPath(awsHelperName); err == nil {
		return p, nil
	}
	return "", fmt.Errorf("%s not found next to connectcap or on PATH: it reads the account with the AWS SDK, kept apart so that the other commands start fast; install it beside connectcap (the release archives hold both; go install github.com/connectcap/connectcap/cmd/connectcap-aws@latest; from a clone: go build -o \"$(dirname \"$(command -v connectcap)\")\" ./cmd/connectcap-aws)", awsHelperName)
}

// runAWSHelper runs connectcap-aws with args and stdin and returns its
// standard output; its standard error (errors, --debug lines) passes through.
func runAWSHelper(inv *invocation, cmd *cobra.Command, stdin []byte, args ...string) ([]byte, error) {
	find := inv.app.AWSHelper
	if find == nil {
		find = findAWSHelper
	}
	path, err := find()
	if err != nil {
		return nil, err
	}
	c := exec.CommandContext(cmd.Context(), path, args...)
	if inv.app.Environ != nil {
		c.Env = inv.app.Environ()
	}
	c.Stdin = bytes.NewReader(stdin)
	var out bytes.Buffer
	c.Stdout = &out
	c.Stderr = cmd.ErrOrStderr()
	if err := c.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, exitCode(ExitError)
		}
		return nil, fmt.Errorf("%s: %v", awsHelperName, err)
	}
	return out.Bytes(), nil
}
