package plan

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// TestEveryKeyReachesItsQuota: each count a plan can give for an instance's
// inventory or an account section is checked against its own quota, with the value
// given. The key-to-quota table is written out here, from the page's row names,
// not taken from the evaluator's own tables.
func TestEveryKeyReachesItsQuota(t *testing.T) {
	instanceKeys := []struct{ key, id string }{
		{"queues", "connect.queues"},
		{"routing_profiles", "connect.routing-profiles"},
		{"queue_channels_per_routing_profile", "connect.queues-per-routing-profile"},
		{"flows", "connect.flows"},
		{"modules", "connect.modules"},
		{"hours_of_operation", "connect.hours-of-operation"},
		{"phone_numbers", "connect.phone-numbers"},
		{"prompts", "connect.prompts"},
		{"quick_connects", "connect.quick-connects"},
		{"security_profiles", "connect.security-profiles"},
		{"hierarchy_groups", "connect.user-hierarchy-groups"},
		{"lambda_functions", "connect.lambda-functions"},
		{"lex_bots", "connect.lex-bots"},
		{"lex_v2_bot_aliases", "connect.lex-v2-bot-aliases"},
		{"agent_statuses", "connect.agent-statuses"},
		{"reports", "connect.reports"},
		{"scheduled_reports", "connect.scheduled-reports"},
		{"task_templates", "connect.task-templates"},
		{"task_template_fields", "connect.task-template-fields"},
	}
	sections := []struct {
		section string
		keys    []struct{ key, id string }
	}{
		{"cases", []struct{ key, id string }{
			{"domains", "cases.domains"}, {"fields", "cases.fields"}, {"field_options", "cases.field-options"},
			{"layouts", "cases.layouts"}, {"templates", "cases.templates"}, {"related_items", "cases.related-items"},
			{"fields_per_template", "cases.fields-per-template"},
		}},
		{"customer_profiles", []struct{ key, id string }{
			{"domains", "customer-profiles.domains"}, {"object_types", "customer-profiles.object-types"},
			{"keys_per_object_type", "customer-profiles.keys-per-object-type"}, {"integrations", "customer-profiles.integrations"},
			{"expiration_days", "customer-profiles.expiration-days"}, {"objects_per_profile", "customer-profiles.objects-per-profile"},
			{"objects_size_per_profile_mb", "customer-profiles.objects-size-per-profile"}, {"object_size_kb", "customer-profiles.object-size"},
			{"identity_resolution_jobs_per_week", "customer-profiles.identity-resolution-jobs"},
			{"consolidation_rules", "customer-profiles.consolidation-rules"},
			{"attributes_per_consolidation_rule", "customer-profiles.attributes-per-consolidation-rule"},
		}},
		{"wisdom", []struct{ key, id string }{
			{"assistants", "wisdom.assistants"}, {"knowledge_bases", "wisdom.knowledge-bases"},
			{"knowledge_base_size_gb", "wisdom.knowledge-base-size"}, {"content_per_knowledge_base", "wisdom.content-per-knowledge-base"},
			{"document_size_mb", "wisdom.document-size"}, {"requests_per_second", "wisdom.api-requests"},
		}},
		{"appintegrations", []struct{ key, id string }{
			{"data_integrations", "appintegrations.data-integrations"},
			{"data_integration_associations", "appintegrations.data-integration-associations"},
			{"event_integrations", "appintegrations.event-integrations"},
			{"event_integration_associations", "appintegrations.event-integration-associations"},
		}},
	}
	var b strings.Builder
	want := map[string]float64{}
	value := 1.0
	b.WriteString("instances:\n  - name: a\n    inventory:\n")
	for _, k := range instanceKeys {
		fmt.Fprintf(&b, "      %s: %v\n", k.key, value)
		want[k.id] = value
		value++
	}
	for _, s := range sections {
		fmt.Fprintf(&b, "%s:\n", s.section)
		for _, k := range s.keys {
			fmt.Fprintf(&b, "  %s: %v\n", k.key, value)
			want[k.id] = value
			value++
		}
	}
	fmt.Fprintf(&b, "campaigns: %v\n", value)
	want["outbound-campaigns.campaigns"] = value
	ev := evaluate(t, b.String(), Options{})
	for id, v := range want {
		instance := ""
		if strings.HasPrefix(id, "connect.") {
			instance = "a"
		}
		it := findCheck(ev, id, instance)
		if it == nil {
			t.Errorf("no check of %s for the value %v the plan gives", id, v)
			continue
		}
		if it.Check.Required != v {
			t.Errorf("%s: required %v, want %v", id, it.Check.Required, v)
		}
	}
}

