package awsread

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/servicequotas"
	"github.com/aws/aws-sdk-go-v2/service/servicequotas/types"
	"github.com/aws/smithy-go"

	"github.com/connectcap/connectcap/internal/account"
)

// pageSize is the MaxResults of every Service Quotas list call (its maximum).
const pageSize = 100

// QuotaRef names one quota value: a service code and quota code, and for a
// resource-level value the resource (an instance ARN) it is for.
type QuotaRef struct {
	ServiceCode, QuotaCode string
	// ContextARN is "" for an account-level value.
	ContextARN string
}

// newQuotasClient is a Service Quotas client paced and counted by s.
func newQuotasClient(s *Session) *servicequotas.Client {
	return servicequotas.NewFromConfig(s.Config, func(o *servicequotas.Options) { o.APIOptions = append(o.APIOptions, s.APIOptions()...) })
}

// problems collects Problems, one per what and code; the others like it are
// counted in its message, so that its scope shows.
type problems struct {
	list []account.Problem
	more []int
}

func (p *problems) add(pr account.Problem) {
	for i, q := range p.list {
		if q.What == pr.What && q.Code == pr.Code {
			p.more[i]++
			return
		}
	}
	p.list = append(p.list, pr)
	p.more = append(p.more, 0)
}

// all are the problems, each saying how many more it stands for.
func (p *problems) all() []account.Problem {
	out := make([]account.Problem, len(p.list))
	for i, pr := range p.list {
		if n := p.more[i]; n > 0 {
			pr.Message = fmt.Sprintf("%s (and %d more like it)", pr.Message, n)
		}
		out[i] = pr
	}
	return out
}

// opProblem is the Problem of an operation that failed.
func (p *problems) op(op, about string, err error) {
	code, msg := errorParts(err)
	p.add(account.Problem{What: op, Code: code, Message: about + ": " + msg})
}

// errorParts are an error's AWS code and message; an error that is not AWS's
// answer (no connection, a cancelled context) is "unreachable".
func errorParts(err error) (code, message string) {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		msg := ae.ErrorMessage()
		if msg == "" {
			msg = ae.ErrorCode()
		}
		return ae.ErrorCode(), msg
	}
	return "unreachable", plain(err).Error()
}

func isCode(err error, code string) bool {
	var ae smithy.APIError
	return errors.As(err, &ae) && ae.ErrorCode() == code
}

// quotaReader reads quota values with one client, remembering each service
// code's defaults.
type quotaReader struct {
	c        *servicequotas.Client
	defaults map[string]map[string]types.ServiceQuota // service code -> quota code
	probs    problems
}

// serviceDefaults are the AWS defaults of a service code, read once
// (ListAWSDefaultServiceQuotas); nil when they could not be read.
func (r *quotaReader) serviceDefaults(ctx context.Context, service string) map[string]types.ServiceQuota {
	if d, ok := r.defaults[service]; ok {
		return d
	}
	d := map[string]types.ServiceQuota{}
	p := servicequotas.NewListAWSDefaultServiceQuotasPaginator(r.c, &servicequotas.ListAWSDefaultServiceQuotasInput{
		ServiceCode: aws.String(service), MaxResults: aws.Int32(pageSize),
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			r.probs.op("ListAWSDefaultServiceQuotas", "the AWS defaults of service "+service, err)
			d = nil
			break
		}
		for _, q := range page.Quotas {
			d[aws.ToString(q.QuotaCode)] = q
		}
	}
	r.defaults[service] = d
	return d
}

// defaultOf is the AWS default of a quota, when known.
func (r *quotaReader) defaultOf(ctx context.Context, service, code string) *float64 {
	if q, ok := r.serviceDefaults(ctx, service)[code]; ok && q.Value != nil {
		return aws.Float64(*q.Value)
	}
	return nil
}

func applied(q types.ServiceQuota, source string, def *float64) account.Applied {
	return account.Applied{
		ServiceCode: aws.ToString(q.ServiceCode),
		QuotaCode:   aws.ToString(q.QuotaCode),
		QuotaName:   aws.ToString(q.QuotaName),
		Value:       aws.ToFloat64(q.Value),
		Default:     def,
		Source:      source,
		Level:       string(q.QuotaAppliedAtLevel),
	}
}

func unknownQuota(ref QuotaRef) account.Problem {
	return account.Problem{What: ref.QuotaCode, Code: "NoSuchResourceException",
		Message: fmt.Sprintf("Service Quotas knows no quota %s in service %s", ref.QuotaCode, ref.ServiceCode)}
}

