package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/tables"
)

// A field the diff does not know is a programming error, named in the panic.
func TestComparedValueUnknownField(t *testing.T) {
	defer func() {
		if r := recover(); r != "report: no compared field colour" {
			t.Errorf("recover() = %v", r)
		}
	}()
	comparedValue(QuotaRow{}, "colour")
}

// An empty diff is an empty list, never null.
func TestQuotaDiffDocumentEmpty(t *testing.T) {
	data, err := json.Marshal(QuotaDiff{From: "2023", To: "2026"}.Document())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"quotas":[]`) {
		t.Errorf("empty diff: %s", data)
	}
}

// A row of a service the new side lacks goes after the shared row that precedes
// it on the old page, or first when none does. (Both editions have the same
// services today, so this needs rows of its own.)
func TestPairsServiceTheNewSideLacks(t *testing.T) {
	oldRows := []tables.Quota{{ID: "gone.first", Service: "gone"}, {ID: "kept.row", Service: "kept"}, {ID: "gone.later", Service: "gone"}}
	newRows := []tables.Quota{{ID: "kept.row", Service: "kept", Default: 2}}
	got := pairs(oldRows, newRows)
	var ids []string
	for _, p := range got {
		ids = append(ids, p.ID)
	}
	if want := "gone.first kept.row gone.later"; strings.Join(ids, " ") != want {
		t.Fatalf("pairs in order %q, want %q", ids, want)
	}
	if got[0].Old == nil || got[0].New != nil || got[2].Old == nil || got[2].New != nil {
		t.Errorf("old-only rows %+v, %+v", got[0], got[2])
	}
	if got[1].Old == nil || got[1].New == nil || got[1].New.Default != 2 {
		t.Errorf("shared row %+v", got[1])
	}
}
