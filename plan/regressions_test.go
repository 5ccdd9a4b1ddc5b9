package plan

import (
	"fmt"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/render"
)

// Regressions: inputs that once crashed, hung, or gave a muddled answer.
func TestDecodeRegressions(t *testing.T) {
	cases := []struct {
		name, plan, want string
	}{
		{"required duration without a value", "instances:\n  - name: a\n    traffic:\n      voice:\n        inbound_calls_per_hour: 10\n        minutes_in_connect:\n",
			"p.yaml:6: instances[0].traffic.voice.minutes_in_connect: has no value; accepted: a duration"},
		{"staffing answer target without a value", "instances:\n  - name: a\n    users:\n      staffing:\n        service_level_pct: 80\n        answer_within:\n",
			"p.yaml:6: instances[0].users.staffing.answer_within: has no value"},
		{"applied value over the bound", "applied:\n  connect.concurrent-active-calls: 1000000000\ninstances:\n  - name: a\n",
			"p.yaml:2: applied.connect.concurrent-active-calls: 1000000000: too large; accepted: a quota value at least 0 and at most 1000000"},
		{"tiny occupancy cap", "instances:\n  - name: a\n    traffic: {voice: {inbound_calls_per_hour: 10, minutes_in_connect: 5}}\n    users:\n      staffing: {service_level_pct: 80, answer_within: 20s, max_occupancy_pct: 0.000001}\n      roster_factor: 1\n",
			"instances[0].users.staffing.max_occupancy_pct: 0.000001: too small; accepted: a percentage at least 1 and at most 100, as 80 or 80%"},
		{"first bad applied key in file order", "applied:\n  zz.nope: 1\n  aa.nope: 2\n  connect.users: 3\ninstances:\n  - name: a\n",
			`p.yaml:2: applied.zz.nope: unknown quota id or quota code "zz.nope"`},
		{"a quota applied twice", "applied:\n  connect.users: 1000\n  L-9A46857E: 900\ninstances:\n  - name: a\n",
			"p.yaml:3: applied.L-9A46857E: L-9A46857E is connect.users again (given as connect.users already)"},
		{"a quota code in the wrong case", "applied:\n  l-9a46857e: 900\ninstances:\n  - name: a\n",
			`unknown quota id or quota code "l-9a46857e"`},
		{"digit grouping", "instances:\n  - name: a\n    users:\n      agents: 100,000\n",
			`"100,000": digit grouping is not accepted, write the digits only`},
	}
	for _, tc := range cases {
		_, err := Decode([]byte(tc.plan), "p.yaml")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestAliasExpansionIsBounded(t *testing.T) {
	// One anchored instance with 2,000 applied keys, aliased 60 times: a 24 KB
	// file that would expand to 120,000 values.
	var b strings.Builder
	b.WriteString("instances:\n  - &i\n    name: a\n    applied:\n")
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&b, "      k%d: 1\n", i)
	}
	for i := 0; i < 60; i++ {
		b.WriteString("  - *i\n")
	}
	_, err := Decode([]byte(b.String()), "bomb.yaml")
	if err == nil || !strings.Contains(err.Error(), "the plan is too large (more than 100000 values, counting YAML aliases)") {
		t.Fatalf("got %v", err)
	}
}

