package plan

import (
	"bytes"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/connectcap/connectcap/internal/input"
	"github.com/connectcap/connectcap/internal/suggest"
	"go.yaml.in/yaml/v3"
)

// Error is a problem in a plan file, located by line and key path.
type Error struct {
	File string
	Line int
	Path string
	Msg  string
}

func (e *Error) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc += ":" + strconv.Itoa(e.Line)
	}
	if e.Path != "" {
		return fmt.Sprintf("%s: %s: %s", loc, e.Path, e.Msg)
	}
	return fmt.Sprintf("%s: %s", loc, e.Msg)
}

// kinds are the plan tags' numeric kinds: each an internal/input declaration, so
// plans, flags and the JSON Schema accept the same values.
var kinds = map[string]input.Kind{
	"count":               input.Count,
	"number":              input.Amount,
	"rate":                input.Rate,
	"share":               input.Share,
	"duration":            input.Duration,
	"email-duration":      input.EmailActive,
	"blocking":            input.Blocking,
	"service-level":       input.ServiceLevel,
	"shrinkage":           input.Shrinkage,
	"max-occupancy":       input.MaxOccupancy,
	"concurrency":         input.Concurrency,
	"roster-factor":       input.RosterFactor,
	"schedule-ahead-days": input.ScheduleAheadDays,
	"applied":             input.AppliedValue, // an applied map's values
}

// texts are the plan tags' text kinds.
var texts = map[string]input.Text{
	"region":    input.Region,
	"edition":   input.Edition,
	"name":      input.InstanceName,
	"text":      input.Label,
	"arn":       input.InstanceARN,
	"operation": input.Operation,
	"service":   input.Choice("an API service", apiServices),
}

// tagKind is a field's kind: the plan tag's first word, unless that is an option.
func tagKind(tag string) string {
	kind, _, _ := strings.Cut(tag, ",")
	if kind == "required" {
		return ""
	}
	return kind
}

// withOption is the key that a key's "with=KEY" option says must stand beside it.
func withOption(tag string) string {
	for _, o := range strings.Split(tag, ",") {
		if k, ok := strings.CutPrefix(o, "with="); ok {
			return k
		}
	}
	return ""
}

func hasOption(tag, option string) bool {
	for _, o := range strings.Split(tag, ",") {
		if o == option {
			return true
		}
	}
	return false
}

