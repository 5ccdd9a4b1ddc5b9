package plan

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/tables"
	"go.yaml.in/yaml/v3"
)

func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	b, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(b) {
		t.Fatalf("Schema() is not valid JSON:\n%s", b)
	}
	var s map[string]any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// schemaKeywords are the keywords the schema may use: the ones validate below
// implements, and annotations that do not constrain.
var schemaKeywords = map[string]bool{
	"$schema": true, "$id": true, "title": true, "description": true,
	"type": true, "properties": true, "additionalProperties": true, "required": true,
	"enum": true, "minimum": true, "maximum": true, "exclusiveMinimum": true,
	"pattern": true, "items": true, "oneOf": true, "minItems": true, "minLength": true, "maxLength": true,
	"propertyNames": true,
}

func TestSchemaIsWellFormed(t *testing.T) {
	s := loadSchema(t)
	if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" || s["$id"] != SchemaID {
		t.Errorf("$schema %v, $id %v", s["$schema"], s["$id"])
	}
	var walk func(path string, n map[string]any)
	walk = func(path string, n map[string]any) {
		for k, v := range n {
			if !schemaKeywords[k] {
				t.Errorf("%s: keyword %q is not one this test validates", path, k)
			}
			switch k {
			case "type":
				switch v {
				case "object", "array", "string", "number", "integer", "boolean":
				default:
					t.Errorf("%s: type %v", path, v)
				}
			case "pattern":
				if _, err := regexp.Compile(v.(string)); err != nil {
					t.Errorf("%s: pattern %q: %v", path, v, err)
				}
			case "required":
				props, _ := n["properties"].(map[string]any)
				for _, r := range v.([]any) {
					if _, ok := props[r.(string)]; !ok {
						t.Errorf("%s: required %q is not a property", path, r)
					}
				}
			case "properties":
				for name, sub := range v.(map[string]any) {
					walk(path+"."+name, sub.(map[string]any))
				}
			case "items", "propertyNames":
				walk(path+"/"+k, v.(map[string]any))
			case "additionalProperties":
				if sub, ok := v.(map[string]any); ok {
					walk(path+"/"+k, sub)
				} else if v != false {
					t.Errorf("%s: additionalProperties %v", path, v)
				}
			case "oneOf":
				for i, sub := range v.([]any) {
					walk(fmt.Sprintf("%s/oneOf[%d]", path, i), sub.(map[string]any))
				}
			}
		}
		if n["type"] == "object" && n["properties"] != nil && n["additionalProperties"] != false {
			t.Errorf("%s: an object with properties must set additionalProperties false, as Decode refuses unknown keys", path)
		}
	}
	walk("#", s)
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
			sub, ok := props[key].(map[string]any)
			if !ok {
				t.Errorf("%s.%s is not in the schema", path, key)
				continue
			}
			if d := f.Tag.Get("doc"); d != "" && sub["description"] != d {
				t.Errorf("%s.%s: description %q, doc tag %q", path, key, sub["description"], d)
			}
			required := strings.Contains(f.Tag.Get("plan"), "required")
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

// TestSchemaAppliedKeys checks the applied maps accept every quota id and code.
func TestSchemaAppliedKeys(t *testing.T) {
	s := loadSchema(t)
	applied := s["properties"].(map[string]any)["applied"].(map[string]any)
	enum := applied["propertyNames"].(map[string]any)["enum"].([]any)
	in := map[string]bool{}
	for _, e := range enum {
		in[e.(string)] = true
	}
	for _, q := range tables.All() {
		if !in[q.ID] {
			t.Errorf("applied does not accept %s", q.ID)
		}
		if q.QuotaCode != "" && !in[q.QuotaCode] {
			t.Errorf("applied does not accept %s (%s)", q.QuotaCode, q.ID)
		}
	}
}

