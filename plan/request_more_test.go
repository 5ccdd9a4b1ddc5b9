package plan

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// TestRequestsAPINamesAndScopes: an API rate is requested under its operation's
// name, its burst under the burst's name and through the form (Service Quotas
// has no code for a burst), and a per-instance quota without a code is one form
// request that names every instance it covers.
func TestRequestsAPINamesAndScopes(t *testing.T) {
	_, rs := buildRequests(t, `
region: us-east-1
instances:
  - name: a
    arn: `+arnA+`
    users: {agents: 450}
  - name: b
api_consumers:
  - {name: sync, operation: DescribeQueue, rate_per_second: 3}
  - {name: boards, operation: GetMetricDataV2, interval: 1, clients: 10, aligned: true}
  - {name: widget, service: participant, operation: SendMessage, rate_per_second: 12}
`, Options{})
	byName := map[string]report.Request{}
	for _, r := range rs.Requests {
		byName[r.Name] = r
	}
	// 3 DescribeQueue requests a second against the other operations' 2.
	dq, ok := byName["Rate of API requests: DescribeQueue"]
	if !ok || dq.ID != "connect.api-requests" || dq.Required != 3 || len(dq.Instances) != 0 {
		t.Errorf("DescribeQueue request: %+v (requests %v)", dq, names(rs))
	}
	// 10 aligned clients fire 10 requests at once against the burst of 5.
	b, ok := byName["Rate of API requests: GetMetricDataV2 (burst)"]
	if !ok || b.Required != 10 || b.QuotaCode != nil || b.ServiceCode != nil || b.Method != report.MethodSupportForm || b.Command != nil {
		t.Errorf("burst request: %+v (requests %v)", b, names(rs))
	}
	if _, ok := byName["Rate of API requests: GetMetricDataV2"]; ok {
		t.Error("GetMetricDataV2's rate, 1/6 a second of 2, is requested")
	}
	// SendMessage at 12 a second on each instance, against 10: no code, so one
	// form request for both, the ARN notwithstanding.
	sm, ok := byName["Rate of SendMessage API requests"]
	if !ok || !reflect.DeepEqual(sm.Instances, []string{"a", "b"}) || sm.ContextID != nil || len(sm.Covers) != 2 {
		t.Fatalf("SendMessage request: %+v (requests %v)", sm, names(rs))
	}
	if !strings.Contains(sm.Text, ` to 15 in us-east-1 for instance a, b (a quota increase form request: it covers the Region's instances). Planned need at peak: 12 on a; 12 on b`) {
		t.Errorf("SendMessage text %q", sm.Text)
	}
	// a's users, 450 of 500, with a's ARN: a request of a's own.
	u := byName["Users per instance"]
	if u.ContextID == nil || !strings.Contains(u.Text, "Please raise \"Users per instance\" to 563 in us-east-1 for instance a ("+*u.ContextID+"). The quota applies per instance (resource level), so the request names the instance. Planned need at peak: 450 ") {
		t.Errorf("users request %+v", u)
	}
}

func names(rs *report.Requests) []string {
	var out []string
	for _, r := range rs.Requests {
		out = append(out, r.Name)
	}
	return out
}

// TestRequestsKnockOnCovers: a knock-on check is covered under its own label.
func TestRequestsKnockOnCovers(t *testing.T) {
	_, rs := buildRequests(t, `
region: us-east-1
instances: [{name: a}]
customer_profiles: {domains: 99, identity_resolution_jobs_per_week: 7}
`, Options{})
	for _, r := range rs.Requests {
		if r.ID != "customer-profiles.domains" {
			continue
		}
		// 99 domains as planned, 99 - 1 + ceil(7 / 3) = 101 with the jobs spread.
		if len(r.Covers) != 2 || r.Covers[0].Required != 99 || r.Covers[1].Required != 101 ||
			r.Covers[1].Check != "Amazon Connect Customer Profiles domains count (if the identity resolution jobs are spread)" {
			t.Errorf("covers %+v", r.Covers)
		}
		return
	}
	t.Fatalf("no domains request: %v", names(rs))
}

// TestAppendNew: names already in the list are not added again.
func TestAppendNew(t *testing.T) {
	got := appendNew([]string{"a", "c"}, "c", "b", "a", "b")
	if !reflect.DeepEqual(got, []string{"a", "c", "b"}) {
		t.Errorf("appendNew = %v, want [a c b]", got)
	}
}

// TestRequestsMergedNeedIsTheLargest: a request merged over instances states the
// largest need it covers, also when two needs round up to the same value. 10.5
// and 11 SendMessage requests a second both ask for 14 at 80 % (13.125 and 13.75
// rounded up), in either order.
func TestRequestsMergedNeedIsTheLargest(t *testing.T) {
	for _, order := range [][2]float64{{10.5, 11}, {11, 10.5}} {
		_, rs := buildRequests(t, fmt.Sprintf(`
region: us-east-1
instances: [{name: a}, {name: b}]
api_consumers:
  - {service: participant, operation: SendMessage, rate_per_second: %v, instance: a}
  - {service: participant, operation: SendMessage, rate_per_second: %v, instance: b}
`, order[0], order[1]), Options{})
		var r report.Request
		for _, x := range rs.Requests {
			if x.ID == "participant.api.send-message" {
				r = x
			}
		}
		if r.DesiredValue != 14 || r.Required != 11 || len(r.Covers) != 2 {
			t.Errorf("%v: desired %v for a need of %v, want 14 for 11", order, r.DesiredValue, r.Required)
		}
	}
}

