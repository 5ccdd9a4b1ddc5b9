package plan

import (
	"strings"
	"testing"

	"github.com/connectcap/connectcap/tables"
)

// Request wording follows the quota's level: a resource-level request names its
// instance (by ARN when the plan gives it), an account-level one names the account
// and the instances its value covers, and never carries a context id.
func TestRequestWordingByLevel(t *testing.T) {
	_, rs := buildRequests(t, `
region: us-east-1
instances:
  - name: a
    arn: `+arnA+`
    inventory: {queues: 90}
    campaigns: {active: 45}
  - name: b
    inventory: {queues: 95}
    campaigns: {active: 48}
  - name: c
    campaigns: {active: 44}
`, Options{Edition: tables.Edition2026})
	var queues []string
	for _, r := range rs.Requests {
		switch r.ID {
		case "connect.queues":
			queues = append(queues, r.Text)
			if r.Level != tables.ResourceLevel || len(r.Instances) != 1 {
				t.Errorf("queues request: level %s, instances %v", r.Level, r.Instances)
			}
		case "outbound-campaigns.active-campaigns":
			// 48 of 50 needs 60 at 80 %: one request for the largest need.
			want := `Please raise "Active campaigns per instance" to 60 in us-east-1. The quota applies to every instance of the account in the Region (account level); this value covers instances a, b and c. Planned need at peak: `
			if r.ContextID != nil || r.Level != tables.AccountLevel || r.DesiredValue != 60 || !strings.HasPrefix(r.Text, want) {
				t.Errorf("active campaigns request: context %v, level %s, desired %v, text\n %q\nwant prefix\n %q", r.ContextID, r.Level, r.DesiredValue, r.Text, want)
			}
			if r.Command != nil || r.Method != "support-form" {
				t.Errorf("active campaigns: method %s, command %v; the row has no quota code", r.Method, r.Command)
			}
		}
	}
	want := []string{
		`Please raise "Queues per instance" to 113 in us-east-1 for instance a (` + arnA + `). The quota applies per instance (resource level), so the request names the instance. Planned need at peak: 90 `,
		`Please raise "Queues per instance" to 119 in us-east-1 for instance b. The quota applies per instance (resource level) and cannot be raised for the account: the plan gives no arn for the instance, so name it by its ARN in the request. Planned need at peak: 95 `,
	}
	if len(queues) != len(want) {
		t.Fatalf("queues requests %q", queues)
	}
	for i := range want {
		if !strings.HasPrefix(queues[i], want[i]) {
			t.Errorf("queues request %d:\n got %q\nwant %q...", i, queues[i], want[i])
		}
	}
	if got := instancesText([]string{"a"}); got != "instance a" {
		t.Errorf("instancesText(a) = %q", got)
	}
	if got := instancesText([]string{"a", "b"}); got != "instances a and b" {
		t.Errorf("instancesText(a, b) = %q", got)
	}
}
