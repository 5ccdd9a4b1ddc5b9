package render_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/connectcap/connectcap/render"
)

// browserEnv set to 1 makes a missing browser a failure rather than a skip (CI
// installs Chromium).
const browserEnv = "CI_BROWSER_TEST"

// TestHTMLInBrowser opens the HTML page of a result with two timelines in
// headless Chromium from disk, with no network, and looks at the screenshot: the
// page is drawn, and the charts are, below the tables.
func TestHTMLInBrowser(t *testing.T) {
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		if os.Getenv(browserEnv) == "1" {
			t.Fatalf("no chromium or chromium-browser on PATH, and %s=1", browserEnv)
		}
		t.Skipf("no chromium or chromium-browser on PATH (apt-get install chromium; %s=1 makes this a failure)", browserEnv)
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "forecast.html")
	var buf bytes.Buffer
	if err := render.Write(&buf, timelineResult().Document(), render.HTML, render.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "shot.png")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-default-apps", "--disable-sync", "--no-first-run",
		"--hide-scrollbars", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--screenshot="+shot, "--window-size=1200,1600", "file://"+page)
	// Chromium reports harmless errors (no D-Bus, no GPU) on stderr: only its
	// exit status and the screenshot count.
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("%s took more than 60 s:\n%s", browser, out)
	}
	if err != nil {
		t.Fatalf("%s: %v\n%s", browser, err, out)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v\n%s", err, out)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("the screenshot does not decode: %v", err)
	}
	b := img.Bounds()
	if b.Dx() != 1200 || b.Dy() != 1600 {
		t.Errorf("the screenshot is %v, want 1200x1600", b.Size())
	}

	colours := map[color.Color]bool{}
	inked := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := img.At(x, y)
			colours[c] = true
			if !nearColor(c, color.RGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}, 16) {
				inked++
			}
		}
	}
	share := float64(inked) / float64(b.Dx()*b.Dy())
	t.Logf("%d colours, %.1f %% of pixels not white", len(colours), 100*share)
	if len(colours) < 64 || share < 0.02 {
		t.Errorf("the page looks blank: %d colours, %.1f %% of pixels not white", len(colours), 100*share)
	}

	// The need line's blue, below the checks table (the page's upper third
	// holds the tables): the charts are drawn.
	top, need := needBand(img)
	t.Logf("%d pixels of the need line's colour, the first at y=%d", need, top)
	if need < 500 {
		t.Errorf("%d pixels of the need line's colour: no chart", need)
	}
	if top < b.Dy()/4 {
		t.Errorf("the need line's colour starts at y=%d, above the tables' end", top)
	}
}

// needBand counts the pixels of the need line's colour and finds the highest.
func needBand(img image.Image) (top, count int) {
	b := img.Bounds()
	top = b.Max.Y
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if nearColor(img.At(x, y), needRGB, 24) {
				count++
				top = min(top, y)
			}
		}
	}
	return top, count
}
