package plan

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// Expected values: Erlang B worked independently with mpmath (50 digits). 120
// campaign calls an hour of 3 minutes are 6 erlangs: 15 slots at blocking 0.001
// (B(14, 6) = 0.00223, B(15, 6) = 0.000892), 19 to request at 80 % (18.75). 400
// inbound calls an hour of 6 minutes are 40 erlangs, 60 slots alone; pooled with
// the campaign's 6, 46 erlangs need 67 slots (B(66, 46) = 0.00107, B(67, 46) =
// 0.000734), where rounding each need apart would sum to 60 + 15 = 75. 67 at 80 %
// asks for 84 (83.75).
const campaignPlan = `region: us-east-1
instances:
  - name: out
    arn: ` + arnA + `
    applied:
      connect.concurrent-active-calls: 100
    traffic:
      voice: {inbound_calls_per_hour: 400, minutes_in_connect: 6}
    campaigns:
      active: 3
      total: 20
      calls_per_hour: 120
      minutes_in_connect: 3m
`

// on2026 evaluates against the current edition, the one with campaign rows per
// instance (evaluate's default is the 2023 edition).
var on2026 = Options{Edition: tables.Edition2026}

func TestCampaignsChecked(t *testing.T) {
	ev := evaluate(t, campaignPlan, on2026)
	if len(ev.Warnings) != 0 {
		t.Errorf("warnings %q", ev.Warnings)
	}
	for _, tc := range []struct {
		id              string
		required, limit float64
		status          report.Status
	}{
		{"outbound-campaigns.active-campaigns", 3, 50, report.OK},
		{"outbound-campaigns.total-campaigns", 20, 500, report.OK},
	} {
		c := mustCheck(t, ev, tc.id, "out").Check
		if c.Required != tc.required || c.Limit != tc.limit || c.Status != tc.status || c.Level != tables.AccountLevel {
			t.Errorf("%s: %v of %v, %s, level %s; want %v of %v, %s, account", tc.id, c.Required, c.Limit, c.Status, c.Level, tc.required, tc.limit, tc.status)
		}
	}

	cc := mustCheck(t, ev, "outbound-campaigns.concurrent-calls", "out").Check
	if cc.Required != 15 || cc.Limit != 0 || cc.LimitSource != report.FromDefault || cc.Status != report.Increase || cc.Recommended == nil || *cc.Recommended != 19 {
		t.Errorf("campaign calls: %v of %v (%s), %s, recommended %v; want 15 of 0 (default), increase, 19", cc.Required, cc.Limit, cc.LimitSource, cc.Status, cc.Recommended)
	}
	if cc.UtilizationPct != nil || cc.Level != tables.ResourceLevel {
		t.Errorf("campaign calls: utilization %v, level %s; want nil, resource", cc.UtilizationPct, cc.Level)
	}
	if !strings.Contains(cc.Note, "The default is 0: campaigns cannot place calls until this quota is raised.") {
		t.Errorf("campaign calls note %q does not say plainly that the default is 0", cc.Note)
	}

	calls := mustCheck(t, ev, "connect.concurrent-active-calls", "out").Check
	if calls.Required != 67 {
		t.Errorf("concurrent active calls %v, want 67 (46 erlangs pooled, not 60 + 15 = 75)", calls.Required)
	}
	if calls.Status != report.OK || calls.Limit != 100 {
		t.Errorf("concurrent active calls: %s at %v, want ok at the applied 100", calls.Status, calls.Limit)
	}
	if !strings.Contains(calls.Note, "Includes campaign calls: 120 per hour of 3 minutes, 6 of the 46 erlangs offered") {
		t.Errorf("concurrent active calls note %q does not say it includes campaign calls", calls.Note)
	}
	for key, want := range map[string]float64{
		"out.calls.offered_load_erlangs":                46,
		"out.campaigns.offered_load_erlangs":            6,
		"out.campaigns.blocking_at_limit":               1,
		"out.campaigns.blocked_calls_per_hour_at_limit": 120,
	} {
		if got := figure(t, ev, key); got != want {
			t.Errorf("%s = %v, want %v", key, got, want)
		}
	}
	if _, err := json.Marshal(ev.Result.Document()); err != nil {
		t.Errorf("JSON of a plan with a need of a limit of 0: %v", err)
	}
}

