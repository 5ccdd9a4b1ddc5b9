// Package render turns results into bytes: one function per output format, pure,
// chosen by --output. JSON, YAML and CSV are for machines (stable field names, raw
// numbers, no colour); table and markdown are for people.
package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
	"go.yaml.in/yaml/v3"
)

// Format is an output format.
type Format string

const (
	Table    Format = "table"
	JSON     Format = "json"
	CSV      Format = "csv"
	YAML     Format = "yaml"
	Markdown Format = "markdown"
)

// Formats lists the output formats, the default first.
var Formats = []string{string(Table), string(JSON), string(CSV), string(YAML), string(Markdown)}

// ParseFormat accepts one of Formats.
func ParseFormat(s string) (Format, bool) {
	for _, f := range Formats {
		if s == f {
			return Format(f), true
		}
	}
	return "", false
}

// view is one thing to render: data for JSON and YAML, rows for CSV, and text for
// people (table or markdown). A view is written only when it rendered whole, so a
// failure leaves nothing half-written.
type view struct {
	data   any
	csv    func() (header []string, rows [][]string)
	people func(b *bytes.Buffer, markdown bool) error
}

func (v view) write(w io.Writer, f Format) error {
	var buf bytes.Buffer
	var err error
	switch {
	case f == JSON:
		err = writeJSON(&buf, v.data)
	case f == YAML:
		err = writeYAML(&buf, v.data)
	case f == CSV && v.csv != nil:
		header, rows := v.csv()
		err = writeCSV(&buf, header, rows)
	case (f == Table || f == "" || f == Markdown) && v.people != nil:
		err = v.people(&buf, f == Markdown)
	default:
		err = fmt.Errorf("output format %q is not available here", f)
	}
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func writeYAML(w io.Writer, v any) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return err
	}
	return enc.Close()
}

func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// Raw formats a number for machines: shortest exact decimal, no exponent, no
// grouping.
func Raw(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// Human formats a number for people: whole numbers as they are, others with two
// decimals, or four significant digits below one.
func Human(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "unbounded"
	case math.IsNaN(v):
		return "n/a"
	case v == math.Trunc(v) && math.Abs(v) < 1e15:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case math.Abs(v) >= 1:
		return trimZeros(strconv.FormatFloat(v, 'f', 2, 64))
	case math.Abs(v) < 1e-4:
		return strconv.FormatFloat(v, 'e', 3, 64)
	}
	return trimZeros(strconv.FormatFloat(v, 'f', 4-int(math.Floor(math.Log10(math.Abs(v))))-1, 64))
}

func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// HumanValue formats any field value for people.
func HumanValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "-"
	case float64:
		return Human(x)
	case int:
		return strconv.Itoa(x)
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case string:
		return x
	}
	return fmt.Sprint(v)
}

// rawValue formats any field value for machine text formats.
func rawValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		return Raw(x)
	case int:
		return strconv.Itoa(x)
	case bool:
		return strconv.FormatBool(x)
	case string:
		return x
	}
	return fmt.Sprint(v)
}

// table writes an aligned, borderless table for people. right marks the columns
// aligned right (numbers).
func table(w io.Writer, header []string, rows [][]string, right map[int]bool) error {
	aligns := make([]tw.Align, len(header))
	for i := range aligns {
		aligns[i] = tw.AlignLeft
		if right[i] {
			aligns[i] = tw.AlignRight
		}
	}
	var buf bytes.Buffer
	t := tablewriter.NewTable(&buf,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Borders: tw.BorderNone,
			Symbols: tw.NewSymbols(tw.StyleNone),
			Settings: tw.Settings{
				Separators: tw.Separators{ShowHeader: tw.Off, ShowFooter: tw.Off, BetweenRows: tw.Off, BetweenColumns: tw.Off},
				Lines:      tw.Lines{ShowTop: tw.Off, ShowBottom: tw.Off, ShowHeaderLine: tw.Off, ShowFooterLine: tw.Off},
			},
		})),
		tablewriter.WithConfig(tablewriter.Config{
			Header: tw.CellConfig{
				Formatting: tw.CellFormatting{AutoFormat: tw.Off, AutoWrap: tw.WrapNone},
				Alignment:  tw.CellAlignment{PerColumn: aligns},
				Padding:    tw.CellPadding{Global: tw.Padding{Left: "", Right: "  ", Overwrite: true}},
			},
			Row: tw.CellConfig{
				Formatting: tw.CellFormatting{AutoFormat: tw.Off, AutoWrap: tw.WrapNone},
				Alignment:  tw.CellAlignment{PerColumn: aligns},
				Padding:    tw.CellPadding{Global: tw.Padding{Left: "", Right: "  ", Overwrite: true}},
			},
		}),
	)
	if header != nil {
		h := make([]any, len(header))
		for i, s := range header {
			h[i] = s
		}
		t.Header(h...)
	}
	for _, r := range rows {
		row := make([]string, len(r)) // Append keeps the slice: give it its own
		copy(row, r)
		if err := t.Append(row); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	// The last column's padding leaves trailing blanks; people's terminals and
	// golden files are better without them.
	for _, line := range strings.SplitAfter(buf.String(), "\n") {
		if line == "" {
			continue
		}
		nl := strings.HasSuffix(line, "\n")
		if _, err := io.WriteString(w, strings.TrimRight(line, " \n")); err != nil {
			return err
		}
		if nl {
			if _, err := io.WriteString(w, "\n"); err != nil {
				return err
			}
		}
	}
	return nil
}

// markdownTable writes a GitHub-flavoured Markdown table.
func markdownTable(w io.Writer, header []string, rows [][]string, right map[int]bool) {
	esc := func(s string) string {
		s = strings.ReplaceAll(s, "|", `\|`)
		return strings.ReplaceAll(s, "\n", " ")
	}
	fmt.Fprintf(w, "| %s |\n", strings.Join(mapStrings(header, esc), " | "))
	sep := make([]string, len(header))
	for i := range sep {
		sep[i] = "---"
		if right[i] {
			sep[i] = "---:"
		}
	}
	fmt.Fprintf(w, "| %s |\n", strings.Join(sep, " | "))
	for _, r := range rows {
		fmt.Fprintf(w, "| %s |\n", strings.Join(mapStrings(r, esc), " | "))
	}
}

func mapStrings(in []string, f func(string) string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = f(s)
	}
	return out
}

// Records writes a list for any format: data as JSON or YAML; header and rows as
// CSV; peopleHeader and peopleRows (a narrower view) as a table or Markdown,
// followed by footer lines.
func Records(w io.Writer, f Format, data any, header []string, rows [][]string, peopleHeader []string, peopleRows [][]string, footer []string) error {
	return view{
		data: data,
		csv:  func() ([]string, [][]string) { return header, rows },
		people: func(b *bytes.Buffer, markdown bool) error {
			if len(peopleRows) > 0 {
				if markdown {
					markdownTable(b, peopleHeader, peopleRows, nil)
				} else if err := table(b, peopleHeader, peopleRows, nil); err != nil {
					return err
				}
			}
			for _, line := range footer {
				fmt.Fprintln(b, line)
			}
			return nil
		},
	}.write(w, f)
}
