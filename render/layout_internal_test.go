package render

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// These tests pin the fitting of tables for people at its boundaries: a table
// exactly as wide as the terminal, a line exactly as long as its room. Every
// expected value is worked out by hand in the comment next to it.

func TestTextWidth(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"", 0}, {"abc", 3}, {"ab\nabcde\nc", 5}, {"héllo", 5},
	} {
		if got := textWidth(tc.in); got != tc.want {
			t.Errorf("textWidth(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestTotalWidth(t *testing.T) {
	for _, tc := range []struct {
		in   []int
		want int
	}{
		{nil, 0}, {[]int{7}, 7}, {[]int{7, 3}, 12}, {[]int{1, 1, 1}, 7},
	} {
		if got := totalWidth(tc.in); got != tc.want {
			t.Errorf("totalWidth(%v) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

// A table exactly as wide as the width is left whole, with its units spelled out.
func TestFitExactWidth(t *testing.T) {
	g := grid{
		cols:   []column{{header: "H"}, {header: "V", wrap: 4}},
		rows:   [][]string{{"10 seconds", "a  b"}},
		narrow: [][]string{{"10 s", "a  b"}},
	}
	// 10 + 2 + 4 = 16.
	f := g.fit(Options{Width: 16})
	if !reflect.DeepEqual(f.rows, g.rows) || f.dropped != nil || len(f.cols) != 2 {
		t.Errorf("fit at 16 = %+v, want the rows untouched", f)
	}
	// One column less: the narrow units, which fit (4 + 2 + 4) unwrapped.
	f = g.fit(Options{Width: 15})
	if want := [][]string{{"10 s", "a  b"}}; !reflect.DeepEqual(f.rows, want) {
		t.Errorf("fit at 15 = %q, want %q", f.rows, want)
	}
}

// When the table fits with its wrapped columns at comfortWidth exactly, no column
// is left out.
func TestFitComfortExactly(t *testing.T) {
	long := strings.Repeat("a", 32) + " bbbb" // 37 wide; at 32: 32 a's, then "  bbbb"
	g := grid{
		cols: []column{{header: "Q", wrap: 24}, {header: "X", drop: 1}},
		rows: [][]string{{long, "x"}},
	}
	// Whole: 37 + 2 + 1 = 40. At the comfort width: 32 + 2 + 1 = 35.
	wantQ := strings.Repeat("a", 32) + "\n  bbbb"
	f := g.fit(Options{Width: 35})
	if f.dropped != nil || len(f.cols) != 2 || f.rows[0][0] != wantQ || f.rows[0][1] != "x" {
		t.Errorf("fit at 35 = %+v, want both columns, Q wrapped at 32", f)
	}
	// One column less and X gives way: Q alone is 37, wraps to 34 ("a"×32 still
	// does not fit with " bbbb").
	f = g.fit(Options{Width: 34})
	if !reflect.DeepEqual(f.dropped, []string{"X"}) || len(f.cols) != 1 || f.rows[0][0] != wantQ {
		t.Errorf("fit at 34 = %+v, want X left out", f)
	}
}

// Columns give way by rank, 1 first, and only while the table does not fit.
func TestFitDropsByRank(t *testing.T) {
	g := grid{
		cols: []column{{header: "NAME"}, {header: "B", drop: 2}, {header: "A", drop: 1}},
		rows: [][]string{{"nnnnnnnnnn", "bbbbbbbbbb", "aaaaaaaaaa"}},
	}
	// Whole: 10+2+10+2+10 = 34; without A: 22; without A and B: 10.
	for _, tc := range []struct {
		width   int
		dropped []string
	}{
		{34, nil}, {33, []string{"A"}}, {22, []string{"A"}}, {21, []string{"A", "B"}}, {5, []string{"A", "B"}},
	} {
		f := g.fit(Options{Width: tc.width})
		if !reflect.DeepEqual(f.dropped, tc.dropped) || len(f.cols) != 3-len(tc.dropped) {
			t.Errorf("width %d: dropped %v (%d columns), want %v", tc.width, f.dropped, len(f.cols), tc.dropped)
		}
		if len(f.cols) > 0 && f.rows[0][0] != "nnnnnnnnnn" {
			t.Errorf("width %d: first column %q", tc.width, f.rows[0][0])
		}
	}
	// --wide keeps everything, unwrapped.
	if f := g.fit(Options{Width: 5, Wide: true}); len(f.cols) != 3 || f.dropped != nil {
		t.Errorf("wide: %+v", f)
	}
}

// A table that already fits exactly is left as it is, double spaces and all.
func TestWrapColumnsExactFit(t *testing.T) {
	cols := []column{{header: "A", wrap: 2}}
	rows := [][]string{{"p  q"}}
	if _, got := wrapColumns(cols, rows, 4, 0); got[0][0] != "p  q" {
		t.Errorf("wrapColumns at its own width = %q, want it untouched", got[0][0])
	}
}

// Only wrappable columns give up width, in one pass here: A has all the spare
// width, B (no wrap) none, D is at its narrowest and is left alone.
func TestWrapColumnsSpare(t *testing.T) {
	a := strings.Repeat("a", 40)
	cols := []column{{header: "A", wrap: 10}, {header: "B"}, {header: "D", wrap: 4}}
	rows := [][]string{{a, strings.Repeat("b", 30), "x  y"}}
	// Total 40+2+30+2+4 = 78, width 50: excess 28. Spare: A's 40-10 = 30 (D is at
	// its narrowest, 4). A's cut is ceil(28·30/30) = 28: A wraps at 12, a word
	// longer than a line broken after 12 runes, then 10 after the two-space indent.
	_, got := wrapColumns(cols, rows, 50, 0)
	want := []string{strings.Repeat("a", 12) + "\n  " + strings.Repeat("a", 10) + "\n  " + strings.Repeat("a", 10) + "\n  " + strings.Repeat("a", 8),
		strings.Repeat("b", 30), "x  y"}
	if !reflect.DeepEqual(got[0], want) {
		t.Errorf("wrapColumns = %q,\nwant %q", got[0], want)
	}
	if rows[0][0] != a {
		t.Error("wrapColumns changed its input rows")
	}
}

// A column that cannot narrow (its text sits behind a long indent, and a line
// keeps at least 8 runes) leaves the others to give up width a little each pass;
// there are four passes at most.
func TestWrapColumnsFourPasses(t *testing.T) {
	stuck := strings.Repeat(" ", 60) + "aaaaaaaa" // 68 wide whatever the target
	cols := []column{{header: "A", wrap: 1}, {header: "C", wrap: 10}}
	rows := [][]string{{stuck, strings.Repeat("c", 20)}}
	// Width 84. Pass 0: 68+2+20 = 90, excess 6, spare 67 (A) + 10 (C) = 77; C's
	// cut is ceil(6·10/77) = 1, so C wraps at 19. Passes 1, 2 and 3 take one more
	// each (excess 5, 4, 3): C ends at 16, the table at 86, still too wide.
	_, got := wrapColumns(cols, rows, 84, 0)
	want := []string{stuck, strings.Repeat("c", 16) + "\n  cccc"}
	if !reflect.DeepEqual(got[0], want) {
		t.Errorf("wrapColumns = %q, want %q", got[0], want)
	}
}

// Width 0 wraps each wrappable column to its narrowest, at least floor and its
// header.
func TestWrapColumnsNarrowest(t *testing.T) {
	cols := []column{{header: "QUOTA", wrap: 4}, {header: "LONG HEADER", wrap: 4}, {header: "N"}}
	words := "aaa bbb ccc ddd eee"
	rows := [][]string{{words, words, words}}
	// QUOTA: narrowest max(4, 8, 5) = 8: "aaa bbb" then "  ccc" and so on, with
	// the room of a line never below 8. LONG HEADER: 11. N does not wrap.
	_, got := wrapColumns(cols, rows, 0, 8)
	want := []string{"aaa bbb\n  ccc ddd\n  eee", "aaa bbb ccc\n  ddd eee", words}
	if !reflect.DeepEqual(got[0], want) {
		t.Errorf("wrapColumns(0, 8) = %q, want %q", got[0], want)
	}
}

func TestWrapText(t *testing.T) {
	for _, tc := range []struct {
		text        string
		width       int
		first, rest string
		want        []string
	}{
		// Nothing: one line, the first prefix alone.
		{"", 10, "> ", "  ", []string{"> "}},
		{"  ", 10, "", "", []string{""}},
		// Exactly the room fits; one more does not.
		{"aaaa bbbb", 9, "", "", []string{"aaaa bbbb"}},
		{"aaaa bbbbb", 9, "", "", []string{"aaaa", "bbbbb"}},
		{"aaaaaaaaa", 9, "", "", []string{"aaaaaaaaa"}},
		{"aaaaaaaaa b", 9, "", "", []string{"aaaaaaaaa", "b"}},
		// The prefixes take room: 12-2 = 10 on the first line, 12-4 = 8 after.
		{"aaa bbb ccc dd", 12, "> ", "    ", []string{"> aaa bbb", "    ccc dd"}},
		{"aaa bbb ccc ddd", 12, "> ", "    ", []string{"> aaa bbb", "    ccc ddd"}},
		{"aaa bbb ccc dddd", 12, "> ", "    ", []string{"> aaa bbb", "    ccc dddd"}},
		{"aaa bbb ccc ddddd", 12, "> ", "    ", []string{"> aaa bbb", "    ccc", "    ddddd"}},
		// A line keeps at least 8 runes of room.
		{"aaaaaaaaaa", 4, "", "", []string{"aaaaaaaa", "aa"}},
		// A word longer than a line breaks after a '.', '-' or '/', else anywhere;
		// the rest carries on.
		{"x connect.users-per-instance y", 12, "", "", []string{"x", "connect.", "users-per-", "instance y"}},
		{"abcdefghijklmnopqrstuvwxyz", 10, "", "", []string{"abcdefghij", "klmnopqrst", "uvwxyz"}},
		// Spaces, tabs and newlines between words are one space.
		{"a \t\n b", 10, "", "", []string{"a b"}},
	} {
		if got := wrapText(tc.text, tc.width, tc.first, tc.rest); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("wrapText(%q, %d, %q, %q) = %q, want %q", tc.text, tc.width, tc.first, tc.rest, got, tc.want)
		}
	}
}

func TestBreakAt(t *testing.T) {
	for _, tc := range []struct {
		word string
		room int
		want int
	}{
		{"abcdefghij", 4, 4},
		{"aaaa.bbbbbb", 6, 5},   // after the '.'
		{"aaaaa.bbbbb", 6, 6},   // the '.' is the last rune that fits
		{"aaaaaa.bbbb", 6, 6},   // the '.' does not fit: after 6 runes
		{"ab/cd-ef.gh", 8, 6},   // the last of them that fits: '-'
		{"a/b/c/defgh", 8, 6},   // the last '/'
		{"ééééé", 2, 4},         // runes, not bytes: two é are 4 bytes
		{"é.éééé", 3, 3},        // after the '.', 3 bytes in
		{"abcdefgh", 8, 8},      // not longer than room: whole
		{"abc", 8, 3},           // shorter: whole
		{"-abcdefghij", 4, 1},   // a leading '-' is a break too
		{"abc.defghij", 20, 11}, // fits: whole, whatever its '.'
	} {
		if got := breakAt(tc.word, tc.room); got != tc.want {
			t.Errorf("breakAt(%q, %d) = %d, want %d", tc.word, tc.room, got, tc.want)
		}
	}
}

func TestParagraph(t *testing.T) {
	for _, tc := range []struct {
		in   string
		o    Options
		want string
	}{
		// Exactly the width: as it is, double spaces and all.
		{"aaaa  bbbb", Options{Width: 10}, "aaaa  bbbb"},
		// One more: wrapped, which makes the two spaces one.
		{"aaaa  bbbbb", Options{Width: 10}, "aaaa bbbbb"},
		{"aaaa  bbbbb", Options{Width: 10, Wide: true}, "aaaa  bbbbb"},
		// The lead is kept, and the lines after it get two more spaces.
		{"  aaa bbb ccc", Options{Width: 10}, "  aaa bbb\n    ccc"},
		// 0 is the default width, 100.
		{strings.Repeat("x ", 50), Options{}, strings.Repeat("x ", 50)},
		{strings.Repeat("x ", 50) + "y", Options{}, strings.TrimSpace(strings.Repeat("x ", 50)) + "\n  y"},
	} {
		if got := paragraph(tc.in, tc.o); got != tc.want {
			t.Errorf("paragraph(%q, %+v) = %q, want %q", tc.in, tc.o, got, tc.want)
		}
	}
}

func TestOptionsWidth(t *testing.T) {
	for _, tc := range []struct{ in, want int }{{0, DefaultWidth}, {-5, DefaultWidth}, {1, 1}, {80, 80}} {
		if got := (Options{Width: tc.in}).width(); got != tc.want {
			t.Errorf("width of %d = %d, want %d", tc.in, got, tc.want)
		}
	}
}

// pctText never rounds a need over the limit down to 100.0 %.
func TestPctText(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{52.5, "52.5 %"}, {99.96, "100.0 %"}, {100, "100.0 %"}, {100.0001, "100.1 %"}, {100.04, "100.1 %"},
		{100.1, "100.1 %"}, {100.16, "100.2 %"}, {0, "0.0 %"}, {math.Inf(1), "unbounded"},
	} {
		if got := pctText(tc.in); got != tc.want {
			t.Errorf("pctText(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWithUnit(t *testing.T) {
	for _, tc := range []struct{ value, unit, want string }{
		{"5", "", "5"}, {"5", "count", "5"}, {"80", "%", "80 %"}, {"6.5", "minutes", "6.5 minutes"},
	} {
		if got := withUnit(tc.value, tc.unit); got != tc.want {
			t.Errorf("withUnit(%q, %q) = %q, want %q", tc.value, tc.unit, got, tc.want)
		}
	}
	for unit, want := range map[string]string{"requests/second": "req/s", "seconds": "s", "minutes": "min", "days": "days", "": ""} {
		if got := shortUnit(unit); got != want {
			t.Errorf("shortUnit(%q) = %q, want %q", unit, got, want)
		}
	}
}

// A request's instances for people say how it is filed: by ARN, waiting for one,
// for the whole account, or (a level the page does not state) Region-wide.
func TestRequestInstances(t *testing.T) {
	arn := "arn:aws:connect:us-east-1:111122223333:instance/x"
	for _, tc := range []struct {
		r    report.Request
		want string
	}{
		{report.Request{}, "-"},
		{report.Request{Instances: []string{"a"}, ContextID: &arn, PerInstance: true, Level: tables.ResourceLevel}, "a"},
		{report.Request{Instances: []string{"a"}, PerInstance: true, Level: tables.ResourceLevel}, "a (ARN needed)"},
		{report.Request{Instances: []string{"a", "b"}, Level: tables.AccountLevel}, "a, b (account level)"},
		{report.Request{Instances: []string{"a", "b"}, Level: tables.LevelNotStated}, "a, b (Region-wide)"},
	} {
		if got := requestInstances(tc.r); got != tc.want {
			t.Errorf("requestInstances(%+v) = %q, want %q", tc.r, got, tc.want)
		}
	}
}
