// Package awsread reads the live account: applied quotas from Service Quotas,
// resource counts from the Amazon Connect list APIs and observed peaks from
// CloudWatch, with the AWS SDK for Go v2 and the standard credential chain. It is
// gentle on the account: connectcap's calls share the account's API budget with
// the contact center's own integrations, so every operation is paced (one
// request a second by default), throttling is retried with backoff, and the
// calls made are counted. It never prints, logs or stores a credential, a token
// or a signed header: the debug log is its own, one line per attempt (operation,
// host, path, status, time), and never the SDK's wire log.
package awsread

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"golang.org/x/time/rate"
)

// DefaultAPIRate is connectcap's own pace per API operation: half the account's
// Connect budget of 2 requests a second, leaving the rest to the contact center.
const DefaultAPIRate = 1.0

// MaxAttempts is how often a throttled or failed request is tried.
const MaxAttempts = 8

// Options say how to reach the account.
type Options struct {
	// Profile is a named profile of the shared config and credentials files
	// (--profile); "" uses the standard chain (environment, files' default
	// profile, SSO, container and instance roles).
	Profile string
	// Region is the Region of this session.
	Region string
	// APIRate is requests per second per API operation; 0 means DefaultAPIRate.
	APIRate float64
	// Debug, when not nil, gets one line per request attempt.
	Debug io.Writer
	// HTTPClient replaces the SDK's (tests).
	HTTPClient aws.HTTPClient
}

// Session is one Region's configuration, with pacing and a tally of the calls
// made, shared by every client made from it.
type Session struct {
	Config aws.Config
	Calls  *Calls
	pace   *pacer
	debug  io.Writer
	mu     *sync.Mutex
}

// NewSession loads the configuration for o.Region. Endpoints come from the SDK's
// own settings (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>, endpoint_url in the
// config file), which is how VPC endpoints and the tests' local servers are
// reached.
func NewSession(ctx context.Context, o Options, calls *Calls) (*Session, error) {
	opts := []func(*config.LoadOptions) error{
		config.WithRegion(o.Region),
		config.WithRetryer(func() aws.Retryer {
			return retry.NewStandard(func(so *retry.StandardOptions) {
				so.MaxAttempts = MaxAttempts
				so.MaxBackoff = 20 * time.Second
				// The standard retryer's client-side token bucket stops
				// retrying after a burst of throttles; pacing already keeps
				// the rate down, so every throttled attempt may be retried.
				so.RateLimiter = noRateLimit{}
			})
		}),
	}
	if o.Profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(o.Profile))
	}
	if o.HTTPClient != nil {
		opts = append(opts, config.WithHTTPClient(o.HTTPClient))
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, fmt.Errorf("AWS configuration: %v", plain(err))
	}
	r := o.APIRate
	if r <= 0 {
		r = DefaultAPIRate
	}
	if calls == nil {
		calls = &Calls{}
	}
	return &Session{Config: cfg, Calls: calls, pace: newPacer(r), debug: o.Debug, mu: &sync.Mutex{}}, nil
}

// APIOptions are the middleware every client of the session carries: each
// attempt (retries included) waits its turn at its operation's pace, and is
// counted.
func (s *Session) APIOptions() []func(*middleware.Stack) error {
	return []func(*middleware.Stack) error{func(st *middleware.Stack) error {
		return st.Finalize.Insert(middleware.FinalizeMiddlewareFunc("connectcap-pace", s.attempt), "Retry", middleware.After)
	}}
}

func (s *Session) attempt(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
	service, op := middleware.GetServiceID(ctx), middleware.GetOperationName(ctx)
	api := service + "." + op
	if err := s.pace.wait(ctx, api); err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, err
	}
	start := time.Now()
	out, md, err := next.HandleFinalize(ctx, in)
	status := 0
	if resp, ok := awsmiddleware.GetRawResponse(md).(*smithyhttp.Response); ok && resp != nil {
		status = resp.StatusCode
	}
	var re *smithyhttp.ResponseError
	if errors.As(err, &re) && re.Response != nil {
		status = re.Response.StatusCode
	}
	throttled := status == http.StatusTooManyRequests || isThrottle(err)
	s.Calls.add(api, throttled)
	if s.debug != nil {
		host, path := "", ""
		if req, ok := in.Request.(*smithyhttp.Request); ok {
			host, path = req.URL.Host, req.URL.Path
		}
		s.mu.Lock()
		fmt.Fprintf(s.debug, "connectcap: debug: %s %s%s -> %d in %s\n", api, host, path, status, time.Since(start).Round(time.Millisecond))
		s.mu.Unlock()
	}
	return out, md, err
}

// isThrottle reports an error that says the request was throttled.
func isThrottle(err error) bool {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		switch ae.ErrorCode() {
		case "ThrottlingException", "TooManyRequestsException", "Throttling", "RequestLimitExceeded":
			return true
		}
	}
	return false
}

// pacer holds one token bucket per API operation: rate r, burst 1.
type pacer struct {
	r   rate.Limit
	mu  sync.Mutex
	per map[string]*rate.Limiter
}

func newPacer(r float64) *pacer { return &pacer{r: rate.Limit(r), per: map[string]*rate.Limiter{}} }

func (p *pacer) wait(ctx context.Context, api string) error {
	p.mu.Lock()
	l, ok := p.per[api]
	if !ok {
		l = rate.NewLimiter(p.r, 1)
		p.per[api] = l
	}
	p.mu.Unlock()
	return l.Wait(ctx)
}

// Calls counts the requests a run made, per API operation: every attempt, and
// those throttled. Safe for concurrent use; one Calls may serve several
// sessions (Regions).
type Calls struct {
	mu        sync.Mutex
	attempts  map[string]int
	throttled map[string]int
}

func (c *Calls) add(api string, throttled bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.attempts == nil {
		c.attempts, c.throttled = map[string]int{}, map[string]int{}
	}
	c.attempts[api]++
	if throttled {
		c.throttled[api]++
	}
}

// APICount is one operation's calls.
type APICount struct {
	API       string // "Connect.ListUsers"
	Calls     int    // attempts, retries included
	Throttled int
}

// Counts are the calls per operation, sorted by operation.
func (c *Calls) Counts() []APICount {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []APICount
	for api, n := range c.attempts {
		out = append(out, APICount{API: api, Calls: n, Throttled: c.throttled[api]})
	}
	slices.SortFunc(out, func(a, b APICount) int {
		if a.API < b.API {
			return -1
		}
		if a.API > b.API {
			return 1
		}
		return 0
	})
	return out
}

// Total is every attempt made.
func (c *Calls) Total() (calls, throttled int) {
	for _, a := range c.Counts() {
		calls += a.Calls
		throttled += a.Throttled
	}
	return calls, throttled
}

// noRateLimit lets every retry go: pacing is connectcap's own.
type noRateLimit struct{}

func (noRateLimit) GetToken(context.Context, uint) (func() error, error) {
	return func() error { return nil }, nil
}
func (noRateLimit) AddTokens(uint) error { return nil }

// plain is an error's message without the SDK's operation-error wrapping.
func plain(err error) error {
	var oe *smithy.OperationError
	if errors.As(err, &oe) {
		return oe.Err
	}
	return err
}
