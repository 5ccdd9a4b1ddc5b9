package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/connectcap/connectcap/internal/account"
	"github.com/connectcap/connectcap/internal/input"
	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/connectcap/connectcap/sizing"
	"github.com/connectcap/connectcap/tables"
	"github.com/spf13/cobra"
)

// accountFlags say how to reach the account.
type accountFlags struct {
	regions []string
	profile string
	since   float64 // minutes
	rate    float64
	debug   bool
}

func (a *accountFlags) add(cmd *cobra.Command, withSince bool) {
	fs := cmd.Flags()
	fs.StringArrayVar(&a.regions, "region", nil, "AWS Region to read (repeat for several; default: AWS_REGION, then AWS_DEFAULT_REGION)")
	_ = cmd.RegisterFlagCompletionFunc("region", cobra.FixedCompletions(connectRegions, cobra.ShellCompDirectiveNoFileComp))
	fs.StringVar(&a.profile, "profile", "", "named profile of the shared AWS config and credentials files (default: the standard credential chain)")
	if withSince {
		addNumberDefault(fs, &a.since, "since", input.LookBack, 14*24*60,
			"look-back of the observed peaks in CloudWatch: 14d, 36h, up to 455d (1-minute points are kept 15 days, 5-minute 63, hourly 455)")
	}
	addNumberDefault(fs, &a.rate, "api-rate", input.Amount.Above(0).To(100).Named("requests per second per API"), 1,
		"connectcap's own pace per API operation, requests per second (the account's Connect budget is 2 per second, burst 5, shared with your integrations)")
	addBool(fs, &a.debug, "debug", "one line per API request on stderr (operation, host, status, time; never a credential or a signed header)")
}

// helperArgs are the arguments connectcap-aws takes for these flags.
func (a *accountFlags) helperArgs(inv *invocation, withSince bool) ([]string, error) {
	var args []string
	regions := a.regions
	if len(regions) == 0 {
		if r, ok := lookupEnv(inv, "AWS_REGION"); ok && r != "" {
			regions = []string{r}
		} else if r, ok := lookupEnv(inv, "AWS_DEFAULT_REGION"); ok && r != "" {
			regions = []string{r}
		} else {
			return nil, fmt.Errorf("missing --region: give the Region to read (repeat --region for several), or set AWS_REGION")
		}
	}
	for _, r := range regions {
		if _, err := input.Region.Parse(r); err != nil {
			return nil, fmt.Errorf("--region %s: %v", r, err)
		}
		args = append(args, "--region", r)
	}
	if a.profile != "" {
		args = append(args, "--profile", a.profile)
	}
	if withSince {
		args = append(args, "--since", strconv.FormatFloat(a.since, 'f', -1, 64)+"m")
	}
	args = append(args, "--api-rate", strconv.FormatFloat(a.rate, 'f', -1, 64))
	if a.debug {
		args = append(args, "--debug")
	}
	return args, nil
}

func lookupEnv(inv *invocation, k string) (string, bool) {
	if inv.app.LookupEnv == nil {
		return "", false
	}
	return inv.app.LookupEnv(k)
}

// readAccount runs connectcap-aws read.
func readAccount(inv *invocation, cmd *cobra.Command, a *accountFlags) (*account.Report, error) {
	args, err := a.helperArgs(inv, true)
	if err != nil {
		return nil, err
	}
	out, err := runAWSHelper(inv, cmd, nil, append([]string{"read"}, args...)...)
	if err != nil {
		return nil, err
	}
	var rep account.Report
	if err := json.Unmarshal(out, &rep); err != nil {
		return nil, fmt.Errorf("%s read: unreadable answer: %v", awsHelperName, err)
	}
	return &rep, nil
}

// AccountOptions is what connectcap account runs with.
type AccountOptions struct {
	Account   accountFlags
	Edition   tables.Edition
	TargetPct float64
	Output
}

