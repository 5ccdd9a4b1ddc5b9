package cmd

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/connectcap/connectcap/internal/account"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

const testARN = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-4333-8444-555555555555"

func fptr(v float64) *float64 { return &v }

// sampleReport is a read of one Region: one instance with 2,301 users against an
// applied 2,000 (default 500 on the page), 40 queues against the default, a calls
// peak of 96 against an applied 100 (default 10), 3 calls breaching, and the
// prompts it could not count.
func sampleReport() *account.Report {
	t0 := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	return &account.Report{
		SchemaVersion: account.SchemaVersion, ReadAt: t0, Since: t0.Add(-14 * 24 * time.Hour),
		Regions: []account.Region{{
			Region: "us-east-1",
			Applied: []account.Applied{
				{ServiceCode: "connect", QuotaCode: "L-AA17A6B9", Value: 2, Default: fptr(2), Source: "applied"},
			},
			Instances: []account.Instance{{
				ID: "11111111-2222-4333-8444-555555555555", ARN: testARN, Alias: "care",
				Counts: map[string]float64{"connect.users": 2301, "connect.queues": 40},
				Applied: []account.Applied{
					{ServiceCode: "connect", QuotaCode: "L-9A46857E", Value: 2000, Default: fptr(500), Source: "applied"},
					{ServiceCode: "connect", QuotaCode: "L-12AB7C57", Value: 100, Default: fptr(10), Source: "applied"},
				},
				Peaks: []account.Peak{
					{Metric: "ConcurrentCalls", Statistic: "Maximum", Value: 96, At: t0.Add(-3 * time.Hour), PeriodSeconds: 60},
					{Metric: "CallsBreachingConcurrencyQuota", Statistic: "Sum", Value: 3, At: t0, PeriodSeconds: 60},
				},
				Problems: []account.Problem{{What: "connect.prompts", Code: "AccessDeniedException", Message: "not authorized to perform connect:ListPrompts"}},
			}},
		}},
		Calls: []account.Call{{API: "Connect.ListUsers", Region: "us-east-1", Calls: 3, Throttled: 1}},
	}
}

