package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// repoRoot is the repository root, seen from this package's directory.
const repoRoot = "../.."

// TestCommittedFilesAreCurrent fails when docs/, docs/man/ or completions/ differ
// from what the command tree generates now.
func TestCommittedFilesAreCurrent(t *testing.T) {
	want, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	stale := false
	paths := make([]string, 0, len(want))
	for p := range want {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		b := want[p]
		got, err := os.ReadFile(filepath.Join(repoRoot, filepath.FromSlash(p)))
		switch {
		case os.IsNotExist(err):
			t.Errorf("%s is missing", p)
			stale = true
		case err != nil:
			t.Fatal(err)
		case !bytes.Equal(got, b):
			t.Errorf("%s differs from what the commands generate", p)
			stale = true
		}
	}
	existing, err := owned(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range existing {
		if _, ok := want[p]; !ok {
			t.Errorf("%s is no longer generated (a removed command?)", p)
			stale = true
		}
	}
	if stale {
		t.Log("regenerate with 'go generate ./...' from the repository root and commit the result")
	}
}

// TestGenerateIsReproducible checks that two runs give the same bytes and that
// writing into an empty directory and regenerating there changes nothing.
func TestGenerateIsReproducible(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "0")
	a, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p := range a {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("%s differs between two runs", p)
		}
		if bytes.Contains(a[p], []byte("Auto generated")) {
			t.Errorf("%s carries a generation stamp", p)
		}
	}

	dir := t.TempDir()
	stale := filepath.Join(dir, "docs", "connectcap_removed.md")
	handWritten := filepath.Join(dir, "docs", "PERFORMANCE.md")
	for _, p := range []string{stale, handWritten} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := write(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the page of a removed command was kept: %v", err)
	}
	if got, err := os.ReadFile(handWritten); err != nil || string(got) != "x\n" {
		t.Errorf("docs/PERFORMANCE.md was changed: %q, %v", got, err)
	}
	for p, want := range a {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s not written as generated: %v", p, err)
		}
	}
	for _, p := range []string{"docs/connectcap.md", "docs/connectcap_exit-codes.md", "docs/man/connectcap-quotas-show.1",
		"completions/connectcap.bash", "completions/connectcap.zsh", "completions/connectcap.fish", "completions/connectcap.ps1"} {
		if _, ok := a[p]; !ok {
			t.Errorf("%s is not generated", p)
		}
	}
}
