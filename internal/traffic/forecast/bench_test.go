package forecast

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/connectcap/connectcap/internal/traffic"
)

var benchDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// benchFile writes (once per size) a forecast of rows 15-minute rows: 50
// queues, voice and chat, interval after interval.
func benchFile(b *testing.B, rows int) string {
	b.Helper()
	if benchDir == "" {
		d, err := os.MkdirTemp("", "forecast-bench")
		if err != nil {
			b.Fatal(err)
		}
		benchDir = d
	}
	path := filepath.Join(benchDir, fmt.Sprintf("rows-%d.csv", rows))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("interval_start,interval_minutes,queue,channel,contacts,handle_time_seconds,time_in_connect_seconds,contacts_handled\n")
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	channels := [2]string{"voice", "chat"}
	for i := range rows {
		slot := i / 100
		q := (i / 2) % 50
		t := start.Add(time.Duration(slot) * 15 * time.Minute)
		fmt.Fprintf(w, "%s,15,Queue %02d,%s,%d.%d,%d,%d,%d\n", t.Format("2006-01-02T15:04:05Z"), q, channels[i%2],
			10+i%37, i%10, 180+i%300, 200+i%320, 9+i%30)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

var benchSizes = []int{10_000, 100_000, 1_000_000}

func fileSize(b *testing.B, path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return info.Size()
}

// BenchmarkRead reads a forecast file of each size.
func BenchmarkRead(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			path := benchFile(b, n)
			s, err := traffic.Sources([]string{path}, nil)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(fileSize(b, path))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				res, err := Read(s, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if res.Rows != int64(n) {
					b.Fatalf("%d rows", res.Rows)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

var sink float64

// BenchmarkBaselineCSV is the floor Read is measured against: the same file
// through encoding/csv (ReuseRecord) with strconv on the number columns and
// nothing else: no timestamps, no pooling, no checks.
func BenchmarkBaselineCSV(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			path := benchFile(b, n)
			b.SetBytes(fileSize(b, path))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				f, err := os.Open(path)
				if err != nil {
					b.Fatal(err)
				}
				r := csv.NewReader(bufio.NewReaderSize(f, 64<<10))
				r.ReuseRecord = true
				if _, err := r.Read(); err != nil {
					b.Fatal(err)
				}
				rows := 0
				for {
					rec, err := r.Read()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					m, _ := strconv.Atoi(rec[1])
					sink += float64(m)
					for _, c := range rec[4:8] {
						v, _ := strconv.ParseFloat(c, 64)
						sink += v
					}
					rows++
				}
				f.Close()
				if rows != n {
					b.Fatalf("%d rows", rows)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
