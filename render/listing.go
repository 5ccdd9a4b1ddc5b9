package render

import (
	"bytes"
	"fmt"

	"github.com/connectcap/connectcap/report"
)

func listingCells(l *report.Listing) [][]string {
	rows := make([][]string, 0, len(l.Rows))
	for _, r := range l.Rows {
		cells := make([]string, len(r))
		for i, v := range r {
			cells[i] = HumanValue(v)
		}
		rows = append(rows, cells)
	}
	return rows
}

func listingColumns(l *report.Listing) []column {
	cols := make([]column, len(l.Columns))
	for i, c := range l.Columns {
		cols[i] = column{header: c.Header, right: c.Right, wrap: c.Wrap}
	}
	return cols
}

func listingTable(w *bytes.Buffer, title string, l *report.Listing, o Options) error {
	if title != "" {
		fmt.Fprintf(w, "%s\n\n", paragraph(title, o))
	}
	if len(l.Fields) > 0 {
		if err := writeGrid(w, grid{cols: fieldColumns, rows: fieldRows(l.Fields, "  ")}, false, o); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	if len(l.Rows) > 0 {
		if err := writeGrid(w, grid{cols: listingColumns(l), rows: listingCells(l)}, true, o); err != nil {
			return err
		}
	}
	if l.Summary != "" {
		fmt.Fprintf(w, "\n%s\n", paragraph(l.Summary, o))
	}
	return nil
}

func listingMarkdown(w *bytes.Buffer, title string, l *report.Listing) {
	if title != "" {
		fmt.Fprintf(w, "## %s\n\n", title)
	}
	if len(l.Fields) > 0 {
		markdownTable(w, []string{"field", "value"}, fieldRows(l.Fields, ""), nil)
		fmt.Fprintln(w)
	}
	cols := listingColumns(l)
	markdownTable(w, headers(cols), listingCells(l), rightAligned(cols))
	if l.Summary != "" {
		fmt.Fprintf(w, "\n%s\n", l.Summary)
	}
}

func listingCSV(l *report.Listing) (header []string, rows [][]string) {
	for _, c := range l.Columns {
		header = append(header, c.Key)
	}
	for _, r := range l.Rows {
		cells := make([]string, len(r))
		for i, v := range r {
			cells[i] = rawValue(v)
		}
		rows = append(rows, cells)
	}
	return header, rows
}