// TestCampaignRequests: the campaign calls quota is asked for, for the instance
// it belongs to (resource level), named by its ARN; it has no quota code, so
// through the form.
func TestCampaignRequests(t *testing.T) {
	_, rs := buildRequests(t, campaignPlan, on2026)
	var got []report.Request
	for _, r := range rs.Requests {
		if r.ID == "outbound-campaigns.concurrent-calls" {
			got = append(got, r)
		}
	}
	if len(got) != 1 {
		t.Fatalf("%d requests for campaign calls, want 1: %v", len(got), names(rs))
	}
	r := got[0]
	if r.DesiredValue != 19 || r.Required != 15 || r.CurrentLimit != 0 || r.Level != tables.ResourceLevel || !reflect.DeepEqual(r.Instances, []string{"out"}) {
		t.Errorf("request %+v; want 19 for 15 of 0, resource level, instance out", r)
	}
	if r.Method != report.MethodSupportForm || r.Command != nil || r.ContextID == nil || *r.ContextID != arnA {
		t.Errorf("method %s, command %v, context %v; want the form, no command, the instance ARN", r.Method, r.Command, r.ContextID)
	}
	want := `Please raise "Concurrent campaign active calls per instance" to 19 in us-east-1 for instance out (` + arnA + `). The quota applies per instance (resource level), so the request names the instance.`
	if !strings.HasPrefix(r.Text, want) {
		t.Errorf("text %q\ndoes not start %q", r.Text, want)
	}
	// Concurrent active calls, 67 of the applied 100, ask for nothing; nor do the
	// campaigns themselves.
	for _, r := range rs.Requests {
		switch r.ID {
		case "connect.concurrent-active-calls", "outbound-campaigns.active-campaigns", "outbound-campaigns.total-campaigns":
			t.Errorf("request for %s: %+v", r.ID, r)
		}
	}

	// Without an ARN the request still names the instance, and says to give its
	// ARN; two instances are two requests, each for its own need.
	_, rs = buildRequests(t, `region: us-east-1
instances:
  - name: a
    campaigns: {calls_per_hour: 120, minutes_in_connect: 3}
  - name: b
    campaigns: {calls_per_hour: 20, minutes_in_connect: 3}
`, on2026)
	desired := map[string]float64{}
	for _, r := range rs.Requests {
		if r.ID != "outbound-campaigns.concurrent-calls" {
			continue
		}
		if len(r.Instances) != 1 || r.ContextID != nil || !strings.Contains(r.Text, "name it by its ARN") {
			t.Errorf("request %+v", r)
			continue
		}
		desired[r.Instances[0]] = r.DesiredValue
	}
	// b: 20 calls an hour of 3 minutes = 1 erlang, 6 slots at 0.001 (mpmath), 8 to request.
	if want := map[string]float64{"a": 19, "b": 8}; !reflect.DeepEqual(desired, want) {
		t.Errorf("desired values %v, want %v", desired, want)
	}
}

