package awstest

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// SQContentType is the content type of the Service Quotas protocol (JSON 1.1).
const SQContentType = "application/x-amz-json-1.1"

// sqTargetPrefix starts every Service Quotas X-Amz-Target header.
const sqTargetPrefix = "ServiceQuotasV20190624."

// SQError is a Service Quotas error body: {"__type": code, "message": message}.
func SQError(code, message string) string {
	b, _ := json.Marshal(map[string]string{"__type": code, "message": message})
	return string(b)
}

// FailServiceQuotas makes the next n calls of the Service Quotas operation name
// fail with status and an error of the given code, such as
// FailServiceQuotas("ListServiceQuotas", 2, 429, "TooManyRequestsException").
func (s *Server) FailServiceQuotas(name string, n, status int, code string) {
	s.Fail(Op{"servicequotas", name}, n, status, SQContentType, SQError(code, "awstest: injected "+code))
}

// QuotaFixture is one quota value Service Quotas knows.
type QuotaFixture struct {
	ServiceCode, QuotaCode, QuotaName string
	Value                             float64
	Adjustable                        bool
	// Level is what the quota applies at: ACCOUNT or RESOURCE.
	Level string
	// ContextARN is the resource (an instance ARN) a resource-level value is
	// for; "" is the account's value.
	ContextARN string
}

// RequestFixture is one quota increase request in the history.
type RequestFixture struct {
	ID, CaseID, ServiceCode, QuotaCode, QuotaName, Status, ContextARN string
	Desired                                                           float64
	Created                                                           time.Time
}

// ServiceQuotas is what the Service Quotas protocol serves: the applied values
// (GetServiceQuota, ListServiceQuotas), the AWS defaults
// (GetAWSDefaultServiceQuota, ListAWSDefaultServiceQuotas) and the request
// history. Requests filed through RequestServiceQuotaIncrease are appended to
// History with Status PENDING and generated ids ("req-1", "case-1", ...).
// Read History only when no call is in flight.
type ServiceQuotas struct {
	Applied, Defaults []QuotaFixture
	History           []RequestFixture
	// PageSize, when more than 0, is the most items a list page holds,
	// whatever MaxResults asks for (Service Quotas may return fewer). The
	// default page is MaxResults, or 100 when it is not given.
	PageSize int

	mu    sync.Mutex
	filed int
}

// ServeServiceQuotas serves the Service Quotas protocol from f.
func (s *Server) ServeServiceQuotas(f *ServiceQuotas) {
	s.Route(func(r *http.Request, body []byte) (Op, Handler, bool) {
		name, ok := strings.CutPrefix(r.Header.Get("X-Amz-Target"), sqTargetPrefix)
		if !ok || r.Method != http.MethodPost {
			return Op{}, nil, false
		}
		return Op{"servicequotas", name}, f.handle, true
	})
}

// sqInput is every request field the served operations read.
type sqInput struct {
	ServiceCode           string
	QuotaCode             string
	ContextId             string
	DesiredValue          *float64
	MaxResults            *int
	NextToken             *string
	Status                string
	QuotaAppliedAtLevel   string
	QuotaRequestedAtLevel string
}

type sqReply struct {
	status int
	body   any
}

func sqFail(status int, code, format string, args ...any) sqReply {
	return sqReply{status, map[string]string{"__type": code, "message": fmt.Sprintf(format, args...)}}
}

func (f *ServiceQuotas) handle(op Op, r *http.Request, body []byte) (int, string, []byte) {
	var in sqInput
	var rep sqReply
	if err := json.Unmarshal(body, &in); err != nil {
		rep = sqFail(400, "SerializationException", "the request body is not JSON: %v", err)
	} else {
		f.mu.Lock()
		rep = f.serve(op.Name, in)
		f.mu.Unlock()
	}
	b, err := json.Marshal(rep.body)
	if err != nil {
		panic(err)
	}
	return rep.status, SQContentType, b
}

