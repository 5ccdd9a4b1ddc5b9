package render

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/tables"
)

// The shell script of connectcap request: the Service Quotas calls, the
// support-form requests and the limits that cannot be raised as comments.

func writeSh(w *bytes.Buffer, d report.Document) error {
	rs, ok := d.Body.(*report.Requests)
	if !ok {
		return fmt.Errorf("output format sh is for connectcap request only; accepted here: %s", strings.Join(Formats, ", "))
	}
	w.WriteString(Script(rs))
	return nil
}

// Script renders the requests as a POSIX shell script of AWS CLI calls.
func Script(rs *report.Requests) string {
	var b strings.Builder
	fmt.Fprintf(&b, "#!/bin/sh\n# Quota increase requests for %s (Region %s), from connectcap request.\n", rs.PlanFile, rs.Region)
	fmt.Fprintf(&b, "# Lead time: %s\n# Review every desired value before running this script. A resource-level quota\n# is requested per instance, named by its ARN (--context-id); an account-level\n# quota once for the Region, for the largest value any instance needs.\nset -eu\n", rs.LeadTime)
	any := false
	for _, r := range rs.Requests {
		if r.Method != report.MethodServiceQuotas {
			continue
		}
		any = true
		fmt.Fprintf(&b, "\n# %s: need %s, limit %s (%s)\n", r.Name+instancesSuffix(r), Covered(&r), Human(r.CurrentLimit), r.LimitSource)
		if r.PerInstance && r.ContextID == nil {
			// Left for the planner: a request without the instance would not raise
			// a resource-level quota.
			fmt.Fprintf(&b, "# The plan gives no arn for instance %s: put its ARN in --context-id, then uncomment.\n# %s\n", r.Instances[0], *r.Command)
			continue
		}
		fmt.Fprintf(&b, "%s\n", *r.Command)
	}
	if !any {
		b.WriteString("\n# No Service Quotas requests needed.\n")
	}
	first := true
	for _, r := range rs.Requests {
		if r.Method != report.MethodSupportForm {
			continue
		}
		if first {
			fmt.Fprintf(&b, "\n# These quotas have no Service Quotas code: ask through the quota increase form,\n#   %s\n# pasting:\n", rs.FormURL)
			first = false
		}
		fmt.Fprintf(&b, "#   - %s\n", r.Text)
	}
	if len(rs.CannotRaise) > 0 {
		b.WriteString("\n# Limits that cannot be raised (no request fixes these):\n")
		for _, c := range rs.CannotRaise {
			fmt.Fprintf(&b, "#   - %s: need %s, limit %s. %s\n", blockedName(c), Human(c.Required), Human(c.Limit), c.Note)
		}
	}
	return b.String()
}

func instancesSuffix(r report.Request) string {
	if len(r.Instances) == 0 {
		return ""
	}
	if r.PerInstance || r.ContextID != nil {
		return " [" + r.Instances[0] + "]"
	}
	if r.Level == tables.AccountLevel {
		return " [" + strings.Join(r.Instances, ", ") + "; account level]"
	}
	return " [" + strings.Join(r.Instances, ", ") + "; Region-wide]"
}
