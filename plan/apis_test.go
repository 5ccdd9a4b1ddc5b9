package plan

import (
	"strings"
	"testing"

	"github.com/connectcap/connectcap/tables"
)

// apiItems returns the items of an operation, rate check first then burst.
func apiItems(ev *Evaluation, operation string) (rate, burst []Item) {
	for _, it := range ev.Items {
		if it.Operation != operation {
			continue
		}
		if it.Burst {
			burst = append(burst, it)
		} else {
			rate = append(rate, it)
		}
	}
	return rate, burst
}

// TestAPIBurstCounts: aligned clients that each send more than one request a
// second send their whole second's requests at once; unaligned ones add their
// summed rate, rounded up, even when it is whole.
func TestAPIBurstCounts(t *testing.T) {
	ev := evaluate(t, `
instances:
  - name: a
api_consumers:
  - name: bulk
    operation: DescribeQueue
    rate_per_second: 2.5
    clients: 3
    aligned: true
  - name: steady
    operation: DescribeQueue
    rate_per_second: 1
    clients: 2
`, Options{})
	rate, burst := apiItems(ev, "DescribeQueue")
	if len(rate) != 1 || len(burst) != 1 {
		t.Fatalf("%d rate and %d burst checks, want 1 and 1", len(rate), len(burst))
	}
	// 3 x 2.5 + 2 x 1 = 9.5 requests a second.
	if c := rate[0].Check; c.Required != 9.5 || c.ID != "connect.api-requests" || c.Name != "Rate of API requests: DescribeQueue" {
		t.Errorf("rate %v (%s, %q), want 9.5 against the other operations' rate", c.Required, c.ID, c.Name)
	}
	// 3 aligned clients of ceil(2.5) = 3 requests at once, plus the 2 unaligned
	// requests a second: 11 against the page's burst of 5.
	c := burst[0].Check
	if c.Required != 11 || c.Limit != 5 || c.Unit != "requests" || c.Name != "Rate of API requests: DescribeQueue (burst)" {
		t.Errorf("burst %v of %v %s (%q), want 11 of 5 requests", c.Required, c.Limit, c.Unit, c.Name)
	}
	if got := figure(t, ev, "account.api.DescribeQueue.burst_requests"); got != 11 {
		t.Errorf("burst figure %v, want 11", got)
	}
	if !strings.HasPrefix(c.Note, "DescribeQueue from bulk and steady. Aligned clients fire together") {
		t.Errorf("burst note %q", c.Note)
	}
	// Without aligned clients there is no burst check, and a row without a burst
	// (Cases) has none even when they are aligned.
	ev = evaluate(t, `
instances:
  - name: a
api_consumers:
  - {operation: DescribeQueue, rate_per_second: 1}
  - {service: cases, operation: GetCase, rate_per_second: 1, aligned: true, clients: 4}
`, Options{})
	for _, op := range []string{"DescribeQueue", "GetCase"} {
		rate, burst := apiItems(ev, op)
		if len(rate) != 1 || len(burst) != 0 {
			t.Errorf("%s: %d rate and %d burst checks, want 1 and 0", op, len(rate), len(burst))
		}
	}
	if _, ok := ev.Result.Figures.Get("account.api.DescribeQueue.burst_requests"); ok {
		t.Error("a burst figure without aligned clients")
	}
	if rate, _ := apiItems(ev, "GetCase"); rate[0].Check.Required != 4 || rate[0].Check.ID != "cases.api.get-case" {
		t.Errorf("GetCase: %+v", rate[0].Check)
	}
}

// TestAPIConsumerNamesAndInstances: unnamed consumers are named by their place in
// the plan; a per-instance API called without an instance is checked on every
// instance and nowhere else; the figures carry the instance.
func TestAPIConsumerNamesAndInstances(t *testing.T) {
	ev := evaluate(t, `
instances:
  - name: a
  - name: b
api_consumers:
  - {operation: DescribeQueue, rate_per_second: 0.5}
  - {name: zed, operation: DescribeQueue, rate_per_second: 0.5}
  - {name: amy, operation: DescribeQueue, rate_per_second: 0.5}
  - {service: participant, operation: GetTranscript, rate_per_second: 3}
`, Options{})
	rate, _ := apiItems(ev, "DescribeQueue")
	if len(rate) != 1 || !strings.HasPrefix(rate[0].Check.Note, "DescribeQueue from amy, api_consumers[0] and zed.") {
		t.Fatalf("DescribeQueue: %+v", rate)
	}
	rate, _ = apiItems(ev, "GetTranscript")
	if len(rate) != 2 {
		t.Fatalf("%d GetTranscript checks, want one per instance", len(rate))
	}
	for i, name := range []string{"a", "b"} {
		it := rate[i]
		if it.Instance != name || it.Check.Required != 3 || it.Check.Instance == nil || *it.Check.Instance != name {
			t.Errorf("GetTranscript check %d: instance %q, %v", i, it.Instance, it.Check.Required)
		}
		if got := figure(t, ev, name+".api.GetTranscript.requests_per_second"); got != 3 {
			t.Errorf("%s: figure %v", name, got)
		}
	}
	if _, ok := ev.Result.Figures.Get("account.api.GetTranscript.requests_per_second"); ok {
		t.Error("a per-instance API has an account figure")
	}
}

