package awsread

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/servicequotas"
)

// testEnv points the standard chain at fixed test credentials and nothing else:
// no files, no instance metadata.
func testEnv(t *testing.T, endpoint string) {
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIATESTCONNECTCAP01")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "testsecretconnectcapDoNotPrintMe0000000")
	t.Setenv("AWS_SESSION_TOKEN", "")
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_CONFIG_FILE", t.TempDir()+"/none")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", t.TempDir()+"/none")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_ENDPOINT_URL", endpoint)
}

func TestSessionPacesRetriesAndCounts(t *testing.T) {
	var n atomic.Int32
	var times []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		times = append(times, time.Now())
		if !strings.HasPrefix(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256 Credential=AKIATESTCONNECTCAP01/") {
			t.Errorf("unsigned request: %q", r.Header.Get("Authorization"))
		}
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		if n.Add(1) <= 2 {
			w.WriteHeader(http.StatusBadRequest)
			w.Write([]byte(`{"__type":"TooManyRequestsException","message":"slow down"}`))
			return
		}
		w.Write([]byte(`{"Quota":{"ServiceCode":"connect","QuotaCode":"L-12AB7C57","Value":100}}`))
	}))
	defer srv.Close()
	testEnv(t, srv.URL)
	s, err := NewSession(context.Background(), Options{Region: "us-east-1", APIRate: 20}, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := servicequotas.NewFromConfig(s.Config, func(o *servicequotas.Options) { o.APIOptions = append(o.APIOptions, s.APIOptions()...) })
	out, err := c.GetServiceQuota(context.Background(), &servicequotas.GetServiceQuotaInput{ServiceCode: aws.String("connect"), QuotaCode: aws.String("L-12AB7C57")})
	if err != nil {
		t.Fatal(err)
	}
	if *out.Quota.Value != 100 {
		t.Errorf("value = %v", *out.Quota.Value)
	}
	counts := s.Calls.Counts()
	if len(counts) != 1 || counts[0].API != "Service Quotas.GetServiceQuota" || counts[0].Calls != 3 || counts[0].Throttled != 2 {
		t.Errorf("counts = %+v", counts)
	}
	// Three attempts at 20 a second with a burst of 1: at least 50 ms apart
	// (the backoff adds to it).
	for i := 1; i < len(times); i++ {
		if d := times[i].Sub(times[i-1]); d < 45*time.Millisecond {
			t.Errorf("attempts %d and %d %v apart", i-1, i, d)
		}
	}
}
