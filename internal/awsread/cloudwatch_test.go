package awsread

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/connectcap/connectcap/internal/account"
	"github.com/connectcap/connectcap/internal/awstest"
)

const testInstance = "11111111-2222-3333-4444-555555555555"

// cwFixture is a local CloudWatch serving m, and a session pointed at it
// whose debug lines are checked for secrets when the test ends.
func cwFixture(t *testing.T, m *awstest.Metrics) (*awstest.Server, *awstest.CloudWatch, *Session) {
	t.Helper()
	srv := awstest.NewServer(t)
	cw := srv.ServeCloudWatch(m)
	awstest.Env(t, srv.URL)
	var debug bytes.Buffer
	s, err := NewSession(context.Background(), Options{Region: "us-east-1", APIRate: 50, Debug: &debug}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if debug.Len() == 0 {
			t.Error("no debug lines")
		}
		noSecretsIn(t, "debug", debug.String())
		if srv.Unsigned != 0 {
			t.Errorf("%d unsigned requests", srv.Unsigned)
		}
	})
	return srv, cw, s
}

// noSecrets fails when text holds the test secret, the session token or a
// signature.
func noSecretsIn(t *testing.T, what, text string) {
	t.Helper()
	for _, secret := range []string{awstest.SecretAccessKey, awstest.SessionToken, "Signature=", "Authorization"} {
		if strings.Contains(text, secret) {
			t.Errorf("%s holds %q:\n%s", what, secret, text)
		}
	}
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func pt(t time.Time, v float64) awstest.Point { return awstest.Point{Time: t, Value: v} }

func peakOf(peaks []account.Peak, metric string) (account.Peak, bool) {
	for _, p := range peaks {
		if p.Metric == metric {
			return p, true
		}
	}
	return account.Peak{}, false
}

// The look-back starts on a whole hour, so that the 60-, 300- and 3600-second
// periods CloudWatch answers start on whole minutes and hours from it.
func lookBack(age time.Duration) (since, until time.Time) {
	since = time.Now().Add(-age).Truncate(time.Hour)
	return since, since.Add(24 * time.Hour)
}

func TestReadPeaksFromFixture(t *testing.T) {
	since, until := lookBack(3 * 24 * time.Hour)
	at := func(d time.Duration) time.Time { return since.Add(d) }
	other := "99999999-2222-3333-4444-555555555555"
	m := &awstest.Metrics{Points: map[string][]awstest.Point{
		// Two points in the minute at 10:00: its Maximum is 45, at 10:00.
		testInstance + "/ConcurrentCalls": {
			pt(at(10*time.Hour+15*time.Second), 30),
			pt(at(10*time.Hour+40*time.Second), 45),
			pt(at(15*time.Hour), 44),
			pt(at(-time.Minute), 90), // before the look-back
			pt(until, 95),            // the look-back excludes its end
		},
		testInstance + "/ConcurrentCallsPercentage": {
			pt(at(10*time.Hour+15*time.Second), 0.30),
			pt(at(10*time.Hour+40*time.Second), 0.45),
			pt(at(15*time.Hour), 0.44),
		},
		other + "/ConcurrentCalls": {pt(at(time.Hour), 500)},
		// Breaches are summed over the look-back: 2 + 3.
		testInstance + "/CallsBreachingConcurrencyQuota": {pt(at(2*time.Hour), 2), pt(at(20*time.Hour), 3)},
		testInstance + "/ConcurrentActiveChats":          {pt(at(5*time.Hour+30*time.Second), 120), pt(at(6*time.Hour), 80)},
		testInstance + "/ConcurrentActiveChatsPercentage": {
			pt(at(5*time.Hour+30*time.Second), 24), pt(at(6*time.Hour), 16),
		},
		testInstance + "/ConcurrentTasks":  {pt(at(23*time.Hour+59*time.Minute), 7)},
		testInstance + "/ConcurrentEmails": {pt(at(12*time.Hour+5*time.Minute), 12)},
		// ThrottledCalls and the other breach counts have no data: no peak.
	}}
	srv, cw, s := cwFixture(t, m)
	peaks, problems := ReadPeaks(context.Background(), s, testInstance, since, until)
	if len(problems) != 0 {
		t.Fatalf("problems %+v", problems)
	}
	want := []account.Peak{
		{Metric: "ConcurrentCalls", Statistic: "Maximum", Value: 45, At: at(10 * time.Hour), PeriodSeconds: 60},
		{Metric: "ConcurrentCallsPercentage", Statistic: "Maximum", Value: 0.45, At: at(10 * time.Hour), PeriodSeconds: 60},
		{Metric: "CallsBreachingConcurrencyQuota", Statistic: "Sum", Value: 5, At: until, PeriodSeconds: 60},
		{Metric: "ConcurrentActiveChats", Statistic: "Maximum", Value: 120, At: at(5 * time.Hour), PeriodSeconds: 60},
		{Metric: "ConcurrentActiveChatsPercentage", Statistic: "Maximum", Value: 24, At: at(5 * time.Hour), PeriodSeconds: 60},
		{Metric: "ConcurrentTasks", Statistic: "Maximum", Value: 7, At: at(23*time.Hour + 59*time.Minute), PeriodSeconds: 60},
		{Metric: "ConcurrentEmails", Statistic: "Maximum", Value: 12, At: at(12*time.Hour + 5*time.Minute), PeriodSeconds: 60},
	}
	if len(peaks) != len(want) {
		t.Errorf("%d peaks, want %d: %+v", len(peaks), len(want), peaks)
	}
	for _, w := range want {
		got, ok := peakOf(peaks, w.Metric)
		if !ok {
			t.Errorf("no peak of %s", w.Metric)
			continue
		}
		if got.Statistic != w.Statistic || got.Value != w.Value || !got.At.Equal(w.At) || got.PeriodSeconds != w.PeriodSeconds {
			t.Errorf("%s: got %+v, want %+v", w.Metric, got, w)
		}
	}
	for _, missing := range []string{"ThrottledCalls", "ChatsBreachingActiveChatQuota", "TasksBreachingConcurrencyQuota", "ConcurrentTasksPercentage", "ConcurrentEmailsPercentage"} {
		if p, ok := peakOf(peaks, missing); ok {
			t.Errorf("a peak of %s without data: %+v", missing, p)
		}
	}

	// One call for the twelve metrics, each asked with the dimensions and
	// statistic Amazon Connect publishes it for.
	if n := srv.Calls(awstest.GetMetricData); n != 1 {
		t.Errorf("%d GetMetricData calls, want 1", n)
	}
	reqs := cw.Requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests", len(reqs))
	}
	if !reqs[0].StartTime.Equal(since) || !reqs[0].EndTime.Equal(until) {
		t.Errorf("asked [%v, %v), want [%v, %v)", reqs[0].StartTime, reqs[0].EndTime, since, until)
	}
	wantStat := map[string][2]string{
		"ConcurrentCalls": {"VoiceCalls", "Maximum"}, "ConcurrentCallsPercentage": {"VoiceCalls", "Maximum"},
		"CallsBreachingConcurrencyQuota": {"VoiceCalls", "Sum"}, "ThrottledCalls": {"VoiceCalls", "Sum"},
		"ConcurrentActiveChats": {"Chats", "Maximum"}, "ConcurrentActiveChatsPercentage": {"Chats", "Maximum"},
		"ChatsBreachingActiveChatQuota": {"Chats", "Sum"},
		"ConcurrentTasks":               {"Tasks", "Maximum"}, "ConcurrentTasksPercentage": {"Tasks", "Maximum"},
		"TasksBreachingConcurrencyQuota": {"Tasks", "Sum"},
		"ConcurrentEmails":               {"Email", "Maximum"}, "ConcurrentEmailsPercentage": {"Email", "Maximum"},
	}
	if len(reqs[0].Queries) != len(wantStat) {
		t.Errorf("%d queries, want %d", len(reqs[0].Queries), len(wantStat))
	}
	for _, q := range reqs[0].Queries {
		w, ok := wantStat[q.MetricName]
		if !ok {
			t.Errorf("unexpected query %+v", q)
			continue
		}
		delete(wantStat, q.MetricName)
		if q.Namespace != "AWS/Connect" || q.Dimensions["InstanceId"] != testInstance || q.Dimensions["MetricGroup"] != w[0] || q.Stat != w[1] || q.Period != 60 {
			t.Errorf("query %+v, want group %s, stat %s, period 60", q, w[0], w[1])
		}
	}
	if len(wantStat) != 0 {
		t.Errorf("not asked: %v", wantStat)
	}
	noSecretsIn(t, "peaks", asJSON(t, peaks))
}

