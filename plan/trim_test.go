package plan

import "testing"

// Notes format numbers for people: a million is 1000000, not 1e+06.
func TestTrimFormatsForPeople(t *testing.T) {
	for in, want := range map[float64]string{1e6: "1000000", 50: "50", 2.5: "2.5", 0: "0", 12345678: "12345678"} {
		if got := trim(in); got != want {
			t.Errorf("trim(%v) = %q, want %q", in, got, want)
		}
	}
}
