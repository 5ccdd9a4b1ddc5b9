package cmd_test

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/cmd"
)

// The README shows real output of real commands; this keeps it true. Each
// ```console block starting "$ connectcap ARGS" is run from the repository root
// and compared. version is left out: its output depends on how the binary was
// built.
func TestREADMEExamples(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir("..")
	blocks := regexp.MustCompile("(?s)```console\n\\$ connectcap ([^\n]*)\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 10 {
		t.Fatalf("found %d console examples in README.md; the pattern no longer matches", len(blocks))
	}
	for _, b := range blocks {
		args, want := strings.Fields(b[1]), b[2]
		if args[0] == "version" {
			continue
		}
		var out, errs bytes.Buffer
		app := cmd.App{Stdout: &out, Stderr: &errs, Stdin: &bytes.Buffer{},
			LookupEnv: func(string) (string, bool) { return "", false }, Environ: func() []string { return nil }}
		if code := cmd.Execute(app, args); code != 0 {
			t.Errorf("connectcap %s: exit %d: %s", b[1], code, errs.String())
			continue
		}
		if strings.TrimRight(out.String(), "\n") != strings.TrimRight(want, "\n") {
			t.Errorf("README.md's output of 'connectcap %s' is stale; got:\n%s", b[1], out.String())
		}
	}
}
