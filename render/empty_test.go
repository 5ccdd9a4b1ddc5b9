package render_test

import (
	"testing"

	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
)

// An empty catalogue is its count alone: no table, not even a header.
func TestQuotasEmptyPeople(t *testing.T) {
	d := report.Catalogue{}.Document()
	for _, f := range []render.Format{render.Table, render.Markdown} {
		if got := writeDoc(t, d, f); got != "\n0 quotas\n" {
			t.Errorf("%s of no quotas = %q, want %q", f, got, "\n0 quotas\n")
		}
	}
	// A request document with nothing to ask has no table either.
	rs := &report.Requests{Region: "eu-west-2", LeadTime: "Hours.", Requests: []report.Request{}}
	for _, f := range []render.Format{render.Table, render.Markdown} {
		if got, want := writeDoc(t, rs.Document(), f), "\n0 requests in eu-west-2. Lead time: Hours.\n"; got != want {
			t.Errorf("%s of no requests = %q, want %q", f, got, want)
		}
	}
}
