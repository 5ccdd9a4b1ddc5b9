package forecast

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/connectcap/connectcap/internal/traffic"
)

// Header errors at the first column, which a test of > 0 instead of >= 0
// would miss.
func TestHeaderFirstColumn(t *testing.T) {
	const amazonRow = "VOICE,2026-03-02T10:00:00Z,15,1,100"
	for _, c := range []struct{ name, in, want string }{
		{"own twice", "interval_start,interval_minutes,queue,channel,contacts,handle_time_seconds,interval_start\n",
			"stdin:1:7: column interval_start is given twice (columns 1 and 7)"},
		{"amazon id twice", "QueueId,QueueId,ChannelType,TimeStamp,IntervalDuration,IncomingContactVolume,AverageHandleTime\n",
			"stdin:1:2: column QueueId is given twice"},
		{"amazon name twice", "QueueName,QueueName,ChannelType,TimeStamp,IntervalDuration,IncomingContactVolume,AverageHandleTime\n",
			"stdin:1:2: column QueueName is given twice"},
		{"amazon no start", "QueueName,ChannelType,IntervalDuration,IncomingContactVolume,AverageHandleTime\n",
			"stdin:1: missing column TimeStamp: Amazon Connect forecasting's CSV needs the columns ChannelType, TimeStamp, IntervalDuration, IncomingContactVolume, AverageHandleTime and QueueName or QueueId"},
		{"amazon no queue", "ChannelType,TimeStamp,IntervalDuration,IncomingContactVolume,AverageHandleTime\n" + amazonRow + "\n",
			"stdin:1: missing column QueueName or QueueId: Amazon Connect forecasting's CSV names each row's queue"},
		{"mapped channel of two columns", "Date,Calls,AHT,Media,Kind\n", "stdin:1: column mapping channel=Media+Kind: only the start (joined) and number columns (summed) take several columns"},
	} {
		o := Options{}
		if strings.HasPrefix(c.name, "mapped") {
			o = Options{Columns: map[string]string{"start": "Date", "contacts": "Calls", "handle": "AHT", "channel": "Media+Kind"}, IntervalMinutes: 15}
		}
		_, err := Read(stdin(t, c.in), o)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s:\n got %v\nwant %s", c.name, err, c.want)
		}
	}
}

// Amazon Connect files whose first column is the queue's name, its id, or the
// channel: the id keys the queue (two ids of one name are two queues), the name
// labels it.
func TestAmazonFirstColumns(t *testing.T) {
	for _, c := range []struct{ name, in string }{
		{"id first", "QueueId,QueueName,ChannelType,TimeStamp,IntervalDuration,IncomingContactVolume,AverageHandleTime\n" +
			"q1,Sales,VOICE,2026-03-02T10:00:00Z,15,1,100\nq2,Sales,VOICE,2026-03-02T10:00:00Z,15,2,100\n"},
		{"name first", "QueueName,ChannelType,TimeStamp,IntervalDuration,IncomingContactVolume,AverageHandleTime\n" +
			"Sales,VOICE,2026-03-02T10:00:00Z,15,1,100\nSupport,VOICE,2026-03-02T10:00:00Z,15,2,100\n"},
		{"channel first", "ChannelType,QueueName,TimeStamp,IntervalDuration,IncomingContactVolume,AverageHandleTime\n" +
			"VOICE,Sales,2026-03-02T10:00:00Z,15,1,100\nVOICE,Support,2026-03-02T10:00:00Z,15,2,100\n"},
	} {
		res, err := Read(stdin(t, c.in), Options{})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if v := res.Series.Instances[0].Intervals[0].Channels[traffic.Voice]; v.Contacts != 3 || v.HandleSeconds != 100 {
			t.Errorf("%s: voice %+v, want 3 contacts of 100 s", c.name, v)
		}
	}
}