func TestMetricPeriodByLookBack(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	for _, c := range []struct {
		age  time.Duration
		want int
	}{
		{time.Hour, 60},
		{15 * day, 60},
		{15*day + time.Second, 300},
		{63 * day, 300},
		{63*day + time.Second, 3600},
		{400 * day, 3600},
	} {
		if got := MetricPeriod(now.Add(-c.age), now); got != c.want {
			t.Errorf("look-back of %v: period %d, want %d", c.age, got, c.want)
		}
	}
}

// ReadPeaks asks the finest period CloudWatch still holds: the local server,
// as CloudWatch, answers nothing for a finer one.
func TestReadPeaksPeriodByLookBack(t *testing.T) {
	day := 24 * time.Hour
	for _, c := range []struct {
		age    time.Duration
		period int
	}{
		{2 * day, 60},
		{30 * day, 300},
		{100 * day, 3600},
	} {
		t.Run(c.age.String(), func(t *testing.T) {
			since, until := lookBack(c.age)
			m := &awstest.Metrics{Points: map[string][]awstest.Point{
				testInstance + "/ConcurrentCalls": {
					pt(since.Add(2*time.Hour+30*time.Minute+10*time.Second), 17),
					pt(since.Add(2*time.Hour+59*time.Minute), 21),
					pt(since.Add(5*time.Hour), 9),
				},
			}}
			_, cw, s := cwFixture(t, m)
			peaks, problems := ReadPeaks(context.Background(), s, testInstance, since, until)
			if len(problems) != 0 {
				t.Fatalf("problems %+v", problems)
			}
			// The Maximum's period starts at its point, rounded down to the
			// period from the look-back's whole-hour start.
			wantAt := since.Add(2*time.Hour + 59*time.Minute).Add(-time.Duration(59*60%c.period) * time.Second)
			got, ok := peakOf(peaks, "ConcurrentCalls")
			if !ok || got.Value != 21 || got.PeriodSeconds != c.period || !got.At.Equal(wantAt) {
				t.Errorf("peak %+v (found %v), want 21 at %v with period %d", got, ok, wantAt, c.period)
			}
			for _, r := range cw.Requests() {
				for _, q := range r.Queries {
					if q.Period != c.period {
						t.Errorf("%s asked at period %d, want %d", q.MetricName, q.Period, c.period)
					}
				}
			}
		})
	}
}

