package cmd

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// fullWriter fails every write, as /dev/full does.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// Any failed write to standard output, help and usage included, exits 1 with one
// line on stderr: connectcap --help > /dev/full must not pass for success.
func TestWriteErrorExitsOne(t *testing.T) {
	for _, args := range [][]string{
		{"--help"},
		{"help", "calls"},
		{"calls", "--help"},
		{"--version"},
		{"version"},
		{"version", "-o", "json"},
		{"calls", "--cph", "100", "--duration", "6"},
		{"quotas", "-o", "csv"},
		{"plan", "init"},
		{"plan", "schema"},
	} {
		var errOut bytes.Buffer
		app := App{Stdin: strings.NewReader(""), Stdout: fullWriter{}, Stderr: &errOut,
			LookupEnv: func(string) (string, bool) { return "", false }, Environ: func() []string { return nil }}
		code := Execute(app, args)
		if code != ExitError {
			t.Errorf("connectcap %s > /dev/full: exit %d, want %d", strings.Join(args, " "), code, ExitError)
		}
		if got := errOut.String(); strings.Count(got, "\n") != 1 || !strings.Contains(got, "no space left on device") {
			t.Errorf("connectcap %s > /dev/full: stderr %q, want one line naming the error", strings.Join(args, " "), got)
		}
	}
}

// COLUMNS sets the table width when it is a positive whole number.
func TestTerminalWidth(t *testing.T) {
	for _, tc := range []struct {
		columns string
		set     bool
		want    int
	}{
		{"", false, 100}, {"80", true, 80}, {" 132 ", true, 132}, {"0", true, 100}, {"-5", true, 100}, {"wide", true, 100}, {"", true, 100},
	} {
		app := App{Stdout: &bytes.Buffer{}, LookupEnv: func(name string) (string, bool) {
			if name == "COLUMNS" {
				return tc.columns, tc.set
			}
			return "", false
		}}
		if got := terminalWidth(app); got != tc.want {
			t.Errorf("COLUMNS=%q (set %v): width %d, want %d", tc.columns, tc.set, got, tc.want)
		}
	}
}
