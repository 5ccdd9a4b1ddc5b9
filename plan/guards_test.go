package plan

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// mustPanic runs f and returns what it panicked with, failing the test when it
// does not panic.
func mustPanic(t *testing.T, f func()) (got any) {
	t.Helper()
	defer func() { got = recover() }()
	f()
	t.Fatal("no panic")
	return nil
}

// TestTagsWithoutAKind: a types.go field whose plan tag names no kind is a
// programming error that the decoder and the schema both refuse loudly.
func TestTagsWithoutAKind(t *testing.T) {
	type text struct {
		X string `yaml:"x" plan:"bogus"`
	}
	type number struct {
		X float64 `yaml:"x" plan:"bogus"`
	}
	if got := mustPanic(t, func() { schemaFor(reflect.TypeOf(text{}), "") }); got != "plan: no text kind bogus" {
		t.Errorf("schema of a text field: %v", got)
	}
	if got := mustPanic(t, func() { schemaFor(reflect.TypeOf(number{}), "") }); got != "plan: no numeric kind bogus" {
		t.Errorf("schema of a number field: %v", got)
	}
	decode := func(src string, v any) func() {
		return func() {
			var doc yaml.Node
			if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
				t.Fatal(err)
			}
			d := &decoder{file: "k.yaml", lines: map[string]int{}}
			_ = d.value(doc.Content[0], reflect.ValueOf(v).Elem(), "", "")
		}
	}
	if got := mustPanic(t, decode("x: hi\n", &text{})); got != "plan: no text kind bogus" {
		t.Errorf("decoding a text field: %v", got)
	}
	if got := mustPanic(t, decode("x: 3\n", &number{})); got != "plan: no numeric kind bogus" {
		t.Errorf("decoding a number field: %v", got)
	}
}

// TestSchemaHeader: the schema's title and description, indented by two spaces.
func TestSchemaHeader(t *testing.T) {
	data, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	if s["title"] != "connectcap plan" {
		t.Errorf("title %v", s["title"])
	}
	if s["description"] != "A contact center's Amazon Connect deployment, for 'connectcap plan -f' and 'connectcap request -f'." {
		t.Errorf("description %v", s["description"])
	}
	if !strings.HasPrefix(string(data), "{\n  \"") || !strings.Contains(string(data), "\n    \"") {
		t.Errorf("not indented by two spaces:\n%.200s", data)
	}
}

// TestAppliedValueOnItsOwnLine: an error about an applied value points at its key.
func TestAppliedValueOnItsOwnLine(t *testing.T) {
	_, err := Decode([]byte("applied:\n  connect.concurrent-active-calls:\n    150.7\ninstances:\n  - name: a\n"), "w.yaml")
	if err == nil || !strings.HasPrefix(err.Error(), "w.yaml:2: applied.connect.concurrent-active-calls: 150.7: not a whole number") {
		t.Errorf("got %v", err)
	}
}

// TestFirstBadAppliedKey: of many bad applied keys, the first in the file is
// reported; on one line, the first in alphabetical order.
func TestFirstBadAppliedKey(t *testing.T) {
	var block, flow strings.Builder
	block.WriteString("applied:\n")
	var keys []string
	for i := 30; i > 0; i-- {
		k := fmt.Sprintf("k%02d.nope", i)
		fmt.Fprintf(&block, "  %s: 1\n", k)
		keys = append(keys, k+": 1")
	}
	block.WriteString("instances:\n  - name: a\n")
	_, err := Decode([]byte(block.String()), "b.yaml")
	if err == nil || !strings.HasPrefix(err.Error(), `b.yaml:2: applied.k30.nope: unknown quota id or quota code "k30.nope"`) {
		t.Errorf("block: %v", err)
	}
	fmt.Fprintf(&flow, "applied: {%s}\ninstances:\n  - name: a\n", strings.Join(keys, ", "))
	_, err = Decode([]byte(flow.String()), "f.yaml")
	if err == nil || !strings.HasPrefix(err.Error(), `f.yaml:1: applied.k01.nope: unknown quota id or quota code "k01.nope"`) {
		t.Errorf("flow: %v", err)
	}
}

// TestNearOperationTie: a typo as near to two operations names the first in
// alphabetical order, whatever the catalogue's order. "ListFieldOpts" is 3 edits
// from ListFields (delete O, p, t) and from ListFieldOptions (insert i, o, n).
func TestNearOperationTie(t *testing.T) {
	_, err := Decode([]byte("instances:\n  - name: a\napi_consumers:\n  - {service: cases, operation: ListFieldOpts, rate_per_second: 1}\n"), "n.yaml")
	if err == nil || !strings.Contains(err.Error(), "ListFieldOpts is not an operation with a quota of its own; did you mean ListFieldOptions?") {
		t.Errorf("got %v", err)
	}
}

// TestStaffingOccupancyCap: a maximum occupancy that binds adds agents. 1,200
// calls an hour of 5 minutes are 100 erlangs; Erlang C (mpmath, 40 digits) gives
// 108 agents for 80 % in 20 s, at 92.6 % occupancy; at most 85 % takes
// ceil(100 / 0.85) = 118.
func TestStaffingOccupancyCap(t *testing.T) {
	const plan = `
instances:
  - name: a
    users:
      staffing: {service_level_pct: 80, answer_within: 20s%s}
      roster_factor: 1
    traffic:
      voice: {inbound_calls_per_hour: 1200, minutes_in_connect: 5}
`
	for extra, want := range map[string]float64{"": 108, ", max_occupancy_pct: 85": 118} {
		ev := evaluate(t, fmt.Sprintf(plan, extra), Options{})
		if got := figure(t, ev, "a.staff.voice_agents"); got != want {
			t.Errorf("staffing%q: %v agents, want %v", extra, got, want)
		}
	}
}

// TestBurstRemedyAndOneName: a burst that cannot be raised says to stagger the
// clients, not to poll less often (the rate's remedy); a single consumer's name
// stands alone, with no "and".
func TestBurstRemedyAndOneName(t *testing.T) {
	ev := evaluate(t, `
instances:
  - name: a
api_consumers:
  - name: boards
    operation: GetCurrentMetricData
    interval: 10s
    clients: 60
    aligned: true
`, Options{})
	var burst *Item
	for i := range ev.Items {
		if ev.Items[i].Burst {
			burst = &ev.Items[i]
		}
	}
	if burst == nil || burst.Check.Status != "hard-limit" {
		t.Fatalf("no hard-limit burst check: %+v", burst)
	}
	if strings.Contains(burst.Check.Note, "less often") || !strings.Contains(burst.Check.Note, "stagger") {
		t.Errorf("burst note %q", burst.Check.Note)
	}
	if !strings.HasPrefix(burst.Check.Note, "GetCurrentMetricData from boards. ") {
		t.Errorf("one consumer's name: note %q", burst.Check.Note)
	}
}
