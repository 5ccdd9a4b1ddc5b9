// Command libfloor is a second yardstick for docs/PERFORMANCE.md: the minimal
// program of internal/jsonbaseline, plus the libraries connectcap is built on
// (cobra, viper, tablewriter and go-yaml), linked in and initialised but not
// used. The gap between it and jsonbaseline is the start-up those libraries cost
// any program; the gap between connectcap and it is connectcap's own.
package main

import (
	"os"

	_ "github.com/olekukonko/tablewriter"
	_ "github.com/spf13/cobra"
	_ "github.com/spf13/viper"
	_ "go.yaml.in/yaml/v3"
)

func main() {
	os.Stdout.WriteString(analyticsJSON)
}

const analyticsJSON = `{
  "schema_version": 1,
  "command": "analytics",
  "inputs": {
    "duration_minutes": 10,
    "calls_per_hour": 3000,
    "region": null,
    "target_utilization_pct": 80
  },
  "figures": {
    "post_call_jobs": 200,
    "post_call_jobs_rounded": 200
  },
  "checks": [
    {
      "id": "contact-lens.concurrent-post-call-jobs",
      "name": "Concurrent post-call analytics jobs",
      "service": "contact-lens",
      "required": 200,
      "recommended": 250,
      "limit": 200,
      "limit_source": "default",
      "utilization_pct": 100,
      "status": "warn",
      "adjustable": "yes",
      "service_code": null,
      "quota_code": null,
      "note": "A job runs for about 40% of the call length: jobs = minutes x 0.4 x calls per hour / 60, for calls spread evenly over the hour."
    }
  ]
}
`
