package awsread

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"

	"github.com/connectcap/connectcap/internal/account"
	"github.com/connectcap/connectcap/internal/awstest"
)

const arnA = "arn:aws:connect:us-east-1:123456789012:instance/inst-a"

// bigInstance has a count on every list API, several of them over more than
// one page.
func bigInstance() awstest.ConnectInstance {
	return awstest.ConnectInstance{
		ID: "inst-a", ARN: arnA, Alias: "contact-center-a",
		Lists: map[string]int{
			"ListUsers":                2301, // 3 pages of 1000
			"ListQueues":               120,  // standard; 1 page
			"ListRoutingProfiles":      7,
			"ListContactFlows":         1500, // 2 pages
			"ListContactFlowModules":   42,
			"ListHoursOfOperations":    12,
			"ListPhoneNumbersV2":       1001, // 2 pages
			"ListPrompts":              515,
			"ListQuickConnects":        88,
			"ListSecurityProfiles":     9,
			"ListUserHierarchyGroups":  640,
			"ListAgentStatuses":        14,
			"ListLambdaFunctions":      51,  // 3 pages of 25
			"ListBots":                 26,  // Lex V1: 2 pages of 25
			"ListTaskTemplates":        201, // 3 pages of 100
			"ListPredefinedAttributes": 150, // 2 pages of 100
			"ListDataTables":           3,
			"SearchEmailAddresses":     230, // 3 pages of 100
		},
		AgentQueues:  2301, // one per user: not in the queues quota
		LexV2Aliases: 101,  // 5 pages of 25
		RoutingProfileQueues: map[string]int{
			"routing-profile-0001": 4,
			"routing-profile-0003": 130, // the most; 2 pages of 100
			"routing-profile-0007": 57,
		},
	}
}

// bigCounts are bigInstance's counts, from the fixture.
var bigCounts = map[string]float64{
	"connect.users":                      2301,
	"connect.queues":                     120,
	"connect.routing-profiles":           7,
	"connect.queues-per-routing-profile": 130,
	"connect.flows":                      1500,
	"connect.modules":                    42,
	"connect.hours-of-operation":         12,
	"connect.phone-numbers":              1001,
	"connect.prompts":                    515,
	"connect.quick-connects":             88,
	"connect.security-profiles":          9,
	"connect.user-hierarchy-groups":      640,
	"connect.agent-statuses":             14,
	"connect.lambda-functions":           51,
	"connect.lex-bots":                   26,
	"connect.lex-v2-bot-aliases":         101,
	"connect.task-templates":             201,
	"connect.predefined-attributes":      150,
	"connect.data-tables":                3,
	"connect.email-addresses":            230,
}

// bigCalls are the calls counting bigInstance takes at each API's largest
// page, worked out from the fixture's sizes.
var bigCalls = map[string]int{
	"ListUsers": 3, "ListQueues": 1, "ListRoutingProfiles": 1,
	"ListRoutingProfileQueues": 8, // 7 profiles, one of them 2 pages
	"ListContactFlows":         2, "ListContactFlowModules": 1, "ListHoursOfOperations": 1, "ListPhoneNumbersV2": 2,
	"ListPrompts": 1, "ListQuickConnects": 1, "ListSecurityProfiles": 1, "ListUserHierarchyGroups": 1,
	"ListAgentStatuses": 1, "ListLambdaFunctions": 3,
	"ListBots":          7, // V1 2 + V2 5
	"ListTaskTemplates": 3, "ListPredefinedAttributes": 2, "ListDataTables": 1, "SearchEmailAddresses": 3,
}

func newConnectTest(t *testing.T, rate float64, debug io.Writer, insts ...awstest.ConnectInstance) (*awstest.Server, *awstest.Connect, *Session) {
	t.Helper()
	srv := awstest.NewServer(t)
	f := &awstest.Connect{Instances: insts}
	srv.ServeConnect(f)
	awstest.Env(t, srv.URL)
	s, err := NewSession(context.Background(), Options{Region: "us-east-1", APIRate: rate, Debug: debug}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if srv.Unsigned != 0 {
			t.Errorf("%d requests not signed with the test credentials", srv.Unsigned)
		}
	})
	return srv, f, s
}