func (f *ServiceQuotas) serve(name string, in sqInput) sqReply {
	switch name {
	case "GetServiceQuota", "GetAWSDefaultServiceQuota", "ListServiceQuotas", "ListAWSDefaultServiceQuotas",
		"RequestServiceQuotaIncrease", "ListRequestedServiceQuotaChangeHistoryByQuota":
		if in.ServiceCode == "" {
			return sqFail(400, "IllegalArgumentException", "ServiceCode is required")
		}
	}
	switch name {
	case "GetServiceQuota", "GetAWSDefaultServiceQuota", "RequestServiceQuotaIncrease", "ListRequestedServiceQuotaChangeHistoryByQuota":
		if in.QuotaCode == "" {
			return sqFail(400, "IllegalArgumentException", "QuotaCode is required")
		}
	}
	switch name {
	case "GetServiceQuota":
		for _, q := range f.Applied {
			if q.ServiceCode == in.ServiceCode && q.QuotaCode == in.QuotaCode && q.ContextARN == in.ContextId {
				return sqReply{200, map[string]any{"Quota": sqQuota(q)}}
			}
		}
		return sqFail(400, "NoSuchResourceException", "no applied value of %s/%s for context %q", in.ServiceCode, in.QuotaCode, in.ContextId)
	case "GetAWSDefaultServiceQuota":
		for _, q := range f.Defaults {
			if q.ServiceCode == in.ServiceCode && q.QuotaCode == in.QuotaCode {
				return sqReply{200, map[string]any{"Quota": sqQuota(q)}}
			}
		}
		return sqFail(400, "NoSuchResourceException", "the quota %s/%s does not exist", in.ServiceCode, in.QuotaCode)
	case "ListServiceQuotas":
		level := in.QuotaAppliedAtLevel
		if level == "" {
			level = "ACCOUNT"
		}
		var items []any
		for _, q := range f.Applied {
			if q.ServiceCode == in.ServiceCode && (in.QuotaCode == "" || q.QuotaCode == in.QuotaCode) && sqLevelMatch(level, q.ContextARN) {
				items = append(items, sqQuota(q))
			}
		}
		return f.page(name, in, items, "Quotas")
	case "ListAWSDefaultServiceQuotas":
		var items []any
		for _, q := range f.Defaults {
			if q.ServiceCode == in.ServiceCode {
				items = append(items, sqQuota(q))
			}
		}
		return f.page(name, in, items, "Quotas")
	case "RequestServiceQuotaIncrease":
		if in.DesiredValue == nil {
			return sqFail(400, "IllegalArgumentException", "DesiredValue is required")
		}
		known, quotaName := false, ""
		for _, q := range append(append([]QuotaFixture(nil), f.Applied...), f.Defaults...) {
			if q.ServiceCode == in.ServiceCode && q.QuotaCode == in.QuotaCode {
				known, quotaName = true, q.QuotaName
				break
			}
		}
		if !known {
			return sqFail(400, "NoSuchResourceException", "the quota %s/%s does not exist", in.ServiceCode, in.QuotaCode)
		}
		for _, h := range f.History {
			if h.ServiceCode == in.ServiceCode && h.QuotaCode == in.QuotaCode && h.ContextARN == in.ContextId && sqOpen(h.Status) {
				return sqFail(400, "ResourceAlreadyExistsException", "a request for %s/%s is already open: %s", in.ServiceCode, in.QuotaCode, h.ID)
			}
		}
		f.filed++
		h := RequestFixture{
			ID: "req-" + strconv.Itoa(f.filed), CaseID: "case-" + strconv.Itoa(f.filed),
			ServiceCode: in.ServiceCode, QuotaCode: in.QuotaCode, QuotaName: quotaName,
			Status: "PENDING", ContextARN: in.ContextId, Desired: *in.DesiredValue, Created: time.Now(),
		}
		f.History = append(f.History, h)
		return sqReply{200, map[string]any{"RequestedQuota": sqRequest(h)}}
	case "ListRequestedServiceQuotaChangeHistoryByQuota", "ListRequestedServiceQuotaChangeHistory":
		level := in.QuotaRequestedAtLevel
		if level == "" {
			level = "ACCOUNT"
		}
		var items []any
		for _, h := range f.History {
			if (in.ServiceCode == "" || h.ServiceCode == in.ServiceCode) &&
				(name != "ListRequestedServiceQuotaChangeHistoryByQuota" || h.QuotaCode == in.QuotaCode) &&
				(in.Status == "" || h.Status == in.Status) && sqLevelMatch(level, h.ContextARN) {
				items = append(items, sqRequest(h))
			}
		}
		return f.page(name, in, items, "RequestedQuotas")
	}
	return sqFail(400, "UnknownOperationException", "awstest does not serve %s", name)
}

