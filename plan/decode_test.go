package plan

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// badPlans are plans Decode must refuse, each with the file:line: key path: that
// opens the error and a part of the message. schema says whether the JSON Schema
// can express the rule too (TestSchemaRejectsBadPlans).
var badPlans = []struct {
	name   string
	plan   string
	prefix string // file:line: key path:
	msg    string
	schema bool
}{
	{"unknown key suggests the nearest", `
region: us-east-1
instances:
  - name: main
    inventory:
      queus: 3
`, "bad.yaml:6: instances[0].inventory.queus: ", "unknown key (did you mean queues?); accepted: agent_statuses, email_addresses, email_domains, flows,", true},
	{"unknown top-level key", `
instances:
  - name: main
regoin: us-east-1
`, "bad.yaml:4: regoin: ", "unknown key (did you mean region?)", true},
	{"unknown key far from any", `
instances:
  - name: main
    telephony: 3
`, "bad.yaml:4: instances[0].telephony: ", "unknown key; accepted: applied, arn, campaigns, contact_lens,", true},
	{"quoted string for a number", `
instances:
  - name: main
    inventory:
      queues: "ten"
`, "bad.yaml:5: instances[0].inventory.queues: ", `"ten": not a number; accepted: a whole number at least 0 and at most 1000000000`, true},
	{"plain string for a number", `
instances:
  - name: main
    traffic:
      voice:
        inbound_calls_per_hour: lots
        minutes_in_connect: 6
`, "bad.yaml:6: instances[0].traffic.voice.inbound_calls_per_hour: ", `"lots": not a number; accepted: a number at least 0 and at most 10000000`, true},
	{"quoted number is not a number", `
instances:
  - name: main
    inventory:
      queues: "12"
`, "bad.yaml:5: instances[0].inventory.queues: ", `"12": a number in quotes; write it without quotes; accepted: a whole number at least 0 and at most 1000000000`, true},
	{"list where a map goes", `
instances:
  - name: main
    inventory: [1, 2]
`, "bad.yaml:4: instances[0].inventory: ", "this key must hold keys (a mapping), not a list", true},
	{"map where a list goes", `
instances:
  name: main
`, "bad.yaml:3: instances: ", "must be a list", true},
	{"list where a number goes", `
instances:
  - name: main
    users:
      agents: [10]
`, "bad.yaml:5: instances[0].users.agents: ", "a list is not a number", true},
	{"plan is a list", `
- name: main
`, "bad.yaml:2: ", "the plan must hold keys (a mapping), not a list", true},
	{"negative count", `
instances:
  - name: main
    inventory:
      queues: -3
`, "bad.yaml:5: instances[0].inventory.queues: ", `-3: too small; accepted: a whole number at least 0 and at most 1000000000`, true},
	{"negative rate", `
instances:
  - name: main
    traffic:
      chat:
        chats_per_hour: -1
        minutes_in_connect: 10
`, "bad.yaml:6: instances[0].traffic.chat.chats_per_hour: ", "-1: too small", true},
	{"fractional count", `
instances:
  - name: main
    users:
      agents: 10.5
`, "bad.yaml:5: instances[0].users.agents: ", "10.5: not a whole number", true},
	{"digit grouping with underscores", `
voice_id:
  speakers: 100_000
instances:
  - name: main
`, "bad.yaml:3: voice_id.speakers: ", `100_000: digit grouping is not accepted, write the digits only; accepted: a whole number at least 0 and at most 1000000000`, false},
	{"digit grouping with commas", `
voice_id:
  speakers: 100,000
instances:
  - name: main
`, "bad.yaml:3: voice_id.speakers: ", `"100,000": digit grouping is not accepted, write the digits only; accepted: a whole number at least 0 and at most 1000000000`, true},
	{"share above 1", `
instances:
  - name: main
    contact_lens:
      post_call_share: 1.5
`, "bad.yaml:5: instances[0].contact_lens.post_call_share: ", `1.5: a share, not a percent; did you mean 0.015 (1.5%)? accepted: a share at least 0 and at most 1, as 0.25 or 25%`, true},
	{"share below 0", `
instances:
  - name: main
    traffic:
      voice:
        inbound_calls_per_hour: 100
        minutes_in_connect: 6
        voice_id_share: -0.2
`, "bad.yaml:8: instances[0].traffic.voice.voice_id_share: ", `-0.2: too small; accepted: a share at least 0 and at most 1, as 0.25 or 25%`, true},
	{"percentage over 100", `
instances:
  - name: main
    users:
      staffing:
        service_level_pct: 120
        answer_within: 20s
    traffic:
      voice:
        inbound_calls_per_hour: 100
        minutes_in_connect: 6
`, "bad.yaml:6: instances[0].users.staffing.service_level_pct: ", `120: too large; accepted: a percentage at least 1 and less than 100, as 80 or 80%`, true},
	{"shrinkage of 100 percent", `
instances:
  - name: main
    users:
      staffing:
        service_level_pct: 80
        answer_within: 20s
        shrinkage_pct: 100
    traffic:
      voice:
        inbound_calls_per_hour: 100
        minutes_in_connect: 6
`, "bad.yaml:8: instances[0].users.staffing.shrinkage_pct: ", `100: too large; accepted: a percentage at least 0 and less than 100, as 80 or 80%`, true},
	{"duration with a word", `
instances:
  - name: main
    traffic:
      voice:
        inbound_calls_per_hour: 100
        minutes_in_connect: 5 minutes
`, "bad.yaml:7: instances[0].traffic.voice.minutes_in_connect: ", `"5 minutes": not a duration; accepted: a duration from 1s to 7d`, true},
	{"zero duration", `
instances:
  - name: main
    traffic:
      voice:
        inbound_calls_per_hour: 100
        minutes_in_connect: 0s
`, "bad.yaml:7: instances[0].traffic.voice.minutes_in_connect: ", `"0s": must be greater than 0`, false},
	{"duration over 7 days", `
instances:
  - name: main
    traffic:
      tasks:
        tasks_per_hour: 10
        minutes_in_connect: 8d
`, "bad.yaml:7: instances[0].traffic.tasks.minutes_in_connect: ", `"8d": too long`, false},
	{"duration as a map", `
instances:
  - name: main
    traffic:
      voice:
        inbound_calls_per_hour: 100
        minutes_in_connect: {minutes: 6}
`, "bad.yaml:7: instances[0].traffic.voice.minutes_in_connect: ", "is not a duration", true},
	{"duplicate instance names", `
instances:
  - name: main
  - name: backup
  - name: main
`, "bad.yaml:5: instances[2].name: ", `duplicate instance name "main" (also instances[0])`, false},
	{"duplicate key", `
instances:
  - name: main
    users:
      agents: 10
      agents: 12
`, "bad.yaml:6: instances[0].users.agents: ", "duplicate key", false},
	{"duplicate applied key", `
applied:
  connect.users: 1000
  connect.users: 2000
instances:
  - name: main
`, "bad.yaml:4: applied.connect.users: ", "duplicate key", false},
	{"unknown applied key", `
applied:
  connect.agents: 1000
instances:
  - name: main
`, "bad.yaml:3: applied.connect.agents: ", `unknown quota id or quota code "connect.agents"`, true},
	{"negative applied value", `
applied:
  connect.users: -1
instances:
  - name: main
`, "bad.yaml:3: applied.connect.users: ", "-1: too small; accepted: a quota value at least 0 and at most 1000000", true},
	{"per-account quota under an instance", `
instances:
  - name: main
    applied:
      connect.instances: 5
`, "bad.yaml:5: instances[0].applied.connect.instances: ", "connect.instances is not a per-instance quota (scope account); put it under the top-level applied map", true},
	{"per-account quota code under an instance", `
instances:
  - name: main
    applied:
      L-AA17A6B9: 5
`, "bad.yaml:5: instances[0].applied.L-AA17A6B9: ", "connect.instances is not a per-instance quota (scope account)", true},
	{"missing instance name", `
instances:
  - inventory:
      queues: 3
`, "bad.yaml:3: instances[0].name: ", "missing; ", true},
	{"missing required traffic key", `
instances:
  - name: main
    traffic:
      voice:
        inbound_calls_per_hour: 100
`, "bad.yaml:6: instances[0].traffic.voice.minutes_in_connect: ", "missing; ", true},
	{"missing operation", `
instances:
  - name: main
api_consumers:
  - name: wallboard
    interval: 15s
`, "bad.yaml:5: api_consumers[0].operation: ", "missing; ", true},
	{"no instances key", `
region: us-east-1
`, "bad.yaml:2: instances: ", "missing; ", true},
	{"empty instance list", `
region: us-east-1
instances: []
`, "bad.yaml:3: instances: ", "no instances; accepted: a list of at least one instance with a name", true},
	{"bad instance name", `
instances:
  - name: "my instance"
`, "bad.yaml:3: instances[0].name: ", `"my instance": not a usable instance name; accepted: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit`, true},
	{"bad region", `
region: virginia
instances:
  - name: main
`, "bad.yaml:2: region: ", `"virginia": not an AWS Region code; accepted: a Region code such as us-east-1 or eu-west-2 (Amazon Connect Regions: af-south-1, ap-northeast-1, ap-northeast-2, ap-southeast-1, ap-southeast-2, ca-central-1, eu-central-1, eu-west-2, us-east-1, us-gov-west-1, us-west-2)`, true},
	{"bad ARN", `
instances:
  - name: main
    arn: arn:aws:connect:us-east-1:1234:instance/abc
`, "bad.yaml:4: instances[0].arn: ", `"arn:aws:connect:us-east-1:1234:instance/abc": not an Amazon Connect instance ARN; accepted: arn:aws:connect:REGION:ACCOUNT:instance/ID`, true},
	{"ARN of another service", `
instances:
  - name: main
    arn: arn:aws:lambda:us-east-1:111122223333:function/abc
`, "bad.yaml:4: instances[0].arn: ", `"arn:aws:lambda:us-east-1:111122223333:function/abc": not an Amazon Connect instance ARN; accepted: arn:aws:connect:REGION:ACCOUNT:instance/ID`, true},
	{"ARN in another Region", `
region: us-west-2
instances:
  - name: main
    arn: arn:aws:connect:us-east-1:111122223333:instance/6f1c2a9e-3b4d-4e5f-8a7b-0c1d2e3f4a5b
`, "bad.yaml:5: instances[0].arn: ", "the ARN is in us-east-1 but the plan's region is us-west-2", false},
	{"api consumer with two rates", `
instances:
  - name: main
api_consumers:
  - operation: GetMetricData
    rate_per_second: 1
    interval: 10s
`, "bad.yaml:5: api_consumers[0]: ", "give exactly one of rate_per_second, rate_per_minute or interval (got 2)", false},
	{"api consumer with no rate", `
instances:
  - name: main
api_consumers:
  - operation: GetMetricData
`, "bad.yaml:5: api_consumers[0]: ", "give exactly one of rate_per_second, rate_per_minute or interval (got 0)", false},
	{"unknown service", `
instances:
  - name: main
api_consumers:
  - service: lambda
    operation: Invoke
    rate_per_second: 1
`, "bad.yaml:5: api_consumers[0].service: ", `"lambda": not one of the choices; accepted: an API service: connect, participant, conversational-analytics, contact-lens, cases, customer-profiles, outbound-campaigns, voice-id, agent-assist, wisdom`, true},
	{"operation the service does not list", `
instances:
  - name: main
api_consumers:
  - service: participant
    operation: GetMetricData
    rate_per_second: 1
`, "bad.yaml:6: api_consumers[0].operation: ", "GetMetricData has no throttling quota on the page for service participant", false},
	{"malformed operation", `
instances:
  - name: main
api_consumers:
  - operation: get-metric-data
    rate_per_second: 1
`, "bad.yaml:5: api_consumers[0].operation: ", `"get-metric-data": not an API operation name; accepted: a name such as GetCurrentMetricData`, true},
	{"consumer names an unknown instance", `
instances:
  - name: main
api_consumers:
  - service: participant
    operation: SendMessage
    rate_per_second: 1
    instance: mian
`, "bad.yaml:8: api_consumers[0].instance: ", `no instance named "mian" in the plan`, false},
	{"aligned is not a boolean", `
instances:
  - name: main
api_consumers:
  - operation: GetCurrentMetricData
    interval: 15s
    aligned: yes
`, "bad.yaml:7: api_consumers[0].aligned: ", `"yes" is not true or false`, true},
	{"agents and staffing both", `
instances:
  - name: main
    users:
      agents: 10
      staffing:
        service_level_pct: 80
        answer_within: 20s
      roster_factor: 1.2
    traffic:
      voice:
        inbound_calls_per_hour: 100
        minutes_in_connect: 6
`, "bad.yaml:4: instances[0].users: ", "give agents or staffing, not both", false},
	{"staffing without traffic", `
instances:
  - name: main
    users:
      staffing:
        service_level_pct: 80
        answer_within: 20s
      roster_factor: 1.2
`, "bad.yaml:5: instances[0].users.staffing: ", "no voice, chat or staffed task traffic", false},
	{"staffing without a roster factor", `
instances:
  - name: main
    users:
      staffing:
        service_level_pct: 80
        answer_within: 20s
    traffic:
      voice:
        inbound_calls_per_hour: 100
        minutes_in_connect: 6
`, "bad.yaml:4: instances[0].users: ", "give roster_factor", true},
	{"a roster factor without staffing", `
instances:
  - name: main
    users:
      agents: 10
      roster_factor: 1.2
`, "bad.yaml:6: instances[0].users.roster_factor: ", "applies only with staffing", true},
	{"outbound calls without their length", `
instances:
  - name: main
    traffic:
      voice:
        inbound_calls_per_hour: 100
        minutes_in_connect: 6
        outbound_calls_per_hour: 20
`, "bad.yaml:8: instances[0].traffic.voice.outbound_calls_per_hour: ", "needs outbound_minutes", false},
	{"blocking of zero", `
blocking: 0
instances:
  - name: main
`, "bad.yaml:2: blocking: ", `0: too small; accepted: a blocking probability, a number at least 0.000000001 and at most 0.5`, true},
	{"two YAML documents", `
instances:
  - name: main
---
instances:
  - name: other
`, "bad.yaml:4: ", "more than one YAML document; a plan file holds one", false},
	// The YAML parser reports the line where the enclosing collection starts.
	{"YAML syntax", "instances:\n  - name: main\n   users: 3\n", "bad.yaml:1: ", "not valid YAML or JSON: did not find expected '-' indicator", false},
	{"empty file", "\n  \n", "bad.yaml: ", "the plan is empty; start from 'connectcap plan init'", false},
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range badPlans {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Decode([]byte(tc.plan), "bad.yaml")
			if err == nil {
				t.Fatalf("Decode accepted the plan: %+v", p)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tc.prefix) {
				t.Errorf("error %q\ndoes not start with %q", msg, tc.prefix)
			}
			if !strings.Contains(msg, tc.msg) {
				t.Errorf("error %q\ndoes not contain %q", msg, tc.msg)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("error spans lines: %q", msg)
			}
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("error is a %T, not a *plan.Error", err)
			}
			if pe.File != "bad.yaml" {
				t.Errorf("File = %q", pe.File)
			}
		})
	}
}

