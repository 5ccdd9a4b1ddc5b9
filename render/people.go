package render

import (
	"fmt"
	"strings"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// What the table and Markdown views share: names, statuses, the summary line and
// grouped notes.

// checkName is a check's name for people, with its instance when it has one:
// "Users per instance [care]". Machine formats keep the two apart.
func checkName(c report.Check) string {
	if c.Instance != nil {
		return c.Name + " [" + *c.Instance + "]"
	}
	return c.Name
}

// statusLabel makes statuses that need action stand out without colour.
func statusLabel(s report.Status) string {
	switch s {
	case report.OK, report.Untouch:
		return string(s)
	}
	return strings.ToUpper(string(s))
}

// Summary is the one-line count of checks by status; untouched rows (plan --all)
// are counted apart, since they are not graded.
func Summary(r *report.Result) string {
	n := r.Counts()
	noun := "checks"
	if len(r.Checks) == 1 {
		noun = "check"
	}
	s := fmt.Sprintf("%d %s: %d ok, %d warn, %d increase, %d hard-limit",
		len(r.Checks), noun, n[report.OK], n[report.Warn], n[report.Increase], n[report.HardLimit])
	if u := n[report.Untouch]; u > 0 {
		s += fmt.Sprintf("; %d untouched", u)
	}
	return s
}

// The number columns of a check for people: "-" where a row is not graded.
func requiredText(c report.Check, unit string) string {
	if c.Status == report.Untouch {
		return "-"
	}
	return withUnit(Human(c.Required), unit)
}

// usedText is "-" also where the utilization is null: something is required of a
// limit of 0, which has no percentage (the status says increase).
func usedText(c report.Check) string {
	if c.Status == report.Untouch || c.UtilizationPct == nil {
		return "-"
	}
	return pctText(*c.UtilizationPct)
}

func recommendedText(c report.Check, unit string) string {
	if c.Recommended == nil || c.Status == report.Untouch {
		return "-"
	}
	return withUnit(Human(*c.Recommended), unit)
}

// maxAllNotes is the most checks whose notes the table lists whatever their
// status.
const maxAllNotes = 8

// maxNamedInstances is the most instances a grouped note names.
const maxNamedInstances = 5

// note is one line of the Notes section: a note shared by one or more checks of
// the same name.
type note struct {
	name      string
	instances []string
	text      string
}

func (n note) String() string {
	if len(n.instances) == 0 {
		return n.name + ": " + n.text
	}
	if len(n.instances) > maxNamedInstances {
		shown := strings.Join(n.instances[:maxNamedInstances-1], ", ")
		return fmt.Sprintf("%s [%s and %d more instances]: %s", n.name, shown, len(n.instances)-(maxNamedInstances-1), n.text)
	}
	return n.name + " [" + strings.Join(n.instances, ", ") + "]: " + n.text
}

// notes lists the notes people should read: every check's when there are few,
// else those of checks that are not ok (untouched rows, plan --all, are catalogue
// text). Checks of the same name with the same note share one line. skipped counts
// the checks whose notes are left out.
func notes(checks []report.Check) (out []note, skipped int) {
	all := len(checks) <= maxAllNotes
	type noteKey struct {
		name, text string
		onInstance bool
	}
	index := map[noteKey]int{}
	for _, c := range checks {
		text := strings.Join(strings.Fields(c.Note), " ")
		if text == "" {
			continue
		}
		if !all && (c.Status == report.OK || c.Status == report.Untouch) {
			skipped++
			continue
		}
		// Checks of one name on several instances share a line; a check without
		// an instance keeps its own, so "[a, b]" never claims an account check.
		onInstance := c.Instance != nil
		key := noteKey{c.Name, text, onInstance}
		i, seen := index[key]
		if !seen {
			i = len(out)
			index[key] = i
			out = append(out, note{name: c.Name, text: text})
		}
		if onInstance {
			out[i].instances = append(out[i].instances, *c.Instance)
		}
	}
	return out, skipped
}

// skippedNotes says where the left-out notes are.
func skippedNotes(checks []report.Check, skipped int) string {
	what := "ok checks"
	for _, c := range checks {
		if c.Status == report.Untouch {
			what = "ok or untouched checks"
			break
		}
	}
	return fmt.Sprintf("(notes of %d %s: -o markdown, json, yaml or csv)", skipped, what)
}

func blockedName(c report.Blocked) string {
	if c.Instance != nil {
		return c.Name + " [" + *c.Instance + "]"
	}
	return c.Name
}

// requestInstances names a request's instances for people.
func requestInstances(r report.Request) string {
	inst := strings.Join(r.Instances, ", ")
	if inst == "" {
		return "-"
	}
	if r.ContextID != nil {
		return inst
	}
	if r.PerInstance {
		return inst + " (ARN needed)"
	}
	if r.Level == tables.AccountLevel {
		return inst + " (account level)"
	}
	return inst + " (Region-wide)"
}

// Covered says which needs a request's value covers, for people: "2190 on care;
// 1630 on sales". The request's text and the CSV covers column use it too.
func Covered(r *report.Request) string {
	parts := make([]string, 0, len(r.Covers))
	for _, n := range r.Covers {
		p := Human(n.Required)
		if n.Instance != nil && len(r.Instances) > 1 {
			p += " on " + *n.Instance
		}
		if n.Check != r.Name {
			// "(if hard limits are spread)" is already in parentheses.
			what := strings.TrimSpace(strings.TrimPrefix(n.Check, r.Name))
			if !strings.HasPrefix(what, "(") {
				what = "(" + what + ")"
			}
			p += " " + what
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "; ")
}

func countNoun(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// onlyMarker marks a catalogue row that one edition of the page has and the
// other does not: " (2026 only)". Machine formats carry editions instead.
func onlyMarker(editions []tables.Edition) string {
	if len(editions) != 1 {
		return ""
	}
	return " (" + string(editions[0]) + " only)"
}

// editionsText is a row's edition for people, and whether the other has it too:
// "2026 (also 2023)", "2026 only".
func editionsText(q report.QuotaRow) string {
	var others []string
	for _, e := range q.Editions {
		if e != q.Edition {
			others = append(others, string(e))
		}
	}
	if len(others) == 0 {
		return string(q.Edition) + " only"
	}
	return string(q.Edition) + " (also " + strings.Join(others, ", ") + ")"
}

// DiffSummary is the people's count of a quotas diff by status: "2023 to 2026: 3
// changed, 2 added, 1 removed, 40 unchanged (not listed; --all lists them)".
func DiffSummary(d report.QuotaDiff) string {
	n := d.Summary
	s := fmt.Sprintf("%s to %s: %d changed, %d added, %d removed, %d unchanged", d.From, d.To, n.Changed, n.Added, n.Removed, n.Unchanged)
	listed := 0
	for _, r := range d.Quotas {
		if r.Status == report.Unchanged {
			listed++
		}
	}
	if hidden := n.Unchanged - listed; hidden > 0 {
		s += " (not listed; --all lists them)"
	}
	return s
}

// diffLines are a quotas diff's lines for people: one per changed field, the id
// and status on the first; an added, removed or unchanged quota shows its
// default. narrow abbreviates the units.
func diffLines(d report.QuotaDiff, narrow bool) [][]string {
	var out [][]string
	for _, r := range d.Quotas {
		oldUnit, newUnit := r.Unit, r.Unit
		for _, c := range r.Changes {
			if c.Field == "unit" {
				oldUnit, _ = c.Old.(string)
			}
		}
		if narrow {
			oldUnit, newUnit = shortUnit(oldUnit), shortUnit(newUnit)
		}
		if len(r.Changes) == 0 {
			out = append(out, []string{r.ID, string(r.Status), "default", diffDefault(r.OldDefault, oldUnit), diffDefault(r.NewDefault, newUnit)})
			continue
		}
		for i, c := range r.Changes {
			line := []string{"", "", c.Field, humanDiffValue(c.Old, oldUnit), humanDiffValue(c.New, newUnit)}
			if c.Field == "unit" && narrow {
				line[3], line[4] = shortUnit(line[3]), shortUnit(line[4])
			}
			if i == 0 {
				line[0], line[1] = r.ID, string(r.Status)
			}
			out = append(out, line)
		}
	}
	return out
}

func diffDefault(v *float64, unit string) string {
	if v == nil {
		return "-"
	}
	return withUnit(Human(*v), unit)
}

// humanDiffValue is a compared field's value for people: numbers (default,
// burst) with the row's unit, "-" for none.
func humanDiffValue(v any, unit string) string {
	switch x := v.(type) {
	case nil:
		return "-"
	case float64:
		return withUnit(Human(x), unit)
	case string:
		return orDashText(x)
	case map[string]float64:
		return orDashText(regionDefaults(x))
	case []string:
		return orDashText(strings.Join(x, ", "))
	}
	return fmt.Sprint(v)
}
