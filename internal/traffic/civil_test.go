package traffic

import (
	"testing"
	"time"
)

// The time package is the independent reference.
func TestCivilAgainstTime(t *testing.T) {
	for _, y := range []int64{-801, -800, -401, -400, -399, -1, 0, 1, 1600, 1900, 1969, 1970, 2000, 2024, 2026, 2100, 9999} {
		for m := int64(1); m <= 12; m++ {
			last := time.Date(int(y), time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
			if got := DaysIn(y, m); got != int64(last) {
				t.Errorf("DaysIn(%d, %d) = %d, want %d", y, m, got, last)
			}
			for _, d := range []int64{1, 15, int64(last)} {
				want := time.Date(int(y), time.Month(m), int(d), 0, 0, 0, 0, time.UTC).Unix() / 86400
				if got := DaysFromCivil(y, m, d); got != want {
					t.Errorf("DaysFromCivil(%d, %d, %d) = %d, want %d", y, m, d, got, want)
				}
			}
		}
	}
}
