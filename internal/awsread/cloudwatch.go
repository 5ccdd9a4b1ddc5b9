package awsread

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/aws/smithy-go"

	"github.com/connectcap/connectcap/internal/account"
)

// ConnectNamespace is where Amazon Connect publishes its instance metrics.
const ConnectNamespace = "AWS/Connect"

// ConnectMetric is one instance-level AWS/Connect metric connectcap reads,
// with the MetricGroup dimension Amazon Connect publishes it under and the
// statistic that makes a peak of it.
type ConnectMetric struct {
	Name, Group, Statistic string
}

// ConnectMetrics are the metrics ReadPeaks reads (Amazon Connect
// Administrator Guide, "Monitoring your instance using CloudWatch"): the
// concurrency of each channel and its share of the quota at Maximum, and the
// contacts refused for a quota at Sum. Email has ConcurrentEmails and
// ConcurrentEmailsPercentage (MetricGroup Email, sent every 5 minutes) and no
// breaching count.
var ConnectMetrics = []ConnectMetric{
	{"ConcurrentCalls", "VoiceCalls", "Maximum"},
	{"ConcurrentCallsPercentage", "VoiceCalls", "Maximum"},
	{"CallsBreachingConcurrencyQuota", "VoiceCalls", "Sum"},
	{"ThrottledCalls", "VoiceCalls", "Sum"},
	{"ConcurrentActiveChats", "Chats", "Maximum"},
	{"ConcurrentActiveChatsPercentage", "Chats", "Maximum"},
	{"ChatsBreachingActiveChatQuota", "Chats", "Sum"},
	{"ConcurrentTasks", "Tasks", "Maximum"},
	{"ConcurrentTasksPercentage", "Tasks", "Maximum"},
	{"TasksBreachingConcurrencyQuota", "Tasks", "Sum"},
	{"ConcurrentEmails", "Email", "Maximum"},
	{"ConcurrentEmailsPercentage", "Email", "Maximum"},
}

// maxQueriesPerCall is GetMetricData's limit of MetricDataQueries a request.
const maxQueriesPerCall = 500

// MetricPeriod is the finest period CloudWatch still holds for a look-back that
// starts at since, judged at now: 1-minute points are kept 15 days, 5-minute
// points 63 days and hourly points 455 days. CloudWatch answers nothing for a
// period finer than the start's age allows.
func MetricPeriod(since, now time.Time) int {
	switch age := now.Sub(since); {
	case age <= 15*24*time.Hour:
		return 60
	case age <= 63*24*time.Hour:
		return 300
	default:
		return 3600
	}
}

// MetricPoint is one value CloudWatch answered for a period: the statistic over
// the period that starts at Time.
type MetricPoint struct {
	Time  time.Time
	Value float64
}

// MetricSeries is one metric's answer, oldest point first.
type MetricSeries struct {
	Metric, Statistic string
	Points            []MetricPoint
}

// MetricReading is what one read of an instance's metrics answered.
type MetricReading struct {
	InstanceID    string
	Since, Until  time.Time
	PeriodSeconds int
	// Series are keyed by metric name; a metric CloudWatch holds no data for
	// has a MetricSeries without points.
	Series map[string]MetricSeries
}

