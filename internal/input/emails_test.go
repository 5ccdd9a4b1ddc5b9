package input

import (
	"strings"
	"testing"

	"github.com/connectcap/connectcap/tables"
)

// TestEmailActive: emails' time active goes from a second to 90 days, past the
// 7 days of Duration, and the message says why it stops there.
func TestEmailActive(t *testing.T) {
	for _, c := range []struct {
		in      string
		want    float64
		problem string
	}{
		{"6h", 360, ""}, {"14d", 14 * 1440, ""}, {"20d", 20 * 1440, ""}, {"90d", 90 * 1440, ""}, {"129600", 129600, ""},
		{"89d23h59m", 90*1440 - 1, ""}, {"1s", 1.0 / 60, ""},
		{"90d1s", 0, "too long; "}, {"91d", 0, "too long; "}, {"129601", 0, "too long; "},
		{"0", 0, "must be greater than 0; "}, {"-1d", 0, "must be greater than 0; "}, {"500ms", 0, "shorter than a second; "},
	} {
		got, err := EmailActive.Parse(c.in)
		if c.problem == "" {
			if err != nil || got != c.want {
				t.Errorf("EmailActive.Parse(%q) = %v, %v; want %v", c.in, got, err, c.want)
			}
			continue
		}
		if err == nil || !strings.HasPrefix(err.Error(), c.problem) {
			t.Errorf("EmailActive.Parse(%q) = %v, %v; want %q...", c.in, got, err, c.problem)
		}
	}
	want := "the time an email stays active, at most the longest active email contact expiry, a duration from 1s to 90d: "
	if got := EmailActive.Accepted(); !strings.HasPrefix(got, want) {
		t.Errorf("Accepted() = %q, want %q...", got, want)
	}
	if _, err := Duration.Parse("8d"); err == nil {
		t.Error("Duration takes 8 days: its 7-day bound must stay for calls, chats and tasks")
	}
}

// TestEmailActiveMatchesThePage: the 90 days are the page's most for the active
// email contact expiry, whose default is below them.
func TestEmailActiveMatchesThePage(t *testing.T) {
	q := tables.In(tables.Edition2026).MustLookup("connect.email-contact-expiry")
	_, hi, _, _ := EmailActive.Bounds()
	if !strings.Contains(q.Note, "up to "+Format(hi/1440)+" days") {
		t.Errorf("EmailActive goes to %v days; the row's note says %q", hi/1440, q.Note)
	}
	if q.Unit != "days" || q.Default*1440 >= hi {
		t.Errorf("the expiry's default %v %s is not below %v days", q.Default, q.Unit, hi/1440)
	}
}