// Decode reads a plan in YAML or JSON. file names it in errors.
func Decode(data []byte, file string) (*Plan, error) {
	d := &decoder{file: file, lines: map[string]int{}}
	var doc yaml.Node
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &Error{File: file, Msg: "the plan is empty; start from 'connectcap plan init'"}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		return nil, d.syntaxError(err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &Error{File: file, Line: extra.Line, Msg: "more than one YAML document; a plan file holds one"}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	var p Plan
	if err := d.value(root, reflect.ValueOf(&p).Elem(), "", ""); err != nil {
		return nil, err
	}
	p.lines = d.lines
	p.file = file
	p.warnings = d.warnings
	if err := p.validate(); err != nil {
		return nil, err
	}
	return &p, nil
}

// maxNodes bounds the values a plan may hold once YAML aliases are expanded, so a
// small file cannot expand into an endless one.
const maxNodes = 100_000

type decoder struct {
	nodes    int
	file     string
	lines    map[string]int // key path → line
	warnings []string
}

func (d *decoder) syntaxError(err error) error {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if strings.HasPrefix(msg, "line ") {
		rest := strings.TrimPrefix(msg, "line ")
		if num, after, found := strings.Cut(rest, ":"); found {
			if n, e := strconv.Atoi(num); e == nil {
				line = n
				msg = strings.TrimSpace(after)
			}
		}
	}
	return &Error{File: d.file, Line: line, Msg: "not valid YAML or JSON: " + msg}
}

func (d *decoder) fail(n *yaml.Node, path, format string, args ...any) error {
	return &Error{File: d.file, Line: n.Line, Path: path, Msg: fmt.Sprintf(format, args...)}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// value decodes node into v; kind is the field's plan tag kind.
func (d *decoder) value(n *yaml.Node, v reflect.Value, path, tag string) error {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	d.lines[path] = n.Line
	kind := tagKind(tag)
	if d.nodes++; d.nodes > maxNodes {
		return d.fail(n, path, "the plan is too large (more than %d values, counting YAML aliases)", maxNodes)
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		if !hasOption(tag, "required") && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Map || v.Kind() == reflect.Slice) {
			return nil // an empty key leaves the value unset
		}
		return d.fail(n, path, "has no value; %s", describe(v.Type(), kind))
	}
	switch v.Kind() {
	case reflect.Pointer:
		elem := reflect.New(v.Type().Elem())
		if err := d.value(n, elem.Elem(), path, tag); err != nil {
			return err
		}
		v.Set(elem)
		return nil
	case reflect.Struct:
		return d.object(n, v, path)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return d.fail(n, path, "must be a list")
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			if err := d.value(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i), tag); err != nil {
				return err
			}
		}
		v.Set(s)
		return nil
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return d.fail(n, path, "must be a map of quota id or quota code to value")
		}
		m := reflect.MakeMap(v.Type())
		for i := 0; i < len(n.Content); i += 2 { // a mapping's Content is key, value pairs
			k, val := n.Content[i], n.Content[i+1]
			if m.MapIndex(reflect.ValueOf(k.Value)).IsValid() {
				return d.fail(k, join(path, k.Value), "duplicate key; accepted: each key once")
			}
			x := reflect.New(v.Type().Elem()).Elem()
			if err := d.value(val, x, join(path, k.Value), "applied"); err != nil {
				return err
			}
			d.lines[join(path, k.Value)] = k.Line
			m.SetMapIndex(reflect.ValueOf(k.Value), x)
		}
		v.Set(m)
		return nil
	case reflect.Float64:
		return d.number(n, v, path, tag)
	case reflect.String:
		t, ok := texts[kind]
		if !ok {
			panic("plan: no text kind " + kind) // a types.go tag without a kind
		}
		if n.Kind != yaml.ScalarNode || (n.Tag != "!!str" && !(t.Numeric() && n.Tag == "!!int")) {
			return d.fail(n, path, "%s is not text; accepted: %s", shown(n), t.Accepted())
		}
		if _, err := t.Parse(n.Value); err != nil {
			return d.fail(n, path, "%q: %v", n.Value, err)
		}
		v.SetString(n.Value)
		return nil
	case reflect.Bool:
		var b bool
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || n.Decode(&b) != nil {
			return d.fail(n, path, "%q is not true or false", n.Value)
		}
		v.SetBool(b)
		return nil
	}
	return d.fail(n, path, "cannot be decoded") // not reached for plan types
}

func (d *decoder) object(n *yaml.Node, v reflect.Value, path string) error {
	if n.Kind != yaml.MappingNode {
		what := "the plan"
		if path != "" {
			what = "this key"
		}
		return d.fail(n, path, "%s must hold keys (a mapping), not %s", what, nodeKind(n))
	}
	t := v.Type()
	seen := map[string]bool{}
	seenAs := map[string]string{}            // key → the name it was given by (an alias)
	for i := 0; i < len(n.Content); i += 2 { // a mapping's Content is key, value pairs
		k, val := n.Content[i], n.Content[i+1]
		field, ok := fieldByKey(t, k.Value)
		if !ok {
			return d.fail(k, join(path, k.Value), "unknown key%s; accepted: %s", nearest(t, k.Value), strings.Join(keys(t), ", "))
		}
		if seen[yamlKey(field)] {
			if seenAs[yamlKey(field)] != k.Value {
				return d.fail(k, join(path, k.Value), "%s and %s are the same section (%s is its earlier name); accepted: one of them", yamlKey(field), aliasOption(field.Tag.Get("plan")), aliasOption(field.Tag.Get("plan")))
			}
			return d.fail(k, join(path, k.Value), "duplicate key; accepted: each key once")
		}
		seen[yamlKey(field)] = true
		seenAs[yamlKey(field)] = k.Value
		if err := d.value(val, v.FieldByIndex(field.Index), join(path, k.Value), field.Tag.Get("plan")); err != nil {
			return err
		}
		d.lines[join(path, k.Value)] = k.Line
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if strings.Contains(f.Tag.Get("plan"), "required") && !seen[yamlKey(f)] {
			return d.fail(n, join(path, yamlKey(f)), "missing; accepted: %s", lowerFirst(f.Tag.Get("doc")))
		}
	}
	return nil
}