// one reads one value with GetServiceQuota (with the ref's context), and the
// AWS default (GetAWSDefaultServiceQuota) when Service Quotas has no applied
// value.
func (r *quotaReader) one(ctx context.Context, ref QuotaRef) (account.Applied, bool) {
	in := &servicequotas.GetServiceQuotaInput{ServiceCode: aws.String(ref.ServiceCode), QuotaCode: aws.String(ref.QuotaCode)}
	if ref.ContextARN != "" {
		in.ContextId = aws.String(ref.ContextARN)
	}
	out, err := r.c.GetServiceQuota(ctx, in)
	if err == nil && out.Quota != nil && out.Quota.Value != nil {
		return applied(*out.Quota, "applied", r.defaultOf(ctx, ref.ServiceCode, ref.QuotaCode)), true
	}
	if err != nil && !isCode(err, "NoSuchResourceException") {
		r.probs.op("GetServiceQuota", "the applied value of "+ref.QuotaCode, err)
		return account.Applied{}, false
	}
	def, err := r.c.GetAWSDefaultServiceQuota(ctx, &servicequotas.GetAWSDefaultServiceQuotaInput{ServiceCode: aws.String(ref.ServiceCode), QuotaCode: aws.String(ref.QuotaCode)})
	switch {
	case isCode(err, "NoSuchResourceException"):
		r.probs.add(unknownQuota(ref))
		return account.Applied{}, false
	case err != nil:
		r.probs.op("GetAWSDefaultServiceQuota", "the AWS default of "+ref.QuotaCode, err)
		return account.Applied{}, false
	case def.Quota == nil || def.Quota.Value == nil:
		r.probs.add(unknownQuota(ref))
		return account.Applied{}, false
	}
	a := applied(*def.Quota, "aws-default", aws.Float64(*def.Quota.Value))
	return a, true
}

// ReadApplied reads applied quota values. Account-level refs are read through
// ListServiceQuotas of each service code, with the AWS defaults beside them
// from ListAWSDefaultServiceQuotas (a quota with no applied value is its
// default, Source "aws-default"); resource-level refs (ContextARN set) through
// GetServiceQuota with the ARN as context id, falling back to
// GetAWSDefaultServiceQuota when Service Quotas has no applied value. Every
// Applied carries its Default when known.
//
// A ref Service Quotas does not know is a Problem naming its quota code
// (NoSuchResourceException). An operation that fails (AccessDeniedException,
// ...) is one Problem naming the operation, and the other refs go on; when
// ListServiceQuotas is denied, its refs are read one by one with
// GetServiceQuota.
func ReadApplied(ctx context.Context, s *Session, refs []QuotaRef) (map[QuotaRef]account.Applied, []account.Problem) {
	r := &quotaReader{c: newQuotasClient(s), defaults: map[string]map[string]types.ServiceQuota{}}
	got := map[QuotaRef]account.Applied{}

	// Account-level refs by service code, in the order first named.
	var services []string
	byService := map[string][]QuotaRef{}
	var resource []QuotaRef
	for _, ref := range refs {
		if ref.ContextARN != "" {
			if !slices.Contains(resource, ref) {
				resource = append(resource, ref)
			}
			continue
		}
		if _, ok := byService[ref.ServiceCode]; !ok {
			services = append(services, ref.ServiceCode)
		}
		if !slices.Contains(byService[ref.ServiceCode], ref) {
			byService[ref.ServiceCode] = append(byService[ref.ServiceCode], ref)
		}
	}

	for _, service := range services {
		listed, err := r.listApplied(ctx, service)
		if err != nil {
			r.probs.op("ListServiceQuotas", "the applied values of service "+service, err)
			for _, ref := range byService[service] {
				if a, ok := r.one(ctx, ref); ok {
					got[ref] = a
				}
			}
			continue
		}
		defaults := r.serviceDefaults(ctx, service)
		for _, ref := range byService[service] {
			d, hasDefault := defaults[ref.QuotaCode]
			var def *float64
			if hasDefault && d.Value != nil {
				def = aws.Float64(*d.Value)
			}
			if q, ok := listed[ref.QuotaCode]; ok && q.Value != nil {
				got[ref] = applied(q, "applied", def)
				continue
			}
			switch {
			case def != nil:
				got[ref] = applied(d, "aws-default", def)
			case defaults == nil:
				// The defaults could not be read: ask for this one.
				if a, ok := r.one(ctx, ref); ok {
					got[ref] = a
				}
			default:
				r.probs.add(unknownQuota(ref))
			}
		}
	}

	for _, ref := range resource {
		if a, ok := r.one(ctx, ref); ok {
			got[ref] = a
		}
	}
	return got, r.probs.all()
}

