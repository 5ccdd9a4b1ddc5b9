// Command stmtdel is a statement-deletion checker: for each call, assignment and
// inc/dec statement (and, with -if, each if body) in a package's non-test files, it
// runs that package's tests with the statement removed and reports whether they
// noticed. Mutants reach go test through -overlay, so the working tree is never
// written. A survivor that docs/TESTING.md does not list as equivalent makes the
// exit status 1.
//
//	go run ./internal/tools/stmtdel [-jobs 2] [-timeout 30s] [-if] [-run REGEXP] [-files GLOB] [-list] [-v] ./calc ./tables
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Result is what the tests made of one mutant.
type Result string

const (
	Killed      Result = "killed"
	Survived    Result = "survived"
	Equivalent  Result = "equivalent" // survived, and listed as equivalent
	NotCompiled Result = "not-compiling"
	TimedOut    Result = "timed-out"
)

type options struct {
	jobs     int
	timeout  time.Duration
	ifs      bool
	run      string
	files    string
	equiv    string
	verbose  bool
	list     bool
	progress io.Writer // each verdict as it comes, when verbose; nil for none
}

func main() {
	var o options
	flag.IntVar(&o.jobs, "jobs", 2, "mutants tested at once")
	flag.DurationVar(&o.timeout, "timeout", 30*time.Second, "per-mutant go test -timeout (a deleted loop step hangs until then)")
	flag.BoolVar(&o.ifs, "if", false, "also drop the bodies of if statements")
	flag.StringVar(&o.run, "run", "", "passed to go test -run")
	flag.StringVar(&o.files, "files", "", "only files whose base name matches this glob (e.g. queueing.go, *.go)")
	flag.StringVar(&o.equiv, "equivalents", "", "file holding the stmtdel-equivalents block (default docs/TESTING.md at the module root)")
	flag.BoolVar(&o.list, "list", false, "list the statements that would be deleted, and run nothing")
	flag.BoolVar(&o.verbose, "v", false, "print every mutant, not only survivors, and progress on stderr")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: stmtdel [flags] package-dir...")
		flag.PrintDefaults()
	}
	flag.Parse()
	o.progress = os.Stderr
	if flag.NArg() == 0 || o.jobs < 1 {
		flag.Usage()
		os.Exit(2)
	}
	code, err := run(o, flag.Args(), os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "stmtdel:", err)
		os.Exit(2)
	}
	os.Exit(code)
}

type mutant struct {
	site Site
	rel  string // file path relative to the module root, slash-separated
	dir  string // package directory
	pkg  string // package name
	src  []byte
	res  Result
}

func run(o options, dirs []string, out io.Writer) (int, error) {
	root, err := moduleRoot()
	if err != nil {
		return 0, err
	}
	if o.equiv == "" {
		o.equiv = filepath.Join(root, "docs", "TESTING.md")
	}
	equiv, err := ReadEquivalents(o.equiv)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return 0, err
	}
	var ms []*mutant
	for _, dir := range dirs {
		found, err := packageMutants(root, dir, o)
		if err != nil {
			return 0, err
		}
		if o.list {
			for _, m := range found {
				fmt.Fprintf(out, "%-6s %s:%d %s: %s\n", m.site.Kind, m.rel, m.site.Line, m.site.Func, m.site.Text)
			}
			continue
		}
		if len(found) > 0 {
			// Unmutated, the tests must pass, or every mutant would look killed.
			if r, msg := goTest(dir, "", o); r != Survived {
				return 0, fmt.Errorf("%s: tests do not pass before mutation (%s):\n%s", dir, r, msg)
			}
		}
		ms = append(ms, found...)
	}
	if o.list {
		return 0, nil
	}
	tmp, err := os.MkdirTemp("", "stmtdel-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)
	// Interrupted, remove the overlays before going.
	stop, done := make(chan os.Signal, 1), make(chan struct{})
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(stop)
	defer close(done)
	go func() {
		select {
		case <-stop:
			os.RemoveAll(tmp)
			os.Exit(130)
		case <-done:
		}
	}()

	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < o.jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				m := ms[i]
				m.res = NotCompiled
				for c := range m.site.Candidates {
					d := filepath.Join(tmp, fmt.Sprintf("%d-%d", i, c))
					if err := os.Mkdir(d, 0o755); err != nil {
						panic(err)
					}
					ov, err := WriteOverlay(d, m.site.File, Mutate(m.src, m.site, c), m.pkg, m.site.NeedsZero)
					if err != nil {
						panic(err)
					}
					if r, _ := goTest(m.dir, ov, o); r != NotCompiled {
						m.res = r
						break
					}
				}
				if m.res == Survived && equiv[m.site.Key(m.rel)] {
					m.res = Equivalent
				}
				if o.verbose && o.progress != nil {
					fmt.Fprintf(o.progress, "stmtdel: %-13s %s:%d\n", m.res, m.rel, m.site.Line)
				}
			}
		}()
	}
	for i := range ms {
		work <- i
	}
	close(work)
	wg.Wait()
	for _, m := range ms {
		if o.verbose || m.res == Survived {
			fmt.Fprintf(out, "%-13s %s:%d %s: %s\n", m.res, m.rel, m.site.Line, m.site.Func, m.site.Text)
		}
	}
	return report(ms, equiv, out), nil
}