// A mapping without a header: the start joined from two columns (with a
// space), every number column summed from two, the last column by position.
func TestMappedSeveralColumns(t *testing.T) {
	o := Options{NoHeader: true, IntervalMinutes: 15, HasChannel: true, Channel: traffic.Voice, Columns: map[string]string{
		"start": "#1+#2", "contacts": "#3+#4", "handle": "#5+#6", "time_in_connect_seconds": "#7+#8", "contacts_handled": "#9+#10", "peak_concurrency": "#11+#12",
	}}
	res, err := Read(stdin(t, "2026-03-02,10:00,1,2,100,200,300,400,1,1,5,6\n"), o)
	if err != nil {
		t.Fatal(err)
	}
	iv := res.Series.Instances[0].Intervals[0]
	v := iv.Channels[traffic.Voice]
	if iv.Start.Format("2006-01-02 15:04") != "2026-03-02 10:00" || v.Contacts != 3 || v.HandleSeconds != 300 || v.ConnectSeconds != 700 || v.Handled != 2 || !v.HasHandled || v.Peak != 11 || !v.HasPeak {
		t.Errorf("interval at %v: %+v; want 3 contacts, 300 s handled, 700 s in Connect, 2 handled, peak 11", iv.Start, v)
	}
	// A bad joined start is reported at its first column.
	_, err = Read(stdin(t, "x,2026/03/02,10:00,1,100\n"), Options{NoHeader: true, IntervalMinutes: 15, HasChannel: true,
		Columns: map[string]string{"start": "#2+#3", "contacts": "#4", "handle": "#5"}})
	if err == nil || !strings.HasPrefix(err.Error(), "stdin:1:2: ") {
		t.Errorf("bad joined start: %v, want it at column 2", err)
	}
}

// A header name holding a + is one column when the header has it; a column
// mapped by position is labelled by its header name.
func TestMappedNamesAndLabels(t *testing.T) {
	o := Options{IntervalMinutes: 15, HasChannel: true, Columns: map[string]string{"start": "Date+Time", "contacts": "Calls", "handle": "AHT"}}
	res, err := Read(stdin(t, "Date+Time,Calls,AHT\n2026-03-02 10:00,4,60\n"), o)
	if err != nil {
		t.Fatal(err)
	}
	if v := res.Series.Instances[0].Intervals[0].Channels[traffic.Voice]; v.Contacts != 4 {
		t.Errorf("voice %+v, want 4 contacts", v)
	}
	o.Columns = map[string]string{"start": "#1", "contacts": "Calls", "handle": "AHT"}
	_, err = Read(stdin(t, "Date,Calls,AHT\n2026.03.02 10:00,1,1\n"), o)
	if err == nil || !strings.HasPrefix(err.Error(), "stdin:2:1: Date \"2026.03.02 10:00\" is not a time") {
		t.Errorf("bad time by position: %v, want it labelled Date", err)
	}
}

func TestNumberColumns(t *testing.T) {
	// A number in the first column.
	o := Options{NoHeader: true, IntervalMinutes: 15, HasChannel: true, Columns: map[string]string{"contacts": "#1", "start": "#2", "handle": "#3"}}
	res, err := Read(stdin(t, "4,2026-03-02T10:00:00Z,60\n"), o)
	if err != nil {
		t.Fatal(err)
	}
	if v := res.Series.Instances[0].Intervals[0].Channels[traffic.Voice]; v.Contacts != 4 || v.HandleSeconds != 60 {
		t.Errorf("voice %+v, want 4 contacts of 60 s", v)
	}
	// A bad part of a summed column names its column.
	o.Columns = map[string]string{"start": "#1", "contacts": "#2+#3", "handle": "#4"}
	_, err = Read(stdin(t, "2026-03-02T10:00:00Z,1,x,60\n"), o)
	if err == nil || err.Error() != `stdin:1:3: #2+#3 (column 3) "x" is not a number` {
		t.Errorf("bad summed part: %v", err)
	}
	// A bad peak stops the read like any other number.
	_, err = Read(stdin(t, "interval_start,interval_minutes,channel,contacts,handle_time_seconds,peak_concurrency\n2026-03-02T10:00:00Z,15,voice,1,100,x\n"), Options{})
	if err == nil || err.Error() != `stdin:2:6: peak_concurrency "x" is not a number` {
		t.Errorf("bad peak: %v", err)
	}
}

