package ctr

import (
	"bytes"
	"compress/gzip"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/connectcap/connectcap/internal/traffic"
)

func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

// day is the fixtures' day: every time below is on 2026-03-02, UTC.
func at(hms string) time.Time { return ts("2026-03-02T" + hms + "Z") }

func measure(t *testing.T, o Options, args ...string) *Result {
	t.Helper()
	srcs, err := traffic.Sources(args, strings.NewReader(""))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Measure(srcs, o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func measureText(t *testing.T, o Options, text string) *Result {
	t.Helper()
	srcs, err := traffic.Sources([]string{"-"}, strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Measure(srcs, o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func instanceOf(t *testing.T, r *Result, name string) *Instance {
	t.Helper()
	for k := range r.Instances {
		if r.Instances[k].Name == name {
			return &r.Instances[k]
		}
	}
	t.Fatalf("no instance %q in %+v", name, r.Instances)
	return nil
}

func checkPeak(t *testing.T, in *Instance, k Kind, value int, first string) {
	t.Helper()
	p := in.Peaks[k]
	want := Peak{Value: value, Seen: true}
	if first != "" {
		want.At = at(first)
	}
	if p != want {
		t.Errorf("%s %s peak = %+v, want %+v", in.Name, k, p, want)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// checkLoad compares the fields of a load the fixtures work out by hand.
func checkLoad(t *testing.T, what string, got traffic.Load, contacts, connect, handled, handle, peak float64) {
	t.Helper()
	if got.Contacts != contacts || !near(got.ConnectSeconds, connect) || got.Handled != handled ||
		!near(got.HandleSeconds, handle) || got.Peak != peak || !got.HasPeak || !got.HasHandled || got.HandleStandsIn {
		t.Errorf("%s = %+v, want contacts %v, connect %v s, handled %v, handle %v s, peak %v",
			what, got, contacts, connect, handled, handle, peak)
	}
}

func starts(in *Instance) []time.Time {
	var out []time.Time
	for _, iv := range in.Intervals {
		out = append(out, iv.Start)
	}
	return out
}

// overlap.jsonl, instance aaaa (the first record carries realistic noise:
// Attributes whose keys and values repeat field names, escapes, Recordings, a
// nested Numbers array):
//
//	c1 10:00-10:10  c2 10:05-10:20  c3 10:08-10:09  c4 10:20-10:30  c5 10:10-10:12
//
// At 10:08 c1, c2 and c3 are open: 3, the peak, first reached then. At 10:10 c1
// ends as c5 starts (half-open: no overlap): 2; at 10:20 c2 ends as c4 starts: 1.
// Intervals: [10:00,10:15) has starts c1 c2 c3 c5 (600+900+60+120 s, mean 420 s),
// peak 3; [10:15,10:30) has c4 (600 s), peak 1 (c2 carried over, then c4). The
// last end is 10:30, so there is no interval 10:30. Only c1 reached an agent:
// 10:01 to the later of disconnect 10:10 and ACW end 10:11, 600 s.
func TestOverlapFixture(t *testing.T) {
	r := measure(t, Options{}, "testdata/overlap.jsonl")
	if r.Records != 5 || r.Distinct != 5 || r.Problems != 0 || r.Duplicates != 0 || r.Files != 1 {
		t.Fatalf("counts: %+v", r)
	}
	in := instanceOf(t, r, "aaaa")
	if in.ARN != "arn:aws:connect:us-east-1:123456789012:instance/aaaa" {
		t.Errorf("ARN %q", in.ARN)
	}
	checkPeak(t, in, Calls, 3, "10:08:00")
	for _, k := range []Kind{Chats, Tasks, Emails, PostCallJobs, RealtimeCalls} {
		if in.Peaks[k] != (Peak{}) {
			t.Errorf("%s: %+v, want nothing", k, in.Peaks[k])
		}
	}
	if got, want := starts(in), []time.Time{at("10:00:00"), at("10:15:00")}; !reflect.DeepEqual(got, want) {
		t.Fatalf("intervals %v, want %v", got, want)
	}
	checkLoad(t, "10:00 voice", in.Intervals[0].Channels[traffic.Voice], 4, 420, 1, 600, 3)
	checkLoad(t, "10:15 voice", in.Intervals[1].Channels[traffic.Voice], 1, 600, 0, 0, 1)
	if in.Intervals[0].Peak[Calls] != 3 || in.Intervals[1].Peak[Calls] != 1 {
		t.Errorf("interval peaks %v %v", in.Intervals[0].Peak, in.Intervals[1].Peak)
	}
	if !r.Start.Equal(at("10:00:00")) || !r.End.Equal(at("10:30:00")) || r.Start.Location() != time.UTC {
		t.Errorf("span %v %v", r.Start, r.End)
	}
	sh := in.Intervals[0].Channels[traffic.Voice].Shares
	if sh.Has != traffic.HasPostCall|traffic.HasRealtime || sh.PostCall != 0 || sh.Realtime != 0 {
		t.Errorf("shares %+v", sh)
	}
	if in.Intervals[0].Channels[traffic.Campaign] != (traffic.Load{}) {
		t.Errorf("campaign not empty")
	}
}

// voice.jsonl, instance bbbb:
//
//	cb-dequeued  CALLBACK initiated 09:00, dequeued 09:40, disconnect 09:50: a
//	             call 09:40-09:50; agent 09:41 to ACW end 09:52: handle 660 s
//	cb-never     CALLBACK never dequeued: no call (NeverDequeued)
//	ext-transfer 09:30-10:30, transferred to a TELEPHONE_NUMBER, completed 09:45:
//	             a call 09:30-09:45
//	leg-1        09:44-09:48 (transferred to a flow, not a number: no cut)
//	leg-2        09:46-09:55, the TRANSFER leg: counts too
//	monitor-1    09:46-09:50 MONITOR: in no quota
//
// At 09:44: ext, cb, leg-1 = 3; 09:45 ext ends: 2; 09:46 leg-2: 3; 09:48: 2. Peak
// 3 first at 09:44 (counting the monitor, or ext to 10:30, would give 4 at 09:46).
// The first counted start is 09:30 (not the callback's 09:00): intervals 09:30
// (starts ext 900 s, cb 600 s, leg-1 240 s: mean 580 s; cb handled, 660 s; peak 3)
// and 09:45 (leg-2 540 s; at 09:45 cb and leg-1 are open, then leg-2: peak 3).
func TestVoiceFixture(t *testing.T) {
	r := measure(t, Options{}, "testdata/voice.jsonl")
	if r.Records != 6 || r.Distinct != 4 || r.Monitor != 1 || r.NeverDequeued != 1 || r.Problems != 0 {
		t.Fatalf("counts: %+v", r)
	}
	in := instanceOf(t, r, "bbbb")
	checkPeak(t, in, Calls, 3, "09:44:00")
	if got, want := starts(in), []time.Time{at("09:30:00"), at("09:45:00")}; !reflect.DeepEqual(got, want) {
		t.Fatalf("intervals %v, want %v", got, want)
	}
	checkLoad(t, "09:30 voice", in.Intervals[0].Channels[traffic.Voice], 3, 580, 1, 660, 3)
	checkLoad(t, "09:45 voice", in.Intervals[1].Channels[traffic.Voice], 1, 540, 0, 0, 3)
}

// channels.jsonl, instance cccc:
//
//	t1 TASK 12:00, disconnect 12:10, ACW end 12:30: 12:00-12:30; agent 12:05:
//	   handle 12:05-12:30 = 1500 s
//	t2 TASK 12:20-12:25: at 12:20 t1 and t2 = 2 (t1 cut at its disconnect would
//	   give 1)
//	e1 EMAIL 12:00-12:01 (ACW end 11:00 is earlier: the disconnect counts)
//	e2 EMAIL 12:00:30, disconnect 12:00:40, ACW end 12:02: 12:00:30-12:02: 2 at
//	   12:00:30
//	ch1 CHAT 12:00-12:20 with ContactLens, ch2 12:10-12:15: 2 at 12:10; share
//	   1/2 in [12:00,12:15)
//	v1 VOICE 12:00:00.250-12:10:00.250, RealTime+PostContact, connected to the
//	   system at initiation: job 12:10:00.250 + 0.4 x 600 s = to 12:14:00.250
//	v2 VOICE 12:09:00-12:12:00.500, PostContact, system 12:09:30: job 0.4 x
//	   150.5 s = 60.2 s, 12:12:00.500-12:13:00.700
//	v3 VOICE 12:10:00.250-12:11:00 RealTime (starts as v1 ends)
//	v4 VOICE 12:10:00.249-12:10:00.251 RealTime
//	v5 VOICE 12:19-12:20, PostContact, system 12:20 = disconnect: a job of zero
//	   length, which counts nothing
//
// Calls: at 12:10:00.249 v1, v2, v4 = 3 (peak); at 12:10:00.250 v1 ends, v3
// starts: 3 still. Real-time: v1, then v4 at 12:10:00.249: 2 (peak), then v1 ends
// as v3 starts: 2. Jobs: v1's and v2's overlap from 12:12:00.500: 2. With factor
// 0.1 v1's job is 12:10:00.250-12:11:00.250 and v2's 12:12:00.500 + 15.05 s: they
// do not overlap, peak 1 at 12:10:00.250.
func TestChannelsFixture(t *testing.T) {
	r := measure(t, Options{}, "testdata/channels.jsonl")
	if r.Records != 11 || r.Distinct != 11 || r.Problems != 0 {
		t.Fatalf("counts: %+v", r)
	}
	in := instanceOf(t, r, "cccc")
	checkPeak(t, in, Calls, 3, "12:10:00.249")
	checkPeak(t, in, RealtimeCalls, 2, "12:10:00.249")
	checkPeak(t, in, PostCallJobs, 2, "12:12:00.500")
	checkPeak(t, in, Tasks, 2, "12:20:00")
	checkPeak(t, in, Emails, 2, "12:00:30")
	checkPeak(t, in, Chats, 2, "12:10:00")
	if got, want := starts(in), []time.Time{at("12:00:00"), at("12:15:00")}; !reflect.DeepEqual(got, want) {
		t.Fatalf("intervals %v, want %v", got, want)
	}
	i0, i1 := in.Intervals[0], in.Intervals[1]
	// voice in [12:00,12:15): v1 600 s, v2 180.5 s, v3 59.75 s, v4 0.002 s
	checkLoad(t, "12:00 voice", i0.Channels[traffic.Voice], 4, (600+180.5+59.75+0.002)/4, 0, 0, 3)
	if sh := i0.Channels[traffic.Voice].Shares; sh.PostCall != 0.5 || sh.Realtime != 0.75 {
		t.Errorf("12:00 voice shares %+v, want post-call 2/4, real-time 3/4", sh)
	}
	checkLoad(t, "12:15 voice", i1.Channels[traffic.Voice], 1, 60, 0, 0, 1)
	if sh := i1.Channels[traffic.Voice].Shares; sh.PostCall != 1 || sh.Realtime != 0 {
		t.Errorf("12:15 voice shares %+v", sh)
	}
	checkLoad(t, "12:00 task", i0.Channels[traffic.Task], 1, 1800, 1, 1500, 1)
	checkLoad(t, "12:15 task", i1.Channels[traffic.Task], 1, 300, 0, 0, 2)
	checkLoad(t, "12:00 email", i0.Channels[traffic.Email], 2, 75, 0, 0, 2)
	checkLoad(t, "12:15 email", i1.Channels[traffic.Email], 0, 0, 0, 0, 0)
	checkLoad(t, "12:00 chat", i0.Channels[traffic.Chat], 2, 750, 0, 0, 2)
	checkLoad(t, "12:15 chat", i1.Channels[traffic.Chat], 0, 0, 0, 0, 1)
	if sh := i0.Channels[traffic.Chat].Shares; sh.PostChat != 0.5 || sh.Has != traffic.HasPostChat {
		t.Errorf("12:00 chat shares %+v", sh)
	}
	if i0.Peak[PostCallJobs] != 2 || i1.Peak[PostCallJobs] != 0 || i0.Peak[RealtimeCalls] != 2 || i1.Peak[RealtimeCalls] != 0 {
		t.Errorf("interval peaks %v %v", i0.Peak, i1.Peak)
	}

	r = measure(t, Options{PostCallFactor: 0.1}, "testdata/channels.jsonl")
	checkPeak(t, instanceOf(t, r, "cccc"), PostCallJobs, 1, "12:10:00.250")
}

// dups/a.jsonl then dups/b.jsonl, instance dddd: deliveries (span, LastUpdate):
//
//	d1 a: 08:00-08:10 @08:10   b: 08:00-08:30 @08:20  -> b (later update)
//	d2 a: 08:05-08:50 @09:00   b: 08:05-08:06 @08:30  -> a (later update, read first)
//	d3 a: 08:00-08:40 none     a: 08:00-08:01 null    -> the second (tie, read later)
//	d4 a: 08:20-08:25 @08:40   b: 08:20-08:45 @08:40  -> the one read later
//	d5 a: 08:10-08:15 @08:00   a: 08:10-08:55 none    -> the first (one with an update ranks higher)
//
// 10 deliveries, 5 contacts, 5 duplicates. Kept a, b: d1 08:00-08:30, d2
// 08:05-08:50, d3 08:00-08:01, d4 08:20-08:45, d5 08:10-08:15. Peak: 08:10 d1 d2
// d5 = 3 (08:20 is 3 again). Interval 08:00 starts d1 d2 d3 d5: (1800+2700+60+300)/4
// = 1215 s; 08:15 d4 1500 s (read b, a: d4 08:20-08:25, 300 s); 08:30 nothing;
// 08:45 nothing starts, d2 runs to 08:50.
func TestDuplicates(t *testing.T) {
	for _, order := range [][]string{{"testdata/dups/a.jsonl", "testdata/dups/b.jsonl"}, {"testdata/dups/b.jsonl", "testdata/dups/a.jsonl"}} {
		r := measure(t, Options{}, order...)
		if r.Records != 10 || r.Distinct != 5 || r.Duplicates != 5 || r.Files != 2 {
			t.Fatalf("%v: counts %+v", order, r)
		}
		in := instanceOf(t, r, "dddd")
		checkPeak(t, in, Calls, 3, "08:10:00")
		if len(in.Intervals) != 4 {
			t.Fatalf("%v: %d intervals", order, len(in.Intervals))
		}
		checkLoad(t, "08:00", in.Intervals[0].Channels[traffic.Voice], 4, 1215, 0, 0, 3)
		d4 := 1500.0
		if order[0] == "testdata/dups/b.jsonl" {
			d4 = 300
		}
		checkLoad(t, "08:15", in.Intervals[1].Channels[traffic.Voice], 1, d4, 0, 0, 3)
		checkLoad(t, "08:45", in.Intervals[3].Channels[traffic.Voice], 0, 0, 0, 0, 1)
	}
	// The directory holds a.jsonl and b.jsonl: read in lexical order.
	r := measure(t, Options{}, "testdata/dups")
	if r.Files != 2 || !reflect.DeepEqual(r.Sources, []string{"testdata/dups/a.jsonl", "testdata/dups/b.jsonl"}) {
		t.Fatalf("directory: %d files %v", r.Files, r.Sources)
	}
	checkLoad(t, "dir 08:15", instanceOf(t, r, "dddd").Intervals[1].Channels[traffic.Voice], 1, 1500, 0, 0, 3)
}

// bad.jsonl, instance eeee: line by line
//
//	1 good 13:00-13:05           2 truncated object (column 38, after its 37 bytes)
//	3 "not json" (column 2: n.. reads as null)    4 no ContactId
//	5 no InitiationTimestamp     6 DisconnectTimestamp null
//	7 no Channel                 8 no InstanceARN
//	9 month 13                   10 disconnect before initiation
//	11 channel FAX               12 empty: no record
//	13 [1,2]: not an object      14 Queue is a string
//	15 good 13:02-13:03
//
// 14 records, 12 problems, the first five sampled: lines 2 to 6.
func TestBadRecords(t *testing.T) {
	r := measure(t, Options{}, "testdata/bad.jsonl")
	if r.Records != 14 || r.Problems != 12 || r.Distinct != 2 {
		t.Fatalf("counts %+v", r)
	}
	want := map[string]int64{
		ProblemMalformed: 3, ProblemMissingContactID: 1, ProblemMissingInitiation: 1, ProblemMissingDisconnect: 1,
		ProblemMissingChannel: 1, ProblemMissingARN: 1, ProblemBadTimestamp: 1, ProblemEndBeforeStart: 1,
		ProblemUnknownChannel: 1, ProblemBadField: 1,
	}
	if !reflect.DeepEqual(r.ProblemKinds, want) {
		t.Errorf("kinds %v, want %v", r.ProblemKinds, want)
	}
	var lines []int64
	for _, p := range r.Samples {
		lines = append(lines, p.Line)
		if p.File != "testdata/bad.jsonl" {
			t.Errorf("sample file %q", p.File)
		}
	}
	if !reflect.DeepEqual(lines, []int64{2, 3, 4, 5, 6}) {
		t.Errorf("sample lines %v", lines)
	}
	if s := r.Samples[0].String(); s != "testdata/bad.jsonl:2:38: not JSON: unexpected end of the record" {
		t.Errorf("sample 0: %s", s)
	}
	if s := r.Samples[1].String(); s != `testdata/bad.jsonl:3:2: not JSON: invalid character in literal null: 'o'` {
		t.Errorf("sample 1: %s", s)
	}
	if s := r.Samples[2].String(); s != "testdata/bad.jsonl:4: no ContactId" {
		t.Errorf("sample 2: %s", s)
	}
	checkPeak(t, instanceOf(t, r, "eeee"), Calls, 2, "13:02:00")

	r = measure(t, Options{MaxSamples: 20}, "testdata/bad.jsonl")
	lines = nil
	for _, p := range r.Samples {
		lines = append(lines, p.Line)
	}
	if !reflect.DeepEqual(lines, []int64{2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14}) {
		t.Errorf("all sample lines %v", lines)
	}
}

// concat.json, instance ffff: values with no separator (the first holds "}{" in
// a string), then " \n " and more: k1 14:00-14:30, k2 14:10-14:20, k3 without
// InstanceARN, k4 14:12-14:13, k5 cut short. Chats peak 3 at 14:12 (k1 k2 k4).
// Problems by byte offset of the record's first byte, found here by searching
// the text.
func TestConcatenated(t *testing.T) {
	text, err := os.ReadFile("testdata/concat.json")
	if err != nil {
		t.Fatal(err)
	}
	r := measure(t, Options{}, "testdata/concat.json")
	if r.Records != 5 || r.Distinct != 3 || r.Problems != 2 {
		t.Fatalf("counts %+v", r)
	}
	checkPeak(t, instanceOf(t, r, "ffff"), Chats, 3, "14:12:00")
	k3 := int64(bytes.Index(text, []byte(`{"Channel":"CHAT","ContactId":"k3"`)))
	k5 := int64(bytes.Index(text, []byte(`{"Channel":"CHAT","ContactId":"k5"`)))
	if len(r.Samples) != 2 || r.Samples[0].Offset != k3 || r.Samples[0].Line != 0 || r.Samples[1].Offset != k5 {
		t.Fatalf("samples %+v, want offsets %d %d", r.Samples, k3, k5)
	}
	if s := r.Samples[0].String(); s != "testdata/concat.json: byte "+itoa(k3)+": no InstanceARN" {
		t.Errorf("sample: %s", s)
	}
	if r.ProblemKinds[ProblemMalformed] != 1 || r.ProblemKinds[ProblemMissingARN] != 1 {
		t.Errorf("kinds %v", r.ProblemKinds)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func gz(t *testing.T, members ...[]byte) []byte {
	var buf bytes.Buffer
	for _, m := range members {
		zw := gzip.NewWriter(&buf)
		zw.Write(m)
		zw.Close()
	}
	return buf.Bytes()
}

func TestGzipAndStdin(t *testing.T) {
	plain := measure(t, Options{}, "testdata/channels.jsonl")
	text, err := os.ReadFile("testdata/channels.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// two gzip members, split mid-line: the second member continues the line
	cut := bytes.Index(text, []byte(`"ContactId":"e2"`))
	multi := filepath.Join(dir, "multi.json") // no .gz: recognised by its magic
	if err := os.WriteFile(multi, gz(t, text[:cut], text[cut:]), 0o644); err != nil {
		t.Fatal(err)
	}
	got := measure(t, Options{}, multi)
	if !sameCounts(got, plain) {
		t.Errorf("multi-member gzip differs:\n%+v\n%+v", got.Instances, plain.Instances)
	}
	if got.Bytes != int64(len(text)) {
		t.Errorf("bytes %d, want %d (decompressed)", got.Bytes, len(text))
	}
	in := measureText(t, Options{}, string(text))
	if !sameCounts(in, plain) || in.Sources[0] != "-" {
		t.Errorf("stdin differs")
	}
	zin := measureText(t, Options{}, string(gz(t, text)))
	if !sameCounts(zin, plain) {
		t.Errorf("gzip on stdin differs")
	}
	// concatenated, gzip
	ctext, _ := os.ReadFile("testdata/concat.json")
	cz := filepath.Join(dir, "concat.json.gz")
	os.WriteFile(cz, gz(t, ctext[:100], ctext[100:]), 0o644)
	if a, b := measure(t, Options{}, cz), measure(t, Options{}, "testdata/concat.json"); !sameCounts(a, b) || !reflect.DeepEqual(a.Samples[0].Offset, b.Samples[0].Offset) {
		t.Errorf("concatenated gzip differs")
	}
}

// sameCounts compares what two results measured (not where they read it).
func sameCounts(a, b *Result) bool {
	return a.Records == b.Records && a.Distinct == b.Distinct && a.Problems == b.Problems &&
		a.Duplicates == b.Duplicates && reflect.DeepEqual(a.Instances, b.Instances) &&
		reflect.DeepEqual(a.ProblemKinds, b.ProblemKinds) && a.Start.Equal(b.Start) && a.End.Equal(b.End)
}

func TestTruncatedGzip(t *testing.T) {
	text, _ := os.ReadFile("testdata/channels.jsonl")
	z := gz(t, text)
	p := filepath.Join(t.TempDir(), "cut.json.gz")
	os.WriteFile(p, z[:len(z)/2], 0o644)
	srcs, _ := traffic.Sources([]string{p}, nil)
	_, err := Measure(srcs, Options{})
	var re *traffic.ReadError
	if !errors.As(err, &re) || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), "truncated gzip") {
		t.Fatalf("err = %v", err)
	}
	// an unreadable file
	srcs = []traffic.Source{{Name: filepath.Join(t.TempDir(), "gone.json")}}
	_, err = Measure(srcs, Options{})
	if !errors.As(err, &re) || !strings.Contains(err.Error(), "gone.json") {
		t.Fatalf("err = %v", err)
	}
}

func TestSeveralInstances(t *testing.T) {
	r := measure(t, Options{}, "testdata/overlap.jsonl", "testdata/voice.jsonl", "testdata/channels.jsonl")
	var names []string
	for _, in := range r.Instances {
		names = append(names, in.Name)
	}
	if !reflect.DeepEqual(names, []string{"aaaa", "bbbb", "cccc"}) {
		t.Fatalf("instances %v", names)
	}
	checkPeak(t, instanceOf(t, r, "aaaa"), Calls, 3, "10:08:00")
	checkPeak(t, instanceOf(t, r, "bbbb"), Calls, 3, "09:44:00")
	if !r.Start.Equal(at("09:30:00")) || !r.End.Equal(at("12:30:00")) {
		t.Errorf("span %v - %v", r.Start, r.End)
	}
	s := r.Series()
	if s.Step != 15*time.Minute || len(s.Instances) != 3 || s.Instances[1].ARN != "arn:aws:connect:eu-west-2:123456789012:instance/bbbb" ||
		len(s.Instances[2].Intervals) != 2 || s.Instances[2].Intervals[0].Channels[traffic.Task].Peak != 1 || len(s.Sources) != 3 {
		t.Errorf("series %+v", s)
	}
}

// Everything is UTC whatever the local zone: an interval grid of 1 hour, in a
// zone with a daylight saving change that day, still starts on the UTC hour.
func TestUTC(t *testing.T) {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no zone data")
	}
	old := time.Local
	time.Local = loc
	defer func() { time.Local = old }()
	text := `{"Channel":"VOICE","ContactId":"u","InitiationTimestamp":"2026-03-08T06:59:00Z","DisconnectTimestamp":"2026-03-08T07:01:00Z","InstanceARN":"x"}`
	r := measureText(t, Options{Interval: time.Hour}, text)
	in := r.Instances[0]
	if in.Name != "x" || len(in.Intervals) != 2 || !in.Intervals[0].Start.Equal(ts("2026-03-08T06:00:00Z")) ||
		in.Intervals[0].Start.Location() != time.UTC || in.Peaks[Calls].At.Location() != time.UTC {
		t.Fatalf("%+v", in)
	}
}

func TestOptions(t *testing.T) {
	for _, o := range []Options{{Interval: 7 * time.Minute}, {Interval: -time.Minute}, {Interval: time.Millisecond}, {PostCallFactor: -1}, {Workers: -1}, {MaxSamples: -2}} {
		if _, err := Measure(nil, o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
	r, err := Measure(nil, Options{})
	if err != nil || r.Step != 15*time.Minute || len(r.Instances) != 0 {
		t.Fatalf("%v %+v", err, r)
	}
	var names []string
	for k := range NumKinds {
		names = append(names, k.String())
	}
	if strings.Join(names, ",") != "calls,chats,tasks,emails,post_call_jobs,realtime_calls" || Kind(9).String() != "kind(9)" {
		t.Errorf("names %v", names)
	}
}

// The account's concurrency is the sweep of every instance's contacts together:
// two instances whose calls peak at different instants peak together where
// their calls overlap, not at the sum of their peaks.
func TestAccountAcrossInstances(t *testing.T) {
	rec := func(inst, id, start, end string) string {
		return `{"InstanceARN":"arn:aws:connect:us-east-1:1:instance/` + inst + `","ContactId":"` + id + `","Channel":"VOICE","InitiationMethod":"INBOUND","InitiationTimestamp":"` + start + `","ConnectedToSystemTimestamp":"` + start + `","DisconnectTimestamp":"` + end + `","LastUpdateTimestamp":"` + end + `"}` + "\n"
	}
	// Instance a: two calls 10:00-10:10 (peak 2 at 10:00). Instance b: one call
	// 10:05-10:20 and two 10:12-10:14 (peak 3 at 10:12). Together: 3 from 10:05
	// to 10:10, then 1 (b's first) from 10:10, then 3 at 10:12: the account's
	// peak is 3, first reached at 10:05, never 5.
	data := rec("a", "c1", "2026-03-02T10:00:00Z", "2026-03-02T10:10:00Z") +
		rec("a", "c2", "2026-03-02T10:00:00Z", "2026-03-02T10:10:00Z") +
		rec("b", "c3", "2026-03-02T10:05:00Z", "2026-03-02T10:20:00Z") +
		rec("b", "c4", "2026-03-02T10:12:00Z", "2026-03-02T10:14:00Z") +
		rec("b", "c5", "2026-03-02T10:12:00Z", "2026-03-02T10:14:00Z")
	path := filepath.Join(t.TempDir(), "two.jsonl")
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	srcs, err := traffic.Sources([]string{path}, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Measure(srcs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Account == nil {
		t.Fatal("no account figures with two instances")
	}
	p := r.Account.Peaks[Calls]
	if p.Value != 3 || !p.At.Equal(time.Date(2026, 3, 2, 10, 5, 0, 0, time.UTC)) || !p.Seen {
		t.Errorf("account calls peak = %+v, want 3 at 10:05", p)
	}
	if len(r.Account.Intervals) != 2 || r.Account.Intervals[0].Peak[Calls] != 3 || r.Account.Intervals[1].Peak[Calls] != 1 {
		t.Errorf("account intervals = %+v", r.Account.Intervals)
	}
	if a, b := r.Instances[0].Peaks[Calls].Value, r.Instances[1].Peaks[Calls].Value; a != 2 || b != 3 {
		t.Errorf("instance peaks = %d, %d; want 2, 3", a, b)
	}
	onlyA := rec("a", "c1", "2026-03-02T10:00:00Z", "2026-03-02T10:10:00Z")
	single := filepath.Join(t.TempDir(), "one.jsonl")
	if err := os.WriteFile(single, []byte(onlyA), 0o644); err != nil {
		t.Fatal(err)
	}
	srcs, err = traffic.Sources([]string{single}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r, err = Measure(srcs, Options{}); err != nil || r.Account != nil {
		t.Errorf("one instance: account %v, err %v; want none", r.Account, err)
	}
}
