package report

import (
	"encoding/json"
	"strings"
	"testing"
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
