// Package render turns a report.Document into bytes: one renderer per output
// format (table.go, markdown.go, json.go, yaml.go, csv.go, sh.go), pure, chosen by
// --output; chart.go draws the timelines of a result as an image, which html.go
// inlines. JSON, YAML and CSV are for machines: the documented field names,
// units in the names or in a unit field, raw numbers (Raw), no colour, no locale
// formatting. Table and markdown are for people (Human).
package render

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/connectcap/connectcap/report"
)

// Format is an output format.
type Format string

const (
	Table    Format = "table"
	JSON     Format = "json"
	CSV      Format = "csv"
	YAML     Format = "yaml"
	Markdown Format = "markdown"
	// Sh is a POSIX shell script of AWS CLI calls: connectcap request only.
	Sh Format = "sh"
	// HTML is a self-contained page with the charts: results sized interval by
	// interval (forecast, contacts).
	HTML Format = "html"
)

// Formats lists the output formats every command has, the default first.
var Formats = []string{string(Table), string(JSON), string(CSV), string(YAML), string(Markdown)}

// RequestFormats lists connectcap request's formats, its default (sh) first.
var RequestFormats = append([]string{string(Sh)}, Formats...)

// TimelineFormats lists the formats of the commands whose results carry
// timelines (forecast, contacts): every command's, and the HTML page.
var TimelineFormats = append(append([]string{}, Formats...), string(HTML))

// ParseFormat accepts one of RequestFormats or TimelineFormats.
func ParseFormat(s string) (Format, bool) {
	for _, f := range append(append([]string{}, RequestFormats...), string(HTML)) {
		if s == f {
			return Format(f), true
		}
	}
	return "", false
}

// DefaultWidth is the table width when the width is not known (output to a file
// or a pipe, COLUMNS unset).
const DefaultWidth = 100

// Options shape the table view for people; the other formats ignore them.
type Options struct {
	// Width is the terminal's width in columns; 0 means DefaultWidth.
	Width int
	// Wide shows every column, unwrapped, whatever the width (--wide).
	Wide bool
	// Color marks the peak day's buckets above the target and the limit with
	// ANSI colours: for a terminal, with NO_COLOR unset.
	Color bool
}

func (o Options) width() int {
	if o.Width <= 0 {
		return DefaultWidth
	}
	return o.Width
}

// Write renders d in format f. It writes nothing to w unless the whole rendering
// succeeds, and fails on a format that d has no renderer for.
func Write(w io.Writer, d report.Document, f Format, o Options) error {
	var buf bytes.Buffer
	var err error
	switch f {
	case Table:
		err = writeTable(&buf, d, o)
	case Markdown:
		err = writeMarkdown(&buf, d)
	case JSON:
		err = writeJSON(&buf, d)
	case YAML:
		err = writeYAML(&buf, d)
	case CSV:
		err = writeCSV(&buf, d)
	case Sh:
		err = writeSh(&buf, d)
	case HTML:
		err = writeHTML(&buf, d)
	default:
		err = fmt.Errorf("unknown output format %q; accepted: %s", f, strings.Join(Formats, ", "))
	}
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// unknownBody is the error for a body a renderer does not know: a programming
// error, not a user's.
func unknownBody(f Format, d report.Document) error {
	return fmt.Errorf("output format %s: nothing renders a %T (command %s)", f, d.Body, d.Command)
}