// TestCampaignsWithoutCalls: campaigns that place no calls need no campaign call
// slots: ok against the default of 0, nothing to request, a note that the quota
// is 0; concurrent active calls are not checked for an instance with no calls.
func TestCampaignsWithoutCalls(t *testing.T) {
	ev, rs := buildRequests(t, `region: us-east-1
instances:
  - name: a
    campaigns: {active: 60, total: 80}
`, on2026)
	cc := mustCheck(t, ev, "outbound-campaigns.concurrent-calls", "a").Check
	if cc.Required != 0 || cc.Status != report.OK || cc.Recommended != nil || cc.UtilizationPct == nil || *cc.UtilizationPct != 0 {
		t.Errorf("no calls: %v, %s, recommended %v, utilization %v; want 0, ok, none, 0", cc.Required, cc.Status, cc.Recommended, cc.UtilizationPct)
	}
	if !strings.Contains(cc.Note, "No campaign calls in the plan. The default is 0: campaigns cannot place calls until this quota is raised") {
		t.Errorf("note %q", cc.Note)
	}
	if findCheck(ev, "connect.concurrent-active-calls", "a") != nil {
		t.Error("concurrent active calls checked with no calls")
	}
	// 60 active campaigns exceed the 50 per instance.
	if c := mustCheck(t, ev, "outbound-campaigns.active-campaigns", "a").Check; c.Status != report.Increase || *c.Recommended != 75 {
		t.Errorf("active 60 of 50: %s, recommended %v; want increase, 75", c.Status, c.Recommended)
	}
	for _, r := range rs.Requests {
		if r.ID == "outbound-campaigns.concurrent-calls" {
			t.Errorf("a request for campaign calls without any: %+v", r)
		}
	}
}

// TestCampaignCallsOnly: an instance whose only calls are its campaigns' needs
// concurrent active calls for them.
func TestCampaignCallsOnly(t *testing.T) {
	ev := evaluate(t, `instances:
  - name: a
    campaigns: {calls_per_hour: 120, minutes_in_connect: 3}
`, on2026)
	c := mustCheck(t, ev, "connect.concurrent-active-calls", "a").Check
	if c.Required != 15 || c.Status != report.Increase || *c.Recommended != 19 {
		t.Errorf("concurrent active calls %v, %s, recommended %v; want 15 of the default 10, increase, 19", c.Required, c.Status, c.Recommended)
	}
}

// TestCampaignsEdition2023: the 2023 edition has neither per-instance campaign
// rows nor concurrent campaign calls: they are not checked and a warning names
// each; the campaign calls still count against concurrent active calls. The
// top-level campaigns key is checked against Amazon Connect campaigns.
func TestCampaignsEdition2023(t *testing.T) {
	ev := evaluate(t, campaignPlan+"campaigns: 30\n", Options{Edition: tables.Edition2023})
	for _, id := range []string{"outbound-campaigns.active-campaigns", "outbound-campaigns.total-campaigns", "outbound-campaigns.concurrent-calls"} {
		if findCheck(ev, id, "out") != nil {
			t.Errorf("%s checked on the 2023 edition", id)
		}
		found := false
		for _, w := range ev.Warnings {
			found = found || strings.Contains(w, "("+id+") is not on the 2023 edition")
		}
		if !found {
			t.Errorf("no warning for %s: %q", id, ev.Warnings)
		}
	}
	if c := mustCheck(t, ev, "connect.concurrent-active-calls", "out").Check; c.Required != 67 {
		t.Errorf("concurrent active calls %v on 2023, want 67", c.Required)
	}
	c := mustCheck(t, ev, "outbound-campaigns.campaigns", "").Check
	if c.Required != 30 || c.Limit != 25 || c.Status != report.Increase {
		t.Errorf("Amazon Connect campaigns: %v of %v, %s; want 30 of 25, increase", c.Required, c.Limit, c.Status)
	}

	// Campaigns without calls on 2023: no word about a row there is nothing to
	// check against.
	ev = evaluate(t, "instances:\n  - name: a\n    campaigns: {active: 2}\n", Options{Edition: tables.Edition2023})
	for _, w := range ev.Warnings {
		if strings.Contains(w, "outbound-campaigns.concurrent-calls") {
			t.Errorf("warning %q without campaign calls", w)
		}
	}
}

