package traffic

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
)

// Source is one input: a file, or standard input ("-").
type Source struct {
	// Name is the path as given, or found in a directory; "-" for stdin.
	Name  string
	stdin io.Reader
	// Count, when not nil, counts the bytes and lines read through Open, for
	// progress reports.
	Count *Counter
}

// Counter counts bytes and lines read, safe to read from another goroutine.
type Counter struct{ Bytes, Lines atomic.Int64 }

// counting counts what passes through it.
type counting struct {
	r io.Reader
	c *Counter
}

func (c *counting) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.c.Bytes.Add(int64(n))
	c.c.Lines.Add(int64(bytes.Count(p[:n], []byte{'\n'})))
	return n, err
}

// Stdin names standard input among -f arguments.
const Stdin = "-"

// Sources expands -f arguments: a file, a directory (every regular file under it,
// hidden ones skipped, in lexical order), or "-" for stdin (at most once). An
// argument that does not exist, or a directory without files, is an error naming
// it.
func Sources(args []string, stdin io.Reader) ([]Source, error) {
	var out []Source
	seenStdin := false
	for _, a := range args {
		if a == Stdin {
			if seenStdin {
				return nil, fmt.Errorf("-f -: standard input given twice")
			}
			seenStdin = true
			out = append(out, Source{Name: Stdin, stdin: stdin})
			continue
		}
		info, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("-f %s: %w", a, plainPathError(err))
		}
		if !info.IsDir() {
			out = append(out, Source{Name: a})
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != a && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("-f %s: %w", a, plainPathError(err))
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("-f %s: the directory holds no files", a)
		}
		slices.Sort(found)
		for _, p := range found {
			out = append(out, Source{Name: p})
		}
	}
	return out, nil
}

func plainPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// IsStdin reports whether the source is standard input.
func (s Source) IsStdin() bool { return s.Name == Stdin }

// Open opens the source, decompressing gzip (recognised by its magic bytes,
// whatever the name). Reading a truncated or corrupt gzip stream fails with an
// error that Describe turns into one line naming the file.
func (s Source) Open() (io.ReadCloser, error) {
	var raw io.ReadCloser
	if s.IsStdin() {
		raw = io.NopCloser(s.stdin)
	} else {
		f, err := os.Open(s.Name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.Name, plainPathError(err))
		}
		raw = f
	}
	br := bufio.NewReaderSize(raw, 1<<16)
	magic, _ := br.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			raw.Close()
			return nil, fmt.Errorf("%s: not a readable gzip stream: %v", s.Name, err)
		}
		zr.Multistream(true)
		return &readCloser{Reader: s.counted(&gzipErrors{name: s.Name, r: zr}), close: raw.Close}, nil
	}
	return &readCloser{Reader: s.counted(br), close: raw.Close}, nil
}

func (s Source) counted(r io.Reader) io.Reader {
	if s.Count == nil {
		return r
	}
	return &counting{r: r, c: s.Count}
}

// IsGzip reports whether the named file starts with the gzip magic bytes (false
// for stdin and unreadable files): a plain file can be read in parallel chunks.
func (s Source) IsGzip() bool {
	if s.IsStdin() {
		return false
	}
	f, err := os.Open(s.Name)
	if err != nil {
		return false
	}
	defer f.Close()
	var b [2]byte
	n, _ := io.ReadFull(f, b[:])
	return n == 2 && b[0] == 0x1f && b[1] == 0x8b
}

type readCloser struct {
	io.Reader
	close func() error
}

func (r *readCloser) Close() error { return r.close() }

// gzipErrors names the file in a decompression error: a stream cut short reads
// as "truncated gzip stream", not a bare unexpected EOF.
type gzipErrors struct {
	name string
	r    io.Reader
}

func (g *gzipErrors) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = fmt.Errorf("%s: truncated gzip stream (the file ends before the compressed data does)", g.name)
		} else {
			err = fmt.Errorf("%s: corrupt gzip stream: %v", g.name, err)
		}
		return n, &ReadError{Err: err}
	}
	return n, err
}

// ReadError is a failure to read a source (not bad content): it stops the run
// with exit 1 whether or not --strict is given.
type ReadError struct{ Err error }

func (e *ReadError) Error() string { return e.Err.Error() }
func (e *ReadError) Unwrap() error { return e.Err }
