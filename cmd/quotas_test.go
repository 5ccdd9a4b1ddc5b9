package cmd

import (
	"testing"

	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/tables"
	"github.com/spf13/cobra"
)

func TestQuotasDiffOptions(t *testing.T) {
	var got *QuotasDiffOptions
	run := func(env map[string]string, args ...string) error {
		got = nil
		_, err := parseArgs(t, env, func(inv *invocation) *cobra.Command {
			q := newCmdQuotas(inv, nil)
			for _, c := range q.Commands() {
				if c.Name() == "diff" {
					q.RemoveCommand(c)
				}
			}
			q.AddCommand(newCmdQuotasDiff(inv, func(o *QuotasDiffOptions) error { got = o; return nil }))
			return q
		}, append([]string{"quotas", "diff"}, args...)...)
		return err
	}
	if err := run(nil); err != nil {
		t.Fatal(err)
	}
	if got.From != tables.Edition2023 || got.To != tables.Edition2026 || got.All || got.Service != "" || got.Search != "" || got.Format != render.Table {
		t.Errorf("defaults: %+v", got)
	}
	if err := run(nil, "--from", "2026", "--to", "2023", "--all", "--service", "wisdom", "--search", "Chat", "-o", "json"); err != nil {
		t.Fatal(err)
	}
	if got.From != tables.Edition2026 || got.To != tables.Edition2023 || !got.All || got.Service != "agent-assist" || got.Search != "Chat" || got.Format != render.JSON {
		t.Errorf("flags: %+v", got)
	}
	if err := run(map[string]string{"CONNECTCAP_QUOTAS_DIFF_ALL": "true", "CONNECTCAP_QUOTAS_DIFF_SERVICE": "contact-lens"}); err != nil {
		t.Fatal(err)
	}
	if !got.All || got.Service != "conversational-analytics" {
		t.Errorf("from the environment: %+v", got)
	}
	// Validation happens before runF.
	for _, args := range [][]string{
		{"--from", "2026"},
		{"--to", "2023"},
		{"--from", "2025"},
		{"--to", "latest"},
		{"--service", "lens"},
		{"extra"},
	} {
		if err := run(nil, args...); err == nil {
			t.Errorf("quotas diff %v: no error", args)
		}
		if got != nil {
			t.Errorf("quotas diff %v: runF called with %+v", args, got)
		}
	}
}

func TestQuotasLevelOption(t *testing.T) {
	var got *QuotasOptions
	_, err := parseArgs(t, nil, func(inv *invocation) *cobra.Command {
		return newCmdQuotas(inv, func(o *QuotasOptions) error { got = o; return nil })
	}, "quotas", "--level", "resource", "--edition", "2023")
	if err != nil {
		t.Fatal(err)
	}
	if got.Level != "resource" || got.Edition != tables.Edition2023 {
		t.Errorf("options: %+v", got)
	}
	// The level filter keeps a row by the level it carries.
	q := tables.Quota{ID: "test", Level: tables.ResourceLevel}
	if !matches(q, QuotasOptions{Level: "resource"}) || matches(q, QuotasOptions{Level: "account"}) || !matches(q, QuotasOptions{}) {
		t.Errorf("matches by level")
	}
}
