// Command ctrgen writes generated Amazon Connect contact records (see package
// ctrgen) and prints the answer a measure must find to standard error.
//
//	go run ./internal/tools/ctrgen -n 300000 -days 3 -o /tmp/ctr.jsonl
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"

	"github.com/connectcap/connectcap/internal/traffic/ctr/ctrgen"
)

func main() {
	var o ctrgen.Options
	out := flag.String("o", "-", "output file (- for standard output)")
	flag.IntVar(&o.Records, "n", 1000, "records to write, duplicates included")
	flag.IntVar(&o.Days, "days", 1, "days of initiation times")
	flag.IntVar(&o.Instances, "instances", 1, "instances")
	flag.Float64Var(&o.DupShare, "dup", 0.05, "share of contacts delivered twice")
	flag.BoolVar(&o.Concatenated, "concat", false, "objects back to back, no newlines")
	flag.BoolVar(&o.Gzip, "gzip", false, "gzip the output")
	flag.Float64Var(&o.Millis, "millis", 0.2, "share of timestamps with milliseconds")
	flag.Uint64Var(&o.Seed, "seed", 1, "seed")
	flag.Parse()
	w := os.Stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	ans, err := ctrgen.Generate(w, o)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "records %d, distinct %d, duplicates %d, monitor %d, never dequeued %d\n",
		ans.Records, ans.Distinct, ans.Duplicates, ans.Monitor, ans.NeverDequeued)
	var arns []string
	for a := range ans.Peaks {
		arns = append(arns, a)
	}
	slices.Sort(arns)
	for _, a := range arns {
		fmt.Fprintf(os.Stderr, "%s peaks (calls chats tasks emails post-call real-time): %v\n", a, ans.Peaks[a])
	}
}
