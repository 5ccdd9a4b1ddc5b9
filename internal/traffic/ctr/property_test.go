package ctr

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/connectcap/connectcap/internal/traffic"
	"github.com/connectcap/connectcap/internal/traffic/ctr/ctrgen"
)

// Random chat spans to the millisecond, on a grid of a minute: the peak, its
// first instant and every interval's peak equal a brute-force count over every
// candidate instant (each start, and each interval's start).
func TestPeakProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	base := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC).UnixMilli()
	for round := range 40 {
		n := 1 + rng.IntN(60)
		type sp struct{ s, e int64 }
		var spans []sp
		var text strings.Builder
		for k := range n {
			s := base + rng.Int64N(10*60_000)
			if rng.IntN(3) == 0 {
				s = s / 1000 * 1000 // whole seconds, so that ends meet starts
			}
			e := s + rng.Int64N(3*60_000)
			if rng.IntN(4) == 0 && len(spans) > 0 {
				e = s + (spans[rng.IntN(len(spans))].s-s)%60_000 // end where another starts
				if e < s {
					e = s
				}
			}
			spans = append(spans, sp{s, e})
			fmt.Fprintf(&text, `{"Channel":"CHAT","ContactId":"c%d","InitiationTimestamp":"%s","DisconnectTimestamp":"%s","InstanceARN":"i"}`+"\n",
				k, time.UnixMilli(s).UTC().Format("2006-01-02T15:04:05.000Z"), time.UnixMilli(e).UTC().Format("2006-01-02T15:04:05.000Z"))
		}
		open := func(at int64) int {
			c := 0
			for _, x := range spans {
				if x.s <= at && at < x.e {
					c++
				}
			}
			return c
		}
		best, bestAt := 0, int64(0)
		for _, x := range spans {
			if c := open(x.s); c > best || (c == best && c > 0 && x.s < bestAt) {
				best, bestAt = c, x.s
			}
		}
		r := measureText(t, Options{Interval: time.Minute}, text.String())
		in := r.Instances[0]
		want := Peak{Value: best, Seen: true}
		if best > 0 {
			want.At = time.UnixMilli(bestAt).UTC()
		}
		if in.Peaks[Chats] != want {
			t.Fatalf("round %d: peak %+v, want %+v", round, in.Peaks[Chats], want)
		}
		for _, iv := range in.Intervals {
			s := iv.Start.UnixMilli()
			pk := open(s)
			for _, x := range spans {
				if x.s >= s && x.s < s+60_000 {
					pk = max(pk, open(x.s))
				}
			}
			if iv.Peak[Chats] != pk || iv.Channels[traffic.Chat].Peak != float64(pk) {
				t.Fatalf("round %d: interval %v peak %d, want %d", round, iv.Start, iv.Peak[Chats], pk)
			}
		}
	}
}

// generate writes generated records to dir and returns the path.
func generate(t *testing.T, dir, name string, o ctrgen.Options) (string, *ctrgen.Answer) {
	t.Helper()
	var buf bytes.Buffer
	ans, err := ctrgen.Generate(&buf, o)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p, ans
}

func checkAnswer(t *testing.T, what string, r *Result, ans *ctrgen.Answer) {
	t.Helper()
	if r.Records != ans.Records || r.Distinct != ans.Distinct || r.Duplicates != ans.Duplicates ||
		r.Monitor != ans.Monitor || r.NeverDequeued != ans.NeverDequeued || r.Problems != 0 {
		t.Fatalf("%s: records %d distinct %d duplicates %d monitor %d never %d problems %d %v, want %+v",
			what, r.Records, r.Distinct, r.Duplicates, r.Monitor, r.NeverDequeued, r.Problems, r.Samples, ans)
	}
	if len(r.Instances) != len(ans.Peaks) {
		t.Fatalf("%s: %d instances, want %d", what, len(r.Instances), len(ans.Peaks))
	}
	for _, in := range r.Instances {
		for k := range NumKinds {
			want, at := ans.Peaks[in.ARN][k], ans.PeakAts[in.ARN][k]
			if in.Peaks[k].Value != want || (want > 0 && !in.Peaks[k].At.Equal(at)) {
				t.Errorf("%s: %s %s peak %+v, want %d at %v", what, in.Name, k, in.Peaks[k], want, at)
			}
		}
	}
}