func checkOf(t *testing.T, r *report.Result, id string) report.Check {
	t.Helper()
	for _, c := range r.Checks {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no check %s", id)
	return report.Check{}
}

func TestAccountResult(t *testing.T) {
	if tables.Default().MustLookup("connect.users").QuotaCode != "L-9A46857E" {
		t.Fatal("the users quota code moved: fix the fixture")
	}
	r, partial := AccountResult(sampleReport(), tables.Edition2026, 80)
	if !partial {
		t.Error("a read with a problem is not partial")
	}
	users := checkOf(t, r, "connect.users")
	// 2,301 of an applied 2,000: increase; recommended ceil(2301 / 0.8) = 2877.
	if users.Required != 2301 || users.Limit != 2000 || users.LimitSource != report.FromAccount || users.Status != report.Increase ||
		users.Default == nil || *users.Default != 500 || *users.Recommended != 2877 || users.Instance == nil || *users.Instance != "care" {
		t.Errorf("users = %+v", users)
	}
	if !strings.Contains(users.Note, "Applied 2000; the AWS default is 500.") {
		t.Errorf("users note = %q", users.Note)
	}
	// Queues: no applied value read: the page's default, said so.
	queues := checkOf(t, r, "connect.queues")
	if queues.LimitSource != report.FromDefault || queues.Default != nil || !strings.Contains(queues.Note, "Service Quotas gave no value for L-19A87C94") {
		t.Errorf("queues = %+v", queues)
	}
	// The calls peak: 96 of 100 is 96 %, above the target.
	calls := checkOf(t, r, "connect.concurrent-active-calls")
	if calls.Required != 96 || calls.Limit != 100 || calls.Status != report.Warn || *calls.Default != 10 ||
		!strings.Contains(calls.Note, "CloudWatch ConcurrentCalls Maximum 96 at 2026-11-29T21:00:00Z (60 s points)") ||
		!strings.Contains(calls.Note, "CallsBreachingConcurrencyQuota: 3 in the look-back.") {
		t.Errorf("calls = %+v", calls)
	}
	inst := checkOf(t, r, "connect.instances")
	if inst.Required != 1 || inst.Limit != 2 || inst.Default != nil || inst.Instance != nil {
		t.Errorf("instances = %+v", inst)
	}
	if v, _ := r.Figures.Get("care.could_not_read.connect.prompts"); v != "AccessDeniedException: not authorized to perform connect:ListPrompts" {
		t.Errorf("problem figure = %v", v)
	}
	if v, _ := r.Inputs.Get("api_calls"); v != 3 {
		t.Errorf("api_calls = %v", v)
	}
	if r.Account == nil {
		t.Error("the read is not carried for machines")
	}
}

func TestAccountResultDerivedAndDefault(t *testing.T) {
	rep := sampleReport()
	in := &rep.Regions[0].Instances[0]
	in.Problems = nil
	in.Applied = []account.Applied{{ServiceCode: "connect", QuotaCode: "L-12AB7C57", Value: 100, Source: "derived"}}
	r, partial := AccountResult(rep, tables.Edition2026, 80)
	if partial {
		t.Error("partial without problems")
	}
	calls := checkOf(t, r, "connect.concurrent-active-calls")
	// No AWS default read: the catalogue's 10 stands beside the derived 100.
	if *calls.Default != 10 || !strings.Contains(calls.Note, "derived from CloudWatch as the page does") {
		t.Errorf("calls = %+v", calls)
	}
}

func TestReadAppliedFiles(t *testing.T) {
	dir := t.TempDir()
	sq := filepath.Join(dir, "sq.json")
	os.WriteFile(sq, []byte(`{"Quotas":[{"ServiceCode":"connect","QuotaCode":"L-12AB7C57","Value":300.0,"QuotaContext":{"ContextScope":"RESOURCE","ContextId":"`+testARN+`"}},{"ServiceCode":"connect","QuotaCode":"L-AA17A6B9","Value":5.0}]}`), 0o644)
	v, err := readApplied(sq, "us-east-1")
	if err != nil {
		t.Fatal(err)
	}
	if v.Account["L-AA17A6B9"] != 5 || v.Instances[testARN]["L-12AB7C57"] != 300 || v.Source != sq {
		t.Errorf("values = %+v", v)
	}
	saved := filepath.Join(dir, "account.json")
	r, _ := AccountResult(sampleReport(), tables.Edition2026, 80)
	b, err := json.Marshal(r.Document())
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(saved, b, 0o644)
	v, err = readApplied(saved, "")
	if err != nil {
		t.Fatal(err)
	}
	if v.Instances[testARN]["L-9A46857E"] != 2000 || v.Account["L-AA17A6B9"] != 2 {
		t.Errorf("values from a saved account = %+v", v)
	}
	for _, c := range []struct{ body, want string }{
		{`not json`, "not JSON"},
		{`{"Quotas":[{"ServiceCode":"connect"}]}`, "Quotas[0] has no QuotaCode or Value"},
		{`{"hello":1}`, "neither a saved"},
	} {
		p := filepath.Join(dir, "bad.json")
		os.WriteFile(p, []byte(c.body), 0o644)
		if _, err := readApplied(p, ""); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.body, err, c.want)
		}
	}
	if _, err := readApplied(filepath.Join(dir, "missing.json"), ""); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
}

