package input

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/connectcap/connectcap/tables"
)

// Text is one kind of text value: a Region, a choice, a name, an ARN.
type Text struct {
	name     string
	bad      string // what a value of the wrong form is not: "not an AWS Region code"
	accepted string
	choices  []string // when set, the value is one of these
	pattern  string   // when set, the value matches it (RE2 and ECMA-262 alike)
	minLen   int
	maxLen   int // in characters; 0: no limit
	// numeric marks choices that are numbers (editions, years): a plan may write
	// them bare (edition: 2026) as well as quoted.
	numeric bool
	re      func() *regexp.Regexp
}

func newText(t Text) Text {
	if t.pattern != "" {
		t.re = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(t.pattern) })
	}
	return t
}

// The text kinds.
var (
	// Region is an AWS Region code.
	Region = newText(Text{name: "region", bad: "not an AWS Region code", choices: tables.AWSRegions,
		accepted: fmt.Sprintf("a Region code such as us-east-1 or eu-west-2 (Amazon Connect Regions: %s)", strings.Join(tables.ConnectRegions, ", "))})
	// InstanceName names an instance in a plan.
	InstanceName = newText(Text{name: "name", bad: "not a usable instance name", pattern: `^[A-Za-z0-9][A-Za-z0-9._-]*$`, minLen: 1, maxLen: 64,
		accepted: "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"})
	// Label is free text for a report: 1 to 64 characters.
	Label = newText(Text{name: "text", minLen: 1, maxLen: 64, accepted: "text of 1 to 64 characters"})
	// InstanceARN is an Amazon Connect instance ARN.
	InstanceARN = newText(Text{name: "arn", bad: "not an Amazon Connect instance ARN", pattern: `^arn:aws[a-z-]*:connect:[a-z0-9-]+:[0-9]{12}:instance/[0-9a-fA-F-]{1,64}$`,
		accepted: "arn:aws:connect:REGION:ACCOUNT:instance/ID"})
	// Edition is an edition of the AWS quotas page.
	Edition = newText(Text{name: "edition", bad: "not an edition of the quotas page", choices: editionNames(), numeric: true,
		accepted: "2026 (the current AWS page, the default) or 2023 (the page's 2023 edition)"})
	// EditionCompared is an edition as one side of a comparison (quotas diff
	// --from and --to), where neither side is the default edition.
	EditionCompared = newText(Text{name: "edition", bad: "not an edition of the quotas page", choices: editionNames(), numeric: true,
		accepted: "2026 (the current AWS page) or 2023 (the page's 2023 edition)"})
	// Operation is an API operation name such as GetCurrentMetricData.
	Operation = newText(Text{name: "operation", bad: "not an API operation name", pattern: `^[A-Z][A-Za-z0-9]+$`, minLen: 3, maxLen: 81,
		accepted: "a name such as GetCurrentMetricData"})
)

func editionNames() []string {
	out := make([]string, len(tables.Editions))
	for i, e := range tables.Editions {
		out[i] = string(e)
	}
	return out
}

// Numeric reports whether a bare number is read as the text it is written as.
func (t Text) Numeric() bool { return t.numeric }

// Choice is a text kind with a fixed set of values; what says what they are.
func Choice(what string, choices []string) Text {
	return newText(Text{name: "choice", bad: "not one of the choices", choices: choices, accepted: what + ": " + strings.Join(choices, ", ")})
}

// Name is the declaration: "region", "name", "text", "arn", "operation", "choice".
func (t Text) Name() string { return t.name }

// Choices are the accepted values of a Region or choice kind.
func (t Text) Choices() []string { return t.choices }

// Accepted says what the kind accepts.
func (t Text) Accepted() string { return t.accepted }

// Parse checks a text value and returns it unchanged.
func (t Text) Parse(s string) (string, error) {
	if problem := t.problem(s); problem != "" {
		return "", &Error{Problem: problem, Accepted: t.accepted}
	}
	return s, nil
}

func (t Text) problem(s string) string {
	n := len([]rune(s))
	if t.choices != nil && !slices.Contains(t.choices, s) {
		return t.bad
	}
	if n < t.minLen {
		return "empty"
	}
	if t.maxLen > 0 && n > t.maxLen {
		return "too long"
	}
	if t.re != nil && !t.re().MatchString(s) {
		return t.bad
	}
	return ""
}

// Schema is the kind's JSON Schema fragment.
func (t Text) Schema() map[string]any {
	o := map[string]any{"type": "string"}
	if t.choices != nil {
		o["enum"] = t.choices
	}
	if t.numeric {
		enum := []any{}
		for _, c := range t.choices {
			enum = append(enum, c)
			if n, err := strconv.Atoi(c); err == nil {
				enum = append(enum, n)
			}
		}
		o = map[string]any{"type": []string{"string", "integer"}, "enum": enum}
	}
	if t.pattern != "" {
		o["pattern"] = t.pattern
	}
	if t.minLen > 0 {
		o["minLength"] = t.minLen
	}
	if t.maxLen > 0 {
		o["maxLength"] = t.maxLen
	}
	return o
}
