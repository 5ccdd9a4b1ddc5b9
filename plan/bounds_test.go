package plan

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestNodeLimitBoundary: a plan of exactly maxNodes values decodes; one more is
// too large. The plan counts 1 (the document's mapping) + 1 (applied) + K applied
// values + 1 (instances) + 1 (the instance) + 1 (its name) = K + 5 values.
func TestNodeLimitBoundary(t *testing.T) {
	build := func(k int) []byte {
		var b strings.Builder
		b.WriteString("applied:\n")
		for i := 0; i < k; i++ {
			fmt.Fprintf(&b, "  k%d: 1\n", i)
		}
		b.WriteString("instances:\n  - name: a\n")
		return []byte(b.String())
	}
	_, err := Decode(build(maxNodes-5), "n.yaml")
	if err == nil || strings.Contains(err.Error(), "too large") || !strings.Contains(err.Error(), `unknown quota id or quota code "k0"`) {
		t.Errorf("%d values: %v, want the unknown key, not too large", maxNodes, err)
	}
	_, err = Decode(build(maxNodes-4), "n.yaml")
	if err == nil || !strings.Contains(err.Error(), "the plan is too large (more than 100000 values") {
		t.Errorf("%d values: %v", maxNodes+1, err)
	}
}

// TestEmptyKeys: an empty key leaves an optional list, map or section unset; an
// empty value where one is needed is refused.
func TestEmptyKeys(t *testing.T) {
	p, err := Decode([]byte("applied:\ninstances:\n  - name: a\n    applied:\n    users:\napi_consumers:\n"), "e.yaml")
	if err != nil {
		t.Fatalf("empty optional keys: %v", err)
	}
	if p.Applied != nil || p.APIConsumers != nil || p.Instances[0].Users != nil {
		t.Errorf("empty keys set values: %+v", p)
	}
	for _, c := range []struct{ plan, want string }{
		{"instances:\n", "e.yaml:1: instances: has no value"},
		{"instances:\n  -\n", "e.yaml:2: instances[0]: has no value"},
		{"instances:\n  - name: a\napi_consumers:\n  - {operation: DescribeUser, rate_per_second: 1, aligned: }\n", "e.yaml:4: api_consumers[0].aligned: has no value; accepted: bool"},
		{"instances:\n  - name: a\napi_consumers:\n  - {operation: DescribeUser, rate_per_second: 1, name: }\n", "e.yaml:4: api_consumers[0].name: has no value; accepted: "},
	} {
		if _, err := Decode([]byte(c.plan), "e.yaml"); err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.plan, err, c.want)
		}
	}
}

// TestMissingKeyDoc: a missing required key says what it takes, lower-cased.
func TestMissingKeyDoc(t *testing.T) {
	_, err := Decode([]byte("instances:\n  - arn: "+arnA+"\n"), "m.yaml")
	if err == nil || err.Error() != "m.yaml:2: instances[0].name: missing; accepted: a name for the instance, unique in the plan." {
		t.Errorf("got %v", err)
	}
}

// TestStaffingChannels: staffing needs voice, chat, or tasks with a handle time;
// any one of them is enough.
func TestStaffingChannels(t *testing.T) {
	const head = "instances:\n  - name: a\n    users:\n      staffing: {service_level_pct: 80, answer_within: 20s}\n      roster_factor: 1\n"
	for _, c := range []struct{ traffic, err string }{
		{"    traffic:\n      chat: {chats_per_hour: 60, minutes_in_connect: 5}\n", ""},
		{"    traffic:\n      tasks: {tasks_per_hour: 60, minutes_in_connect: 1h, handle_time: 5}\n", ""},
		{"    traffic:\n      voice: {inbound_calls_per_hour: 60, minutes_in_connect: 5}\n", ""},
		{"    traffic:\n      tasks: {tasks_per_hour: 60, minutes_in_connect: 1h}\n", "no voice, chat or staffed task traffic"},
		{"    traffic: {}\n", "no voice, chat or staffed task traffic"},
		{"", "no voice, chat or staffed task traffic"},
	} {
		_, err := Decode([]byte(head+c.traffic), "s.yaml")
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%q: %v", c.traffic, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), "instances[0].users.staffing: staffing sizes agents from traffic, but the instance has "+c.err)):
			t.Errorf("%q: %v, want %q", c.traffic, err, c.err)
		}
	}
	// Tasks with a handle time alone are staffed: 60 an hour of 5 minutes are 5
	// erlangs of 300 s, 8 agents at 80 % in 20 s (Erlang C, mpmath).
	ev := evaluate(t, head+"    traffic:\n      tasks: {tasks_per_hour: 60, minutes_in_connect: 1h, handle_time: 5}\n", Options{})
	if got := figure(t, ev, "a.staff.task_agents"); got != 8 {
		t.Errorf("task agents %v, want 8", got)
	}
}