// packageMutants lists the sites of dir's non-test .go files that match o.files.
func packageMutants(root, dir string, o options) ([]*mutant, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var ms []*mutant
	for _, p := range paths {
		base := filepath.Base(p)
		if strings.HasSuffix(base, "_test.go") {
			continue
		}
		if o.files != "" {
			if ok, err := filepath.Match(o.files, base); err != nil {
				return nil, err
			} else if !ok {
				continue
			}
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, src, parser.PackageClauseOnly)
		if err != nil {
			return nil, err
		}
		sites, err := FindSites(p, src, o.ifs)
		if err != nil {
			return nil, err
		}
		abs, _ := filepath.Abs(p)
		rel, err := filepath.Rel(root, abs)
		if err != nil {
			return nil, err
		}
		for _, s := range sites {
			ms = append(ms, &mutant{site: s, rel: filepath.ToSlash(rel), dir: dir, pkg: f.Name.Name, src: src})
		}
	}
	return ms, nil
}

// goTest runs the tests of the one package in dir, under the overlay when one is
// given. Survived means the tests passed.
func goTest(dir, overlay string, o options) (Result, string) {
	args := []string{"test", "-count=1", "-vet=off", "-timeout=" + o.timeout.String()}
	if overlay != "" {
		args = append(args, "-overlay="+overlay)
	}
	if o.run != "" {
		args = append(args, "-run="+o.run)
	}
	ctx, cancel := context.WithTimeout(context.Background(), o.timeout+time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", append(args, ".")...)
	cmd.Dir = dir
	cmd.WaitDelay = 10 * time.Second
	b, err := cmd.CombinedOutput()
	switch {
	case err == nil:
		return Survived, string(b)
	case ctx.Err() != nil, bytes.Contains(b, []byte("panic: test timed out")):
		return TimedOut, string(b)
	case bytes.Contains(b, []byte("[build failed]")), bytes.Contains(b, []byte("[setup failed]")):
		return NotCompiled, string(b)
	}
	return Killed, string(b)
}

// report prints the per-package table and the survivors; it returns 1 when a
// survivor is not listed as equivalent.
func report(ms []*mutant, equiv map[string]bool, out io.Writer) int {
	type counts map[Result]int
	byPkg := map[string]counts{}
	var order []string
	code := 0
	used := map[string]bool{}
	for _, m := range ms {
		p := filepath.ToSlash(filepath.Dir(m.rel))
		if byPkg[p] == nil {
			byPkg[p] = counts{}
			order = append(order, p)
		}
		byPkg[p][m.res]++
		if m.res == Survived {
			code = 1
		}
		if m.res == Equivalent {
			used[m.site.Key(m.rel)] = true
		}
	}
	fmt.Fprintf(out, "\n%-24s %7s %7s %8s %10s %13s %9s\n", "package", "mutants", "killed", "survived", "equivalent", "not-compiling", "timed-out")
	for _, p := range order {
		c := byPkg[p]
		total := 0
		for _, n := range c {
			total += n
		}
		fmt.Fprintf(out, "%-24s %7d %7d %8d %10d %13d %9d\n", p, total, c[Killed], c[Survived], c[Equivalent], c[NotCompiled], c[TimedOut])
	}
	// An entry for a file run this time that matched no survivor is stale.
	ran := map[string]bool{}
	for _, m := range ms {
		ran[m.rel] = true
	}
	var stale []string
	for k := range equiv {
		if file, _, _ := strings.Cut(k, ":"); ran[file] && !used[k] {
			stale = append(stale, k)
		}
	}
	sort.Strings(stale)
	for _, k := range stale {
		fmt.Fprintf(out, "note: equivalent entry matched no survivor: %s\n", k)
	}
	return code
}

// ReadEquivalents reads the lines of every ```stmtdel-equivalents fenced block in
// path: "file:function: statement text", file relative to the module root.
// Blank lines and lines starting with # are ignored.
func ReadEquivalents(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return map[string]bool{}, err
	}
	defer f.Close()
	return parseEquivalents(f)
}

func parseEquivalents(r io.Reader) (map[string]bool, error) {
	equiv := map[string]bool{}
	in := false
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "```"):
			in = !in && strings.TrimSpace(strings.TrimPrefix(line, "```")) == "stmtdel-equivalents"
		case in && line != "" && !strings.HasPrefix(line, "#"):
			file, rest, ok1 := strings.Cut(line, ":")
			fn, text, ok2 := strings.Cut(rest, ": ")
			if !ok1 || !ok2 {
				return nil, fmt.Errorf("equivalents: %q is not file:function: statement", line)
			}
			equiv[file+":"+fn+": "+strings.Join(strings.Fields(text), " ")] = true
		}
	}
	return equiv, sc.Err()
}

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("not inside a Go module")
	}
	return filepath.Dir(gomod), nil
}
