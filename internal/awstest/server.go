// Package awstest serves AWS wire protocols from fixtures for connectcap's tests:
// the real SDK clients talk to it over HTTP on localhost. Every request must be
// signed (SigV4, checked by recomputing the signature with the test secret);
// requests are timed per operation so tests can check connectcap's pacing; any
// operation can be throttled (HTTP 429) or denied for a number of calls.
package awstest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// The test credentials. Tests grep every output for them: connectcap must never
// print, log or write them.
const (
	AccessKeyID     = "AKIATESTCONNECTCAP01"
	SecretAccessKey = "testSecretConnectcapDoNotPrintMe00000000"
	SessionToken    = "testSessionTokenConnectcapDoNotPrintMe"
)

// Env points the standard credential chain at the test credentials and the
// SDK's endpoint at url, with no config files and no instance metadata.
func Env(t testing.TB, url string) {
	t.Setenv("AWS_ACCESS_KEY_ID", AccessKeyID)
	t.Setenv("AWS_SECRET_ACCESS_KEY", SecretAccessKey)
	t.Setenv("AWS_SESSION_TOKEN", SessionToken)
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_DEFAULT_PROFILE", "")
	dir := t.TempDir()
	t.Setenv("AWS_CONFIG_FILE", dir+"/config")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", dir+"/credentials")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_ENDPOINT_URL", url)
}

// Op names one operation: the signing name ("servicequotas", "connect",
// "monitoring") and the operation ("GetServiceQuota").
type Op struct{ Service, Name string }

// Handler answers one decoded operation. It returns the status and the body;
// protocol files (servicequotas.go, connect.go, cloudwatch.go) turn requests
// into calls of it.
type Handler func(op Op, r *http.Request, body []byte) (status int, contentType string, reply []byte)

// Server is a local endpoint for every service the tests need.
type Server struct {
	*httptest.Server
	t  testing.TB
	mu sync.Mutex
	// route decodes a request into its operation; set by the protocol files.
	routes []func(r *http.Request, body []byte) (Op, Handler, bool)
	times  map[Op][]time.Time
	faults map[Op][]fault
	// Unsigned counts requests that were not signed with the test credentials.
	Unsigned int
}

type fault struct {
	status int
	body   string
	ctype  string
	header http.Header
}

// NewServer starts a server; Close it when done (t.Cleanup does).
func NewServer(t testing.TB) *Server {
	s := &Server{t: t, times: map[Op][]time.Time{}, faults: map[Op][]fault{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// Route adds a protocol's decoder.
func (s *Server) Route(f func(r *http.Request, body []byte) (Op, Handler, bool)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.routes = append(s.routes, f)
}

// Fail makes the next n calls of op fail with status and an error body of the
// protocol's shape (the caller gives the body and its content type).
func (s *Server) Fail(op Op, n, status int, contentType, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.faults[op] = append(s.faults[op], fault{status: status, body: body, ctype: contentType})
	}
}

// FailHeader is Fail with extra reply headers, for protocols whose error shape
// includes one (a query-compatible service's X-Amzn-Query-Error).
func (s *Server) FailHeader(op Op, n, status int, header http.Header, contentType, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.faults[op] = append(s.faults[op], fault{status: status, body: body, ctype: contentType, header: header})
	}
}

// Times are when each call of op arrived.
func (s *Server) Times(op Op) []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.times[op]...)
}

// Ops are the operations called, in no order.
func (s *Server) Ops() []Op {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Op
	for op := range s.times {
		out = append(out, op)
	}
	return out
}

// Calls is how many calls of op arrived.
func (s *Server) Calls(op Op) int { return len(s.Times(op)) }