// TestTopLevelCampaignsOn2026: the 2026 edition has no account-wide campaigns
// row; the key is not checked, and the warning gives the file, line and key and
// points to instances[].campaigns.
func TestTopLevelCampaignsOn2026(t *testing.T) {
	ev := evaluate(t, "region: us-east-1\ninstances:\n  - name: a\ncampaigns: 4\n", on2026)
	if findCheck(ev, "outbound-campaigns.campaigns", "") != nil {
		t.Error("outbound-campaigns.campaigns checked on the 2026 edition")
	}
	want := []string{"test.yaml:4: campaigns: 4 campaigns are not checked: the 2026 edition of the quotas page has no account-wide campaigns quota (Amazon Connect campaigns, 25, is on the 2023 edition: --edition 2023); it counts campaigns per instance: give instances[].campaigns.active and .total instead"}
	if !reflect.DeepEqual(ev.Warnings, want) {
		t.Errorf("warnings %q\nwant %q", ev.Warnings, want)
	}
}

func TestCampaignsDecodeErrors(t *testing.T) {
	for _, tc := range []struct{ section, want string }{
		{"{calls_per_hour: 120}", "bad.yaml:3: instances[0].campaigns.calls_per_hour: 120 calls per hour need minutes_in_connect, the average time a campaign call is in Connect; accepted: calls_per_hour with minutes_in_connect"},
		{"{minutes_in_connect: 3}", "bad.yaml:3: instances[0].campaigns.minutes_in_connect: minutes in Connect without calls_per_hour; accepted: calls_per_hour with minutes_in_connect"},
		{"{active: 60, total: 50}", "bad.yaml:3: instances[0].campaigns.active: 60 active campaigns but 50 in total; accepted: active at most total"},
		{"{active: 2.5}", "bad.yaml:3: instances[0].campaigns.active: 2.5: "},
		{"{calls_per_hour: -1, minutes_in_connect: 3}", "bad.yaml:3: instances[0].campaigns.calls_per_hour: -1: "},
		{"{calls_per_hour: 10, minutes_in_connect: 0}", "bad.yaml:3: instances[0].campaigns.minutes_in_connect: 0: "},
		{"{dialled: 3}", "bad.yaml:3: instances[0].campaigns.dialled: unknown key; accepted: active, calls_per_hour, minutes_in_connect, total"},
	} {
		_, err := Decode([]byte("instances:\n  - name: a\n    campaigns: "+tc.section+"\n"), "bad.yaml")
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v\nwant one line starting %q", tc.section, err, tc.want)
		}
	}
}

