package render_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/connectcap/connectcap/render"
)

// readmeChart is the chart the README shows, drawn from the test fixture.
var readmeChart = filepath.Join("..", "docs", "forecast-chart.svg")

// TestREADMEChart keeps docs/forecast-chart.svg the chart of the fixture result;
// 'go test ./render -update' redraws it.
func TestREADMEChart(t *testing.T) {
	var buf bytes.Buffer
	if err := render.WriteChart(&buf, timelineResult(), render.ChartSVG); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(readmeChart, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(readmeChart)
	if err != nil {
		t.Fatalf("%v (run 'go test ./render -update' to draw it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("%s is not the chart of the fixture (run 'go test ./render -update')", readmeChart)
	}
	if len(want) > 200_000 {
		t.Errorf("%s is %d bytes: keep the README's image under 200 KB", readmeChart, len(want))
	}
}
