package awstest

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aws/smithy-go/encoding/cbor"
)

// GetMetricData is CloudWatch's operation as the server counts and fails it.
var GetMetricData = Op{"monitoring", "GetMetricData"}

// cloudWatchPath is where an RPC v2 CBOR client posts an operation of
// CloudWatch (its Smithy service name is GraniteServiceVersion20100801).
const cloudWatchPath = "/service/GraniteServiceVersion20100801/operation/"

// Point is one raw observation of a metric.
type Point struct {
	Time  time.Time
	Value float64
}

// Metrics is CloudWatch's store for a test: raw points of the AWS/Connect
// metrics, published with the dimensions InstanceId and the metric's
// MetricGroup (connectGroups), as Amazon Connect publishes them.
type Metrics struct {
	// Points are keyed by InstanceId + "/" + MetricName.
	Points map[string][]Point
	// PageSize, when above 0, is the most data points one reply holds (over
	// all its results); the rest follow behind a NextToken.
	PageSize int
	// Now is the clock the retention rules are judged by; zero means
	// time.Now.
	Now time.Time
}

// connectGroups is the MetricGroup each instance-level AWS/Connect metric is
// published under (Amazon Connect Administrator Guide, "Monitoring your
// instance using CloudWatch").
var connectGroups = map[string]string{
	"ConcurrentCalls":                 "VoiceCalls",
	"ConcurrentCallsPercentage":       "VoiceCalls",
	"CallsBreachingConcurrencyQuota":  "VoiceCalls",
	"ThrottledCalls":                  "VoiceCalls",
	"CallsPerInterval":                "VoiceCalls",
	"MissedCalls":                     "VoiceCalls",
	"ConcurrentActiveChats":           "Chats",
	"ConcurrentActiveChatsPercentage": "Chats",
	"ChatsBreachingActiveChatQuota":   "Chats",
	"ConcurrentTasks":                 "Tasks",
	"ConcurrentTasksPercentage":       "Tasks",
	"TasksBreachingConcurrencyQuota":  "Tasks",
	"ConcurrentEmails":                "Email",
	"ConcurrentEmailsPercentage":      "Email",
}

// MetricQuery is one decoded MetricDataQuery of a request.
type MetricQuery struct {
	ID, Namespace, MetricName string
	Dimensions                map[string]string
	Period                    int
	Stat                      string
}

// MetricDataRequest is one decoded GetMetricData request.
type MetricDataRequest struct {
	StartTime, EndTime time.Time
	NextToken          string
	ScanBy             string
	Queries            []MetricQuery
}

// CloudWatch serves GetMetricData in CloudWatch's default protocol (Smithy
// RPC v2 CBOR) from a Metrics fixture.
type CloudWatch struct {
	s        *Server
	m        *Metrics
	mu       sync.Mutex
	requests []MetricDataRequest
}

// ServeCloudWatch routes CloudWatch's RPC v2 CBOR requests on s to m.
func (s *Server) ServeCloudWatch(m *Metrics) *CloudWatch {
	c := &CloudWatch{s: s, m: m}
	s.Route(func(r *http.Request, body []byte) (Op, Handler, bool) {
		name, ok := strings.CutPrefix(r.URL.Path, cloudWatchPath)
		if !ok || r.Method != http.MethodPost {
			return Op{}, nil, false
		}
		return Op{"monitoring", name}, c.handle, true
	})
	return c
}

// Requests are the GetMetricData requests that reached the fixture (not
// those failed by Server.Fail), in order.
func (c *CloudWatch) Requests() []MetricDataRequest {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.requests)
}

// Fail makes the next n GetMetricData calls fail with status and the error
// code CloudWatch's query-compatible protocol reports (AccessDenied,
// Throttling): the code in X-Amzn-Query-Error, the shape in the CBOR body.
func (c *CloudWatch) Fail(n, status int, code, message string) {
	fault := "Sender"
	if status >= 500 {
		fault = "Receiver"
	}
	h := http.Header{}
	h.Set("Smithy-Protocol", "rpc-v2-cbor")
	h.Set("X-Amzn-Query-Error", code+";"+fault)
	ctype, body := CloudWatchError(code, message)
	c.s.FailHeader(GetMetricData, n, status, h, ctype, body)
}

// CloudWatchError is an RPC v2 CBOR error body with the given type, for
// Server.Fail.
func CloudWatchError(typ, message string) (contentType, body string) {
	return "application/cbor", string(cbor.Encode(cbor.Map{
		"__type":  cbor.String(typ),
		"message": cbor.String(message),
	}))
}