// TestVoiceIDJobsAndDefaults: the concurrent batch jobs a plan gives are checked;
// batch sizes it does not give raise no check of their own.
func TestVoiceIDJobsAndDefaults(t *testing.T) {
	ev := evaluate(t, `
region: us-east-1
instances:
  - name: a
voice_id:
  speakers: 20000
  fraudsters: 300
  concurrent_enrollment_jobs: 2
  concurrent_registration_jobs: 3
`, Options{})
	for id, want := range map[string]float64{
		"voice-id.active-speaker-enrollment-jobs":     2,
		"voice-id.active-fraudster-registration-jobs": 3,
	} {
		c := mustCheck(t, ev, id, "").Check
		if c.Required != want || c.Status != report.Increase {
			t.Errorf("%s: %v (%s), want %v of 1, increase", id, c.Required, c.Status, want)
		}
	}
	for _, id := range []string{"voice-id.speakers-per-enrollment-job", "voice-id.fraudsters-per-registration-job"} {
		if it := findCheck(ev, id, ""); it != nil {
			t.Errorf("%s checked (%v, %s) though the plan gives no batch size", id, it.Check.Required, it.Check.Status)
		}
	}
	// 20,000 speakers in jobs of at most 10,000: 2 jobs.
	if got := figure(t, ev, "account.voice_id.speaker_enrollment_jobs"); got != 2 {
		t.Errorf("speaker_enrollment_jobs = %v, want 2", got)
	}
}

