package awsread

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/connectcap/connectcap/internal/account"
	"github.com/connectcap/connectcap/internal/awstest"
)

const (
	arn1 = "arn:aws:connect:us-east-1:111122223333:instance/aaaaaaaa-0000-0000-0000-000000000001"
	arn2 = "arn:aws:connect:us-east-1:111122223333:instance/aaaaaaaa-0000-0000-0000-000000000002"

	callsCode     = "L-12AB7C57" // concurrent active calls per instance
	usersCode     = "L-9A46857E" // users per instance
	instancesCode = "L-AA17A6B9" // instances per account
)

func sqOp(name string) awstest.Op { return awstest.Op{Service: "servicequotas", Name: name} }

// sqSession serves f on a local server and opens a session to it at rate
// requests a second per operation, its debug lines in the returned buffer.
// At the end of the test no debug line may hold a secret, and every request
// must have verified with the test credentials.
func sqSession(t *testing.T, f *awstest.ServiceQuotas, rate float64) (*awstest.Server, *Session, *bytes.Buffer) {
	t.Helper()
	srv := awstest.NewServer(t)
	srv.ServeServiceQuotas(f)
	awstest.Env(t, srv.URL)
	debug := &bytes.Buffer{}
	s, err := NewSession(context.Background(), Options{Region: "us-east-1", APIRate: rate, Debug: debug}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if debug.Len() == 0 {
			t.Error("no debug lines")
		}
		noSecrets(t, "the debug log", debug.String())
		if srv.Unsigned != 0 {
			t.Errorf("%d requests did not verify", srv.Unsigned)
		}
	})
	return srv, s, debug
}

// noSecrets fails when what holds a test credential or a signature.
func noSecrets(t *testing.T, name string, v any) {
	t.Helper()
	text, ok := v.(string)
	if !ok {
		text = fmt.Sprintf("%+v", v)
		if b, err := json.Marshal(v); err == nil {
			text += string(b)
		}
	}
	for _, secret := range []string{awstest.SecretAccessKey, awstest.SessionToken, "Signature="} {
		if strings.Contains(text, secret) {
			t.Errorf("%s holds %q", name, secret)
		}
	}
}

func calls(s *Session, api string) APICount {
	for _, c := range s.Calls.Counts() {
		if c.API == api {
			return c
		}
	}
	return APICount{API: api}
}

func wantApplied(t *testing.T, got map[QuotaRef]account.Applied, ref QuotaRef, value float64, def *float64, source string) {
	t.Helper()
	a, ok := got[ref]
	if !ok {
		t.Errorf("%+v: not read", ref)
		return
	}
	if a.Value != value || a.Source != source || a.ServiceCode != ref.ServiceCode || a.QuotaCode != ref.QuotaCode {
		t.Errorf("%+v: value %v source %q (%s/%s), want %v %q", ref, a.Value, a.Source, a.ServiceCode, a.QuotaCode, value, source)
	}
	switch {
	case def == nil && a.Default != nil:
		t.Errorf("%+v: default %v, want none", ref, *a.Default)
	case def != nil && a.Default == nil:
		t.Errorf("%+v: no default, want %v", ref, *def)
	case def != nil && *a.Default != *def:
		t.Errorf("%+v: default %v, want %v", ref, *a.Default, *def)
	}
}

func ptr(v float64) *float64 { return &v }

func hasProblem(ps []account.Problem, what, code string) bool {
	for _, p := range ps {
		if p.What == what && p.Code == code {
			return true
		}
	}
	return false
}

// connectFixture holds seven account-level connect values and eight defaults
// (L-D1 has a default only), and two cases values.
func connectFixture() *awstest.ServiceQuotas {
	f := &awstest.ServiceQuotas{}
	for i := 1; i <= 7; i++ {
		code := fmt.Sprintf("L-A%d", i)
		f.Applied = append(f.Applied, awstest.QuotaFixture{ServiceCode: "connect", QuotaCode: code, QuotaName: "quota " + code, Value: float64(100 * i), Adjustable: true, Level: "ACCOUNT"})
		f.Defaults = append(f.Defaults, awstest.QuotaFixture{ServiceCode: "connect", QuotaCode: code, QuotaName: "quota " + code, Value: float64(10 * i), Adjustable: true, Level: "ACCOUNT"})
	}
	f.Defaults = append(f.Defaults, awstest.QuotaFixture{ServiceCode: "connect", QuotaCode: "L-D1", QuotaName: "default only", Value: 42, Level: "ACCOUNT"})
	f.Applied = append(f.Applied,
		awstest.QuotaFixture{ServiceCode: "cases", QuotaCode: "L-C2B81BC3", QuotaName: "Cases domains", Value: 3, Level: "ACCOUNT"})
	f.Defaults = append(f.Defaults,
		awstest.QuotaFixture{ServiceCode: "cases", QuotaCode: "L-C2B81BC3", QuotaName: "Cases domains", Value: 1, Level: "ACCOUNT"})
	return f
}

