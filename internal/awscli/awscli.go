// Package awscli is connectcap-aws, the program that reads and writes the live
// account for connectcap. connectcap runs it for account, plan --applied
// account and request --submit/status, and sizes and formats what it hands
// back; keeping the AWS SDK in this program alone keeps the other commands'
// start-up as fast as before. It speaks JSON on stdin and stdout, and writes
// errors and debug lines (never a credential or a signed header) to stderr.
//
//	connectcap-aws read   --region R [--region R2] [--profile P] [--since 336h] [--api-rate 1] [--debug]
//	connectcap-aws submit --region R [--profile P] [--api-rate 1] [--debug] < requests.json
//	connectcap-aws status --region R [--region R2] [--profile P] [--api-rate 1] [--debug]
package awscli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"time"

	"github.com/connectcap/connectcap/internal/account"
	"github.com/connectcap/connectcap/internal/awsread"
	"github.com/connectcap/connectcap/tables"
)

// Main runs connectcap-aws with args (without the program name) and returns the
// exit status: 0, or 1 with one line on stderr.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if err := run(args, stdin, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "connectcap-aws: %v\n", err)
		return 1
	}
	return 0
}

type regions []string

func (r *regions) String() string     { return strings.Join(*r, ",") }
func (r *regions) Set(s string) error { *r = append(*r, s); return nil }

type common struct {
	regions regions
	profile string
	rate    float64
	debug   bool
}

func (c *common) flags(fs *flag.FlagSet) {
	fs.Var(&c.regions, "region", "AWS Region (repeat for several)")
	fs.StringVar(&c.profile, "profile", "", "named profile of the shared config files")
	fs.Float64Var(&c.rate, "api-rate", awsread.DefaultAPIRate, "requests per second per API operation")
	fs.BoolVar(&c.debug, "debug", false, "one line per request attempt on stderr")
}

func (c *common) session(ctx context.Context, region string, stderr io.Writer, calls *awsread.Calls) (*awsread.Session, error) {
	o := awsread.Options{Profile: c.profile, Region: region, APIRate: c.rate}
	if c.debug {
		o.Debug = stderr
	}
	s, err := awsread.NewSession(ctx, o, calls)
	if err != nil {
		return nil, err
	}
	// Without credentials every call would fail the same way: say it once.
	if _, err := s.Config.Credentials.Retrieve(ctx); err != nil {
		return nil, fmt.Errorf("no AWS credentials found (%s); accepted: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile of the shared config and credentials files (--profile, AWS_PROFILE), IAM Identity Center after 'aws sso login', a container or instance role", firstClause(err))
	}
	return s, nil
}

