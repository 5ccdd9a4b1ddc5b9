package forecast

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/connectcap/connectcap/internal/traffic"
)

func TestSpringForwardGap(t *testing.T) {
	in := head + "2026-03-08 01:45,15,Sales,voice,1,60\n2026-03-08 02:30,15,Sales,voice,1,60\n"
	_, err := Read(stdin(t, in), Options{Location: newYork(t)})
	want := `stdin:3:1: "2026-03-08 02:30" does not exist in America/New_York: clocks go forward 60 minutes there (EST to EDT)`
	if err == nil || err.Error() != want {
		t.Errorf("\n got %v\nwant %s", err, want)
	}
}

func TestErrorInNamedFile(t *testing.T) {
	_, err := Read(srcs(t, "testdata/own.csv", "testdata/bad.csv"), Options{})
	want := `testdata/bad.csv:3:5: contacts "twelve" is not a number`
	if err == nil || err.Error() != want {
		t.Errorf("\n got %v\nwant %s", err, want)
	}
}

func TestDelimitersBOMAndLineEnds(t *testing.T) {
	want := traffic.Series{Step: 30 * time.Minute, Instances: []traffic.Instance{{Name: "default", Intervals: []traffic.Interval{
		iv("2026-03-02T10:00:00Z", map[traffic.Channel]traffic.Load{traffic.Chat: {Contacts: 2.5, HandleSeconds: 100, ConnectSeconds: 100, HandleStandsIn: true}}),
	}}}}
	rows := [][]string{
		{"interval_start", "interval_minutes", "channel", "contacts", "handle_time_seconds"},
		{"2026-03-02T10:00:00Z", "30", "Chat", "2.5", "100"},
	}
	for _, d := range []string{",", ";", "\t", "|"} {
		var b strings.Builder
		b.WriteString("\ufeff")
		for _, r := range rows {
			b.WriteString(strings.Join(r, d) + "\r\n")
		}
		checkSeries(t, mustRead(t, stdin(t, b.String()), Options{}).Series, want)
	}
	// Given, the delimiter is not detected: semicolons are then part of a field.
	if _, err := Read(stdin(t, "a;b\n"), Options{Delimiter: ','}); err == nil {
		t.Error("a one-column header read")
	}
}

func TestMappedTimesAndMinutes(t *testing.T) {
	cols := map[string]string{"start": "When", "minutes": "Len", "contacts": "N", "handle": "AHT", "channel": "Media", "queue": "Q"}
	in := "When;Len;N;AHT;Media;Q\n" +
		"02.03.2026 10:00;30mins;2;100;voice;A\n" +
		"02.03.2026 10:30;30 min;4;100;VOICE;A\n" +
		"02.03.2026 10:00;;6;100;voice;B\n"
	res := mustRead(t, stdin(t, in), Options{Columns: cols, TimeFormat: "dd.MM.yyyy HH:mm", IntervalMinutes: 30})
	// 10:00: A 2 + B 6 (its length from the option) = 8; 10:30: A 4.
	want := traffic.Series{Step: 30 * time.Minute, Instances: []traffic.Instance{{Name: "default", Intervals: []traffic.Interval{
		iv("2026-03-02T10:00:00Z", map[traffic.Channel]traffic.Load{traffic.Voice: {Contacts: 8, HandleSeconds: 100, ConnectSeconds: 100, HandleStandsIn: true}}),
		iv("2026-03-02T10:30:00Z", map[traffic.Channel]traffic.Load{traffic.Voice: {Contacts: 4, HandleSeconds: 100, ConnectSeconds: 100, HandleStandsIn: true}}),
	}}}}
	checkSeries(t, mustRead(t, stdin(t, in), Options{Columns: cols, TimeFormat: "dd.MM.yyyy HH:mm", IntervalMinutes: 30}).Series, want)
	_ = res

	// The usual layouts without a time format; a US 12-hour clock.
	cols = map[string]string{"start": "t", "contacts": "n", "handle": "h"}
	for _, s := range []string{"2026-03-02T10:00:00Z", "2026-03-02 10:00", "03/02/2026 10:00", "3/2/2026 10:00:00 AM", "20260302 10:00"} {
		res := mustRead(t, stdin(t, "t,n,h\n"+s+",1,1\n"), Options{Columns: cols, IntervalMinutes: 15, HasChannel: true, Channel: traffic.Task})
		got := res.Series.Instances[0].Intervals[0]
		if !got.Start.Equal(utc("2026-03-02T10:00:00Z")) || got.Channels[traffic.Task].Contacts != 1 {
			t.Errorf("%s: %+v", s, got)
		}
	}
}

