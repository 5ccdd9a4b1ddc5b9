package cmd

import "github.com/spf13/cobra"

// newHelpExitCodes is the `connectcap help exit-codes` topic: a command with no
// Run, which cobra lists under "Additional help topics".
func newHelpExitCodes() *cobra.Command {
	return &cobra.Command{
		Use:   "exit-codes",
		Short: "Exit codes, and how --detailed-exitcode sets them",
		Long: `connectcap exits 0 when a command ran, whatever its checks found, so
scripts can read the output. With --detailed-exitcode the status tells the
outcome of the checks as well, for CI jobs and scripts that gate on it:

` + exitCodesHelp + `

Without --detailed-exitcode, 2 and 3 are never used. Errors go to standard error
as one line that starts with "connectcap:" and says what to change.

  connectcap calls --cph 1200 --duration 6 --detailed-exitcode -o json >out.json
  case $? in
    0) echo "within quotas" ;;
    2) echo "request increases" ;;
    3) echo "a hard limit is exceeded: change the design" ;;
    *) echo "connectcap failed" ;;
  esac`,
	}
}