func TestReadPeaksPaginates(t *testing.T) {
	since, until := lookBack(2 * 24 * time.Hour)
	var calls, tasks, breaches []awstest.Point
	// Calls rise to 40 at minute 9 of 12; tasks peak at 6 at minute 0; a
	// breach of 1 a minute for 7 minutes.
	for i, v := range []float64{5, 8, 13, 20, 22, 25, 31, 33, 38, 40, 12, 3} {
		calls = append(calls, awstest.Point{Time: since.Add(time.Duration(i) * time.Minute), Value: v})
	}
	for i, v := range []float64{6, 1, 2, 3, 4} {
		tasks = append(tasks, awstest.Point{Time: since.Add(time.Duration(i) * time.Hour), Value: v})
	}
	for i := range 7 {
		breaches = append(breaches, awstest.Point{Time: since.Add(time.Duration(i)*time.Minute + 30*time.Second), Value: 1})
	}
	m := &awstest.Metrics{PageSize: 5, Points: map[string][]awstest.Point{
		testInstance + "/ConcurrentCalls":                calls,
		testInstance + "/ConcurrentTasks":                tasks,
		testInstance + "/CallsBreachingConcurrencyQuota": breaches,
	}}
	srv, cw, s := cwFixture(t, m)
	peaks, problems := ReadPeaks(context.Background(), s, testInstance, since, until)
	if len(problems) != 0 {
		t.Fatalf("problems %+v", problems)
	}
	// 12 + 5 + 7 = 24 points, 5 a page: 5 calls.
	if n := srv.Calls(awstest.GetMetricData); n != 5 {
		t.Errorf("%d calls, want 5", n)
	}
	reqs := cw.Requests()
	for i, r := range reqs {
		if (i == 0) != (r.NextToken == "") {
			t.Errorf("request %d with NextToken %q", i, r.NextToken)
		}
	}
	for _, w := range []account.Peak{
		{Metric: "ConcurrentCalls", Value: 40, At: since.Add(9 * time.Minute)},
		{Metric: "ConcurrentTasks", Value: 6, At: since},
		{Metric: "CallsBreachingConcurrencyQuota", Value: 7, At: until},
	} {
		got, ok := peakOf(peaks, w.Metric)
		if !ok || got.Value != w.Value || !got.At.Equal(w.At) {
			t.Errorf("%s: %+v (found %v), want %v at %v", w.Metric, got, ok, w.Value, w.At)
		}
	}
	// Every page's points were kept: the series holds all 12 calls points.
	r, _ := ReadMetrics(context.Background(), s, testInstance, since, until)
	if n := len(r.Series["ConcurrentCalls"].Points); n != 12 {
		t.Errorf("%d ConcurrentCalls points, want 12", n)
	}
}

