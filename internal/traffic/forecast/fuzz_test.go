package forecast

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/connectcap/connectcap/internal/traffic"
)

var allColumnsHeader = strings.Join(colNames[:], ",") + "\n"

// checkReadable reads in; a success must write and read back to the same
// contacts, a failure must be a positioned error.
func checkReadable(t *testing.T, in string, o Options) {
	s, _ := traffic.Sources([]string{"-"}, strings.NewReader(in))
	res, err := Read(s, o)
	if err != nil {
		var te *traffic.Error
		if !errors.As(err, &te) {
			t.Fatalf("%T %v", err, err)
		}
		if te.Line < 1 || te.File != "stdin" || te.Message == "" {
			t.Fatalf("error without a position: %+v", te.Problem)
		}
		return
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, res.Series); err != nil {
		t.Fatalf("WriteCSV: %v", err)
	}
	s, _ = traffic.Sources([]string{"-"}, strings.NewReader(buf.String()))
	back, err := Read(s, Options{})
	if err != nil {
		if len(res.Series.Instances) == 0 && strings.Contains(err.Error(), "no rows") {
			return
		}
		t.Fatalf("reading WriteCSV's output: %v\n%s", err, buf.String())
	}
	if len(back.Series.Instances) != len(res.Series.Instances) {
		t.Fatalf("%d instances back, %d written", len(back.Series.Instances), len(res.Series.Instances))
	}
	for i, in := range res.Series.Instances {
		bi := back.Series.Instances[i]
		if bi.Name != in.Name || len(bi.Intervals) != len(in.Intervals) {
			t.Fatalf("instance %q: %d intervals back, %d written", in.Name, len(bi.Intervals), len(in.Intervals))
		}
		for j, v := range in.Intervals {
			for ch := range traffic.NumChannels {
				if bi.Intervals[j].Channels[ch].Contacts != v.Channels[ch].Contacts {
					t.Fatalf("%s %v %v: %v contacts back, %v written", in.Name, v.Start, ch, bi.Intervals[j].Channels[ch].Contacts, v.Channels[ch].Contacts)
				}
			}
		}
	}
}

// FuzzRow fuzzes the row parser: one or two rows under a header naming every
// column of the own format.
func FuzzRow(f *testing.F) {
	f.Add("2026-03-02T10:00:00Z,15,east,arn:aws:connect:us-east-1:1:instance/x,Sales,voice,10,300,360,8,0.5,0.1,0.2,0.3,4")
	f.Add("2026-03-02 10:15,30,,,Q,CHAT,1.5,20,,,,,,,\n2026-03-02T10:00:00+01:00,60,,,Q,chat,3,4,5,6,,,,,")
	f.Add("2026-11-01 01:00,15,,,,voice,1,1,,,,,,,\n2026-11-01 01:00,15,,,,voice,1,1,,,,,,,")
	f.Add("2026-03-08 02:30,15,,,,voice,1,1,,,,,,,")
	f.Add("\"2026-03-02T10:00:00Z\",5,\"a,b\",,,email,0,0,,,,,,,0")
	f.Fuzz(func(t *testing.T, rows string) {
		checkReadable(t, allColumnsHeader+rows, Options{Location: fuzzZone(t)})
	})
}

func fuzzZone(t *testing.T) *time.Location { return newYork(t) }

// FuzzMapped fuzzes a mapped file, with or without a header.
func FuzzMapped(f *testing.F) {
	f.Add("Date and Time,Queue,Contacts Offered,Average Handle Time\n03/02/2026 10:00,Sales,10.5,300\n", false)
	f.Add("Sales,20260302 10:00,20260302 10:15,12,240,60,5\n", true)
	f.Add("Sales|20260302 10:15|x|8|200|40|4\n", true)
	f.Fuzz(func(t *testing.T, in string, noHeader bool) {
		cols := map[string]string{"start": "Date and Time", "queue": "Queue", "contacts": "Contacts Offered", "handle": "Average Handle Time"}
		if noHeader {
			cols = map[string]string{"queue": "#1", "start": "#2", "contacts": "#4", "handle": "#5+#6"}
		}
		checkReadable(t, in, Options{Columns: cols, NoHeader: noHeader, IntervalMinutes: 15, HasChannel: true})
	})
}

// FuzzRead fuzzes whole files of any format.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"interval_start,interval_minutes,channel,contacts,handle_time_seconds\n2026-03-02T10:00:00Z,15,voice,1,1\n",
		"QueueName,QueueId,ChannelType,TimeStamp,IntervalDuration,IncomingContactVolume,AverageHandleTime,ContactsHandled\nSales,q-1,VOICE,2026-03-02T10:00:00Z,30mins,60,300,50\n",
		"\ufeffinterval_start;interval_minutes;channel;contacts;handle_time_seconds\r\n2026-03-02 10:00;60;task;1;1\r\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkReadable(t, in, Options{})
	})
}

func FuzzParseColumns(f *testing.F) {
	f.Add("start=Date and Time,contacts=Contacts Offered,handle_time_seconds=Average Handle Time,queue=Queue")
	f.Add("handle=#5+#6,start=#2")
	f.Add("=,=")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseColumns(s)
		if err != nil {
			if m != nil {
				t.Fatal("a mapping with an error")
			}
			return
		}
		for k, v := range m {
			if _, ok := colByName(k); !ok || v == "" || strings.Contains(v, ",") {
				t.Fatalf("%q=%q", k, v)
			}
			if colNames[func() col { c, _ := colByName(k); return c }()] != k {
				t.Fatalf("key %q is not an own column name", k)
			}
		}
		// A mapping that parses is accepted by Read's option checks, or refused
		// for what it lacks, never for its form.
		_, err = Read(nil, Options{Columns: m, IntervalMinutes: 15, HasChannel: true})
		if err != nil && strings.Contains(err.Error(), "not known") {
			t.Fatalf("Read refuses ParseColumns' output: %v", err)
		}
	})
}

func FuzzGoLayout(f *testing.F) {
	f.Add("yyyyMMdd HH:mm")
	f.Add("dd.MM.yyyy HH:mm")
	f.Fuzz(func(t *testing.T, s string) {
		l, err := GoLayout(s)
		if err == nil && l == "" {
			t.Fatal("empty layout")
		}
	})
}