// TestSamplePlansMatchSchema validates the starter plan and every example against
// the schema.
func TestSamplePlansMatchSchema(t *testing.T) {
	s := loadSchema(t)
	plans := samplePlans(t)
	twin, err := os.ReadFile(filepath.Join("testdata", "twin.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	plans["testdata/twin.yaml"] = twin
	for name, data := range plans {
		doc := asJSONValue(t, data)
		if errs := validate(s, doc, "#"); len(errs) > 0 {
			t.Errorf("%s does not match the schema:\n  %s", name, strings.Join(errs, "\n  "))
		}
	}
}

// TestSchemaRejectsBadPlans checks that the schema, where it can express a rule,
// refuses the plans Decode refuses, and so that the validator above validates.
func TestSchemaRejectsBadPlans(t *testing.T) {
	s := loadSchema(t)
	n := 0
	for _, tc := range badPlans {
		if !tc.schema {
			continue
		}
		n++
		doc := asJSONValue(t, []byte(tc.plan))
		if errs := validate(s, doc, "#"); len(errs) == 0 {
			t.Errorf("%s: the schema accepts the plan Decode refuses with %q", tc.name, tc.msg)
		}
	}
	if n < 15 {
		t.Errorf("only %d bad plans are checked against the schema", n)
	}
}

// asJSONValue reads YAML into the values encoding/json would give for the same
// document as JSON.
func asJSONValue(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// validate checks v against schema s for the keywords in schemaKeywords and
// returns what fails, located by JSON pointer-like paths.
func validate(s map[string]any, v any, path string) []string {
	var errs []string
	fail := func(format string, args ...any) {
		errs = append(errs, path+": "+fmt.Sprintf(format, args...))
	}
	if typ, ok := s["type"].(string); ok && !hasType(v, typ) {
		fail("%v is not of type %s", v, typ)
		return errs
	}
	if enum, ok := s["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			if reflect.DeepEqual(e, v) {
				found = true
			}
		}
		if !found {
			fail("%v is not one of the enum", v)
		}
	}
	if x, ok := v.(float64); ok {
		if m, ok := s["minimum"].(float64); ok && x < m {
			fail("%v < minimum %v", x, m)
		}
		if m, ok := s["maximum"].(float64); ok && x > m {
			fail("%v > maximum %v", x, m)
		}
		if m, ok := s["exclusiveMinimum"].(float64); ok && x <= m {
			fail("%v <= exclusiveMinimum %v", x, m)
		}
	}
	if x, ok := v.(string); ok {
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(x) {
			fail("%q does not match %s", x, p)
		}
		if m, ok := s["minLength"].(float64); ok && float64(len([]rune(x))) < m {
			fail("%q is shorter than %v", x, m)
		}
		if m, ok := s["maxLength"].(float64); ok && float64(len([]rune(x))) > m {
			fail("%q is longer than %v", x, m)
		}
	}
	if x, ok := v.([]any); ok {
		if m, ok := s["minItems"].(float64); ok && float64(len(x)) < m {
			fail("%d items, fewer than %v", len(x), m)
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, e := range x {
				errs = append(errs, validate(items, e, fmt.Sprintf("%s[%d]", path, i))...)
			}
		}
	}
	if x, ok := v.(map[string]any); ok {
		props, _ := s["properties"].(map[string]any)
		for _, r := range asList(s["required"]) {
			if _, ok := x[r.(string)]; !ok {
				fail("missing required %s", r)
			}
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if pn, ok := s["propertyNames"].(map[string]any); ok {
				errs = append(errs, validate(pn, k, path+"/"+k+"(name)")...)
			}
			if sub, ok := props[k].(map[string]any); ok {
				errs = append(errs, validate(sub, x[k], path+"."+k)...)
				continue
			}
			switch ap := s["additionalProperties"].(type) {
			case bool:
				if !ap {
					fail("key %s is not allowed", k)
				}
			case map[string]any:
				errs = append(errs, validate(ap, x[k], path+"."+k)...)
			}
		}
	}
	if one, ok := s["oneOf"].([]any); ok {
		matched := 0
		for _, sub := range one {
			if len(validate(sub.(map[string]any), v, path)) == 0 {
				matched++
			}
		}
		if matched != 1 {
			fail("%v matches %d of oneOf, want exactly 1", v, matched)
		}
	}
	return errs
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func hasType(v any, typ string) bool {
	switch typ {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "number":
		_, ok := v.(float64)
		return ok
	case "integer":
		x, ok := v.(float64)
		return ok && x == math.Trunc(x)
	}
	return false
}

// TestValidatorSelfCheck keeps the validator honest on a small schema.
func TestValidatorSelfCheck(t *testing.T) {
	s := map[string]any{
		"type": "object", "additionalProperties": false, "required": []any{"a"},
		"properties": map[string]any{
			"a": map[string]any{"type": "integer", "minimum": 0.0, "maximum": 10.0},
			"b": map[string]any{"oneOf": []any{map[string]any{"type": "number", "exclusiveMinimum": 0.0}, map[string]any{"type": "string", "pattern": "^x+$"}}},
			"c": map[string]any{"type": "array", "minItems": 1.0, "items": map[string]any{"type": "string", "enum": []any{"p", "q"}}},
		},
	}
	good := []string{`{"a": 3}`, `{"a": 0, "b": 2.5, "c": ["p", "q"]}`, `{"a": 10, "b": "xx"}`}
	bad := []string{`{}`, `{"a": 3.5}`, `{"a": -1}`, `{"a": 11}`, `{"a": 1, "d": 1}`, `{"a": 1, "b": 0}`, `{"a": 1, "b": "y"}`,
		`{"a": 1, "c": []}`, `{"a": 1, "c": ["r"]}`, `{"a": "1"}`, `[]`}
	for _, g := range good {
		var v any
		_ = json.Unmarshal([]byte(g), &v)
		if errs := validate(s, v, "#"); len(errs) > 0 {
			t.Errorf("%s: %v", g, errs)
		}
	}
	for _, b := range bad {
		var v any
		_ = json.Unmarshal([]byte(b), &v)
		if errs := validate(s, v, "#"); len(errs) == 0 {
			t.Errorf("%s passes", b)
		}
	}
}
