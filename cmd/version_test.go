package cmd

import (
	"bytes"
	"encoding/json"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestResolveBuild(t *testing.T) {
	vcs := func(rev, tm, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.time", Value: tm}, {Key: "vcs.modified", Value: modified}}
	}
	tests := []struct {
		name string
		in   BuildInfo
		info *debug.BuildInfo
		want BuildInfo
	}{
		{"release build: ldflags win", BuildInfo{"1.2.3", "abc123", "2026-11-01T00:00:00Z"},
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-x"}, Settings: vcs("def", "2020-01-01T00:00:00Z", "true")},
			BuildInfo{"1.2.3", "abc123", "2026-11-01T00:00:00Z"}},
		{"go build in a clean checkout", BuildInfo{},
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261101000000-abcdef123456"}, Settings: vcs("abcdef1234567890", "2026-11-01T00:00:00Z", "false")},
			BuildInfo{"v0.0.0-20261101000000-abcdef123456", "abcdef1234567890", "2026-11-01T00:00:00Z"}},
		{"go build with local changes", BuildInfo{},
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261101000000-abcdef123456+dirty"}, Settings: vcs("abcdef1234567890", "2026-11-01T00:00:00Z", "true")},
			BuildInfo{"v0.0.0-20261101000000-abcdef123456+dirty", "abcdef1234567890-dirty", "2026-11-01T00:00:00Z"}},
		{"go install module@version: no VCS", BuildInfo{},
			&debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}},
			BuildInfo{"v1.4.0", "unknown", "unknown"}},
		{"go build -buildvcs=false", BuildInfo{},
			&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			BuildInfo{"(devel)", "unknown", "unknown"}},
		{"no build info", BuildInfo{}, nil, BuildInfo{"(devel)", "unknown", "unknown"}},
		{"version from ldflags, the rest from VCS", BuildInfo{Version: "1.2.3"},
			&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("abc", "2026-11-01T00:00:00Z", "false")},
			BuildInfo{"1.2.3", "abc", "2026-11-01T00:00:00Z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := resolveBuild(tt.in, tt.info); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func runVersion(t *testing.T, b BuildInfo, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	app := App{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		LookupEnv: func(string) (string, bool) { return "", false },
		Environ:   func() []string { return nil },
		Build:     b,
	}
	if code := Execute(app, args); code != 0 || errOut.Len() > 0 {
		t.Fatalf("%v: exit %d, stderr %q", args, code, errOut.String())
	}
	return out.String()
}

// A release build's ldflags values reach both the command and --version.
func TestVersionFromLdflags(t *testing.T) {
	b := BuildInfo{Version: "1.2.3", Commit: "0123abcd", Date: "2026-11-01T00:00:00Z"}
	want := "connectcap version 1.2.3\ncommit: 0123abcd\ndate: 2026-11-01T00:00:00Z\ngo: " + runtime.Version() + "\n"
	for _, args := range [][]string{{"version"}, {"--version"}, {"-v"}} {
		if got := runVersion(t, b, args...); got != want {
			t.Errorf("%v:\n%s\nwant:\n%s", args, got, want)
		}
	}

	var v map[string]any
	if err := json.Unmarshal([]byte(runVersion(t, b, "version", "-o", "json")), &v); err != nil {
		t.Fatal(err)
	}
	wantJSON := map[string]any{"schema_version": 3.0, "command": "version", "version": "1.2.3", "commit": "0123abcd",
		"date": "2026-11-01T00:00:00Z", "go_version": runtime.Version()}
	if len(v) != len(wantJSON) {
		t.Errorf("fields %v, want %v", v, wantJSON)
	}
	for k, w := range wantJSON {
		if v[k] != w {
			t.Errorf("%s = %v, want %v", k, v[k], w)
		}
	}
}

// A version string is printed as it is, even one that looks like a template.
func TestVersionTemplateIsLiteral(t *testing.T) {
	got := runVersion(t, BuildInfo{Version: "1.0-{{.Name}}"}, "--version")
	if !strings.HasPrefix(got, "connectcap version 1.0-{{.Name}}\n") {
		t.Errorf("got %q", got)
	}
}