func newCmdAccount(inv *invocation, runF func(*AccountOptions) error) *cobra.Command {
	var a accountFlags
	var c commonFlags
	cmd := &cobra.Command{
		Use:   "account --region REGION",
		Short: "Check the live account: resource counts and observed peaks against its applied quotas",
		Long: `Read the live account with the AWS SDK and the standard credential chain
(environment, shared config and credentials files, --profile, SSO, container and
instance roles) and check it: for each Amazon Connect instance, the resource counts
from the Connect list APIs (users, queues, routing profiles and their queue-channel
combinations, flows, modules, hours of operation, phone numbers, prompts, quick
connects, security profiles, hierarchy groups, agent statuses, Lambda functions, Lex
bots and V2 aliases, task templates, ...) and the concurrency peaks CloudWatch saw
over --since (calls, chats, tasks: Maximum; breaching and throttled counts: Sum),
against the applied values from Service Quotas (account-level, and per instance for
resource-level quotas), falling back to the AWS default and then to the catalogue.
limit_source is account; where the applied value differs from the default, the
default is shown beside it. Where Service Quotas has no value for the calls quota,
it is derived as the page does (ConcurrentCalls / ConcurrentCallsPercentage) and
the note says so.

connectcap paces its own requests (--api-rate per API operation, 1 a second by
default: the account's Connect budget of 2 a second is shared with your
integrations), retries throttling with backoff and says how many calls it made. An
API it may not call, a Region without Amazon Connect, a quota Service Quotas does
not know: the check says what could not be read, the rest go on, and the exit
status is 4 (partial). 'connectcap account iam-policy' prints the least-privilege
policy. The reading is done by connectcap-aws, installed beside connectcap.`,
		Example: `  connectcap account --region us-east-1
  connectcap account --region us-east-1 --region eu-west-2 --profile prod -o json > account.json
  connectcap plan -f plan.yaml --applied account.json
  connectcap account iam-policy > connectcap-read.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := &AccountOptions{Account: a, Edition: tables.Edition(c.edition), TargetPct: c.target, Output: c.outputOptions(cmd)}
			if runF != nil {
				return runF(opts)
			}
			rep, err := readAccount(inv, cmd, &opts.Account)
			if err != nil {
				return err
			}
			r, partial := AccountResult(rep, opts.Edition, opts.TargetPct)
			accountNotes(cmd.ErrOrStderr(), rep)
			if err := render.Write(opts.Out, r.Document(), opts.Format, opts.Table); err != nil {
				return err
			}
			if partial {
				return exitCode(ExitPartial)
			}
			return detailedExit(r.Worst(), opts.DetailedExitcode)
		},
	}
	a.add(cmd, true)
	addEdition(cmd, &c.edition)
	addTarget(cmd.Flags(), &c.target)
	addBool(cmd.Flags(), &c.detailed, "detailed-exitcode", detailedUsage)
	addOutputFlag(cmd, &c.output)
	cmd.AddCommand(newCmdIAMPolicy())
	return cmd
}

// peakQuotas are the CloudWatch concurrency metrics and the quotas they fill.
var peakQuotas = []struct{ metric, id string }{
	{"ConcurrentCalls", "connect.concurrent-active-calls"},
	{"ConcurrentActiveChats", "connect.concurrent-active-chats"},
	{"ConcurrentTasks", "connect.concurrent-active-tasks"},
	{"ConcurrentEmails", sizing.ConcurrentEmailsID},
}

// breachMetrics are the CloudWatch counts of contacts turned away, by the quota
// they tell about.
var breachMetrics = map[string]string{
	"CallsBreachingConcurrencyQuota": "connect.concurrent-active-calls",
	"ThrottledCalls":                 "connect.concurrent-active-calls",
	"ChatsBreachingActiveChatQuota":  "connect.concurrent-active-chats",
	"TasksBreachingConcurrencyQuota": "connect.concurrent-active-tasks",
}

// accountLimits answer a quota's limit from the account: the instance's
// resource-level value, then the Region's account-level one, then the page's
// default in the Region.
type accountLimits struct {
	values   map[string]account.Applied // quota code → applied, instance first
	region   string
	defaults report.Limits
}

func (l accountLimits) Limit(q tables.Quota) report.Limit {
	if a, ok := l.values[q.QuotaCode]; ok && q.QuotaCode != "" {
		return report.Limit{Value: a.Value, Source: report.FromAccount}
	}
	return l.defaults.Limit(q)
}

// AccountResult checks a read of the account; partial reports that something
// could not be read.
func AccountResult(rep *account.Report, edition tables.Edition, targetPct float64) (*report.Result, bool) {
	r := report.New("account", "The live account (connectcap account)")
	cat := tables.In(edition)
	var regions []string
	partial := false
	several := len(rep.Regions) > 1
	for _, reg := range rep.Regions {
		// With several Regions, every name says its Region.
		label := func(in account.Instance) string {
			if several {
				return reg.Region + "/" + instanceLabel(in)
			}
			return instanceLabel(in)
		}
		regions = append(regions, reg.Region)
		partial = partial || len(reg.Problems) > 0
		regionValues := map[string]account.Applied{}
		for _, a := range reg.Applied {
			regionValues[a.QuotaCode] = a
		}
		common := func(in *account.Instance) (sizing.Common, map[string]account.Applied) {
			values := map[string]account.Applied{}
			for k, v := range regionValues {
				values[k] = v
			}
			name := ""
			if in != nil {
				for _, a := range in.Applied {
					values[a.QuotaCode] = a
				}
				name = label(*in)
			}
			return sizing.Common{Limits: accountLimits{values: values, region: reg.Region, defaults: report.Defaults{Region: reg.Region}},
				Region: reg.Region, TargetPct: targetPct, Edition: cat.Edition, Instance: name}, values
		}
		check := func(c sizing.Common, values map[string]account.Applied, id string, required float64, note string) {
			q, ok := cat.Lookup(id)
			if !ok {
				return
			}
			ch := c.Check(id, required, strings.TrimSpace(q.Note+" "+note))
			if a, ok := values[q.QuotaCode]; ok && q.QuotaCode != "" {
				def := q.Default
				if a.Default != nil {
					def = *a.Default
				}
				if def != a.Value {
					ch.Default = &def
					ch.Note = strings.TrimSpace(fmt.Sprintf("%s Applied %s; the AWS default is %s.", ch.Note, render.Raw(a.Value), render.Raw(def)))
				}
				switch a.Source {
				case "aws-default":
					ch.Note = strings.TrimSpace(ch.Note + " Service Quotas has no applied value for this quota: the AWS default.")
				case "derived":
					ch.Note = strings.TrimSpace(ch.Note + " Service Quotas has no value for this quota: derived from CloudWatch as the page does, ConcurrentCalls / ConcurrentCallsPercentage.")
				}
			} else if q.QuotaCode != "" {
				ch.Note = strings.TrimSpace(ch.Note + " Service Quotas gave no value for " + q.QuotaCode + ": the page's default.")
			}
			r.Checks = append(r.Checks, ch)
		}
		// The instances per Region against the account's quota.
		c0, v0 := common(nil)
		c0.Instance = ""
		if several {
			c0.Instance = reg.Region // the Region's own quota, named by it
		}
		check(c0, v0, "connect.instances", float64(len(reg.Instances)), "In "+reg.Region+".")
		for i := range reg.Instances {
			in := &reg.Instances[i]
			partial = partial || len(in.Problems) > 0
			c, values := common(in)
			for _, q := range cat.All() {
				if v, ok := in.Counts[q.ID]; ok {
					check(c, values, q.ID, v, "Counted with the Connect list APIs.")
				}
			}
			for _, pq := range peakQuotas {
				p, ok := peakOf(in.Peaks, pq.metric, "Maximum")
				if !ok {
					continue
				}
				note := fmt.Sprintf("Observed peak: CloudWatch %s Maximum %s at %s (%d s points) since %s.", pq.metric, render.Raw(p.Value), report.Instant(p.At), p.PeriodSeconds, report.Instant(rep.Since))
				for _, b := range in.Peaks {
					if breachMetrics[b.Metric] == pq.id && b.Statistic == "Sum" && b.Value > 0 {
						note += fmt.Sprintf(" %s: %s in the look-back.", b.Metric, render.Raw(b.Value))
					}
				}
				check(c, values, pq.id, p.Value, note)
			}
			for _, b := range in.Peaks {
				if b.Statistic == "Sum" {
					r.Figures.Add(label(*in)+"."+b.Metric, b.Value, label(*in)+": "+b.Metric+" since "+report.Instant(rep.Since), "")
				}
			}
			for _, p := range in.Problems {
				r.Figures.Add(label(*in)+".could_not_read."+p.What, p.Code+": "+p.Message, label(*in)+": could not read "+p.What, "")
			}
		}
		for _, p := range reg.Problems {
			r.Figures.Add(reg.Region+".could_not_read."+p.What, p.Code+": "+p.Message, reg.Region+": could not read "+p.What, "")
		}
	}
	calls, throttled := 0, 0
	for _, c := range rep.Calls {
		calls += c.Calls
		throttled += c.Throttled
	}
	r.Inputs.Add("regions", strings.Join(regions, ", "), "Regions", "")
	r.Inputs.Add("read_at", report.Instant(rep.ReadAt), "read at", "")
	r.Inputs.Add("since", report.Instant(rep.Since), "peaks since", "")
	r.Inputs.Add("edition", string(cat.Edition), "quotas page edition", "")
	r.Inputs.Add("target_utilization_pct", targetPct, "target utilization", "%")
	r.Inputs.Add("api_calls", calls, "API calls made", "")
	r.Inputs.Add("api_calls_throttled", throttled, "API calls throttled and retried", "")
	slices.SortStableFunc(r.Checks, func(a, b report.Check) int { return b.Status.Severity() - a.Status.Severity() })
	r.Account = rep
	return r, partial
}

// peakOf finds a metric's observation.
func peakOf(peaks []account.Peak, metric, stat string) (account.Peak, bool) {
	for _, p := range peaks {
		if p.Metric == metric && p.Statistic == stat {
			return p, true
		}
	}
	return account.Peak{}, false
}

// instanceLabel names an instance in checks: its alias, else its id.
func instanceLabel(in account.Instance) string {
	if in.Alias != "" {
		return in.Alias
	}
	return in.ID
}

// accountNotes tell people what could not be read, and what the read cost.
func accountNotes(w io.Writer, rep *account.Report) {
	for _, reg := range rep.Regions {
		problemLines(w, reg.Region, reg.Problems)
		for _, in := range reg.Instances {
			problemLines(w, reg.Region+" instance "+instanceLabel(in), in.Problems)
		}
	}
	calls, throttled := 0, 0
	for _, c := range rep.Calls {
		calls += c.Calls
		throttled += c.Throttled
	}
	fmt.Fprintf(w, "connectcap: note: %d API calls (%d throttled and retried), paced per API\n", calls, throttled)
}

// problemLines writes what could not be read, one line each; more than three of
// one code make one line naming them all.
func problemLines(w io.Writer, where string, problems []account.Problem) {
	byCode := map[string][]account.Problem{}
	var codes []string
	for _, p := range problems {
		if _, ok := byCode[p.Code]; !ok {
			codes = append(codes, p.Code)
		}
		byCode[p.Code] = append(byCode[p.Code], p)
	}
	for _, code := range codes {
		ps := byCode[code]
		if len(ps) <= 3 {
			for _, p := range ps {
				fmt.Fprintf(w, "connectcap: warning: %s: could not read %s: %s: %s\n", where, p.What, p.Code, p.Message)
			}
			continue
		}
		var whats []string
		for _, p := range ps {
			whats = append(whats, p.What)
		}
		fmt.Fprintf(w, "connectcap: warning: %s: could not read %d quotas (%s; the first: %s): %s\n", where, len(ps), code, ps[0].Message, strings.Join(whats, ", "))
	}
}

// iamReadActions are what account and plan --applied account call.
var iamReadActions = []string{
	"connect:ListInstances",
	"connect:ListUsers", "connect:ListQueues", "connect:ListRoutingProfiles", "connect:ListRoutingProfileQueues",
	"connect:ListContactFlows", "connect:ListContactFlowModules", "connect:ListHoursOfOperations",
	"connect:ListPhoneNumbersV2", "connect:ListPrompts", "connect:ListQuickConnects", "connect:ListSecurityProfiles",
	"connect:ListUserHierarchyGroups", "connect:ListAgentStatuses", "connect:ListLambdaFunctions", "connect:ListBots",
	"connect:ListTaskTemplates", "connect:ListPredefinedAttributes", "connect:ListDataTables", "connect:SearchEmailAddresses",
	"servicequotas:GetServiceQuota", "servicequotas:GetAWSDefaultServiceQuota", "servicequotas:ListServiceQuotas",
	"servicequotas:ListAWSDefaultServiceQuotas",
	"cloudwatch:GetMetricData",
}

// iamStatusActions are what request status calls.
var iamStatusActions = []string{
	"servicequotas:ListRequestedServiceQuotaChangeHistory",
	"servicequotas:ListRequestedServiceQuotaChangeHistoryByQuota",
}

// iamSubmitActions are what request --submit calls, beyond reading.
var iamSubmitActions = []string{
	"servicequotas:RequestServiceQuotaIncrease",
	"servicequotas:GetServiceQuota", "servicequotas:GetAWSDefaultServiceQuota",
	"servicequotas:ListRequestedServiceQuotaChangeHistoryByQuota",
}

// IAMPolicy is the least-privilege policy for reading, and with submit for
// filing requests.
func IAMPolicy(submit bool) ([]byte, error) {
	type statement struct {
		Sid      string   `json:"Sid"`
		Effect   string   `json:"Effect"`
		Action   []string `json:"Action"`
		Resource string   `json:"Resource"`
	}
	read := append(slices.Clone(iamReadActions), iamStatusActions...)
	slices.Sort(read)
	read = slices.Compact(read)
	st := []statement{{Sid: "ConnectcapRead", Effect: "Allow", Action: read, Resource: "*"}}
	if submit {
		sub := slices.Clone(iamSubmitActions)
		slices.Sort(sub)
		st = append(st, statement{Sid: "ConnectcapRequestIncreases", Effect: "Allow", Action: slices.Compact(sub), Resource: "*"})
	}
	return json.MarshalIndent(struct {
		Version   string      `json:"Version"`
		Statement []statement `json:"Statement"`
	}{"2012-10-17", st}, "", "  ")
}

func newCmdIAMPolicy() *cobra.Command {
	var submit bool
	cmd := &cobra.Command{
		Use:   "iam-policy",
		Short: "Print the least-privilege IAM policy connectcap needs to read the account",
		Long: `Print the IAM policy (JSON) with the actions connectcap account, plan --applied
account and request status call, and with --submit also those request --submit
calls (RequestServiceQuotaIncrease and the checks before it). The list and read
APIs take no resource-level permissions, so the resource is "*". Attach it to the
role or user connectcap runs as:

  aws iam create-policy --policy-name connectcap-read --policy-document file://connectcap-read.json`,
		Example: `  connectcap account iam-policy > connectcap-read.json
  connectcap account iam-policy --submit > connectcap-submit.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := IAMPolicy(submit)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s\n", b)
			return err
		},
	}
	addBool(cmd.Flags(), &submit, "submit", "also allow filing quota increase requests (request --submit)")
	return cmd
}

// age is how long ago t was, for people: "3 d", "5 h", "12 min".
func age(now, t time.Time) string {
	d := now.Sub(t)
	switch {
	case d >= 48*time.Hour:
		return strconv.Itoa(int(d.Hours()/24)) + " d"
	case d >= 2*time.Hour:
		return strconv.Itoa(int(d.Hours())) + " h"
	}
	return strconv.Itoa(int(d.Minutes())) + " min"
}
