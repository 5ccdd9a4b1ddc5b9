package render_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

const (
	testARN      = "arn:aws:connect:us-east-1:111122223333:instance/6f1c2a9e"
	testFormURL  = "https://console.aws.amazon.com/support/home#/case/create?issueType=service-limit-increase&limitType=service-code-connect"
	testLeadTime = "Smaller increases can be approved in hours; larger ones can take up to 3 weeks."
)

// fixedRequests is a request document built by hand, so that these tests do not
// depend on the plan: a request for one instance by its ARN, one Region-wide for
// two instances, one for the account, two support-form requests and two limits
// that cannot be raised, one of an instance and one of the account.
func fixedRequests() *report.Requests {
	care, sales := "care", "sales"
	arn := testARN
	usersCmd := "aws service-quotas request-service-quota-increase --service-code connect --quota-code L-9A46857E --desired-value 1125 --region us-east-1 --context-id '" + arn + "'"
	queuesCmd := "aws service-quotas request-service-quota-increase --service-code connect --quota-code L-19A87C94 --desired-value 2738 --region us-east-1"
	instCmd := "aws service-quotas request-service-quota-increase --service-code connect --quota-code L-AA17A6B9 --desired-value 3 --region us-east-1"
	return &report.Requests{
		PlanFile: "plan.yaml", Region: "us-east-1", LeadTime: testLeadTime, FormURL: testFormURL,
		Requests: []report.Request{
			{
				ID: "connect.users", Name: "Users per instance", Instances: []string{"care"},
				Required: 900, CurrentLimit: 500, LimitSource: report.FromDefault, DesiredValue: 1125, Unit: "count",
				Region: "us-east-1", ServiceCode: str("connect"), QuotaCode: str("L-9A46857E"), ContextID: &arn,
				Method: report.MethodServiceQuotas, Command: &usersCmd,
				Covers: []report.Need{{Check: "Users per instance", Instance: &care, Required: 900, Status: "increase"}},
				Text:   "Please raise Users per instance to 1125.",
			},
			{
				ID: "connect.queues", Name: "Queues per instance", Instances: []string{"care", "sales"},
				Required: 2190, CurrentLimit: 50, LimitSource: report.FromFlag, DesiredValue: 2737.5, Unit: "count",
				Region: "us-east-1", ServiceCode: str("connect"), QuotaCode: str("L-19A87C94"),
				Method: report.MethodServiceQuotas, Command: &queuesCmd,
				Covers: []report.Need{
					{Check: "Queues per instance", Instance: &care, Required: 2190, Status: "increase"},
					{Check: "Queues per instance at the peak", Instance: &sales, Required: 1630, Status: "warn"},
				},
				Text: "Please raise Queues per instance to 2738, Region-wide.",
			},
			{
				ID: "connect.instances", Name: "Amazon Connect instances per account", Instances: []string{},
				Required: 2, CurrentLimit: 2, LimitSource: report.FromDefault, DesiredValue: 3, Unit: "count",
				Region: "us-east-1", ServiceCode: str("connect"), QuotaCode: str("L-AA17A6B9"),
				Method: report.MethodServiceQuotas, Command: &instCmd,
				Covers: []report.Need{{Check: "Amazon Connect instances per account (if hard limits are spread)", Required: 2, Status: "warn"}},
				Text:   "Please raise Amazon Connect instances per account to 3.",
			},
			{
				ID: "contact-lens.post-call-jobs", Name: "Concurrent post-call analytics jobs", Instances: []string{},
				Required: 220, CurrentLimit: 200, LimitSource: report.FromDefault, DesiredValue: 275, Unit: "count",
				Region: "us-east-1", ServiceCode: str("connect"), Method: report.MethodSupportForm,
				Covers: []report.Need{{Check: "Concurrent post-call analytics jobs", Required: 220, Status: "increase"}},
				Text:   `Please raise "Concurrent post-call analytics jobs" to 275 in us-east-1.`,
			},
			{
				ID: "contact-lens.realtime-calls", Name: "Concurrent real-time calls", Instances: []string{"care"},
				Required: 120, CurrentLimit: 100, LimitSource: report.FromEnv, DesiredValue: 150, Unit: "count",
				Region: "us-east-1", ContextID: &arn, Method: report.MethodSupportForm,
				Covers: []report.Need{{Check: "Concurrent real-time calls", Instance: &care, Required: 120, Status: "increase"}},
				Text:   `Please raise "Concurrent real-time calls" to 150 in us-east-1 for instance care.`,
			},
		},
		CannotRaise: []report.Blocked{
			{ID: "connect.lambda-functions", Name: "AWS Lambda functions per instance", Instance: &care, Required: 55, Limit: 50, Unit: "count", Note: "Spread this need over 2 instances."},
			{ID: "connect.api-rate", Name: "Rate of GetCurrentMetricData API requests", Required: 6, Limit: 5, Unit: "requests/second", Note: "Poll less often."},
		},
	}
}

func writeRequests(t *testing.T, rs *report.Requests, f render.Format, o render.Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := render.Write(&buf, rs.Document(), f, o); err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	return buf.String()
}

// requestFormats are the formats connectcap request has golden files for.
var requestFormats = []render.Format{render.Sh, render.Table, render.Markdown, render.CSV, render.JSON, render.YAML}

func requestExt(f render.Format) string {
	if f == render.Sh {
		return "sh"
	}
	return ext(f)
}

