package ctr

import (
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/internal/traffic"
)

// A mapped file cut short while it is read is a read error, not a crash.
func TestMappedFileCutShort(t *testing.T) {
	p := filepath.Join(t.TempDir(), "cut.json")
	line := `{"Channel":"CHAT","ContactId":"c","InitiationTimestamp":"2026-03-02T10:00:00Z","DisconnectTimestamp":"2026-03-02T10:01:00Z","InstanceARN":"i"}` + "\n"
	if err := os.WriteFile(p, []byte(strings.Repeat(line, 20000)), 0o644); err != nil {
		t.Fatal(err)
	}
	data, unmap, ok := mapFile(p)
	if !ok {
		t.Skip("cannot map")
	}
	defer unmap()
	if err := os.Truncate(p, 0); err != nil {
		t.Fatal(err)
	}
	m := &measurer{}
	func() {
		defer func(old bool) { debug.SetPanicOnFault(old) }(debug.SetPanicOnFault(true))
		defer m.faulted()
		sink = data[len(data)-1] // beyond the end of the file now
		t.Fatal("no fault")
	}()
	var re *traffic.ReadError
	if !errors.As(m.readErr, &re) || !strings.Contains(m.readErr.Error(), "changed while read") {
		t.Fatalf("err = %v", m.readErr)
	}
}

var sink byte
