// Command libfloor is a second yardstick for docs/PERFORMANCE.md: the minimal
// program of internal/jsonbaseline, plus the libraries connectcap is built on
// (cobra, viper, tablewriter and go-yaml), linked in and initialised but not
// used. The gap between it and jsonbaseline is the start-up those libraries cost
// any program; the gap between connectcap and it is connectcap's own.
package main

import (
	"os"

	"github.com/connectcap/connectcap/internal/jsonbaseline/output"

	_ "github.com/olekukonko/tablewriter"
	_ "github.com/spf13/cobra"
	_ "github.com/spf13/viper"
	_ "go.yaml.in/yaml/v3"
)

func main() {
	os.Stdout.WriteString(output.AnalyticsJSON)
}
