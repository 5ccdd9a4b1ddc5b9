package render_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
	"github.com/connectcap/connectcap/tables"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// goldenResults are the results the golden files show, one per command example.
// Their inputs are what the commands pass to sizing for the command lines in the
// comments; the end-to-end scripts in cmd/testdata/script compare the real binary's
// output for those command lines with the same files.
var goldenResults = []struct {
	name string
	size func() (*report.Result, error)
}{
	// connectcap analytics --duration 10 --cph 3000
	{"analytics", func() (*report.Result, error) {
		return sizing.SizeAnalytics(sizing.Analytics{
			Common:          sizing.Common{TargetPct: sizing.DefaultTargetPct},
			DurationMinutes: 10, CallsPerHour: 3000, Blocking: sizing.DefaultBlocking,
		})
	}},
	// connectcap analytics --duration 6m --cph 1200 --realtime-share 0.25 --region us-east-1
	{"analytics-realtime", func() (*report.Result, error) {
		return sizing.SizeAnalytics(sizing.Analytics{
			Common:          sizing.Common{Region: "us-east-1", TargetPct: sizing.DefaultTargetPct},
			DurationMinutes: 6, CallsPerHour: 1200, RealtimeShare: ptr(0.25), Blocking: sizing.DefaultBlocking,
		})
	}},
	// connectcap calls --cph 1200 --duration 6
	{"calls", func() (*report.Result, error) {
		return sizing.SizeCalls(sizing.Calls{
			Common:       sizing.Common{TargetPct: sizing.DefaultTargetPct},
			CallsPerHour: 1200, DurationMinutes: 6, Blocking: sizing.DefaultBlocking,
		})
	}},
	// connectcap calls --cph 1200 --duration 6m30s --outbound-cph 300 --outbound-duration 4 --limit 150
	{"calls-outbound", func() (*report.Result, error) {
		return sizing.SizeCalls(sizing.Calls{
			Common:       sizing.Common{TargetPct: sizing.DefaultTargetPct, Limits: report.Override{ID: "connect.concurrent-active-calls", Value: report.Limit{Value: 150, Source: report.FromFlag}, Next: report.Defaults{}}},
			CallsPerHour: 1200, DurationMinutes: 6.5, OutboundCallsPerHour: 300, OutboundDurationMinutes: 4,
			Blocking: sizing.DefaultBlocking,
		})
	}},
	// connectcap chats --cph 400 --duration 25
	{"chats", func() (*report.Result, error) {
		return sizing.SizeChats(sizing.Contacts{
			Common:  sizing.Common{TargetPct: sizing.DefaultTargetPct},
			PerHour: 400, DurationMinutes: 25, Blocking: sizing.DefaultBlocking,
		})
	}},
	// connectcap tasks --cph 900 --duration 3h --schedule-ahead-days 7
	{"tasks", func() (*report.Result, error) {
		return sizing.SizeTasks(sizing.Contacts{
			Common:  sizing.Common{TargetPct: sizing.DefaultTargetPct},
			PerHour: 900, DurationMinutes: 180, Blocking: sizing.DefaultBlocking, ScheduleAheadDays: ptr(7),
		})
	}},
	// connectcap voiceid --cph 5000
	{"voiceid", func() (*report.Result, error) {
		return sizing.SizeVoiceID(sizing.VoiceID{
			Common:       sizing.Common{TargetPct: sizing.DefaultTargetPct},
			CallsPerHour: 5000, Domains: 1,
		})
	}},
	// connectcap voiceid --cph 12000 --speakers 250000 --fraudsters 1200 --domains 2
	{"voiceid-inventory", func() (*report.Result, error) {
		return sizing.SizeVoiceID(sizing.VoiceID{
			Common:       sizing.Common{TargetPct: sizing.DefaultTargetPct},
			CallsPerHour: 12000, Domains: 2, Speakers: ptr(250000), Fraudsters: ptr(1200),
		})
	}},
}

func ptr(v float64) *float64 { return &v }

// goldenFormats are the formats every result has a golden file for.
var goldenFormats = []render.Format{render.Table, render.CSV, render.Markdown, render.JSON, render.YAML}

func ext(f render.Format) string {
	switch f {
	case render.Table:
		return "txt"
	case render.Markdown:
		return "md"
	}
	return string(f)
}

// checkGolden compares got with testdata/name, or rewrites the file with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run 'go test ./render -update' to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run 'go test ./render -update' and review the diff)\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestResultGolden(t *testing.T) {
	for _, tc := range goldenResults {
		r, err := tc.size()
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for _, f := range goldenFormats {
			t.Run(tc.name+"/"+string(f), func(t *testing.T) {
				var buf bytes.Buffer
				if err := writeResult(&buf, r, f); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, tc.name+"."+ext(f)+".golden", buf.Bytes())
			})
		}
		if tc.name == "calls" {
			widthGolden(t, tc.name, r.Document())
		}
	}
}

// goldenWidths are the terminal widths the table view has golden files for,
// besides the default (100, for output that is not a terminal).
var goldenWidths = []int{80, 120}

// widthGolden checks the table view of d at each of goldenWidths, and that no
// line is wider than the width unless a single word is.
func widthGolden(t *testing.T, name string, d report.Document) {
	t.Helper()
	for _, w := range goldenWidths {
		t.Run(fmt.Sprintf("%s/table-%d", name, w), func(t *testing.T) {
			var buf bytes.Buffer
			if err := render.Write(&buf, d, render.Table, render.Options{Width: w}); err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(buf.String(), "\n") {
				if n := utf8.RuneCountInString(line); n > w {
					t.Errorf("line %d is %d columns wide, more than %d:\n%s", i+1, n, w, line)
				}
			}
			checkGolden(t, fmt.Sprintf("%s.%d.txt.golden", name, w), buf.Bytes())
		})
	}
}

// TestQuotasGolden covers 'connectcap quotas' (the whole catalogue) and
// 'connectcap quotas show ID' for a plain row, a row with Region defaults and an
// API rate row with a burst and no quota code.
func TestQuotasGolden(t *testing.T) {
	rows := make([]report.QuotaRow, 0, len(tables.Default().All()))
	for _, q := range tables.Default().All() {
		rows = append(rows, report.NewQuotaRow(q))
	}
	for _, f := range goldenFormats {
		t.Run("quotas/"+string(f), func(t *testing.T) {
			var buf bytes.Buffer
			if err := writeQuotas(&buf, rows, f); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, "quotas."+ext(f)+".golden", buf.Bytes())
		})
	}
	widthGolden(t, "quotas", report.Catalogue{Quotas: rows}.Document())
	for _, id := range []string{"connect.concurrent-active-calls", "contact-lens.concurrent-realtime-calls", "connect.api-requests"} {
		q, ok := tables.Default().Lookup(id)
		if !ok {
			t.Fatalf("no quota %s in the catalogue", id)
		}
		for _, f := range goldenFormats {
			t.Run("quotas-show/"+id+"/"+string(f), func(t *testing.T) {
				var buf bytes.Buffer
				if err := writeQuota(&buf, report.NewQuotaRow(q), f); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, "quotas-show-"+id+"."+ext(f)+".golden", buf.Bytes())
			})
		}
	}
}
