package traffic

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func write(t *testing.T, p string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func gzipped(parts ...string) []byte {
	var b bytes.Buffer
	for _, p := range parts {
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(p))
		zw.Close()
	}
	return b.Bytes()
}

func TestSourcesDirectory(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b.json", "a.json", "sub/c.json", ".hidden.json", ".git/x.json", "sub/.y"} {
		write(t, filepath.Join(dir, p), []byte("{}"))
	}
	one := filepath.Join(dir, "b.json")
	srcs, err := Sources([]string{dir, "-", one}, strings.NewReader(""))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range srcs {
		names = append(names, s.Name)
	}
	want := []string{filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json"), filepath.Join(dir, "sub/c.json"), "-", one}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("sources %v, want %v", names, want)
	}
	if !srcs[3].IsStdin() || srcs[0].IsStdin() {
		t.Error("IsStdin")
	}
}

func TestSourcesErrors(t *testing.T) {
	if _, err := Sources([]string{"-", "-"}, strings.NewReader("")); err == nil || !strings.Contains(err.Error(), "standard input given twice") {
		t.Errorf("stdin twice: %v", err)
	}
	missing := filepath.Join(t.TempDir(), "nope.json")
	if _, err := Sources([]string{missing}, nil); err == nil || !strings.HasPrefix(err.Error(), "-f "+missing+": ") {
		t.Errorf("missing: %v", err)
	}
	empty := t.TempDir()
	write(t, filepath.Join(empty, ".only-hidden"), nil)
	if _, err := Sources([]string{empty}, nil); err == nil || !strings.Contains(err.Error(), "holds no files") {
		t.Errorf("empty directory: %v", err)
	}
}

func readAll(t *testing.T, s Source) (string, error) {
	t.Helper()
	rc, err := s.Open()
	if err != nil {
		return "", err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	return string(b), err
}

func TestOpenGzip(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.gz") // the name says gzip, the bytes do not
	write(t, plain, []byte("hello\n"))
	multi := filepath.Join(dir, "multi.json") // gzip without the name
	write(t, multi, gzipped("first ", "second"))
	if got, err := readAll(t, Source{Name: plain}); err != nil || got != "hello\n" {
		t.Errorf("plain: %q %v", got, err)
	}
	if (Source{Name: plain}).IsGzip() || !(Source{Name: multi}).IsGzip() || (Source{Name: Stdin}).IsGzip() {
		t.Error("IsGzip by magic")
	}
	if got, err := readAll(t, Source{Name: multi}); err != nil || got != "first second" {
		t.Errorf("multi-member: %q %v", got, err)
	}
	srcs, _ := Sources([]string{"-"}, bytes.NewReader(gzipped("from stdin")))
	if got, err := readAll(t, srcs[0]); err != nil || got != "from stdin" {
		t.Errorf("stdin gzip: %q %v", got, err)
	}
	z := gzipped(strings.Repeat("some text ", 1000))
	cut := filepath.Join(dir, "cut.json.gz")
	write(t, cut, z[:len(z)/2])
	_, err := readAll(t, Source{Name: cut})
	var re *ReadError
	if !errors.As(err, &re) || err.Error() != cut+": truncated gzip stream (the file ends before the compressed data does)" {
		t.Errorf("truncated: %v", err)
	}
	bad := filepath.Join(dir, "bad.gz")
	write(t, bad, append([]byte{0x1f, 0x8b}, []byte("not really gzip at all")...))
	if _, err := readAll(t, Source{Name: bad}); err == nil || !strings.HasPrefix(err.Error(), bad+": ") {
		t.Errorf("corrupt header: %v", err)
	}
	if _, err := (Source{Name: filepath.Join(dir, "gone")}).Open(); err == nil || !strings.Contains(err.Error(), "gone") {
		t.Errorf("missing: %v", err)
	}
}

func TestProblemString(t *testing.T) {
	for _, c := range []struct {
		p    Problem
		want string
	}{
		{Problem{File: "a.json", Line: 3, Column: 7, Message: "m"}, "a.json:3:7: m"},
		{Problem{File: "a.json", Line: 3, Message: "m"}, "a.json:3: m"},
		{Problem{File: "a.json", Offset: 120, Message: "m"}, "a.json: byte 120: m"},
		// A column without a line is no position: the offset is.
		{Problem{File: "a.json", Column: 7, Offset: 120, Message: "m"}, "a.json: byte 120: m"},
		{Problem{File: "a.json", Line: 1, Column: 1, Message: "m"}, "a.json:1:1: m"},
		{Problem{File: "a.json", Line: 1, Offset: 120, Message: "m"}, "a.json:1: m"},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
		if got := (&Error{c.p}).Error(); got != c.want {
			t.Errorf("Error %q", got)
		}
	}
}

func TestOpenCounts(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.csv")
	if err := os.WriteFile(path, []byte("a\nb\nc"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := &Counter{}
	src := Source{Name: path, Count: c}
	r, err := src.Open()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadAll(r); err != nil {
		t.Fatal(err)
	}
	r.Close()
	if c.Bytes.Load() != 5 || c.Lines.Load() != 2 {
		t.Errorf("counted %d bytes, %d lines; want 5, 2", c.Bytes.Load(), c.Lines.Load())
	}
}