func connectOp(name string) awstest.Op { return awstest.Op{Service: "connect", Name: name} }

func TestCountResourcesEveryAPI(t *testing.T) {
	srv, f, s := newConnectTest(t, 100, nil, bigInstance())
	insts, p := ListInstances(context.Background(), s)
	if p != nil {
		t.Fatalf("ListInstances: %+v", p)
	}
	want := []InstanceInfo{{ID: "inst-a", ARN: arnA, Alias: "contact-center-a", Status: "ACTIVE"}}
	if !slices.Equal(insts, want) {
		t.Fatalf("instances = %+v, want %+v", insts, want)
	}
	counts, problems := CountResources(context.Background(), s, insts[0])
	if len(problems) != 0 {
		t.Errorf("problems: %+v", problems)
	}
	if !maps.Equal(counts, bigCounts) {
		for k, v := range bigCounts {
			if counts[k] != v {
				t.Errorf("%s = %v, want %v", k, counts[k], v)
			}
		}
		for k, v := range counts {
			if _, ok := bigCounts[k]; !ok {
				t.Errorf("unexpected count %s = %v", k, v)
			}
		}
	}
	// On a loaded machine the SDK may retry a request whose kept-alive
	// connection the local server closed (not a throttle): allow one such
	// extra attempt in the whole run, and count what arrived.
	total, extra := 0, 0
	for op, n := range bigCalls {
		got := srv.Calls(connectOp(op))
		if got < n || got > n+1 {
			t.Errorf("%s: %d calls, want %d", op, got, n)
		}
		extra += got - n
		total += got
		// Every page asked for the API's largest MaxResults.
		for _, m := range f.MaxResultsSeen(op) {
			if m != awstest.ConnectMaxResults[op] {
				t.Errorf("%s asked for MaxResults %d, the API's largest is %d", op, m, awstest.ConnectMaxResults[op])
			}
		}
	}
	if m := f.MaxResultsSeen("ListInstances"); len(m) != 1 || m[0] != 10 {
		t.Errorf("ListInstances MaxResults = %v, want [10]", m)
	}
	calls, throttled := s.Calls.Total()
	if calls != total+1 || throttled != 0 || extra > 1 {
		t.Errorf("session counted %d calls (%d throttled, %d retried), want %d and 0", calls, throttled, extra, total+1)
	}
	// The estimate takes every profile as having the most combinations: 7
	// profiles × 2 pages instead of 8 pages.
	if got, want := ConnectCallsEstimate(bigCounts), total-8+14; got != want {
		t.Errorf("ConnectCallsEstimate = %d, want %d", got, want)
	}
}