func TestRequestsGolden(t *testing.T) {
	for _, f := range requestFormats {
		t.Run(string(f), func(t *testing.T) {
			checkGolden(t, "requests."+requestExt(f)+".golden", []byte(writeRequests(t, fixedRequests(), f, render.Options{})))
		})
	}
	// At 80 columns the METHOD and QUOTA CODE columns give way and the names wrap.
	t.Run("table-80", func(t *testing.T) {
		checkGolden(t, "requests.80.txt.golden", []byte(writeRequests(t, fixedRequests(), render.Table, render.Options{Width: 80})))
	})
	// Nothing to request.
	none := &report.Requests{PlanFile: "small.yaml", Region: "eu-west-2", LeadTime: "Hours.", FormURL: testFormURL, Requests: []report.Request{}, CannotRaise: []report.Blocked{}}
	for _, f := range []render.Format{render.Sh, render.Table, render.Markdown} {
		t.Run("none/"+string(f), func(t *testing.T) {
			checkGolden(t, "requests-none."+requestExt(f)+".golden", []byte(writeRequests(t, none, f, render.Options{})))
		})
	}
}

// A single request is "1 request", not "1 requests"; with support-form requests
// only, the script says there is no Service Quotas call.
func TestRequestsOne(t *testing.T) {
	rs := fixedRequests()
	rs.Requests = rs.Requests[3:4]
	rs.CannotRaise = nil
	for _, f := range []render.Format{render.Table, render.Markdown} {
		if out := writeRequests(t, rs, f, render.Options{Wide: true}); !strings.Contains(out, "\n1 request in us-east-1. Lead time: "+testLeadTime+"\n") {
			t.Errorf("%s:\n%s", f, out)
		}
	}
	out := writeRequests(t, rs, render.Sh, render.Options{})
	for _, s := range []string{"\n# No Service Quotas requests needed.\n", "\n# These quotas have no Service Quotas code"} {
		if !strings.Contains(out, s) {
			t.Errorf("sh has no %q:\n%s", s, out)
		}
	}
	if strings.Contains(out, "cannot be raised") || strings.Contains(out, "\naws ") {
		t.Errorf("sh:\n%s", out)
	}
}

func TestScript(t *testing.T) {
	got := render.Script(fixedRequests())
	if !strings.HasPrefix(got, "#!/bin/sh\n# Quota increase requests for plan.yaml (Region us-east-1), from connectcap request.\n# Lead time: "+testLeadTime+"\n") {
		t.Errorf("script head:\n%s", got)
	}
	if strings.Count(got, "\n# These quotas have no Service Quotas code") != 1 {
		t.Errorf("the support-form heading is not written once:\n%s", got)
	}
}

// Covered names the instance of each need only when the request serves more than
// one, and the check when it is not the request's own.
func TestCovered(t *testing.T) {
	rs := fixedRequests()
	for i, want := range []string{
		"900",
		"2190 on care; 1630 on sales (at the peak)",
		"2 (if hard limits are spread)",
		"220",
		"120",
	} {
		if got := render.Covered(&rs.Requests[i]); got != want {
			t.Errorf("Covered(%s) = %q, want %q", rs.Requests[i].ID, got, want)
		}
	}
	if got := render.Covered(&report.Request{Name: "x"}); got != "" {
		t.Errorf("Covered of no needs = %q", got)
	}
}

// The script's comment names the instances of a request: the one a
// resource-level request is for, or those an account-level or Region-wide one
// serves. A resource-level request without the instance's ARN is left commented
// out for the planner to complete.
func TestScriptInstances(t *testing.T) {
	arn := testARN
	cmd := "aws service-quotas x"
	for _, tc := range []struct {
		instances   []string
		context     *string
		perInstance bool
		level       tables.Level
		want        string
	}{
		{nil, nil, false, tables.AccountLevel, "# Q: need 1, limit 1 (default)\n" + cmd + "\n"},
		{[]string{"a"}, &arn, true, tables.ResourceLevel, "# Q [a]: need 1, limit 1 (default)\n" + cmd + "\n"},
		{[]string{"a"}, nil, true, tables.ResourceLevel, "# Q [a]: need 1, limit 1 (default)\n# The plan gives no arn for instance a: put its ARN in --context-id, then uncomment.\n# " + cmd + "\n"},
		{[]string{"a"}, nil, false, tables.LevelNotStated, "# Q [a; Region-wide]: need 1, limit 1 (default)\n" + cmd + "\n"},
		{[]string{"a", "b"}, nil, false, tables.LevelNotStated, "# Q [a, b; Region-wide]: need 1 on a; 1 on b, limit 1 (default)\n" + cmd + "\n"},
		{[]string{"a", "b"}, nil, false, tables.AccountLevel, "# Q [a, b; account level]: need 1 on a; 1 on b, limit 1 (default)\n" + cmd + "\n"},
	} {
		r := report.Request{Name: "Q", Instances: tc.instances, ContextID: tc.context, PerInstance: tc.perInstance, Level: tc.level, CurrentLimit: 1, LimitSource: report.FromDefault,
			Method: report.MethodServiceQuotas, Command: &cmd}
		for _, in := range tc.instances {
			r.Covers = append(r.Covers, report.Need{Check: "Q", Instance: &in, Required: 1})
		}
		if len(tc.instances) == 0 {
			r.Covers = []report.Need{{Check: "Q", Required: 1}}
		}
		got := render.Script(&report.Requests{Requests: []report.Request{r}})
		if !strings.Contains(got, "\n"+tc.want) {
			t.Errorf("%v, context %v, %s: want %q in\n%s", tc.instances, tc.context != nil, tc.level, tc.want, got)
		}
	}
}
