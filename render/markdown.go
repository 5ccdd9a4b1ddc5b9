package render

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/connectcap/connectcap/report"
)

// The Markdown view, for people reading a pull request or a wiki: GitHub-flavoured
// tables, every column, every note.

func writeMarkdown(w *bytes.Buffer, d report.Document) error {
	switch b := d.Body.(type) {
	case *report.Result:
		resultMarkdown(w, b)
		peaksMarkdown(w, b)
		peakDayMarkdown(w, b)
	case report.Catalogue:
		quotasMarkdown(w, b.Quotas)
	case report.QuotaShow:
		markdownTable(w, []string{"field", "value"}, quotaFieldRows(b.Quota), nil)
	case report.QuotaDiff:
		quotaDiffMarkdown(w, b)
	case *report.Requests:
		requestsMarkdown(w, b)
	case *report.Listing:
		listingMarkdown(w, d.Title, b)
	case report.Version:
		markdownTable(w, []string{"version", "commit", "date", "go_version"}, [][]string{{b.Version, b.Commit, b.Date, b.GoVersion}}, nil)
	default:
		return unknownBody(Markdown, d)
	}
	return nil
}

// markdownTable writes a GitHub-flavoured Markdown table.
func markdownTable(w *bytes.Buffer, header []string, rows [][]string, right map[int]bool) {
	esc := func(s string) string {
		s = strings.ReplaceAll(s, "|", `\|`)
		return strings.ReplaceAll(s, "\n", " ")
	}
	line := func(cells []string) {
		out := make([]string, len(cells))
		for i, c := range cells {
			out[i] = esc(c)
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(out, " | "))
	}
	line(header)
	sep := make([]string, len(header))
	for i := range sep {
		sep[i] = "---"
		if right[i] {
			sep[i] = "---:"
		}
	}
	fmt.Fprintf(w, "| %s |\n", strings.Join(sep, " | "))
	for _, r := range rows {
		line(r)
	}
}

func headers(cols []column) []string {
	h := make([]string, len(cols))
	for i, c := range cols {
		h[i] = c.header
	}
	return h
}

func rightAligned(cols []column) map[int]bool {
	m := map[int]bool{}
	for i, c := range cols {
		if c.right {
			m[i] = true
		}
	}
	return m
}

func resultMarkdown(w *bytes.Buffer, r *report.Result) {
	fmt.Fprintf(w, "## %s\n\n", r.Title)
	fmt.Fprintf(w, "### Inputs\n\n")
	markdownTable(w, []string{"input", "value"}, fieldRows(r.Inputs, ""), nil)
	if len(r.Figures) > 0 && r.OnlyActions {
		fmt.Fprintf(w, "\nFigures are left out with --only-actions: most belong to checks not shown.\n")
	} else if len(r.Figures) > 0 {
		fmt.Fprintf(w, "\n### Figures\n\n")
		markdownTable(w, []string{"figure", "value"}, fieldRows(r.Figures, ""), nil)
	}
	if len(r.Checks) == 0 {
		if r.Hidden > 0 {
			fmt.Fprintf(w, "\nNothing to do: none of the %d checks needs an increase or exceeds a hard limit (some may warn: drop --only-actions to see them).\n", r.Hidden)
		}
		return
	}
	fmt.Fprintf(w, "\n### Checks\n\n")
	rows := make([][]string, 0, len(r.Checks))
	for _, c := range r.Checks {
		row := checkCells(c, c.Unit)
		row[5] = "**" + row[5] + "**"
		row[7] = "`" + c.ID + "`"
		rows = append(rows, append(row, c.Note))
	}
	markdownTable(w, append(headers(checkColumns), "NOTE"), rows, rightAligned(checkColumns))
	fmt.Fprintf(w, "\n%s\n", Summary(r))
	if r.Hidden > 0 {
		fmt.Fprintf(w, "(%d more checks, ok or warn, are not shown)\n", r.Hidden)
	}
}

func quotasMarkdown(w *bytes.Buffer, rows []report.QuotaRow) {
	if len(rows) > 0 {
		out := make([][]string, len(rows))
		for i, q := range rows {
			out[i] = quotaCells(q, q.Unit)
			out[i][0] = "`" + q.ID + "`"
		}
		markdownTable(w, headers(quotaColumns), out, nil)
	}
	fmt.Fprintf(w, "\n%s\n", countNoun(len(rows), "quota", "quotas"))
}

func quotaDiffMarkdown(w *bytes.Buffer, d report.QuotaDiff) {
	if len(d.Quotas) > 0 {
		rows := diffLines(d, false)
		for _, r := range rows {
			if r[0] != "" {
				r[0] = "`" + r[0] + "`"
			}
		}
		markdownTable(w, headers(diffColumns(d)), rows, nil)
	}
	fmt.Fprintf(w, "\n%s\n", DiffSummary(d))
}

func requestsMarkdown(w *bytes.Buffer, rs *report.Requests) {
	if len(rs.Requests) > 0 {
		rows := make([][]string, 0, len(rs.Requests))
		for _, r := range rs.Requests {
			rows = append(rows, []string{r.Name, requestInstances(r), Human(r.Required),
				Human(r.CurrentLimit) + " (" + string(r.LimitSource) + ")", Human(r.DesiredValue), r.Method, orDash(r.QuotaCode)})
		}
		markdownTable(w, headers(requestColumns), rows, nil)
	}
	fmt.Fprintf(w, "\n%s in %s. Lead time: %s\n", countNoun(len(rs.Requests), "request", "requests"), rs.Region, rs.LeadTime)
	if len(rs.CannotRaise) > 0 {
		fmt.Fprintf(w, "\nCannot be raised (no request fixes these):\n")
		for _, c := range rs.CannotRaise {
			fmt.Fprintf(w, "  %s: need %s, limit %s. %s\n", blockedName(c), Human(c.Required), Human(c.Limit), c.Note)
		}
	}
}
