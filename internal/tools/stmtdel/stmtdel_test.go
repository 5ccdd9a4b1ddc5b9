package main

import (
	"bytes"
	"encoding/json"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const fixture = "testdata/fixture/fixture.go"

type found struct {
	Line int
	Func string
	Kind Kind
	Text string
}

func findFixture(t *testing.T, ifs bool) ([]byte, []Site) {
	t.Helper()
	src, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	sites, err := FindSites(fixture, src, ifs)
	if err != nil {
		t.Fatal(err)
	}
	return src, sites
}

func TestFindSites(t *testing.T) {
	want := []found{
		{10, "Counter.Add", Assign, "c.n += k"},
		{17, "Sum", Assign, "total = total + x"},
		{25, "Shout", Define, "up := strings.ToUpper(s)"},
		{26, "Shout", Call, "b.WriteString(up)"},
		{28, "Shout", Call, `b.WriteString("!")`},
		{35, "Inc", IncDec, "n++"},
		{41, "Must", Call, `panic("unreachable")`},
	}
	for _, ifs := range []bool{false, true} {
		_, sites := findFixture(t, ifs)
		var got []found
		for _, s := range sites {
			got = append(got, found{s.Line, s.Func, s.Kind, s.Text})
		}
		w := want
		if ifs {
			// The if is met before the statements of its body.
			w = append(append(append([]found{}, want[:4]...), found{27, "Shout", IfBody, `if s != "" {…}`}), want[4:]...)
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("ifs=%v:\n got %v\nwant %v", ifs, got, w)
		}
	}
}

// Every candidate leaves a file that still parses, and says what it replaced.
func TestMutate(t *testing.T) {
	src, sites := findFixture(t, true)
	want := map[string][]string{
		"c.n += k":                 {"", "_ = k"},
		"up := strings.ToUpper(s)": {"up := stmtdelZero(strings.ToUpper(s))"},
		"total = total + x":        {"", "_ = total + x"},
		"b.WriteString(up)":        {"", "_ = []any{b.WriteString, up}"},
		`if s != "" {…}`:           {"{}"},
		"n++":                      {""},
		`panic("unreachable")`:     {""}, // a builtin has no func value
	}
	for _, s := range sites {
		if w, ok := want[s.Text]; ok && !reflect.DeepEqual(s.Candidates, w) {
			t.Errorf("%s: candidates %q, want %q", s.Text, s.Candidates, w)
		}
		for i, c := range s.Candidates {
			m := Mutate(src, s, i)
			if _, err := parser.ParseFile(token.NewFileSet(), "", m, 0); err != nil {
				t.Errorf("%s → %q: %v", s.Text, c, err)
			}
			if !bytes.Contains(m, []byte(c)) || bytes.Equal(m, src) {
				t.Errorf("%s → %q: not applied", s.Text, c)
			}
		}
	}
	// A span is replaced exactly: the bytes either side are untouched.
	for _, s := range sites {
		if s.Text == "n++" {
			m := string(Mutate(src, s, 0))
			if !strings.Contains(m, "func Inc(n int) int {\n\t\n\treturn n\n}") {
				t.Errorf("n++ deleted:\n%s", m)
			}
		}
	}
}

func TestZeroDefineForms(t *testing.T) {
	for src, want := range map[string]string{
		"a := f()":          "a := stmtdelZero(f())",
		"a, b := f()":       "a, b := stmtdelZero2(f())",
		"a, b, c := f()":    "a, b, c := stmtdelZero3(f())",
		"a, b := x, g(y)":   "a, b := stmtdelZero(x), stmtdelZero(g(y))",
		"a, b, c, d := f()": "",
	} {
		file := "package p\nfunc _() {\n" + src + "\n}\n"
		sites, err := FindSites("p.go", []byte(file), false)
		if err != nil {
			t.Fatal(err)
		}
		var got string
		if len(sites) == 1 {
			got = sites[0].Candidates[0]
		}
		if got != want {
			t.Errorf("%s: got %q, want %q", src, got, want)
		}
	}
}

func TestWriteOverlay(t *testing.T) {
	dir := t.TempDir()
	ov, err := WriteOverlay(dir, fixture, []byte("package fixture\n// mutated\n"), "fixture", true)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(ov)
	if err != nil {
		t.Fatal(err)
	}
	var o struct{ Replace map[string]string }
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(fixture)
	helper := filepath.Join(filepath.Dir(abs), "zz_stmtdel_zero.go")
	if len(o.Replace) != 2 || o.Replace[abs] == "" || o.Replace[helper] == "" {
		t.Fatalf("overlay %s", b)
	}
	if got, _ := os.ReadFile(o.Replace[abs]); string(got) != "package fixture\n// mutated\n" {
		t.Errorf("mutated file holds %q", got)
	}
	if got, _ := os.ReadFile(o.Replace[helper]); !bytes.HasPrefix(got, []byte("package fixture\n")) {
		t.Errorf("helper file holds %q", got)
	}
	for real, repl := range o.Replace {
		if !strings.HasPrefix(repl, dir) {
			t.Errorf("%s replaced by %s, outside the temp dir", real, repl)
		}
	}
	// The working tree is untouched and has no helper file.
	if _, err := os.Stat(helper); !os.IsNotExist(err) {
		t.Errorf("helper written into the tree: %v", err)
	}
}

func TestParseEquivalents(t *testing.T) {
	got, err := ReadEquivalents("testdata/fixture.md")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{
		"internal/tools/stmtdel/testdata/fixture/fixture.go:Shout: b.WriteString(up)":        true,
		"internal/tools/stmtdel/testdata/fixture/fixture.go:Shout: up := strings.ToUpper(s)": true,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v", got)
	}
	if _, err := parseEquivalents(strings.NewReader("```stmtdel-equivalents\nno separator\n```\n")); err == nil {
		t.Error("a malformed entry is accepted")
	}
}

// The whole run on the fixture module: each mutant's go test, the verdicts and
// the exit status.
func TestRunFixture(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test once per mutant")
	}
	var out bytes.Buffer
	o := options{jobs: 2, timeout: time.Minute, ifs: true, equiv: "testdata/fixture.md", verbose: true}
	code, err := run(o, []string{"testdata/fixture"}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if code != 1 {
		t.Errorf("exit status %d, want 1 (Shout's if survives)", code)
	}
	const f = "internal/tools/stmtdel/testdata/fixture/fixture.go"
	for _, line := range []string{
		"killed        " + f + ":10 Counter.Add: c.n += k",
		"killed        " + f + ":17 Sum: total = total + x",
		"equivalent    " + f + ":25 Shout: up := strings.ToUpper(s)",
		"equivalent    " + f + ":26 Shout: b.WriteString(up)",
		"survived      " + f + `:27 Shout: if s != "" {…}`,
		"survived      " + f + `:28 Shout: b.WriteString("!")`,
		"killed        " + f + ":35 Inc: n++",
		"not-compiling " + f + `:41 Must: panic("unreachable")`,
	} {
		if !strings.Contains(out.String(), line+"\n") {
			t.Errorf("output lacks %q:\n%s", line, out.String())
		}
	}
	summary := "internal/tools/stmtdel/testdata/fixture 8 3 2 2 1 0"
	if !strings.Contains(strings.Join(strings.Fields(out.String()), " "), summary) {
		t.Errorf("summary is not %q:\n%s", summary, out.String())
	}
}
