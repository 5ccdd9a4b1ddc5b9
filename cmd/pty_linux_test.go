//go:build linux

package cmd

import (
	"bytes"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// openPTY opens a pseudo-terminal pair: writes to the follower read back from
// the leader, and term.IsTerminal reports the follower a terminal.
func openPTY(t *testing.T) (leader, follower *os.File) {
	t.Helper()
	leader, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, leader.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		t.Skipf("unlockpt: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, leader.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		t.Skipf("ptsname: %v", e)
	}
	follower, err = os.OpenFile("/dev/pts/"+itoaU(n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("open follower: %v", err)
	}
	t.Cleanup(func() { follower.Close(); leader.Close() })
	return leader, follower
}

func itoaU(n uint32) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
		if n == 0 {
			return string(b)
		}
	}
}

// reading collects what the leader receives, on its own goroutine (a
// terminal's buffer is small: a writer blocks until it is read); the function
// returned closes the follower and returns it all.
func reading(leader, follower *os.File) func() string {
	var out bytes.Buffer
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 1<<16)
		for {
			n, err := leader.Read(buf)
			out.Write(buf[:n])
			if err != nil {
				return
			}
		}
	}()
	return func() string {
		follower.Close() // the leader reads what is left, then fails
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			leader.Close()
			<-done
		}
		return out.String()
	}
}

// forecastRows writes a forecast whose calls run past the default limit in the
// afternoon: the text chart has buckets above the limit and the target.
const colourForecast = "interval_start,interval_minutes,instance,channel,contacts,handle_time_seconds,time_in_connect_seconds\n" +
	"2026-03-02T09:00:00Z,15,main,voice,1,300,360\n" +
	"2026-03-02T09:15:00Z,15,main,voice,2,300,360\n" +
	"2026-03-02T09:30:00Z,15,main,voice,50,300,360\n"

func TestColourOnlyOnATerminalWithoutNoColor(t *testing.T) {
	dir := t.TempDir()
	file := dir + "/f.csv"
	if err := os.WriteFile(file, []byte(colourForecast), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		noColor string
		want    bool
	}{
		{"terminal", "", true},
		{"terminal with NO_COLOR", "1", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			leader, follower := openPTY(t)
			env := map[string]string{"COLUMNS": "100"}
			if c.noColor != "" {
				env["NO_COLOR"] = c.noColor
			}
			app, _, _ := testApp(env)
			app.Stdout = follower
			collected := reading(leader, follower)
			if code := Execute(app, []string{"forecast", "-f", file}); code != 0 {
				t.Fatalf("exit %d", code)
			}
			out := collected()
			if !strings.Contains(out, "Peak day (UTC)") {
				t.Fatalf("no text chart in %q", out)
			}
			if got := strings.Contains(out, "\x1b["); got != c.want {
				t.Errorf("colour escapes: %v, want %v", got, c.want)
			}
		})
	}
	// Piped: never colour.
	app, stdout, _ := testApp(nil)
	if code := Execute(app, []string{"forecast", "-f", file}); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if strings.Contains(stdout.String(), "\x1b[") {
		t.Error("colour escapes on a pipe")
	}
}

func TestProgressOnATerminalStderrOnly(t *testing.T) {
	leader, follower := openPTY(t)
	app, stdout, _ := testApp(nil)
	app.Stderr = follower
	inv := &invocation{app: app}
	p := newProgress(inv, newRoot(inv), "records")
	if p == nil {
		t.Fatal("no meter with stderr a terminal")
	}
	p.w = follower
	collected := reading(leader, follower)
	p.show(50_000_000, 2000, 2*time.Second)
	p.done()
	out := collected()
	if !strings.Contains(out, "50 MB, 2000 records, 25 MB/s") {
		t.Errorf("terminal got %q", out)
	}
	if stdout.Len() != 0 {
		t.Errorf("progress on stdout: %q", stdout.String())
	}
}