func TestDerivedCallsQuota(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	at := func(min int) time.Time { return t0.Add(time.Duration(min) * time.Minute) }
	pts := func(vs ...float64) []MetricPoint {
		var out []MetricPoint
		for i, v := range vs {
			out = append(out, MetricPoint{Time: at(i), Value: v})
		}
		return out
	}
	for _, c := range []struct {
		name       string
		calls, pct []MetricPoint
		want       float64
		wantOK     bool
	}{
		{"fraction: 45 calls at 0.45", pts(45), pts(0.45), 100, true},
		{"0-100: 45 calls at 45", pts(45), pts(45), 100, true},
		// At the point with the most calls: 7 at 0.23 (7 of 30, rounded by
		// CloudWatch to two places) is 30.4, rounded 30.
		{"fraction, rounded", pts(2, 7, 3), pts(0.07, 0.23, 0.1), 30, true},
		// One value above 1 makes the whole series 0-100: 20 at 40 % is 50.
		{"0-100 with small values", pts(1, 20), pts(0.5, 40), 50, true},
		// The documented edge: 0-100 values that never pass 1 read as a
		// fraction (2 calls at 1 % of 200 would be 200; read as 2).
		{"0-100 at most 1 reads as a fraction", pts(2), pts(1), 2, true},
		{"no percentage", pts(45), nil, 0, false},
		{"no calls", nil, pts(0.45), 0, false},
		{"percentage 0", pts(45), pts(0), 0, false},
		{"no calls at the percentage's timestamps", []MetricPoint{{at(1), 45}}, []MetricPoint{{at(2), 0.45}}, 0, false},
		{"calls 0", pts(0), pts(0.45), 0, false},
	} {
		got, ok := DerivedCallsQuota(c.calls, c.pct)
		if got != c.want || ok != c.wantOK {
			t.Errorf("%s: %v, %v; want %v, %v", c.name, got, ok, c.want, c.wantOK)
		}
	}
}

// The derived quota from what the server answers, in both forms of the
// percentage, and the chats' 0-100 form through DerivedQuota.
func TestDerivedQuotaFromCloudWatch(t *testing.T) {
	since, until := lookBack(24 * time.Hour)
	for _, c := range []struct {
		name string
		pct  []float64
	}{
		{"fraction", []float64{0.12, 0.45, 0.3}},
		{"0-100", []float64{12, 45, 30}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var calls, pct []awstest.Point
			for i, v := range []float64{12, 45, 30} {
				ts := since.Add(time.Duration(i)*time.Hour + 20*time.Second)
				calls = append(calls, awstest.Point{Time: ts, Value: v})
				pct = append(pct, awstest.Point{Time: ts, Value: c.pct[i]})
			}
			m := &awstest.Metrics{Points: map[string][]awstest.Point{
				testInstance + "/ConcurrentCalls":                 calls,
				testInstance + "/ConcurrentCallsPercentage":       pct,
				testInstance + "/ConcurrentActiveChats":           {pt(since.Add(time.Hour), 150)},
				testInstance + "/ConcurrentActiveChatsPercentage": {pt(since.Add(time.Hour), 30)},
			}}
			_, _, s := cwFixture(t, m)
			r, problems := ReadMetrics(context.Background(), s, testInstance, since, until)
			if len(problems) != 0 {
				t.Fatalf("problems %+v", problems)
			}
			if q, ok := r.DerivedCallsQuota(); !ok || q != 100 {
				t.Errorf("derived calls quota %v, %v; want 100", q, ok)
			}
			if q, ok := DerivedQuota(r.Series["ConcurrentActiveChats"].Points, r.Series["ConcurrentActiveChatsPercentage"].Points); !ok || q != 500 {
				t.Errorf("derived chats quota %v, %v; want 500", q, ok)
			}
			a := DerivedCallsApplied(100)
			if a.Source != "derived" || a.QuotaCode != "L-12AB7C57" || a.ServiceCode != "connect" || a.Value != 100 {
				t.Errorf("applied %+v", a)
			}
		})
	}
}

