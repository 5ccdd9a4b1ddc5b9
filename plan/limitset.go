package plan

import (
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
	"github.com/connectcap/connectcap/tables"
)

// LimitSet is what a plan gives sizing done outside its evaluation (needs
// measured from contact records): each instance's limits, the Region, the
// edition and the targets, resolved as an evaluation resolves them.
type LimitSet struct {
	e *evaluator
	// TargetPct and Blocking are the utilization and blocking targets.
	TargetPct, Blocking float64
}

// Limits resolves the limits of base (nil: no plan, the page's defaults) under o.
func Limits(base *Plan, o Options) (*LimitSet, error) {
	if base == nil {
		base = &Plan{}
	}
	e, err := newEvaluator(base, o)
	if err != nil {
		return nil, err
	}
	return &LimitSet{e: e, TargetPct: e.o.TargetPct, Blocking: e.block}, nil
}

// NameOf is the plan's name of an instance a source names by id and ARN: the
// plan instance with that ARN or name, else the id.
func (l *LimitSet) NameOf(id, arn string) string {
	for _, in := range l.e.p.Instances {
		if arn != "" && in.ARN == arn || in.Name == id {
			return in.Name
		}
	}
	return id
}

// Common is the sizing of the named instance: the plan's applied values for it
// (the instance's, then the plan's), then the page's defaults in the Region.
func (l *LimitSet) Common(name string) sizing.Common {
	for i := range l.e.p.Instances {
		if in := &l.e.p.Instances[i]; in.Name == name {
			return l.e.common(in)
		}
	}
	c := l.e.common(nil)
	c.Instance = name
	return c
}

// Edition is the edition checked against.
func (l *LimitSet) Edition() tables.Edition { return l.e.cat.Edition }

// AddInputs adds the plan file, Region, edition and utilization target to r's
// inputs.
func (l *LimitSet) AddInputs(r *report.Result) {
	var file, region any
	if l.e.p.file != "" {
		file = l.e.p.file
	}
	if l.e.region != "" {
		region = l.e.region
	}
	r.Inputs.Add("plan_file", file, "plan file", "")
	r.Inputs.Add("region", region, "Region", "")
	r.Inputs.Add("edition", string(l.e.cat.Edition), "quotas page edition", "")
	r.Inputs.Add("target_utilization_pct", l.TargetPct, "target utilization", "%")
}
