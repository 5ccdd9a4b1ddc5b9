package plan

import (
	"strings"
	"testing"

	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

const arnA = "arn:aws:connect:us-east-1:111122223333:instance/aaaaaaaa-0000-4000-8000-000000000001"

func buildRequests(t *testing.T, plan string, o Options) (*Evaluation, *report.Requests) {
	t.Helper()
	ev := evaluate(t, plan, o)
	rs, err := BuildRequests(ev, "plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return ev, rs
}

// TestRequestsDesiredIsRecommended: every check that needs an increase becomes a
// request for its recommended value, and nothing else does.
func TestRequestsDesiredIsRecommended(t *testing.T) {
	for _, e := range tables.Editions {
		testRequestsDesiredIsRecommended(t, e)
	}
}

func testRequestsDesiredIsRecommended(t *testing.T, e tables.Edition) {
	for name, data := range samplePlans(t) {
		name = name + " (" + string(e) + ")"
		p, err := Decode(data, name)
		if err != nil {
			t.Fatal(err)
		}
		ev, err := Evaluate(p, Options{DefaultRegion: "us-east-1", Edition: e})
		if err != nil {
			t.Fatal(err)
		}
		rs, err := BuildRequests(ev, name)
		if err != nil {
			t.Fatal(err)
		}
		increases, hard := 0, 0
		for _, it := range ev.Items {
			switch it.Check.Status {
			case report.Increase, report.Warn:
				// Every check above the target that can be raised is asked for,
				// once, weeks ahead.
				if it.Check.Recommended == nil {
					continue
				}
				increases++
				found := false
				for _, r := range rs.Requests {
					if strings.HasSuffix(r.Name, " (burst)") != it.Burst {
						continue // an API's rate and its burst are requested apart
					}
					// An account quota checked twice (instances per account, as
					// planned and with hard limits spread) is one request for the
					// larger value.
					if r.ID == it.Check.ID && it.Instance == "" && len(r.Instances) == 0 {
						found = true
						if r.DesiredValue < *it.Check.Recommended {
							t.Errorf("%s: %s desired %v, below recommended %v", name, it.Check.Name, r.DesiredValue, *it.Check.Recommended)
						}
						continue
					}
					if r.ID == it.Check.ID && contains(r.Instances, it.Instance) {
						found = true
						if it.ARN != "" {
							if r.DesiredValue != *it.Check.Recommended {
								t.Errorf("%s: %s desired %v, recommended %v", name, it.Check.Name, r.DesiredValue, *it.Check.Recommended)
							}
						} else if r.DesiredValue < *it.Check.Recommended {
							t.Errorf("%s: Region-wide %s desired %v, below %s's recommended %v", name, r.ID, r.DesiredValue, it.Instance, *it.Check.Recommended)
						}
					}
				}
				if !found {
					t.Errorf("%s: no request for %s", name, it.Check.Name)
				}
			case report.HardLimit:
				hard++
			}
		}
		if len(rs.CannotRaise) != hard {
			t.Errorf("%s: %d limits that cannot be raised, %d hard-limit checks", name, len(rs.CannotRaise), hard)
		}
		if len(rs.Requests) > increases {
			t.Errorf("%s: %d requests for %d increases", name, len(rs.Requests), increases)
		}
		for _, r := range rs.Requests {
			if r.Region != ev.Region || r.Region == "" || r.DesiredValue <= r.CurrentLimit || r.DesiredValue < r.Required {
				t.Errorf("%s: request %+v", name, r)
			}
		}
	}
}

// TestRequestsContextID: an instance quota is requested with the instance ARN as
// Users per instance is a resource-level quota: one request per instance, with
// --context-id when the plan gives the instance's ARN, and with a placeholder
// Service Quotas refuses when it does not (never a request for the account).
func TestRequestsContextID(t *testing.T) {
	_, rs := buildRequests(t, `
region: us-east-1
instances:
  - name: a
    arn: `+arnA+`
    users: {agents: 900}
  - name: b
    users: {agents: 700}
  - name: c
    users: {agents: 1200}
  - name: d
    users: {agents: 100}
`, Options{})
	var withARN, regionWide []report.Request
	for _, r := range rs.Requests {
		if r.ID != "connect.users" {
			continue
		}
		if r.ContextID != nil {
			withARN = append(withARN, r)
		} else {
			regionWide = append(regionWide, r)
		}
	}
	if len(withARN) != 1 || len(regionWide) != 2 {
		t.Fatalf("users requests: %d with an ARN, %d without; want 1 and 2", len(withARN), len(regionWide))
	}
	a := withARN[0]
	if *a.ContextID != arnA || strings.Join(a.Instances, ",") != "a" || a.DesiredValue != 1125 || a.Method != "service-quotas" {
		t.Errorf("a's request: %+v", a)
	}
	wantCmd := "aws service-quotas request-service-quota-increase --service-code connect --quota-code L-9A46857E --desired-value 1125 --region us-east-1 --context-id '" + arnA + "'"
	if a.Command == nil || *a.Command != wantCmd {
		t.Errorf("command\n got %v\nwant %s", a.Command, wantCmd)
	}
	// b needs 875 and c 1500: a request each, naming the instance.
	for i, want := range []struct {
		name             string
		desired, require float64
	}{{"b", 875, 700}, {"c", 1500, 1200}} {
		r := regionWide[i]
		if strings.Join(r.Instances, ",") != want.name || r.DesiredValue != want.desired || r.Required != want.require {
			t.Errorf("request without an ARN: instances %v, desired %v, required %v; want %s, %v, %v", r.Instances, r.DesiredValue, r.Required, want.name, want.desired, want.require)
		}
		if !strings.HasSuffix(str(r.Command), " --context-id '<ARN of instance "+want.name+">'") {
			t.Errorf("command without an ARN: %s", str(r.Command))
		}
		if !strings.Contains(r.Text, "for instance "+want.name+". The quota applies per instance (resource level) and cannot be raised for the account: the plan gives no arn for the instance, so name it by its ARN in the request.") {
			t.Errorf("text %q", r.Text)
		}
	}
	// Account quotas never carry a context.
	for _, r := range rs.Requests {
		if r.ID == "connect.instances" && r.ContextID != nil {
			t.Errorf("instances per account requested with context %s", *r.ContextID)
		}
	}
	script := render.Script(rs)
	if !strings.Contains(script, wantCmd+"\n") {
		t.Errorf("the script lacks a's command:\n%s", script)
	}
	if !strings.Contains(script, "# Users per instance [b]: need 700, limit 500 (default)\n# The plan gives no arn for instance b: put its ARN in --context-id, then uncomment.\n# aws service-quotas request-service-quota-increase --service-code connect --quota-code L-9A46857E --desired-value 875 --region us-east-1 --context-id '<ARN of instance b>'\n") {
		t.Errorf("the script does not leave b's request for its ARN:\n%s", script)
	}
}

// TestRequestsSupportForm: a quota without a Service Quotas code is asked for
// through the form, with the text to paste.
func TestRequestsSupportForm(t *testing.T) {
	_, rs := buildRequests(t, `
region: eu-west-2
instances:
  - name: a
    traffic:
      voice: {inbound_calls_per_hour: 4000, minutes_in_connect: 10}
    contact_lens: {post_call_share: 1}
voice_id:
  speakers: 150000
`, Options{})
	byID := map[string]report.Request{}
	for _, r := range rs.Requests {
		byID[r.ID] = r
	}
	jobs, ok := byID["contact-lens.concurrent-post-call-jobs"]
	if !ok {
		t.Fatalf("no post-call jobs request: %+v", rs.Requests)
	}
	// 10 x 0.4 x 4000 / 60 = 266.67 → 267 jobs; at 80 %, 334.
	if jobs.Method != "support-form" || jobs.Command != nil || jobs.QuotaCode != nil || jobs.DesiredValue != 334 {
		t.Errorf("post-call jobs request: %+v", jobs)
	}
	want := `Please raise "Concurrent post-call analytics jobs" to 334 in eu-west-2. The quota applies to the whole account in the Region (account level). Planned need at peak: 267 (current limit 200, from default)`
	if !strings.HasPrefix(jobs.Text, want) {
		t.Errorf("text\n got %s\nwant %s...", jobs.Text, want)
	}
	if sp := byID["voice-id.speakers"]; sp.Method != "support-form" || sp.DesiredValue != 187500 {
		t.Errorf("speakers request: %+v", sp)
	}
	if calls := byID["connect.concurrent-active-calls"]; calls.Method != "service-quotas" || calls.Command == nil {
		t.Errorf("calls request: %+v", calls)
	}
	script := render.Script(rs)
	for _, s := range []string{
		"# These quotas have no Service Quotas code: ask through the quota increase form,\n#   " + tables.IncreaseFormURL + "\n",
		"#   - " + jobs.Text + "\n",
		"# Lead time: " + tables.LeadTime + "\n",
	} {
		if !strings.Contains(script, s) {
			t.Errorf("the script lacks %q:\n%s", s, script)
		}
	}
	if rs.LeadTime != tables.LeadTime || rs.FormURL != tables.IncreaseFormURL {
		t.Errorf("requests header: %+v", rs)
	}
}

// TestRequestsCannotRaise: hard limits are not requested but listed with their way
// out; the knock-on instances check is requested.
func TestRequestsCannotRaise(t *testing.T) {
	_, rs := buildRequests(t, `
region: us-east-1
instances:
  - name: a
    arn: `+arnA+`
    inventory: {lambda_functions: 60, scheduled_reports: 70}
api_consumers:
  - name: boards
    operation: GetMetricData
    interval: 2s
    clients: 20
`, Options{})
	names := map[string]report.Blocked{}
	for _, b := range rs.CannotRaise {
		names[b.ID] = b
	}
	for _, id := range []string{"connect.lambda-functions", "connect.scheduled-reports", "connect.api.get-metric-data"} {
		b, ok := names[id]
		if !ok {
			t.Errorf("%s is not under cannot_raise: %+v", id, rs.CannotRaise)
			continue
		}
		if !strings.Contains(strings.ToLower(b.Note), "cannot be") || b.Required <= b.Limit {
			t.Errorf("%s: %+v", id, b)
		}
	}
	if b := names["connect.api.get-metric-data"]; b.Required != 10 || !strings.Contains(b.Note, "polling every 4 s instead of every 2 s (5 s keeps 80 %)") {
		t.Errorf("GetMetricData: %+v", b)
	}
	for _, r := range rs.Requests {
		if r.ID == "connect.lambda-functions" || r.ID == "connect.scheduled-reports" || r.ID == "connect.api.get-metric-data" {
			t.Errorf("a hard limit is requested: %+v", r)
		}
	}
	script := render.Script(rs)
	if !strings.Contains(script, "# Limits that cannot be raised (no request fixes these):\n#   - AWS Lambda functions per instance [a]: need 60, limit 50. Cannot be raised. Spread this need over 2 instances") {
		t.Errorf("script:\n%s", script)
	}
}

func TestRequestsNothingToDo(t *testing.T) {
	_, rs := buildRequests(t, `
region: us-east-1
instances:
  - name: a
    users: {agents: 10}
`, Options{})
	if len(rs.Requests) != 0 || len(rs.CannotRaise) != 0 {
		t.Errorf("requests for a small plan: %+v", rs)
	}
	if rs.Requests == nil || rs.CannotRaise == nil {
		t.Error("empty lists must encode as [], not null")
	}
	if !strings.Contains(render.Script(rs), "# No Service Quotas requests needed.\n") {
		t.Errorf("script:\n%s", render.Script(rs))
	}
}

func TestRequestsNeedARegion(t *testing.T) {
	ev := evaluate(t, `
instances:
  - name: a
    users: {agents: 900}
`, Options{})
	if _, err := BuildRequests(ev, "plan.yaml"); err == nil || err.Error() != "plan.yaml: requests need a Region: set region: in the plan or pass --region" {
		t.Errorf("BuildRequests without a Region: %v", err)
	}
	ev = evaluate(t, `
instances:
  - name: a
    users: {agents: 900}
`, Options{Region: "ap-northeast-1"})
	rs, err := BuildRequests(ev, "plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if rs.Region != "ap-northeast-1" || !strings.Contains(str(rs.Requests[0].Command), "--region ap-northeast-1 ") {
		t.Errorf("--region is not used: %+v", rs.Requests[0])
	}
}
