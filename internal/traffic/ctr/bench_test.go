package ctr

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/connectcap/connectcap/internal/traffic"
	"github.com/connectcap/connectcap/internal/traffic/ctr/ctrgen"
)

// genFile writes n generated records (three days, three instances, 5 %
// duplicates) to a file in dir.
func genFile(tb testing.TB, dir string, n int, o ctrgen.Options) string {
	tb.Helper()
	p := filepath.Join(dir, "ctr.json")
	f, err := os.Create(p)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	o.Records, o.Days, o.Instances, o.Seed = n, 3, 3, 7
	if o.DupShare == 0 {
		o.DupShare = 0.05
	}
	if _, err := ctrgen.Generate(f, o); err != nil {
		tb.Fatal(err)
	}
	return p
}

func benchMeasure(b *testing.B, n, workers int) {
	p := genFile(b, b.TempDir(), n, ctrgen.Options{Millis: 0.2})
	info, _ := os.Stat(p)
	b.SetBytes(info.Size())
	srcs := []traffic.Source{{Name: p}}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Measure(srcs, Options{Workers: workers}); err != nil {
			b.Fatal(err)
		}
	}
}

// Three sizes, ten times apart: the time per byte stays the same.
func BenchmarkMeasure3k(b *testing.B)   { benchMeasure(b, 3000, 0) }
func BenchmarkMeasure30k(b *testing.B)  { benchMeasure(b, 30000, 0) }
func BenchmarkMeasure300k(b *testing.B) { benchMeasure(b, 300000, 0) }

// One worker: the speed of one core.
func BenchmarkMeasure30kOneWorker(b *testing.B) { benchMeasure(b, 30000, 1) }

// The scanner alone on one generated record.
func BenchmarkRecord(b *testing.B) {
	p := genFile(b, b.TempDir(), 100, ctrgen.Options{})
	data, _ := os.ReadFile(p)
	var sc scanner
	var r rec
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		sc.b = data
		for i := 0; i < len(data); {
			j, _ := sc.record(i, &r)
			if j < 0 {
				b.Fatal(sc.err.msg)
			}
			i = sc.ws(j)
		}
	}
}
