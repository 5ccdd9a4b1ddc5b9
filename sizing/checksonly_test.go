package sizing_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
)

// TestChecksOnly sizes each loss-model command twice, with and without
// ChecksOnly. The checks are the same; ChecksOnly leaves out exactly the figures
// named in Common.ChecksOnly's comment and loss's: the load, blocking and blocked
// contacts at the limit and the Poisson quantile (for real-time analytics, its
// blocking and quantile). Every other figure stays, in the same order.
func TestChecksOnly(t *testing.T) { // in the current edition, which has campaigns and emails
	share := 0.5
	tests := []struct {
		name    string
		size    func(sizing.Common) (*report.Result, error)
		dropped []string
	}{
		{"calls", func(c sizing.Common) (*report.Result, error) {
			return sizing.SizeCalls(sizing.Calls{Common: c, CallsPerHour: 1000, DurationMinutes: 5, Blocking: 0.001})
		}, []string{"offered_load_erlangs", "blocking_at_limit", "blocked_calls_per_hour_at_limit", "poisson_p999_concurrent"}},
		{"campaign calls", func(c sizing.Common) (*report.Result, error) {
			return sizing.SizeCampaignCalls(sizing.CampaignCalls{Common: c, CallsPerHour: 600, DurationMinutes: 2, Blocking: 0.001})
		}, []string{"offered_load_erlangs", "blocking_at_limit", "blocked_calls_per_hour_at_limit", "poisson_p999_concurrent"}},
		{"chats", func(c sizing.Common) (*report.Result, error) {
			return sizing.SizeChats(sizing.Contacts{Common: c, PerHour: 1200, DurationMinutes: 5, Blocking: 0.001})
		}, []string{"offered_load_erlangs", "blocking_at_limit", "blocked_chats_per_hour_at_limit", "poisson_p999_concurrent"}},
		{"emails", func(c sizing.Common) (*report.Result, error) {
			return sizing.SizeEmails(sizing.Emails{Common: c, EmailsPerHour: 120, DurationMinutes: 30, Blocking: 0.001})
		}, []string{"offered_load_erlangs", "blocking_at_limit", "blocked_emails_per_hour_at_limit", "poisson_p999_concurrent"}},
		{"analytics", func(c sizing.Common) (*report.Result, error) {
			return sizing.SizeAnalytics(sizing.Analytics{Common: c, DurationMinutes: 5, CallsPerHour: 1200, RealtimeShare: &share, Blocking: 0.001})
		}, []string{"realtime_blocking_at_limit", "realtime_poisson_p999_concurrent"}},
	}
	for _, tt := range tests {
		c := sizing.Common{Region: "us-east-1", TargetPct: sizing.DefaultTargetPct}
		full, err := tt.size(c)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		c.ChecksOnly = true
		lean, err := tt.size(c)
		if err != nil {
			t.Fatalf("%s, checks only: %v", tt.name, err)
		}
		if !reflect.DeepEqual(lean.Checks, full.Checks) {
			t.Errorf("%s: checks only %+v, want %+v", tt.name, lean.Checks, full.Checks)
		}
		var want, got []string
		for _, f := range full.Figures {
			if !slices.Contains(tt.dropped, f.Key) {
				want = append(want, f.Key)
			}
		}
		for _, f := range lean.Figures {
			got = append(got, f.Key)
		}
		if !slices.Equal(got, want) || len(want) != len(full.Figures)-len(tt.dropped) {
			t.Errorf("%s: figures %v with checks only, want %v (all %d but %v)", tt.name, got, want, len(full.Figures), tt.dropped)
		}
	}
}