// TestDecodeErrorsJSON checks that a JSON plan's errors carry lines and key paths
// as a YAML plan's do.
func TestDecodeErrorsJSON(t *testing.T) {
	cases := []struct{ plan, want string }{
		{"{\n  \"instances\": [\n    {\"name\": \"main\", \"inventory\": {\"queus\": 3}}\n  ]\n}\n",
			"bad.json:3: instances[0].inventory.queus: unknown key (did you mean queues?)"},
		{"{\n  \"instances\": [\n    {\"name\": \"main\",\n     \"users\": {\"agents\": \"ten\"}}\n  ]\n}\n",
			`bad.json:4: instances[0].users.agents: "ten": not a number; accepted: a whole number`},
		{"{\n  \"instances\": [\n    {\"name\": \"main\",\n     \"contact_lens\": {\"realtime_share\": 2}}\n  ]\n}\n",
			"bad.json:4: instances[0].contact_lens.realtime_share: 2: a share, not a percent; did you mean 0.02 (2%)? accepted: a share at least 0 and at most 1, as 0.25 or 25%"},
		{"{\"instances\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}",
			`bad.json:1: instances[1].name: duplicate instance name "a" (also instances[0])`},
		{"{\"instances\": [{\"name\": \"a\"}], \"instances\": []}",
			"bad.json:1: instances: duplicate key"},
		{"{\"instances\": [{\"name\": \"a\"}]", "bad.json:1: not valid YAML or JSON: "},
	}
	for _, tc := range cases {
		_, err := Decode([]byte(tc.plan), "bad.json")
		if err == nil {
			t.Errorf("Decode accepted %s", tc.plan)
			continue
		}
		if !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Decode(%q):\n got %q\nwant %q...", tc.plan, err, tc.want)
		}
	}
}

