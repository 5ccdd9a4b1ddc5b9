package forecast

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/connectcap/connectcap/internal/traffic"
)

func TestGrowthOption(t *testing.T) {
	for _, c := range []struct{ growth, want float64 }{{0, 1}, {math.Copysign(0, -1), 1}, {1.5, 1.5}, {0.5, 0.5}} {
		rd, err := newReader(Options{Growth: c.growth})
		if err != nil || rd.growth != c.want {
			t.Errorf("growth %v: %v, %v; want %v", c.growth, rd, err, c.want)
		}
	}
	for _, g := range []float64{-1, -1e-300, math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, err := newReader(Options{Growth: g}); err == nil || !strings.Contains(err.Error(), "give a factor above 0") {
			t.Errorf("growth %v: error %v", g, err)
		}
	}
}

func TestChannelOption(t *testing.T) {
	for _, ch := range []traffic.Channel{traffic.Voice, traffic.Campaign} {
		if _, err := newReader(Options{HasChannel: true, Channel: ch}); err != nil {
			t.Errorf("channel %v: %v", ch, err)
		}
	}
	for _, ch := range []traffic.Channel{-1, traffic.NumChannels} {
		if _, err := newReader(Options{HasChannel: true, Channel: ch}); err == nil || !strings.Contains(err.Error(), "is not known") {
			t.Errorf("channel %d: error %v", int(ch), err)
		}
	}
}

func TestDelimiterOption(t *testing.T) {
	for _, d := range []rune{0, ',', ';', '\t', '|', 'x', '€'} {
		if _, err := newReader(Options{Delimiter: d}); err != nil {
			t.Errorf("delimiter %q: %v", d, err)
		}
	}
	for _, d := range []rune{'"', '\r', '\n', utf8.RuneError, 0xd800, -1, utf8.MaxRune + 1} {
		if _, err := newReader(Options{Delimiter: d}); err == nil || !strings.Contains(err.Error(), "cannot separate fields") {
			t.Errorf("delimiter %q: error %v", d, err)
		}
	}
}

// The most frequent of comma, semicolon, tab and pipe outside quotes; a tie
// goes to the first of them in that order; none is a comma.
func TestDetectDelimiter(t *testing.T) {
	for line, want := range map[string]rune{
		"a;b;c,d": ';', "a;b,c": ',', "a|b\tc": '\t', "a|b|c": '|', "abc": ',', `"a;b;c",d`: ',', "a\tb;c;d\te\tf": '\t',
	} {
		if got := detectDelimiter([]byte(line)); got != want {
			t.Errorf("detectDelimiter(%q) = %q, want %q", line, got, want)
		}
	}
}

// Letters other than the fields and T, and digits, are refused; the bytes
// either side of each range are literal text.
func TestGoLayoutCharacters(t *testing.T) {
	for _, c := range []string{"a", "z", "A", "Z", "x"} {
		if _, err := GoLayout("yyyy-MM-dd HH:mm " + c); err == nil || !strings.Contains(err.Error(), "is not a field") {
			t.Errorf("GoLayout with %q: error %v", c, err)
		}
	}
	for _, c := range []string{"0", "9", "5"} {
		if _, err := GoLayout("yyyy-MM-dd HH:mm " + c); err == nil || !strings.Contains(err.Error(), "digits are not allowed") {
			t.Errorf("GoLayout with %q: error %v", c, err)
		}
	}
	for _, c := range []string{"@", "[", "`", "{", "/", ":", "T"} {
		if got, err := GoLayout("yyyy-MM-dd HH:mm " + c); err != nil || got != "2006-01-02 15:04 "+c {
			t.Errorf("GoLayout with %q = %q, %v; want it kept", c, got, err)
		}
	}
}

// An offset other than Z: the wall clock is the local time, the instant UTC.
func TestParseStampOffset(t *testing.T) {
	last := ""
	st, ok := parseStamp("2026-03-02T10:00:00+01:00", false, "", &last)
	// 2026-03-02 is day 20,514 since 1970-01-01: 10:00 is 1772445600 s as a
	// wall clock, the instant an hour earlier.
	if !ok || st.wall != 1772445600 || st.instant != 1772445600-3600 || !st.zoned {
		t.Errorf("parseStamp = %+v, %v; want wall 1772445600, instant 1772442000, zoned", st, ok)
	}
	// A mapped file whose rows change layout: the last layout that worked is
	// tried first, and a failure moves on.
	last = "20060102 15:04"
	st, ok = parseStamp("03/02/2026 10:00", true, "", &last)
	if !ok || st.wall != 1772445600 || st.zoned {
		t.Errorf("parseStamp after another layout = %+v, %v; want wall 1772445600", st, ok)
	}
}

// The aligned starts in an error: the first five of the hour, then "..." when
// the hour holds more.
func TestAlignedMinutes(t *testing.T) {
	for m, want := range map[int]string{
		60: ":00", 30: ":00, :30", 15: ":00, :15, :30, :45", 12: ":00, :12, :24, :36, :48",
		10: ":00, :10, :20, :30, :40, ...", 5: ":00, :05, :10, :15, :20, ...", 1: ":00, :01, :02, :03, :04, ...",
	} {
		if got := alignedMinutes(m); got != want {
			t.Errorf("alignedMinutes(%d) = %q, want %q", m, got, want)
		}
	}
}

func TestGCD(t *testing.T) {
	for _, c := range [][3]int64{{12, 18, 6}, {18, 12, 6}, {900, 1800, 900}, {3600, 0, 3600}, {7, 5, 1}, {1800, 2700, 900}} {
		if got := gcd(c[0], c[1]); got != c[2] {
			t.Errorf("gcd(%d, %d) = %d, want %d", c[0], c[1], got, c[2])
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }

var errWrite = errors.New("disk full")

func TestWriteCSVStepAndErrors(t *testing.T) {
	for _, step := range []time.Duration{0, -15 * time.Minute, 90 * time.Second, 7 * time.Minute, 2 * time.Hour} {
		var buf bytes.Buffer
		if err := WriteCSV(&buf, traffic.Series{Step: step}); err == nil || !strings.Contains(err.Error(), "is not whole minutes dividing an hour") {
			t.Errorf("step %v: error %v", step, err)
		}
	}
	// The write fails when the buffered rows are flushed.
	iv := traffic.Interval{Start: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
	iv.Channels[traffic.Voice] = traffic.Load{Contacts: 5, HandleSeconds: 300, ConnectSeconds: 360}
	s := traffic.Series{Step: 15 * time.Minute, Instances: []traffic.Instance{{Name: "main", Intervals: []traffic.Interval{iv}}}}
	if err := WriteCSV(failingWriter{}, s); !errors.Is(err, errWrite) {
		t.Errorf("WriteCSV to a failing writer: %v, want %v", err, errWrite)
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, s); err != nil || !strings.Contains(buf.String(), "\n2026-03-02T10:00:00Z,15,main,,,voice,5,300,360,") {
		t.Errorf("WriteCSV = %v:\n%s", err, buf.String())
	}
}
