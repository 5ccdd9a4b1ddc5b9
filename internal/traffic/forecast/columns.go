package forecast

import (
	"fmt"
	"strconv"
	"strings"
)

// col is one of the values a row gives, named as connectcap's own format names
// its column.
type col int

const (
	cStart col = iota
	cMinutes
	cInstance
	cARN
	cQueue
	cChannel
	cContacts
	cHandle
	cConnect
	cHandled
	cPostCall
	cRealtime
	cPostChat
	cVoiceID
	cPeak
	numCols
	// cQueueID stands for Amazon Connect's QueueId, which keys the queue in
	// place of QueueName: not a column of connectcap's own.
	cQueueID = numCols
)

// colNames are the header names of connectcap's own format, in the order
// WriteCSV writes them.
var colNames = [numCols]string{
	"interval_start", "interval_minutes", "instance", "instance_arn", "queue", "channel",
	"contacts", "handle_time_seconds", "time_in_connect_seconds", "contacts_handled",
	"post_call_share", "realtime_share", "post_chat_share", "voice_id_share", "peak_concurrency",
}

// ownRequired are the columns a file in connectcap's own format must have.
var ownRequired = []col{cStart, cMinutes, cChannel, cContacts, cHandle}

// mappedRequired are the columns a mapping must give (interval length and
// channel may come from Options instead).
var mappedRequired = []col{cStart, cContacts, cHandle}

// aliases are the short names --columns accepts besides the own column names.
var aliases = map[string]col{
	"start":   cStart,
	"minutes": cMinutes,
	"handle":  cHandle,
	"connect": cConnect,
	"handled": cHandled,
}

var aliasOrder = []string{"start", "minutes", "handle", "connect", "handled"}

func colByName(name string) (col, bool) {
	for c, n := range colNames {
		if n == name {
			return col(c), true
		}
	}
	c, ok := aliases[name]
	return c, ok
}

// ColumnKeys lists the keys a column mapping accepts: the own format's column
// names, then the short aliases.
func ColumnKeys() []string {
	out := append([]string{}, colNames[:]...)
	for _, a := range aliasOrder {
		out = append(out, fmt.Sprintf("%s (%s)", a, colNames[aliases[a]]))
	}
	return out
}

func acceptedKeys() string { return strings.Join(ColumnKeys(), ", ") }

// ParseColumns reads a column mapping such as "start=Date and Time,contacts=
// Contacts Offered,handle=Average Handle Time,queue=Queue": comma-separated
// key=value pairs, a key being one of connectcap's own column names or a short
// alias (start, minutes, handle, connect, handled), a value being a header name,
// #N for the N-th column (1-based), or several of those joined by + (numbers are
// summed: handle=#5+#6 for task time plus after-task work; start=#1+#2 joins a
// date and a time column with a space). Keys in the result are the own column
// names; spaces around keys and values are trimmed, so header names cannot
// contain commas.
func ParseColumns(s string) (map[string]string, error) {
	out := map[string]string{}
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("column mapping is empty: give key=column pairs such as start=Date and Time,contacts=Contacts Offered (keys: %s)", acceptedKeys())
	}
	for _, pair := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(pair, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok {
			return nil, fmt.Errorf("column mapping %q: not key=column (keys: %s)", strings.TrimSpace(pair), acceptedKeys())
		}
		c, known := colByName(strings.ToLower(k))
		if !known {
			return nil, fmt.Errorf("column mapping key %q is not known: accepted keys: %s", k, acceptedKeys())
		}
		if v == "" {
			return nil, fmt.Errorf("column mapping key %s: no column given (a header name or #N)", k)
		}
		if _, err := parseRefs(v); err != nil {
			return nil, fmt.Errorf("column mapping key %s: %v", k, err)
		}
		name := colNames[c]
		if _, dup := out[name]; dup {
			return nil, fmt.Errorf("column mapping key %s is given twice", k)
		}
		out[name] = v
	}
	return out, nil
}

// ref is one column reference of a mapping: a header name, or a 1-based
// position when pos > 0.
type ref struct {
	name string
	pos  int
}

// parseRefs splits a mapping value into its references. A value that is a
// header name containing + is resolved whole first, by the caller.
func parseRefs(v string) ([]ref, error) {
	var out []ref
	for _, part := range strings.Split(v, "+") {
		part = strings.TrimSpace(part)
		if part == "" {
			return nil, fmt.Errorf("%q: an empty column between + signs", v)
		}
		if strings.HasPrefix(part, "#") {
			n, err := strconv.Atoi(part[1:])
			if err != nil || n < 1 || n > 100000 {
				return nil, fmt.Errorf("%q: #N needs a column number from 1 (#1 is the first column)", part)
			}
			out = append(out, ref{pos: n})
			continue
		}
		out = append(out, ref{name: part})
	}
	return out, nil
}