func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("the value %q", n.Value)
	}
	return "this"
}

// number decodes a numeric kind: a YAML number, or for percentages, shares and
// durations their string forms ("85%", "25%", "6m30s").
func (d *decoder) number(n *yaml.Node, v reflect.Value, path, tag string) error {
	k, ok := kinds[tagKind(tag)]
	if !ok {
		panic("plan: no numeric kind " + tag) // a types.go tag without a kind
	}
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float" && n.Tag != "!!str") {
		what := "a number"
		if k.IsDuration() {
			what = "a duration"
		}
		return d.fail(n, path, "%s is not %s; accepted: %s", shown(n), what, k.Accepted())
	}
	var x float64
	var err error
	if n.Tag == "!!str" {
		x, err = k.ParseString(n.Value)
	} else {
		x, err = k.Parse(n.Value)
	}
	if err != nil {
		return d.fail(n, path, "%s: %v", shown(n), err)
	}
	if n.Tag != "!!str" && k.IsDuration() && hasOption(tag, "note-minutes") {
		d.warnings = append(d.warnings, (&Error{File: d.file, Line: n.Line, Path: path,
			Msg: fmt.Sprintf("%s is read as %s minutes; write %ss for seconds", n.Value, input.Format(x), n.Value)}).Error())
	}
	v.SetFloat(x)
	return nil
}

// shown is a value as typed: a number as it is, text quoted.
func shown(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		if n.Tag == "!!int" || n.Tag == "!!float" {
			return n.Value
		}
		return strconv.Quote(n.Value)
	}
	return nodeKind(n)
}

// describe says what a value of this kind accepts.
func describe(t reflect.Type, kind string) string {
	if k, ok := kinds[kind]; ok {
		return "accepted: " + k.Accepted()
	}
	if x, ok := texts[kind]; ok {
		return "accepted: " + x.Accepted()
	}
	return "accepted: " + t.Kind().String()
}

func yamlKey(f reflect.StructField) string {
	k, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	return k
}

func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.IsExported() && (yamlKey(f) == key || aliasOption(f.Tag.Get("plan")) == key && key != "") {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// aliasOption is the earlier name a key's "alias=KEY" option still accepts: a
// section named after a product AWS has since renamed.
func aliasOption(tag string) string {
	for _, o := range strings.Split(tag, ",") {
		if k, ok := strings.CutPrefix(o, "alias="); ok {
			return k
		}
	}
	return ""
}

func keys(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); f.IsExported() && yamlKey(f) != "" {
			out = append(out, yamlKey(f))
			if a := aliasOption(f.Tag.Get("plan")); a != "" {
				out = append(out, a)
			}
		}
	}
	sort.Strings(out)
	return out
}

// nearest suggests the accepted key closest to a typo.
func nearest(t reflect.Type, key string) string {
	best := suggest.Nearest(key, keys(t), 3)
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", best)
}

// errorf builds a plan error at the line of a key path.
func (p *Plan) errorf(path, format string, args ...any) error {
	return &Error{File: p.file, Line: p.lines[path], Path: path, Msg: fmt.Sprintf(format, args...)}
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// at is file:line of a key path, or the file alone when the line is not known.
func (p *Plan) at(path string) string {
	if line := p.lines[path]; line > 0 {
		return fmt.Sprintf("%s:%d", p.file, line)
	}
	return p.file
}