// MaxRate is the most calls of op that arrived within any window of the given
// length.
func (s *Server) MaxRate(op Op, window time.Duration) int {
	ts := s.Times(op)
	best := 0
	for i := range ts {
		n := 0
		for j := i; j < len(ts) && ts[j].Sub(ts[i]) < window; j++ {
			n++
		}
		best = max(best, n)
	}
	return best
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	arrived := time.Now() // before the body is read and the signature checked
	body, _ := io.ReadAll(r.Body)
	if err := verifySignature(r, body); err != nil {
		s.mu.Lock()
		s.Unsigned++
		s.mu.Unlock()
		s.t.Errorf("awstest: %s %s: %v", r.Method, r.URL.Path, err)
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprintf(w, `{"__type":"InvalidSignatureException","message":%q}`, err.Error())
		return
	}
	s.mu.Lock()
	routes := s.routes
	s.mu.Unlock()
	for _, route := range routes {
		op, h, ok := route(r, body)
		if !ok {
			continue
		}
		s.mu.Lock()
		s.times[op] = append(s.times[op], arrived)
		var f *fault
		if q := s.faults[op]; len(q) > 0 {
			f, s.faults[op] = &q[0], q[1:]
		}
		s.mu.Unlock()
		if f != nil {
			for k, vs := range f.header {
				for _, v := range vs {
					w.Header().Add(k, v)
				}
			}
			w.Header().Set("Content-Type", f.ctype)
			w.WriteHeader(f.status)
			io.WriteString(w, f.body)
			return
		}
		r = r.WithContext(context.WithValue(r.Context(), replyHeaderKey{}, w.Header()))
		status, ctype, reply := h(op, r, body)
		w.Header().Set("Content-Type", ctype)
		w.WriteHeader(status)
		w.Write(reply)
		return
	}
	s.t.Errorf("awstest: no route for %s %s (X-Amz-Target %q)", r.Method, r.URL.Path, r.Header.Get("X-Amz-Target"))
	w.WriteHeader(http.StatusNotFound)
}

type replyHeaderKey struct{}

// ReplyHeader is the header of the reply to r, for a Handler that answers with
// more headers than the content type (REST-JSON's X-Amzn-ErrorType).
func ReplyHeader(r *http.Request) http.Header {
	h, _ := r.Context().Value(replyHeaderKey{}).(http.Header)
	if h == nil {
		h = http.Header{}
	}
	return h
}

// verifySignature recomputes the request's SigV4 signature with the test
// secret over the headers it says it signed.
func verifySignature(r *http.Request, body []byte) error {
	auth := r.Header.Get("Authorization")
	const scheme = "AWS4-HMAC-SHA256 "
	if !strings.HasPrefix(auth, scheme) {
		return fmt.Errorf("not signed with SigV4: Authorization %q", redact(auth))
	}
	parts := map[string]string{}
	for _, p := range strings.Split(strings.TrimPrefix(auth, scheme), ", ") {
		k, v, _ := strings.Cut(p, "=")
		parts[k] = v
	}
	cred := strings.Split(parts["Credential"], "/")
	if len(cred) != 5 || cred[0] != AccessKeyID || cred[4] != "aws4_request" {
		return fmt.Errorf("credential scope %q: not the test access key", parts["Credential"])
	}
	if r.Header.Get("X-Amz-Security-Token") != SessionToken {
		return fmt.Errorf("the session token is missing or wrong")
	}
	when, err := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
	if err != nil {
		return fmt.Errorf("X-Amz-Date: %v", err)
	}
	clone, _ := http.NewRequest(r.Method, "http://"+r.Host+r.URL.RequestURI(), bytes.NewReader(body))
	for _, h := range strings.Split(parts["SignedHeaders"], ";") {
		if h == "host" {
			continue
		}
		for _, v := range r.Header.Values(h) {
			clone.Header.Add(h, v)
		}
	}
	sum := sha256.Sum256(body)
	hash := hex.EncodeToString(sum[:])
	creds := aws.Credentials{AccessKeyID: AccessKeyID, SecretAccessKey: SecretAccessKey, SessionToken: SessionToken}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, clone, hash, cred[3], cred[2], when); err != nil {
		return err
	}
	want := clone.Header.Get("Authorization")
	if sig(want) != sig(auth) {
		return fmt.Errorf("the signature does not verify with the test secret")
	}
	return nil
}

func sig(auth string) string {
	_, s, _ := strings.Cut(auth, "Signature=")
	return s
}

// redact keeps the scheme of an Authorization header, never its secret parts.
func redact(auth string) string {
	if i := strings.IndexByte(auth, ' '); i >= 0 {
		return auth[:i] + " ..."
	}
	return "..."
}