// TestAPIOwnCodeNaming: an operation with a Service Quotas code of its own is
// checked under the shared row's name with the operation, and carries its code.
func TestAPIOwnCodeNaming(t *testing.T) {
	ev := evaluate(t, `
instances:
  - name: a
api_consumers:
  - {operation: GetMetricDataV2, rate_per_second: 1}
  - {operation: DescribeUser, rate_per_second: 1}
  - {operation: GetMetricData, rate_per_second: 1}
`, Options{})
	v2, _ := apiItems(ev, "GetMetricDataV2")
	c := v2[0].Check
	if c.Name != "Rate of API requests: GetMetricDataV2" || c.QuotaCode == nil || *c.QuotaCode != "L-2E719449" || c.ServiceCode == nil || *c.ServiceCode != "connect" {
		t.Errorf("GetMetricDataV2: %q, code %v/%v", c.Name, c.ServiceCode, c.QuotaCode)
	}
	du, _ := apiItems(ev, "DescribeUser")
	if c := du[0].Check; c.Name != "Rate of API requests: DescribeUser" || c.QuotaCode != nil {
		t.Errorf("DescribeUser: %q, code %v", c.Name, c.QuotaCode)
	}
	// A row of its own keeps its name and code.
	gm, _ := apiItems(ev, "GetMetricData")
	if c := gm[0].Check; c.Name != "Rate of GetMetricData API requests" || c.QuotaCode == nil || *c.QuotaCode != "L-52794498" {
		t.Errorf("GetMetricData: %q, code %v", c.Name, c.QuotaCode)
	}
}

// TestPollingAdviceUnnamed: the advice names an unnamed polling client "a client",
// and takes the first polling consumer of the operation.
func TestPollingAdviceUnnamed(t *testing.T) {
	ev := evaluate(t, `
instances:
  - name: a
api_consumers:
  - {operation: GetMetricData, rate_per_second: 4}
  - {operation: GetMetricData, interval: 0.25, clients: 15}
  - {name: later, operation: GetMetricData, interval: 30s, clients: 1}
`, Options{})
	rate, _ := apiItems(ev, "GetMetricData")
	// 4 + 15/15 + 1/30 = 5.0333 per second against 5: 1.0067 times too many (1.01
	// rounded up), 1.2583 at 80 % (1.26). The first poller, every 15 s, fits every
	// 15 x 1.00667 = 15.1 s; at 80 %, 18.875 → 18.9 s.
	want := "Together the clients send 5.03 requests/s: call 1.01 times less often to fit (1.26 times keeps 80 %), for example a client polling every 15.1 s instead of every 15 s (18.9 s keeps 80 %); or poll once and share the result."
	if !strings.HasSuffix(rate[0].Check.Note, want) {
		t.Errorf("note %q\nwant suffix %q", rate[0].Check.Note, want)
	}
}

