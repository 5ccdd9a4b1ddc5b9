package awstest

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/servicequotas"
)

// The real SDK client's requests verify; a request signed with another secret
// does not.
func TestSignatureVerifies(t *testing.T) {
	s := NewServer(t)
	s.Route(func(r *http.Request, body []byte) (Op, Handler, bool) {
		name, ok := strings.CutPrefix(r.Header.Get("X-Amz-Target"), "ServiceQuotasV20190624.")
		return Op{"servicequotas", name}, func(Op, *http.Request, []byte) (int, string, []byte) {
			return 200, "application/x-amz-json-1.1", []byte(`{"Quota":{"Value":5}}`)
		}, ok
	})
	Env(t, s.URL)
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("us-east-1"))
	if err != nil {
		t.Fatal(err)
	}
	c := servicequotas.NewFromConfig(cfg)
	if _, err := c.GetServiceQuota(context.Background(), &servicequotas.GetServiceQuotaInput{ServiceCode: aws.String("connect"), QuotaCode: aws.String("L-1")}); err != nil {
		t.Fatal(err)
	}
	if s.Calls(Op{"servicequotas", "GetServiceQuota"}) != 1 || s.Unsigned != 0 {
		t.Errorf("calls %d, unsigned %d", s.Calls(Op{"servicequotas", "GetServiceQuota"}), s.Unsigned)
	}
	t.Setenv("AWS_SECRET_ACCESS_KEY", "another")
	cfg, _ = config.LoadDefaultConfig(context.Background(), config.WithRegion("us-east-1"))
	inner := &testing.T{}
	s.t = inner
	_, err = servicequotas.NewFromConfig(cfg).GetServiceQuota(context.Background(), &servicequotas.GetServiceQuotaInput{ServiceCode: aws.String("connect"), QuotaCode: aws.String("L-1")})
	if err == nil || s.Unsigned == 0 {
		t.Errorf("a request signed with another secret passed (err %v)", err)
	}
}