// TestStaffingLoadCap: the plan staffs up to the same offered load as the agents
// command (a million erlangs), and says where the plan asks for more.
func TestStaffingLoadCap(t *testing.T) {
	// 6,000,000 calls an hour of 15 minutes: 1.5 million erlangs.
	p, err := Decode([]byte(`
instances:
  - name: a
    users:
      staffing: {service_level_pct: 80, answer_within: 20s}
      roster_factor: 1
    traffic:
      voice: {inbound_calls_per_hour: 6000000, minutes_in_connect: 1, handle_time: 15}
`), "cap.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Evaluate(p, Options{})
	if err == nil || !strings.Contains(err.Error(), "instances[0].users.staffing") || !strings.Contains(err.Error(), "1000000 erlangs") {
		t.Errorf("error %v, want one at instances[0].users.staffing naming the 1000000-erlang cap", err)
	}
	// 150,000 erlangs, past the old plan-only cap of 100,000, is staffed.
	ev := evaluate(t, `
instances:
  - name: a
    users:
      staffing: {service_level_pct: 80, answer_within: 20s}
      roster_factor: 1
    traffic:
      voice: {inbound_calls_per_hour: 600000, minutes_in_connect: 1, handle_time: 15}
`, Options{})
	if got := figure(t, ev, "a.staff.voice_agents"); got <= 150000 || got > 151000 {
		t.Errorf("150,000 erlangs: %v agents", got)
	}
}

// TestUsersRoster: users come from a headcount or from the agents scheduled at the
// peak times the plan's roster factor, and the check says which; a plan that
// staffs without a roster factor is refused.
func TestUsersRoster(t *testing.T) {
	ev := evaluate(t, `
instances:
  - name: a
    users: {agents: 420, supervisors: 30, other: 10}
`, Options{})
	c := mustCheck(t, ev, "connect.users", "a").Check
	if c.Required != 460 || !strings.Contains(c.Note, "headcount") {
		t.Errorf("headcount: %v, %q", c.Required, c.Note)
	}
	// Users 460 of 500 is above 80 %: the value to request restores it.
	if c.Status != report.Warn || c.Recommended == nil || *c.Recommended != 575 {
		t.Errorf("460 of 500: %s, recommended %v; want warn, 575", c.Status, c.Recommended)
	}
	// 5 erlangs at 80 % in 20 s of 180 s calls: 8 agents (queueing notes), × 2.5 = 20.
	ev = evaluate(t, `
instances:
  - name: a
    users:
      staffing: {service_level_pct: 80, answer_within: 20s}
      roster_factor: 2.5
      supervisors: 2
    traffic:
      voice: {inbound_calls_per_hour: 100, minutes_in_connect: 3}
`, Options{})
	c = mustCheck(t, ev, "connect.users", "a").Check
	if c.Required != 22 || !strings.Contains(c.Note, "roster factor 2.5") {
		t.Errorf("roster: %v, %q", c.Required, c.Note)
	}
	// 22 of 500 is far below the target: nothing to request.
	if c.Status != report.OK || c.Recommended != nil {
		t.Errorf("22 of 500: %s, recommended %v; want ok, none", c.Status, c.Recommended)
	}
	_, err := Decode([]byte(`
instances:
  - name: a
    users:
      staffing: {service_level_pct: 80, answer_within: 20s}
    traffic:
      voice: {inbound_calls_per_hour: 100, minutes_in_connect: 3}
`), "r.yaml")
	if err == nil || !strings.Contains(err.Error(), "instances[0].users") || !strings.Contains(err.Error(), "roster_factor") {
		t.Errorf("staffing without a roster factor: %v", err)
	}
	_, err = Decode([]byte("instances:\n  - name: a\n    users: {agents: 10, roster_factor: 2}\n"), "r.yaml")
	if err == nil || !strings.Contains(err.Error(), "roster_factor") {
		t.Errorf("a roster factor with a headcount: %v", err)
	}
}

// TestRequestCoversAndSpread: the request for instances per account says which
// needs its value covers, the planned count and the count with hard limits spread.
func TestRequestCoversAndSpread(t *testing.T) {
	_, rs := buildRequests(t, `
region: us-east-1
applied: {connect.instances: 2}
instances:
  - name: a
    inventory: {lambda_functions: 120}
  - name: b
`, Options{})
	var found bool
	for _, r := range rs.Requests {
		if r.ID != "connect.instances" {
			continue
		}
		found = true
		// 2 instances today; a's 120 functions over 3 instances make 4; at 80 % → 5.
		if r.DesiredValue != 5 || len(r.Covers) != 2 {
			t.Fatalf("instances request %+v", r)
		}
		if r.Covers[0].Required != 2 || r.Covers[1].Required != 4 || !strings.Contains(r.Covers[1].Check, "if hard limits are spread") {
			t.Errorf("covers %+v", r.Covers)
		}
		if !strings.Contains(r.Text, "2; 4 (if hard limits are spread)") {
			t.Errorf("text %q does not say which needs the value covers", r.Text)
		}
	}
	if !found {
		t.Fatalf("no request for instances per account: %+v", rs.Requests)
	}
}

// The current page's Cases, Customer Profiles, agent assist and AppIntegrations
// rows are reachable from plan keys; the 2023 edition lacks them and warns.
func TestCurrentEditionSectionKeys(t *testing.T) {
	plan := `
instances:
  - name: a
cases:
  layouts: 4
  fields_per_layout: 150
  files_per_case: 60
  slas_per_case: 3
  fields_per_custom_related_item: 5
customer_profiles:
  calculated_attributes: 45
  event_streams: 1
  event_triggers: 10
  segment_snapshots_per_day: 250
  bulk_export_jobs: 2
agent_assist:
  assistant_associations: 4
  quick_responses_per_knowledge_base: 900
  message_templates_per_knowledge_base: 20
  versions_per_message_template: 3
  attachments_per_email_template: 2
  email_template_attachment_size_mb: 0.5
  email_template_characters: 10000
  sms_template_characters: 700
  routing_profiles_per_template: 12
appintegrations:
  applications: 12
`
	ev := evaluate(t, plan, Options{Edition: tables.Edition2026})
	want := map[string]struct {
		required, limit float64
		status          report.Status
	}{
		"cases.fields-per-layout":                 {150, 100, report.HardLimit},
		"cases.files-per-case":                    {60, 50, report.Increase},
		"cases.slas-per-case":                     {3, 10, report.OK},
		"cases.fields-per-custom-related-item":    {5, 5, report.Warn},
		"customer-profiles.calculated-attributes": {45, 50, report.Warn},
		"customer-profiles.event-streams":         {1, 1, report.Warn},
		"customer-profiles.event-triggers":        {10, 50, report.OK},
		"customer-profiles.segment-snapshots":     {250, 200, report.Increase},
		"customer-profiles.bulk-export-jobs":      {2, 20, report.OK},
		"wisdom.assistant-associations":           {4, 20, report.OK},
		"wisdom.quick-responses":                  {900, 1000, report.Warn},
		"wisdom.message-templates":                {20, 200, report.OK},
		"wisdom.message-template-versions":        {3, 20, report.OK},
		"wisdom.email-template-attachments":       {2, 10, report.OK},
		"wisdom.email-template-attachment-size":   {0.5, 1, report.OK},
		"wisdom.email-template-characters":        {10000, 5000000, report.OK},
		"wisdom.sms-template-characters":          {700, 800, report.Warn},
		"wisdom.routing-profiles-per-template":    {12, 40, report.OK},
		"appintegrations.applications":            {12, 50, report.OK},
	}
	for id, w := range want {
		c := mustCheck(t, ev, id, "").Check
		if c.Required != w.required || c.Limit != w.limit || c.Status != w.status || c.Edition != tables.Edition2026 {
			t.Errorf("%s: %v of %v, %s (%s); want %v of %v, %s", id, c.Required, c.Limit, c.Status, c.Edition, w.required, w.limit, w.status)
		}
	}
	// 150 fields need 2 layouts of 100: the knock-on counts 4 - 1 + 2 = 5.
	if it := mustCheck(t, ev, "cases.fields-per-layout", ""); !strings.HasSuffix(it.Check.Note, "Split the fields over 2 layouts.") {
		t.Errorf("fields per layout note %q", it.Check.Note)
	}
	if len(ev.Warnings) != 0 {
		t.Errorf("warnings on the current edition: %q", ev.Warnings)
	}

	// The 2023 edition has none of these rows: not checked, one warning each.
	old := evaluate(t, plan, Options{Edition: tables.Edition2023})
	for id := range want {
		if findCheck(old, id, "") != nil {
			t.Errorf("2023 edition checks %s", id)
		}
	}
	if len(old.Warnings) != len(want) {
		t.Errorf("2023 edition: %d warnings, want %d: %q", len(old.Warnings), len(want), old.Warnings)
	}
	for _, w := range old.Warnings {
		if !strings.Contains(w, "is not on the 2023 edition of the quotas page, so it is not checked; it is on the 2026 edition (--edition 2026)") {
			t.Errorf("warning %q", w)
		}
	}
}

// A need past a quota's ceiling is a hard limit whose way out spreads it at the
// ceiling, not at today's limit: 600 email addresses, raised at most to 500 per
// instance, need 2 instances.
func TestCeilingRemedy(t *testing.T) {
	ev := evaluate(t, `
instances:
  - name: a
    inventory: {email_addresses: 600}
`, Options{Edition: tables.Edition2026})
	c := mustCheck(t, ev, "connect.email-addresses", "a").Check
	if c.Status != report.HardLimit || c.Recommended != nil || !strings.HasSuffix(c.Note, "It cannot be raised past 500, less than the need. Spread this need over 2 instances (500 each at most), or reduce it; see the knock-on check of instances per account.") {
		t.Errorf("600 email addresses: %s, recommended %v, note %q", c.Status, c.Recommended, c.Note)
	}
}

// An applied value of 0 is a value (concurrent campaign calls start there), and a
// hard limit held at 0 says no instance holds any of the need, with no spread
// and nothing infinite in the figures.
func TestAppliedZero(t *testing.T) {
	ev := evaluate(t, `
applied:
  outbound-campaigns.concurrent-calls: 0
  connect.agent-statuses: 0
instances:
  - name: a
    inventory: {agent_statuses: 4}
    campaigns: {calls_per_hour: 60, minutes_in_connect: 3}
`, Options{Edition: tables.Edition2026})
	if c := mustCheck(t, ev, "connect.agent-statuses", "a").Check; c.Status != report.HardLimit || c.Limit != 0 || c.UtilizationPct != nil ||
		!strings.HasSuffix(c.Note, "The limit is 0, so no instance holds any of this need: reduce it to 0, or ask AWS Support.") {
		t.Errorf("agent statuses held at 0: %s, limit %v, utilization %v, note %q", c.Status, c.Limit, c.UtilizationPct, c.Note)
	}
	for _, it := range ev.Items {
		if strings.Contains(it.Check.Name, "if hard limits are spread") {
			t.Errorf("a spread knock-on for a limit of 0: %+v", it.Check)
		}
	}
	if c := mustCheck(t, ev, "outbound-campaigns.concurrent-calls", "a").Check; c.Status != report.Increase || c.LimitSource != report.FromPlan {
		t.Errorf("campaign calls at an applied 0: %s from %s", c.Status, c.LimitSource)
	}
}

// Applied values for quotas the edition lacks are not used, and a warning with
// the file, line and key says so.
func TestAppliedElsewhere(t *testing.T) {
	plan := `
applied:
  connect.concurrent-active-emails: 2000
  L-7F7B4C39: 40
instances:
  - name: a
    applied: {connect.concurrent-active-emails: 3000}
`
	ev := evaluate(t, plan, Options{Edition: tables.Edition2026})
	want := []string{"test.yaml:4: applied.L-7F7B4C39: Amazon Connect campaigns is not on the 2026 edition of the quotas page, so this applied value is not used; it is on the 2023 edition (--edition 2023)"}
	if !reflect.DeepEqual(ev.Warnings, want) {
		t.Errorf("2026 warnings %q, want %q", ev.Warnings, want)
	}
	ev = evaluate(t, plan, Options{Edition: tables.Edition2023})
	if len(ev.Warnings) != 2 || !strings.HasPrefix(ev.Warnings[0], "test.yaml:3: applied.connect.concurrent-active-emails: Concurrent active emails per instance is not on the 2023 edition") ||
		!strings.HasPrefix(ev.Warnings[1], "test.yaml:7: instances[0].applied.connect.concurrent-active-emails: ") {
		t.Errorf("2023 warnings %q", ev.Warnings)
	}
}