// TestRequestsMergedEqualNeedsKeepTheFirst: of equal needs merged into one
// request, the first instance's limit stays with it.
func TestRequestsMergedEqualNeedsKeepTheFirst(t *testing.T) {
	_, rs := buildRequests(t, `
region: us-east-1
instances:
  - {name: a, applied: {participant.api.send-message: 8}}
  - {name: b}
api_consumers:
  - {service: participant, operation: SendMessage, rate_per_second: 11}
`, Options{})
	for _, r := range rs.Requests {
		if r.ID == "participant.api.send-message" {
			// 11 of 8 (plan) on a, 11 of 10 (default) on b: ask for ceil(11 / 0.8) = 14.
			if r.DesiredValue != 14 || r.Required != 11 || r.CurrentLimit != 8 || r.LimitSource != report.FromPlan {
				t.Errorf("request %+v", r)
			}
			return
		}
	}
	t.Fatalf("no SendMessage request: %v", names(rs))
}

// TestFinishWordsEachLevel: the sentence after the Region says where the
// request applies, one wording per case of finish, in its order: a per-instance
// request with the instance's ARN, one without it, an account-level request
// with and without instances, a request by form naming its instances (either
// code missing), one with both codes, and one that names nothing.
func TestFinishWordsEachLevel(t *testing.T) {
	code, arn := "L-1", "arn:aws:connect:us-east-1:123456789012:instance/abc"
	const (
		form  = " (a quota increase form request: it covers the Region's instances)"
		whole = ". The quota applies to the whole account in the Region (account level)"
	)
	for _, c := range []struct {
		name        string
		r           report.Request
		where, meth string
	}{
		{"per instance with arn", report.Request{PerInstance: true, ContextID: &arn, Level: tables.ResourceLevel, Instances: []string{"a"}, ServiceCode: &code, QuotaCode: &code},
			" for instance a (" + arn + "). The quota applies per instance (resource level), so the request names the instance", report.MethodServiceQuotas},
		{"per instance without arn", report.Request{PerInstance: true, Level: tables.ResourceLevel, Instances: []string{"a"}, ServiceCode: &code, QuotaCode: &code},
			" for instance a. The quota applies per instance (resource level) and cannot be raised for the account: the plan gives no arn for the instance, so name it by its ARN in the request", report.MethodServiceQuotas},
		{"account level for instances", report.Request{Level: tables.AccountLevel, Instances: []string{"a", "b"}, ServiceCode: &code, QuotaCode: &code},
			". The quota applies to every instance of the account in the Region (account level); this value covers instances a and b", report.MethodServiceQuotas},
		{"account level without instances", report.Request{Level: tables.AccountLevel, ServiceCode: &code, QuotaCode: &code}, whole, report.MethodServiceQuotas},
		{"account level by form", report.Request{Level: tables.AccountLevel}, whole, report.MethodSupportForm},
		{"form without either code", report.Request{Level: tables.ResourceLevel, Instances: []string{"a", "b"}}, " for instance a, b" + form, report.MethodSupportForm},
		{"form without the quota code", report.Request{Level: tables.ResourceLevel, Instances: []string{"a"}, ServiceCode: &code}, " for instance a" + form, report.MethodSupportForm},
		{"form without the service code", report.Request{Level: tables.ResourceLevel, Instances: []string{"a"}, QuotaCode: &code}, " for instance a" + form, report.MethodSupportForm},
		{"both codes", report.Request{Level: tables.ResourceLevel, Instances: []string{"a", "b"}, ServiceCode: &code, QuotaCode: &code}, " for instance a, b", report.MethodServiceQuotas},
		{"no instances by form", report.Request{Level: tables.ResourceLevel}, "", report.MethodSupportForm},
		{"no instances with codes", report.Request{Level: tables.ResourceLevel, ServiceCode: &code, QuotaCode: &code}, "", report.MethodServiceQuotas},
	} {
		r := c.r
		r.Name, r.Region = "Quota", "us-east-1"
		finish(&r)
		// The where part sits between the Region and the sentence on the need.
		if want := `Please raise "Quota" to 0 in us-east-1` + c.where + ". Planned need at peak: "; !strings.HasPrefix(r.Text, want) {
			t.Errorf("%s: text %q, want it to open %q", c.name, r.Text, want)
		}
		if r.Method != c.meth {
			t.Errorf("%s: method %q, want %q", c.name, r.Method, c.meth)
		}
	}
}

// TestFinishVoiceIDNote: a Voice ID request opens with the check note on Voice
// ID's end of support, then says AWS may not accept it, then asks.
func TestFinishVoiceIDNote(t *testing.T) {
	r := report.Request{ID: "voice-id.speakers", Name: "Quota", Region: "us-east-1", Level: tables.AccountLevel}
	finish(&r)
	if want := tables.VoiceIDCheckNote + ` AWS may not accept this request. Please raise "Quota" to 0 in us-east-1.`; !strings.HasPrefix(r.Text, want) {
		t.Errorf("text %q, want it to open %q", r.Text, want)
	}
}