func (c *CloudWatch) handle(op Op, r *http.Request, body []byte) (int, string, []byte) {
	if r.Header.Get("Smithy-Protocol") != "rpc-v2-cbor" {
		return cwErr(http.StatusBadRequest, "InvalidParameterValue", "missing Smithy-Protocol: rpc-v2-cbor")
	}
	if op.Name != "GetMetricData" {
		return cwErr(http.StatusBadRequest, "UnknownOperationException", "awstest serves only GetMetricData, not "+op.Name)
	}
	req, err := decodeMetricDataRequest(body)
	if err != nil {
		return cwErr(http.StatusBadRequest, "InvalidParameterValue", err.Error())
	}
	c.mu.Lock()
	c.requests = append(c.requests, req)
	c.mu.Unlock()
	if msg := validate(req); msg != "" {
		return cwErr(http.StatusBadRequest, "InvalidParameterValue", msg)
	}
	now := c.m.Now
	if now.IsZero() {
		now = time.Now()
	}
	type item struct {
		q int
		t time.Time
		v float64
	}
	var all []item
	for i, q := range req.Queries {
		ts, vs := c.aggregate(q, req.StartTime, req.EndTime, now)
		order := make([]int, len(ts))
		for j := range order {
			order[j] = j
		}
		if req.ScanBy != "TimestampAscending" { // CloudWatch's default is descending
			slices.Reverse(order)
		}
		for _, j := range order {
			all = append(all, item{i, ts[j], vs[j]})
		}
	}
	off := 0
	if req.NextToken != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(req.NextToken, "page-"))
		if err != nil || n < 0 || n > len(all) {
			return cwErr(http.StatusBadRequest, "InvalidNextToken", "the NextToken is not one this server gave")
		}
		off = n
	}
	end := len(all)
	if c.m.PageSize > 0 && off+c.m.PageSize < end {
		end = off + c.m.PageSize
	}
	status := "Complete"
	if end < len(all) {
		status = "PartialData"
	}
	// Every query has a result in every reply, empty where this page holds
	// none of its points, as CloudWatch answers.
	ts := make([]cbor.List, len(req.Queries))
	vs := make([]cbor.List, len(req.Queries))
	for _, it := range all[off:end] {
		ts[it.q] = append(ts[it.q], epoch(it.t))
		vs[it.q] = append(vs[it.q], cbor.Float64(it.v))
	}
	results := cbor.List{}
	for i, q := range req.Queries {
		results = append(results, cbor.Map{
			"Id":         cbor.String(q.ID),
			"Label":      cbor.String(q.MetricName),
			"StatusCode": cbor.String(status),
			"Timestamps": nonNil(ts[i]),
			"Values":     nonNil(vs[i]),
		})
	}
	out := cbor.Map{"MetricDataResults": results, "Messages": cbor.List{}}
	if end < len(all) {
		out["NextToken"] = cbor.String(fmt.Sprintf("page-%d", end))
	}
	return http.StatusOK, "application/cbor", cbor.Encode(out)
}

func nonNil(l cbor.List) cbor.List {
	if l == nil {
		return cbor.List{}
	}
	return l
}

// epoch is a timestamp as RPC v2 CBOR carries it: tag 1, epoch seconds.
func epoch(t time.Time) cbor.Value {
	return &cbor.Tag{ID: 1, Value: cbor.Float64(float64(t.UnixMilli()) / 1e3)}
}

var queryID = regexp.MustCompile(`^[a-z][a-zA-Z0-9_]*$`)

// validate applies CloudWatch's request rules: up to 500 queries with unique
// ids of the allowed form, a period of 1, 5, 10, 20, 30 or a multiple of 60
// seconds, a known statistic, and a start before the end.
func validate(req MetricDataRequest) string {
	if len(req.Queries) == 0 || len(req.Queries) > 500 {
		return fmt.Sprintf("%d MetricDataQueries: 1 to 500 allowed", len(req.Queries))
	}
	if !req.StartTime.Before(req.EndTime) {
		return "the parameter EndTime must be greater than StartTime"
	}
	seen := map[string]bool{}
	for _, q := range req.Queries {
		if !queryID.MatchString(q.ID) || seen[q.ID] {
			return fmt.Sprintf("query id %q: not unique or not of the form [a-z][a-zA-Z0-9_]*", q.ID)
		}
		seen[q.ID] = true
		switch {
		case q.Period <= 0:
			return fmt.Sprintf("query %s: no period", q.ID)
		case q.Period < 60 && !slices.Contains([]int{1, 5, 10, 20, 30}, q.Period), q.Period >= 60 && q.Period%60 != 0:
			return fmt.Sprintf("query %s: period %d is not 1, 5, 10, 20, 30 or a multiple of 60", q.ID, q.Period)
		}
		switch q.Stat {
		case "Maximum", "Minimum", "Sum", "Average", "SampleCount":
		default:
			return fmt.Sprintf("query %s: statistic %q is not one this server computes", q.ID, q.Stat)
		}
	}
	return ""
}

