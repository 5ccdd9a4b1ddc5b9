// Command jsonbaseline is the yardstick for docs/PERFORMANCE.md: the smallest Go
// program that prints the same bytes as
//
//	connectcap analytics --duration 10 --cph 3000 -o json
//
// The result is hard-coded on purpose. No flags, config, sizing or rendering: only Go's
// own start-up and one write, so its run time is the floor a whole connectcap run is
// compared against. If connectcap's JSON for these inputs changes, update the text
// (it must stay byte-for-byte equal; docs/PERFORMANCE.md shows the cmp check).
package main

import "os"

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

func main() {
	if _, err := os.Stdout.WriteString(analyticsJSON); err != nil {
		os.Exit(1)
	}
}
