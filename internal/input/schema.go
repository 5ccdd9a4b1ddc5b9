package input

import (
	"fmt"
	"strings"
)

// Schema is the kind's JSON Schema fragment (draft 2020-12), from the same bounds
// that Parse checks.
func (k Kind) Schema() map[string]any {
	n := k.numberSchema()
	switch k.form {
	case duration:
		return map[string]any{"anyOf": []any{n, map[string]any{
			"type": "string", "pattern": durationPattern,
			"description": DurationForms,
		}}}
	case percent:
		if k.min < 1 {
			// A number strictly between 0 and 1 is a share written for a percentage.
			n["not"] = map[string]any{"exclusiveMinimum": 0, "exclusiveMaximum": 1}
		}
		return map[string]any{"anyOf": []any{n, map[string]any{
			"type": "string", "pattern": percentPattern(k.min, k.max, k.minOpen, k.maxOpen),
			"description": "a percentage with %, such as 80%",
		}}}
	case share:
		return map[string]any{"anyOf": []any{n, map[string]any{
			"type": "string", "pattern": percentPattern(k.min*100, k.max*100, k.minOpen, k.maxOpen),
			"description": "a percentage with %, such as 25%",
		}}}
	}
	return n
}

func (k Kind) numberSchema() map[string]any {
	o := map[string]any{"type": "number"}
	if k.whole {
		o["type"] = "integer"
	}
	if k.minOpen {
		o["exclusiveMinimum"] = k.min
	} else {
		o["minimum"] = k.min
	}
	if k.maxOpen {
		o["exclusiveMaximum"] = k.max
	} else {
		o["maximum"] = k.max
	}
	return o
}

// durationPattern is Minutes' grammar: a plain number, or numbers with units. Its
// bounds (1 s to 7 d) are beyond a practical pattern; the decoder checks them.
const durationPattern = `^\s*\+?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|((\d+\.?\d*|\.\d+)(ns|us|µs|ms|[dhms]))+)\s*$`

// Pieces of a percentage written with '%', by value (leading zeros allowed, as the
// parser allows them).
const (
	pctZero        = `[+-]?(0+\.?0*|\.0+)`   // 0, 0.0, .0, -0
	pctBelowOne    = `\+?0*\.\d*[1-9]\d*`    // 0.5, .05
	pctOneTo100    = `\+?0*[1-9]\d?(\.\d*)?` // 1 up to less than 100
	pctHundred     = `\+?0*100(\.0*)?`       // 100, 100.0
	pctPatternHead = `^\s*(`
	pctPatternTail = `)\s*%\s*$`
)

// percentPattern matches a percentage with '%' from lo to hi. It knows the ranges
// connectcap uses; another one panics, so that a test finds it.
func percentPattern(lo, hi float64, loOpen, hiOpen bool) string {
	var parts []string
	if lo == 0 && !loOpen {
		parts = []string{pctZero, pctBelowOne, pctOneTo100}
	} else if lo == 0 && loOpen {
		parts = []string{pctBelowOne, pctOneTo100}
	} else if lo == 1 && !loOpen {
		parts = []string{pctOneTo100}
	} else {
		panic(fmt.Sprintf("input: no pattern for percentages from %v (open %v)", lo, loOpen))
	}
	if hi != 100 {
		panic(fmt.Sprintf("input: no pattern for percentages up to %v (open %v)", hi, hiOpen))
	}
	if !hiOpen {
		parts = append(parts, pctHundred)
	}
	return pctPatternHead + strings.Join(parts, "|") + pctPatternTail
}