// Two instances' counts stay apart; ListInstances pages by 10; an instance
// that is not active is not counted.
func TestTwoInstancesAndListInstancesPages(t *testing.T) {
	small := awstest.ConnectInstance{ID: "inst-b", ARN: "arn:aws:connect:us-east-1:123456789012:instance/inst-b", Alias: "b",
		Lists:                map[string]int{"ListUsers": 3, "ListQueues": 2, "ListRoutingProfiles": 2, "ListContactFlows": 20},
		AgentQueues:          3,
		RoutingProfileQueues: map[string]int{"routing-profile-0002": 6},
	}
	insts := []awstest.ConnectInstance{bigInstance(), small}
	for i := range 10 {
		id := "inst-x" + string(rune('0'+i))
		insts = append(insts, awstest.ConnectInstance{ID: id, ARN: "arn:aws:connect:us-east-1:123456789012:instance/" + id, Alias: id, Status: "CREATION_FAILED"})
	}
	srv, _, s := newConnectTest(t, 100, nil, insts...)
	got, p := ListInstances(context.Background(), s)
	if p != nil {
		t.Fatal(p)
	}
	if len(got) != 12 || got[0].ID != "inst-a" || got[1].ID != "inst-b" || got[11].Status != "CREATION_FAILED" {
		t.Fatalf("instances = %+v", got)
	}
	if n := srv.Calls(connectOp("ListInstances")); n != 2 {
		t.Errorf("ListInstances: %d calls for 12 instances, want 2", n)
	}
	a, pa := CountResources(context.Background(), s, got[0])
	calls0, _ := s.Calls.Total()
	b, pb := CountResources(context.Background(), s, got[1])
	calls1, _ := s.Calls.Total()
	if len(pa)+len(pb) != 0 {
		t.Errorf("problems: %+v %+v", pa, pb)
	}
	if !maps.Equal(a, bigCounts) {
		t.Errorf("instance a = %v", a)
	}
	wantB := map[string]float64{}
	for k := range bigCounts {
		wantB[k] = 0
	}
	wantB["connect.users"], wantB["connect.queues"], wantB["connect.routing-profiles"] = 3, 2, 2
	wantB["connect.flows"], wantB["connect.queues-per-routing-profile"] = 20, 6
	if !maps.Equal(b, wantB) {
		t.Errorf("instance b = %v, want %v", b, wantB)
	}
	// Every list within one page: one call per list API (ListBots twice, V1
	// and V2: 18), ListRoutingProfiles, and one per routing profile (2). The
	// estimate is exact here.
	if calls1-calls0 != 21 {
		t.Errorf("counting b took %d calls, want 21", calls1-calls0)
	}
	if est := ConnectCallsEstimate(wantB); est != 21 {
		t.Errorf("ConnectCallsEstimate(b) = %d, want 21", est)
	}
	before := srv.Calls(connectOp("ListUsers"))
	c, pc := CountResources(context.Background(), s, got[11])
	calls2, _ := s.Calls.Total()
	if len(c) != 0 || len(pc) != 1 || pc[0].Code != "not-active" || calls2 != calls1 || srv.Calls(connectOp("ListUsers")) != before {
		t.Errorf("a failed instance: counts %v, problems %+v, %d calls", c, pc, calls2-calls1)
	}
}

// An API denied: its quota is a Problem, the others are counted, and the
// denied call is not retried.
func TestCountResourcesAccessDenied(t *testing.T) {
	srv, _, s := newConnectTest(t, 100, nil, bigInstance())
	srv.FailConnect("ListLambdaFunctions", 1, "AccessDeniedException", "User is not authorized to perform connect:ListLambdaFunctions")
	srv.FailConnect("ListRoutingProfileQueues", 1, "AccessDeniedException", "User is not authorized to perform connect:ListRoutingProfileQueues")
	counts, problems := CountResources(context.Background(), s, InstanceInfo{ID: "inst-a", ARN: arnA})
	want := []account.Problem{
		{What: "connect.lambda-functions", Code: "AccessDeniedException", Message: "User is not authorized to perform connect:ListLambdaFunctions"},
		{What: "connect.queues-per-routing-profile", Code: "AccessDeniedException", Message: "routing profile routing-profile-0001: User is not authorized to perform connect:ListRoutingProfileQueues"},
	}
	if !slices.Equal(problems, want) {
		t.Errorf("problems = %+v\nwant %+v", problems, want)
	}
	for k, v := range bigCounts {
		_, ok := counts[k]
		switch {
		case k == "connect.lambda-functions" || k == "connect.queues-per-routing-profile":
			if ok {
				t.Errorf("%s counted (%v) though denied", k, counts[k])
			}
		case counts[k] != v:
			t.Errorf("%s = %v, want %v", k, counts[k], v)
		}
	}
	if n := srv.Calls(connectOp("ListLambdaFunctions")); n != 1 {
		t.Errorf("ListLambdaFunctions called %d times, want 1 (denied, not retried)", n)
	}
	if n := srv.Calls(connectOp("ListRoutingProfileQueues")); n != 1 {
		t.Errorf("ListRoutingProfileQueues called %d times after the first was denied, want 1", n)
	}
}

