package cmd

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/connectcap/connectcap/internal/awstest"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// The account tests run connectcap-aws for real (the test binary, on PATH from
// TestMain) against local servers that speak Service Quotas (JSON 1.1),
// Connect (REST-JSON) and CloudWatch (RPC v2 CBOR), check every request's
// signature, and time the calls.

const e2eID = "11111111-2222-4333-8444-555555555555"

type accountWorld struct {
	srv *awstest.Server
	sq  *awstest.ServiceQuotas
	cn  *awstest.Connect
}

// newAccountWorld serves one instance, care: 2,301 users against an applied
// 2,000 (default 500), 40 standard queues (default 5,000 on the page, the AWS
// default read), no applied calls quota, and CloudWatch calls peaking at 96 at
// 96 % (so the derived quota is 100), with 3 calls breaching.
func newAccountWorld(t *testing.T) *accountWorld {
	t.Helper()
	w := &accountWorld{srv: awstest.NewServer(t)}
	w.sq = &awstest.ServiceQuotas{
		Applied: []awstest.QuotaFixture{
			{ServiceCode: "connect", QuotaCode: "L-9A46857E", QuotaName: "Users per instance", Value: 2000, Adjustable: true, Level: "RESOURCE", ContextARN: testARN},
			{ServiceCode: "connect", QuotaCode: "L-AA17A6B9", QuotaName: "Amazon Connect instances per Region", Value: 2, Adjustable: true, Level: "ACCOUNT"},
		},
		Defaults: []awstest.QuotaFixture{
			{ServiceCode: "connect", QuotaCode: "L-9A46857E", QuotaName: "Users per instance", Value: 500, Adjustable: true, Level: "RESOURCE"},
			{ServiceCode: "connect", QuotaCode: "L-12AB7C57", QuotaName: "Concurrent active calls per instance", Value: 10, Adjustable: true, Level: "RESOURCE"},
			{ServiceCode: "connect", QuotaCode: "L-19A87C94", QuotaName: "Queues per instance", Value: 5000, Adjustable: true, Level: "RESOURCE"},
			{ServiceCode: "connect", QuotaCode: "L-AA17A6B9", QuotaName: "Amazon Connect instances per Region", Value: 2, Adjustable: true, Level: "ACCOUNT"},
		},
	}
	w.cn = &awstest.Connect{Instances: []awstest.ConnectInstance{{
		ID: e2eID, ARN: testARN, Alias: "care",
		Lists: map[string]int{"ListUsers": 2301, "ListQueues": 40, "ListRoutingProfiles": 3, "ListContactFlows": 120, "ListPrompts": 10},
	}}}
	now := time.Now().UTC().Truncate(time.Minute)
	at := now.Add(-2 * time.Hour)
	// Every other quota of the catalogue at its default, as Service Quotas
	// knows them all.
	for _, q := range tables.Union() {
		if q.QuotaCode == "" || slices.ContainsFunc(w.sq.Defaults, func(d awstest.QuotaFixture) bool { return d.QuotaCode == q.QuotaCode }) {
			continue
		}
		level := "ACCOUNT"
		if q.Level == tables.ResourceLevel {
			level = "RESOURCE"
		}
		w.sq.Defaults = append(w.sq.Defaults, awstest.QuotaFixture{ServiceCode: q.ServiceCode, QuotaCode: q.QuotaCode, QuotaName: q.Name, Value: q.Default, Adjustable: true, Level: level})
	}
	w.srv.ServeServiceQuotas(w.sq)
	w.srv.ServeConnect(w.cn)
	w.srv.ServeCloudWatch(&awstest.Metrics{Points: map[string][]awstest.Point{
		e2eID + "/ConcurrentCalls":                {{Time: at.Add(-time.Hour), Value: 45}, {Time: at, Value: 96}},
		e2eID + "/ConcurrentCallsPercentage":      {{Time: at.Add(-time.Hour), Value: 0.45}, {Time: at, Value: 0.96}},
		e2eID + "/CallsBreachingConcurrencyQuota": {{Time: at, Value: 3}},
	}})
	awstest.Env(t, w.srv.URL)
	return w
}

// run runs connectcap with the process environment (the helper inherits it).
func runConnectcap(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	app := App{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, LookupEnv: os.LookupEnv, Environ: os.Environ}
	code := Execute(app, args)
	for _, secret := range []string{awstest.SecretAccessKey, awstest.SessionToken, "Signature="} {
		if strings.Contains(stdout.String()+stderr.String(), secret) {
			t.Errorf("connectcap %v printed a credential (%q)", args, secret[:8])
		}
	}
	return code, stdout.String(), stderr.String()
}

