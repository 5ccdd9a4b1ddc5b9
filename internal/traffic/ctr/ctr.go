package ctr

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"time"

	"github.com/connectcap/connectcap/internal/traffic"
)

// Kind is a quota the records are measured against.
type Kind int

// The kinds, in the order results list them.
const (
	Calls         Kind = iota // connect.concurrent-active-calls
	Chats                     // concurrent active chats
	Tasks                     // concurrent active tasks
	Emails                    // concurrent active emails
	PostCallJobs              // concurrent post-call analytics jobs
	RealtimeCalls             // concurrent calls with real-time analytics
	NumKinds
)

var kindNames = [NumKinds]string{"calls", "chats", "tasks", "emails", "post_call_jobs", "realtime_calls"}

func (k Kind) String() string {
	if k < 0 || k >= NumKinds {
		return fmt.Sprintf("kind(%d)", int(k))
	}
	return kindNames[k]
}

// Options tune Measure; the zero value is the defaults.
type Options struct {
	// PostCallFactor is a post-call analytics job's length as a share of the
	// call's time in Connect; 0 means 0.4.
	PostCallFactor float64
	// Interval is the grid of Result intervals; 0 means 15 minutes. It must
	// divide 24 hours evenly and be at least a second.
	Interval time.Duration
	// Workers parse in parallel; 0 means runtime.GOMAXPROCS(0).
	Workers int
	// MaxSamples is how many problems are kept with their position; 0 means 5.
	MaxSamples int
	// Progress, when set, is called from one goroutine at most about 4 times a
	// second while reading, and once at the end.
	Progress func(Progress)
}

// DefaultPostCallFactor is a post-call analytics job's length as a share of
// the call's time in Connect, the estimate of the quotas page.
const DefaultPostCallFactor = 0.4

// Progress is how far Measure has read.
type Progress struct {
	Bytes, Records int64
	Elapsed        time.Duration
}

// Result is the concurrency measured over all sources.
type Result struct {
	Files int
	// Bytes of JSON read (after decompression).
	Bytes int64
	// Records is the number of objects read, of every outcome:
	// Records = Distinct + Duplicates + Monitor + NeverDequeued + Problems.
	Records int64
	// Distinct is the number of distinct contacts kept and counted.
	Distinct int64
	// Duplicates counts deliveries dropped or superseded by a later update of
	// the same contact.
	Duplicates int64
	// Monitor counts distinct MONITOR contacts (supervisors listening in): not
	// customer contacts, in no quota.
	Monitor int64
	// NeverDequeued counts distinct CALLBACK contacts never dequeued to an
	// agent: they never counted as calls.
	NeverDequeued int64
	// Problems counts records that could not be counted, by kind in
	// ProblemKinds; Samples holds the first MaxSamples in input order.
	Problems     int64
	ProblemKinds map[string]int64
	Samples      []traffic.Problem
	// Start is the earliest counted start, End the latest counted end (UTC);
	// zero when nothing was counted.
	Start, End time.Time
	Step       time.Duration
	Instances  []Instance // sorted by Name
	// Account is every instance's contacts together, when there are several:
	// the account-level quotas' concurrency (Peaks and each interval's Peak
	// only; no Channels). nil with one instance, whose figures are the account's.
	Account *Instance
	// Sources name the sources read, in order.
	Sources []string
}

// Instance is the concurrency measured for one Amazon Connect instance.
type Instance struct {
	// ARN is the InstanceARN; Name the instance id after "instance/" in it (the
	// whole ARN when it has no such part).
	ARN, Name string
	Peaks     [NumKinds]Peak
	// Intervals are every Step from the floor (aligned to Step from the Unix
	// epoch, UTC) of the instance's first counted start to its last counted end,
	// empty intervals included.
	Intervals []Interval
}

// Peak is the highest concurrency of a kind.
type Peak struct {
	Value int
	// At is the first instant the peak is reached.
	At time.Time
	// Seen says whether any contact of the kind was counted (a peak of 0 may
	// come from spans of zero length).
	Seen bool
}

// Interval is one instance's measure over [Start, Start+Step).
type Interval struct {
	Start time.Time
	// Peak is each kind's peak concurrency within the interval.
	Peak [NumKinds]int
	// Channels are the interval's traffic per channel (Campaign stays empty).
	Channels [traffic.NumChannels]traffic.Load
}

// Series is the result as traffic over time, for plan evaluation.
func (r *Result) Series() traffic.Series {
	s := traffic.Series{Step: r.Step, Sources: append([]string(nil), r.Sources...)}
	for _, in := range r.Instances {
		ti := traffic.Instance{Name: in.Name, ARN: in.ARN, Intervals: make([]traffic.Interval, len(in.Intervals))}
		for k, iv := range in.Intervals {
			ti.Intervals[k] = traffic.Interval{Start: iv.Start, Channels: iv.Channels}
		}
		s.Instances = append(s.Instances, ti)
	}
	return s
}

func (o Options) withDefaults() (Options, error) {
	if o.PostCallFactor == 0 {
		o.PostCallFactor = DefaultPostCallFactor
	}
	if math.IsNaN(o.PostCallFactor) || o.PostCallFactor < 0 || o.PostCallFactor > 100 {
		return o, fmt.Errorf("post-call factor %v: must be from 0 to 100", o.PostCallFactor)
	}
	if o.Interval == 0 {
		o.Interval = 15 * time.Minute
	}
	if o.Interval < time.Second || (24*time.Hour)%o.Interval != 0 || o.Interval%time.Millisecond != 0 {
		return o, fmt.Errorf("interval %v: must divide 24h evenly, be at least 1s and whole milliseconds", o.Interval)
	}
	if o.Workers == 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Workers < 0 {
		return o, fmt.Errorf("workers %d: must be at least 1", o.Workers)
	}
	if o.MaxSamples == 0 {
		o.MaxSamples = 5
	}
	if o.MaxSamples < 0 {
		return o, fmt.Errorf("max samples %d: must be at least 1", o.MaxSamples)
	}
	return o, nil
}

// instanceName is the instance id after "instance/" in an ARN, or the ARN.
func instanceName(arn string) string {
	k := strings.LastIndex(arn, "instance/")
	if k < 0 || k+len("instance/") == len(arn) {
		return arn
	}
	name := arn[k+len("instance/"):]
	if j := strings.IndexByte(name, '/'); j > 0 {
		name = name[:j]
	}
	return name
}
