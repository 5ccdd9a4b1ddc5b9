package render_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
)

func htmlString(t *testing.T, r *report.Result) string {
	t.Helper()
	var buf bytes.Buffer
	if err := render.Write(&buf, r.Document(), render.HTML, render.Options{}); err != nil {
		t.Fatalf("html: %v", err)
	}
	return buf.String()
}

func TestHTML(t *testing.T) {
	r := timelineResult()
	r.Title = `Forecast <for> "care" & co`
	page := htmlString(t, r)
	for _, want := range []string{
		"<!DOCTYPE html>", "<title>Forecast &lt;for&gt; &#34;care&#34; &amp; co</title>",
		"<h2>Inputs</h2>", "15 minutes", "<h2>Figures</h2>", "peak concurrent calls",
		`<span class="badge st-increase">INCREASE</span>`, `<span class="badge st-ok">ok</span>`,
		"1.5 requests/second", "132.0 %", "Calls past the limit are rejected &lt;busy&gt;.",
		"2 checks: 1 ok, 0 warn, 1 increase, 0 hard-limit", "<h2>Charts</h2>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(page, "<busy>") || strings.Contains(page, "<for>") {
		t.Error("the page holds unescaped text")
	}
	if n := strings.Count(page, "<svg"); n != 2 {
		t.Errorf("the page has %d charts, want one per timeline (2)", n)
	}
	if strings.Contains(page, "<?xml") {
		t.Error("the page inlines an XML declaration")
	}
	// Self-contained: no scripts, no links, nothing loaded by URL. The only
	// URLs are the SVG namespaces.
	for _, no := range []string{"<script", "<link", "<img", "src=", "href=", "url(", "@import"} {
		if strings.Contains(page, no) {
			t.Errorf("the page holds %q", no)
		}
	}
	for _, u := range regexp.MustCompile(`https?://[^"\s]*`).FindAllString(page, -1) {
		if u != "http://www.w3.org/2000/svg" && u != "http://www.w3.org/1999/xlink" {
			t.Errorf("the page refers to %s", u)
		}
	}
}

// A result without checks still renders its inputs; other bodies have no page.
func TestHTMLBodies(t *testing.T) {
	r := report.New("forecast", "empty")
	r.Inputs.Add("intervals", 0, "intervals", "")
	page := htmlString(t, r)
	if !strings.Contains(page, "<h1>empty</h1>") || strings.Contains(page, "<h2>Checks</h2>") {
		t.Errorf("the page of an empty result:\n%s", page)
	}
	var buf bytes.Buffer
	err := render.Write(&buf, report.Document{Command: "version", Body: report.Version{Version: "1"}}, render.HTML, render.Options{})
	if err == nil || buf.Len() > 0 {
		t.Errorf("html of a version: error %v, %d bytes", err, buf.Len())
	}
}

func TestTimelineFormats(t *testing.T) {
	want := append(append([]string{}, render.Formats...), "html")
	if strings.Join(render.TimelineFormats, ",") != strings.Join(want, ",") {
		t.Errorf("TimelineFormats = %v, want %v", render.TimelineFormats, want)
	}
	if f, ok := render.ParseFormat("html"); !ok || f != render.HTML {
		t.Errorf("ParseFormat(html) = %q, %v", f, ok)
	}
	for _, f := range render.Formats {
		if f == "html" {
			t.Error("every command's formats include html")
		}
	}
}
