package render

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/connectcap/connectcap/report"
)

// The peak day in text: per timeline one sparkline over the UTC calendar day that
// holds its peak, for the table and Markdown views.

// maxSparkWidth is the most characters a sparkline takes.
const maxSparkWidth = 48

// A narrow table first squeezes the sparkline to comfortSparkWidth (hourly
// buckets of quarter-hour intervals), then the name to minNameWidth, then the
// sparkline to minSparkWidth; past that the line runs over.
const (
	comfortSparkWidth = 24
	minSparkWidth     = 12
	minNameWidth      = 12
)

// sparkLevels are the bars from low to high; zero is a blank.
var sparkLevels = []rune("▁▂▃▄▅▆▇█")

// ANSI SGR codes for the buckets past the target and the limit.
const (
	sgrYellow = "\x1b[33m"
	sgrRed    = "\x1b[31m"
	sgrReset  = "\x1b[0m"
)

// peakDay is the part of a timeline on the UTC calendar day holding its peak.
func peakDay(t report.Timeline) []float64 {
	day := t.PeakAt.UTC().Truncate(24 * time.Hour)
	var out []float64
	for i, v := range t.Required {
		at := t.Start.Add(time.Duration(i) * t.Step).UTC()
		// An interval belongs to the day it starts in; one that starts before
		// midnight and holds the peak after it belongs to the peak's day too.
		if !at.Before(day) && at.Before(day.Add(24*time.Hour)) || !at.After(t.PeakAt) && at.Add(t.Step).After(t.PeakAt) {
			out = append(out, v)
		}
	}
	return out
}

// buckets compresses values to at most n buckets, each the largest of its
// values: bucket j of b holds values [j·len/b, (j+1)·len/b).
func buckets(values []float64, n int) []float64 {
	b := min(len(values), n)
	out := make([]float64, b)
	for j := range b {
		lo, hi := j*len(values)/b, (j+1)*len(values)/b
		m := values[lo]
		for _, v := range values[lo+1 : hi] {
			m = math.Max(m, v)
		}
		out[j] = m
	}
	return out
}

// sparkRune is the bar for v on a scale whose top is scale: a blank for nothing,
// else the lowest bar whose height, in eighths of the scale, reaches v.
func sparkRune(v, scale float64) rune {
	if v <= 0 || scale <= 0 {
		return ' '
	}
	i := int(math.Ceil(v/scale*float64(len(sparkLevels)))) - 1
	return sparkLevels[max(0, min(i, len(sparkLevels)-1))]
}

// sparkline draws values scaled to max(peak, limit); with color, the buckets
// above the limit are red and those above the target yellow.
func sparkline(values []float64, t report.Timeline, color bool) string {
	scale := math.Max(t.Peak, t.Limit)
	var b strings.Builder
	open := ""
	for _, v := range values {
		r := sparkRune(v, scale)
		if color {
			code := ""
			if v > t.Limit {
				code = sgrRed
			} else if v > targetOf(t) {
				code = sgrYellow
			}
			if code != open {
				if open != "" {
					b.WriteString(sgrReset)
				}
				b.WriteString(code)
				open = code
			}
		}
		b.WriteRune(r)
	}
	if open != "" {
		b.WriteString(sgrReset)
	}
	return b.String()
}

// peakTail is what follows a sparkline: "peak 132 at 14:15, limit 100".
func peakTail(t report.Timeline) string {
	return fmt.Sprintf("peak %s at %s, limit %s", Human(t.Peak), t.PeakAt.UTC().Format("15:04"), Human(t.Limit))
}

// truncateName shortens a timeline's name to width runes with an ellipsis,
// keeping its instance in brackets while that leaves room for the quota's name.
func truncateName(t report.Timeline, width int) string {
	name := timelineName(t)
	if utf8.RuneCountInString(name) <= width {
		return name
	}
	suffix := ""
	if t.Instance != "" {
		suffix = " [" + t.Instance + "]"
		if utf8.RuneCountInString(suffix)+1+minNameWidth/2 > width {
			suffix = ""
		}
	}
	head := []rune(strings.TrimSuffix(name, suffix))
	keep := max(width-utf8.RuneCountInString(suffix)-1, 0)
	return strings.TrimRight(string(head[:min(keep, len(head))]), " ") + "…" + suffix
}

// peakDayLines are the section's lines, fitted to o's width: names padded to
// one column, then the sparkline, then the peak and limit.
func peakDayLines(ts []report.Timeline, o Options) []string {
	nameWidth, tailWidth, sparkWidth := 0, 0, 0
	for _, t := range ts {
		nameWidth = max(nameWidth, utf8.RuneCountInString(timelineName(t)))
		tailWidth = max(tailWidth, utf8.RuneCountInString(peakTail(t)))
		sparkWidth = max(sparkWidth, min(len(peakDay(t)), maxSparkWidth))
	}
	if !o.Wide {
		// "  name  spark  tail". Each step squeezes one part to what the room
		// leaves beside the other, but not below its floor, and never widens it.
		room := o.width() - 6 - tailWidth
		sparkWidth = min(sparkWidth, max(room-nameWidth, min(sparkWidth, comfortSparkWidth)))
		nameWidth = min(nameWidth, max(room-sparkWidth, min(nameWidth, minNameWidth)))
		sparkWidth = min(sparkWidth, max(room-nameWidth, min(sparkWidth, minSparkWidth)))
	}
	lines := make([]string, 0, len(ts))
	for _, t := range ts {
		name := truncateName(t, nameWidth)
		values := buckets(peakDay(t), sparkWidth)
		pad := strings.Repeat(" ", nameWidth-utf8.RuneCountInString(name))
		gap := strings.Repeat(" ", sparkWidth-len(values))
		lines = append(lines, "  "+name+pad+"  "+sparkline(values, t, o.Color)+gap+"  "+peakTail(t))
	}
	return lines
}

// writePeakDay writes the "Peak day (UTC)" section of a result with timelines.
func writePeakDay(w *bytes.Buffer, r *report.Result, o Options) {
	if len(r.Timelines) == 0 {
		return
	}
	fmt.Fprintln(w, "\nPeak day (UTC)")
	for _, l := range peakDayLines(r.Timelines, o) {
		fmt.Fprintln(w, l)
	}
}

// peakDayMarkdown is the same section for Markdown, as a text block without
// colour.
func peakDayMarkdown(w *bytes.Buffer, r *report.Result) {
	if len(r.Timelines) == 0 {
		return
	}
	fmt.Fprintf(w, "\n### Peak day (UTC)\n\n```text\n")
	for _, l := range peakDayLines(r.Timelines, Options{}) {
		fmt.Fprintln(w, l)
	}
	fmt.Fprintln(w, "```")
}