// ReadMetrics reads every metric of ConnectMetrics for an instance over
// [since, until) at MetricPeriod(since, now), since rounded down to the period
// as CloudWatch rounds it, in as few GetMetricData calls as
// the 500-query limit and pagination allow (one request and its pages for
// the 12 metrics). A call that fails ends the read: the reading is nil and the
// problem says why.
func ReadMetrics(ctx context.Context, s *Session, instanceID string, since, until time.Time, optFns ...func(*cloudwatch.Options)) (*MetricReading, []account.Problem) {
	opts := append([]func(*cloudwatch.Options){func(o *cloudwatch.Options) { o.APIOptions = append(o.APIOptions, s.APIOptions()...) }}, optFns...)
	client := cloudwatch.NewFromConfig(s.Config, opts...)
	period := MetricPeriod(since, time.Now())
	// CloudWatch rounds the start down to the period; so does the reading,
	// so that its Since is the start of the first period it can hold.
	since = since.Truncate(time.Duration(period) * time.Second)
	r := &MetricReading{InstanceID: instanceID, Since: since, Until: until, PeriodSeconds: period, Series: map[string]MetricSeries{}}
	var problems []account.Problem
	for first := 0; first < len(ConnectMetrics); first += maxQueriesPerCall {
		metrics := ConnectMetrics[first:min(first+maxQueriesPerCall, len(ConnectMetrics))]
		queries := make([]types.MetricDataQuery, len(metrics))
		byID := map[string]ConnectMetric{}
		for i, m := range metrics {
			id := fmt.Sprintf("m%d", first+i)
			byID[id] = m
			r.Series[m.Name] = MetricSeries{Metric: m.Name, Statistic: m.Statistic}
			queries[i] = types.MetricDataQuery{
				Id: aws.String(id),
				MetricStat: &types.MetricStat{
					Metric: &types.Metric{
						Namespace:  aws.String(ConnectNamespace),
						MetricName: aws.String(m.Name),
						Dimensions: []types.Dimension{
							{Name: aws.String("InstanceId"), Value: aws.String(instanceID)},
							{Name: aws.String("MetricGroup"), Value: aws.String(m.Group)},
						},
					},
					Period: aws.Int32(int32(period)),
					Stat:   aws.String(m.Statistic),
				},
				ReturnData: aws.Bool(true),
			}
		}
		in := &cloudwatch.GetMetricDataInput{
			MetricDataQueries: queries,
			StartTime:         aws.Time(since),
			EndTime:           aws.Time(until),
			ScanBy:            types.ScanByTimestampAscending,
		}
		for p := cloudwatch.NewGetMetricDataPaginator(client, in); p.HasMorePages(); {
			out, err := p.NextPage(ctx)
			if err != nil {
				return nil, append(problems, cloudWatchProblem("GetMetricData", err))
			}
			for _, res := range out.MetricDataResults {
				m, ok := byID[aws.ToString(res.Id)]
				if !ok {
					continue
				}
				switch res.StatusCode {
				case types.StatusCodeForbidden, types.StatusCodeInternalError:
					problems = append(problems, account.Problem{What: "GetMetricData", Code: string(res.StatusCode), Message: m.Name + ": " + cwMessages(res.Messages)})
					continue
				}
				sr := r.Series[m.Name]
				for i := range min(len(res.Timestamps), len(res.Values)) {
					sr.Points = append(sr.Points, MetricPoint{Time: res.Timestamps[i].UTC(), Value: res.Values[i]})
				}
				r.Series[m.Name] = sr
			}
		}
	}
	for name, sr := range r.Series {
		slices.SortStableFunc(sr.Points, func(a, b MetricPoint) int { return a.Time.Compare(b.Time) })
		r.Series[name] = sr
	}
	return r, problems
}

// ReadPeaks reads an instance's observed concurrency over [since, until):
// the Maximum of each channel's concurrency and of its percentage of the
// quota, with the period it was observed in, and the Sum of the contacts
// refused for a quota, over the whole look-back (see ConnectMetrics). A
// metric with no data has no peak; a failed call is a problem (What
// "GetMetricData") and no peaks.
func ReadPeaks(ctx context.Context, s *Session, instanceID string, since, until time.Time, optFns ...func(*cloudwatch.Options)) ([]account.Peak, []account.Problem) {
	r, problems := ReadMetrics(ctx, s, instanceID, since, until, optFns...)
	if r == nil {
		return nil, problems
	}
	return r.Peaks(), problems
}

