package cmd

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/connectcap/connectcap/internal/traffic"
)

func TestProgressShowsAfterASecondAndClears(t *testing.T) {
	var w bytes.Buffer
	p := &progress{w: &w, noun: "records"}
	p.show(1_000_000, 10, 500*time.Millisecond)
	if w.Len() != 0 {
		t.Fatalf("shown before a second: %q", w.String())
	}
	p.show(250_000_000, 150_000, 2*time.Second)
	if got, want := w.String(), "\r\033[K250 MB, 150000 records, 125 MB/s"; got != want {
		t.Errorf("progress = %q, want %q", got, want)
	}
	p.done()
	if !strings.HasSuffix(w.String(), "\r\033[K") {
		t.Errorf("done did not clear the line: %q", w.String())
	}
}

func TestProgressNilAndQuiet(t *testing.T) {
	var p *progress // stderr not a terminal
	p.show(1, 1, time.Hour)
	p.watch(&traffic.Counter{})
	p.done()
	var w bytes.Buffer
	q := &progress{w: &w, noun: "lines"}
	q.watch(&traffic.Counter{})
	q.done() // stopped before a second: nothing shown, nothing cleared
	if w.Len() != 0 {
		t.Errorf("wrote %q", w.String())
	}
}

func TestProgressNeverOnAPipe(t *testing.T) {
	// Tests run with stderr a pipe or a file: no meter.
	inv := &invocation{app: App{Stderr: &bytes.Buffer{}}}
	if newProgress(inv, nil, "records") != nil {
		t.Error("a meter for a non-terminal stderr")
	}
}
