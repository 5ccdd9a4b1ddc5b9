package render

import (
	"strings"
	"testing"
	"time"

	"github.com/connectcap/connectcap/report"
)

// TestPeakDayLinesWidth fits one line to a terminal's width. The name
// "Concurrent active calls [care]" is 30 runes, the day's 96 quarter hours
// give a 48-rune sparkline, and the tail "peak 1 at 00:00, limit 100" 26; a
// line is 2 + name + 2 + sparkline + 2 + tail, so the name and the sparkline
// share the width less 32.
func TestPeakDayLinesWidth(t *testing.T) {
	day := make([]float64, 96)
	for i := range day {
		day[i] = 1
	}
	t0 := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	tl := report.Timeline{Name: "Concurrent active calls", Instance: "care", Limit: 100, TargetPct: 80,
		Start: t0, Step: 15 * time.Minute, Required: day, Peak: 1, PeakAt: t0}
	const full = "Concurrent active calls [care]"
	for _, c := range []struct {
		width int
		wide  bool
		name  string // padded to the name's column
		spark int
	}{
		{120, false, full, 48},            // 78 of 88: room to spare
		{110, false, full, 48},            // exactly 78
		{100, false, full, 38},            // 68: the sparkline gives 10
		{70, false, "Concur… [care]", 24}, // 38: the sparkline down to 24, the name to 14
		{66, false, "Concurrent… ", 22},   // 34: the name down to 12, the sparkline to 22
		{50, false, "Concurrent… ", 12},   // 18: both at their least, the line runs over
		{50, true, full, 48},              // wide: nothing squeezed
	} {
		got := peakDayLines([]report.Timeline{tl}, Options{Width: c.width, Wide: c.wide})
		want := "  " + c.name + "  " + strings.Repeat("▁", c.spark) + "  peak 1 at 00:00, limit 100"
		if len(got) != 1 || got[0] != want {
			t.Errorf("width %d (wide %v):\n%q\nwant\n%q", c.width, c.wide, got, want)
		}
	}
}
