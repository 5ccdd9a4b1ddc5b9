package cmd

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/connectcap/connectcap/internal/account"
	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/spf13/cobra"
)

// increaseRequest is what connectcap-aws submit takes (awsread.IncreaseRequest).
type increaseRequest struct {
	QuotaID     string  `json:"QuotaID"`
	ServiceCode string  `json:"ServiceCode"`
	QuotaCode   string  `json:"QuotaCode"`
	ContextARN  string  `json:"ContextARN"`
	Desired     float64 `json:"Desired"`
}

// increaseResult is what it answers for each (awsread.IncreaseResult).
type increaseResult struct {
	Request   increaseRequest `json:"Request"`
	Outcome   string          `json:"Outcome"`
	RequestID string          `json:"RequestID"`
	CaseID    string          `json:"CaseID"`
	Status    string          `json:"Status"`
	Applied   *float64        `json:"Applied"`
	Message   string          `json:"Message"`
}

type submitReport struct {
	Results []increaseResult `json:"results"`
	Calls   []account.Call   `json:"calls"`
}

// submitRequests files the plan's requests through connectcap-aws, after
// showing them and asking on a terminal (--yes for scripts).
func submitRequests(inv *invocation, cmd *cobra.Command, rs *report.Requests, f *planFlags, yes bool, format render.Format, o render.Options) error {
	var file []increaseRequest
	listing := &report.Listing{Key: "results", Columns: submitColumns}
	for _, r := range rs.Requests {
		instance := strings.Join(r.Instances, ", ")
		switch {
		case r.Method != report.MethodServiceQuotas || r.QuotaCode == nil || r.ServiceCode == nil:
			listing.Rows = append(listing.Rows, []any{r.ID, instance, r.DesiredValue, "support-form", nil, nil, nil, "No quota code: paste this into the quota increase form, " + rs.FormURL + ": " + r.Text})
		case r.PerInstance && r.ContextID == nil:
			listing.Rows = append(listing.Rows, []any{r.ID, instance, r.DesiredValue, "needs-arn", nil, nil, nil, "resource-level: Service Quotas needs the instance ARN; add arn: to the plan's instance " + instance})
		default:
			ctx := ""
			if r.ContextID != nil {
				ctx = *r.ContextID
			}
			file = append(file, increaseRequest{QuotaID: r.ID, ServiceCode: *r.ServiceCode, QuotaCode: *r.QuotaCode, ContextARN: ctx, Desired: r.DesiredValue})
		}
	}
	if len(file) > 0 {
		if !yes {
			if err := confirm(inv, cmd, rs, file); err != nil {
				return err
			}
		}
		if rs.Region == "" {
			return fmt.Errorf("--submit files in the plan's Region, and the plan has none: give region: in the plan or --region")
		}
		// One Region: the plan's.
		acct := f.account
		acct.regions = []string{rs.Region}
		args, err := acct.helperArgs(inv, false)
		if err != nil {
			return err
		}
		args = append([]string{"submit"}, args...)
		in, err := json.Marshal(file)
		if err != nil {
			return err
		}
		out, err := runAWSHelper(inv, cmd, in, args...)
		if err != nil {
			return err
		}
		var rep submitReport
		if err := json.Unmarshal(out, &rep); err != nil {
			return fmt.Errorf("%s submit: unreadable answer: %v", awsHelperName, err)
		}
		var rows [][]any
		for _, res := range rep.Results {
			instance := ""
			for _, r := range rs.Requests {
				if r.ID == res.Request.QuotaID && (r.ContextID == nil && res.Request.ContextARN == "" || r.ContextID != nil && *r.ContextID == res.Request.ContextARN) {
					instance = strings.Join(r.Instances, ", ")
				}
			}
			rows = append(rows, []any{res.Request.QuotaID, instance, res.Request.Desired, res.Outcome, orNil(res.RequestID), orNil(res.CaseID), orNil(res.Status), res.Message})
		}
		listing.Rows = append(rows, listing.Rows...)
		calls, throttled := 0, 0
		for _, c := range rep.Calls {
			calls += c.Calls
			throttled += c.Throttled
		}
		listing.Fields.Add("region", rs.Region, "Region", "")
		listing.Fields.Add("api_calls", calls, "API calls made", "")
		listing.Fields.Add("api_calls_throttled", throttled, "API calls throttled and retried", "")
	} else {
		listing.Fields.Add("region", rs.Region, "Region", "")
	}
	filed := 0
	for _, row := range listing.Rows {
		if row[3] == "filed" {
			filed++
		}
	}
	listing.Summary = fmt.Sprintf("%d filed of %d requests; running it again files nothing twice (an open request or a met value is skipped).", filed, len(listing.Rows))
	d := report.Document{Command: "request", Title: "Quota increase requests filed (connectcap request --submit)", Body: listing}
	if err := render.Write(cmd.OutOrStdout(), d, format, o); err != nil {
		return err
	}
	for _, row := range listing.Rows {
		if row[3] == "failed" {
			fmt.Fprintf(cmd.ErrOrStderr(), "connectcap: warning: %v could not be filed: %v\n", row[0], row[7])
			return exitCode(ExitPartial)
		}
	}
	return nil
}