func TestAccountEndToEnd(t *testing.T) {
	w := newAccountWorld(t)
	code, out, errs := runConnectcap(t, "account", "--region", "us-east-1", "--api-rate", "50", "-o", "json", "--debug")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Inputs map[string]any
		Checks []report.Check
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	byID := map[string]report.Check{}
	for _, c := range doc.Checks {
		byID[c.ID] = c
	}
	users := byID["connect.users"]
	if users.Required != 2301 || users.Limit != 2000 || users.LimitSource != report.FromAccount || users.Default == nil || *users.Default != 500 || users.Status != report.Increase {
		t.Errorf("users = %+v", users)
	}
	calls := byID["connect.concurrent-active-calls"]
	if calls.Required != 96 || calls.Limit != 100 || calls.LimitSource != report.FromAccount || !strings.Contains(calls.Note, "derived from CloudWatch") ||
		!strings.Contains(calls.Note, "CallsBreachingConcurrencyQuota: 3") || calls.Default == nil || *calls.Default != 10 {
		t.Errorf("calls = %+v", calls)
	}
	queues := byID["connect.queues"]
	if queues.Required != 40 || queues.Limit != 5000 || !strings.Contains(queues.Note, "AWS default") {
		t.Errorf("queues = %+v", queues)
	}
	if byID["connect.flows"].Required != 120 || byID["connect.prompts"].Required != 10 {
		t.Errorf("flows %v, prompts %v", byID["connect.flows"].Required, byID["connect.prompts"].Required)
	}
	if n, ok := doc.Inputs["api_calls"].(float64); !ok || n < 10 {
		t.Errorf("api_calls = %v", doc.Inputs["api_calls"])
	}
	if !strings.Contains(errs, "connectcap: debug: Connect.ListUsers") || !strings.Contains(errs, "API calls (0 throttled") {
		t.Errorf("stderr = %s", errs)
	}
	if w.srv.Unsigned != 0 {
		t.Errorf("%d unsigned requests", w.srv.Unsigned)
	}
}

// The pace holds at the server: at 4 requests a second per API, the three pages
// of ListUsers arrive at least 200 ms apart.
func TestAccountPacing(t *testing.T) {
	w := newAccountWorld(t)
	if code, _, errs := runConnectcap(t, "account", "--region", "us-east-1", "--api-rate", "4", "-o", "json"); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	ts := w.srv.Times(awstest.Op{Service: "connect", Name: "ListUsers"})
	if len(ts) < 3 { // a retried attempt (a closed kept-alive connection) may add one
		t.Fatalf("%d ListUsers calls, want 3 pages", len(ts))
	}
	for i := 1; i < len(ts); i++ {
		if d := ts[i].Sub(ts[i-1]); d < 200*time.Millisecond {
			t.Errorf("ListUsers pages %d and %d arrived %v apart", i, i+1, d)
		}
	}
}

// An API connectcap may not call: that check says why, the rest go on, exit 4.
func TestAccountPartial(t *testing.T) {
	w := newAccountWorld(t)
	w.srv.FailConnect("ListPrompts", 1, "AccessDeniedException", "User is not authorized to perform connect:ListPrompts")
	code, out, errs := runConnectcap(t, "account", "--region", "us-east-1", "--api-rate", "50", "-o", "csv")
	if code != ExitPartial {
		t.Fatalf("exit %d, want %d: %s", code, ExitPartial, errs)
	}
	if !strings.Contains(errs, "could not read connect.prompts: AccessDeniedException") || strings.Contains(out, "connect.prompts,") || !strings.Contains(out, "connect.users,") {
		t.Errorf("stdout %s\nstderr %s", out, errs)
	}
}

