package cmd_test

import (
	"bytes"
	"testing"

	"github.com/connectcap/connectcap/cmd"
	"github.com/connectcap/connectcap/internal/jsonbaseline/output"
)

// The performance yardsticks print connectcap's own output; if it changes, they
// must change with it, or the measurement compares different work.
func TestBaselinePrintsTheSameJSON(t *testing.T) {
	var out, errs bytes.Buffer
	app := cmd.App{Stdout: &out, Stderr: &errs, Stdin: &bytes.Buffer{},
		LookupEnv: func(string) (string, bool) { return "", false }, Environ: func() []string { return nil }}
	if code := cmd.Execute(app, []string{"analytics", "--duration", "10", "--cph", "3000", "-o", "json"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if out.String() != output.AnalyticsJSON {
		t.Errorf("internal/jsonbaseline/output.AnalyticsJSON differs from connectcap's output:\n%s", out.String())
	}
}