// Generated records (duplicates, callbacks, transfers, monitors, milliseconds)
// measured against the generator's own answer, as lines and concatenated, plain
// and gzip, from a file and from stdin; and with batches of 4 KiB, one worker
// and four give the same result as one batch.
func TestGeneratedAndParallel(t *testing.T) {
	dir := t.TempDir()
	o := ctrgen.Options{Records: 3000, Days: 1, Instances: 3, DupShare: 0.1, Seed: 11, Millis: 0.3}
	lines, ans := generate(t, dir, "lines.json", o)
	o.Concatenated = true
	concat, ans2 := generate(t, dir, "concat.json", o)
	o.Concatenated, o.Gzip = false, true
	zipped, ans3 := generate(t, dir, "lines.json.gz", o)
	if !reflect.DeepEqual(ans, ans2) || !reflect.DeepEqual(ans, ans3) {
		t.Fatal("the generator's answer depends on the format")
	}
	base := measure(t, Options{}, lines)
	checkAnswer(t, "lines", base, ans)
	defer func(n int) { batchSize = n }(batchSize)
	for _, size := range []int{1 << 20, 4096, 777} {
		batchSize = size
		for _, workers := range []int{1, 4} {
			for _, p := range []string{lines, concat, zipped} {
				r := measure(t, Options{Workers: workers}, p)
				what := fmt.Sprintf("%s, batch %d, %d workers", filepath.Base(p), size, workers)
				checkAnswer(t, what, r, ans)
				if !sameCounts(r, base) || r.Bytes != base.Bytes && !strings.Contains(p, "concat") {
					t.Fatalf("%s differs from one batch", what)
				}
			}
			text, _ := os.ReadFile(lines)
			if r := measureText(t, Options{Workers: workers}, string(text)); !sameCounts(r, base) {
				t.Fatalf("stdin, batch %d, %d workers differs", size, workers)
			}
		}
	}
}

// Problems keep their line numbers across batches, mapped or read.
func TestLinesAcrossBatches(t *testing.T) {
	var text strings.Builder
	var want []int64
	for k := 1; k <= 400; k++ {
		if k%37 == 0 {
			text.WriteString("{broken\n")
			want = append(want, int64(k))
			continue
		}
		fmt.Fprintf(&text, `{"Channel":"CHAT","ContactId":"c%d","InitiationTimestamp":"2026-03-02T10:00:00Z","DisconnectTimestamp":"2026-03-02T10:01:00Z","InstanceARN":"i"}`+"\n", k)
	}
	p := filepath.Join(t.TempDir(), "l.json")
	os.WriteFile(p, []byte(text.String()), 0o644)
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte(text.String()))
	zw.Close()
	defer func(n int) { batchSize = n }(batchSize)
	batchSize = 1000
	for _, r := range []*Result{measure(t, Options{MaxSamples: 100, Workers: 3}, p), measureText(t, Options{MaxSamples: 100, Workers: 3}, z.String())} {
		var got []int64
		for _, s := range r.Samples {
			got = append(got, s.Line)
		}
		if !reflect.DeepEqual(got, want) || r.Problems != int64(len(want)) || r.Distinct != 400-int64(len(want)) {
			t.Fatalf("lines %v, want %v", got, want)
		}
	}
}

// Enough contacts for result's first pass to split the entries between two
// goroutines: one worker and two give the same result, the generator's answer.
func TestGeneratedLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 20,000 records")
	}
	o := ctrgen.Options{Records: 20000, Days: 2, Instances: 3, DupShare: 0.1, Seed: 5, Millis: 0.3}
	p, ans := generate(t, t.TempDir(), "large.json", o)
	one := measure(t, Options{Workers: 1}, p)
	checkAnswer(t, "one worker", one, ans)
	two := measure(t, Options{Workers: 2}, p)
	checkAnswer(t, "two workers", two, ans)
	if !reflect.DeepEqual(one, two) {
		t.Fatal("one worker and two differ")
	}
}

// The radix sort of events sorts as slices.Sort does, for spans of values from
// one to 44 bits, with repeated values.
func TestRadixSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var so sorter
	for _, w := range []int{1, 5, 11, 12, 22, 29, 33, 44} {
		for _, n := range []int{0, 1, 255, 256, 1000, 5000} {
			lo := rng.Int64N(1 << 42)
			ev := make([]int64, n)
			for k := range ev {
				ev[k] = lo + rng.Int64N(1<<w)
				if k > 0 && rng.IntN(5) == 0 {
					ev[k] = ev[rng.IntN(k)]
				}
			}
			want := slices.Clone(ev)
			slices.Sort(want)
			hi := lo + 1<<w - 1
			if got := so.sort(ev, lo, hi); !slices.Equal(got, want) {
				t.Fatalf("%d bits, %d values: not sorted", w, n)
			}
		}
	}
}