func TestPlanAppliedAccountAndSubmit(t *testing.T) {
	w := newAccountWorld(t)
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.yaml")
	os.WriteFile(plan, []byte("region: us-east-1\ninstances:\n  - name: care\n    arn: "+testARN+"\n    users:\n      agents: 2400\n"), 0o644)
	// Users: 2,400 agents against the account's applied 2,000: an increase to
	// ceil(2400 / 0.8) = 3000.
	code, out, errs := runConnectcap(t, "plan", "-f", plan, "--applied", "account", "--api-rate", "50", "-o", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "connect.users,Users per instance,care,connect,2400,3000,2000,count,account,") {
		t.Errorf("plan:\n%s", out)
	}
	code, out, errs = runConnectcap(t, "request", "-f", plan, "--applied", "account", "--api-rate", "50", "--submit", "--yes", "-o", "json")
	if code != 0 {
		t.Fatalf("submit exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"outcome": "filed"`) || !strings.Contains(out, `"request_id": "req-1"`) || !strings.Contains(out, `"case_id": "case-1"`) {
		t.Errorf("submit:\n%s", out)
	}
	if len(w.sq.History) != 1 || w.sq.History[0].QuotaCode != "L-9A46857E" || w.sq.History[0].ContextARN != testARN || w.sq.History[0].Desired != 3000 {
		t.Errorf("history = %+v", w.sq.History)
	}
	// Twice files nothing twice.
	code, out, errs = runConnectcap(t, "request", "-f", plan, "--applied", "account", "--api-rate", "50", "--submit", "--yes", "-o", "json")
	if code != 0 || !strings.Contains(out, `"outcome": "already-open"`) || len(w.sq.History) != 1 {
		t.Errorf("second submit: exit %d, history %d:\n%s\n%s", code, len(w.sq.History), out, errs)
	}
	code, out, errs = runConnectcap(t, "request", "status", "--region", "us-east-1", "--api-rate", "50", "-o", "csv")
	if code != 0 || !strings.Contains(out, "us-east-1,Users per instance,connect,L-9A46857E,"+e2eID+",3000,PENDING,") || !strings.Contains(out, ",case-1,req-1") {
		t.Errorf("status: exit %d\n%s\n%s", code, out, errs)
	}
}

// Every operation the reader calls is allowed by the printed IAM policy: with
// the documented policy, a run reads everything.
func TestIAMPolicyCoversTheReader(t *testing.T) {
	w := newAccountWorld(t)
	if code, _, errs := runConnectcap(t, "account", "--region", "us-east-1", "--api-rate", "50", "-o", "json"); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	code, policy, _ := runConnectcap(t, "account", "iam-policy")
	if code != 0 {
		t.Fatal("iam-policy failed")
	}
	prefix := map[string]string{"connect": "connect:", "servicequotas": "servicequotas:", "monitoring": "cloudwatch:"}
	for _, op := range w.srv.Ops() {
		action := prefix[op.Service] + op.Name
		if !strings.Contains(policy, `"`+action+`"`) {
			t.Errorf("the reader calls %s, which the IAM policy does not allow", action)
		}
	}
}

// Two Regions: every name says its Region, and a saved read gives a plan only
// its own Region's values.
func TestAccountTwoRegionsAndSavedRead(t *testing.T) {
	newAccountWorld(t)
	code, out, errs := runConnectcap(t, "account", "--region", "us-east-1", "--region", "eu-west-2", "--api-rate", "50", "-o", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"instance": "us-east-1/care"`) || !strings.Contains(out, `"instance": "eu-west-2/care"`) || !strings.Contains(out, `"instance": "eu-west-2",`) {
		t.Errorf("Regions not named:\n%.2000s", out)
	}
	dir := t.TempDir()
	saved := filepath.Join(dir, "account.json")
	os.WriteFile(saved, []byte(out), 0o644)
	plan := filepath.Join(dir, "plan.yaml")
	os.WriteFile(plan, []byte("instances:\n  - name: care\n    arn: "+testARN+"\n    users:\n      agents: 2400\n"), 0o644)
	code, _, errs = runConnectcap(t, "plan", "-f", plan, "--applied", saved)
	if code != 1 || !strings.Contains(errs, "holds several Regions (us-east-1, eu-west-2): give the plan a region: or --region") {
		t.Errorf("exit %d: %s", code, errs)
	}
	code, out, errs = runConnectcap(t, "plan", "-f", plan, "--applied", saved, "--region", "us-east-1", "-o", "csv")
	if code != 0 || !strings.Contains(out, "connect.users,Users per instance,care,connect,2400,3000,2000,count,account,") {
		t.Errorf("exit %d: %s\n%s", code, out, errs)
	}
}

// --submit files in the plan's Region without --applied account, with
// --profile and --api-rate taken; a request Service Quotas refuses exits 4.
func TestSubmitWithoutAppliedAccount(t *testing.T) {
	w := newAccountWorld(t)
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.yaml")
	os.WriteFile(plan, []byte("region: us-east-1\ninstances:\n  - name: care\n    arn: "+testARN+"\n    users:\n      agents: 2400\n"), 0o644)
	code, out, errs := runConnectcap(t, "request", "-f", plan, "--submit", "--yes", "--api-rate", "50", "-o", "csv")
	// Without the account's values the users limit is the page's 500: desired 3000.
	if code != 0 || !strings.Contains(out, "connect.users,care,3000,filed,req-1,case-1,PENDING,") {
		t.Fatalf("exit %d:\n%s\n%s", code, out, errs)
	}
	w.srv.FailServiceQuotas("RequestServiceQuotaIncrease", 1, 403, "AccessDeniedException")
	os.WriteFile(plan, []byte("region: us-east-1\ninstances:\n  - name: care\n    arn: "+testARN+"\n    inventory:\n      flows: 150\n"), 0o644)
	code, out, errs = runConnectcap(t, "request", "-f", plan, "--submit", "--yes", "--api-rate", "50", "-o", "csv")
	if code != ExitPartial || !strings.Contains(out, ",failed,") || !strings.Contains(errs, "could not be filed") {
		t.Errorf("exit %d:\n%s\n%s", code, out, errs)
	}
}

// Without credentials the read stops at once with one line saying what is
// accepted, not one warning per API.
func TestAccountWithoutCredentials(t *testing.T) {
	newAccountWorld(t)
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "")
	t.Setenv("AWS_SESSION_TOKEN", "")
	code, out, errs := runConnectcap(t, "account", "--region", "us-east-1")
	if code != 1 || out != "" || !strings.Contains(errs, "no AWS credentials found") || strings.Count(errs, "\n") != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}