// A throttled call (HTTP 429) is retried, counted, and the count is whole.
func TestCountResourcesThrottled(t *testing.T) {
	srv, _, s := newConnectTest(t, 100, nil, bigInstance())
	srv.FailConnect("ListUsers", 1, "ThrottlingException", "Rate exceeded")
	counts, problems := CountResources(context.Background(), s, InstanceInfo{ID: "inst-a", ARN: arnA})
	if len(problems) != 0 {
		t.Errorf("problems: %+v", problems)
	}
	if counts["connect.users"] != 2301 {
		t.Errorf("users = %v, want 2301", counts["connect.users"])
	}
	if n := srv.Calls(connectOp("ListUsers")); n != 4 {
		t.Errorf("ListUsers reached the server %d times, want 3 pages + 1 throttled", n)
	}
	var users APICount
	for _, c := range s.Calls.Counts() {
		if c.API == "Connect.ListUsers" {
			users = c
		}
	}
	if users.Calls != 4 || users.Throttled != 1 {
		t.Errorf("Connect.ListUsers = %+v, want 4 calls, 1 throttled", users)
	}
}

// Throttled past the retries: that quota is a Problem, the rest counted.
func TestCountResourcesThrottledPastRetries(t *testing.T) {
	srv, _, s := newConnectTest(t, 100, nil, bigInstance())
	// The session's retryer, with 3 attempts and no backoff to keep the
	// test short.
	s.Config.Retryer = func() aws.Retryer {
		return retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = 3
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
			o.RateLimiter = ratelimit.None
		})
	}
	srv.FailConnect("ListPrompts", 3, "ThrottlingException", "Rate exceeded")
	counts, problems := CountResources(context.Background(), s, InstanceInfo{ID: "inst-a", ARN: arnA})
	want := []account.Problem{{What: "connect.prompts", Code: "ThrottlingException", Message: "gave up after 3 attempts: Rate exceeded"}}
	if !slices.Equal(problems, want) {
		t.Errorf("problems = %+v, want %+v", problems, want)
	}
	if _, ok := counts["connect.prompts"]; ok || counts["connect.users"] != 2301 || counts["connect.quick-connects"] != 88 {
		t.Errorf("counts = %v", counts)
	}
	if n := srv.Calls(connectOp("ListPrompts")); n != 3 {
		t.Errorf("ListPrompts: %d attempts, want 3", n)
	}
}

// A Region whose ListInstances is denied gives the Problem and no instances.
func TestListInstancesDenied(t *testing.T) {
	srv, _, s := newConnectTest(t, 100, nil, bigInstance())
	srv.FailConnect("ListInstances", 1, "AccessDeniedException", "User is not authorized to perform connect:ListInstances")
	insts, p := ListInstances(context.Background(), s)
	want := account.Problem{What: "Connect.ListInstances", Code: "AccessDeniedException", Message: "User is not authorized to perform connect:ListInstances"}
	if insts != nil || p == nil || *p != want {
		t.Errorf("ListInstances = %v, %+v; want none and %+v", insts, p, want)
	}
}

// An instance gone since it was listed: ResourceNotFoundException, one
// Problem per count, none counted.
func TestCountResourcesUnknownInstance(t *testing.T) {
	_, _, s := newConnectTest(t, 100, nil, bigInstance())
	counts, problems := CountResources(context.Background(), s, InstanceInfo{ID: "inst-gone"})
	if len(counts) != 0 || len(problems) != len(bigCounts) {
		t.Fatalf("counts %v, %d problems, want none and %d", counts, len(problems), len(bigCounts))
	}
	for _, p := range problems {
		if p.Code != "ResourceNotFoundException" || !strings.Contains(p.Message, "inst-gone") {
			t.Errorf("problem %+v", p)
		}
	}
}

// arrivalJitter is how much a request's way from the pacer to the server
// (signing, the HTTP transport, the scheduling of the server's goroutine) can
// vary from one request to the next when the machine is busy (go test runs
// packages in parallel; 27 ms has been seen): the server sees paced requests
// up to that much closer together than the pacer sent them. The gaps
// telescope, so the span of any number of calls is off by at most one such
// term, and exactly paced requests arrive 4 in a second and a 5th at 1 s
// give or take it: every bound below allows it once. A pacer at 5 a second
// (200 ms) still fails the span check.
const arrivalJitter = 50 * time.Millisecond

