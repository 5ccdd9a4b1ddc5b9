package render

import (
	"slices"
	"testing"
	"time"

	"github.com/connectcap/connectcap/report"
)

func TestBuckets(t *testing.T) {
	for _, tc := range []struct {
		name   string
		values []float64
		n      int
		want   []float64
	}{
		{"fewer than n: one each", []float64{3, 1, 2}, 48, []float64{3, 1, 2}},
		{"pairs", []float64{1, 5, 2, 2, 0, 7, 4, 3}, 4, []float64{5, 2, 7, 4}},
		// 7 into 3: [0,2) [2,4) [4,7)
		{"uneven", []float64{1, 2, 9, 3, 4, 6, 5}, 3, []float64{2, 9, 6}},
		{"one bucket", []float64{4, 8, 1}, 1, []float64{8}},
		// 96 quarter hours into 48: the larger of each half hour.
		{"quarter hours into half hours", quarterHours(), 48, halfHourMax()},
		{"none", nil, 48, []float64{}},
	} {
		if got := buckets(tc.values, tc.n); !slices.Equal(got, tc.want) {
			t.Errorf("%s: buckets(%v, %d) = %v, want %v", tc.name, tc.values, tc.n, got, tc.want)
		}
	}
}

// quarterHours are 0, 1, ..., 95; halfHourMax the larger of each pair: 1, 3, ..., 95.
func quarterHours() []float64 {
	v := make([]float64, 96)
	for i := range v {
		v[i] = float64(i)
	}
	return v
}

func halfHourMax() []float64 {
	v := make([]float64, 48)
	for i := range v {
		v[i] = float64(2*i + 1)
	}
	return v
}

func TestSparkRune(t *testing.T) {
	// Scale 80: each bar is 10 more; a need up to 10 is the lowest, above 70
	// the highest.
	for _, tc := range []struct {
		v    float64
		want rune
	}{
		{0, ' '}, {-1, ' '}, {0.5, '▁'}, {10, '▁'}, {10.1, '▂'}, {40, '▄'}, {41, '▅'}, {70, '▇'}, {70.5, '█'}, {80, '█'}, {200, '█'},
	} {
		if got := sparkRune(tc.v, 80); got != tc.want {
			t.Errorf("sparkRune(%v, 80) = %q, want %q", tc.v, got, tc.want)
		}
	}
	if got := sparkRune(5, 0); got != ' ' {
		t.Errorf("sparkRune on a scale of 0 = %q, want a blank", got)
	}
}

func TestSparkline(t *testing.T) {
	// Limit 100, target 80: scale max(peak 120, 100) = 120, bars of 15. In
	// fifteenths: 15 → 1, 60 → 4, 80 → 5.3 (6th bar), 81 → 5.4 (6th),
	// 100 → 6.7 (7th), 101 → 6.7 (7th), 120 → 8, 30 → 2.
	tl := report.Timeline{Limit: 100, TargetPct: 80, Peak: 120}
	values := []float64{0, 15, 60, 80, 81, 100, 101, 120, 30}
	if got, want := sparkline(values, tl, false), " ▁▄▆▆▇▇█▂"; got != want {
		t.Errorf("sparkline = %q, want %q", got, want)
	}
	// Above the target (80): 81 and 100 yellow; above the limit: 101 and 120 red.
	want := " ▁▄▆\x1b[33m▆▇\x1b[0m\x1b[31m▇█\x1b[0m▂"
	if got := sparkline(values, tl, true); got != want {
		t.Errorf("coloured sparkline = %q, want %q", got, want)
	}
	// The scale is the limit when the peak is under it: 100, bars of 12.5.
	tl = report.Timeline{Limit: 100, TargetPct: 80, Peak: 50}
	if got, want := sparkline([]float64{12.5, 25, 50}, tl, false), "▁▂▄"; got != want {
		t.Errorf("sparkline under the limit = %q, want %q", got, want)
	}
	// Colour that runs to the end is reset.
	if got, want := sparkline([]float64{90}, tl, true), "\x1b[33m█\x1b[0m"; got != want {
		t.Errorf("sparkline ending yellow = %q, want %q", got, want)
	}
}

func TestPeakDay(t *testing.T) {
	start := time.Date(2026, 3, 1, 22, 0, 0, 0, time.UTC)
	tl := report.Timeline{Start: start, Step: time.Hour, Required: []float64{1, 2, 3, 4, 5, 6}}
	// Peak at 01:00 on March 2: the day's intervals start at 00:00, 01:00 and
	// 02:00 (values 3, 4, 5... the fifth, 6, starts at 03:00).
	tl.Peak, tl.PeakAt = 4, start.Add(3*time.Hour)
	if got, want := peakDay(tl), []float64{3, 4, 5, 6}; !slices.Equal(got, want) {
		t.Errorf("peakDay = %v, want %v", got, want)
	}
	// A peak inside an interval that began the day before (measured records)
	// keeps that interval.
	tl = report.Timeline{Start: start, Step: 3 * time.Hour, Required: []float64{7, 2}}
	tl.Peak, tl.PeakAt = 7, start.Add(150*time.Minute)
	if got, want := peakDay(tl), []float64{7, 2}; !slices.Equal(got, want) {
		t.Errorf("peakDay with the peak past midnight = %v, want %v", got, want)
	}
}

func TestTruncateName(t *testing.T) {
	tl := report.Timeline{Name: "Concurrent active calls", Instance: "care"}
	for _, tc := range []struct {
		width int
		want  string
	}{
		{40, "Concurrent active calls [care]"},
		{30, "Concurrent active calls [care]"},
		{22, "Concurrent act… [care]"},
		// 14 leaves the name 6 runes besides " [care]" and the ellipsis; 13
		// would leave 5, so the instance goes.
		{14, "Concur… [care]"},
		{13, "Concurrent a…"},
		{12, "Concurrent…"},
	} {
		if got := truncateName(tl, tc.width); got != tc.want {
			t.Errorf("truncateName(%d) = %q, want %q", tc.width, got, tc.want)
		}
	}
	account := report.Timeline{Name: "API requests per second"}
	if got, want := truncateName(account, 12), "API request…"; got != want {
		t.Errorf("truncateName of an account quota = %q, want %q", got, want)
	}
}