// page answers one page of a list, with a NextToken when more follow.
func (f *ServiceQuotas) page(op string, in sqInput, items []any, key string) sqReply {
	size := 100
	if in.MaxResults != nil {
		if *in.MaxResults < 1 || *in.MaxResults > 100 {
			return sqFail(400, "IllegalArgumentException", "MaxResults must be 1 to 100, not %d", *in.MaxResults)
		}
		size = *in.MaxResults
	}
	if f.PageSize > 0 {
		size = min(size, f.PageSize)
	}
	start := 0
	if in.NextToken != nil {
		raw, err := base64.RawURLEncoding.DecodeString(*in.NextToken)
		rest, ok := strings.CutPrefix(string(raw), op+":")
		n, nerr := strconv.Atoi(rest)
		if err != nil || !ok || nerr != nil || n < 0 || n > len(items) {
			return sqFail(400, "InvalidPaginationTokenException", "invalid NextToken")
		}
		start = n
	}
	end := min(start+size, len(items))
	out := map[string]any{key: append([]any{}, items[start:end]...)}
	if end < len(items) {
		out["NextToken"] = base64.RawURLEncoding.EncodeToString([]byte(op + ":" + strconv.Itoa(end)))
	}
	return sqReply{200, out}
}

// sqLevelMatch says whether a value for context arn is listed at level
// (ACCOUNT, RESOURCE, ALL).
func sqLevelMatch(level, arn string) bool {
	switch level {
	case "ALL":
		return true
	case "RESOURCE":
		return arn != ""
	}
	return arn == ""
}

// sqOpen says whether a request of that status is still open.
func sqOpen(status string) bool { return status == "PENDING" || status == "CASE_OPENED" }

func sqContext(arn string) map[string]any {
	if arn == "" {
		return nil
	}
	return map[string]any{"ContextScope": "RESOURCE", "ContextScopeType": "AWS::Connect::Instance", "ContextId": arn}
}

func sqQuota(q QuotaFixture) map[string]any {
	m := map[string]any{
		"ServiceCode": q.ServiceCode, "QuotaCode": q.QuotaCode, "QuotaName": q.QuotaName,
		"QuotaArn":   "arn:aws:servicequotas:us-east-1::" + q.ServiceCode + "/" + q.QuotaCode,
		"Value":      q.Value,
		"Adjustable": q.Adjustable, "GlobalQuota": false, "Unit": "None",
	}
	if q.Level != "" {
		m["QuotaAppliedAtLevel"] = q.Level
	}
	if c := sqContext(q.ContextARN); c != nil {
		m["QuotaContext"] = c
	}
	return m
}

func sqRequest(h RequestFixture) map[string]any {
	level := "ACCOUNT"
	if h.ContextARN != "" {
		level = "RESOURCE"
	}
	m := map[string]any{
		"Id": h.ID, "CaseId": h.CaseID, "ServiceCode": h.ServiceCode, "QuotaCode": h.QuotaCode,
		"QuotaName": h.QuotaName, "Status": h.Status, "DesiredValue": h.Desired,
		"QuotaRequestedAtLevel": level, "RequestType": "Manual",
	}
	if !h.Created.IsZero() {
		// JSON 1.1 timestamps are seconds since the epoch.
		m["Created"] = float64(h.Created.UnixMilli()) / 1000
		m["LastUpdated"] = float64(h.Created.UnixMilli()) / 1000
	}
	if c := sqContext(h.ContextARN); c != nil {
		m["QuotaContext"] = c
	}
	return m
}