// Peaks are the reading's peaks, in the order of ConnectMetrics. The
// percentage metrics are as CloudWatch holds them: a fraction or 0-100 (see
// DerivedQuota). A Maximum is at the start of the first period that reached
// it; a Sum is at the end of the look-back.
func (r *MetricReading) Peaks() []account.Peak {
	var peaks []account.Peak
	for _, m := range ConnectMetrics {
		sr, ok := r.Series[m.Name]
		if !ok || len(sr.Points) == 0 {
			continue
		}
		pk := account.Peak{Metric: m.Name, Statistic: sr.Statistic, PeriodSeconds: r.PeriodSeconds}
		switch sr.Statistic {
		case "Sum":
			for _, p := range sr.Points {
				pk.Value += p.Value
			}
			pk.At = r.Until
		default:
			best := sr.Points[0]
			for _, p := range sr.Points[1:] {
				if p.Value > best.Value {
					best = p
				}
			}
			pk.Value, pk.At = best.Value, best.Time
		}
		peaks = append(peaks, pk)
	}
	return peaks
}

// DerivedCallsQuota is the reading's concurrent calls quota, derived from
// ConcurrentCalls and ConcurrentCallsPercentage (DerivedQuota).
func (r *MetricReading) DerivedCallsQuota() (float64, bool) {
	return DerivedCallsQuota(r.Series["ConcurrentCalls"].Points, r.Series["ConcurrentCallsPercentage"].Points)
}

// DerivedCallsQuota derives the concurrent calls quota as the AWS quotas page
// says it is configured: ConcurrentCalls ÷ ConcurrentCallsPercentage, from
// the Maximum of both in the same period (DerivedQuota).
func DerivedCallsQuota(calls, percentage []MetricPoint) (float64, bool) {
	return DerivedQuota(calls, percentage)
}

// DerivedQuota derives a channel's configured quota from its concurrency and
// its percentage of the quota at the same data points: count ÷ share at the
// point with the most concurrency (the largest values carry the least
// rounding), rounded to a whole number. Only points where both metrics have a
// value at the same timestamp, the count above 0 and the percentage above 0,
// count; without one, ok is false.
//
// CloudWatch has held the percentage in two forms: a fraction (0.45 for 45 %,
// what the AWS text now says of ConcurrentCallsPercentage) and 0-100 (45,
// what older text said and what ConcurrentActiveChatsPercentage is). The
// series is read as a fraction when every value in it is at most 1, and as
// 0-100 otherwise. The edge: an instance that never went above 1 % of its
// quota, in the 0-100 form, reads as a fraction and derives a quota 100 times
// too small (1 call at 1 means 100 in 0-100, 1 as a fraction). A derived
// quota below the applied value from Service Quotas is the sign of it.
func DerivedQuota(count, percentage []MetricPoint) (float64, bool) {
	fraction := true
	for _, p := range percentage {
		if p.Value > 1 {
			fraction = false
			break
		}
	}
	share := map[int64]float64{}
	for _, p := range percentage {
		if p.Value > 0 {
			share[p.Time.UnixMilli()] = p.Value
		}
	}
	var best, bestShare float64
	found := false
	for _, c := range count {
		sh, ok := share[c.Time.UnixMilli()]
		if !ok || c.Value <= 0 {
			continue
		}
		if !fraction {
			sh /= 100
		}
		if !found || c.Value > best || (c.Value == best && sh > bestShare) {
			best, bestShare, found = c.Value, sh, true
		}
	}
	if !found {
		return 0, false
	}
	q := math.Round(best / bestShare)
	if q < 1 {
		return 0, false
	}
	return q, true
}

// DerivedCallsApplied is a derived calls quota as an applied value of the
// instance (Source "derived").
func DerivedCallsApplied(value float64) account.Applied {
	return account.Applied{
		ServiceCode: "connect",
		QuotaCode:   "L-12AB7C57",
		QuotaName:   "Concurrent active calls per instance",
		Value:       value,
		Source:      "derived",
	}
}

// cloudWatchProblem is a failed call as a problem: the AWS error code and message,
// or "unreachable" when no answer came.
func cloudWatchProblem(what string, err error) account.Problem {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return account.Problem{What: what, Code: ae.ErrorCode(), Message: ae.ErrorMessage()}
	}
	return account.Problem{What: what, Code: "unreachable", Message: plain(err).Error()}
}

func cwMessages(ms []types.MessageData) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, strings.TrimSpace(aws.ToString(m.Code)+" "+aws.ToString(m.Value)))
	}
	if len(parts) == 0 {
		return "no data"
	}
	return strings.Join(parts, "; ")
}
