// Command gendocs writes connectcap's command reference (docs/connectcap*.md), its
// man pages (docs/man/*.1) and its shell completion scripts (completions/) from the
// command tree the binary runs. Run it with 'go generate ./...' from the repository
// root after changing a command or a flag; a test fails while the committed files
// differ from what it writes.
//
// The output is byte-for-byte reproducible: no generation stamp and a fixed man page
// date. docs/ holds hand-written files too (PERFORMANCE.md): gendocs writes and
// removes only the files it owns there, docs/connectcap*.md and docs/man/*.1.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/connectcap/connectcap/cmd"
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// manDate is the date in the man pages' header (printed as "Nov 2026"). It is fixed
// so that regenerating changes nothing; move it when a release changes the pages.
var manDate = time.Date(2026, time.November, 1, 0, 0, 0, 0, time.UTC)

// Where the generated files go, relative to the repository root.
const (
	docsDir        = "docs"
	manDir         = "docs/man"
	completionsDir = "completions"
)

func main() {
	root := flag.String("root", ".", "repository root to write into")
	flag.Parse()
	if err := write(*root); err != nil {
		fmt.Fprintf(os.Stderr, "gendocs: %v\n", err)
		os.Exit(1)
	}
}

// Generate returns every generated file, by slash-separated path relative to the
// repository root.
func Generate() (map[string][]byte, error) {
	root := cmd.NewRootForDocs()
	var all []*cobra.Command
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.DisableAutoGenTag = true
		all = append(all, c)
		for _, sub := range c.Commands() {
			// Help topics (commands with no Run, such as exit-codes) get pages
			// too; cobra's own tree walk skips them.
			if sub.IsAvailableCommand() || sub.IsAdditionalHelpTopicCommand() {
				walk(sub)
			}
		}
	}
	walk(root)

	files := map[string][]byte{}
	for _, c := range all {
		base := strings.ReplaceAll(c.CommandPath(), " ", "_")
		var md bytes.Buffer
		if err := doc.GenMarkdownCustom(c, &md, func(s string) string { return s }); err != nil {
			return nil, fmt.Errorf("markdown for %s: %v", c.CommandPath(), err)
		}
		files[docsDir+"/"+base+".md"] = md.Bytes()

		date := manDate
		header := &doc.GenManHeader{Section: "1", Date: &date, Source: "connectcap", Manual: "connectcap manual"}
		var man bytes.Buffer
		if err := doc.GenMan(c, header, &man); err != nil {
			return nil, fmt.Errorf("man page for %s: %v", c.CommandPath(), err)
		}
		files[manDir+"/"+strings.ReplaceAll(c.CommandPath(), " ", "-")+".1"] = man.Bytes()
	}

	completions := []struct {
		name string
		gen  func(*bytes.Buffer) error
	}{
		{"connectcap.bash", func(b *bytes.Buffer) error { return root.GenBashCompletionV2(b, true) }},
		{"connectcap.zsh", func(b *bytes.Buffer) error { return root.GenZshCompletion(b) }},
		{"connectcap.fish", func(b *bytes.Buffer) error { return root.GenFishCompletion(b, true) }},
		{"connectcap.ps1", func(b *bytes.Buffer) error { return root.GenPowerShellCompletionWithDesc(b) }},
	}
	for _, c := range completions {
		var b bytes.Buffer
		if err := c.gen(&b); err != nil {
			return nil, fmt.Errorf("completion %s: %v", c.name, err)
		}
		files[completionsDir+"/"+c.name] = b.Bytes()
	}
	return files, nil
}

// owned lists the files under root that gendocs owns now: what it would remove
// before writing.
func owned(root string) ([]string, error) {
	var out []string
	add := func(dir string, match func(name string) bool) error {
		entries, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(dir)))
		if err != nil {
			if os.IsNotExist(err) {
				return nil
			}
			return err
		}
		for _, e := range entries {
			if e.Type().IsRegular() && match(e.Name()) {
				out = append(out, dir+"/"+e.Name())
			}
		}
		return nil
	}
	if err := add(docsDir, func(n string) bool { return strings.HasPrefix(n, "connectcap") && strings.HasSuffix(n, ".md") }); err != nil {
		return nil, err
	}
	if err := add(manDir, func(n string) bool { return strings.HasSuffix(n, ".1") }); err != nil {
		return nil, err
	}
	if err := add(completionsDir, func(string) bool { return true }); err != nil {
		return nil, err
	}
	sort.Strings(out)
	return out, nil
}

// write regenerates the files under root and removes owned files that are no
// longer generated (the pages of a removed command).
func write(root string) error {
	files, err := Generate()
	if err != nil {
		return err
	}
	existing, err := owned(root)
	if err != nil {
		return err
	}
	for _, p := range existing {
		if _, keep := files[p]; !keep {
			if err := os.Remove(filepath.Join(root, filepath.FromSlash(p))); err != nil {
				return err
			}
		}
	}
	for p, b := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if old, err := os.ReadFile(full); err == nil && bytes.Equal(old, b) {
			continue
		}
		if err := os.WriteFile(full, b, fs.FileMode(0o644)); err != nil {
			return err
		}
	}
	return nil
}
