package render_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
	"github.com/connectcap/connectcap/tables"
)

func tableOf(t *testing.T, r *report.Result, o render.Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := render.Write(&buf, r.Document(), render.Table, o); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// 200 instances with the same note: the table says it once, naming a few.
func TestNotesGroupedAcrossInstances(t *testing.T) {
	r := report.New("plan", "Plan")
	const note = "Counts scheduled agents only."
	for i := 0; i < 200; i++ {
		inst := fmt.Sprintf("i%03d", i)
		r.Checks = append(r.Checks, report.Check{ID: "connect.users", Name: "Users per instance", Instance: &inst,
			Required: 450, Limit: 500, Unit: "count", UtilizationPct: ptr(90), Status: report.Warn, Note: note})
	}
	acct := "Applies per account."
	r.Checks = append(r.Checks, report.Check{ID: "connect.instances", Name: "Amazon Connect instances per account",
		Required: 200, Limit: 2, Unit: "count", Status: report.Increase, Note: acct})
	out := tableOf(t, r, render.Options{Wide: true})
	if n := strings.Count(out, note); n != 1 {
		t.Errorf("the shared note appears %d times, want once:\n%s", n, out)
	}
	want := "  Users per instance [i000, i001, i002, i003 and 196 more instances]: " + note + "\n"
	if !strings.Contains(out, want) {
		t.Errorf("no grouped note line %q in:\n%s", want, out)
	}
	if !strings.Contains(out, "  Amazon Connect instances per account: "+acct+"\n") {
		t.Errorf("the account check's note is not on its own line:\n%s", out)
	}
	// Two instances are both named.
	r.Checks = r.Checks[198:]
	if out := tableOf(t, r, render.Options{Wide: true}); !strings.Contains(out, "  Users per instance [i198, i199]: "+note+"\n") {
		t.Errorf("two instances:\n%s", out)
	}
}

// Untouched rows (plan --all) are marked, not graded, and counted apart.
func TestUntouchedRows(t *testing.T) {
	r := report.New("plan", "Plan")
	q := tables.Default().MustLookup("wisdom.assistants")
	r.Checks = append(r.Checks, report.NewCheck(tables.Default().MustLookup("connect.queues"), 30, report.Limit{Value: 50, Source: report.FromDefault}, 80, ""))
	r.Checks = append(r.Checks, report.Untouched(q, report.DefaultLimit(q, "")))
	out := tableOf(t, r, render.Options{Wide: true})
	if !regexpLine(strings.Split(out, "\n"), `^Assistants +- +5 +default 2026 +- +untouched +- +wisdom.assistants$`) {
		t.Errorf("untouched row not marked:\n%s", out)
	}
	if !strings.Contains(out, "\n2 checks: 1 ok, 0 warn, 0 increase, 0 hard-limit; 1 untouched\n") {
		t.Errorf("summary does not count untouched rows apart:\n%s", out)
	}
	if strings.Contains(out, "UNTOUCHED") {
		t.Errorf("untouched shown as a status that needs action:\n%s", out)
	}
}

// plan --only-actions: the table leaves the figures out and says so; JSON keeps
// them.
func TestOnlyActionsLeavesFiguresOut(t *testing.T) {
	r := fixedResult()
	r.OnlyActions, r.Hidden = true, 3
	out := tableOf(t, r, render.Options{})
	if strings.Contains(out, "offered load") || strings.Contains(out, "\nFigures\n") {
		t.Errorf("figures shown with --only-actions:\n%s", out)
	}
	if !strings.Contains(out, "\nFigures: left out with --only-actions") {
		t.Errorf("the table does not say the figures are left out:\n%s", out)
	}
	if js := renderString(t, r, render.JSON); !strings.Contains(js, `"offered_load_erlangs": 130`) {
		t.Errorf("JSON lost the figures:\n%s", js)
	}
}

// Blocking far below 1e-300 is 0 for people and for machines.
func TestBlockingUnderflowIsZero(t *testing.T) {
	r, err := sizing.SizeCalls(sizing.Calls{
		Common:       sizing.Common{TargetPct: 80, Limits: report.Override{ID: "connect.concurrent-active-calls", Value: report.Limit{Value: 5000, Source: report.FromFlag}, Next: report.Defaults{}}},
		CallsPerHour: 100, DurationMinutes: 6, Blocking: 0.001,
	})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := r.Figures.Get("blocking_at_limit"); v != 0.0 {
		t.Fatalf("blocking_at_limit = %v, want 0 (Erlang B of 10 erlangs on 5000 lines underflows)", v)
	}
	if out := tableOf(t, r, render.Options{}); !regexpLine(strings.Split(out, "\n"), `^  blocking at the limit +0$`) {
		t.Errorf("people output:\n%s", out)
	}
	if js := renderString(t, r, render.JSON); !strings.Contains(js, `"blocking_at_limit": 0,`) {
		t.Errorf("JSON:\n%s", js)
	}
}

// Tables fit the width: no line longer, unless --wide.
func TestTableFitsWidth(t *testing.T) {
	r := fixedResult()
	r.Checks[0].Note = strings.Repeat("a long note that runs on ", 12)
	for _, w := range []int{80, 100, 120} {
		out := tableOf(t, r, render.Options{Width: w})
		for _, line := range strings.Split(out, "\n") {
			if len(line) > w {
				t.Errorf("width %d: line of %d: %q", w, len(line), line)
			}
		}
	}
	wide := tableOf(t, r, render.Options{Width: 60, Wide: true})
	if !strings.Contains(wide, " ID\n") && !strings.Contains(wide, "  ID\n") {
		t.Errorf("--wide drops columns:\n%s", wide)
	}
	if !strings.Contains(wide, strings.TrimSpace(strings.Repeat("a long note that runs on ", 12))) {
		t.Errorf("--wide wraps notes:\n%s", wide)
	}
}

// request -o csv writes the limits that cannot be raised as cannot-raise rows.
func TestRequestsCSVCannotRaise(t *testing.T) {
	inst := "care"
	rs := &report.Requests{PlanFile: "p.yaml", Region: "us-east-1", Requests: []report.Request{},
		CannotRaise: []report.Blocked{{ID: "connect.lambda-functions", Name: "AWS Lambda functions per instance", Instance: &inst, Required: 60, Limit: 50, Unit: "count", Note: "Spread it."}}}
	var buf bytes.Buffer
	if err := render.Write(&buf, rs.Document(), render.CSV, render.Options{}); err != nil {
		t.Fatal(err)
	}
	want := "connect.lambda-functions,AWS Lambda functions per instance,care,60,50,,,count,us-east-1,,,,," + report.MethodCannotRaise + ",,,Spread it.\n"
	if !strings.HasSuffix(buf.String(), want) {
		t.Errorf("CSV:\n%s\nwant last row %q", buf.String(), want)
	}
}

// sh is for requests only; an unknown format is an error for every document.
func TestFormatsPerDocument(t *testing.T) {
	docs := []report.Document{fixedResult().Document(), report.Catalogue{}.Document(), {Command: "version", Body: report.Version{}}}
	for _, d := range docs {
		for _, f := range []render.Format{render.Sh, "bogus", ""} {
			var buf bytes.Buffer
			if err := render.Write(&buf, d, f, render.Options{}); err == nil || buf.Len() > 0 {
				t.Errorf("%s -o %q: err %v, wrote %q", d.Command, f, err, buf.String())
			}
		}
	}
}
