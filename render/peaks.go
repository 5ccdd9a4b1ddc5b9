package render

import (
	"bytes"
	"fmt"
	"time"

	"github.com/connectcap/connectcap/report"
)

// The peaks of a result sized interval by interval: when each check's peak
// falls and how long its need sits above the target and the limit.

var peakColumns = []column{
	{header: "QUOTA", wrap: 16},
	{header: "PEAK", right: true},
	{header: "AT (UTC)"},
	{header: "ABOVE TARGET", right: true},
	{header: "ABOVE LIMIT", right: true},
}

// peakRows pair each peak with its check's name and unit.
func peakRows(r *report.Result, unit func(string) string) [][]string {
	var rows [][]string
	for _, p := range r.Peaks {
		name, u := p.ID, ""
		for _, c := range r.Checks {
			if c.ID == p.ID && instanceName(c.Instance) == instanceName(p.Instance) {
				name, u = checkName(c), c.Unit
				break
			}
		}
		rows = append(rows, []string{
			name,
			withUnit(Human(p.Required), unit(u)),
			peakTime(p.PeakAt),
			hoursText(p.IntervalsAboveTarget, p.HoursAboveTarget),
			hoursText(p.IntervalsAboveLimit, p.HoursAboveLimit),
		})
	}
	return rows
}

func instanceName(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// peakTime is an RFC 3339 instant for people: "2026-03-02 10:15", with seconds
// and milliseconds only when the instant has them.
func peakTime(s string) string {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return s
	} else if t.Nanosecond() != 0 {
		return t.Format("2006-01-02 15:04:05.000")
	} else if t.Second() != 0 {
		return t.Format("2006-01-02 15:04:05")
	}
	return t.Format("2006-01-02 15:04")
}

// hoursText is intervals and hours: "6 (1.5 h)", or "-" for none.
func hoursText(n int, hours float64) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%d (%s h)", n, Human(hours))
}

func writePeaks(w *bytes.Buffer, r *report.Result, o Options) error {
	if len(r.Peaks) == 0 {
		return nil
	}
	fmt.Fprintln(w, "\nPeaks (intervals and hours above the target and above the limit)")
	g := grid{cols: peakColumns, rows: peakRows(r, func(u string) string { return u }), narrow: peakRows(r, shortUnit)}
	return writeGrid(w, g, true, o)
}

func peaksMarkdown(w *bytes.Buffer, r *report.Result) {
	if len(r.Peaks) == 0 {
		return
	}
	fmt.Fprintln(w, "\n### Peaks")
	fmt.Fprintln(w)
	markdownTable(w, headers(peakColumns), peakRows(r, func(u string) string { return u }), rightAligned(peakColumns))
}
