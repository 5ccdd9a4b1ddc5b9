//go:build unix

package awsread

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/schemas"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/aws/smithy-go/transport/http/protocol/awsquery"

	"github.com/connectcap/connectcap/internal/account"
	"github.com/connectcap/connectcap/internal/awstest"
)

// motoURL is a moto server's endpoint: CI_MOTO_URL when CI started one, else
// a moto_server from PATH started for this test and stopped after it. Without
// either the test skips, unless CI_REQUIRE_MOTO=1 says it must run.
func motoURL(t *testing.T) string {
	t.Helper()
	if u := os.Getenv("CI_MOTO_URL"); u != "" {
		return u
	}
	bin, err := exec.LookPath("moto_server")
	if err != nil {
		if os.Getenv("CI_REQUIRE_MOTO") == "1" {
			t.Fatal("CI_REQUIRE_MOTO=1, but CI_MOTO_URL is unset and moto_server is not on PATH")
		}
		t.Skip("no moto server: set CI_MOTO_URL or put moto_server on PATH")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	cmd := exec.Command(bin, "-H", "127.0.0.1", "-p", port)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	// Its own process group, so that stopping it stops whatever the
	// moto_server script started.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-exited
		}
	})
	url := "http://127.0.0.1:" + port
	// Waiting for it to listen is not a limit on how fast it must be: the
	// deadline only ends a wait for a server that will never answer.
	deadline := time.Now().Add(2 * time.Minute)
	for {
		select {
		case err := <-exited:
			t.Fatalf("moto_server exited before answering (%v):\n%s", err, out.String())
		default:
		}
		resp, err := http.Get(url + "/moto-api/")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("moto_server did not answer on %s:\n%s", url, out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("moto_server answered %v after it was started", time.Since(start).Round(time.Millisecond))
	return url
}

// queryProtocol makes a CloudWatch client speak the query protocol, the only
// one moto serves for CloudWatch, instead of RPC v2 CBOR.
func queryProtocol(o *cloudwatch.Options) {
	o.Protocol = awsquery.New(schemas.GraniteServiceVersion20100801)
}

// The real client against moto: metric data put in with PutMetricData, then
// read back by ReadPeaks.
func TestReadPeaksFromMoto(t *testing.T) {
	url := motoURL(t)
	awstest.Env(t, url)
	var debug bytes.Buffer
	s, err := NewSession(context.Background(), Options{Region: "us-east-1", APIRate: 50, Debug: &debug}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// A fresh instance id, so that a shared moto server's other data does not
	// count.
	b := make([]byte, 8)
	rand.Read(b)
	instance := "moto-" + hex.EncodeToString(b)

	since := time.Now().Add(-3 * time.Hour).Truncate(time.Hour)
	until := since.Add(2 * time.Hour)
	at := func(d time.Duration) *time.Time { return aws.Time(since.Add(d)) }
	datum := func(metric, group string, when *time.Time, v float64) types.MetricDatum {
		return types.MetricDatum{
			MetricName: aws.String(metric),
			Dimensions: []types.Dimension{
				{Name: aws.String("InstanceId"), Value: aws.String(instance)},
				{Name: aws.String("MetricGroup"), Value: aws.String(group)},
			},
			Timestamp: when,
			Value:     aws.Float64(v),
		}
	}
	data := []types.MetricDatum{
		datum("ConcurrentCalls", "VoiceCalls", at(10*time.Minute+10*time.Second), 30),
		datum("ConcurrentCalls", "VoiceCalls", at(10*time.Minute+40*time.Second), 36),
		datum("ConcurrentCalls", "VoiceCalls", at(70*time.Minute), 20),
		datum("ConcurrentCallsPercentage", "VoiceCalls", at(10*time.Minute+10*time.Second), 0.25),
		datum("ConcurrentCallsPercentage", "VoiceCalls", at(10*time.Minute+40*time.Second), 0.30),
		datum("ConcurrentCallsPercentage", "VoiceCalls", at(70*time.Minute), 1.0/6),
		datum("CallsBreachingConcurrencyQuota", "VoiceCalls", at(20*time.Minute), 4),
		datum("CallsBreachingConcurrencyQuota", "VoiceCalls", at(90*time.Minute), 6),
		datum("ConcurrentActiveChats", "Chats", at(45*time.Minute), 75),
		datum("ConcurrentActiveChatsPercentage", "Chats", at(45*time.Minute), 15),
		// Outside [since, until): not counted.
		datum("ConcurrentCalls", "VoiceCalls", at(2*time.Hour), 99),
		datum("ConcurrentCalls", "VoiceCalls", at(-time.Minute), 98),
	}
	put := cloudwatch.NewFromConfig(s.Config, queryProtocol)
	if _, err := put.PutMetricData(context.Background(), &cloudwatch.PutMetricDataInput{Namespace: aws.String(ConnectNamespace), MetricData: data}); err != nil {
		t.Fatal(err)
	}

	r, problems := ReadMetrics(context.Background(), s, instance, since, until, queryProtocol)
	if len(problems) != 0 {
		t.Fatalf("problems %+v", problems)
	}
	peaks := r.Peaks()
	want := []account.Peak{
		{Metric: "ConcurrentCalls", Statistic: "Maximum", Value: 36, At: since.Add(10 * time.Minute), PeriodSeconds: 60},
		{Metric: "ConcurrentCallsPercentage", Statistic: "Maximum", Value: 0.30, At: since.Add(10 * time.Minute), PeriodSeconds: 60},
		{Metric: "CallsBreachingConcurrencyQuota", Statistic: "Sum", Value: 10, At: until, PeriodSeconds: 60},
		{Metric: "ConcurrentActiveChats", Statistic: "Maximum", Value: 75, At: since.Add(45 * time.Minute), PeriodSeconds: 60},
		{Metric: "ConcurrentActiveChatsPercentage", Statistic: "Maximum", Value: 15, At: since.Add(45 * time.Minute), PeriodSeconds: 60},
	}
	if len(peaks) != len(want) {
		t.Errorf("%d peaks, want %d: %+v", len(peaks), len(want), peaks)
	}
	for _, w := range want {
		got, ok := peakOf(peaks, w.Metric)
		if !ok || got.Statistic != w.Statistic || got.Value != w.Value || !got.At.Equal(w.At) || got.PeriodSeconds != w.PeriodSeconds {
			t.Errorf("%s: %+v (found %v), want %+v", w.Metric, got, ok, w)
		}
	}
	// 36 calls at 0.30 of the quota: 120.
	if q, ok := r.DerivedCallsQuota(); !ok || q != 120 {
		t.Errorf("derived calls quota %v, %v; want 120", q, ok)
	}
	counts := map[string]int{}
	for _, c := range s.Calls.Counts() {
		counts[c.API] = c.Calls
	}
	if counts["CloudWatch.GetMetricData"] != 1 {
		t.Errorf("calls %+v, want one GetMetricData", s.Calls.Counts())
	}
	noSecrets(t, "debug", debug.String())
	noSecrets(t, "peaks", asJSON(t, peaks))
}