// TestDecodeAccepts covers the forms a value may take.
func TestDecodeAccepts(t *testing.T) {
	p, err := Decode([]byte(`
region: eu-central-1
blocking: 0.01
applied:
  connect.users: 800
  L-12AB7C57: 120
instances:
  - name: a.b_c-1
    arn: arn:aws:connect:eu-central-1:111122223333:instance/6f1c2a9e-3b4d-4e5f-8a7b-0c1d2e3f4a5b
    users:
      agents: 1e2
      supervisors:          # an empty key leaves the value unset
    traffic:
      voice:
        inbound_calls_per_hour: 600.5
        minutes_in_connect: 6m30s
        handle_time: 330s
        outbound_calls_per_hour: 0
      chat:
        chats_per_hour: 30
        minutes_in_connect: "0.25h"
      tasks:
        tasks_per_hour: 4
        minutes_in_connect: 1.5d
api_consumers:
  - operation: GetCurrentMetricData
    rate_per_minute: 6
    aligned: false
`), "ok.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in := p.Instances[0]
	if got := *in.Users.Agents; got != 100 {
		t.Errorf("agents = %v, want 100", got)
	}
	if in.Users.Supervisors != nil {
		t.Errorf("supervisors = %v, want unset", *in.Users.Supervisors)
	}
	v := in.Traffic.Voice
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"inbound_calls_per_hour", v.InboundCallsPerHour, 600.5},
		{"minutes_in_connect", float64(*v.MinutesInConnect), 6.5},
		{"handle_time", float64(*v.HandleTime), 5.5},
		{"chat minutes_in_connect", float64(*in.Traffic.Chat.MinutesInConnect), 15},
		{"task minutes_in_connect", float64(*in.Traffic.Tasks.MinutesInConnect), 2160},
		{"blocking", *p.Blocking, 0.01},
		{"applied by id", p.Applied["connect.users"], 800},
		{"applied by code", p.Applied["L-12AB7C57"], 120},
	} {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

// TestJSONMatchesYAML decodes each example and the starter as YAML and as the same
// plan in JSON, and checks the two evaluate to the same result.
func TestJSONMatchesYAML(t *testing.T) {
	for name, data := range samplePlans(t) {
		t.Run(name, func(t *testing.T) {
			js := yamlToJSON(t, data)
			py, err := Decode(data, "plan")
			if err != nil {
				t.Fatal(err)
			}
			pj, err := Decode(js, "plan")
			if err != nil {
				t.Fatalf("the JSON form: %v\n%s", err, js)
			}
			ey, err := Evaluate(py, Options{})
			if err != nil {
				t.Fatal(err)
			}
			ej, err := Evaluate(pj, Options{})
			if err != nil {
				t.Fatal(err)
			}
			a, _ := json.Marshal(ey.Result)
			b, _ := json.Marshal(ej.Result)
			if string(a) != string(b) {
				t.Errorf("YAML and JSON results differ:\n%s\n%s", a, b)
			}
			if !reflect.DeepEqual(ey.Items, ej.Items) {
				t.Errorf("YAML and JSON items differ")
			}
		})
	}
}

// TestJSONTestdata checks a hand-written JSON plan against its YAML twin.
func TestJSONTestdata(t *testing.T) {
	read := func(name string) *Evaluation {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		p, err := Decode(data, "twin")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ev, err := Evaluate(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return ev
	}
	y, j := read("twin.yaml"), read("twin.json")
	a, _ := json.MarshalIndent(y.Result, "", " ")
	b, _ := json.MarshalIndent(j.Result, "", " ")
	if string(a) != string(b) {
		t.Errorf("testdata/twin.yaml and twin.json evaluate differently:\n%s\n%s", a, b)
	}
	if len(y.Result.Checks) < 10 {
		t.Errorf("twin plan has %d checks; it should touch more of the plan", len(y.Result.Checks))
	}
}

func TestStarterDecodesAndEvaluates(t *testing.T) {
	p, err := Decode(Starter, "plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ev, err := Evaluate(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ev.Result.Checks) == 0 {
		t.Fatal("the starter plan checks nothing")
	}
	if ev.Region != "us-east-1" {
		t.Errorf("region = %q", ev.Region)
	}
	if _, err := BuildRequests(ev, "plan.yaml"); err != nil {
		t.Fatal(err)
	}
	// Every section the starter shows uncommented is checked.
	for _, c := range []struct{ id, instance string }{
		{"connect.users", "main"}, {"connect.queues", "main"}, {"connect.task-template-fields", "main"},
		{"connect.concurrent-active-calls", "main"}, {"connect.concurrent-active-chats", "main"},
		{"connect.concurrent-active-tasks", "main"}, {"connect.task-schedule-ahead", "main"},
		{"contact-lens.concurrent-post-call-jobs", ""}, {"contact-lens.concurrent-post-chat-jobs", ""},
		{"contact-lens.concurrent-realtime-calls", ""}, {"connect.api.get-current-metric-data", ""}, {"connect.instances", ""},
	} {
		if findCheck(ev, c.id, c.instance) == nil {
			t.Errorf("the starter plan does not check %s [%s]", c.id, c.instance)
		}
	}
	// The starter asserts no applied values: those are the account's to state.
	if it := mustCheck(t, ev, "connect.concurrent-active-calls", "main"); it.Check.LimitSource != "default" || it.Check.Limit != 10 {
		t.Errorf("the starter's concurrent calls: limit %v from %s, want the default 10", it.Check.Limit, it.Check.LimitSource)
	}
}

// samplePlans are the starter plan and every example.
func samplePlans(t testing.TB) map[string][]byte {
	out := map[string][]byte{"starter": Starter}
	files, err := filepath.Glob(filepath.Join("..", "examples", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 3 {
		t.Fatalf("found %d examples, want at least 3", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = data
	}
	return out
}

// yamlToJSON rewrites a YAML document as JSON.
func yamlToJSON(t testing.TB, data []byte) []byte {
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	js, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return js
}

// TestDecodeValueForms: percentages and shares in either form, and the note for
// a bare answer_within.
func TestDecodeValueForms(t *testing.T) {
	p, err := Decode([]byte(`instances:
  - name: main
    users:
      staffing:
        service_level_pct: 85%
        answer_within: 20
        shrinkage_pct: 0.5%
        max_occupancy_pct: "90 %"
      roster_factor: 1
    traffic:
      voice: {inbound_calls_per_hour: 100, minutes_in_connect: 6, voice_id_share: 25%}
    contact_lens: {realtime_share: 0.5}
`), "p.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := p.Instances[0].Users.Staffing
	if s.ServiceLevelPct != 85 || *s.ShrinkagePct != 0.5 || *s.MaxOccupancyPct != 90 || *s.AnswerWithin != 20 {
		t.Errorf("staffing %v %v %v %v", s.ServiceLevelPct, *s.ShrinkagePct, *s.MaxOccupancyPct, *s.AnswerWithin)
	}
	if v := *p.Instances[0].Traffic.Voice.VoiceIDShare; v != 0.25 {
		t.Errorf("voice_id_share 25%% = %v, want 0.25", v)
	}
	want := []string{"p.yaml:6: instances[0].users.staffing.answer_within: 20 is read as 20 minutes; write 20s for seconds"}
	if !reflect.DeepEqual(p.Warnings(), want) {
		t.Errorf("warnings %q, want %q", p.Warnings(), want)
	}

	p, err = Decode([]byte("instances:\n  - name: main\n    users:\n      staffing: {service_level_pct: 80, answer_within: 20s}\n      roster_factor: 1\n    traffic: {voice: {inbound_calls_per_hour: 1, minutes_in_connect: 2}}\n"), "p.yaml")
	if err != nil || len(p.Warnings()) != 0 {
		t.Errorf("answer_within: 20s: %v, warnings %q", err, p.Warnings())
	}

	for _, tc := range []struct{ value, want string }{
		{"max_occupancy_pct: 0.85", `p.yaml:5: instances[0].users.staffing.max_occupancy_pct: 0.85: a percent, not a share; did you mean 85? accepted: `},
		{"shrinkage_pct: 0.3", `shrinkage_pct: 0.3: a percent, not a share; did you mean 30? accepted: `},
		{"service_level_pct: 0", `service_level_pct: 0: too small; accepted: a percentage at least 1 and less than 100`},
		{"service_level_pct: 100", `service_level_pct: 100: too large; accepted: a percentage at least 1 and less than 100`},
	} {
		plan := "instances:\n  - name: main\n    users:\n      staffing:\n        " + tc.value + "\n        service_level_pct: 80\n        answer_within: 20s\n    traffic: {voice: {inbound_calls_per_hour: 1, minutes_in_connect: 2}}\n"
		if strings.HasPrefix(tc.value, "service_level_pct") {
			plan = strings.Replace(plan, "        service_level_pct: 80\n", "", 1)
		}
		_, err := Decode([]byte(plan), "p.yaml")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.value, err, tc.want)
		}
	}
	_, err = Decode([]byte("instances:\n  - name: main\n    contact_lens: {realtime_share: 25}\n"), "p.yaml")
	if err == nil || !strings.Contains(err.Error(), "realtime_share: 25: a share, not a percent; did you mean 0.25 (25%)? accepted: ") {
		t.Errorf("realtime_share: 25: %v", err)
	}
}

// TestPlanAt: a key path's place is file:line when decoding saw its line, else
// the file alone (a line is never 0).
func TestPlanAt(t *testing.T) {
	p := &Plan{file: "f.yaml", lines: map[string]int{"region": 3}}
	if got := p.at("region"); got != "f.yaml:3" {
		t.Errorf("at(region) = %q, want f.yaml:3", got)
	}
	if got := p.at("instances"); got != "f.yaml" {
		t.Errorf("at(instances) = %q, want f.yaml", got)
	}
}

// TestEditionBareNumber: an edition is a choice of numbers, so a plan may write
// it bare (a YAML !!int) as well as quoted.
func TestEditionBareNumber(t *testing.T) {
	for _, plan := range []string{"edition: 2023\ninstances: [{name: a}]\n", "edition: \"2023\"\ninstances: [{name: a}]\n"} {
		p, err := Decode([]byte(plan), "test.yaml")
		if err != nil {
			t.Errorf("%q: %v", plan, err)
			continue
		}
		if p.Edition != "2023" {
			t.Errorf("%q: edition %q, want 2023", plan, p.Edition)
		}
	}
}