var submitColumns = []report.ListColumn{
	{Key: "id", Header: "QUOTA", Wrap: 16},
	{Key: "instances", Header: "INSTANCE", Wrap: 12},
	{Key: "desired_value", Header: "DESIRED", Right: true},
	{Key: "outcome", Header: "OUTCOME"},
	{Key: "request_id", Header: "REQUEST"},
	{Key: "case_id", Header: "CASE"},
	{Key: "status", Header: "STATUS"},
	{Key: "message", Header: "NOTE", Wrap: 24},
}

func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// confirm shows the requests on stderr and asks on the terminal; without a
// terminal it refuses.
func confirm(inv *invocation, cmd *cobra.Command, rs *report.Requests, file []increaseRequest) error {
	in, ok := inv.app.Stdin.(*os.File)
	if !ok || !isTerminal(in) {
		return fmt.Errorf("--submit asks before filing, and standard input is not a terminal: give --yes to file the %d requests without asking (scripts)", len(file))
	}
	w := cmd.ErrOrStderr()
	fmt.Fprintf(w, "connectcap will file %d quota increase requests in %s:\n", len(file), rs.Region)
	for _, r := range file {
		where := "account level"
		if r.ContextARN != "" {
			where = r.ContextARN
		}
		fmt.Fprintf(w, "  %s %s -> %s (%s)\n", r.ServiceCode, r.QuotaCode, render.Raw(r.Desired), where)
	}
	fmt.Fprint(w, "File them? [y/N] ")
	line, _ := bufio.NewReader(in).ReadString('\n')
	if a := strings.ToLower(strings.TrimSpace(line)); a != "y" && a != "yes" {
		return fmt.Errorf("nothing filed")
	}
	return nil
}

// requestStatus is one request as connectcap-aws status lists it
// (awsread.RequestStatus).
type requestStatus struct {
	Region, ID, CaseID, ServiceCode, QuotaCode, QuotaName, Status, ContextARN string
	Desired                                                                   float64
	Created                                                                   time.Time
}

type statusReport struct {
	Requests []requestStatus `json:"requests"`
	Problems []struct {
		Region string `json:"region"`
		account.Problem
	} `json:"problems"`
	Calls []account.Call `json:"calls"`
}

func newCmdRequestStatus(inv *invocation) *cobra.Command {
	var a accountFlags
	var output string
	cmd := &cobra.Command{
		Use:   "status --region REGION",
		Short: "List the quota increase requests for Connect's quotas, with their status and age",
		Long: `List the Service Quotas increase requests for the quotas connectcap checks (Amazon
Connect and its companion services), newest first, with their status (PENDING,
CASE_OPENED, APPROVED, DENIED, NOT_APPROVED, CASE_CLOSED, INVALID_REQUEST), age
and support case. Read by connectcap-aws, beside connectcap.`,
		Example: `  connectcap request status --region us-east-1
  connectcap request status --region us-east-1 --region eu-west-2 -o json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			hargs, err := a.helperArgs(inv, false)
			if err != nil {
				return err
			}
			out, err := runAWSHelper(inv, cmd, nil, append([]string{"status"}, hargs...)...)
			if err != nil {
				return err
			}
			var rep statusReport
			if err := json.Unmarshal(out, &rep); err != nil {
				return fmt.Errorf("%s status: unreadable answer: %v", awsHelperName, err)
			}
			now := time.Now()
			l := &report.Listing{Key: "requests", Columns: statusColumns}
			for _, r := range rep.Requests {
				l.Rows = append(l.Rows, []any{r.Region, r.QuotaName, r.ServiceCode, r.QuotaCode, orNil(shortARN(r.ContextARN)), r.Desired, r.Status, report.Instant(r.Created), age(now, r.Created), orNil(r.CaseID), r.ID})
			}
			calls := 0
			for _, c := range rep.Calls {
				calls += c.Calls
			}
			l.Fields.Add("api_calls", calls, "API calls made", "")
			l.Summary = fmt.Sprintf("%d requests.", len(l.Rows))
			for _, p := range rep.Problems {
				fmt.Fprintf(cmd.ErrOrStderr(), "connectcap: warning: %s: could not read %s: %s: %s\n", p.Region, p.What, p.Code, p.Message)
			}
			d := report.Document{Command: "request status", Title: "Quota increase requests (connectcap request status)", Body: l}
			if err := render.Write(cmd.OutOrStdout(), d, render.Format(output), tableOptions(cmd)); err != nil {
				return err
			}
			if len(rep.Problems) > 0 {
				return exitCode(ExitPartial)
			}
			return nil
		},
	}
	a.add(cmd, false)
	addOutputFlag(cmd, &output)
	return cmd
}

var statusColumns = []report.ListColumn{
	{Key: "region", Header: "REGION"},
	{Key: "quota_name", Header: "QUOTA", Wrap: 16},
	{Key: "service_code", Header: "SERVICE"},
	{Key: "quota_code", Header: "CODE"},
	{Key: "instance", Header: "INSTANCE", Wrap: 12},
	{Key: "desired_value", Header: "DESIRED", Right: true},
	{Key: "status", Header: "STATUS"},
	{Key: "created", Header: "CREATED"},
	{Key: "age", Header: "AGE", Right: true},
	{Key: "case_id", Header: "CASE"},
	{Key: "request_id", Header: "REQUEST"},
}

// shortARN is an instance ARN's id.
func shortARN(arn string) string {
	if i := strings.LastIndexByte(arn, '/'); i >= 0 {
		return arn[i+1:]
	}
	return arn
}