// With QueueName and QueueId the id keys the queue and the name labels it in
// messages; a row without an id is keyed by its name.
func TestAmazonQueueNameAndID(t *testing.T) {
	const h = "QueueName,QueueId,ChannelType,TimeStamp,IntervalDuration,IncomingContactVolume,AverageHandleTime\n"
	_, err := Read(stdin(t, h+"Sales,q1,VOICE,2026-03-02T10:00:00Z,15,1,100\nSales,q1,VOICE,2026-03-02T10:00:00Z,15,1,100\n"), Options{})
	if err == nil || !strings.HasSuffix(err.Error(), "(queue Sales, voice, 2026-03-02 10:00-10:15)") {
		t.Errorf("repeated interval: %v, want it to name queue Sales", err)
	}
	res, err := Read(stdin(t, h+"Sales,,VOICE,2026-03-02T10:00:00Z,15,1,100\nSupport,,VOICE,2026-03-02T10:00:00Z,15,2,100\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if v := res.Series.Instances[0].Intervals[0].Channels[traffic.Voice]; v.Contacts != 3 {
		t.Errorf("two queues without ids: voice %+v, want 3 contacts", v)
	}
}

func TestParseRefsBounds(t *testing.T) {
	for _, v := range []string{"#1", "#100000", "Date", "#2+#3"} {
		if _, err := parseRefs(v); err != nil {
			t.Errorf("parseRefs(%q): %v", v, err)
		}
	}
	for _, v := range []string{"#0", "#100001", "#x", "#1+", "+Date"} {
		if _, err := parseRefs(v); err == nil {
			t.Errorf("parseRefs(%q) accepted", v)
		}
	}
}

// Rows count every data row, the first of a file without a header too.
func TestRowsWithoutHeader(t *testing.T) {
	o := Options{NoHeader: true, IntervalMinutes: 15, HasChannel: true, Columns: map[string]string{"start": "#1", "contacts": "#2", "handle": "#3"}}
	res := mustRead(t, stdin(t, "2026-03-02T10:00:00Z,1,60\n2026-03-02T10:15:00Z,2,60\n"), o)
	if res.Rows != 2 || len(res.Files) != 1 || res.Files[0].Rows != 2 {
		t.Errorf("rows %d, files %+v; want 2 rows", res.Rows, res.Files)
	}
}

// A quoted field over two lines: a bad field after it is on the second line.
func TestErrorAfterMultilineField(t *testing.T) {
	_, err := Read(stdin(t, head+"2026-03-02T10:00:00Z,15,\"Sal\nes\",voice,abc,100\n"), Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "stdin:3:") || !strings.HasSuffix(err.Error(), `contacts "abc" is not a number`) {
		t.Errorf("error %v, want it on line 3", err)
	}
}

// Two queues pooled in one interval: handle time weighted by contacts handled
// when every row gives them, else by contacts; time in Connect and shares by
// contacts; plain averages when there are no contacts.
func TestPoolingWeights(t *testing.T) {
	const h = "interval_start,interval_minutes,queue,channel,contacts,handle_time_seconds,time_in_connect_seconds,contacts_handled,post_call_share,peak_concurrency\n"
	for _, c := range []struct {
		name, rows                       string
		contacts, handle, connect, share float64
	}{
		// (100×5 + 300×10) / 15; (200×10 + 400×30) / 40; (0.2×10 + 0.6×30) / 40.
		{"handled", "A,voice,10,100,200,5,0.2,\nB,voice,30,300,400,10,0.6,\n", 40, 3500.0 / 15, 350, 0.5},
		// One row without contacts handled: (100×10 + 300×30) / 40.
		{"some handled", "A,voice,10,100,200,5,0.2,\nB,voice,30,300,400,,0.6,\n", 40, 250, 350, 0.5},
		// No contacts (peaks only): (100 + 300) / 2, (200 + 400) / 2, (0.2 + 0.6) / 2.
		{"no contacts", "A,voice,0,100,200,,0.2,1\nB,voice,0,300,400,,0.6,1\n", 0, 200, 300, 0.4},
	} {
		var in strings.Builder
		in.WriteString(h)
		for _, r := range strings.SplitAfter(strings.TrimSuffix(c.rows, "\n"), "\n") {
			in.WriteString("2026-03-02T10:00:00Z,15," + r)
		}
		in.WriteString("\n")
		res, err := Read(stdin(t, in.String()), Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		v := res.Series.Instances[0].Intervals[0].Channels[traffic.Voice]
		if !near(v.Contacts, c.contacts) || !near(v.HandleSeconds, c.handle) || !near(v.ConnectSeconds, c.connect) || !near(v.Shares.PostCall, c.share) || v.Shares.Has != traffic.HasPostCall {
			t.Errorf("%s: %+v; want %v contacts, %v s handled, %v s in Connect, post-call share %v", c.name, v, c.contacts, c.handle, c.connect, c.share)
		}
	}
}

// Campaign rows of two queues, one starting at the Unix epoch: each queue's
// own series, pooled.
func TestCampaignsAndEpoch(t *testing.T) {
	in := head + "1970-01-01T00:00:00Z,15,A,campaign,3,60\n1970-01-01T00:00:00Z,15,B,campaign,4,60\n" +
		"1970-01-01T00:00:00Z,15,A,voice,1,60\n1970-01-01T00:15:00Z,15,B,campaign,5,60\n"
	res := mustRead(t, stdin(t, in), Options{})
	ivs := res.Series.Instances[0].Intervals
	if len(ivs) != 2 || ivs[0].Start.Unix() != 0 {
		t.Fatalf("intervals %+v, want two from the epoch", ivs)
	}
	if c, v, c2 := ivs[0].Channels[traffic.Campaign], ivs[0].Channels[traffic.Voice], ivs[1].Channels[traffic.Campaign]; c.Contacts != 7 || v.Contacts != 1 || c2.Contacts != 5 {
		t.Errorf("campaign %v and voice %v at the epoch, campaign %v at 00:15; want 7, 1 and 5", c.Contacts, v.Contacts, c2.Contacts)
	}
}

// The step divides every start as an instant: an hour starting at midnight at
// +00:15 begins at 23:45 UTC the day before (-900 s, before the epoch), so the
// intervals are a quarter of an hour apart at most.
func TestStepOfOffsetStarts(t *testing.T) {
	for _, c := range []struct {
		start string
		want  time.Duration
	}{
		{"1970-01-01T00:00:00+00:15", 15 * time.Minute},
		{"1970-01-01T00:00:00+00:30", 30 * time.Minute},
		{"2026-03-02T10:00:00+05:45", 15 * time.Minute},
		{"2026-03-02T10:00:00+01:00", time.Hour},
	} {
		res := mustRead(t, stdin(t, head+c.start+",60,A,voice,1,60\n"), Options{})
		if res.Series.Step != c.want {
			t.Errorf("an hour from %s: step %v, want %v", c.start, res.Series.Step, c.want)
		}
	}
}

// Rows out of order are sorted before the overlap check: adjacent intervals do
// not overlap; a later interval inside the longest one so far does.
func TestOverlapsOutOfOrder(t *testing.T) {
	res := mustRead(t, stdin(t, head+"2026-03-02T10:30:00Z,15,A,voice,3,60\n2026-03-02T10:00:00Z,15,A,voice,1,60\n2026-03-02T10:15:00Z,15,A,voice,2,60\n"), Options{})
	ivs := res.Series.Instances[0].Intervals
	if len(ivs) != 3 || ivs[0].Channels[traffic.Voice].Contacts != 1 || ivs[1].Channels[traffic.Voice].Contacts != 2 || ivs[2].Channels[traffic.Voice].Contacts != 3 {
		t.Errorf("intervals %+v, want 1, 2 and 3 calls from 10:00", ivs)
	}
	_, err := Read(stdin(t, head+"2026-03-02T10:30:00Z,30,A,voice,1,60\n2026-03-02T10:00:00Z,15,A,voice,1,60\n2026-03-02T10:45:00Z,15,A,voice,1,60\n"), Options{})
	if want := "stdin:4:1: line 4 overlaps line 2 (queue A, voice, 2026-03-02 10:45-11:00)"; err == nil || err.Error() != want {
		t.Errorf("overlap inside the longest interval:\n got %v\nwant %s", err, want)
	}
}

// Lengths of 30 and 20 minutes pool on 10-minute intervals, a length neither
// has: each row's contacts spread evenly over its parts.
func TestSpreadWithoutTheStepsLength(t *testing.T) {
	res := mustRead(t, stdin(t, head+"2026-03-02T10:00:00Z,30,A,voice,6,60\n2026-03-02T10:00:00Z,20,B,voice,4,60\n"), Options{})
	ivs := res.Series.Instances[0].Intervals
	if res.Series.Step != 10*time.Minute || len(ivs) != 3 {
		t.Fatalf("step %v, %d intervals; want 10 min, 3", res.Series.Step, len(ivs))
	}
	for i, want := range []float64{4, 4, 2} { // 2 + 2, 2 + 2, 2
		if got := ivs[i].Channels[traffic.Voice].Contacts; !near(got, want) {
			t.Errorf("interval %d: %v contacts, want %v", i, got, want)
		}
	}
}

// A run of rows is one file's, one length's, at a steady stride of lines: a
// repeated interval names the row it repeats, in its own file.
func TestRunsAcrossFilesAndStrides(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.csv")
	if err := os.WriteFile(a, []byte(head+"2026-03-02T10:00:00Z,15,A,voice,1,60\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte(head+"2026-03-02T10:15:00Z,15,A,voice,1,60\n2026-03-02T10:15:00Z,15,A,voice,1,60\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Read(srcs(t, a, b), Options{})
	if err == nil || !strings.HasSuffix(err.Error(), ":3:1: line 3 repeats the interval of line 2 (queue A, voice, 2026-03-02 10:15-10:30)") || !strings.Contains(err.Error(), "b.csv") {
		t.Errorf("repeat in the second file: %v", err)
	}

	// A's rows are every other line until 10:30, which comes a line late.
	in := head + "2026-03-02T10:00:00Z,15,A,voice,1,60\n2026-03-02T10:00:00Z,15,B,voice,1,60\n" +
		"2026-03-02T10:15:00Z,15,A,voice,1,60\n2026-03-02T10:15:00Z,15,B,voice,1,60\n" +
		"2026-03-02T10:30:00Z,15,B,voice,1,60\n2026-03-02T10:30:00Z,15,A,voice,1,60\n" +
		"2026-03-02T10:30:00Z,15,A,voice,1,60\n"
	_, err = Read(stdin(t, in), Options{})
	if want := "stdin:8:1: line 8 repeats the interval of line 7 (queue A, voice, 2026-03-02 10:30-10:45)"; err == nil || err.Error() != want {
		t.Errorf("repeat after a broken stride:\n got %v\nwant %s", err, want)
	}
	// A 30-minute row after 15-minute ones starts a run of its own.
	in = head + "2026-03-02T10:00:00Z,15,A,voice,1,60\n2026-03-02T10:15:00Z,15,A,voice,1,60\n2026-03-02T10:30:00Z,30,A,voice,1,60\n2026-03-02T10:45:00Z,15,A,voice,1,60\n"
	_, err = Read(stdin(t, in), Options{})
	if want := "stdin:5:1: line 5 overlaps line 4 (queue A, voice, 2026-03-02 10:45-11:00)"; err == nil || err.Error() != want {
		t.Errorf("overlap after a change of length:\n got %v\nwant %s", err, want)
	}
}

// The last cases the mutation runs asked for: an empty quoted literal in a
// time format, an overlap's column with a start of two columns, the instance in
// an overlap's message, and the delimiter counted over a first line past 512
// bytes.
func TestMoreEdges(t *testing.T) {
	if got, err := GoLayout("yyyy-MM-dd'' HH:mm"); err != nil || got != "2006-01-02 15:04" {
		t.Errorf("GoLayout with '' = %q, %v; want an empty literal", got, err)
	}

	o := Options{NoHeader: true, IntervalMinutes: 15, HasChannel: true, Columns: map[string]string{"start": "#2+#3", "contacts": "#4", "handle": "#5"}}
	_, err := Read(stdin(t, "x,2026-03-02,10:00,1,60\nx,2026-03-02,10:00,1,60\n"), o)
	if want := "stdin:2:2: line 2 repeats the interval of line 1 (voice, 2026-03-02 10:00-10:15)"; err == nil || err.Error() != want {
		t.Errorf("repeat with a start of two columns:\n got %v\nwant %s", err, want)
	}

	const h = "interval_start,interval_minutes,instance,queue,channel,contacts,handle_time_seconds\n"
	_, err = Read(stdin(t, h+"2026-03-02T10:00:00Z,15,east,A,voice,1,60\n2026-03-02T10:00:00Z,15,west,A,voice,1,60\n2026-03-02T10:00:00Z,15,east,A,voice,1,60\n"), Options{})
	if want := "stdin:4:1: line 4 repeats the interval of line 2 (instance east, queue A, voice, 2026-03-02 10:00-10:15)"; err == nil || err.Error() != want {
		t.Errorf("repeat with two instances:\n got %v\nwant %s", err, want)
	}

	// Ten commas in the first 512 bytes, 23 semicolons in the whole line: the
	// fields are separated by semicolons.
	header := "Start;Calls;AHT;" + strings.Repeat("N,", 10) + strings.Repeat("x", 600) + strings.Repeat(";E", 20)
	row := "2026-03-02T10:00:00Z;3;60;" + strings.Repeat(";", 20)
	res, err := Read(stdin(t, header+"\n"+row+"\n"), Options{IntervalMinutes: 15, HasChannel: true, Columns: map[string]string{"start": "Start", "contacts": "Calls", "handle": "AHT"}})
	if err != nil {
		t.Fatalf("long first line: %v", err)
	}
	if v := res.Series.Instances[0].Intervals[0].Channels[traffic.Voice]; v.Contacts != 3 {
		t.Errorf("long first line: voice %+v, want 3 contacts", v)
	}
}

// A series whose first rows start before 1970 (negative instants) and repeat.
func TestRepeatBeforeEpoch(t *testing.T) {
	_, err := Read(stdin(t, head+"1969-12-31T23:30:00Z,15,A,voice,1,60\n1969-12-31T23:30:00Z,15,A,voice,1,60\n"), Options{})
	if want := "stdin:3:1: line 3 repeats the interval of line 2 (queue A, voice, 1969-12-31 23:30-23:45)"; err == nil || err.Error() != want {
		t.Errorf("repeat before the epoch:\n got %v\nwant %s", err, want)
	}
}
