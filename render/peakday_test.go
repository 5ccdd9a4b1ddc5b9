package render_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/render"
)

// TestPeakDayGolden covers the table and Markdown views of a result with
// timelines: the checks, then the peak day's sparklines.
func TestPeakDayGolden(t *testing.T) {
	r := timelineResult()
	for _, f := range []render.Format{render.Table, render.Markdown} {
		t.Run("forecast/"+string(f), func(t *testing.T) {
			var buf bytes.Buffer
			if err := writeResult(&buf, r, f); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, "forecast."+ext(f)+".golden", buf.Bytes())
		})
	}
	widthGolden(t, "forecast", r.Document())
}

func TestPeakDayColor(t *testing.T) {
	r := timelineResult()
	for _, w := range []int{0, 60, 80, 120} {
		for _, f := range []render.Format{render.Table, render.Markdown, render.HTML} {
			var buf bytes.Buffer
			if err := render.Write(&buf, r.Document(), f, render.Options{Width: w}); err != nil {
				t.Fatal(err)
			}
			if bytes.IndexByte(buf.Bytes(), 0x1b) >= 0 {
				t.Errorf("%s at width %d without colour holds an escape byte", f, w)
			}
		}
	}
	var buf bytes.Buffer
	if err := render.Write(&buf, r.Document(), render.Table, render.Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	section := out[strings.Index(out, "Peak day (UTC)"):]
	lines := strings.Split(section, "\n")
	// Concurrent calls pass the limit (red) and the target (yellow); the API
	// rate stays under its target: no colour on its line.
	if !strings.Contains(lines[1], "\x1b[31m") || !strings.Contains(lines[1], "\x1b[33m") {
		t.Errorf("the calls' sparkline is not coloured red and yellow: %q", lines[1])
	}
	if strings.Contains(lines[2], "\x1b[") {
		t.Errorf("the API rate's sparkline is coloured: %q", lines[2])
	}
	if strings.Contains(out[:strings.Index(out, "Peak day (UTC)")], "\x1b") {
		t.Error("colour outside the peak day's sparklines")
	}
	if strings.Count(section, "\x1b[0m") != strings.Count(section, "\x1b[3") {
		t.Errorf("every colour is not reset: %q", section)
	}
}

// A result without timelines has no peak day.
func TestPeakDayNone(t *testing.T) {
	r := timelineResult()
	r.Timelines = nil
	for _, f := range []render.Format{render.Table, render.Markdown, render.HTML} {
		var buf bytes.Buffer
		if err := writeResult(&buf, r, f); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, no := range []string{"Peak day", "<svg", "Charts"} {
			if strings.Contains(buf.String(), no) {
				t.Errorf("%s of a result without timelines holds %q", f, no)
			}
		}
	}
}