// aggregate is one query's answer: the points of its metric in
// [start, end), grouped into periods from start (rounded down to a whole
// period), one statistic a period.
// As CloudWatch, it answers nothing when the period is finer than the
// retention of the start's age allows (1-minute points 15 days, 5-minute
// points 63 days, hourly beyond), and nothing for a metric asked with other
// dimensions than Amazon Connect publishes it with.
func (c *CloudWatch) aggregate(q MetricQuery, start, end, now time.Time) ([]time.Time, []float64) {
	group, known := connectGroups[q.MetricName]
	if !known || q.Namespace != "AWS/Connect" || len(q.Dimensions) != 2 || q.Dimensions["MetricGroup"] != group || q.Dimensions["InstanceId"] == "" {
		return nil, nil
	}
	// CloudWatch rounds the start down to a whole period of the clock.
	step := time.Duration(q.Period) * time.Second
	start = start.Truncate(step)
	age := now.Sub(start)
	switch {
	case age > 63*24*time.Hour && q.Period%3600 != 0:
		return nil, nil
	case age > 15*24*time.Hour && q.Period%300 != 0:
		return nil, nil
	}
	buckets := map[int64][]float64{}
	for _, p := range c.m.Points[q.Dimensions["InstanceId"]+"/"+q.MetricName] {
		if p.Time.Before(start) || !p.Time.Before(end) {
			continue
		}
		k := int64(p.Time.Sub(start) / step)
		buckets[k] = append(buckets[k], p.Value)
	}
	keys := make([]int64, 0, len(buckets))
	for k := range buckets {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var ts []time.Time
	var vs []float64
	for _, k := range keys {
		ts = append(ts, start.Add(time.Duration(k)*step))
		vs = append(vs, statistic(q.Stat, buckets[k]))
	}
	return ts, vs
}

func statistic(stat string, vs []float64) float64 {
	switch stat {
	case "Maximum":
		return slices.Max(vs)
	case "Minimum":
		return slices.Min(vs)
	case "SampleCount":
		return float64(len(vs))
	}
	sum := 0.0
	for _, v := range vs {
		sum += v
	}
	if stat == "Average" {
		return sum / float64(len(vs))
	}
	return sum
}

func cwErr(status int, code, message string) (int, string, []byte) {
	_, body := CloudWatchError(code, message)
	return status, "application/cbor", []byte(body)
}

// decodeMetricDataRequest reads the members of GetMetricDataInput that
// connectcap sends.
func decodeMetricDataRequest(body []byte) (MetricDataRequest, error) {
	var req MetricDataRequest
	v, err := cbor.Decode(body)
	if err != nil {
		return req, fmt.Errorf("request body: %v", err)
	}
	m, ok := v.(cbor.Map)
	if !ok {
		return req, fmt.Errorf("request body is a %T, not a map", v)
	}
	if req.StartTime, err = timeMember(m, "StartTime"); err != nil {
		return req, err
	}
	if req.EndTime, err = timeMember(m, "EndTime"); err != nil {
		return req, err
	}
	req.NextToken = str(m["NextToken"])
	req.ScanBy = str(m["ScanBy"])
	qs, _ := m["MetricDataQueries"].(cbor.List)
	for _, qv := range qs {
		qm, _ := qv.(cbor.Map)
		q := MetricQuery{ID: str(qm["Id"]), Dimensions: map[string]string{}}
		ms, ok := qm["MetricStat"].(cbor.Map)
		if !ok {
			return req, fmt.Errorf("query %q: no MetricStat (this server answers no expressions)", q.ID)
		}
		q.Stat = str(ms["Stat"])
		if p, ok := ms["Period"]; ok {
			n, err := cbor.AsInt64(p)
			if err != nil {
				return req, fmt.Errorf("query %q: Period: %v", q.ID, err)
			}
			q.Period = int(n)
		}
		metric, _ := ms["Metric"].(cbor.Map)
		q.Namespace, q.MetricName = str(metric["Namespace"]), str(metric["MetricName"])
		dims, _ := metric["Dimensions"].(cbor.List)
		for _, dv := range dims {
			dm, _ := dv.(cbor.Map)
			q.Dimensions[str(dm["Name"])] = str(dm["Value"])
		}
		req.Queries = append(req.Queries, q)
	}
	return req, nil
}

func timeMember(m cbor.Map, name string) (time.Time, error) {
	v, ok := m[name]
	if !ok {
		return time.Time{}, fmt.Errorf("no %s", name)
	}
	t, err := cbor.AsTime(v)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: %v", name, err)
	}
	// Epoch seconds as a float carry milliseconds at best.
	return t.Round(time.Millisecond), nil
}

func str(v cbor.Value) string {
	if s, ok := v.(cbor.String); ok {
		return string(s)
	}
	return ""
}