// TestAPIServices2026: api_consumers name the current edition's API services, by
// their current keys or the earlier ones, and a consumer under an earlier key
// draws on the same bucket as one under the current key.
func TestAPIServices2026(t *testing.T) {
	ev := evaluate(t, `
edition: "2026"
instances:
  - name: a
api_consumers:
  - {name: crm, service: customer-profiles, operation: SearchProfiles, rate_per_second: 40}
  - {name: dialer, service: outbound-campaigns, operation: PutOutboundRequestBatch, rate_per_second: 9}
  - {name: ops, service: outbound-campaigns, operation: UpdateCampaignSchedule, rate_per_second: 1}
  - {name: old, service: wisdom, operation: CreateMessageTemplate, rate_per_second: 1}
  - {name: new, service: agent-assist, operation: CreateMessageTemplate, rate_per_second: 1.5}
  - {name: lens, service: contact-lens, operation: ListRealtimeContactAnalysisSegmentsV2, rate_per_second: 1}
  - {name: lens2, service: conversational-analytics, operation: ListRealtimeContactAnalysisSegmentsV2, rate_per_second: 1}
`, Options{})
	tests := []struct {
		operation     string
		id            string
		required, lim float64
	}{
		{"SearchProfiles", "customer-profiles.api.profile-operations", 40, 100},
		{"PutOutboundRequestBatch", "outbound-campaigns.api.outbound-requests", 9, 10},
		{"UpdateCampaignSchedule", "outbound-campaigns.api-requests", 1, 2},
		// 1 + 1.5 from the two keys of agent assist, against the template writes' 3.
		{"CreateMessageTemplate", "wisdom.api.message-template-writes", 2.5, 3},
		{"ListRealtimeContactAnalysisSegmentsV2", "contact-lens.api.list-realtime-contact-analysis-segments-v2", 2, 2},
	}
	for _, tt := range tests {
		rate, _ := apiItems(ev, tt.operation)
		if len(rate) != 1 {
			t.Errorf("%s: %d rate checks, want 1", tt.operation, len(rate))
			continue
		}
		if c := rate[0].Check; c.ID != tt.id || c.Required != tt.required || c.Limit != tt.lim || c.Edition != tables.Edition2026 {
			t.Errorf("%s: %s %v of %v (%s), want %s %v of %v", tt.operation, c.ID, c.Required, c.Limit, c.Edition, tt.id, tt.required, tt.lim)
		}
	}
	for _, w := range ev.Warnings {
		t.Errorf("warning: %s", w)
	}
	// The 2023 edition has no rates for them: the consumers are named, not checked.
	ev = evaluate(t, `
edition: "2023"
instances:
  - name: a
api_consumers:
  - {service: customer-profiles, operation: SearchProfiles, rate_per_second: 40}
`, Options{})
	if rate, _ := apiItems(ev, "SearchProfiles"); len(rate) != 0 || len(ev.Warnings) != 1 || !strings.Contains(ev.Warnings[0], "2023 edition") {
		t.Errorf("2023: %d checks, warnings %q", len(rate), ev.Warnings)
	}
}

// TestAPIServiceTypo: a near miss of an operation a renamed service names is
// caught under either key.
func TestAPIServiceTypo(t *testing.T) {
	for _, service := range []string{"wisdom", "agent-assist"} {
		p, err := Decode([]byte(`
instances:
  - name: a
api_consumers:
  - {service: `+service+`, operation: CreateMessageTemplat, rate_per_second: 1}
`), "typo.yaml")
		if err == nil {
			_, err = Evaluate(p, Options{})
		}
		if err == nil || !strings.Contains(err.Error(), "did you mean CreateMessageTemplate") {
			t.Errorf("%s: %v", service, err)
		}
	}
}

// TestAPIGroupRowNames: an operation of a row that names a group of operations is
// checked under "Rate of <operation> API requests"; outside Amazon Connect the
// name adds the service's name in parentheses (tables.ServiceNames).
func TestAPIGroupRowNames(t *testing.T) {
	ev := evaluate(t, `
instances:
  - name: a
api_consumers:
  - {operation: TagContact, rate_per_second: 1}
  - {service: cases, operation: GetLayout, rate_per_second: 1}
`, Options{Edition: tables.Edition2026})
	for op, want := range map[string]string{
		"TagContact": "Rate of TagContact API requests",        // connect.api.contact-tags
		"GetLayout":  "Rate of GetLayout API requests (Cases)", // cases.api.get-template-layout
	} {
		rate, _ := apiItems(ev, op)
		if len(rate) != 1 || rate[0].Check.Name != want {
			t.Errorf("%s: %d rate checks %+v, want one named %q", op, len(rate), rate, want)
		}
	}
}

// TestAPICodedOperationTypo: a near miss of an operation that has a quota code of
// its own but no row of the page (StartOutboundVoiceContact, in
// tables.OperationQuotaCodes only) is caught too.
func TestAPICodedOperationTypo(t *testing.T) {
	_, err := Decode([]byte(`
instances:
  - name: a
api_consumers:
  - {operation: StartOutboundVoiceContac, rate_per_second: 1}
`), "typo.yaml")
	if err == nil || !strings.Contains(err.Error(), "StartOutboundVoiceContac is not an operation with a quota of its own; did you mean StartOutboundVoiceContact?") {
		t.Errorf("error %v", err)
	}
}
