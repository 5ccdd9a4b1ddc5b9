package plan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/tables"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	b, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("Schema() is not valid JSON: %v", err)
	}
	return s
}

// compiledSchema is the plan schema compiled by a real JSON Schema (2020-12)
// validator, which also checks it against the draft's meta-schema.
func compiledSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	b, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(SchemaID)
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return sch
}

// schemaAccepts validates a YAML (or JSON) plan, decoded to JSON values, against
// the schema.
func schemaAccepts(t *testing.T, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatalf("not YAML: %v\n%s", err, data)
	}
	js, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("not representable as JSON: %v\n%s", err, data)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return sch.Validate(inst)
}

func TestSchemaIsWellFormed(t *testing.T) {
	s := loadSchema(t)
	if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" || s["$id"] != SchemaID {
		t.Errorf("$schema %v, $id %v", s["$schema"], s["$id"])
	}
	compiledSchema(t)
}

// TestSchemaListsEveryKey walks the Go types of a plan and checks that the schema
// has every key, at the same place, and no other.
func TestSchemaListsEveryKey(t *testing.T) {
	s := loadSchema(t)
	seen := 0
	var walk func(path string, typ reflect.Type, node map[string]any)
	walk = func(path string, typ reflect.Type, node map[string]any) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
			if typ.Kind() == reflect.Slice {
				if node["type"] != "array" {
					t.Errorf("%s: a list in Go, type %v in the schema", path, node["type"])
					return
				}
				node = node["items"].(map[string]any)
				path += "[]"
			}
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct {
			return
		}
		props, ok := node["properties"].(map[string]any)
		if !ok {
			t.Errorf("%s: a struct in Go, no properties in the schema", path)
			return
		}
		keys := map[string]bool{}
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if !f.IsExported() {
				continue
			}
			key := yamlKey(f)
			keys[key] = true
			seen++
			if a := aliasOption(f.Tag.Get("plan")); a != "" {
				keys[a] = true
				if alias, ok := props[a].(map[string]any); !ok || alias["description"] != "The earlier name of "+key+": "+f.Tag.Get("doc") {
					t.Errorf("%s.%s: the alias of %s is not in the schema as one", path, a, key)
				}
			}
			sub, ok := props[key].(map[string]any)
			if !ok {
				t.Errorf("%s.%s is not in the schema", path, key)
				continue
			}
			if d := f.Tag.Get("doc"); d != "" && sub["description"] != d {
				t.Errorf("%s.%s: description %q, doc tag %q", path, key, sub["description"], d)
			}
			required := hasOption(f.Tag.Get("plan"), "required")
			if inList(node["required"], key) != required {
				t.Errorf("%s.%s: required in Go %v, in the schema %v", path, key, required, !required)
			}
			walk(path+"."+key, f.Type, sub)
		}
		for key := range props {
			if !keys[key] {
				t.Errorf("%s.%s is in the schema but not in the Go types", path, key)
			}
		}
	}
	walk("#", reflect.TypeOf(Plan{}), s)
	if seen < 100 {
		t.Errorf("walked %d keys; the plan has more", seen)
	}
}