// Account-level refs come from every page of ListServiceQuotas, with the
// defaults of every page of ListAWSDefaultServiceQuotas beside them, and no
// call per quota.
func TestReadAppliedAccountLevelEveryPage(t *testing.T) {
	f := connectFixture()
	f.PageSize = 2
	srv, s, _ := sqSession(t, f, 50)
	refs := []QuotaRef{
		{ServiceCode: "connect", QuotaCode: "L-A1"},
		{ServiceCode: "connect", QuotaCode: "L-A7"}, // on the last page
		{ServiceCode: "connect", QuotaCode: "L-A4"},
		{ServiceCode: "connect", QuotaCode: "L-D1"}, // no applied value
		{ServiceCode: "cases", QuotaCode: "L-C2B81BC3"},
		{ServiceCode: "connect", QuotaCode: "L-A1"}, // named twice
	}
	got, probs := ReadApplied(context.Background(), s, refs)
	if len(probs) != 0 {
		t.Errorf("problems: %+v", probs)
	}
	if len(got) != 5 {
		t.Errorf("%d values, want 5", len(got))
	}
	wantApplied(t, got, refs[0], 100, ptr(10), "applied")
	wantApplied(t, got, refs[1], 700, ptr(70), "applied")
	wantApplied(t, got, refs[2], 400, ptr(40), "applied")
	wantApplied(t, got, refs[3], 42, ptr(42), "aws-default")
	wantApplied(t, got, refs[4], 3, ptr(1), "applied")
	if a := got[refs[1]]; a.QuotaName != "quota L-A7" || a.Level != "ACCOUNT" {
		t.Errorf("L-A7: name %q level %q", a.QuotaName, a.Level)
	}
	// connect: 7 applied values in pages of 2 are 4 pages, 8 defaults are 4;
	// cases: one page each.
	if n := srv.Calls(sqOp("ListServiceQuotas")); n != 5 {
		t.Errorf("ListServiceQuotas called %d times, want 4 + 1", n)
	}
	if n := srv.Calls(sqOp("ListAWSDefaultServiceQuotas")); n != 5 {
		t.Errorf("ListAWSDefaultServiceQuotas called %d times, want 4 + 1", n)
	}
	if n := srv.Calls(sqOp("GetServiceQuota")) + srv.Calls(sqOp("GetAWSDefaultServiceQuota")); n != 0 {
		t.Errorf("%d calls per quota, want none", n)
	}
	if c := calls(s, "Service Quotas.ListServiceQuotas"); c.Calls != 5 || c.Throttled != 0 {
		t.Errorf("counted %+v", c)
	}
	noSecrets(t, "the values", got)
}

// Resource-level refs are read with the instance ARN as context id; an
// instance with no applied value gets the AWS default.
func TestReadAppliedResourceLevelFallsBackToDefault(t *testing.T) {
	f := &awstest.ServiceQuotas{
		Applied: []awstest.QuotaFixture{
			{ServiceCode: "connect", QuotaCode: callsCode, QuotaName: "Concurrent active calls per instance", Value: 20, Level: "ACCOUNT"},
			{ServiceCode: "connect", QuotaCode: callsCode, QuotaName: "Concurrent active calls per instance", Value: 150, Level: "RESOURCE", ContextARN: arn1},
		},
		Defaults: []awstest.QuotaFixture{
			{ServiceCode: "connect", QuotaCode: callsCode, QuotaName: "Concurrent active calls per instance", Value: 10, Level: "RESOURCE"},
		},
	}
	srv, s, _ := sqSession(t, f, 50)
	r1 := QuotaRef{ServiceCode: "connect", QuotaCode: callsCode, ContextARN: arn1}
	r2 := QuotaRef{ServiceCode: "connect", QuotaCode: callsCode, ContextARN: arn2}
	got, probs := ReadApplied(context.Background(), s, []QuotaRef{r1, r2})
	if len(probs) != 0 {
		t.Errorf("problems: %+v", probs)
	}
	// 150 is arn1's own value: the account's is 20.
	wantApplied(t, got, r1, 150, ptr(10), "applied")
	wantApplied(t, got, r2, 10, ptr(10), "aws-default")
	if a := got[r1]; a.Level != "RESOURCE" {
		t.Errorf("level %q", a.Level)
	}
	if n := srv.Calls(sqOp("GetServiceQuota")); n != 2 {
		t.Errorf("GetServiceQuota called %d times, want 2", n)
	}
	if n := srv.Calls(sqOp("GetAWSDefaultServiceQuota")); n != 1 {
		t.Errorf("GetAWSDefaultServiceQuota called %d times, want 1 (arn2)", n)
	}
	if n := srv.Calls(sqOp("ListServiceQuotas")); n != 0 {
		t.Errorf("ListServiceQuotas called %d times for resource-level refs only", n)
	}
}

