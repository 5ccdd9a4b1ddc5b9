// Command ctrbench measures contact record files with package ctr and prints the
// time taken, the throughput and the peaks: the figures of
// docs/PERFORMANCE.md ("Reading contact records"). Run it under /usr/bin/time -v for the peak RSS.
//
//	go build -o /tmp/ctrbench ./internal/tools/ctrbench && /tmp/ctrbench /tmp/ctr.jsonl
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/connectcap/connectcap/internal/traffic"
	"github.com/connectcap/connectcap/internal/traffic/ctr"
)

func main() {
	workers := flag.Int("workers", 0, "workers (0: GOMAXPROCS)")
	prof := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.Parse()
	if *prof != "" {
		f, err := os.Create(*prof)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	srcs, err := traffic.Sources(flag.Args(), os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	start := time.Now()
	r, err := ctr.Measure(srcs, ctr.Options{Workers: *workers})
	el := time.Since(start)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%d bytes, %d records in %v: %.0f MB/s (%d workers)\n", r.Bytes, r.Records, el.Round(time.Millisecond),
		float64(r.Bytes)/el.Seconds()/1e6, max(*workers, runtime.GOMAXPROCS(0)*btoi(*workers == 0)))
	fmt.Printf("distinct %d, duplicates %d, monitor %d, never dequeued %d, problems %d\n",
		r.Distinct, r.Duplicates, r.Monitor, r.NeverDequeued, r.Problems)
	fmt.Printf("heap in use %.1f MB, from the system %.1f MB\n", float64(ms.HeapInuse)/1e6, float64(ms.Sys)/1e6)
	for _, in := range r.Instances {
		fmt.Printf("%s:", in.Name)
		for k := range ctr.NumKinds {
			fmt.Printf(" %s %d", k, in.Peaks[k].Value)
		}
		fmt.Println()
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
