// Package report holds the one result shape that every connectcap calculation
// returns: its inputs, its figures and its quota checks. It grades needs against
// limits; rendering lives in package render.
package report

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/connectcap/connectcap/calc"
	"github.com/connectcap/connectcap/tables"
	"go.yaml.in/yaml/v3"
)

// SchemaVersion is the version of the JSON, YAML and CSV shapes. It changes only
// when a field is renamed, removed or changes meaning.
const SchemaVersion = 1

// Result is what a calculation returns.
type Result struct {
	SchemaVersion int     `json:"schema_version" yaml:"schema_version"`
	Command       string  `json:"command" yaml:"command"`
	Inputs        Fields  `json:"inputs" yaml:"inputs"`
	Figures       Fields  `json:"figures" yaml:"figures"`
	Checks        []Check `json:"checks" yaml:"checks"`
	// Title names the calculation for people; machine formats leave it out.
	Title string `json:"-" yaml:"-"`
	// Hidden counts checks left out of Checks because they need no action
	// (plan --only-actions), for the people's summary.
	Hidden int `json:"-" yaml:"-"`
}

// New starts a result for command.
func New(command, title string) *Result {
	return &Result{SchemaVersion: SchemaVersion, Command: command, Title: title, Inputs: Fields{}, Figures: Fields{}, Checks: []Check{}}
}

// Field is one named value. Key carries the unit (duration_minutes); Label and Unit
// are for people.
type Field struct {
	Key   string
	Value any // float64, int, string, bool or nil
	Label string
	Unit  string
}

// Fields is an ordered set of named values, encoded as an object in that order.
type Fields []Field

// Add appends a field.
func (f *Fields) Add(key string, value any, label, unit string) {
	*f = append(*f, Field{Key: key, Value: value, Label: label, Unit: unit})
}

// Get returns the value of key.
func (f Fields) Get(key string) (any, bool) {
	for _, x := range f {
		if x.Key == key {
			return x.Value, true
		}
	}
	return nil, false
}

// MarshalJSON encodes the fields as one object, keys in order.
func (f Fields) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, x := range f {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(x.Key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(x.Value)
		if err != nil {
			return nil, fmt.Errorf("field %s: %w", x.Key, err)
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// MarshalYAML encodes the fields as one mapping, keys in order.
func (f Fields) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for _, x := range f {
		var v yaml.Node
		if err := v.Encode(x.Value); err != nil {
			return nil, err
		}
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: x.Key}, &v)
	}
	return n, nil
}

// LimitSource says where a check's limit came from.
type LimitSource string

const (
	FromDefault       LimitSource = "default"        // the page's default
	FromRegionDefault LimitSource = "region-default" // the page's default for the Region
	FromConfig        LimitSource = "config"         // the config file
	FromFlag          LimitSource = "flag"           // a command-line flag
	FromEnv           LimitSource = "env"            // a CONNECTCAP_ environment variable
	FromPlan          LimitSource = "plan"           // a plan file's applied values
)

// Limit is a quota value and where it came from.
type Limit struct {
	Value  float64
	Source LimitSource
}

// DefaultLimit is the page's default for q in region.
func DefaultLimit(q tables.Quota, region string) Limit {
	v, regional := q.DefaultIn(region)
	if regional {
		return Limit{Value: v, Source: FromRegionDefault}
	}
	return Limit{Value: v, Source: FromDefault}
}

// Check is one quota graded against a need. The JSON field order is part of the
// schema.
type Check struct {
	ID             string            `json:"id" yaml:"id"`
	Name           string            `json:"name" yaml:"name"`
	Service        string            `json:"service" yaml:"service"`
	Required       float64           `json:"required" yaml:"required"`
	Recommended    *float64          `json:"recommended" yaml:"recommended"`
	Limit          float64           `json:"limit" yaml:"limit"`
	LimitSource    LimitSource       `json:"limit_source" yaml:"limit_source"`
	UtilizationPct float64           `json:"utilization_pct" yaml:"utilization_pct"`
	Status         calc.Status       `json:"status" yaml:"status"`
	Adjustable     tables.Adjustable `json:"adjustable" yaml:"adjustable"`
	ServiceCode    *string           `json:"service_code" yaml:"service_code"`
	QuotaCode      *string           `json:"quota_code" yaml:"quota_code"`
	Note           string            `json:"note" yaml:"note"`
	// Unit is the quota's unit, for people.
	Unit string `json:"-" yaml:"-"`
}

// CheckFields are the check field names in order: the CSV header.
var CheckFields = []string{"id", "name", "service", "required", "recommended", "limit", "limit_source", "utilization_pct", "status", "adjustable", "service_code", "quota_code", "note"}

// NewCheck grades required against limit for quota q at targetPct utilization.
// note, when not empty, replaces the catalogue's note.
func NewCheck(q tables.Quota, required float64, limit Limit, targetPct float64, note string) Check {
	if note == "" {
		note = q.Note
	}
	return Check{
		ID:             q.ID,
		Name:           q.Name,
		Service:        q.Service,
		Required:       required,
		Recommended:    recommended(q, required, targetPct),
		Limit:          limit.Value,
		LimitSource:    limit.Source,
		UtilizationPct: calc.Utilization(required, limit.Value),
		Status:         calc.Grade(required, limit.Value, targetPct, q.Adjustable.CanRaise()),
		Adjustable:     q.Adjustable,
		ServiceCode:    optional(q.ServiceCode),
		QuotaCode:      optional(q.QuotaCode),
		Note:           note,
		Unit:           q.Unit,
	}
}

// recommended is the value to request; none for a quota that cannot be raised.
func recommended(q tables.Quota, required, targetPct float64) *float64 {
	if !q.Adjustable.CanRaise() {
		return nil
	}
	v := calc.Recommended(required, targetPct)
	return &v
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Worst is the most severe status among the checks (ok when there are none).
func (r *Result) Worst() calc.Status {
	worst := calc.OK
	for _, c := range r.Checks {
		if c.Status.Severity() > worst.Severity() {
			worst = c.Status
		}
	}
	return worst
}

// Counts returns how many checks have each status.
func (r *Result) Counts() map[calc.Status]int {
	m := map[calc.Status]int{}
	for _, c := range r.Checks {
		m[c.Status]++
	}
	return m
}
