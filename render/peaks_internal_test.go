package render

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/report"
)

// peaksResult has two checks and four peaks: one per check, one of the first
// quota in an instance without a check, and one whose time does not parse.
func peaksResult() *report.Result {
	r := report.New("forecast", "Forecast")
	care, other := "care", "other"
	r.Checks = []report.Check{
		{ID: "connect.concurrent-active-calls", Name: "Concurrent active calls", Instance: &care, Required: 132, Limit: 100, Unit: "count", Status: report.Increase},
		{ID: "connect.api-requests", Name: "API requests", Required: 1.5, Limit: 2, Unit: "requests/second", Status: report.OK},
	}
	r.Peaks = []report.PeakRow{
		{ID: "connect.concurrent-active-calls", Instance: &care, Required: 132, PeakAt: "2026-03-02T14:15:00Z", IntervalMinutes: 15,
			IntervalsAboveTarget: 26, HoursAboveTarget: 6.5, IntervalsAboveLimit: 1, HoursAboveLimit: 0.25},
		{ID: "connect.api-requests", Required: 1.5, PeakAt: "2026-03-02T12:45:30.250Z", IntervalMinutes: 15},
		{ID: "connect.concurrent-active-calls", Instance: &other, Required: 7, PeakAt: "2026-03-02T10:00:05Z", IntervalMinutes: 60,
			IntervalsAboveTarget: 1, HoursAboveTarget: 1},
		{ID: "connect.api-requests", Instance: &other, Required: 1, PeakAt: "not a time", IntervalMinutes: 15},
	}
	return r
}

func TestPeakRows(t *testing.T) {
	want := [][]string{
		{"Concurrent active calls [care]", "132", "2026-03-02 14:15", "26 (6.5 h)", "1 (0.25 h)"},
		{"API requests", "1.5 requests/second", "2026-03-02 12:45:30.250", "-", "-"},
		// No check of the instance "other": the quota's id, no unit.
		{"connect.concurrent-active-calls", "7", "2026-03-02 10:00:05", "1 (1 h)", "-"},
		{"connect.api-requests", "1", "not a time", "-", "-"},
	}
	got := peakRows(peaksResult(), func(u string) string { return u })
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("peakRows =\n%q\nwant\n%q", got, want)
	}
	if narrow := peakRows(peaksResult(), shortUnit); narrow[1][1] != "1.5 req/s" {
		t.Errorf("narrow peak %q, want 1.5 req/s", narrow[1][1])
	}
}

func TestPeaksSections(t *testing.T) {
	var w bytes.Buffer
	if err := writePeaks(&w, peaksResult(), Options{Wide: true}); err != nil {
		t.Fatal(err)
	}
	table := w.String()
	if !strings.HasPrefix(table, "\nPeaks (intervals and hours above the target and above the limit)\n") ||
		!strings.Contains(table, "AT (UTC)") || !strings.Contains(table, "26 (6.5 h)") {
		t.Errorf("peaks table:\n%s", table)
	}
	w.Reset()
	peaksMarkdown(&w, peaksResult())
	md := w.String()
	if !strings.HasPrefix(md, "\n### Peaks\n\n| QUOTA |") || !strings.Contains(md, "| Concurrent active calls [care] | 132 | 2026-03-02 14:15 | 26 (6.5 h) | 1 (0.25 h) |") {
		t.Errorf("peaks in Markdown:\n%s", md)
	}
	// Without peaks, neither writes anything.
	w.Reset()
	none := report.New("forecast", "Forecast")
	if err := writePeaks(&w, none, Options{}); err != nil || w.Len() > 0 {
		t.Errorf("no peaks: %v, wrote %q", err, w.String())
	}
	peaksMarkdown(&w, none)
	if w.Len() > 0 {
		t.Errorf("no peaks in Markdown: wrote %q", w.String())
	}
}
