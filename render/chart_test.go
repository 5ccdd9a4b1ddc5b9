package render_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
)

func chartBytes(t *testing.T, r *report.Result, f render.ChartFormat) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := render.WriteChart(&buf, r, f); err != nil {
		t.Fatalf("chart %s: %v", f, err)
	}
	return buf.Bytes()
}

func TestChartSVG(t *testing.T) {
	svg := chartBytes(t, timelineResult(), render.ChartSVG)
	dec := xml.NewDecoder(bytes.NewReader(svg))
	svgs := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "svg" {
			svgs++
		}
	}
	if svgs != 1 {
		t.Errorf("the SVG has %d <svg> elements, want 1", svgs)
	}
	for _, want := range []string{
		"Concurrent active calls — care", "API requests — account",
		"peak 132 at 2026-03-02 14:15 UTC", "peak 1.5 at 2026-03-02 12:45 UTC",
		"limit 100", "target 80 (80 %)", "14:00", "time (UTC), 2026-03-02",
	} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("the SVG lacks %q", want)
		}
	}
	// Fonts are named, not fetched: nothing refers outside the file.
	if bytes.Contains(svg, []byte("href")) || bytes.Contains(svg, []byte("url(")) {
		t.Error("the SVG refers to something outside itself")
	}
}

// needRGB is the need line's colour (render's needColor): a test finds the line
// by it.
var needRGB = color.RGBA{R: 0x00, G: 0x5f, B: 0xff, A: 0xff}

func nearColor(c color.Color, want color.RGBA, tolerance int) bool {
	r, g, b, _ := c.RGBA()
	d := func(x uint32, y uint8) int { return abs(int(x>>8) - int(y)) }
	return d(r, want.R) <= tolerance && d(g, want.G) <= tolerance && d(b, want.B) <= tolerance
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func TestChartPNG(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(chartBytes(t, timelineResult(), render.ChartPNG)))
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	// 10 inches wide at 96 dots per inch; two panels of 3.2 inches and a gap of
	// 0.2: 6.6 inches, 633.6 dots, rounded.
	if got, want := img.Bounds().Size(), (image.Point{X: 960, Y: 634}); got != want {
		t.Errorf("the PNG is %v, want %v", got, want)
	}
	colours := map[color.Color]bool{}
	need := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := img.At(x, y)
			colours[c] = true
			if nearColor(c, needRGB, 8) {
				need++
			}
		}
	}
	if len(colours) < 16 {
		t.Errorf("the PNG has %d colours: nearly blank", len(colours))
	}
	if need < 500 {
		t.Errorf("the PNG has %d pixels of the need line's colour, want the line", need)
	}
}

func TestChartNothing(t *testing.T) {
	r := report.New("calls", "calls")
	for _, f := range []render.ChartFormat{render.ChartSVG, render.ChartPNG} {
		var buf bytes.Buffer
		err := render.WriteChart(&buf, r, f)
		if err == nil || !strings.HasPrefix(err.Error(), "nothing to chart: ") {
			t.Errorf("%s of a result without timelines: error %v, want nothing to chart", f, err)
		}
		if buf.Len() > 0 {
			t.Errorf("%s: wrote %d bytes on error", f, buf.Len())
		}
	}
}

func TestChartFormatOf(t *testing.T) {
	for path, want := range map[string]render.ChartFormat{
		"peak.svg": render.ChartSVG, "out/Peak.SVG": render.ChartSVG, "a.b.png": render.ChartPNG,
	} {
		got, err := render.ChartFormatOf(path)
		if err != nil || got != want {
			t.Errorf("ChartFormatOf(%q) = %q, %v; want %q", path, got, err, want)
		}
	}
	for _, path := range []string{"chart.jpg", "chart", "svg", "chart.svg.gz"} {
		_, err := render.ChartFormatOf(path)
		if err == nil {
			t.Errorf("ChartFormatOf(%q) accepted it", path)
			continue
		}
		for _, want := range []string{path, ".svg", ".png"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("ChartFormatOf(%q): error %q does not name %q", path, err, want)
			}
		}
	}
}

// The same result draws the same bytes, in every format that draws.
func TestChartDeterministic(t *testing.T) {
	for _, f := range []render.ChartFormat{render.ChartSVG, render.ChartPNG} {
		a, b := chartBytes(t, timelineResult(), f), chartBytes(t, timelineResult(), f)
		if !bytes.Equal(a, b) {
			t.Errorf("two %s charts of the same result differ", f)
		}
	}
	page := func() []byte {
		var buf bytes.Buffer
		if err := render.Write(&buf, timelineResult().Document(), render.HTML, render.Options{}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	if !bytes.Equal(page(), page()) {
		t.Error("two HTML pages of the same result differ")
	}
}

// A timeline over a week reads in dates.
func TestChartWeek(t *testing.T) {
	r := timelineResult()
	week := r.Timelines[0]
	week.Required = nil
	for range 7 {
		week.Required = append(week.Required, r.Timelines[0].Required...)
	}
	r = withTimelines(r, []report.Timeline{week})
	svg := string(chartBytes(t, r, render.ChartSVG))
	for _, want := range []string{"Mar 3", "Mar 8", "time (UTC)"} {
		if !strings.Contains(svg, ">"+want+"<") {
			t.Errorf("the week's chart lacks the tick or label %q", want)
		}
	}
	if strings.Contains(svg, ">14:00<") {
		t.Error("the week's chart labels clock times")
	}
}