// A quota Service Quotas does not know is a Problem naming its code; the
// others are read.
func TestReadAppliedUnknownQuota(t *testing.T) {
	f := connectFixture()
	_, s, _ := sqSession(t, f, 50)
	known := QuotaRef{ServiceCode: "connect", QuotaCode: "L-A2"}
	refs := []QuotaRef{
		known,
		{ServiceCode: "connect", QuotaCode: "L-NOPE1"},
		{ServiceCode: "connect", QuotaCode: "L-NOPE2", ContextARN: arn1},
	}
	got, probs := ReadApplied(context.Background(), s, refs)
	wantApplied(t, got, known, 200, ptr(20), "applied")
	if len(got) != 1 {
		t.Errorf("%d values, want 1: %+v", len(got), got)
	}
	if len(probs) != 2 || !hasProblem(probs, "L-NOPE1", "NoSuchResourceException") || !hasProblem(probs, "L-NOPE2", "NoSuchResourceException") {
		t.Errorf("problems: %+v", probs)
	}
	for _, p := range probs {
		if p.Message == "" {
			t.Errorf("problem %+v has no message", p)
		}
	}
}

// An operation denied is one Problem naming it, and the rest is read.
func TestReadAppliedAccessDenied(t *testing.T) {
	resourceFixture := func() *awstest.ServiceQuotas {
		f := connectFixture()
		f.Applied = append(f.Applied,
			awstest.QuotaFixture{ServiceCode: "connect", QuotaCode: callsCode, Value: 150, Level: "RESOURCE", ContextARN: arn1},
			awstest.QuotaFixture{ServiceCode: "connect", QuotaCode: callsCode, Value: 60, Level: "RESOURCE", ContextARN: arn2})
		f.Defaults = append(f.Defaults, awstest.QuotaFixture{ServiceCode: "connect", QuotaCode: callsCode, Value: 10, Level: "RESOURCE"})
		return f
	}
	acct := QuotaRef{ServiceCode: "connect", QuotaCode: "L-A3"}
	res1 := QuotaRef{ServiceCode: "connect", QuotaCode: callsCode, ContextARN: arn1}
	res2 := QuotaRef{ServiceCode: "connect", QuotaCode: callsCode, ContextARN: arn2}

	t.Run("GetServiceQuota", func(t *testing.T) {
		srv, s, _ := sqSession(t, resourceFixture(), 50)
		srv.FailServiceQuotas("GetServiceQuota", 2, 400, "AccessDeniedException")
		got, probs := ReadApplied(context.Background(), s, []QuotaRef{res1, acct, res2})
		wantApplied(t, got, acct, 300, ptr(30), "applied")
		if _, ok := got[res1]; ok {
			t.Errorf("a denied value was read: %+v", got[res1])
		}
		if len(got) != 1 {
			t.Errorf("values: %+v", got)
		}
		// Denied twice, reported once.
		if len(probs) != 1 || !hasProblem(probs, "GetServiceQuota", "AccessDeniedException") {
			t.Errorf("problems: %+v", probs)
		}
		// AccessDenied is not retried.
		if n := srv.Calls(sqOp("GetServiceQuota")); n != 2 {
			t.Errorf("GetServiceQuota called %d times, want 2", n)
		}
		noSecrets(t, "the problems", probs)
	})

	t.Run("ListServiceQuotas", func(t *testing.T) {
		srv, s, _ := sqSession(t, resourceFixture(), 50)
		srv.FailServiceQuotas("ListServiceQuotas", 1, 400, "AccessDeniedException")
		d := QuotaRef{ServiceCode: "connect", QuotaCode: "L-D1"}
		got, probs := ReadApplied(context.Background(), s, []QuotaRef{acct, d, res1})
		// The account-level values are read one by one instead.
		wantApplied(t, got, acct, 300, ptr(30), "applied")
		wantApplied(t, got, d, 42, ptr(42), "aws-default")
		wantApplied(t, got, res1, 150, ptr(10), "applied")
		if len(probs) != 1 || !hasProblem(probs, "ListServiceQuotas", "AccessDeniedException") {
			t.Errorf("problems: %+v", probs)
		}
		if n := srv.Calls(sqOp("GetServiceQuota")); n != 3 {
			t.Errorf("GetServiceQuota called %d times, want 3", n)
		}
	})

	t.Run("ListAWSDefaultServiceQuotas", func(t *testing.T) {
		srv, s, _ := sqSession(t, resourceFixture(), 50)
		srv.FailServiceQuotas("ListAWSDefaultServiceQuotas", 1, 400, "AccessDeniedException")
		got, probs := ReadApplied(context.Background(), s, []QuotaRef{acct, res1})
		// The values, without their defaults.
		wantApplied(t, got, acct, 300, nil, "applied")
		wantApplied(t, got, res1, 150, nil, "applied")
		if len(probs) != 1 || !hasProblem(probs, "ListAWSDefaultServiceQuotas", "AccessDeniedException") {
			t.Errorf("problems: %+v", probs)
		}
		if n := srv.Calls(sqOp("ListAWSDefaultServiceQuotas")); n != 1 {
			t.Errorf("ListAWSDefaultServiceQuotas called %d times, want once", n)
		}
	})
}

