package forecast

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/connectcap/connectcap/internal/traffic"
)

func srcs(t *testing.T, args ...string) []traffic.Source {
	t.Helper()
	s, err := traffic.Sources(args, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func stdin(t *testing.T, content string) []traffic.Source {
	t.Helper()
	s, err := traffic.Sources([]string{"-"}, strings.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func mustRead(t *testing.T, s []traffic.Source, o Options) *Result {
	t.Helper()
	res, err := Read(s, o)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return res
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

func newYork(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skipf("no time zone data: %v", err)
	}
	return loc
}

func near(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

func sameLoad(a, b traffic.Load) bool {
	return near(a.Contacts, b.Contacts) && near(a.HandleSeconds, b.HandleSeconds) &&
		near(a.ConnectSeconds, b.ConnectSeconds) && a.HandleStandsIn == b.HandleStandsIn &&
		near(a.Handled, b.Handled) && a.HasHandled == b.HasHandled &&
		near(a.Shares.PostCall, b.Shares.PostCall) && near(a.Shares.Realtime, b.Shares.Realtime) &&
		near(a.Shares.PostChat, b.Shares.PostChat) && near(a.Shares.VoiceID, b.Shares.VoiceID) &&
		a.Shares.Has == b.Shares.Has && near(a.Peak, b.Peak) && a.HasPeak == b.HasPeak
}

// checkSeries compares the series with what was worked out by hand (loads to
// within 1e-9, relative).
func checkSeries(t *testing.T, got, want traffic.Series) {
	t.Helper()
	if got.Step != want.Step {
		t.Errorf("Step = %v, want %v", got.Step, want.Step)
	}
	if len(got.Instances) != len(want.Instances) {
		t.Fatalf("%d instances, want %d: %+v", len(got.Instances), len(want.Instances), got.Instances)
	}
	for i, wi := range want.Instances {
		gi := got.Instances[i]
		if gi.Name != wi.Name || gi.ARN != wi.ARN {
			t.Errorf("instance %d = %q %q, want %q %q", i, gi.Name, gi.ARN, wi.Name, wi.ARN)
		}
		if len(gi.Intervals) != len(wi.Intervals) {
			t.Errorf("instance %s: %d intervals, want %d: %+v", wi.Name, len(gi.Intervals), len(wi.Intervals), gi.Intervals)
			continue
		}
		for j, wv := range wi.Intervals {
			gv := gi.Intervals[j]
			if !gv.Start.Equal(wv.Start) || gv.Start.Location() != time.UTC {
				t.Errorf("instance %s interval %d starts %v, want %v (UTC)", wi.Name, j, gv.Start, wv.Start)
			}
			for ch := range traffic.NumChannels {
				if !sameLoad(gv.Channels[ch], wv.Channels[ch]) {
					t.Errorf("instance %s %v %v:\n got %+v\nwant %+v", wi.Name, wv.Start.Format(time.RFC3339), ch, gv.Channels[ch], wv.Channels[ch])
				}
			}
		}
	}
}

func iv(start string, loads map[traffic.Channel]traffic.Load) traffic.Interval {
	v := traffic.Interval{Start: utc(start)}
	for ch, l := range loads {
		v.Channels[ch] = l
	}
	return v
}

func TestOwnFormat(t *testing.T) {
	res := mustRead(t, srcs(t, "testdata/own.csv"), Options{})
	// east 10:00 voice pools Sales (10 contacts, 300 s handle, 360 s in Connect,
	// 8 handled, post-call 0.5) and Support (30, 200 s, no time in Connect, 20
	// handled, peak 4):
	//   contacts 40; handle weighted by handled (both rows give it):
	//   (8x300 + 20x200) / 28 = 6400/28; in Connect weighted by contacts, Support
	//   counting its handle time: (10x360 + 30x200) / 40 = 240, stands in;
	//   handled 28; post-call from Sales alone: 0.5; peak 4.
	// east 10:15 voice: Sales alone. east 10:00 chat: Sales alone, no handled.
	// The last row names no instance: "default", 10:15 chat.
	want := traffic.Series{Step: 15 * time.Minute, Instances: []traffic.Instance{
		{Name: "default", Intervals: []traffic.Interval{
			iv("2026-03-02T10:15:00Z", map[traffic.Channel]traffic.Load{
				traffic.Chat: {Contacts: 4.5, HandleSeconds: 500, ConnectSeconds: 800}}),
		}},
		{Name: "east", Intervals: []traffic.Interval{
			iv("2026-03-02T10:00:00Z", map[traffic.Channel]traffic.Load{
				traffic.Voice: {Contacts: 40, HandleSeconds: 6400.0 / 28, ConnectSeconds: 240, HandleStandsIn: true,
					Handled: 28, HasHandled: true, Shares: traffic.Shares{PostCall: 0.5, Has: traffic.HasPostCall},
					Peak: 4, HasPeak: true},
				traffic.Chat: {Contacts: 5, HandleSeconds: 600, ConnectSeconds: 900}}),
			iv("2026-03-02T10:15:00Z", map[traffic.Channel]traffic.Load{
				traffic.Voice: {Contacts: 20, HandleSeconds: 240, ConnectSeconds: 300, Handled: 20, HasHandled: true,
					Shares: traffic.Shares{PostCall: 0.25, Has: traffic.HasPostCall}}}),
		}},
	}}
	checkSeries(t, res.Series, want)
	if res.Rows != 5 || len(res.Files) != 1 || res.Files[0] != (File{Name: "testdata/own.csv", Format: Connectcap, Rows: 5}) {
		t.Errorf("rows %d, files %+v", res.Rows, res.Files)
	}
	if !res.HandleStandsIn {
		t.Error("HandleStandsIn not set: Support gives no time in Connect")
	}
	if got := res.Series.Sources; len(got) != 1 || got[0] != "testdata/own.csv" {
		t.Errorf("Sources = %v", got)
	}
}

func TestAmazonConnect(t *testing.T) {
	res := mustRead(t, srcs(t, "testdata/amazon.csv"), Options{Instance: "prod"})
	// Sales' 30-minute voice row spreads over 10:00 and 10:15: 30 contacts and 25
	// handled in each, 300 s. Support gives 15-minute rows.
	// 10:00 voice: Sales half (30, 300 s, 25 handled) + Support (20, 120 s, 20
	//   handled): 50 contacts; handle by handled (9900/45 = 220); in Connect, the
	//   handle time standing in, by contacts: (9000 + 2400)/50 = 228; handled 45.
	// 10:15 voice: Sales half (30, 300 s, 25) + Support (10, 180 s, no handled):
	//   40; handle by contacts (9000 + 1800)/40 = 270; in Connect 270; handled
	//   not known.
	// Chat: 12 contacts over 30 minutes: 6 (and 6 handled) in each, 400 s.
	want := traffic.Series{Step: 15 * time.Minute, Instances: []traffic.Instance{
		{Name: "prod", Intervals: []traffic.Interval{
			iv("2026-03-02T10:00:00Z", map[traffic.Channel]traffic.Load{
				traffic.Voice: {Contacts: 50, HandleSeconds: 220, ConnectSeconds: 228, HandleStandsIn: true, Handled: 45, HasHandled: true},
				traffic.Chat:  {Contacts: 6, HandleSeconds: 400, ConnectSeconds: 400, HandleStandsIn: true, Handled: 6, HasHandled: true}}),
			iv("2026-03-02T10:15:00Z", map[traffic.Channel]traffic.Load{
				traffic.Voice: {Contacts: 40, HandleSeconds: 270, ConnectSeconds: 270, HandleStandsIn: true},
				traffic.Chat:  {Contacts: 6, HandleSeconds: 400, ConnectSeconds: 400, HandleStandsIn: true, Handled: 6, HasHandled: true}}),
		}},
	}}
	checkSeries(t, res.Series, want)
	if res.Files[0].Format != AmazonConnect || res.Rows != 4 {
		t.Errorf("files %+v", res.Files)
	}
}

func TestCalabrioNoHeader(t *testing.T) {
	cols, err := ParseColumns("queue=#1,start=#2,contacts=#4,handle=#5+#6")
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Columns: cols, NoHeader: true, IntervalMinutes: 15, Channel: traffic.Voice, HasChannel: true,
		Location: newYork(t), TimeFormat: "yyyyMMdd HH:mm"}
	res := mustRead(t, srcs(t, "testdata/calabrio.csv"), o)
	// New York is on EST (UTC-5) on 2 March. Handle time = task time + after work.
	// 10:00 EST = 15:00Z: Sales 12 at 240+60 = 300 s, Billing 4 at 300+0 s: 16 at
	//   300 s (by contacts: no contacts handled column).
	// 10:15 EST = 15:15Z: Sales 8 at 200+40 = 240 s.
	want := traffic.Series{Step: 15 * time.Minute, Instances: []traffic.Instance{
		{Name: "default", Intervals: []traffic.Interval{
			iv("2026-03-02T15:00:00Z", map[traffic.Channel]traffic.Load{
				traffic.Voice: {Contacts: 16, HandleSeconds: 300, ConnectSeconds: 300, HandleStandsIn: true}}),
			iv("2026-03-02T15:15:00Z", map[traffic.Channel]traffic.Load{
				traffic.Voice: {Contacts: 8, HandleSeconds: 240, ConnectSeconds: 240, HandleStandsIn: true}}),
		}},
	}}
	checkSeries(t, res.Series, want)
	// The same without the time format: yyyyMMdd HH:mm is among the layouts tried.
	o.TimeFormat = ""
	checkSeries(t, mustRead(t, srcs(t, "testdata/calabrio.csv"), o).Series, want)
}

func TestNICEIEXPipes(t *testing.T) {
	cols, err := ParseColumns("start=Date+Period, queue=CT ID, contacts=Calls Offered, handle=AHT")
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Columns: cols, IntervalMinutes: 30, Channel: traffic.Voice, HasChannel: true,
		Location: newYork(t), TimeFormat: "MMddyyyy HH:mm"}
	res := mustRead(t, srcs(t, "testdata/iex.txt"), o)
	// Pipe-delimited, detected. Date and period joined: "03022026 10:00" EST.
	// 15:00Z: Sales 10 at 200 s + Service 6 at 180 s: 16 at 3080/16 = 192.5 s.
	// 15:30Z: Sales 14 at 210 s.
	want := traffic.Series{Step: 30 * time.Minute, Instances: []traffic.Instance{
		{Name: "default", Intervals: []traffic.Interval{
			iv("2026-03-02T15:00:00Z", map[traffic.Channel]traffic.Load{
				traffic.Voice: {Contacts: 16, HandleSeconds: 192.5, ConnectSeconds: 192.5, HandleStandsIn: true}}),
			iv("2026-03-02T15:30:00Z", map[traffic.Channel]traffic.Load{
				traffic.Voice: {Contacts: 14, HandleSeconds: 210, ConnectSeconds: 210, HandleStandsIn: true}}),
		}},
	}}
	checkSeries(t, res.Series, want)
	if res.Files[0].Format != Mapped {
		t.Errorf("format %v", res.Files[0].Format)
	}
}

func TestWFMGrid(t *testing.T) {
	cols, err := ParseColumns("start=Date and Time,contacts=Contacts Offered,handle_time_seconds=Average Handle Time,queue=Queue")
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Columns: cols, IntervalMinutes: 15, Channel: traffic.Voice, HasChannel: true}
	res := mustRead(t, srcs(t, "testdata/wfm.csv"), o)
	// 10:00: Sales 10.5 at 300 s + Support 3 at 100 s: 13.5 at
	// (3150 + 300)/13.5 s. 10:15: Sales 12 at 330 s.
	want := traffic.Series{Step: 15 * time.Minute, Instances: []traffic.Instance{
		{Name: "default", Intervals: []traffic.Interval{
			iv("2026-03-02T10:00:00Z", map[traffic.Channel]traffic.Load{
				traffic.Voice: {Contacts: 13.5, HandleSeconds: 3450 / 13.5, ConnectSeconds: 3450 / 13.5, HandleStandsIn: true}}),
			iv("2026-03-02T10:15:00Z", map[traffic.Channel]traffic.Load{
				traffic.Voice: {Contacts: 12, HandleSeconds: 330, ConnectSeconds: 330, HandleStandsIn: true}}),
		}},
	}}
	checkSeries(t, res.Series, want)
}

func TestGzipStdinDirectoryAndSeveralFiles(t *testing.T) {
	plain, err := os.ReadFile("testdata/own.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := mustRead(t, srcs(t, "testdata/own.csv"), Options{}).Series

	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(plain)
	zw.Close()
	gzPath := filepath.Join(dir, "own.csv.gz")
	if err := os.WriteFile(gzPath, gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got := mustRead(t, srcs(t, gzPath), Options{}).Series
	want.Sources = []string{gzPath}
	got.Sources = want.Sources
	checkSeries(t, got, want)

	checkSeries(t, mustRead(t, stdin(t, string(plain)), Options{}).Series, want)

	// Truncated gzip: the source's read error.
	if err := os.WriteFile(gzPath, gz.Bytes()[:len(gz.Bytes())-20], 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Read(srcs(t, gzPath), Options{})
	var re *traffic.ReadError
	if !errors.As(err, &re) || !strings.Contains(err.Error(), "truncated gzip stream") {
		t.Errorf("truncated gzip: %T %v", err, err)
	}

	// Two files of one instance, a directory of both: pooled. a.csv holds
	// Sales, b.csv Support, each 10:00 voice: 10 at 100 s and 30 at 300 s, pooled
	// 40 at (1000 + 9000)/40 = 250 s.
	d2 := filepath.Join(dir, "d")
	os.Mkdir(d2, 0o755)
	head := "interval_start,interval_minutes,queue,channel,contacts,handle_time_seconds,time_in_connect_seconds\n"
	os.WriteFile(filepath.Join(d2, "a.csv"), []byte(head+"2026-03-02T10:00:00Z,15,Sales,voice,10,100,100\n"), 0o644)
	os.WriteFile(filepath.Join(d2, "b.csv"), []byte(head+"2026-03-02T10:00:00Z,15,Support,voice,30,300,300\n"), 0o644)
	pooled := traffic.Series{Step: 15 * time.Minute, Instances: []traffic.Instance{{Name: "default", Intervals: []traffic.Interval{
		iv("2026-03-02T10:00:00Z", map[traffic.Channel]traffic.Load{traffic.Voice: {Contacts: 40, HandleSeconds: 250, ConnectSeconds: 250}}),
	}}}}
	res := mustRead(t, srcs(t, d2), Options{})
	checkSeries(t, res.Series, pooled)
	if len(res.Files) != 2 || res.Rows != 2 {
		t.Errorf("files %+v", res.Files)
	}
	checkSeries(t, mustRead(t, srcs(t, filepath.Join(d2, "b.csv"), filepath.Join(d2, "a.csv")), Options{}).Series, pooled)

	// The same queue in both files, overlapping: both files named.
	os.WriteFile(filepath.Join(d2, "b.csv"), []byte(head+"2026-03-02T10:00:00Z,15,Support,voice,30,300,300\n2026-03-02T10:00:00Z,30,Sales,voice,1,1,1\n"), 0o644)
	_, err = Read(srcs(t, d2), Options{})
	wantErr := filepath.Join(d2, "b.csv") + ":3:1: line 3 overlaps " + filepath.Join(d2, "a.csv") + " line 2 (queue Sales, voice, 2026-03-02 10:00-10:30)"
	if err == nil || err.Error() != wantErr {
		t.Errorf("overlap across files:\n got %v\nwant %s", err, wantErr)
	}
}

func TestTimeZonesAndOffsets(t *testing.T) {
	ny := newYork(t)
	// 10:00+01:00 is 09:00Z; 04:00-05:00 is 09:00Z too, of another queue;
	// 05:15 local in New York (EST) is 10:15Z.
	in := "interval_start,interval_minutes,queue,channel,contacts,handle_time_seconds\n" +
		"2026-03-02T10:00:00+01:00,15,A,voice,1,100\n" +
		"2026-03-02T04:00:00-05:00,15,B,voice,3,100\n" +
		"2026-03-02T05:15:00,15,A,voice,2,100\n"
	res := mustRead(t, stdin(t, in), Options{Location: ny})
	want := traffic.Series{Step: 15 * time.Minute, Instances: []traffic.Instance{{Name: "default", Intervals: []traffic.Interval{
		iv("2026-03-02T09:00:00Z", map[traffic.Channel]traffic.Load{traffic.Voice: {Contacts: 4, HandleSeconds: 100, ConnectSeconds: 100, HandleStandsIn: true}}),
		iv("2026-03-02T10:15:00Z", map[traffic.Channel]traffic.Load{traffic.Voice: {Contacts: 2, HandleSeconds: 100, ConnectSeconds: 100, HandleStandsIn: true}}),
	}}}}
	checkSeries(t, res.Series, want)
}

// dstDay writes 15-minute rows of one local day for the queues, in the order a
// WFM export lists them (each interval, then each queue), with the repeated hour
// of a 25-hour day listed twice.
func dstDay(date string, skipHour, repeatHour int, queues ...string) (string, int) {
	var b strings.Builder
	b.WriteString("interval_start,interval_minutes,queue,channel,contacts,handle_time_seconds\n")
	n := 0
	emit := func(h, m int) {
		for _, q := range queues {
			fmt.Fprintf(&b, "%s %02d:%02d,15,%s,voice,1,60\n", date, h, m, q)
		}
		n++
	}
	for h := range 24 {
		if h == skipHour {
			continue
		}
		for m := 0; m < 60; m += 15 {
			emit(h, m)
		}
		if h == repeatHour {
			for m := 0; m < 60; m += 15 {
				emit(h, m)
			}
		}
	}
	return b.String(), n
}

func checkDST(t *testing.T, res *Result, intervals int, first, last string, contacts float64) {
	t.Helper()
	ivs := res.Series.Instances[0].Intervals
	if len(ivs) != intervals {
		t.Fatalf("%d intervals, want %d", len(ivs), intervals)
	}
	if !ivs[0].Start.Equal(utc(first)) || !ivs[len(ivs)-1].Start.Equal(utc(last)) {
		t.Errorf("from %v to %v, want %s to %s", ivs[0].Start, ivs[len(ivs)-1].Start, first, last)
	}
	for i, v := range ivs {
		if i > 0 && v.Start.Sub(ivs[i-1].Start) != 15*time.Minute {
			t.Errorf("interval %d at %v is %v after the one before", i, v.Start, v.Start.Sub(ivs[i-1].Start))
		}
		if v.Channels[traffic.Voice].Contacts != contacts {
			t.Errorf("interval %v: %v contacts, want %v", v.Start, v.Channels[traffic.Voice].Contacts, contacts)
		}
	}
}

func TestDaylightSaving(t *testing.T) {
	ny := newYork(t)
	// 8 March 2026: 02:00 EST becomes 03:00 EDT. 00:00 EST is 05:00Z, 23:45 EDT
	// is 03:45Z the next day: 23 hours, 92 intervals.
	in, n := dstDay("2026-03-08", 2, -1, "Sales", "Support")
	if n != 92 {
		t.Fatalf("the fixture has %d intervals", n)
	}
	checkDST(t, mustRead(t, stdin(t, in), Options{Location: ny}), 92, "2026-03-08T05:00:00Z", "2026-03-09T03:45:00Z", 2)

	// 1 November 2026: 02:00 EDT becomes 01:00 EST. 00:00 EDT is 04:00Z; the
	// first 01:00 is 05:00Z (EDT), the second 06:00Z (EST); 23:45 EST is 04:45Z
	// the next day: 25 hours, 100 intervals.
	in, n = dstDay("2026-11-01", -1, 1, "Sales", "Support")
	if n != 100 {
		t.Fatalf("the fixture has %d intervals", n)
	}
	res := mustRead(t, stdin(t, in), Options{Location: ny})
	checkDST(t, res, 100, "2026-11-01T04:00:00Z", "2026-11-02T04:45:00Z", 2)
	ivs := res.Series.Instances[0].Intervals
	if !ivs[4].Start.Equal(utc("2026-11-01T05:00:00Z")) || !ivs[8].Start.Equal(utc("2026-11-01T06:00:00Z")) {
		t.Errorf("the repeated 01:00 is at %v and %v", ivs[4].Start, ivs[8].Start)
	}

	// A third 01:00 for one queue repeats the second.
	in = "interval_start,interval_minutes,queue,channel,contacts,handle_time_seconds\n" +
		"2026-11-01 01:00,15,Sales,voice,1,60\n" +
		"2026-11-01 01:00,15,Sales,voice,1,60\n" +
		"2026-11-01 01:00,15,Sales,voice,1,60\n"
	_, err := Read(stdin(t, in), Options{Location: ny})
	wantErr := "stdin:4:1: line 4 repeats the interval of line 3 (queue Sales, voice, 2026-11-01 01:00-01:15 EST)"
	if err == nil || err.Error() != wantErr {
		t.Errorf("got %v\nwant %s", err, wantErr)
	}
}

func TestGrowth(t *testing.T) {
	in := "interval_start,interval_minutes,channel,contacts,handle_time_seconds,contacts_handled,peak_concurrency\n" +
		"2026-03-02T10:00:00Z,30,voice,100,300,90,12\n"
	res := mustRead(t, stdin(t, in), Options{Growth: 1.2})
	// 100 x 1.2 = 120 contacts, 90 x 1.2 = 108 handled, peak 12 x 1.2 = 14.4; times unchanged.
	want := traffic.Series{Step: 30 * time.Minute, Instances: []traffic.Instance{{Name: "default", Intervals: []traffic.Interval{
		iv("2026-03-02T10:00:00Z", map[traffic.Channel]traffic.Load{traffic.Voice: {Contacts: 120, HandleSeconds: 300, ConnectSeconds: 300,
			HandleStandsIn: true, Handled: 108, HasHandled: true, Peak: 14.4, HasPeak: true}}),
	}}}}
	checkSeries(t, res.Series, want)
	if _, err := Read(stdin(t, in), Options{Growth: -1}); err == nil {
		t.Error("negative growth accepted")
	}
}

func TestMixedLengths(t *testing.T) {
	in := "interval_start,interval_minutes,queue,channel,contacts,handle_time_seconds,time_in_connect_seconds,realtime_share,peak_concurrency\n" +
		"2026-03-02T10:00:00Z,60,A,voice,60,100,120,0.5,8\n" +
		"2026-03-02T10:15:00Z,15,B,voice,5,400,400,,\n" +
		"2026-03-02T10:30:00Z,30,C,voice,20,200,200,1,\n"
	res := mustRead(t, stdin(t, in), Options{})
	// Step 15 minutes. A spreads 15 per quarter (100 s, 120 s in Connect,
	// realtime 0.5, peak 8 in each); C 10 at 10:30 and 10:45 (realtime 1).
	// 10:00: A alone: 15.
	// 10:15: A 15 + B 5: 20; handle (1500 + 2000)/20 = 175; in Connect
	//   (1800 + 2000)/20 = 190; realtime from A only: 0.5; peak 8.
	// 10:30 and 10:45: A 15 + C 10: 25; handle (1500 + 2000)/25 = 140; in
	//   Connect (1800 + 2000)/25 = 152; realtime (7.5 + 10)/25 = 0.7; peak 8.
	a := traffic.Load{Contacts: 15, HandleSeconds: 100, ConnectSeconds: 120, Shares: traffic.Shares{Realtime: 0.5, Has: traffic.HasRealtime}, Peak: 8, HasPeak: true}
	ac := traffic.Load{Contacts: 25, HandleSeconds: 140, ConnectSeconds: 152, Shares: traffic.Shares{Realtime: 0.7, Has: traffic.HasRealtime}, Peak: 8, HasPeak: true}
	want := traffic.Series{Step: 15 * time.Minute, Instances: []traffic.Instance{{Name: "default", Intervals: []traffic.Interval{
		iv("2026-03-02T10:00:00Z", map[traffic.Channel]traffic.Load{traffic.Voice: a}),
		iv("2026-03-02T10:15:00Z", map[traffic.Channel]traffic.Load{traffic.Voice: {Contacts: 20, HandleSeconds: 175, ConnectSeconds: 190,
			Shares: traffic.Shares{Realtime: 0.5, Has: traffic.HasRealtime}, Peak: 8, HasPeak: true}}),
		iv("2026-03-02T10:30:00Z", map[traffic.Channel]traffic.Load{traffic.Voice: ac}),
		iv("2026-03-02T10:45:00Z", map[traffic.Channel]traffic.Load{traffic.Voice: ac}),
	}}}}
	checkSeries(t, res.Series, want)
}

func TestRoundTrip(t *testing.T) {
	// A series such as contacts --series gives: two instances, channels with
	// times in Connect, shares, peaks, one load whose handle time stands in.
	s := traffic.Series{Step: 15 * time.Minute, Instances: []traffic.Instance{
		{Name: "a, quoted \"one\"", ARN: "arn:aws:connect:us-east-1:111122223333:instance/aaaa", Intervals: []traffic.Interval{
			iv("2026-03-02T10:00:00Z", map[traffic.Channel]traffic.Load{
				traffic.Voice: {Contacts: 12.345678901234567, HandleSeconds: 301.1, ConnectSeconds: 333.33333333333331, Handled: 11, HasHandled: true,
					Shares: traffic.Shares{PostCall: 0.1, Realtime: 0.3, VoiceID: 1, Has: traffic.HasPostCall | traffic.HasRealtime | traffic.HasVoiceID},
					Peak:   7, HasPeak: true},
				traffic.Email: {Contacts: 1e-7, HandleSeconds: 1e6, ConnectSeconds: 86400 * 3},
			}),
			iv("2026-03-02T11:45:00Z", map[traffic.Channel]traffic.Load{
				traffic.Chat:     {Contacts: 0, HandleSeconds: 0, ConnectSeconds: 0, Peak: 3, HasPeak: true, Shares: traffic.Shares{PostChat: 0.5, Has: traffic.HasPostChat}},
				traffic.Campaign: {Contacts: 4, HandleSeconds: 90, ConnectSeconds: 90, HandleStandsIn: true},
			}),
		}},
		{Name: "b", Intervals: []traffic.Interval{
			iv("2026-03-01T23:00:00Z", map[traffic.Channel]traffic.Load{traffic.Task: {Contacts: 1000000, HandleSeconds: 0.5, ConnectSeconds: 0.25}}),
		}},
	}}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, s); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "e-") || strings.Contains(buf.String(), "e+") {
		t.Errorf("exponent in output:\n%s", buf.String())
	}
	res := mustRead(t, stdin(t, buf.String()), Options{})
	got := res.Series
	got.Sources = nil
	// Exact: each load is one row.
	for i := range s.Instances {
		for j := range s.Instances[i].Intervals {
			if got.Instances[i].Intervals[j] != s.Instances[i].Intervals[j] {
				t.Errorf("%s %d:\n got %+v\nwant %+v", s.Instances[i].Name, j, got.Instances[i].Intervals[j], s.Instances[i].Intervals[j])
			}
		}
	}
	checkSeries(t, got, s)
	wantHead := "interval_start,interval_minutes,instance,instance_arn,queue,channel,contacts,handle_time_seconds,time_in_connect_seconds,contacts_handled,post_call_share,realtime_share,post_chat_share,voice_id_share,peak_concurrency\n" +
		"2026-03-02T10:00:00Z,15,\"a, quoted \"\"one\"\"\",arn:aws:connect:us-east-1:111122223333:instance/aaaa,,voice,12.345678901234567,301.1,333.3333333333333,11,0.1,0.3,,1,7\n" +
		"2026-03-02T10:00:00Z,15,\"a, quoted \"\"one\"\"\",arn:aws:connect:us-east-1:111122223333:instance/aaaa,,email,0.0000001,1000000,259200,,,,,,\n"
	if !strings.HasPrefix(buf.String(), wantHead) {
		t.Errorf("WriteCSV:\n%s\nwant it to start\n%s", buf.String(), wantHead)
	}

	// contacts --series | forecast -f - --growth 20%: contacts, handled and peaks
	// 1.2 times.
	res = mustRead(t, stdin(t, buf.String()), Options{Growth: 1.2})
	v := res.Series.Instances[0].Intervals[0].Channels[traffic.Voice]
	if !near(v.Contacts, 12.345678901234567*1.2) || !near(v.Handled, 13.2) || !near(v.Peak, 8.4) || v.HandleSeconds != 301.1 {
		t.Errorf("with growth: %+v", v)
	}

	if err := WriteCSV(&buf, traffic.Series{Step: 7 * time.Minute}); err == nil {
		t.Error("a 7-minute step written")
	}
}