// TestOperationCodeOnAnInstance: an operation's own code is an account quota.
func TestOperationCodeOnAnInstance(t *testing.T) {
	_, err := Decode([]byte("instances:\n  - name: a\n    applied:\n      L-2E719449: 10\n"), "o.yaml")
	if err == nil || err.Error() != "o.yaml:4: instances[0].applied.L-2E719449: L-2E719449 (GetMetricDataV2) is not a per-instance quota; put it under the top-level applied map" {
		t.Errorf("got %v", err)
	}
}

// TestChannelSizingErrors: a chat or task load past what connectcap sizes is
// reported at the channel's rate.
func TestChannelSizingErrors(t *testing.T) {
	for _, c := range []struct{ channel, rate, path string }{
		{"chat", "chats_per_hour", "instances[1].traffic.chat.chats_per_hour"},
		{"tasks", "tasks_per_hour", "instances[1].traffic.tasks.tasks_per_hour"},
	} {
		p, err := Decode([]byte(fmt.Sprintf("instances:\n  - name: a\n  - name: b\n    traffic:\n      %s: {%s: 10000000, minutes_in_connect: 7d}\n", c.channel, c.rate)), "l.yaml")
		if err != nil {
			t.Fatal(err)
		}
		_, err = Evaluate(p, Options{})
		if err == nil || !strings.HasPrefix(err.Error(), "l.yaml:5: "+c.path+": ") || !strings.Contains(err.Error(), "more than connectcap sizes") {
			t.Errorf("%s: %v", c.channel, err)
		}
	}
}

// TestNoContactLensWithoutUse: a plan without contact_lens checks no Contact Lens
// quota and gives no Contact Lens figure.
func TestNoContactLensWithoutUse(t *testing.T) {
	ev := evaluate(t, "instances:\n  - name: a\n    traffic:\n      voice: {inbound_calls_per_hour: 600, minutes_in_connect: 5}\n      chat: {chats_per_hour: 60, minutes_in_connect: 5}\n", Options{})
	for _, it := range ev.Items {
		if strings.HasPrefix(it.Check.ID, "contact-lens.") {
			t.Errorf("checks %s", it.Check.ID)
		}
	}
	for _, f := range ev.Result.Figures {
		if strings.Contains(f.Key, "contact_lens") {
			t.Errorf("figure %s", f.Key)
		}
	}
}

// TestSchemaRequiredOnlyWhereNeeded: objects without required keys carry no
// "required" list, and objects without keys that need another no
// "dependentRequired"; users has both roster_factor and staffing need each other.
func TestSchemaRequiredOnlyWhereNeeded(t *testing.T) {
	data, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Required   []string `json:"required"`
		Properties map[string]struct {
			Items struct {
				Required   []string `json:"required"`
				Properties map[string]map[string]any
			} `json:"items"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	if strings.Join(s.Required, ",") != "instances" {
		t.Errorf("plan required %v", s.Required)
	}
	in := s.Properties["instances"].Items
	if strings.Join(in.Required, ",") != "name" {
		t.Errorf("instance required %v", in.Required)
	}
	users, _ := in.Properties["users"]["dependentRequired"].(map[string]any)
	if fmt.Sprint(users) != "map[roster_factor:[staffing] staffing:[roster_factor]]" {
		t.Errorf("users dependentRequired %v", users)
	}
	for _, key := range []string{"traffic", "inventory", "contact_lens"} {
		if _, ok := in.Properties[key]["required"]; ok {
			t.Errorf("%s has a required list: %v", key, in.Properties[key]["required"])
		}
		if _, ok := in.Properties[key]["dependentRequired"]; ok {
			t.Errorf("%s has dependentRequired: %v", key, in.Properties[key]["dependentRequired"])
		}
	}
}

// TestStaffingSkipsIdleEmail: an email channel planned at 0 inbound emails an hour
// adds no email agents, even with a handle time, as an idle voice, chat or task
// channel adds none.
func TestStaffingSkipsIdleEmail(t *testing.T) {
	ev := evaluate(t, `instances:
  - name: a
    users:
      staffing: {service_level_pct: 80, answer_within: 20s}
      roster_factor: 1
    traffic:
      voice: {inbound_calls_per_hour: 60, minutes_in_connect: 5}
      email: {inbound_emails_per_hour: 0, minutes_in_connect: 1d, handle_time: 10m}
`, current)
	if v, ok := ev.Result.Figures.Get("a.staff.email_agents"); ok {
		t.Errorf("email agents %v for no emails, want no figure", v)
	}
	figure(t, ev, "a.staff.voice_agents") // the voice channel is staffed
}

// TestCampaignsThenUsers: an instance's users are checked after its campaigns.
func TestCampaignsThenUsers(t *testing.T) {
	ev := evaluate(t, `instances:
  - name: a
    campaigns: {active: 2, total: 3}
    users: {agents: 10}
`, current)
	if c := mustCheck(t, ev, "connect.users", "a").Check; c.Required != 10 {
		t.Errorf("users %v, want the 10 agents", c.Required)
	}
}
