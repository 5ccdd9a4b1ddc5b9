package tables_test

import (
	"testing"

	"github.com/connectcap/connectcap/tables"
)

func TestIsRegion(t *testing.T) {
	for _, code := range []string{"us-east-1", "af-south-1", "us-west-2", "eu-west-2", "us-gov-west-1"} {
		if !tables.IsRegion(code) {
			t.Errorf("IsRegion(%q) = false, want true", code)
		}
	}
	// Misspellings, other case, and names rather than codes.
	for _, code := range []string{"", "us-east-3", "us-east1", "US-EAST-1", "eu-west", "Frankfurt"} {
		if tables.IsRegion(code) {
			t.Errorf("IsRegion(%q) = true, want false", code)
		}
	}
	// Every Region offering Amazon Connect is an AWS Region.
	for _, code := range tables.ConnectRegions {
		if !tables.IsRegion(code) {
			t.Errorf("ConnectRegions holds %q, which IsRegion rejects", code)
		}
	}
}
