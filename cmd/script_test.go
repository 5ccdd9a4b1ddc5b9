package cmd

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/internal/awscli"
	"github.com/rogpeppe/go-internal/testscript"
)

var updateScripts = flag.Bool("update", false, "rewrite files in testdata/script/*.txtar that cmp finds different")

// TestMain lets the test binary run as connectcap and as connectcap-aws inside
// the scripts and, on PATH, for the account tests.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"connectcap":     func() { os.Exit(Execute(DefaultApp(BuildInfo{}), os.Args[1:])) },
		"connectcap-aws": func() { os.Exit(awscli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScript runs the end-to-end scripts in testdata/script. Each runs the real
// command line in a fresh directory with an empty environment: HOME=/no-home, no
// CONNECTCAP_ variables, no XDG_CONFIG_HOME. $GOLDEN is render/testdata, so a
// script can compare a command's output with the golden files the render tests
// keep.
func TestScript(t *testing.T) {
	golden, err := filepath.Abs(filepath.Join("..", "render", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       *updateScripts,
		Setup: func(env *testscript.Env) error {
			env.Setenv("GOLDEN", golden)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status": cmdStatus,
			"lines":  cmdLines,
		},
	})
}

// cmdStatus runs a program and checks its exit status:
//
//	status CODE program [args...]
//
// Its stdout and stderr are then checked with stdout and stderr, as after exec.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status CODE program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		got = exitErr.ExitCode()
	case err != nil:
		ts.Fatalf("%v", err)
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// cmdLines checks that the last command's stdout or stderr holds exactly N lines,
// each ended by a newline:
//
//	lines stdout|stderr N
func cmdLines(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 || (args[0] != "stdout" && args[0] != "stderr") {
		ts.Fatalf("usage: lines stdout|stderr N")
	}
	want, err := strconv.Atoi(args[1])
	ts.Check(err)
	text := ts.ReadFile(args[0])
	got := strings.Count(text, "\n")
	if text != "" && !strings.HasSuffix(text, "\n") {
		ts.Fatalf("%s does not end with a newline: %q", args[0], text)
	}
	if got != want {
		ts.Fatalf("%s has %d lines, want %d:\n%s", args[0], got, want, text)
	}
	for _, l := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if want > 0 && strings.TrimSpace(l) == "" {
			ts.Fatalf("%s has a blank line:\n%s", args[0], text)
		}
	}
}
