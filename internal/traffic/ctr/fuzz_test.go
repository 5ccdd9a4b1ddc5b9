package ctr

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"testing"
	"time"
	"unicode/utf8"
)

// refTime is the timestamp rule, written apart from lastDate.parse: the pattern, then
// the standard library's checks of the date.
var refPattern = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$`)

func refTime(s string) (int64, bool) {
	if !refPattern.MatchString(s) {
		return 0, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || t.Year() < 1970 || t.Year() > 2099 {
		return 0, false
	}
	return t.UnixNano(), true
}

// ref is what the scanner must read, from encoding/json's map.
type ref struct {
	str   map[string]*string // by field; nil: absent or null
	times map[string]int64
	modes uint8
	bad   bool
}

func refRecord(m map[string]any) ref {
	r := ref{str: map[string]*string{}, times: map[string]int64{}}
	str := func(obj map[string]any, key, name string) {
		switch v := obj[key].(type) {
		case nil:
		case string:
			r.str[name] = &v
		default:
			r.bad = true
		}
	}
	tm := func(obj map[string]any, key, name string) {
		switch v := obj[key].(type) {
		case nil:
		case string:
			t, ok := refTime(v)
			if !ok {
				r.bad = true
			}
			r.times[name] = t
		default:
			r.bad = true
		}
	}
	object := func(obj map[string]any, key string) map[string]any {
		switch v := obj[key].(type) {
		case nil:
		case map[string]any:
			return v
		default:
			r.bad = true
		}
		return nil
	}
	str(m, "InstanceARN", "InstanceARN")
	str(m, "ContactId", "ContactId")
	str(m, "Channel", "Channel")
	str(m, "InitiationMethod", "InitiationMethod")
	for _, k := range []string{"InitiationTimestamp", "ConnectedToSystemTimestamp", "DisconnectTimestamp", "LastUpdateTimestamp", "TransferCompletedTimestamp"} {
		tm(m, k, k)
	}
	if q := object(m, "Queue"); q != nil {
		tm(q, "DequeueTimestamp", "Queue.DequeueTimestamp")
	}
	if a := object(m, "Agent"); a != nil {
		tm(a, "ConnectedToAgentTimestamp", "Agent.ConnectedToAgentTimestamp")
		tm(a, "AfterContactWorkEndTimestamp", "Agent.AfterContactWorkEndTimestamp")
	}
	if e := object(m, "TransferredToEndpoint"); e != nil {
		str(e, "Type", "TransferredToEndpoint.Type")
	}
	lens := object(m, "ContactLens")
	for _, k := range []string{"ConversationalAnalytics", "Configuration", "ChannelConfiguration"} {
		if lens != nil {
			lens = object(lens, k)
		}
	}
	if lens != nil {
		switch v := lens["AnalyticsModes"].(type) {
		case nil:
		case []any:
			for _, x := range v {
				s, ok := x.(string)
				if !ok {
					r.bad = true
					continue
				}
				switch s {
				case "RealTime":
					r.modes |= modeRealTime
				case "PostContact":
					r.modes |= modePostContact
				case "ContactLens":
					r.modes |= modeContactLens
				}
			}
		default:
			r.bad = true
		}
	}
	return r
}

// warmRecords fill the scanner's key predictions before a text is read again.
var warmRecords = func() [][]byte {
	var out [][]byte
	for _, p := range []string{"testdata/voice.jsonl", "testdata/channels.jsonl"} {
		text, _ := os.ReadFile(p)
		for _, line := range bytes.Split(text, []byte("\n")) {
			if len(line) > 0 {
				out = append(out, line)
			}
		}
	}
	return out
}()

// sameRec tells whether two reads of a record agree.
func sameRec(a, b *rec) bool {
	for _, f := range [][2][]byte{{a.arn, b.arn}, {a.id, b.id}, {a.channel, b.channel}, {a.method, b.method}, {a.endpoint, b.endpoint}} {
		if (f[0] == nil) != (f[1] == nil) || !bytes.Equal(f[0], f[1]) {
			return false
		}
	}
	return a.t == b.t && a.has == b.has && a.modes == b.modes && a.bad == b.bad
}

// checkRecord compares the scanner with encoding/json on one JSON text, read
// by a new scanner, then by one whose key predictions other records filled,
// then by that one again (its predictions now from the text itself): the three
// must agree.
func checkRecord(t *testing.T, data []byte) {
	sc := scanner{b: data}
	var r rec
	i := sc.ws(0)
	j, notObject := sc.record(i, &r)
	warm := scanner{}
	var wr rec
	for _, line := range warmRecords {
		warm.b = line
		warm.record(0, &wr)
	}
	for pass := range 2 {
		warm.b = data
		wj, wNotObject := warm.record(i, &wr)
		if wj != j || wNotObject != notObject || (j >= 0 && !sameRec(&r, &wr)) || (j < 0 && warm.err != sc.err) {
			t.Fatalf("pass %d with warm key predictions reads %q differently", pass, data)
		}
	}
	ok := j >= 0 && sc.ws(j) == len(data)
	if i == len(data) {
		ok = false // no value at all
	}
	if valid := json.Valid(data); ok != valid {
		t.Fatalf("scanner accepts %v, encoding/json %v: %q (%s at %d)", ok, valid, data, sc.err.msg, sc.err.pos)
	}
	if !ok || !utf8.Valid(data) {
		return
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil || m == nil {
		if !notObject {
			t.Fatalf("a non-object read as a record: %q", data)
		}
		return
	}
	if notObject {
		t.Fatalf("an object read as not one: %q", data)
	}
	want := refRecord(m)
	if got := r.bad != 0; got != want.bad {
		name, _ := r.badField()
		t.Fatalf("bad %v (%s), want %v: %q", got, name, want.bad, data)
	}
	if want.bad {
		return
	}
	strs := map[string][]byte{"InstanceARN": r.arn, "ContactId": r.id, "Channel": r.channel, "InitiationMethod": r.method, "TransferredToEndpoint.Type": r.endpoint}
	for name, got := range strs {
		w := want.str[name]
		if (w == nil) != (got == nil) || (w != nil && *w != string(got)) {
			t.Fatalf("%s = %q, want %v: %q", name, got, w, data)
		}
	}
	for k := range numT {
		w, has := want.times[tNames[k]]
		if got := r.has&(1<<k) != 0; got != has || (has && r.t[k] != w) {
			t.Fatalf("%s = %v %d, want %v %d: %q", tNames[k], got, r.t[k], has, w, data)
		}
	}
	if r.modes != want.modes {
		t.Fatalf("modes %b, want %b: %q", r.modes, want.modes, data)
	}
}

func FuzzRecord(f *testing.F) {
	for _, p := range []string{"testdata/overlap.jsonl", "testdata/channels.jsonl", "testdata/voice.jsonl", "testdata/bad.jsonl"} {
		text, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, line := range bytes.Split(text, []byte("\n")) {
			f.Add(line)
		}
	}
	for _, s := range []string{
		`{"ContactId":"a\u00e9\ud83d\ude00\ud800x","Channel":"VO\u0049CE"}`,
		`{"Cont\u0061ctId":"x","ContactId":5,"ContactId":"y"}`,
		`{"Queue":{"DequeueTimestamp":"2026-03-02T10:00:00.123456789Z"},"Queue":null}`,
		`{"ContactLens":{"ConversationalAnalytics":5,"ConversationalAnalytics":{"Configuration":{"ChannelConfiguration":{"AnalyticsModes":["RealTime",1]}}}}}`,
		`{"InitiationTimestamp":"2024-02-29T23:59:59Z","DisconnectTimestamp":"2023-02-29T00:00:00Z"}`,
		`[1,{"a":[true,false,null,-0.5e+3]}]`, `{"a":01}`, `{"a":"\x01"}`, `{"a":tru}`, `{"a":1,}`, ` {} `, `"x"`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(checkRecord)
}
