package render

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/connectcap/connectcap/report"
)

// Result renders a calculation's result in format f. It writes nothing to w unless
// the whole rendering succeeds.
func Result(w io.Writer, r *report.Result, f Format) error {
	return view{
		data: r,
		csv:  func() ([]string, [][]string) { return report.CheckFields, checkRows(r.Checks, rawValue) },
		people: func(b *bytes.Buffer, markdown bool) error {
			if markdown {
				resultMarkdown(b, r)
				return nil
			}
			return resultTable(b, r)
		},
	}.write(w, f)
}

func checkRows(checks []report.Check, format func(any) string) [][]string {
	rows := make([][]string, 0, len(checks))
	for _, c := range checks {
		rows = append(rows, []string{
			c.ID, c.Name, c.Service,
			format(c.Required), format(derefNum(c.Recommended)), format(c.Limit), string(c.LimitSource),
			format(c.UtilizationPct), string(c.Status), string(c.Adjustable),
			format(deref(c.ServiceCode)), format(deref(c.QuotaCode)), c.Note,
		})
	}
	return rows
}

func derefNum(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func deref(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

// withUnit joins a value and its unit for people; counts go bare.
func withUnit(value, unit string) string {
	if unit == "" || unit == "count" {
		return value
	}
	if unit == "%" {
		return value + " %"
	}
	return value + " " + unit
}

func fieldRows(fs report.Fields) [][]string {
	rows := make([][]string, 0, len(fs))
	for _, f := range fs {
		label := f.Label
		if label == "" {
			label = f.Key
		}
		v := HumanValue(f.Value)
		if f.Value != nil {
			v = withUnit(v, f.Unit)
		}
		rows = append(rows, []string{label, v})
	}
	return rows
}

// statusLabel makes statuses that need action stand out without colour.
func statusLabel(s report.Status) string {
	if s == report.OK {
		return "ok"
	}
	return strings.ToUpper(string(s))
}

// Summary is the one-line count of checks by status.
func Summary(r *report.Result) string {
	n := r.Counts()
	noun := "checks"
	if len(r.Checks) == 1 {
		noun = "check"
	}
	return fmt.Sprintf("%d %s: %d ok, %d warn, %d increase, %d hard-limit",
		len(r.Checks), noun, n[report.OK], n[report.Warn], n[report.Increase], n[report.HardLimit])
}

var checkHeader = []string{"QUOTA", "REQUIRED", "LIMIT", "SOURCE", "USED", "STATUS", "RECOMMENDED", "ID"}

func checkTableRows(checks []report.Check) [][]string {
	rows := make([][]string, 0, len(checks))
	for _, c := range checks {
		rows = append(rows, []string{
			c.Name,
			withUnit(Human(c.Required), c.Unit),
			withUnit(Human(c.Limit), c.Unit),
			string(c.LimitSource),
			pctText(c.UtilizationPct),
			statusLabel(c.Status),
			recommendedText(c),
			c.ID,
		})
	}
	return rows
}

var checkRight = map[int]bool{1: true, 2: true, 4: true, 6: true}

func recommendedText(c report.Check) string {
	if c.Recommended == nil {
		return "-"
	}
	return withUnit(Human(*c.Recommended), c.Unit)
}

// maxAllNotes is the most checks whose notes the table lists whatever their
// status.
const maxAllNotes = 8

func resultTable(w *bytes.Buffer, r *report.Result) error {
	fmt.Fprintf(w, "%s\n\n", r.Title)
	fmt.Fprintln(w, "Inputs")
	if err := table(w, nil, indent(fieldRows(r.Inputs)), nil); err != nil {
		return err
	}
	if len(r.Figures) > 0 {
		fmt.Fprintln(w, "\nFigures")
		if err := table(w, nil, indent(fieldRows(r.Figures)), nil); err != nil {
			return err
		}
	}
	if len(r.Checks) == 0 {
		if r.Hidden > 0 {
			fmt.Fprintf(w, "\nNothing to do: none of the %d checks needs an increase or exceeds a hard limit (some may warn: drop --only-actions to see them).\n", r.Hidden)
		}
		return nil
	}
	fmt.Fprintln(w)
	if err := table(w, checkHeader, checkTableRows(r.Checks), checkRight); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%s\n", Summary(r))
	if r.Hidden > 0 {
		fmt.Fprintf(w, "(%d more checks, ok or warn, are not shown)\n", r.Hidden)
	}
	// A long result lists the notes of the checks that need attention; the others
	// are in every other format.
	all := len(r.Checks) <= maxAllNotes
	var notes []string
	skipped := 0
	for _, c := range r.Checks {
		switch {
		case c.Note == "":
		case all || c.Status != report.OK:
			notes = append(notes, fmt.Sprintf("  %s: %s", c.Name, strings.Join(strings.Fields(c.Note), " ")))
		default:
			skipped++
		}
	}
	if len(notes) > 0 {
		fmt.Fprintf(w, "\nNotes\n%s\n", strings.Join(notes, "\n"))
	}
	if skipped > 0 {
		fmt.Fprintf(w, "(notes of %d ok checks: -o markdown, json, yaml or csv)\n", skipped)
	}
	return nil
}

func indent(rows [][]string) [][]string {
	for _, r := range rows {
		r[0] = "  " + r[0]
	}
	return rows
}

func resultMarkdown(w *bytes.Buffer, r *report.Result) {
	fmt.Fprintf(w, "## %s\n\n", r.Title)
	fmt.Fprintf(w, "### Inputs\n\n")
	markdownTable(w, []string{"input", "value"}, fieldRows(r.Inputs), nil)
	if len(r.Figures) > 0 {
		fmt.Fprintf(w, "\n### Figures\n\n")
		markdownTable(w, []string{"figure", "value"}, fieldRows(r.Figures), nil)
	}
	if len(r.Checks) > 0 {
		fmt.Fprintf(w, "\n### Checks\n\n")
		rows := checkTableRows(r.Checks)
		for i, c := range r.Checks {
			rows[i][5] = "**" + rows[i][5] + "**"
			rows[i][7] = "`" + c.ID + "`"
			rows[i] = append(rows[i], c.Note)
		}
		markdownTable(w, append(append([]string{}, checkHeader...), "NOTE"), rows, checkRight)
		fmt.Fprintf(w, "\n%s\n", Summary(r))
	}
}

// pctText shows a utilization with one decimal, never rounding a need over the
// limit down to 100.0 %.
func pctText(u float64) string {
	if u > 100 && u < 100.1 {
		u = 100.1
	}
	return fmt.Sprintf("%.1f %%", u)
}
