package cmd

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/connectcap/connectcap/internal/account"
	"github.com/connectcap/connectcap/plan"
	"github.com/spf13/cobra"
)

// appliedAccount is the --applied value that reads the account live.
const appliedAccount = "account"

// maxAppliedBytes bounds a saved read: a real one is well under a megabyte.
const maxAppliedBytes = 64 << 20

// accountValues turns a read of the account into applied values: the Region's
// ("" for the only one read).
func accountValues(rep *account.Report, source, region string) (*plan.AccountValues, error) {
	v := &plan.AccountValues{Account: map[string]float64{}, Instances: map[string]map[string]float64{}, Source: source}
	var regions []string
	for _, reg := range rep.Regions {
		regions = append(regions, reg.Region)
	}
	if region == "" && len(regions) > 1 {
		return nil, fmt.Errorf("%s holds several Regions (%s): give the plan a region: or --region, to take that Region's values", source, strings.Join(regions, ", "))
	}
	if region != "" && !slices.Contains(regions, region) {
		return nil, fmt.Errorf("%s holds no read of %s (it holds %s)", source, region, strings.Join(regions, ", "))
	}
	for _, reg := range rep.Regions {
		if region != "" && reg.Region != region {
			continue
		}
		for _, a := range reg.Applied {
			v.Account[a.QuotaCode] = a.Value
		}
		for _, in := range reg.Instances {
			m := map[string]float64{}
			for _, a := range in.Applied {
				m[a.QuotaCode] = a.Value
			}
			v.Instances[in.ARN] = m
		}
	}
	return v, nil
}

// savedQuotas is the output of 'aws service-quotas list-service-quotas' (and of
// list-aws-default-service-quotas): the applied values of one service.
type savedQuotas struct {
	Quotas []struct {
		ServiceCode  string
		QuotaCode    string
		Value        *float64
		QuotaContext *struct {
			ContextScope string
			ContextId    string
		}
	}
}

// savedAccount is the output of 'connectcap account -o json': its account field.
type savedAccount struct {
	SchemaVersion int             `json:"schema_version"`
	Command       string          `json:"command"`
	Account       *account.Report `json:"account"`
}

// readApplied reads --applied FILE: a saved list-service-quotas output or a
// saved 'connectcap account -o json'.
func readApplied(file, region string) (*plan.AccountValues, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("--applied %s: %v", file, unwrapPath(err))
	}
	defer f.Close()
	var raw json.RawMessage
	dec := json.NewDecoder(&limited{r: f, n: maxAppliedBytes})
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("--applied %s: not JSON: %v; accepted: a saved 'aws service-quotas list-service-quotas --service-code connect' output or a saved 'connectcap account -o json'", file, err)
	}
	var acc savedAccount
	if err := json.Unmarshal(raw, &acc); err == nil && acc.Command == "account" && acc.Account != nil {
		return accountValues(acc.Account, file, region)
	}
	var sq savedQuotas
	if err := json.Unmarshal(raw, &sq); err == nil && len(sq.Quotas) > 0 {
		v := &plan.AccountValues{Account: map[string]float64{}, Instances: map[string]map[string]float64{}, Source: file}
		for i, q := range sq.Quotas {
			if q.QuotaCode == "" || q.Value == nil {
				return nil, fmt.Errorf("--applied %s: Quotas[%d] has no QuotaCode or Value; accepted: the output of aws service-quotas list-service-quotas", file, i)
			}
			if q.QuotaContext != nil && q.QuotaContext.ContextId != "" {
				m := v.Instances[q.QuotaContext.ContextId]
				if m == nil {
					m = map[string]float64{}
					v.Instances[q.QuotaContext.ContextId] = m
				}
				m[q.QuotaCode] = *q.Value
				continue
			}
			v.Account[q.QuotaCode] = *q.Value
		}
		return v, nil
	}
	return nil, fmt.Errorf("--applied %s: neither a saved 'aws service-quotas list-service-quotas' output (a Quotas list) nor a saved 'connectcap account -o json' (command account)", file)
}

// limited fails a read past n bytes.
type limited struct {
	r interface{ Read([]byte) (int, error) }
	n int64
}

func (l *limited) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, fmt.Errorf("larger than %d bytes", maxAppliedBytes)
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// withApplied applies --applied to a plan: live from the account, or from a
// saved read.
// partial reports that the live read could not read everything.
func withApplied(inv *invocation, cmd *cobra.Command, p *plan.Plan, applied string, a *accountFlags, region string) (partial bool, err error) {
	if applied == "" {
		return false, nil
	}
	if applied != appliedAccount {
		v, err := readApplied(applied, region)
		if err != nil {
			return false, err
		}
		p.WithAccount(v)
		return false, nil
	}
	if len(a.regions) == 0 && region != "" {
		a.regions = []string{region}
	}
	rep, err := readAccount(inv, cmd, a)
	if err != nil {
		return false, err
	}
	accountNotes(cmd.ErrOrStderr(), rep)
	v, err := accountValues(rep, "the account, read by "+awsHelperName, "")
	if err != nil {
		return false, err
	}
	p.WithAccount(v)
	noARN(cmd, p, rep)
	for _, reg := range rep.Regions {
		partial = partial || len(reg.Problems) > 0
		for _, in := range reg.Instances {
			partial = partial || len(in.Problems) > 0
		}
	}
	return partial, nil
}

// noARN tells people which plan instances have no arn: while the account read
// has instances: their resource-level applied values cannot be matched.
func noARN(cmd *cobra.Command, p *plan.Plan, rep *account.Report) {
	var names []string
	for _, in := range p.Instances {
		if in.ARN == "" {
			names = append(names, in.Name)
		}
	}
	if len(names) == 0 {
		return
	}
	var known []string
	for _, reg := range rep.Regions {
		for _, in := range reg.Instances {
			known = append(known, instanceLabel(in)+" "+in.ARN)
		}
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "connectcap: warning: %s: no arn:, so the account's per-instance (resource-level) values cannot be matched and the page's defaults apply; add arn: (the account has %s)\n", strings.Join(names, ", "), strings.Join(known, "; "))
}

// planRegion is the Region a plan is evaluated in: --region, the plan's, then
// one from the environment or a config file.
func planRegion(o plan.Options, p *plan.Plan) string {
	if o.Region != "" {
		return o.Region
	}
	if p.Region != "" {
		return p.Region
	}
	return o.DefaultRegion
}
