package plan

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"

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
	s["$defs"] = schemaDefs()
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
	kind := tagKind(tag)
	switch t.Kind() {
	case reflect.Pointer:
		return schemaFor(t.Elem(), tag)
	case reflect.Struct:
		props := object{}
		var required []string
		dependent := object{}
		var exclusive []object // a key and its alias, never both
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
			if a := aliasOption(f.Tag.Get("plan")); a != "" {
				alias := object{}
				for k, v := range p {
					alias[k] = v
				}
				alias["description"] = "The earlier name of " + yamlKey(f) + ": " + f.Tag.Get("doc")
				props[a] = alias
				exclusive = append(exclusive, object{"required": []string{yamlKey(f), a}})
			}
			if hasOption(f.Tag.Get("plan"), "required") {
				required = append(required, yamlKey(f))
			}
			if with := withOption(f.Tag.Get("plan")); with != "" {
				dependent[yamlKey(f)] = []string{with}
			}
		}
		o := object{"type": "object", "properties": props, "additionalProperties": false}
		if len(required) > 0 {
			o["required"] = required
		}
		if len(dependent) > 0 {
			o["dependentRequired"] = dependent
		}
		if len(exclusive) > 1 {
			o["not"] = object{"anyOf": exclusive}
		} else if len(exclusive) == 1 {
			o["not"] = exclusive[0]
		}
		return o
	case reflect.Slice:
		o := object{"type": "array", "items": schemaFor(t.Elem(), tag)}
		if hasOption(tag, "required") || strings.HasPrefix(tag, "required") {
			o["minItems"] = 1
		}
		return o
	case reflect.Map:
		return appliedSchema(kind == "applied-instance")
	case reflect.Bool:
		return object{"type": "boolean"}
	case reflect.String:
		x, ok := texts[kind]
		if !ok {
			panic("plan: no text kind " + kind) // a types.go tag without a kind
		}
		return x.Schema()
	case reflect.Float64:
		k, ok := kinds[kind]
		if !ok {
			panic("plan: no numeric kind " + kind)
		}
		return k.Schema()
	}
	return object{}
}

// appliedSchema is an applied map's: quota ids and quota codes as keys (for an
// instance, only per-instance quotas), each an applied value, whole where the
// quota counts things.
func appliedSchema(instance bool) object {
	count, rate := object{"$ref": "#/$defs/applied-count"}, object{"$ref": "#/$defs/applied-rate"}
	props := object{}
	for _, q := range tables.Union() {
		if instance && q.Scope != "instance" && q.Scope != "routing-profile" {
			continue
		}
		v := rate
		if q.Unit == "count" {
			v = count
		}
		props[q.ID] = v
		if q.QuotaCode != "" {
			props[q.QuotaCode] = v
		}
	}
	if !instance {
		for _, code := range tables.OperationQuotaCodes {
			props[code] = rate
		}
	}
	return object{"type": "object", "properties": props, "additionalProperties": false}
}

// schemaDefs are the fragments the applied maps refer to.
func schemaDefs() object {
	return object{
		"applied-count": kinds["applied"].Whole().Schema(),
		"applied-rate":  kinds["applied"].Schema(),
	}
}
