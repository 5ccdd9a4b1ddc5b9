package cmd

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
	"github.com/connectcap/connectcap/tables"
	"github.com/spf13/cobra"
)

func TestEmailsOptions(t *testing.T) {
	var got *EmailsOptions
	run := func(env map[string]string, args ...string) error {
		got = nil
		_, err := parseArgs(t, env, func(inv *invocation) *cobra.Command {
			return newCmdEmails(inv, func(o *EmailsOptions) error { got = o; return nil })
		}, append([]string{"emails"}, args...)...)
		return err
	}
	if err := run(nil, "--cph", "120", "--duration", "2d6h", "--outbound-cph", "30", "--outbound-duration", "1200s", "--blocking", "0.01", "--limit", "5000", "--edition", "2026"); err != nil {
		t.Fatal(err)
	}
	want := sizing.Emails{EmailsPerHour: 120, DurationMinutes: 54 * 60, OutboundEmailsPerHour: 30, OutboundDurationMinutes: 20, Blocking: 0.01}
	if got.In.EmailsPerHour != want.EmailsPerHour || got.In.DurationMinutes != want.DurationMinutes ||
		got.In.OutboundEmailsPerHour != want.OutboundEmailsPerHour || got.In.OutboundDurationMinutes != want.OutboundDurationMinutes ||
		got.In.Blocking != want.Blocking || got.In.Edition != tables.Edition2026 {
		t.Errorf("inputs = %+v, want %+v", got.In, want)
	}
	if l := overridden(got.In.Limits, sizing.ConcurrentEmailsID); l == nil || *l != (report.Limit{Value: 5000, Source: report.FromFlag}) {
		t.Errorf("Limit = %+v, want 5000 from the flag on concurrent active emails", l)
	}

	// A scoped environment and an unscoped config file, as for the other commands:
	// 90 days is accepted for emails.
	dir := t.TempDir()
	config := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(config, []byte("duration: 90d\nemails:\n  limit: 2000\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(map[string]string{"CONNECTCAP_EMAILS_CPH": "10"}, "--config", config); err != nil {
		t.Fatal(err)
	}
	if got.In.EmailsPerHour != 10 || got.In.DurationMinutes != 90*1440 || got.In.OutboundEmailsPerHour != 0 || got.In.Blocking != sizing.DefaultBlocking {
		t.Errorf("inputs from the environment and config = %+v", got.In)
	}
	if l := overridden(got.In.Limits, sizing.ConcurrentEmailsID); l == nil || *l != (report.Limit{Value: 2000, Source: report.FromConfig}) {
		t.Errorf("Limit = %+v, want 2000 from the config file", l)
	}

	// Validation happens before runF; the 2023 edition is refused by the run.
	for _, args := range [][]string{
		{"--duration", "6h"},
		{"--cph", "100"},
		{"--cph", "100", "--duration", "6h", "--outbound-cph", "5"},
		{"--cph", "0", "--duration", "6h"},
		{"--cph", "100", "--duration", "91d"},
		{"--cph", "100", "--duration", "6h", "--outbound-cph", "5", "--outbound-duration", "91d"},
		{"--cph", "100", "--duration", "6h", "extra"},
	} {
		if err := run(nil, args...); err == nil {
			t.Errorf("emails %v: no error", args)
		}
		if got != nil {
			t.Errorf("emails %v: runF called with %+v", args, got.In)
		}
	}
}
