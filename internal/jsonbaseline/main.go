// Command jsonbaseline is the yardstick for docs/PERFORMANCE.md: the smallest Go
// program that prints the same bytes as
//
//	connectcap analytics --duration 10 --cph 3000 -o json
//
// The result is hard-coded on purpose. No flags, config, sizing or rendering: only Go's
// own start-up and one write, so its run time is the floor a whole connectcap run is
// compared against. The text is in package output; a test keeps it equal to
// connectcap's.
package main

import (
	"os"

	"github.com/connectcap/connectcap/internal/jsonbaseline/output"
)

func main() {
	if _, err := os.Stdout.WriteString(output.AnalyticsJSON); err != nil {
		os.Exit(1)
	}
}