// Throttling, as HTTP 400 TooManyRequestsException and as HTTP 429, is
// retried, and every attempt is counted.
func TestReadAppliedThrottlingRetried(t *testing.T) {
	f := connectFixture()
	f.PageSize = 4 // 7 connect values: 2 pages
	srv, s, _ := sqSession(t, f, 50)
	srv.FailServiceQuotas("ListServiceQuotas", 1, 400, "TooManyRequestsException")
	srv.FailServiceQuotas("ListServiceQuotas", 1, 429, "TooManyRequestsException")
	srv.FailServiceQuotas("GetServiceQuota", 1, 429, "ThrottlingException")
	f.Applied = append(f.Applied, awstest.QuotaFixture{ServiceCode: "connect", QuotaCode: callsCode, Value: 150, Level: "RESOURCE", ContextARN: arn1})
	acct := QuotaRef{ServiceCode: "connect", QuotaCode: "L-A6"}
	res := QuotaRef{ServiceCode: "connect", QuotaCode: callsCode, ContextARN: arn1}
	got, probs := ReadApplied(context.Background(), s, []QuotaRef{acct, res})
	if len(probs) != 0 {
		t.Errorf("problems: %+v", probs)
	}
	wantApplied(t, got, acct, 600, ptr(60), "applied")
	wantApplied(t, got, res, 150, nil, "applied")
	if c := calls(s, "Service Quotas.ListServiceQuotas"); c.Calls != 4 || c.Throttled != 2 {
		t.Errorf("ListServiceQuotas counted %+v, want 2 pages + 2 throttled", c)
	}
	if n := srv.Calls(sqOp("ListServiceQuotas")); n != 4 {
		t.Errorf("ListServiceQuotas arrived %d times, want 4", n)
	}
	if c := calls(s, "Service Quotas.GetServiceQuota"); c.Calls != 2 || c.Throttled != 1 {
		t.Errorf("GetServiceQuota counted %+v, want 1 + 1 throttled", c)
	}
	if total, throttled := s.Calls.Total(); throttled != 3 || total != 4+2+2 {
		t.Errorf("total %d calls, %d throttled; want 8 (4 list, 2 defaults pages, 2 get), 3", total, throttled)
	}
}