// firstClause is the start of an SDK error chain, up to its first colon: "get
// credentials: failed to refresh cached credentials" → "failed to refresh cached
// credentials, no EC2 IMDS role found".
func firstClause(err error) string {
	msg := err.Error()
	parts := strings.Split(msg, ": ")
	for _, p := range parts {
		if strings.Contains(p, "failed") || strings.Contains(p, "no ") {
			return p
		}
	}
	return parts[0]
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errors.New("missing a command: read, submit or status")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	fs := flag.NewFlagSet("connectcap-aws "+args[0], flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var c common
	c.flags(fs)
	since := fs.Duration("since", 14*24*time.Hour, "look-back of the observed peaks")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if len(c.regions) == 0 {
		return errors.New("missing --region")
	}
	if c.rate <= 0 || c.rate > 100 {
		return fmt.Errorf("--api-rate %v: accepted: more than 0, at most 100 requests a second", c.rate)
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	switch args[0] {
	case "read":
		if *since <= 0 || *since > 455*24*time.Hour {
			return fmt.Errorf("--since %v: accepted: more than 0, at most 455 days (CloudWatch's hourly retention)", *since)
		}
		rep, err := read(ctx, &c, *since, stderr)
		if err != nil {
			return err
		}
		return enc.Encode(rep)
	case "submit":
		if len(c.regions) != 1 {
			return errors.New("submit takes one --region")
		}
		var reqs []awsread.IncreaseRequest
		if err := json.NewDecoder(stdin).Decode(&reqs); err != nil {
			return fmt.Errorf("requests on stdin: %v", err)
		}
		calls := &awsread.Calls{}
		s, err := c.session(ctx, c.regions[0], stderr, calls)
		if err != nil {
			return err
		}
		res := awsread.SubmitIncreases(ctx, s, reqs)
		return enc.Encode(SubmitReport{Results: res, Calls: callsOf(calls, c.regions[0])})
	case "status":
		out := StatusReport{Requests: []awsread.RequestStatus{}}
		for _, region := range c.regions {
			calls := &awsread.Calls{}
			s, err := c.session(ctx, region, stderr, calls)
			if err != nil {
				return err
			}
			rs, problems := awsread.ListRequests(ctx, s, serviceCodes())
			for i := range rs {
				rs[i].Region = region
			}
			out.Requests = append(out.Requests, rs...)
			for _, p := range problems {
				out.Problems = append(out.Problems, RegionProblem{Region: region, Problem: p})
			}
			out.Calls = append(out.Calls, callsOf(calls, region)...)
		}
		return enc.Encode(out)
	}
	return fmt.Errorf("unknown command %q; accepted: read, submit, status", args[0])
}

// SubmitReport is what submit writes.
type SubmitReport struct {
	Results []awsread.IncreaseResult `json:"results"`
	Calls   []account.Call           `json:"calls"`
}

// StatusReport is what status writes.
type StatusReport struct {
	Requests []awsread.RequestStatus `json:"requests"`
	Problems []RegionProblem         `json:"problems"`
	Calls    []account.Call          `json:"calls"`
}

// RegionProblem is a problem of one Region.
type RegionProblem struct {
	Region string `json:"region"`
	account.Problem
}

func callsOf(c *awsread.Calls, region string) []account.Call {
	var out []account.Call
	for _, a := range c.Counts() {
		out = append(out, account.Call{API: a.API, Region: region, Calls: a.Calls, Throttled: a.Throttled})
	}
	return out
}

// serviceCodes are the Service Quotas service codes of the catalogue's rows.
func serviceCodes() []string {
	var codes []string
	for _, q := range tables.Union() {
		if q.ServiceCode != "" && !slices.Contains(codes, q.ServiceCode) {
			codes = append(codes, q.ServiceCode)
		}
	}
	slices.Sort(codes)
	return codes
}

// callsQuotaCode is concurrent active calls per instance.
const callsQuotaCode = "L-12AB7C57"

// hasApplied reports an applied value (not the AWS default) for a quota code.
func hasApplied(as []account.Applied, code string) bool {
	for _, a := range as {
		if a.QuotaCode == code && a.Source == "applied" {
			return true
		}
	}
	return false
}

// read reads every Region: its instances, their counts, applied values and
// peaks, and the account-level applied values.
func read(ctx context.Context, c *common, since time.Duration, stderr io.Writer) (*account.Report, error) {
	now := time.Now().UTC().Truncate(time.Minute)
	rep := &account.Report{SchemaVersion: account.SchemaVersion, ReadAt: now, Since: now.Add(-since), Regions: []account.Region{}, Calls: []account.Call{}}
	for _, region := range c.regions {
		calls := &awsread.Calls{}
		s, err := c.session(ctx, region, stderr, calls)
		if err != nil {
			return nil, err
		}
		rep.Regions = append(rep.Regions, readRegion(ctx, s, region, rep.Since, now))
		rep.Calls = append(rep.Calls, callsOf(calls, region)...)
	}
	return rep, nil
}

func readRegion(ctx context.Context, s *awsread.Session, region string, since, until time.Time) account.Region {
	out := account.Region{Region: region, Problems: []account.Problem{}, Instances: []account.Instance{}, Applied: []account.Applied{}}
	insts, p := awsread.ListInstances(ctx, s)
	if p != nil {
		out.Problems = append(out.Problems, *p)
	}
	var refs []awsread.QuotaRef
	seen := map[awsread.QuotaRef]bool{}
	add := func(r awsread.QuotaRef) {
		if !seen[r] {
			seen[r] = true
			refs = append(refs, r)
		}
	}
	for _, q := range tables.Default().All() {
		if q.QuotaCode == "" || q.ServiceCode == "" {
			continue
		}
		if q.Level == tables.ResourceLevel {
			for _, in := range insts {
				add(awsread.QuotaRef{ServiceCode: q.ServiceCode, QuotaCode: q.QuotaCode, ContextARN: in.ARN})
			}
			continue
		}
		add(awsread.QuotaRef{ServiceCode: q.ServiceCode, QuotaCode: q.QuotaCode})
	}
	applied, problems := awsread.ReadApplied(ctx, s, refs)
	out.Problems = append(out.Problems, problems...)
	for _, r := range refs {
		if a, ok := applied[r]; ok && r.ContextARN == "" {
			out.Applied = append(out.Applied, a)
		}
	}
	for _, in := range insts {
		ai := account.Instance{ID: in.ID, ARN: in.ARN, Alias: in.Alias, Counts: map[string]float64{}, Applied: []account.Applied{}, Peaks: []account.Peak{}, Problems: []account.Problem{}}
		counts, problems := awsread.CountResources(ctx, s, in)
		ai.Counts = counts
		ai.Problems = append(ai.Problems, problems...)
		for _, r := range refs {
			if a, ok := applied[r]; ok && r.ContextARN == in.ARN {
				ai.Applied = append(ai.Applied, a)
			}
		}
		reading, problems := awsread.ReadMetrics(ctx, s, in.ID, since, until)
		ai.Problems = append(ai.Problems, problems...)
		if reading != nil {
			ai.Peaks = reading.Peaks()
			// Without an applied calls quota, derive it as the page does:
			// ConcurrentCalls ÷ ConcurrentCallsPercentage.
			if !hasApplied(ai.Applied, callsQuotaCode) {
				if v, ok := reading.DerivedCallsQuota(); ok {
					d := awsread.DerivedCallsApplied(v)
					i := slices.IndexFunc(ai.Applied, func(a account.Applied) bool { return a.QuotaCode == callsQuotaCode })
					if i >= 0 { // the AWS default stands beside it
						def := ai.Applied[i].Value
						d.Default = &def
						ai.Applied[i] = d
					} else {
						ai.Applied = append(ai.Applied, d)
					}
				}
			}
		}
		out.Instances = append(out.Instances, ai)
	}
	return out
}
