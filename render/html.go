package render

import (
	"bytes"
	"html/template"
	"strings"
	"sync"

	"github.com/connectcap/connectcap/report"
)

// The HTML view: one self-contained page for people (styles inline, each chart
// an inline SVG, nothing fetched), which opens from disk. Every string goes
// through html/template's escaping; the charts are SVG that vgsvg escapes.

// htmlPage is the page's data.
type htmlPage struct {
	Title       string
	Inputs      [][]string
	Figures     [][]string
	OnlyActions bool
	Checks      []htmlCheck
	Summary     string
	Hidden      int
	Charts      []htmlChart
}

type htmlCheck struct {
	Name, Instance, Required, Recommended, Limit, Used, Status, StatusClass, Note string
}

type htmlChart struct {
	Title string
	SVG   template.HTML
}

func writeHTML(w *bytes.Buffer, d report.Document) error {
	r, ok := d.Body.(*report.Result)
	if !ok {
		return unknownBody(HTML, d)
	}
	// The page shows the summary only with checks.
	page := htmlPage{
		Title: r.Title, Inputs: fieldRows(r.Inputs, ""), OnlyActions: r.OnlyActions && len(r.Figures) > 0,
		Hidden: r.Hidden, Summary: Summary(r),
	}
	if !r.OnlyActions {
		page.Figures = fieldRows(r.Figures, "")
	}
	for _, c := range r.Checks {
		inst := "-"
		if c.Instance != nil {
			inst = *c.Instance
		}
		page.Checks = append(page.Checks, htmlCheck{
			Name: c.Name, Instance: inst, Required: requiredText(c, c.Unit), Recommended: recommendedText(c, c.Unit),
			Limit: withUnit(Human(c.Limit), c.Unit), Used: usedText(c), Status: statusLabel(c.Status),
			StatusClass: "st-" + string(c.Status), Note: c.Note,
		})
	}
	for _, t := range r.Timelines {
		svg, err := inlineSVG(t)
		if err != nil {
			return err
		}
		page.Charts = append(page.Charts, htmlChart{Title: timelineTitle(t), SVG: svg})
	}
	return pageTemplate().Execute(w, page)
}

// inlineSVG is a timeline's chart as an <svg> element, without the XML
// declaration and comment a file starts with.
func inlineSVG(t report.Timeline) (template.HTML, error) {
	var buf bytes.Buffer
	if err := drawChart(&buf, []report.Timeline{t}, ChartSVG); err != nil {
		return "", err
	}
	s := buf.String()
	s = s[max(strings.Index(s, "<svg"), 0):] // from the <svg> element, or all of it without one
	// vgsvg escapes the text it draws: the SVG is markup to keep as it is.
	return template.HTML(strings.TrimSpace(s)), nil
}

// pageTemplate is parsed on first use, not at start-up: commands that write no
// page do not pay for it.
var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Parse(pageHTML))
})

const pageHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: #1a1a1a; background: #fff; margin: 2em auto; max-width: 1100px; padding: 0 1em; line-height: 1.4; }
h1 { font-size: 1.5em; margin: 0 0 .8em; }
h2 { font-size: 1.15em; margin: 1.6em 0 .5em; }
table { border-collapse: collapse; margin: .3em 0; }
th, td { text-align: left; padding: .3em .8em .3em 0; border-bottom: 1px solid #ddd; vertical-align: top; }
th { font-weight: bold; border-bottom: 2px solid #999; }
th[scope=row] { border-bottom: 1px solid #ddd; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.note { max-width: 28em; font-size: .9em; color: #333; }
.badge { display: inline-block; padding: .05em .5em; border-radius: .7em; font-size: .85em; font-weight: bold; }
.st-ok { background: #dff3e0; color: #1b5e20; }
.st-warn { background: #fff1c7; color: #7a5200; }
.st-increase { background: #fde0dc; color: #a4161a; }
.st-hard-limit { background: #a4161a; color: #fff; }
.st-untouched { background: #eee; color: #555; }
figure { margin: 1em 0 2em; }
figure svg { display: block; max-width: 100%; height: auto; }
p.summary { margin: .6em 0; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<h2>Inputs</h2>
<table>
{{- range .Inputs}}
<tr><th scope="row">{{index . 0}}</th><td>{{index . 1}}</td></tr>
{{- end}}
</table>
{{- if .OnlyActions}}
<p>Figures are left out with --only-actions: most belong to checks not shown.</p>
{{- else if .Figures}}
<h2>Figures</h2>
<table>
{{- range .Figures}}
<tr><th scope="row">{{index . 0}}</th><td>{{index . 1}}</td></tr>
{{- end}}
</table>
{{- end}}
{{- if .Checks}}
<h2>Checks</h2>
<table class="checks">
<tr><th>Quota</th><th>Instance</th><th class="num">Required</th><th class="num">Recommended</th><th class="num">Limit</th><th class="num">Utilization</th><th>Status</th><th>Note</th></tr>
{{- range .Checks}}
<tr><td>{{.Name}}</td><td>{{.Instance}}</td><td class="num">{{.Required}}</td><td class="num">{{.Recommended}}</td><td class="num">{{.Limit}}</td><td class="num">{{.Used}}</td><td><span class="badge {{.StatusClass}}">{{.Status}}</span></td><td class="note">{{.Note}}</td></tr>
{{- end}}
</table>
<p class="summary">{{.Summary}}</p>
{{- if .Hidden}}
<p>({{.Hidden}} more checks, ok or warn, are not shown)</p>
{{- end}}
{{- else if .Hidden}}
<p>Nothing to do: none of the {{.Hidden}} checks needs an increase or exceeds a hard limit (some may warn: drop --only-actions to see them).</p>
{{- end}}
{{- if .Charts}}
<h2>Charts</h2>
{{- range .Charts}}
<figure aria-label="{{.Title}}">
{{.SVG}}
</figure>
{{- end}}
{{- end}}
</body>
</html>
`