// With 4 requests a second, calls of one operation arrive at least ~250 ms
// apart.
func TestReadAppliedPaced(t *testing.T) {
	f := &awstest.ServiceQuotas{}
	var refs []QuotaRef
	for i := range 5 {
		arn := fmt.Sprintf("arn:aws:connect:us-east-1:111122223333:instance/pace-%d", i)
		f.Applied = append(f.Applied, awstest.QuotaFixture{ServiceCode: "connect", QuotaCode: usersCode, Value: float64(500 + i), Level: "RESOURCE", ContextARN: arn})
		refs = append(refs, QuotaRef{ServiceCode: "connect", QuotaCode: usersCode, ContextARN: arn})
	}
	srv, s, _ := sqSession(t, f, 4)
	got, probs := ReadApplied(context.Background(), s, refs)
	if len(got) != 5 || len(probs) != 0 {
		t.Fatalf("%d values, problems %+v", len(got), probs)
	}
	op := sqOp("GetServiceQuota")
	ts := srv.Times(op)
	if len(ts) != 5 {
		t.Fatalf("%d calls, want 5", len(ts))
	}
	// 250 ms apart, less some scheduling slack.
	for i := 1; i < len(ts); i++ {
		if d := ts[i].Sub(ts[i-1]); d < 200*time.Millisecond {
			t.Errorf("calls %d and %d arrived %v apart", i-1, i, d)
		}
	}
	if n := srv.MaxRate(op, 200*time.Millisecond); n != 1 {
		t.Errorf("%d calls within 200 ms", n)
	}
}

// Submitting twice files once: the second run finds the open requests. A
// resource-level request carries the instance ARN as its context id.
func TestSubmitIncreasesTwiceFilesOnce(t *testing.T) {
	created := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	f := &awstest.ServiceQuotas{
		Applied: []awstest.QuotaFixture{
			{ServiceCode: "connect", QuotaCode: usersCode, QuotaName: "Users per instance", Value: 500, Level: "RESOURCE", ContextARN: arn1},
			{ServiceCode: "connect", QuotaCode: usersCode, QuotaName: "Users per instance", Value: 500, Level: "RESOURCE", ContextARN: arn2},
			{ServiceCode: "connect", QuotaCode: instancesCode, QuotaName: "Instances per account", Value: 2, Level: "ACCOUNT"},
		},
		Defaults: []awstest.QuotaFixture{
			{ServiceCode: "connect", QuotaCode: usersCode, Value: 500, Level: "RESOURCE"},
			{ServiceCode: "connect", QuotaCode: instancesCode, Value: 2, Level: "ACCOUNT"},
		},
		// Neither blocks a request for arn1: one is for another instance,
		// the other closed.
		History: []awstest.RequestFixture{
			{ID: "old-1", CaseID: "c-old-1", ServiceCode: "connect", QuotaCode: usersCode, Status: "PENDING", ContextARN: arn2, Desired: 800, Created: created},
			{ID: "old-2", CaseID: "c-old-2", ServiceCode: "connect", QuotaCode: usersCode, Status: "APPROVED", ContextARN: arn1, Desired: 600, Created: created},
		},
		PageSize: 1, // the open requests are looked for on every page
	}
	srv, s, _ := sqSession(t, f, 50)
	reqs := []IncreaseRequest{
		{QuotaID: "connect.users", ServiceCode: "connect", QuotaCode: usersCode, ContextARN: arn1, Desired: 1000},
		{QuotaID: "connect.instances", ServiceCode: "connect", QuotaCode: instancesCode, Desired: 5},
		{QuotaID: "connect.users", ServiceCode: "connect", QuotaCode: usersCode, ContextARN: arn2, Desired: 900},
	}
	first := SubmitIncreases(context.Background(), s, reqs)
	if len(first) != 3 {
		t.Fatalf("%d results", len(first))
	}
	want := []struct{ outcome, id, caseID, status string }{
		{"filed", "req-1", "case-1", "PENDING"},
		{"filed", "req-2", "case-2", "PENDING"},
		{"already-open", "old-1", "c-old-1", "PENDING"},
	}
	for i, w := range want {
		r := first[i]
		if r.Outcome != w.outcome || r.RequestID != w.id || r.CaseID != w.caseID || r.Status != w.status || r.Request != reqs[i] {
			t.Errorf("first run, request %d: %+v, want %+v", i, r, w)
		}
	}
	if a := first[0].Applied; a == nil || *a != 500 {
		t.Errorf("first run: applied %v, want 500", a)
	}
	if len(f.History) != 4 {
		t.Fatalf("history %+v", f.History)
	}
	if h := f.History[2]; h.ContextARN != arn1 || h.QuotaCode != usersCode || h.Desired != 1000 {
		t.Errorf("the resource-level request was filed as %+v", h)
	}
	if h := f.History[3]; h.ContextARN != "" || h.QuotaCode != instancesCode || h.Desired != 5 {
		t.Errorf("the account-level request was filed as %+v", h)
	}

	second := SubmitIncreases(context.Background(), s, reqs)
	for i, id := range []string{"req-1", "req-2", "old-1"} {
		if r := second[i]; r.Outcome != "already-open" || r.RequestID != id || r.Status != "PENDING" {
			t.Errorf("second run, request %d: %+v, want already-open %s", i, r, id)
		}
	}
	if n := srv.Calls(sqOp("RequestServiceQuotaIncrease")); n != 2 {
		t.Errorf("RequestServiceQuotaIncrease called %d times, want 2", n)
	}
	if len(f.History) != 4 {
		t.Errorf("history grew to %d", len(f.History))
	}
	noSecrets(t, "the results", append(first, second...))
}

