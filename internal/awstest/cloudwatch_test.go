package awstest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/aws/smithy-go"
)

func query(id, metric, group string, period int32, stat string) types.MetricDataQuery {
	dims := []types.Dimension{{Name: aws.String("InstanceId"), Value: aws.String("i1")}}
	if group != "" {
		dims = append(dims, types.Dimension{Name: aws.String("MetricGroup"), Value: aws.String(group)})
	}
	return types.MetricDataQuery{Id: aws.String(id), MetricStat: &types.MetricStat{
		Metric: &types.Metric{Namespace: aws.String("AWS/Connect"), MetricName: aws.String(metric), Dimensions: dims},
		Period: aws.Int32(period), Stat: aws.String(stat),
	}}
}

// The SDK's default (RPC v2 CBOR) client reads the server's statistics;
// other dimensions than Amazon Connect's find nothing; a bad period is the
// service's validation error.
func TestCloudWatchStatistics(t *testing.T) {
	s := NewServer(t)
	start := time.Now().Add(-time.Hour).Truncate(time.Hour)
	s.ServeCloudWatch(&Metrics{Points: map[string][]Point{
		"i1/ConcurrentCalls": {{start.Add(10 * time.Second), 2}, {start.Add(20 * time.Second), 6}, {start.Add(70 * time.Second), 5}},
	}})
	Env(t, s.URL)
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("us-east-1"))
	if err != nil {
		t.Fatal(err)
	}
	c := cloudwatch.NewFromConfig(cfg)
	out, err := c.GetMetricData(context.Background(), &cloudwatch.GetMetricDataInput{
		StartTime: aws.Time(start), EndTime: aws.Time(start.Add(time.Hour)), ScanBy: types.ScanByTimestampAscending,
		MetricDataQueries: []types.MetricDataQuery{
			query("mx", "ConcurrentCalls", "VoiceCalls", 60, "Maximum"),
			query("av", "ConcurrentCalls", "VoiceCalls", 60, "Average"),
			query("sm", "ConcurrentCalls", "VoiceCalls", 3600, "Sum"),
			query("nogroup", "ConcurrentCalls", "", 60, "Maximum"),
			query("wronggroup", "ConcurrentCalls", "Chats", 60, "Maximum"),
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]float64{"mx": {6, 5}, "av": {4, 5}, "sm": {13}, "nogroup": nil, "wronggroup": nil}
	for _, r := range out.MetricDataResults {
		w := want[aws.ToString(r.Id)]
		if len(r.Values) != len(w) || len(r.Timestamps) != len(w) {
			t.Errorf("%s: %v at %v, want %v", aws.ToString(r.Id), r.Values, r.Timestamps, w)
			continue
		}
		for i := range w {
			if r.Values[i] != w[i] {
				t.Errorf("%s: %v, want %v", aws.ToString(r.Id), r.Values, w)
			}
		}
		if len(w) > 0 && !r.Timestamps[0].Equal(start) {
			t.Errorf("%s: first at %v, want %v", aws.ToString(r.Id), r.Timestamps[0], start)
		}
	}
	_, err = c.GetMetricData(context.Background(), &cloudwatch.GetMetricDataInput{
		StartTime: aws.Time(start), EndTime: aws.Time(start.Add(time.Hour)),
		MetricDataQueries: []types.MetricDataQuery{query("bad", "ConcurrentCalls", "VoiceCalls", 90, "Maximum")},
	})
	var ae smithy.APIError
	if !errors.As(err, &ae) || ae.ErrorCode() != "InvalidParameterValue" {
		t.Errorf("period 90: %v, want InvalidParameterValue", err)
	}
}
