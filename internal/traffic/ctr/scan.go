package ctr

import (
	"encoding/binary"
	"math/bits"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// maxDepth bounds nesting, as encoding/json does (it refuses more than 10000
// levels): a record nested deeper is malformed.
const maxDepth = 10000

// syntaxError is where and why a record is not JSON. end marks a value cut short
// by the end of the input (a stream reader then reads on).
type syntaxError struct {
	pos int
	msg string
	end bool
}

// scanner walks one JSON text in b. Every function takes the index of the first
// byte of what it reads and returns the index after it, or -1 with err set.
type scanner struct {
	b     []byte
	err   syntaxError
	depth int
	// scratch holds unescaped strings of the current record.
	scratch []byte
	// keys predicts object keys (keys.go); nil until the first record. ctx is
	// the hash of the key whose value is being read.
	keys *[1 << keyBits]keySlot
	ctx  uint32
	date lastDate // of the last timestamp read
}

func (s *scanner) fail(pos int, msg string) int {
	if pos >= len(s.b) {
		s.err = syntaxError{pos: len(s.b), msg: "unexpected end of the record", end: true}
		return -1
	}
	s.err = syntaxError{pos: pos, msg: msg + " " + quoteByte(s.b[pos])}
	return -1
}

func quoteByte(c byte) string {
	if c < 0x20 || c >= 0x7f {
		return "byte 0x" + strconv.FormatUint(uint64(c), 16)
	}
	return strconv.QuoteRune(rune(c))
}

// ws skips JSON white space.
func (s *scanner) ws(i int) int {
	b := s.b
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// str reads a string whose opening quote is at i-1: it returns the index after
// the closing quote, and whether the string holds escapes. It checks escapes and
// refuses control characters, as encoding/json does; bytes from 0x80 up are
// taken as they come (encoding/json, too, accepts invalid UTF-8).
func (s *scanner) str(i int) (int, bool) {
	b := s.b
	// Eight bytes at a time: find the first quote, backslash or control
	// character (the lowest flagged byte is exact). x^0x02 maps the quote
	// (0x22) to 0x20 and control characters to control characters, so that
	// one test below 0x21 finds both.
	if i > len(b) {
		return s.strSlow(i, false)
	}
	for r := b[i:]; len(r) >= 8; r = r[8:] {
		x := binary.LittleEndian.Uint64(r)
		y := x ^ (lsb * 0x02)
		bs := x ^ (lsb * '\\')
		m := (((y - lsb*0x21) &^ y) | ((bs - lsb) &^ bs)) & msb
		if m != 0 {
			k := bits.TrailingZeros64(m) >> 3
			if r[k] == '"' {
				return len(b) - len(r) + k + 1, false
			}
			return s.strSlow(len(b)-len(r)+k, false)
		}
	}
	return s.strSlow(len(b)-(len(b)-i)%8, false)
}

// strSlow goes on from i, in a string, one byte at a time.
func (s *scanner) strSlow(i int, esc bool) (int, bool) {
	b := s.b
	for {
		for i < len(b) && b[i] != '"' && b[i] != '\\' && b[i] >= 0x20 {
			i++
		}
		if i >= len(b) {
			return s.fail(i, ""), false
		}
		switch c := b[i]; {
		case c == '"':
			return i + 1, esc
		case c == '\\':
			esc = true
			if i+1 >= len(b) {
				return s.fail(i+1, ""), false
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				for k := i + 2; k < i+6; k++ {
					if k >= len(b) {
						return s.fail(k, ""), false
					}
					if !isHex(b[k]) {
						return s.fail(k, "invalid character in \\u escape:"), false
					}
				}
				i += 6
			default:
				return s.fail(i+1, "invalid escape character"), false
			}
		default:
			return s.fail(i, "invalid character in string:"), false
		}
	}
}

func isHex(c byte) bool {
	return c-'0' < 10 || (c|0x20)-'a' < 6
}

// value skips any JSON value starting at i (white space already skipped).
func (s *scanner) value(i int) int {
	b := s.b
	if i >= len(b) {
		return s.fail(i, "")
	}
	switch c := b[i]; c {
	case '"':
		j, _ := s.str(i + 1)
		return j
	case '{':
		return s.object(i)
	case '[':
		return s.array(i)
	case 't':
		return s.lit(i, "true")
	case 'f':
		return s.lit(i, "false")
	case 'n':
		return s.lit(i, "null")
	default:
		if c == '-' || c-'0' < 10 {
			return s.number(i)
		}
		return s.fail(i, "invalid character looking for a value:")
	}
}

func (s *scanner) lit(i int, word string) int {
	b := s.b
	for k := 0; k < len(word); k++ {
		if i+k >= len(b) {
			return s.fail(i+k, "")
		}
		if b[i+k] != word[k] {
			return s.fail(i+k, "invalid character in literal "+word+":")
		}
	}
	return i + len(word)
}

func (s *scanner) number(i int) int {
	b := s.b
	if b[i] == '-' {
		i++
	}
	if i >= len(b) {
		return s.fail(i, "")
	}
	switch {
	case b[i] == '0':
		i++
	case b[i]-'1' < 9:
		i++
		for i < len(b) && b[i]-'0' < 10 {
			i++
		}
	default:
		return s.fail(i, "invalid character in number:")
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || b[i]-'0' >= 10 {
			return s.fail(i, "invalid character after decimal point:")
		}
		for i < len(b) && b[i]-'0' < 10 {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i]-'0' >= 10 {
			return s.fail(i, "invalid character in exponent:")
		}
		for i < len(b) && b[i]-'0' < 10 {
			i++
		}
	}
	return i
}

// object skips an object whose '{' is at i.
func (s *scanner) object(i int) int {
	s.depth++
	if s.depth > maxDepth {
		s.err = syntaxError{pos: i, msg: "nested more than 10000 levels deep"}
		return -1
	}
	b := s.b
	i = s.ws(i + 1)
	if i < len(b) && b[i] == '}' {
		s.depth--
		return i + 1
	}
	parent, prev := s.ctx, uint32(0)
	for {
		if i >= len(b) || b[i] != '"' {
			return s.fail(i, "invalid character looking for a key:")
		}
		if _, prev, i = s.key(i, levelSkip, keyContext(parent, prev)); i < 0 {
			return -1
		}
		s.ctx = prev
		if i < len(b) && b[i] == ':' {
			i++
		} else if i = s.ws(i); i < len(b) && b[i] == ':' {
			i++
		} else {
			return s.fail(i, "invalid character after a key:")
		}
		if i < len(b) && b[i] == '"' {
			if i, _ = s.str(i + 1); i < 0 {
				return -1
			}
		} else if i = s.value(s.ws(i)); i < 0 {
			return -1
		}
		if i < len(b) && b[i] > ' ' {
			// no white space: the common case
		} else {
			i = s.ws(i)
		}
		if i >= len(b) {
			return s.fail(i, "")
		}
		switch b[i] {
		case ',':
			i = s.ws(i + 1)
		case '}':
			s.depth--
			return i + 1
		default:
			return s.fail(i, "invalid character after an object value:")
		}
	}
}

// array skips an array whose '[' is at i.
func (s *scanner) array(i int) int {
	s.depth++
	if s.depth > maxDepth {
		s.err = syntaxError{pos: i, msg: "nested more than 10000 levels deep"}
		return -1
	}
	b := s.b
	i = s.ws(i + 1)
	if i < len(b) && b[i] == ']' {
		s.depth--
		return i + 1
	}
	parent := s.ctx
	for {
		s.ctx = parent // every element in the same context
		if i = s.value(i); i < 0 {
			return -1
		}
		i = s.ws(i)
		if i >= len(b) {
			return s.fail(i, "")
		}
		switch b[i] {
		case ',':
			i = s.ws(i + 1)
		case ']':
			s.depth--
			return i + 1
		default:
			return s.fail(i, "invalid character after an array element:")
		}
	}
}

// text returns the content of the string whose opening quote is at i, unescaped
// (into scratch) when it holds escapes, and the index after it.
func (s *scanner) text(i int) ([]byte, int) {
	j, esc := s.str(i + 1)
	if j < 0 {
		return nil, -1
	}
	raw := s.b[i+1 : j-1]
	if !esc {
		return raw, j
	}
	start := len(s.scratch)
	s.scratch = unescape(s.scratch, raw)
	return s.scratch[start:len(s.scratch):len(s.scratch)], j
}

// unescape appends the unescaped form of a checked string body to dst, as
// encoding/json decodes it: a \u escape that is half of a surrogate pair, or is
// not followed by its other half, becomes U+FFFD.
func unescape(dst, raw []byte) []byte {
	for i := 0; i < len(raw); {
		c := raw[i]
		if c != '\\' {
			dst = append(dst, c)
			i++
			continue
		}
		switch raw[i+1] {
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r := hex4(raw[i+2:])
			i += 6
			if utf16.IsSurrogate(r) {
				if i+6 <= len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
					if r2 := utf16.DecodeRune(r, hex4(raw[i+2:])); r2 != utf8.RuneError {
						dst = utf8.AppendRune(dst, r2)
						i += 6
						continue
					}
				}
				r = utf8.RuneError
			}
			dst = utf8.AppendRune(dst, r)
			continue
		default: // '"', '\\', '/'
			dst = append(dst, raw[i+1])
		}
		i += 2
	}
	return dst
}

func hex4(b []byte) rune {
	var r rune
	for _, c := range b[:4] {
		switch {
		case c <= '9':
			c -= '0'
		case c >= 'a':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}