// A value in force that meets the desired value files nothing; a refusal is
// "failed" with AWS's reason; a request the history check missed is caught by
// Service Quotas itself.
func TestSubmitIncreasesOutcomes(t *testing.T) {
	f := &awstest.ServiceQuotas{
		Applied: []awstest.QuotaFixture{
			{ServiceCode: "connect", QuotaCode: callsCode, Value: 150, Level: "RESOURCE", ContextARN: arn1},
			{ServiceCode: "connect", QuotaCode: usersCode, Value: 500, Level: "RESOURCE", ContextARN: arn1},
		},
		Defaults: []awstest.QuotaFixture{
			{ServiceCode: "connect", QuotaCode: callsCode, Value: 10, Level: "RESOURCE"},
			{ServiceCode: "connect", QuotaCode: usersCode, Value: 500, Level: "RESOURCE"},
		},
		History: []awstest.RequestFixture{
			{ID: "open-1", ServiceCode: "connect", QuotaCode: usersCode, Status: "CASE_OPENED", ContextARN: arn1, Desired: 2000},
		},
	}
	srv, s, _ := sqSession(t, f, 50)
	// The history check of the users request is denied.
	srv.FailServiceQuotas("ListRequestedServiceQuotaChangeHistoryByQuota", 1, 400, "AccessDeniedException")
	reqs := []IncreaseRequest{
		{QuotaID: "connect.users", ServiceCode: "connect", QuotaCode: usersCode, ContextARN: arn1, Desired: 1000},
		{QuotaID: "connect.concurrent-active-calls", ServiceCode: "connect", QuotaCode: callsCode, ContextARN: arn1, Desired: 100},
		{QuotaID: "connect.concurrent-active-calls", ServiceCode: "connect", QuotaCode: callsCode, ContextARN: arn2, Desired: 8},
		{QuotaID: "connect.nope", ServiceCode: "connect", QuotaCode: "L-NOPE", Desired: 5},
		{QuotaID: "connect.concurrent-active-emails", Desired: 2000},
	}
	res := SubmitIncreases(context.Background(), s, reqs)
	if len(res) != len(reqs) {
		t.Fatalf("%d results", len(res))
	}
	if r := res[0]; r.Outcome != "already-open" || !strings.Contains(r.Message, "AccessDeniedException") {
		t.Errorf("users: %+v, want already-open (refused as existing) noting the denied check", r)
	}
	if r := res[1]; r.Outcome != "already-met" || r.Applied == nil || *r.Applied != 150 {
		t.Errorf("calls on arn1 (150 in force, 100 asked): %+v", r)
	}
	if r := res[2]; r.Outcome != "already-met" || r.Applied == nil || *r.Applied != 10 {
		t.Errorf("calls on arn2 (default 10 in force, 8 asked): %+v", r)
	}
	if r := res[3]; r.Outcome != "failed" || !strings.Contains(r.Message, "NoSuchResourceException") {
		t.Errorf("an unknown quota: %+v", r)
	}
	if r := res[4]; r.Outcome != "failed" || r.Message == "" {
		t.Errorf("no codes: %+v", r)
	}
	// Only the users request and the unknown one reached
	// RequestServiceQuotaIncrease, and neither was filed.
	if n := srv.Calls(sqOp("RequestServiceQuotaIncrease")); n != 2 {
		t.Errorf("RequestServiceQuotaIncrease called %d times, want 2", n)
	}
	if len(f.History) != 1 {
		t.Errorf("history %+v", f.History)
	}
	noSecrets(t, "the results", res)
}