// At 4 requests a second per operation, the server sees no two calls of one
// operation less than 250 ms apart, no more than 4 in a second, and n calls
// over at least (n-1) × 250 ms; each less the arrival jitter. Lower bounds
// only: the test never bounds how long the calls take.
func TestCountResourcesPacing(t *testing.T) {
	inst := awstest.ConnectInstance{ID: "inst-a", ARN: arnA,
		Lists:                map[string]int{"ListUsers": 5001, "ListRoutingProfiles": 6, "ListBots": 30},
		LexV2Aliases:         30,
		RoutingProfileQueues: map[string]int{"routing-profile-0002": 250},
	}
	const interval = 250 * time.Millisecond // 1 / 4 requests a second
	srv, _, s := newConnectTest(t, 4, nil, inst)
	counts, problems := CountResources(context.Background(), s, InstanceInfo{ID: "inst-a", ARN: arnA})
	if len(problems) != 0 || counts["connect.users"] != 5001 || counts["connect.queues-per-routing-profile"] != 250 {
		t.Fatalf("counts %v, problems %+v", counts, problems)
	}
	// ListUsers 6 pages; ListRoutingProfileQueues 5 profiles of 1 page and
	// one of 3; ListBots 2 (V1) + 2 (V2).
	for op, n := range map[string]int{"ListUsers": 6, "ListRoutingProfileQueues": 8, "ListBots": 4} {
		ts := srv.Times(connectOp(op))
		if len(ts) != n {
			t.Errorf("%s: %d calls, want %d", op, len(ts), n)
			continue
		}
		for i := 1; i < len(ts); i++ {
			if d := ts[i].Sub(ts[i-1]); d < interval-arrivalJitter {
				t.Errorf("%s: calls %d and %d %v apart", op, i-1, i, d)
			}
		}
		if d := ts[n-1].Sub(ts[0]); d < time.Duration(n-1)*interval-arrivalJitter {
			t.Errorf("%s: %d calls within %v", op, n, d)
		}
		if m := srv.MaxRate(connectOp(op), time.Second-arrivalJitter); m > 4 {
			t.Errorf("%s: %d calls within a second, the rate is 4", op, m)
		}
	}
}

// Nothing connectcap writes holds the test secret or session token: not the
// debug lines, not the counts or problems, not an error.
func TestConnectNoSecrets(t *testing.T) {
	var debug bytes.Buffer
	srv, _, s := newConnectTest(t, 100, &debug, bigInstance())
	srv.FailConnect("ListUsers", 1, "ThrottlingException", "Rate exceeded")
	srv.FailConnect("ListQueues", 1, "AccessDeniedException", "User is not authorized to perform connect:ListQueues")
	insts, p := ListInstances(context.Background(), s)
	if p != nil {
		t.Fatal(p)
	}
	counts, problems := CountResources(context.Background(), s, insts[0])
	_, gone := CountResources(context.Background(), s, InstanceInfo{ID: "inst-gone"})
	srv.FailConnect("ListInstances", 1, "AccessDeniedException", "denied")
	_, denied := ListInstances(context.Background(), s)
	out, err := json.Marshal(map[string]any{"insts": insts, "counts": counts, "problems": problems, "gone": gone, "denied": denied, "calls": s.Calls.Counts()})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(debug.String(), "connectcap: debug: Connect.ListUsers ") || len(problems) != 1 || len(gone) == 0 || denied == nil {
		t.Fatalf("the run did not go as planned: problems %+v, debug:\n%s", problems, debug.String())
	}
	for _, secret := range []string{awstest.SecretAccessKey, awstest.SessionToken} {
		if strings.Contains(debug.String(), secret) || strings.Contains(string(out), secret) {
			t.Errorf("the output holds a test credential")
		}
	}
}
