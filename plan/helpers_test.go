package plan

import (
	"strings"
	"testing"

	"github.com/connectcap/connectcap/tables"
)

// findCheck returns the item of check id for instance ("" for an account check),
// or nil.
func findCheck(ev *Evaluation, id, instance string) *Item {
	for i := range ev.Items {
		it := &ev.Items[i]
		if it.Check.ID == id && it.Instance == instance {
			return it
		}
	}
	return nil
}

// mustCheck is findCheck that fails the test when the check is missing.
func mustCheck(t *testing.T, ev *Evaluation, id, instance string) *Item {
	t.Helper()
	it := findCheck(ev, id, instance)
	if it == nil {
		var ids []string
		for _, it := range ev.Items {
			ids = append(ids, it.Check.ID+"["+it.Instance+"]")
		}
		t.Fatalf("no check %s for instance %q; checks: %s", id, instance, strings.Join(ids, " "))
	}
	return it
}

// evaluate decodes and evaluates a plan, failing the test on an error. Most plan
// tests check figures worked from the source document (the 2023 edition), so
// without an edition in the options or the plan they evaluate against it; tests
// of the current edition say so (Options.Edition, or edition: in the plan).
func evaluate(t *testing.T, plan string, o Options) *Evaluation {
	t.Helper()
	if o.Edition == "" && o.DefaultEdition == "" {
		o.DefaultEdition = tables.Edition2023
	}
	p, err := Decode([]byte(plan), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if o.DefaultEdition == "" {
		// These tests check the source document's figures (the 2023 edition); a
		// plan's own edition key, or Options.Edition, still chooses another.
		o.DefaultEdition = tables.Edition2023
	}
	ev, err := Evaluate(p, o)
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

// figure returns a figure's value as a float64.
func figure(t *testing.T, ev *Evaluation, key string) float64 {
	t.Helper()
	v, ok := ev.Result.Figures.Get(key)
	if !ok {
		var keys []string
		for _, f := range ev.Result.Figures {
			keys = append(keys, f.Key)
		}
		t.Fatalf("no figure %s; figures: %s", key, strings.Join(keys, " "))
	}
	switch x := v.(type) {
	case float64:
		return x
	case int:
		return float64(x)
	}
	t.Fatalf("figure %s is a %T", key, v)
	return 0
}
