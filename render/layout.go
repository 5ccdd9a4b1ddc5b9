package render

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// How a table for people fits the width: first the narrow cells (units
// abbreviated); then, while the table could not fit even with its wrappable
// columns at their narrowest, the columns with a drop rank are left out (rank 1
// first); then the wrappable columns wrap, each giving up width in proportion to
// what it has to spare. --wide skips all of it.

// column describes one column of a table for people.
type column struct {
	header string
	right  bool
	// drop ranks the columns that give way by being left out: 1 first; 0 never.
	drop int
	// wrap is the narrowest the column wraps to; 0 never wraps.
	wrap int
}

// comfortWidth is the narrowest a wrapped column stays readable at: a column is
// left out before the others wrap below it.
const comfortWidth = 32

// sep is the gap between columns.
const sep = 2

// grid is a table before it is fitted.
type grid struct {
	cols []column
	rows [][]string
	// narrow are the rows with units abbreviated, or nil.
	narrow [][]string
}

// fitted is a table ready to print, and the headers of the columns left out.
type fitted struct {
	cols    []column
	rows    [][]string
	dropped []string
}

func textWidth(s string) int {
	w := 0
	for _, line := range strings.Split(s, "\n") {
		w = max(w, utf8.RuneCountInString(line))
	}
	return w
}

func colWidths(cols []column, rows [][]string) []int {
	ws := make([]int, len(cols))
	for i, c := range cols {
		ws[i] = textWidth(c.header)
	}
	for _, r := range rows {
		for i := range cols {
			ws[i] = max(ws[i], textWidth(r[i]))
		}
	}
	return ws
}

func totalWidth(ws []int) int {
	t := 0
	for _, w := range ws {
		t += w
	}
	t += sep * max(len(ws)-1, 0)
	return t
}

func (g grid) fit(o Options) fitted {
	if o.Wide {
		return fitted{cols: g.cols, rows: g.rows}
	}
	width := o.width()
	cols, rows := g.cols, g.rows
	if totalWidth(colWidths(cols, rows)) <= width {
		return fitted{cols: cols, rows: rows}
	}
	if g.narrow != nil {
		rows = g.narrow
	}
	var dropped []string
	maxRank := 0
	for _, c := range cols {
		maxRank = max(maxRank, c.drop)
	}
	for rank := 1; rank <= maxRank; rank++ {
		if nc, nr := wrapColumns(cols, rows, 0, comfortWidth); totalWidth(colWidths(nc, nr)) <= width {
			break // the columns fit with the wrapped ones still readable: keep them all
		}
		var keep []int
		for i, c := range cols {
			if c.drop == rank {
				dropped = append(dropped, c.header)
			} else {
				keep = append(keep, i)
			}
		}
		cols, rows = pick(cols, rows, keep)
	}
	cols, rows = wrapColumns(cols, rows, width, 0)
	return fitted{cols: cols, rows: rows, dropped: dropped}
}

// pick keeps the columns at the indexes in keep.
func pick(cols []column, rows [][]string, keep []int) ([]column, [][]string) {
	nc := make([]column, len(keep))
	for j, i := range keep {
		nc[j] = cols[i]
	}
	nr := make([][]string, len(rows))
	for r, row := range rows {
		nr[r] = make([]string, len(keep))
		for j, i := range keep {
			nr[r][j] = row[i]
		}
	}
	return nc, nr
}

// wrapColumns wraps the wrappable columns until the table fits width (0: each
// to its narrowest), each giving up width in proportion to what it has above its
// narrowest, which is at least floor.
func wrapColumns(cols []column, rows [][]string, width, floor int) ([]column, [][]string) {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = append([]string{}, r...)
	}
	least := func(i int) int { return max(cols[i].wrap, floor, textWidth(cols[i].header)) }
	// Words longer than a line keep a wrapped column wider than its target, so a
	// few passes may be needed.
	for pass := 0; pass < 4; pass++ {
		ws := colWidths(cols, out)
		excess := totalWidth(ws) - width
		if excess <= 0 {
			break
		}
		spare := 0
		for i, c := range cols {
			if c.wrap > 0 {
				spare += max(ws[i]-least(i), 0)
			}
		}
		if spare == 0 {
			break
		}
		for i, c := range cols {
			if c.wrap == 0 || ws[i] <= least(i) {
				continue
			}
			cut := (excess*(ws[i]-least(i)) + spare - 1) / spare
			target := max(least(i), ws[i]-cut)
			for r := range out {
				out[r][i] = wrapCell(rows[r][i], target)
			}
		}
	}
	return cols, out
}

