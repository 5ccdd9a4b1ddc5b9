package plan

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"

	"github.com/connectcap/connectcap/internal/parse"
	"github.com/connectcap/connectcap/tables"
)

// SchemaID is the $id of the plan file's JSON Schema.
const SchemaID = "https://github.com/connectcap/connectcap/plan.schema.json"

// Schema returns the plan file's JSON Schema (draft 2020-12), built from the same
// struct tags that drive decoding, so the two cannot drift apart.
func Schema() ([]byte, error) {
	s := schemaFor(reflect.TypeOf(Plan{}), "")
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["$id"] = SchemaID
	s["title"] = "connectcap plan"
	s["description"] = "A contact center's Amazon Connect deployment, for 'connectcap plan -f' and 'connectcap request -f'."
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type object = map[string]any

func schemaFor(t reflect.Type, tag string) object {
	kind, _, _ := strings.Cut(tag, ",")
	if t == reflect.TypeOf(Minutes(0)) {
		return object{"oneOf": []any{
			object{"type": "number", "minimum": 1.0 / 60, "maximum": maxMinutes, "description": "minutes"},
			object{"type": "string", "pattern": `^\s*((\d+\.?\d*|\.\d+)d|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|((\d+\.?\d*|\.\d+)(ns|us|µs|ms|s|m|h))+)\s*$`, "description": parse.DurationForms},
		}}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return schemaFor(t.Elem(), tag)
	case reflect.Struct:
		props := object{}
		var required []string
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			p := schemaFor(f.Type, f.Tag.Get("plan"))
			if d := f.Tag.Get("doc"); d != "" {
				p["description"] = d
			}
			props[yamlKey(f)] = p
			if strings.Contains(f.Tag.Get("plan"), "required") {
				required = append(required, yamlKey(f))
			}
		}
		o := object{"type": "object", "properties": props, "additionalProperties": false}
		if len(required) > 0 {
			o["required"] = required
		}
		return o
	case reflect.Slice:
		o := object{"type": "array", "items": schemaFor(t.Elem(), tag)}
		if kind == "required" {
			o["minItems"] = 1
		}
		return o
	case reflect.Map:
		return object{
			"type":                 "object",
			"propertyNames":        object{"enum": appliedKeys()},
			"additionalProperties": object{"type": "number", "exclusiveMinimum": 0},
		}
	case reflect.Bool:
		return object{"type": "boolean"}
	case reflect.String:
		switch kind {
		case "region":
			return object{"type": "string", "enum": tables.AWSRegions}
		case "arn":
			return object{"type": "string", "pattern": instanceARN.String()}
		case "service":
			return object{"type": "string", "enum": apiServices}
		case "operation":
			return object{"type": "string", "pattern": operationRE.String(), "minLength": 3, "maxLength": 81}
		}
		if strings.HasPrefix(tag, "text") {
			return object{"type": "string", "minLength": 1, "maxLength": 64}
		}
		return object{"type": "string"}
	case reflect.Float64:
		lo, hi, loOpen, whole := bounds(kind)
		o := object{"type": "number", "maximum": hi}
		if whole {
			o["type"] = "integer"
		}
		if loOpen {
			o["exclusiveMinimum"] = lo
		} else {
			o["minimum"] = lo
		}
		return o
	}
	return object{}
}

// appliedKeys lists the keys an applied map accepts: quota ids and quota codes.
func appliedKeys() []string {
	var out []string
	for _, q := range tables.All() {
		out = append(out, q.ID)
		if q.QuotaCode != "" {
			out = append(out, q.QuotaCode)
		}
	}
	return out
}