func TestReadPeaksAccessDenied(t *testing.T) {
	since, until := lookBack(24 * time.Hour)
	m := &awstest.Metrics{Points: map[string][]awstest.Point{testInstance + "/ConcurrentCalls": {pt(since.Add(time.Hour), 4)}}}
	srv, cw, s := cwFixture(t, m)
	msg := "User: arn:aws:iam::123456789012:user/reader is not authorized to perform: cloudwatch:GetMetricData"
	cw.Fail(1, http.StatusForbidden, "AccessDenied", msg)
	peaks, problems := ReadPeaks(context.Background(), s, testInstance, since, until)
	if len(peaks) != 0 {
		t.Errorf("peaks %+v", peaks)
	}
	want := account.Problem{What: "GetMetricData", Code: "AccessDenied", Message: msg}
	if len(problems) != 1 || problems[0] != want {
		t.Errorf("problems %+v, want [%+v]", problems, want)
	}
	// A denial is not retried.
	if n := srv.Calls(awstest.GetMetricData); n != 1 {
		t.Errorf("%d calls, want 1", n)
	}
	noSecretsIn(t, "problems", asJSON(t, problems))
}

func TestReadPeaksRetriesThrottling(t *testing.T) {
	since, until := lookBack(24 * time.Hour)
	m := &awstest.Metrics{Points: map[string][]awstest.Point{testInstance + "/ConcurrentCalls": {pt(since.Add(time.Hour), 4)}}}
	srv, cw, s := cwFixture(t, m)
	// CloudWatch's throttle (400, Throttling in X-Amzn-Query-Error), then a
	// 429 with only the CBOR body's type.
	cw.Fail(1, http.StatusBadRequest, "Throttling", "Rate exceeded")
	ctype, body := awstest.CloudWatchError("ThrottlingException", "Rate exceeded")
	srv.Fail(awstest.GetMetricData, 1, http.StatusTooManyRequests, ctype, body)
	peaks, problems := ReadPeaks(context.Background(), s, testInstance, since, until)
	if len(problems) != 0 {
		t.Fatalf("problems %+v", problems)
	}
	if p, ok := peakOf(peaks, "ConcurrentCalls"); !ok || p.Value != 4 {
		t.Errorf("peak %+v (found %v), want 4", p, ok)
	}
	if n := srv.Calls(awstest.GetMetricData); n != 3 {
		t.Errorf("%d calls reached the server, want 3", n)
	}
	counts := s.Calls.Counts()
	if len(counts) != 1 || counts[0].API != "CloudWatch.GetMetricData" || counts[0].Calls != 3 || counts[0].Throttled != 2 {
		t.Errorf("counts %+v, want CloudWatch.GetMetricData: 3 calls, 2 throttled", counts)
	}
}

// CloudWatch rounds the start down to the period, and so does ReadPeaks: a
// look-back from 02:30 past an hour asks from 02:00 at 60 s, and one from
// 07:00 past asks from 05:00 at 300 s.
func TestReadPeaksRoundsStartToPeriod(t *testing.T) {
	day := 24 * time.Hour
	for _, c := range []struct {
		age         time.Duration
		offset, due time.Duration
	}{
		{2 * day, 2*time.Minute + 30*time.Second, 2 * time.Minute},
		{30 * day, 7 * time.Minute, 5 * time.Minute},
	} {
		hour, _ := lookBack(c.age)
		since, until := hour.Add(c.offset), hour.Add(6*time.Hour)
		m := &awstest.Metrics{Points: map[string][]awstest.Point{
			testInstance + "/ConcurrentCalls": {pt(hour.Add(c.due+10*time.Second), 5)},
		}}
		_, cw, s := cwFixture(t, m)
		peaks, problems := ReadPeaks(context.Background(), s, testInstance, since, until)
		if len(problems) != 0 {
			t.Fatalf("problems %+v", problems)
		}
		if r := cw.Requests(); len(r) != 1 || !r[0].StartTime.Equal(hour.Add(c.due)) {
			t.Errorf("look-back from %v: asked %+v, want from %v", since, r, hour.Add(c.due))
		}
		if p, ok := peakOf(peaks, "ConcurrentCalls"); !ok || p.Value != 5 || !p.At.Equal(hour.Add(c.due)) {
			t.Errorf("peak %+v (found %v), want 5 at %v", p, ok, hour.Add(c.due))
		}
	}
}