// wrapCell wraps a cell's text to width, keeping its leading indent and indenting
// the lines after the first by two more spaces.
func wrapCell(s string, width int) string {
	body := strings.TrimLeft(s, " ")
	lead := s[:len(s)-len(body)]
	return strings.Join(wrapText(body, width, lead, lead+"  "), "\n")
}

// wrapText breaks text into lines of at most width runes, at spaces, else after a
// '.', '-' or '/' inside a long word, else anywhere. first and rest prefix the
// first and the other lines, within the width.
func wrapText(text string, width int, first, rest string) []string {
	var lines []string
	line, prefix := "", first
	room := func() int { return max(width-utf8.RuneCountInString(prefix), 8) }
	flush := func() {
		lines = append(lines, prefix+line)
		line, prefix = "", rest
	}
	for _, word := range strings.Fields(text) {
		for {
			if line != "" {
				if utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) <= room() {
					line += " " + word
					break
				}
				flush()
			}
			// The line is empty: it takes the word, or of a word longer than a
			// line as much as fits, and the rest goes on.
			cut := breakAt(word, room())
			if cut == len(word) {
				line = word
				break
			}
			line = word[:cut]
			flush()
			word = word[cut:]
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, prefix+line)
	}
	return lines
}

// breakAt is where a word breaks to fit room runes: at its end when it fits, else
// after the last '.', '-' or '/' among its first room runes, else after room runes.
func breakAt(word string, room int) int {
	runes, last := 0, 0
	for i, r := range word {
		if runes == room {
			if last > 0 {
				return last
			}
			return i
		}
		runes++
		if r == '.' || r == '-' || r == '/' {
			last = i + 1
		}
	}
	return len(word)
}

// paragraph wraps a line of text for people to width, indenting its continuation
// lines by two spaces more than its first; wide leaves it whole.
func paragraph(s string, o Options) string {
	if o.Wide || utf8.RuneCountInString(s) <= o.width() {
		return s
	}
	body := strings.TrimLeft(s, " ")
	lead := s[:len(s)-len(body)]
	return strings.Join(wrapText(body, o.width(), lead, lead+"  "), "\n")
}

// printTable writes an aligned, borderless table; header nil leaves it out.
func printTable(w io.Writer, cols []column, rows [][]string, header bool) error {
	aligns := make([]tw.Align, len(cols))
	for i, c := range cols {
		aligns[i] = tw.AlignLeft
		if c.right {
			aligns[i] = tw.AlignRight
		}
	}
	cell := tw.CellConfig{
		Formatting: tw.CellFormatting{AutoFormat: tw.Off, AutoWrap: tw.WrapNone},
		Alignment:  tw.CellAlignment{PerColumn: aligns},
		Padding:    tw.CellPadding{Global: tw.Padding{Left: "", Right: strings.Repeat(" ", sep), Overwrite: true}},
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
		tablewriter.WithConfig(tablewriter.Config{Header: cell, Row: cell}),
	)
	if header {
		h := make([]any, len(cols))
		for i, c := range cols {
			h[i] = c.header
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
		if _, err := io.WriteString(w, strings.TrimRight(line, " \n")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// writeGrid fits g to o and prints it, then says which columns were left out.
func writeGrid(w *bytes.Buffer, g grid, header bool, o Options) error {
	f := g.fit(o)
	if err := printTable(w, f.cols, f.rows, header); err != nil {
		return err
	}
	if len(f.dropped) > 0 {
		w.WriteString(paragraph("(left out to fit "+itoa(o.width())+" columns: "+strings.Join(f.dropped, ", ")+"; --wide shows every column)", o) + "\n")
	}
	return nil
}