func TestARNNamesInstance(t *testing.T) {
	in := "interval_start,interval_minutes,instance_arn,channel,contacts,handle_time_seconds\n" +
		"2026-03-02T10:00:00Z,15,arn:aws:connect:us-east-1:111122223333:instance/abcd-1234,voice,1,1\n"
	res := mustRead(t, stdin(t, in), Options{})
	in0 := res.Series.Instances[0]
	if in0.Name != "abcd-1234" || in0.ARN != "arn:aws:connect:us-east-1:111122223333:instance/abcd-1234" {
		t.Errorf("instance %q %q", in0.Name, in0.ARN)
	}
}

func TestParseColumns(t *testing.T) {
	got, err := ParseColumns("start=Date and Time, contacts = Contacts Offered,handle=#5+#6,Queue=Queue")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"interval_start": "Date and Time", "contacts": "Contacts Offered", "handle_time_seconds": "#5+#6", "queue": "Queue"}
	if len(got) != len(want) {
		t.Fatalf("%v", got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	for in, msg := range map[string]string{
		"":                         "column mapping is empty",
		"start":                    `column mapping "start": not key=column`,
		"begin=Date":               `column mapping key "begin" is not known: accepted keys: interval_start, interval_minutes,`,
		"start=":                   "column mapping key start: no column given",
		"start=#0":                 `column mapping key start: "#0": #N needs a column number from 1`,
		"start=#x":                 `"#x": #N needs a column number`,
		"start=a,start=b":          "column mapping key start is given twice",
		"start=a,interval_start=b": "column mapping key interval_start is given twice",
		"handle=#5+":               "an empty column between + signs",
	} {
		_, err := ParseColumns(in)
		if err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("ParseColumns(%q) = %v, want %q", in, err, msg)
		}
	}
}

func TestGoLayout(t *testing.T) {
	for in, want := range map[string]string{
		"yyyyMMdd HH:mm":      "20060102 15:04",
		"MM/dd/yyyy HH:mm":    "01/02/2006 15:04",
		"dd.MM.yyyy HH:mm":    "02.01.2006 15:04",
		"yyyy-MM-ddTHH:mm:ss": "2006-01-02T15:04:05",
		"yyyy-MM-dd'T'HH:mm":  "2006-01-02T15:04",
		"M/d/yyyy h:mm tt":    "1/2/2006 3:04 PM",
		"MMddyyyy HH:mm":      "01022006 15:04",
	} {
		got, err := GoLayout(in)
		if err != nil || got != want {
			t.Errorf("GoLayout(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"yyyy-MM-dd", "HH:mm", "yyyyMMdd HH:mm x", "yyyy1MMdd HH", "yyyy-MM-dd 'at HH"} {
		if _, err := GoLayout(in); err == nil {
			t.Errorf("GoLayout(%q) accepted", in)
		}
	}
}

func TestParseMinutes(t *testing.T) {
	for in, want := range map[string]int{"15": 15, "30mins": 30, "15 min": 15, "5m": 5, "60": 60, "1h": 60, "10 minutes": 10} {
		if got, msg := parseMinutes(in); got != want || msg != "" {
			t.Errorf("parseMinutes(%q) = %d %q", in, got, msg)
		}
	}
	for _, in := range []string{"0", "7", "45", "90", "1440", "daily", "weekly", "2h", "", "x", "15.5"} {
		if _, msg := parseMinutes(in); msg == "" {
			t.Errorf("parseMinutes(%q) accepted", in)
		}
	}
}

func TestParseZ(t *testing.T) {
	for _, s := range []string{"2026-03-02T10:00:00Z", "2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z", "1969-12-31T23:45:00Z", "2100-03-01T00:00:00Z"} {
		u, ok := parseZ(s)
		want, _ := time.Parse(time.RFC3339, s)
		if !ok || u != want.Unix() {
			t.Errorf("parseZ(%q) = %d %v, want %d", s, u, ok, want.Unix())
		}
	}
	for _, s := range []string{"2026-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-03-02T24:00:00Z", "2026-03-02T10:60:00Z", "2026-03-02T10:00:0aZ", "2026-03-02T10:00:00+"} {
		if _, ok := parseZ(s); ok {
			t.Errorf("parseZ(%q) accepted", s)
		}
	}
}

func TestFastNumberMatchesParseFloat(t *testing.T) {
	in := []string{"0", "1", "10.5", ".5", "5.", "0.1", "0.3", "123456789012345", "12345678.9012345", "0.000000000000001", "999999999999999", "300", "12.345678901234"}
	for i := range 20000 {
		in = append(in, strconv.FormatFloat(float64(i)*0.37, 'f', -1, 64), strconv.FormatFloat(float64(i)/7, 'f', 6, 64))
	}
	for _, s := range in {
		want, err := strconv.ParseFloat(s, 64)
		got, ok := fastNumber(s)
		if ok && (err != nil || got != want) {
			t.Errorf("fastNumber(%q) = %v, ParseFloat %v %v", s, got, want, err)
		}
	}
	for _, s := range []string{"", ".", "1.2.3", "-1", "1e5", "1234567890123456", "1,5", " 1"} {
		if _, ok := fastNumber(s); ok {
			t.Errorf("fastNumber(%q) took it", s)
		}
	}
}

func FuzzFastNumber(f *testing.F) {
	f.Add("10.5")
	f.Add("0.000000000000001")
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := fastNumber(s)
		if !ok {
			return
		}
		want, err := strconv.ParseFloat(s, 64)
		if err != nil || got != want {
			t.Fatalf("fastNumber(%q) = %v, ParseFloat %v %v", s, got, want, err)
		}
	})
}