// A plan with --applied FILE: its own applied: map wins, the saved values fill
// the rest, with limit_source account.
func TestPlanAppliedFile(t *testing.T) {
	dir := t.TempDir()
	sq := filepath.Join(dir, "sq.json")
	os.WriteFile(sq, []byte(`{"Quotas":[{"ServiceCode":"connect","QuotaCode":"L-12AB7C57","Value":300.0,"QuotaContext":{"ContextId":"`+testARN+`"}},{"ServiceCode":"connect","QuotaCode":"L-9A46857E","Value":9000.0,"QuotaContext":{"ContextId":"`+testARN+`"}}]}`), 0o644)
	plan := filepath.Join(dir, "plan.yaml")
	os.WriteFile(plan, []byte("region: us-east-1\ninstances:\n  - name: care\n    arn: "+testARN+"\n    applied:\n      connect.users: 4000\n    inventory:\n      queues: 3\n    users:\n      agents: 3000\n    traffic:\n      voice:\n        inbound_calls_per_hour: 1000\n        minutes_in_connect: 6\n"), 0o644)
	app, stdout, stderr := testApp(nil)
	if code := Execute(app, []string{"plan", "-f", plan, "--applied", sq, "-o", "json"}); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Inputs map[string]any
		Checks []report.Check
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Inputs["applied_from"] != sq {
		t.Errorf("applied_from = %v", doc.Inputs["applied_from"])
	}
	for _, c := range doc.Checks {
		switch c.ID {
		case "connect.users":
			if c.Limit != 4000 || c.LimitSource != report.FromPlan {
				t.Errorf("users: %v from %s, want the plan's 4000", c.Limit, c.LimitSource)
			}
		case "connect.concurrent-active-calls":
			if c.Limit != 300 || c.LimitSource != report.FromAccount {
				t.Errorf("calls: %v from %s, want the account's 300", c.Limit, c.LimitSource)
			}
		case "connect.queues":
			if c.LimitSource != report.FromDefault {
				t.Errorf("queues from %s", c.LimitSource)
			}
		}
	}
}

func TestIAMPolicy(t *testing.T) {
	for _, submit := range []bool{false, true} {
		b, err := IAMPolicy(submit)
		if err != nil {
			t.Fatal(err)
		}
		var p struct {
			Version   string
			Statement []struct {
				Effect   string
				Action   []string
				Resource string
			}
		}
		if err := json.Unmarshal(b, &p); err != nil {
			t.Fatal(err)
		}
		all := strings.Join(p.Statement[0].Action, " ")
		for _, a := range []string{"connect:ListUsers", "servicequotas:GetServiceQuota", "cloudwatch:GetMetricData", "servicequotas:ListRequestedServiceQuotaChangeHistory"} {
			if !strings.Contains(all, a) {
				t.Errorf("read statement lacks %s", a)
			}
		}
		if strings.Contains(all, "RequestServiceQuotaIncrease") || strings.Contains(all, "*") {
			t.Errorf("read statement allows too much: %s", all)
		}
		if got := len(p.Statement); got != map[bool]int{false: 1, true: 2}[submit] {
			t.Errorf("submit %v: %d statements", submit, got)
		}
		if submit && !strings.Contains(strings.Join(p.Statement[1].Action, " "), "servicequotas:RequestServiceQuotaIncrease") {
			t.Error("the submit statement cannot file")
		}
	}
}

func TestAWSHelperMissing(t *testing.T) {
	app, _, stderr := testApp(map[string]string{"AWS_REGION": "us-east-1"})
	app.AWSHelper = func() (string, error) {
		return "", errors.New("connectcap-aws not found next to connectcap or on PATH")
	}
	if code := Execute(app, []string{"account"}); code != 1 || !strings.Contains(stderr.String(), "connectcap-aws not found") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

func TestSubmitNeedsATerminalOrYes(t *testing.T) {
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.yaml")
	os.WriteFile(plan, []byte("region: us-east-1\ninstances:\n  - name: care\n    arn: "+testARN+"\n    traffic:\n      voice:\n        inbound_calls_per_hour: 1000\n        minutes_in_connect: 6\n"), 0o644)
	app, stdout, stderr := testApp(nil)
	app.AWSHelper = func() (string, error) { t.Fatal("connectcap-aws run without confirmation"); return "", nil }
	if code := Execute(app, []string{"request", "-f", plan, "--submit"}); code != 1 || !strings.Contains(stderr.String(), "give --yes to file") || stdout.Len() != 0 {
		t.Errorf("exit %d: %s / %s", code, stderr, stdout)
	}
	app, _, stderr = testApp(nil)
	if code := Execute(app, []string{"request", "-f", plan, "--yes"}); code != 1 || !strings.Contains(stderr.String(), "--yes only applies with --submit") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}