// Requests of the named services, every page, newest first; a service whose
// history is denied is a Problem.
func TestListRequests(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 12, 0, 0, 0, time.UTC) }
	f := &awstest.ServiceQuotas{
		History: []awstest.RequestFixture{
			{ID: "r1", CaseID: "c1", ServiceCode: "connect", QuotaCode: usersCode, QuotaName: "Users per instance", Status: "APPROVED", ContextARN: arn1, Desired: 1000, Created: day(1)},
			{ID: "r2", ServiceCode: "connect", QuotaCode: instancesCode, Status: "PENDING", Desired: 5, Created: day(9)},
			{ID: "r3", ServiceCode: "lex", QuotaCode: "L-LEX", Status: "PENDING", Desired: 5, Created: day(10)},
			{ID: "r4", ServiceCode: "connect", QuotaCode: callsCode, Status: "CASE_OPENED", ContextARN: arn2, Desired: 300, Created: day(4)},
			{ID: "r5", ServiceCode: "cases", QuotaCode: "L-C2B81BC3", Status: "DENIED", Desired: 10, Created: day(7)},
			{ID: "r6", ServiceCode: "connect", QuotaCode: callsCode, Status: "PENDING", ContextARN: arn1, Desired: 200, Created: day(2)},
			{ID: "r7", ServiceCode: "connect", QuotaCode: usersCode, Status: "NOT_APPROVED", Desired: 9000, Created: day(5)},
		},
		PageSize: 2, // connect's 5 requests: 3 pages
	}
	srv, s, _ := sqSession(t, f, 50)
	got, probs := ListRequests(context.Background(), s, []string{"connect", "cases", "connect"})
	if len(probs) != 0 {
		t.Errorf("problems: %+v", probs)
	}
	var ids []string
	for _, r := range got {
		ids = append(ids, r.ID)
	}
	if strings.Join(ids, ",") != "r2,r5,r7,r4,r6,r1" {
		t.Errorf("requests %v, want r2,r5,r7,r4,r6,r1", ids)
	}
	want := RequestStatus{Region: "us-east-1", ID: "r1", CaseID: "c1", ServiceCode: "connect", QuotaCode: usersCode, QuotaName: "Users per instance", Status: "APPROVED", ContextARN: arn1, Desired: 1000, Created: day(1)}
	if len(got) == 6 {
		if r := got[5]; r.Region != want.Region || r.ID != want.ID || r.CaseID != want.CaseID || r.ServiceCode != want.ServiceCode ||
			r.QuotaCode != want.QuotaCode || r.QuotaName != want.QuotaName || r.Status != want.Status || r.ContextARN != want.ContextARN ||
			r.Desired != want.Desired || !r.Created.Equal(want.Created) {
			t.Errorf("r1 = %+v, want %+v", r, want)
		}
		if got[0].ContextARN != "" || got[0].Status != "PENDING" {
			t.Errorf("r2 = %+v", got[0])
		}
	}
	if n := srv.Calls(sqOp("ListRequestedServiceQuotaChangeHistory")); n != 3+1 {
		t.Errorf("ListRequestedServiceQuotaChangeHistory called %d times, want 3 (connect) + 1 (cases)", n)
	}

	// Denied for one service, the other is still listed.
	srv.FailServiceQuotas("ListRequestedServiceQuotaChangeHistory", 1, 400, "AccessDeniedException")
	got, probs = ListRequests(context.Background(), s, []string{"lex", "cases"})
	if len(probs) != 1 || !hasProblem(probs, "ListRequestedServiceQuotaChangeHistory", "AccessDeniedException") {
		t.Errorf("problems: %+v", probs)
	}
	// Services are listed in order of their codes: cases (denied), then lex.
	if len(got) != 1 || got[0].ID != "r3" {
		t.Errorf("requests %+v, want r3 only", got)
	}
	// Denied for both: one problem, saying it stands for the other too.
	srv.FailServiceQuotas("ListRequestedServiceQuotaChangeHistory", 2, 400, "AccessDeniedException")
	_, probs = ListRequests(context.Background(), s, []string{"lex", "cases"})
	if len(probs) != 1 || !strings.HasSuffix(probs[0].Message, "(and 1 more like it)") {
		t.Errorf("problems: %+v", probs)
	}
	noSecrets(t, "the requests", got)
	noSecrets(t, "the problems", probs)
}