func inList(list any, s string) bool {
	l, _ := list.([]any)
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// TestSchemaAppliedKeys checks the applied maps accept every quota id and code,
// and an instance's only its per-instance quotas.
func TestSchemaAppliedKeys(t *testing.T) {
	s := loadSchema(t)
	account := s["properties"].(map[string]any)["applied"].(map[string]any)["properties"].(map[string]any)
	instance := s["properties"].(map[string]any)["instances"].(map[string]any)["items"].(map[string]any)["properties"].(map[string]any)["applied"].(map[string]any)["properties"].(map[string]any)
	for _, q := range tables.Default().All() {
		perInstance := q.Scope == "instance" || q.Scope == "routing-profile"
		for _, key := range []string{q.ID, q.QuotaCode} {
			if key == "" {
				continue
			}
			if account[key] == nil {
				t.Errorf("applied does not accept %s", key)
			}
			if (instance[key] != nil) != perInstance {
				t.Errorf("instances[].applied: %s (scope %s) accepted %v", key, q.Scope, instance[key] != nil)
			}
		}
	}
}

// TestSamplePlansMatchSchema validates the starter plan and every example against
// the schema.
func TestSamplePlansMatchSchema(t *testing.T) {
	sch := compiledSchema(t)
	plans := samplePlans(t)
	twin, err := os.ReadFile(filepath.Join("testdata", "twin.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	plans["testdata/twin.yaml"] = twin
	for name, data := range plans {
		if err := schemaAccepts(t, sch, data); err != nil {
			t.Errorf("%s does not match the schema: %v", name, err)
		}
	}
}

// TestSchemaRejectsBadPlans: every bad plan the schema can judge (schema: true)
// it refuses; the others break rules between values (references, combinations)
// that only the decoder checks, and the schema accepts them, so this list is
// exactly what the schema leaves to the decoder.
func TestSchemaRejectsBadPlans(t *testing.T) {
	sch := compiledSchema(t)
	n := 0
	for _, tc := range badPlans {
		var doc any
		if yaml.Unmarshal([]byte(tc.plan), &doc) != nil || doc == nil {
			continue // not a document a JSON Schema can see: bad syntax, a duplicate key, nothing
		}
		err := schemaAccepts(t, sch, []byte(tc.plan))
		switch {
		case tc.schema && err == nil:
			t.Errorf("%s: the schema accepts the plan Decode refuses with %q", tc.name, tc.msg)
		case !tc.schema && err != nil:
			t.Errorf("%s: marked as a rule only the decoder checks, but the schema refuses it: %v", tc.name, err)
		}
		if tc.schema {
			n++
		}
	}
	if n < 15 {
		t.Errorf("only %d bad plans are checked against the schema", n)
	}
}

// corpusBase is a plan that sets a value of every kind; each corpus case replaces
// one placeholder.
const corpusBase = `region: {REGION}
blocking: {BLOCKING}
applied: {APPLIED}
instances:
  - name: {NAME}
    arn: {ARN}
    applied: {IAPPLIED}
    users:
      staffing:
        service_level_pct: {SL}
        answer_within: {AW}
        shrinkage_pct: {SH}
        max_occupancy_pct: {MO}
      roster_factor: {RF}
      supervisors: {SUP}
    inventory: {queues: {Q}}
    traffic:
      voice: {inbound_calls_per_hour: {CPH}, minutes_in_connect: {MIC}, voice_id_share: {VS}}
      chat: {chats_per_hour: 50, minutes_in_connect: 8, concurrency: {CC}}
      tasks: {tasks_per_hour: 5, minutes_in_connect: 3h, schedule_ahead_days: {SAD}}
    contact_lens: {realtime_share: {RS}}
customer_profiles: {object_size_kb: {KB}}
api_consumers:
  - {name: {LABEL}, service: {SERVICE}, operation: {OP}, interval: {INT}, clients: 4, aligned: {ALIGNED}}
{EXTRA}`

var corpusDefaults = map[string]string{
	"REGION": "us-east-1", "BLOCKING": "0.001", "APPLIED": "{connect.users: 500}", "NAME": "main",
	"ARN":      "arn:aws:connect:us-east-1:111122223333:instance/0a1b2c3d-0000-4000-8000-000000000000",
	"IAPPLIED": "{connect.concurrent-active-calls: 40}", "SL": "80", "AW": "20s", "SH": "30", "MO": "85",
	"SUP": "3", "RF": "1.3", "Q": "12", "CPH": "300", "MIC": "6m30s", "VS": "0.25", "CC": "2", "SAD": "14", "RS": "0.5",
	"KB": "100", "LABEL": "wallboard", "SERVICE": "connect", "OP": "GetCurrentMetricData", "INT": "15s",
	"ALIGNED": "false", "EXTRA": "",
}

func corpusPlan(key, value string) []byte {
	var pairs []string
	for k, v := range corpusDefaults {
		if k == key {
			v = value
		}
		pairs = append(pairs, "{"+k+"}", v)
	}
	return []byte(strings.NewReplacer(pairs...).Replace(corpusBase))
}

// corpus: per placeholder, values as written in YAML, accepted or not.
var corpus = []struct {
	key  string
	good []string
	bad  []string
}{
	{"SL", []string{"80", "80%", `"80 %"`, "1", "1%", "99.9", "99.99%", "'050%'", "+80"},
		[]string{"0", "100", "100%", "0.8", "0.5%", "1e2", "-5", "101%", `"80"`, "true", "[80]", "~", "80%%", "1e2%", `"80 percent"`, "0.99"}},
	{"SH", []string{"0", "0%", "-0", "30", "30%", "0.5%", "99.5", ".5%", "0.0"},
		[]string{"0.3", "100", "100%", "-1", "-1%", "0.001", `"30"`, "{a: 1}"}},
	{"MO", []string{"1", "100", "85%", "100%", "1.0%", "100.0%"},
		[]string{"0", "0%", "0.85", "0.5%", "100.5", "101", "100.01%"}},
	{"CC", []string{"1", "3", "1.0"}, []string{"0", "1.5", "-1", `"2"`, "1e10"}},
	{"BLOCKING", []string{"0.001", "1e-9", "0.5", "0.000000001"}, []string{"0", "0.6", "1e-10", `"0.1%"`, "0.1%", `"0.001"`, "1"}},
	{"VS", []string{"0", "1", "0.25", "25%", "100%", "0%", "0.5%", "'0.25 %'"}, []string{"25", "1.5", "101%", `"0.25"`, "-0.1", "-1%", "x"}},
	{"RS", []string{"0.999", "99.9%"}, []string{"2", "250", "100.1%"}},
	{"Q", []string{"0", "12", "1e9", "1000000000"}, []string{"1.5", "-1", "1e10", `"12"`, "'1,000'", "twelve", "[]"}},
	{"SUP", []string{"0"}, []string{"0.5", "1000000001"}},
	{"CPH", []string{"0", "10000000", "0.5"}, []string{"10000001", "-1", `"300"`, "300/h", "~"}},
	{"MIC", []string{"6", "6.5", "6m30s", "90s", "1h30m", "7d", `"20"`, "1s", "1e3", "10080", "0.5d", "1d12h", "+5"},
		[]string{"0", "10081", "0.01", `"6 minutes"`, "1w", "-1h", "-5", "true", "6m 30s", "~", "8d", "500ms", `"0"`, `"1e9"`}},
	{"AW", []string{"20s", "0.5", "1m"}, []string{"0", "20 s", "20sec"}},
	{"SAD", []string{"0", "3650", "1.5"}, []string{"3651", "-1"}},
	{"KB", []string{"0", "1e9", "0.5"}, []string{"1e10", "-0.5"}},
	{"APPLIED", []string{"{connect.users: 250}", "{L-9A46857E: 250}", "{}", "{connect.users: 1000000}", "{connect.users: 0}"},
		[]string{"{connect.users: 2.5}", "{connect.users: -1}", "{connect.users: 1000001}", "{nope: 1}", "{connect.users: '250'}", "[1]", "250"}},
	{"IAPPLIED", []string{"{connect.queues: 100}"}, []string{"{connect.instances: 2}", "{connect.queues: -1}"}},
	{"NAME", []string{"main", "prod-1.a_b", "A"}, []string{`"my instance"`, `""`, "-main", strings.Repeat("a", 65), "1", "~"}},
	{"ARN", []string{"arn:aws-cn:connect:us-east-1:111122223333:instance/abc"}, []string{`""`, "arn:aws:connect:us-east-1:1234:instance/abc", "arn:aws:lambda:us-east-1:111122223333:function/abc", "3"}},
	{"REGION", []string{"us-east-1"}, []string{"mars", `""`, "US-EAST-1", "1"}},
	{"LABEL", []string{"a", strings.Repeat("x", 64)}, []string{`""`, strings.Repeat("x", 65), "{}"}},
	{"SERVICE", nil, []string{"lambda", `""`, "Connect"}},
	{"RF", []string{"1", "2.5", "100"}, []string{"0.9", "0", "101", "1.5x", `"2"`}},
	{"OP", []string{"GetCurrentUserData"}, []string{"get-metric-data", "Ge", "~"}},
	{"INT", []string{"15s", "0.25", "1h"}, []string{"0s", "15 seconds", "0"}},
	{"ALIGNED", []string{"true"}, []string{"yes", `"true"`, "1"}},
	{"EXTRA", []string{"wisdom: {requests_per_second: 2}", "campaigns: 3"},
		[]string{"queus: 3", "wisdom: {requests_per_sec: 2}", "campaigns: 1.5", "voice_id: 3", "cases: []"}},
}

// decoderOnly are the corpus values the schema accepts and the decoder refuses,
// each with the reason a schema cannot say it: durations' bounds inside strings
// with units are past a practical pattern.
var decoderOnly = map[string]string{
	"INT=0s":    "the bounds of a duration in a string (1 s to 7 d) are not in its pattern",
	"MIC=8d":    "the bounds of a duration in a string (1 s to 7 d) are not in its pattern",
	"MIC=500ms": "the bounds of a duration in a string (1 s to 7 d) are not in its pattern",
	`MIC="0"`:   "the bounds of a duration in a string (1 s to 7 d) are not in its pattern",
	`MIC="1e9"`: "the bounds of a duration in a string (1 s to 7 d) are not in its pattern",
}

// TestSchemaAgreesWithDecoder runs a real JSON Schema validator and the decoder
// over the same corpus: the examples, the starter plan and one plan per value
// kind and bound. A plan is schema-valid exactly when the decoder accepts it.
func TestSchemaAgreesWithDecoder(t *testing.T) {
	sch := compiledSchema(t)
	type sample struct {
		name string
		data []byte
		good bool
	}
	var samples []sample
	for name, data := range samplePlans(t) {
		samples = append(samples, sample{name, data, true})
	}
	samples = append(samples, sample{"corpus base", corpusPlan("", ""), true})
	for _, c := range corpus {
		for _, v := range c.good {
			samples = append(samples, sample{c.key + "=" + v, corpusPlan(c.key, v), true})
		}
		for _, v := range c.bad {
			samples = append(samples, sample{c.key + "=" + v, corpusPlan(c.key, v), false})
		}
	}
	sort.Slice(samples, func(i, j int) bool { return samples[i].name < samples[j].name })
	used := map[string]bool{}
	for _, s := range samples {
		_, decErr := Decode(s.data, "corpus.yaml")
		schErr := schemaAccepts(t, sch, s.data)
		if (decErr == nil) != s.good {
			t.Errorf("%s: decoder error %v, want accepted %v", s.name, decErr, s.good)
		}
		if why, ok := decoderOnly[s.name]; ok {
			used[s.name] = true
			if decErr == nil || schErr != nil {
				t.Errorf("%s: listed as decoder-only (%s), but decoder %v, schema %v", s.name, why, decErr, schErr)
			}
			continue
		}
		if (schErr == nil) != (decErr == nil) {
			t.Errorf("%s: schema and decoder disagree:\n  schema:  %v\n  decoder: %v", s.name, firstLine(schErr), decErr)
		}
	}
	for name := range decoderOnly {
		if !used[name] {
			t.Errorf("decoderOnly lists %s, which is not in the corpus", name)
		}
	}
	if len(samples) < 150 {
		t.Errorf("%d samples; the corpus should cover every kind's bounds", len(samples))
	}
}

func firstLine(err error) string {
	if err == nil {
		return "<nil>"
	}
	s := fmt.Sprint(err)
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:300] + "..."
	}
	return s
}

var _ = reflect.TypeOf

// TestSchemaAliasesExclusive: a key and its alias may not stand together. With one
// alias in a mapping the schema says "not" the pair; with several, "not" any of
// the pairs. No plan mapping has two aliases, so a type of the test's own has.
func TestSchemaAliasesExclusive(t *testing.T) {
	type twoAliases struct {
		A *float64 `yaml:"a" plan:"count,alias=old_a"`
		B *float64 `yaml:"b" plan:"count,alias=old_b"`
		C *float64 `yaml:"c" plan:"count"`
	}
	got := schemaFor(reflect.TypeOf(twoAliases{}), "")["not"]
	want := object{"anyOf": []object{{"required": []string{"a", "old_a"}}, {"required": []string{"b", "old_b"}}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("two aliases: not = %v, want %v", got, want)
	}
	// Plan has one alias, wisdom for agent_assist.
	got = schemaFor(reflect.TypeOf(Plan{}), "")["not"]
	if want := (object{"required": []string{"agent_assist", "wisdom"}}); !reflect.DeepEqual(got, want) {
		t.Errorf("Plan: not = %v, want %v", got, want)
	}
	// Campaigns has none.
	if got, ok := schemaFor(reflect.TypeOf(Campaigns{}), "")["not"]; ok {
		t.Errorf("Campaigns: not = %v, want none", got)
	}
}