func TestRequestRegionMustMatchARNs(t *testing.T) {
	p, err := Decode([]byte("region: us-east-1\ninstances:\n  - name: a\n    arn: arn:aws:connect:us-east-1:111122223333:instance/0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9\n"), "r.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Evaluate(p, Options{Region: "eu-west-2"})
	if err == nil || !strings.Contains(err.Error(), "r.yaml:4: instances[0].arn: the ARN is in us-east-1 but the Region checked is eu-west-2") {
		t.Errorf("got %v", err)
	}
}

func TestRequestsNameInstanceOnceAndMergeAccountQuotas(t *testing.T) {
	ev := evaluate(t, `region: us-east-1
applied: {connect.instances: 1}
instances:
  - name: a
    arn: arn:aws:connect:us-east-1:111122223333:instance/0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9
    users: {agents: 900}
    inventory: {lambda_functions: 120}
  - name: b
    users: {agents: 10}
`, Options{})
	rs, err := BuildRequests(ev, "m.yaml")
	if err != nil {
		t.Fatal(err)
	}
	instances := 0
	for _, r := range rs.Requests {
		if r.ID == "connect.instances" {
			instances++
			// 2 instances today, 3 + 1 = 4 once lambda functions are spread; at 80 % → 5.
			if r.DesiredValue != 5 {
				t.Errorf("instances per account desired %v, want 5", r.DesiredValue)
			}
		}
		if strings.Count(r.Name, "[") > 0 {
			t.Errorf("request name carries the instance: %q", r.Name)
		}
	}
	if instances != 1 {
		t.Errorf("%d requests for instances per account, want 1", instances)
	}
	script := render.Script(rs)
	if !strings.Contains(script, "# Users per instance [a]: need 900, limit 500 (default)\n") || strings.Contains(script, "[a] [a]") {
		t.Errorf("script:\n%s", script)
	}
}

func TestAppliedWholeAndOperationCodes(t *testing.T) {
	_, err := Decode([]byte("applied:\n  connect.concurrent-active-calls: 150.7\ninstances:\n  - name: a\n"), "w.yaml")
	if err == nil || !strings.Contains(err.Error(), "w.yaml:2: applied.connect.concurrent-active-calls: 150.7: not a whole number; accepted: a whole number of concurrent active calls per instance") {
		t.Errorf("a fractional count: %v", err)
	}
	// An operation's own code (GetMetricDataV2) applies to that operation only.
	ev := evaluate(t, `
applied: {L-2E719449: 10}
instances:
  - name: a
api_consumers:
  - {operation: GetMetricDataV2, rate_per_second: 3}
  - {operation: DescribeUser, rate_per_second: 3}
`, Options{})
	for _, it := range ev.Items {
		switch it.Operation {
		case "GetMetricDataV2":
			if it.Check.Limit != 10 || it.Check.LimitSource != "plan" || it.Check.Status != "ok" {
				t.Errorf("GetMetricDataV2: %+v", it.Check)
			}
		case "DescribeUser":
			if it.Check.Limit != 2 || it.Check.LimitSource != "default" || it.Check.Status != "increase" {
				t.Errorf("DescribeUser: %+v", it.Check)
			}
		}
	}
}

func TestKnockOnDomainsAndTemplates(t *testing.T) {
	ev := evaluate(t, `
region: us-east-1
instances: [{name: a}]
customer_profiles: {domains: 99, identity_resolution_jobs_per_week: 7}
cases: {templates: 24, fields_per_template: 70}
`, Options{})
	want := map[string]float64{
		// 7 jobs a week at 3 per domain need 3 domains: 99 - 1 + 3.
		"Amazon Connect Customer Profiles domains count (if the identity resolution jobs are spread)": 101,
		// 70 fields at 30 per template need 3 templates: 24 - 1 + 3.
		"Templates in a Cases domain (if the fields are split over more templates)": 26,
	}
	for _, it := range ev.Items {
		if w, ok := want[it.Check.Name]; ok {
			if it.Check.Required != w || it.Check.Status != "increase" {
				t.Errorf("%s: required %v (%s), want %v, increase", it.Check.Name, it.Check.Required, it.Check.Status, w)
			}
			delete(want, it.Check.Name)
		}
	}
	for name := range want {
		t.Errorf("no knock-on check %q", name)
	}
	rs, err := BuildRequests(ev, "k.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs.Requests {
		if r.ID == "customer-profiles.domains" && r.DesiredValue != 127 {
			t.Errorf("domains requested %v, want ceil(101/0.8) = 127", r.DesiredValue)
		}
	}
}
