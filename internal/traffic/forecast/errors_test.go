package forecast

import (
	"errors"
	"testing"

	"github.com/connectcap/connectcap/internal/traffic"
)

const head = "interval_start,interval_minutes,queue,channel,contacts,handle_time_seconds\n"

func TestBadInput(t *testing.T) {
	tests := []struct {
		name, in string
		o        Options
		want     string
	}{
		{"field count", head + "2026-03-02T10:00:00Z,15,Sales,voice,1\n", Options{},
			"stdin:2:1: the line has 5 fields, the header has 6"},
		{"bare quote", head + "2026-03-02T10:00:00Z,15,Sa\"les,voice,1,100\n", Options{},
			"stdin:2:27: a bare \" in an unquoted field: quote the whole field and double the \" inside"},
		{"open quote", head + "2026-03-02T10:00:00Z,15,\"Sales,voice,1,100\n", Options{},
			"stdin:2:44: a quoted field is not closed, or a \" after a closing quote: double a \" inside quotes"},
		{"missing column", "interval_start,interval_minutes,queue,channel,handle_time_seconds\n2026-03-02T10:00:00Z,15,Sales,voice,100\n", Options{},
			"stdin:1: missing column contacts: connectcap's forecast CSV needs the columns interval_start, interval_minutes, channel, contacts, handle_time_seconds"},
		{"unknown column", "interval_start,interval_minutes,queue,channel,contacts,handle_time_seconds,colour\n", Options{},
			"stdin:1:7: unknown column \"colour\": connectcap's forecast CSV has the columns interval_start, interval_minutes, instance, instance_arn, queue, channel, contacts, handle_time_seconds, time_in_connect_seconds, contacts_handled, post_call_share, realtime_share, post_chat_share, voice_id_share, peak_concurrency (names in lower case)"},
		{"column twice", "interval_start,interval_minutes,queue,channel,contacts,contacts,handle_time_seconds\n", Options{},
			"stdin:1:6: column contacts is given twice (columns 5 and 6)"},
		{"upper case column", "interval_start,interval_minutes,Queue,channel,contacts,handle_time_seconds\n", Options{},
			"stdin:1:3: unknown column \"Queue\": connectcap's forecast CSV has the columns interval_start, interval_minutes, instance, instance_arn, queue, channel, contacts, handle_time_seconds, time_in_connect_seconds, contacts_handled, post_call_share, realtime_share, post_chat_share, voice_id_share, peak_concurrency (names in lower case)"},
		{"not a number", head + "2026-03-02T10:00:00Z,15,Sales,voice,abc,100\n", Options{},
			"stdin:2:5: contacts \"abc\" is not a number"},
		{"negative", head + "2026-03-02T10:00:00Z,15,Sales,voice,1,-5\n", Options{},
			"stdin:2:6: handle_time_seconds -5 is negative: give 0 or more"},
		{"empty contacts", head + "2026-03-02T10:00:00Z,15,Sales,voice,,100\n", Options{},
			"stdin:2:5: contacts is empty: give a number"},
		{"infinite", head + "2026-03-02T10:00:00Z,15,Sales,voice,Inf,100\n", Options{},
			"stdin:2:5: contacts \"Inf\" is not a number"},
		{"share", "interval_start,interval_minutes,channel,contacts,handle_time_seconds,post_call_share\n2026-03-02T10:00:00Z,15,voice,1,100,1.5\n", Options{},
			"stdin:2:6: post_call_share 1.5 is not a share from 0 to 1 (0.25 is 25 %)"},
		{"negative share", "interval_start,interval_minutes,channel,contacts,handle_time_seconds,voice_id_share\n2026-03-02T10:00:00Z,15,voice,1,100,-0.1\n", Options{},
			"stdin:2:6: voice_id_share -0.1 is not a share from 0 to 1 (0.25 is 25 %)"},
		{"bad time", head + "2026/03/02 10:00,15,Sales,voice,1,100\n", Options{},
			"stdin:2:1: interval_start \"2026/03/02 10:00\" is not a time: accepted: 2026-03-02T10:00:00Z, 2026-03-02T10:00:00+01:00 (RFC 3339), or local time in the time zone given: 2026-03-02T10:00:00, 2026-03-02 10:00:00, 2026-03-02 10:00"},
		{"bad date", head + "2026-02-30T10:00:00Z,15,Sales,voice,1,100\n", Options{},
			"stdin:2:1: interval_start \"2026-02-30T10:00:00Z\" is not a time: accepted: 2026-03-02T10:00:00Z, 2026-03-02T10:00:00+01:00 (RFC 3339), or local time in the time zone given: 2026-03-02T10:00:00, 2026-03-02 10:00:00, 2026-03-02 10:00"},
		{"45 minutes", head + "2026-03-02T10:00:00Z,45,Sales,voice,1,100\n", Options{},
			"stdin:2:2: interval length 45 is not accepted: give whole minutes dividing an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60)"},
		{"daily", head + "2026-03-02T00:00:00Z,1440,Sales,voice,1,100\n", Options{},
			"stdin:2:2: interval length 1440: intervals longer than an hour (daily totals) cannot give a peak interval: export 15- or 30-minute intervals"},
		{"amazon daily", "QueueName,QueueId,ChannelType,TimeStamp,IntervalDuration,IncomingContactVolume,AverageHandleTime,ContactsHandled\nSales,q1,VOICE,2026-03-02T00:00:00Z,daily,100,300,90\n", Options{},
			"stdin:2:5: interval length \"daily\": intervals longer than an hour (daily totals) cannot give a peak interval: export 15- or 30-minute intervals"},
		{"amazon unknown column", "QueueName,QueueId,ChannelType,TimeStamp,IntervalDuration,IncomingContactVolume,AverageHandleTime,Colour\n", Options{},
			"stdin:1:8: unknown column \"Colour\": Amazon Connect forecasting's CSV has the columns QueueName, QueueId, ChannelType, TimeStamp, IntervalDuration, IncomingContactVolume, AverageHandleTime, ContactsHandled (and ForecastGroupName, ForecastGroupId, not read)"},
		{"amazon missing column", "QueueName,ChannelType,TimeStamp,IntervalDuration,AverageHandleTime\n", Options{},
			"stdin:1: missing column IncomingContactVolume: Amazon Connect forecasting's CSV needs the columns ChannelType, TimeStamp, IntervalDuration, IncomingContactVolume, AverageHandleTime and QueueName or QueueId"},
		{"misaligned", head + "2026-03-02T10:07:00Z,15,Sales,voice,1,100\n", Options{},
			"stdin:2:1: interval_start \"2026-03-02T10:07:00Z\" is not aligned to its 15-minute interval: starts fall on :00, :15, :30, :45"},
		{"unknown channel", head + "2026-03-02T10:00:00Z,15,Sales,fax,1,100\n", Options{},
			"stdin:2:4: channel \"fax\" is not known: accepted: voice, chat, task, email, campaign (in any case)"},
		{"overlap", head + "2026-03-02T10:00:00Z,30,Sales,voice,1,100\n2026-03-02T10:00:00Z,15,Support,voice,1,100\n2026-03-02T10:15:00Z,15,Sales,voice,1,100\n", Options{},
			"stdin:4:1: line 4 overlaps line 2 (queue Sales, voice, 2026-03-02 10:15-10:30)"},
		{"overlap out of order", head + "2026-03-02T10:30:00Z,15,Sales,voice,1,100\n2026-03-02T09:00:00Z,15,Sales,voice,1,100\n2026-03-02T10:00:00Z,60,Sales,voice,1,100\n", Options{},
			"stdin:4:1: line 4 overlaps line 2 (queue Sales, voice, 2026-03-02 10:00-11:00)"},
		{"duplicate", head + "2026-03-02T10:00:00Z,15,Sales,voice,1,100\n2026-03-02T10:00:00Z,15,Sales,chat,1,100\n2026-03-02T10:00:00Z,15,Sales,voice,1,100\n", Options{},
			"stdin:4:1: line 4 repeats the interval of line 2 (queue Sales, voice, 2026-03-02 10:00-10:15)"},
		{"empty", "", Options{}, "stdin:1: the file is empty: a forecast file needs a header and rows"},
		{"blank lines", "\n\n", Options{}, "stdin:1: the file is empty: a forecast file needs a header and rows"},
		{"header only", head, Options{}, "stdin:1: the file has a header and no rows"},
		{"unrecognised", "Date,Calls\n", Options{}, "stdin:1: the header is neither connectcap's forecast CSV (interval_start, interval_minutes, instance, instance_arn, queue, channel, contacts, handle_time_seconds, time_in_connect_seconds, contacts_handled, post_call_share, realtime_share, post_chat_share, voice_id_share, peak_concurrency, ...) nor Amazon Connect forecasting's (QueueName, QueueId, ChannelType, TimeStamp, IntervalDuration, IncomingContactVolume, AverageHandleTime, ContactsHandled): map another export's columns, such as start=Date and Time,contacts=Contacts Offered,handle=Average Handle Time"},
		{"arn conflict", "interval_start,interval_minutes,instance,instance_arn,channel,contacts,handle_time_seconds\n" +
			"2026-03-02T10:00:00Z,15,east,arn:aws:connect:us-east-1:1:instance/a,voice,1,1\n" +
			"2026-03-02T10:15:00Z,15,east,arn:aws:connect:us-east-1:1:instance/b,voice,1,1\n", Options{}, "stdin:3:4: instance_arn \"arn:aws:connect:us-east-1:1:instance/b\": instance east has the ARN \"arn:aws:connect:us-east-1:1:instance/a\" on line 2"},
		{"mapped missing header", "Date,Calls,AHT\n03/02/2026 10:00,1,1\n", Options{Columns: map[string]string{"start": "Date", "contacts": "Offered", "handle": "AHT"}, IntervalMinutes: 15, HasChannel: true},
			"stdin:1: column mapping contacts=Offered: the header has no column \"Offered\" (it has \"Date\", \"Calls\", \"AHT\")"},
		{"mapped position", "03/02/2026 10:00,1,1\n", Options{Columns: map[string]string{"start": "#1", "contacts": "#2", "handle": "#4"}, NoHeader: true, IntervalMinutes: 15, HasChannel: true},
			"stdin:1: column mapping handle_time_seconds=#4: #4: the file has 3 columns"},
		{"mapped name without header", "03/02/2026 10:00,1,1\n", Options{Columns: map[string]string{"start": "Date", "contacts": "#2", "handle": "#3"}, NoHeader: true, IntervalMinutes: 15, HasChannel: true},
			"stdin:1: column mapping interval_start=Date: \"Date\": the file has no header: give columns by position (#1 is the first)"},
		{"mapped bad time", "Date,Calls,AHT\n2026.03.02 10:00,1,1\n", Options{Columns: map[string]string{"start": "Date", "contacts": "Calls", "handle": "AHT"}, IntervalMinutes: 15, HasChannel: true},
			"stdin:2:1: Date \"2026.03.02 10:00\" is not a time: accepted: 2026-03-02T10:00:00Z, 2026-03-02T10:00:00+01:00 (RFC 3339), or local time in the time zone given: 2026-03-02T10:00:00, 2026-03-02 10:00:00, 2026-03-02 10:00, 03/02/2026 10:00 (month first), 3/2/2026 10:00:00 AM, 20260302 10:00; or give the time format (such as dd.MM.yyyy HH:mm)"},
		{"mapped bad time with format", "Date,Calls,AHT\n2026.03.02 10:00,1,1\n", Options{Columns: map[string]string{"start": "Date", "contacts": "Calls", "handle": "AHT"}, IntervalMinutes: 15, HasChannel: true, TimeFormat: "dd.MM.yyyy HH:mm"},
			"stdin:2:1: Date \"2026.03.02 10:00\" is not a time: accepted: dd.MM.yyyy HH:mm (the time format given), or RFC 3339 (2026-03-02T10:00:00Z)"},
		{"mapped no interval", "Date,Calls,AHT\n", Options{Columns: map[string]string{"start": "Date", "contacts": "Calls", "handle": "AHT"}, HasChannel: true},
			"the column mapping gives no interval_minutes column: map it or give the interval length (15 or 30 minutes)"},
		{"mapped no channel", "Date,Calls,AHT\n", Options{Columns: map[string]string{"start": "Date", "contacts": "Calls", "handle": "AHT"}, IntervalMinutes: 15},
			"the column mapping gives no channel column: map it or give the channel (voice, chat, task, email, campaign)"},
		{"mapped empty channel", "Date,Calls,AHT,Media\n03/02/2026 10:00,1,1,\n", Options{Columns: map[string]string{"start": "Date", "contacts": "Calls", "handle": "AHT", "channel": "Media"}, IntervalMinutes: 15},
			"stdin:2:4: Media is empty: give one of voice, chat, task, email, campaign"},
		{"no header without mapping", "x\n", Options{NoHeader: true}, "files without a header need a column mapping: give start=#N,contacts=#N,handle=#N"},
		{"interval option", "x\n", Options{IntervalMinutes: 90}, "interval length 90 minutes: intervals longer than an hour (daily totals) cannot give a peak interval: export 15- or 30-minute intervals"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(stdin(t, tt.in), tt.o)
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("\n got %s\nwant %s", err, tt.want)
			}
			var te *traffic.Error
			if errors.As(err, &te) && te.File != "stdin" {
				t.Errorf("file %q", te.File)
			}
		})
	}
}
