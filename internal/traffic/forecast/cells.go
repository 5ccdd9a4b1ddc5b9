package forecast

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/connectcap/connectcap/internal/traffic"
)

// trim drops surrounding spaces without allocating (most cells have none).
func trim(s string) string {
	if s == "" || (s[0] != ' ' && s[0] != '\t' && s[len(s)-1] != ' ' && s[len(s)-1] != '\t' && s[len(s)-1] != '\r') {
		return s
	}
	return strings.TrimSpace(s)
}

// parseNumber reads a count or a time: a plain decimal number, 0 or more.
func parseNumber(name, s string) (float64, string) {
	if v, ok := fastNumber(s); ok {
		return v, ""
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Sprintf("%s %q is not a number", name, s)
	}
	if v < 0 {
		return 0, fmt.Sprintf("%s %s is negative: give 0 or more", name, s)
	}
	return v, ""
}

func parseShare(name, s string) (float64, string) {
	v, ok := fastNumber(s)
	var err error
	if !ok {
		v, err = strconv.ParseFloat(s, 64)
	}
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Sprintf("%s %q is not a number", name, s)
	}
	if v < 0 || v > 1 {
		return 0, fmt.Sprintf("%s %s is not a share from 0 to 1 (0.25 is 25 %%)", name, s)
	}
	return v, ""
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// fastNumber reads digits with an optional decimal point, 15 digits at most,
// as strconv.ParseFloat would: the digits and the power of ten are exact in a
// float64, and one division rounds correctly. Anything else is left to
// ParseFloat.
func fastNumber(s string) (float64, bool) {
	var mant uint64
	digits, frac := 0, -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '.' {
			if frac >= 0 {
				return 0, false
			}
			frac = 0
			continue
		}
		d := c - '0'
		if d > 9 {
			return 0, false
		}
		mant = mant*10 + uint64(d)
		digits++
		if frac >= 0 {
			frac++
		}
	}
	if digits == 0 || digits > 15 {
		return 0, false
	}
	return float64(mant) / pow10[max(frac, 0)], true // frac is -1 without a point; a division by 1 is exact
}

// acceptedMinutes are the interval lengths accepted: the divisors of 60.
var acceptedMinutes = []int{1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60}

func minutesOK(m int) bool {
	return m >= 1 && m <= 60 && 60%m == 0
}

const tooLong = "intervals longer than an hour (daily totals) cannot give a peak interval: export 15- or 30-minute intervals"

// minutesMessage says why an interval length of m minutes is refused. 60 is
// accepted, so a refused length from 60 up is longer than an hour.
func minutesMessage(value string, m int) string {
	if m > 59 {
		return fmt.Sprintf("interval length %s: %s", value, tooLong)
	}
	return fmt.Sprintf("interval length %s is not accepted: give whole minutes dividing an hour (%s)", value, joinInts(acceptedMinutes))
}

func joinInts(v []int) string {
	s := make([]string, len(v))
	for i, n := range v {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ", ")
}

// parseMinutes reads an interval length: whole minutes (15), optionally with a
// unit as Amazon Connect and WFM exports write it (15mins, 15 min, 15m); daily
// and weekly are refused.
func parseMinutes(s string) (int, string) {
	if n, ok := digits(s); ok && s != "" && len(s) <= 6 {
		if !minutesOK(n) {
			return 0, minutesMessage(s, n)
		}
		return n, ""
	}
	l := strings.ToLower(trim(s))
	switch l {
	case "daily", "day", "1d", "weekly", "week", "monthly", "month":
		return 0, fmt.Sprintf("interval length %q: %s", s, tooLong)
	}
	i := 0
	for i < len(l) && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	unit := strings.TrimSpace(l[i:])
	switch unit {
	case "m", "min", "mins", "minute", "minutes":
		if n, ok := digits(l[:i]); ok && i > 0 && i <= 6 {
			if !minutesOK(n) {
				return 0, minutesMessage(s, n)
			}
			return n, ""
		}
	case "h", "hour", "hours":
		if n, ok := digits(l[:i]); ok && i > 0 && i <= 6 {
			if n != 1 {
				return 0, minutesMessage(s, n*60)
			}
			return 60, ""
		}
	}
	return 0, fmt.Sprintf("interval length %q is not whole minutes: give 15 or 30 (minutes)", s)
}

// parseChannel reads a channel name, in any case.
func parseChannel(s string) (traffic.Channel, bool) {
	switch s {
	case "voice", "VOICE":
		return traffic.Voice, true
	case "chat", "CHAT":
		return traffic.Chat, true
	}
	for i, n := range traffic.ChannelNames() {
		if strings.EqualFold(trim(s), n) {
			return traffic.Channel(i), true
		}
	}
	return 0, false
}

func channelMessage(s string) string {
	return fmt.Sprintf("channel %q is not known: accepted: %s (in any case)", s, strings.Join(traffic.ChannelNames(), ", "))
}
