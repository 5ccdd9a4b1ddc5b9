package forecast

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/connectcap/connectcap/internal/traffic"
)

// WriteCSV writes the series in connectcap's own format: a header naming every
// column, then one row per instance, interval and channel with contacts or a
// peak, in the series' order (instances, then intervals, then channels voice,
// chat, task, email, campaign). Starts are RFC 3339 in UTC; numbers are plain
// decimals (no exponent, no locale); a value not given (contacts handled, a
// share, a peak) is an empty cell, and so is the time in Connect of a load whose
// handle time stands in for it. queue is empty: the rows are pooled.
//
// Read gives the series back, exactly, when each load's time in Connect either
// was given or equals its handle time, and loads without contacts or a peak are
// zero.
func WriteCSV(w io.Writer, s traffic.Series) error {
	// minutesOK refuses a step of 0 or less too.
	if s.Step%time.Minute != 0 || !minutesOK(int(s.Step/time.Minute)) {
		return fmt.Errorf("the series' step %v is not whole minutes dividing an hour", s.Step)
	}
	minutes := strconv.Itoa(int(s.Step / time.Minute))
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	if err := cw.Write(colNames[:]); err != nil {
		return err
	}
	rec := make([]string, numCols)
	var tbuf [32]byte
	for _, in := range s.Instances {
		for _, iv := range in.Intervals {
			start := iv.Start.UTC()
			if start.Unix()%int64(s.Step/time.Second) != 0 || start.Nanosecond() != 0 {
				return fmt.Errorf("instance %s: the interval at %s does not start on a %s boundary", in.Name, start.Format(time.RFC3339Nano), s.Step)
			}
			startText := string(start.AppendFormat(tbuf[:0], "2006-01-02T15:04:05Z"))
			for ch := range traffic.NumChannels {
				l := &iv.Channels[ch]
				if l.Contacts == 0 && (!l.HasPeak || l.Peak == 0) {
					continue
				}
				rec[cStart] = startText
				rec[cMinutes] = minutes
				rec[cInstance] = in.Name
				rec[cARN] = in.ARN
				rec[cQueue] = ""
				rec[cChannel] = ch.String()
				rec[cContacts] = num(l.Contacts)
				rec[cHandle] = num(l.HandleSeconds)
				rec[cConnect] = ""
				if !l.HandleStandsIn {
					rec[cConnect] = num(l.ConnectSeconds)
				}
				rec[cHandled] = ""
				if l.HasHandled {
					rec[cHandled] = num(l.Handled)
				}
				for i, c := range shareCols {
					rec[c] = ""
					if l.Shares.Has&(1<<i) != 0 {
						rec[c] = num(getShare(&l.Shares, i))
					}
				}
				rec[cPeak] = ""
				if l.HasPeak {
					rec[cPeak] = num(l.Peak)
				}
				if err := cw.Write(rec); err != nil {
					return err
				}
			}
		}
	}
	// csv.NewWriter writes through bw itself (it does not wrap a bufio.Writer of
	// its size or more again), so its Flush flushes bw.
	cw.Flush()
	return cw.Error()
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