// TestCampaignsSchema: the schema's campaigns section follows the tags: the calls
// and their minutes need each other.
func TestCampaignsSchema(t *testing.T) {
	data, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Properties map[string]struct {
			Items struct {
				Properties map[string]struct {
					Properties        map[string]map[string]any `json:"properties"`
					DependentRequired map[string][]string       `json:"dependentRequired"`
				} `json:"properties"`
			} `json:"items"`
			Description string `json:"description"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	c := s.Properties["instances"].Items.Properties["campaigns"]
	want := map[string][]string{"calls_per_hour": {"minutes_in_connect"}, "minutes_in_connect": {"calls_per_hour"}}
	if !reflect.DeepEqual(c.DependentRequired, want) {
		t.Errorf("dependentRequired %v, want %v", c.DependentRequired, want)
	}
	for _, key := range []string{"active", "total", "calls_per_hour", "minutes_in_connect"} {
		if _, ok := c.Properties[key]; !ok {
			t.Errorf("no property %s", key)
		}
	}
	if d := s.Properties["campaigns"].Description; !strings.Contains(d, "instances[].campaigns") || !strings.Contains(d, "2023") {
		t.Errorf("top-level campaigns description %q does not point to instances[].campaigns", d)
	}
}

// TestStarterCampaignsExample: the starter's commented campaigns example, once
// uncommented, is a valid section that sizes the instance's campaign calls.
func TestStarterCampaignsExample(t *testing.T) {
	var b strings.Builder
	in := false
	for _, line := range strings.SplitAfter(string(Starter), "\n") {
		if strings.HasPrefix(line, "    # campaigns:") {
			in = true
			line = strings.Replace(line, "# ", "", 1)
		} else if in && strings.HasPrefix(line, "    #   ") {
			line = strings.Replace(line, "#   ", "  ", 1)
		} else {
			in = false
		}
		b.WriteString(line)
	}
	if !strings.Contains(b.String(), "\n    campaigns:") {
		t.Fatal("the starter has no commented campaigns example under its instance")
	}
	ev := evaluate(t, b.String(), on2026)
	if c := mustCheck(t, ev, "outbound-campaigns.concurrent-calls", "main").Check; c.Required != 15 || c.Status != report.Increase {
		t.Errorf("the example's campaign calls: %v, %s; want 15 (6 erlangs), increase", c.Required, c.Status)
	}
	mustCheck(t, ev, "outbound-campaigns.active-campaigns", "main")
	mustCheck(t, ev, "outbound-campaigns.total-campaigns", "main")
}

// TestStarterEmailExample: the starter's commented email channel and email
// inventory, once uncommented, are valid and checked against the current page.
func TestStarterEmailExample(t *testing.T) {
	var b strings.Builder
	in := false
	for _, line := range strings.SplitAfter(string(Starter), "\n") {
		switch {
		case strings.HasPrefix(line, "      # email:"), strings.HasPrefix(line, "      # email_"):
			in = strings.HasPrefix(line, "      # email:")
			line = strings.Replace(line, "# ", "", 1)
		case in && strings.HasPrefix(line, "      #   "):
			line = strings.Replace(line, "#   ", "  ", 1)
		default:
			in = false
		}
		b.WriteString(line)
	}
	if !strings.Contains(b.String(), "\n      email:") || !strings.Contains(b.String(), "\n      email_addresses: ") {
		t.Fatal("the starter has no commented email example")
	}
	ev := evaluate(t, b.String(), on2026)
	for _, id := range []string{"connect.concurrent-active-emails", "connect.email-addresses", "connect.email-domains"} {
		mustCheck(t, ev, id, "main")
	}
	if len(ev.Warnings) != 0 {
		t.Errorf("warnings: %q", ev.Warnings)
	}
}

// TestCampaignsAllActive: as many active campaigns as exist is at most the total.
func TestCampaignsAllActive(t *testing.T) {
	if _, err := Decode([]byte("instances:\n  - name: a\n    campaigns: {active: 50, total: 50}\n"), "test.yaml"); err != nil {
		t.Error(err)
	}
}

// TestCampaignsZeroCalls: campaigns planned at 0 calls an hour place no calls, so
// an instance without voice traffic has no concurrent active calls to check, as
// with no calls_per_hour at all (TestCampaignsWithoutCalls).
func TestCampaignsZeroCalls(t *testing.T) {
	ev := evaluate(t, `instances:
  - name: a
    campaigns: {calls_per_hour: 0, minutes_in_connect: 3}
`, on2026)
	if it := findCheck(ev, "connect.concurrent-active-calls", "a"); it != nil {
		t.Errorf("concurrent active calls checked with 0 campaign calls: %+v", it.Check)
	}
}

// TestCampaignCallsLoadTooLarge: an instance whose only calls are its campaigns'
// reports a load past what connectcap sizes at the campaign calls' key: 10,000,000
// calls an hour of 10 minutes offer 10,000,000 × 10 / 60 ≈ 1.67 million erlangs,
// more than the 1,000,000 sized.
func TestCampaignCallsLoadTooLarge(t *testing.T) {
	p, err := Decode([]byte("instances:\n  - name: a\n    campaigns: {calls_per_hour: 10000000, minutes_in_connect: 10}\n"), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Evaluate(p, on2026)
	if err == nil || !strings.HasPrefix(err.Error(), "test.yaml:3: instances[0].campaigns.calls_per_hour: 10000000 per hour gives an offered load of 1.66667e+06 erlangs") {
		t.Errorf("error %v", err)
	}
}
