package cmd

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// exampleUpdate is the package's -update flag, which script_test.go declares:
// with it, TestExamples rewrites the examples' golden files too.
func exampleUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// exampleRuns are the command lines whose output each example keeps as a golden
// file next to it: examples/NAME.golden and examples/NAME.request.sh.golden.
var exampleRuns = []struct {
	suffix  string
	args    func(file string) []string
	code    int
	columns string // COLUMNS, the terminal width tables fit
	only    string // the one example this run is for; "" for all
}{
	{".golden", func(file string) []string { return []string{"plan", "-f", file} }, ExitOK, "", ""},
	{".request.sh.golden", func(file string) []string { return []string{"request", "-f", file} }, ExitOK, "", ""},
	{".80.golden", func(file string) []string { return []string{"plan", "-f", file} }, ExitOK, "80", "enterprise-6000"},
	{".120.golden", func(file string) []string { return []string{"plan", "-f", file} }, ExitOK, "120", "enterprise-6000"},
}

// TestExamples runs the real command tree on every plan in examples/ and compares
// its output with the golden files kept beside the plan. Regenerate them with
//
//	go test ./cmd -run TestExamples -update
func TestExamples(t *testing.T) {
	t.Chdir("..") // the outputs name the plan file as a user in the repository root types it
	plans, err := filepath.Glob(filepath.Join("examples", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(plans) < 3 {
		t.Fatalf("examples/ holds %d plans, want at least 3", len(plans))
	}
	for _, file := range plans {
		base := strings.TrimSuffix(file, ".yaml")
		for _, run := range exampleRuns {
			if run.only != "" && filepath.Base(base) != run.only {
				continue
			}
			golden := base + run.suffix
			t.Run(filepath.Base(golden), func(t *testing.T) {
				args := run.args(filepath.ToSlash(file))
				stdout, stderr, code := runExample(args, run.columns)
				if w, err := strconv.Atoi(run.columns); err == nil {
					for i, line := range strings.Split(stdout, "\n") {
						if n := utf8.RuneCountInString(line); n > w {
							t.Errorf("line %d is %d columns wide, more than COLUMNS=%d: %s", i+1, n, w, line)
						}
					}
				}
				if code != run.code || stderr != "" {
					t.Fatalf("connectcap %s: exit %d, want %d; stderr:\n%s", strings.Join(args, " "), code, run.code, stderr)
				}
				if exampleUpdate() {
					if err := os.WriteFile(golden, []byte(stdout), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if stdout != string(want) {
					t.Errorf("connectcap %s differs from %s (run with -update to accept):\n%s", strings.Join(args, " "), golden, lineDiff(string(want), stdout))
				}
			})
		}
	}
}

// runExample runs connectcap with args, no config file, and no environment but
// COLUMNS when columns is not empty.
func runExample(args []string, columns string) (stdout, stderr string, code int) {
	var out, errOut bytes.Buffer
	app := App{
		Stdin:  strings.NewReader(""),
		Stdout: &out,
		Stderr: &errOut,
		LookupEnv: func(name string) (string, bool) {
			if name == "COLUMNS" && columns != "" {
				return columns, true
			}
			return "", false
		},
		Environ: func() []string { return nil },
	}
	code = Execute(app, args)
	return out.String(), errOut.String(), code
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl + "\n")
			shown++
		}
	}
	return b.String()
}
