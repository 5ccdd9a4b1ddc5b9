package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestREADMEChart keeps docs/forecast-chart.svg the chart that the README's
// command draws from examples/traffic/forecast-monday.csv; 'go test ./cmd -run
// TestREADMEChart -update' redraws it.
func TestREADMEChart(t *testing.T) {
	t.Chdir("..")
	readmeChart := filepath.Join("docs", "forecast-chart.svg")
	out := filepath.Join(t.TempDir(), "chart.svg")
	var stdout, stderr bytes.Buffer
	app := App{Stdout: &stdout, Stderr: &stderr, Stdin: &bytes.Buffer{},
		LookupEnv: func(string) (string, bool) { return "", false }, Environ: func() []string { return nil }}
	if code := Execute(app, []string{"forecast", "-f", "examples/traffic/forecast-monday.csv", "--chart", out, "-o", "csv"}); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if *updateScripts {
		if err := os.WriteFile(readmeChart, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(readmeChart)
	if err != nil {
		t.Fatalf("%v (run 'go test ./cmd -run TestREADMEChart -update' to draw it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not the chart of examples/traffic/forecast-monday.csv (run 'go test ./cmd -run TestREADMEChart -update')", readmeChart)
	}
	if len(want) > 200_000 {
		t.Errorf("%s is %d bytes: keep the README's image under 200 KB", readmeChart, len(want))
	}
}
