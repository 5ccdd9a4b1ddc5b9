package plan

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/connectcap/connectcap/render"
)

// FuzzDecode: Decode never panics, refuses with a located *Error, and a plan it
// accepts evaluates and turns into requests without panicking.
//
//	go test ./plan -run '^$' -fuzz FuzzDecode -fuzztime 60s
func FuzzDecode(f *testing.F) {
	for _, data := range samplePlans(f) {
		f.Add(data)
	}
	for _, name := range []string{"twin.yaml", "twin.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, tc := range badPlans {
		f.Add([]byte(tc.plan))
	}
	f.Add([]byte(emailPlan))
	f.Add([]byte(`{"instances": [{"name": "a", "users": {"agents": 10}}]}`))
	f.Add([]byte("instances:\n  - &a {name: a}\n  - *a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Decode(data, "fuzz.yaml")
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("Decode returned a %T: %v", err, err)
			}
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if emptyRequiredDuration(p) {
			t.Fatal("Decode accepted a required duration without a value")
		}
		if large(p) {
			return // valid, and sized correctly, but too slow to evaluate per fuzz input
		}
		for _, o := range []Options{{}, {All: true, Region: "us-east-1", TargetPct: 50}} {
			ev, err := Evaluate(p, o)
			if err != nil {
				var pe *Error
				if !errors.As(err, &pe) {
					t.Fatalf("Evaluate returned a %T: %v", err, err)
				}
				return
			}
			if len(ev.Items) != len(ev.Result.Checks) {
				t.Fatalf("%d items, %d checks", len(ev.Items), len(ev.Result.Checks))
			}
			rs, err := BuildRequests(ev, "fuzz.yaml")
			if ev.Region == "" {
				if err == nil {
					t.Fatal("requests without a Region")
				}
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			_ = render.Script(rs)
		}
	})
}

// emptyRequiredDuration reports a required duration key given without a value
// (minutes_in_connect: with nothing after it), which Decode must refuse: Evaluate
// relies on it.
func emptyRequiredDuration(p *Plan) bool {
	for _, in := range p.Instances {
		if t := in.Traffic; t != nil {
			if t.Voice != nil && t.Voice.MinutesInConnect == nil || t.Chat != nil && t.Chat.MinutesInConnect == nil || t.Tasks != nil && t.Tasks.MinutesInConnect == nil ||
				t.Email != nil && t.Email.MinutesInConnect == nil {
				return true
			}
		}
		if u := in.Users; u != nil && u.Staffing != nil && u.Staffing.AnswerWithin == nil {
			return true
		}
	}
	return false
}

// large reports plans whose evaluation takes long (the loss and staffing models
// run in time proportional to applied concurrency quotas and to the load): they
// are valid, and tested elsewhere, but would starve the fuzzer.
func large(p *Plan) bool {
	for _, v := range p.Applied {
		if v > 1e4 {
			return true
		}
	}
	for _, in := range p.Instances {
		for _, v := range in.Applied {
			if v > 1e4 {
				return true
			}
		}
		if t := in.Traffic; t != nil {
			if t.Voice != nil && t.Voice.InboundCallsPerHour*float64(*t.Voice.MinutesInConnect) > 6e5 ||
				t.Chat != nil && t.Chat.ChatsPerHour*float64(*t.Chat.MinutesInConnect) > 6e5 ||
				t.Tasks != nil && t.Tasks.TasksPerHour*float64(*t.Tasks.MinutesInConnect) > 6e5 {
				return true
			}
			if m := t.Email; m != nil && (m.InboundEmailsPerHour*float64(*m.MinutesInConnect) > 6e5 ||
				m.OutboundEmailsPerHour != nil && m.OutboundMinutes != nil && *m.OutboundEmailsPerHour*float64(*m.OutboundMinutes) > 6e5) {
				return true
			}
		}
	}
	return false
}