func TestOverlapInsideARun(t *testing.T) {
	// Sales and Support interleaved: Sales' rows are lines 2, 4, 6, one run two
	// lines apart; line 8 repeats Sales 10:15, which is line 4.
	in := head +
		"2026-03-02T10:00:00Z,15,Sales,voice,1,1\n2026-03-02T10:00:00Z,15,Support,voice,1,1\n" +
		"2026-03-02T10:15:00Z,15,Sales,voice,1,1\n2026-03-02T10:15:00Z,15,Support,voice,1,1\n" +
		"2026-03-02T10:30:00Z,15,Sales,voice,1,1\n2026-03-02T10:30:00Z,15,Support,voice,1,1\n" +
		"2026-03-02T10:15:00Z,15,Sales,voice,1,1\n"
	_, err := Read(stdin(t, in), Options{})
	want := "stdin:8:1: line 8 repeats the interval of line 4 (queue Sales, voice, 2026-03-02 10:15-10:30)"
	if err == nil || err.Error() != want {
		t.Errorf("\n got %v\nwant %s", err, want)
	}
}

// Blank lines before the header do not hide its delimiter: encoding/csv skips
// them, and the guess is made on the first line with content.
func TestBlankLinesBeforeHeader(t *testing.T) {
	in := "\n\r\n\ninterval_start;interval_minutes;channel;contacts;handle_time_seconds\n2026-03-02T10:00:00Z;15;voice;25;300\n"
	s, _ := traffic.Sources([]string{"-"}, strings.NewReader(in))
	res, err := Read(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Series.Instances); n != 1 || res.Series.Instances[0].Intervals[0].Channels[traffic.Voice].Contacts != 25 {
		t.Errorf("series = %+v", res.Series)
	}
}

// Rows that all give 0 contacts handled: there is no handled-weighted average
// (0 / 0), so the handle time falls back to the contact-weighted one.
func TestAllHandledZero(t *testing.T) {
	in := "interval_start,interval_minutes,queue,channel,contacts,handle_time_seconds,time_in_connect_seconds,contacts_handled\n" +
		"2026-03-02T10:00:00Z,15,A,voice,1,100,100,0\n" +
		"2026-03-02T10:00:00Z,15,B,voice,3,300,300,0\n"
	res := mustRead(t, stdin(t, in), Options{})
	// Contacts 1 + 3 = 4; handle and in Connect (1x100 + 3x300)/4 = 1000/4 = 250;
	// handled 0 + 0 = 0, given by every row.
	want := traffic.Series{Step: 15 * time.Minute, Instances: []traffic.Instance{{Name: "default", Intervals: []traffic.Interval{
		iv("2026-03-02T10:00:00Z", map[traffic.Channel]traffic.Load{traffic.Voice: {Contacts: 4, HandleSeconds: 250, ConnectSeconds: 250,
			Handled: 0, HasHandled: true}}),
	}}}}
	checkSeries(t, res.Series, want)
}

// Only the header line chooses the delimiter, also after a blank line: the
// queue name's eleven commas on the line below it, more than the ten semicolons
// of the two lines together, do not count.
func TestBlankLineThenCommasBelowHeader(t *testing.T) {
	in := "\ninterval_start;interval_minutes;queue;channel;contacts;handle_time_seconds\n2026-03-02T10:00:00Z;15;a,b,c,d,e,f,g,h,i,j,k,l;voice;25;300\n"
	s, _ := traffic.Sources([]string{"-"}, strings.NewReader(in))
	res, err := Read(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Series.Instances); n != 1 || res.Series.Instances[0].Intervals[0].Channels[traffic.Voice].Contacts != 25 {
		t.Errorf("series = %+v", res.Series)
	}
}
