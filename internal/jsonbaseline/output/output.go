// Package output holds the bytes the performance yardsticks print: what
//
//	connectcap analytics --duration 10 --cph 3000 -o json
//
// prints. A test in package cmd checks that they stay equal.
package output

// AnalyticsJSON is connectcap's JSON for those inputs.
const AnalyticsJSON = `{
  "schema_version": 3,
  "command": "analytics",
  "inputs": {
    "duration_minutes": 10,
    "calls_per_hour": 3000,
    "region": null,
    "target_utilization_pct": 80,
    "edition": "2026"
  },
  "figures": {
    "post_call_jobs": 200,
    "post_call_jobs_rounded": 200
  },
  "checks": [
    {
      "id": "contact-lens.concurrent-post-call-jobs",
      "name": "Concurrent post-call analytics jobs",
      "instance": null,
      "service": "conversational-analytics",
      "required": 200,
      "recommended": 250,
      "limit": 200,
      "unit": "count",
      "limit_source": "default",
      "edition": "2026",
      "utilization_pct": 100,
      "status": "warn",
      "adjustable": "yes",
      "level": "account",
      "service_code": null,
      "quota_code": null,
      "note": "A job runs for about 40% of the call length (a planning estimate that can vary): jobs = minutes x 0.4 x calls per hour / 60, for calls spread evenly over the hour. Only contacts with conversational analytics enabled start a job."
    }
  ]
}
`