// listApplied is every account-level applied value of a service code
// (ListServiceQuotas, every page), by quota code.
func (r *quotaReader) listApplied(ctx context.Context, service string) (map[string]types.ServiceQuota, error) {
	out := map[string]types.ServiceQuota{}
	p := servicequotas.NewListServiceQuotasPaginator(r.c, &servicequotas.ListServiceQuotasInput{
		ServiceCode: aws.String(service), MaxResults: aws.Int32(pageSize),
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, q := range page.Quotas {
			out[aws.ToString(q.QuotaCode)] = q
		}
	}
	return out, nil
}

// IncreaseRequest asks for one quota value to be raised.
type IncreaseRequest struct {
	// QuotaID is connectcap's id of the quota (connect.users), for the report.
	QuotaID                string
	ServiceCode, QuotaCode string
	// ContextARN is the instance ARN of a resource-level request; "" for an
	// account-level one.
	ContextARN string
	Desired    float64
}

// The outcomes of an IncreaseRequest.
const (
	OutcomeFiled       = "filed"        // a request was filed now
	OutcomeAlreadyOpen = "already-open" // one is pending for the quota and context
	OutcomeAlreadyMet  = "already-met"  // the applied value already meets the desired value
	OutcomeFailed      = "failed"       // Service Quotas refused it or could not be asked
)

// IncreaseResult is what became of one IncreaseRequest.
type IncreaseResult struct {
	Request IncreaseRequest
	Outcome string
	// RequestID, CaseID and Status are the filed or open request's.
	RequestID, CaseID, Status string
	// Applied is the value in force when it was read.
	Applied *float64
	Message string
}

// SubmitIncreases files each request with RequestServiceQuotaIncrease, unless
// one is already open for the quota and context (PENDING or CASE_OPENED in
// ListRequestedServiceQuotaChangeHistoryByQuota) or the value in force already
// meets the desired value (GetServiceQuota with the context, the AWS default
// when there is none). Running it twice files nothing twice.
func SubmitIncreases(ctx context.Context, s *Session, reqs []IncreaseRequest) []IncreaseResult {
	c := newQuotasClient(s)
	out := make([]IncreaseResult, 0, len(reqs))
	for _, req := range reqs {
		out = append(out, submit(ctx, c, req))
	}
	return out
}

func submit(ctx context.Context, c *servicequotas.Client, req IncreaseRequest) IncreaseResult {
	res := IncreaseResult{Request: req}
	if req.ServiceCode == "" || req.QuotaCode == "" {
		res.Outcome, res.Message = OutcomeFailed, "no Service Quotas code: request it through the quota increase form"
		return res
	}
	if req.Desired <= 0 {
		res.Outcome, res.Message = OutcomeFailed, fmt.Sprintf("desired value %v is not positive", req.Desired)
		return res
	}
	var notes []string

	open, err := openRequest(ctx, c, req)
	switch {
	case err != nil:
		// Service Quotas itself refuses a second open request
		// (ResourceAlreadyExistsException), so filing stays safe.
		code, msg := errorParts(err)
		notes = append(notes, fmt.Sprintf("open requests not read (ListRequestedServiceQuotaChangeHistoryByQuota: %s: %s)", code, msg))
	case open != nil:
		res.Outcome = OutcomeAlreadyOpen
		res.RequestID, res.CaseID, res.Status = aws.ToString(open.Id), aws.ToString(open.CaseId), string(open.Status)
		res.Message = fmt.Sprintf("request %s for %v is %s", res.RequestID, aws.ToFloat64(open.DesiredValue), res.Status)
		return res
	}

	cur, err := inForce(ctx, c, req)
	switch {
	case err != nil:
		code, msg := errorParts(err)
		notes = append(notes, fmt.Sprintf("value in force not read (%s: %s)", code, msg))
	case cur != nil:
		res.Applied = cur
		if *cur >= req.Desired {
			res.Outcome = OutcomeAlreadyMet
			res.Message = fmt.Sprintf("the value in force, %v, meets %v", *cur, req.Desired)
			return res
		}
	}

	in := &servicequotas.RequestServiceQuotaIncreaseInput{
		ServiceCode: aws.String(req.ServiceCode), QuotaCode: aws.String(req.QuotaCode), DesiredValue: aws.Float64(req.Desired),
	}
	if req.ContextARN != "" {
		in.ContextId = aws.String(req.ContextARN)
	}
	filed, err := c.RequestServiceQuotaIncrease(ctx, in)
	switch {
	case isCode(err, "ResourceAlreadyExistsException"):
		res.Outcome = OutcomeAlreadyOpen
		_, msg := errorParts(err)
		notes = append(notes, msg)
	case err != nil:
		code, msg := errorParts(err)
		res.Outcome = OutcomeFailed
		notes = append(notes, fmt.Sprintf("RequestServiceQuotaIncrease: %s: %s", code, msg))
	default:
		res.Outcome = OutcomeFiled
		if q := filed.RequestedQuota; q != nil {
			res.RequestID, res.CaseID, res.Status = aws.ToString(q.Id), aws.ToString(q.CaseId), string(q.Status)
		}
	}
	res.Message = strings.Join(notes, "; ")
	return res
}

// openRequest is a request still open (PENDING, CASE_OPENED) for the quota and
// context, or nil.
func openRequest(ctx context.Context, c *servicequotas.Client, req IncreaseRequest) (*types.RequestedServiceQuotaChange, error) {
	p := servicequotas.NewListRequestedServiceQuotaChangeHistoryByQuotaPaginator(c, &servicequotas.ListRequestedServiceQuotaChangeHistoryByQuotaInput{
		ServiceCode: aws.String(req.ServiceCode), QuotaCode: aws.String(req.QuotaCode),
		// Service Quotas lists account-level requests only, unless asked.
		QuotaRequestedAtLevel: types.AppliedLevelEnumAll,
		MaxResults:            aws.Int32(pageSize),
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for i, q := range page.RequestedQuotas {
			if (q.Status == types.RequestStatusPending || q.Status == types.RequestStatusCaseOpened) && contextOf(q.QuotaContext) == req.ContextARN {
				return &page.RequestedQuotas[i], nil
			}
		}
	}
	return nil, nil
}

func contextOf(c *types.QuotaContextInfo) string {
	if c == nil {
		return ""
	}
	return aws.ToString(c.ContextId)
}

// inForce is the value in force for the request's quota and context: the
// applied value, or the AWS default when Service Quotas has none; nil when
// neither is known.
func inForce(ctx context.Context, c *servicequotas.Client, req IncreaseRequest) (*float64, error) {
	in := &servicequotas.GetServiceQuotaInput{ServiceCode: aws.String(req.ServiceCode), QuotaCode: aws.String(req.QuotaCode)}
	if req.ContextARN != "" {
		in.ContextId = aws.String(req.ContextARN)
	}
	out, err := c.GetServiceQuota(ctx, in)
	if err == nil && out.Quota != nil && out.Quota.Value != nil {
		return aws.Float64(*out.Quota.Value), nil
	}
	if err != nil && !isCode(err, "NoSuchResourceException") {
		return nil, err
	}
	def, err := c.GetAWSDefaultServiceQuota(ctx, &servicequotas.GetAWSDefaultServiceQuotaInput{ServiceCode: aws.String(req.ServiceCode), QuotaCode: aws.String(req.QuotaCode)})
	if err != nil {
		return nil, err
	}
	if def.Quota == nil || def.Quota.Value == nil {
		return nil, nil
	}
	return aws.Float64(*def.Quota.Value), nil
}

// RequestStatus is one quota increase request and where it stands.
type RequestStatus struct {
	Region, ID, CaseID, ServiceCode, QuotaCode, QuotaName, Status, ContextARN string
	Desired                                                                   float64
	Created                                                                   time.Time
}

// ListRequests lists the quota increase requests of the given service codes
// (every service when none is given), account- and resource-level, newest
// first (ListRequestedServiceQuotaChangeHistory, every page). A service code
// whose history could not be read is a Problem naming the operation.
func ListRequests(ctx context.Context, s *Session, serviceCodes []string) ([]RequestStatus, []account.Problem) {
	c := newQuotasClient(s)
	var probs problems
	var out []RequestStatus
	codes := slices.Compact(slices.Sorted(slices.Values(serviceCodes)))
	if len(codes) == 0 {
		codes = []string{""}
	}
	for _, service := range codes {
		in := &servicequotas.ListRequestedServiceQuotaChangeHistoryInput{
			QuotaRequestedAtLevel: types.AppliedLevelEnumAll,
			MaxResults:            aws.Int32(pageSize),
		}
		about := "the requests of every service"
		if service != "" {
			in.ServiceCode = aws.String(service)
			about = "the requests of service " + service
		}
		p := servicequotas.NewListRequestedServiceQuotaChangeHistoryPaginator(c, in)
		var got []RequestStatus
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				probs.op("ListRequestedServiceQuotaChangeHistory", about, err)
				got = nil
				break
			}
			for _, q := range page.RequestedQuotas {
				got = append(got, RequestStatus{
					Region: s.Config.Region, ID: aws.ToString(q.Id), CaseID: aws.ToString(q.CaseId),
					ServiceCode: aws.ToString(q.ServiceCode), QuotaCode: aws.ToString(q.QuotaCode), QuotaName: aws.ToString(q.QuotaName),
					Status: string(q.Status), ContextARN: contextOf(q.QuotaContext),
					Desired: aws.ToFloat64(q.DesiredValue), Created: aws.ToTime(q.Created),
				})
			}
		}
		out = append(out, got...)
	}
	slices.SortStableFunc(out, func(a, b RequestStatus) int {
		if c := b.Created.Compare(a.Created); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, probs.all()
}
