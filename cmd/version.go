package cmd

import (
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/spf13/cobra"
)

// Values reported when neither the release build nor the Go build info knows.
const (
	unknownVersion = "(devel)"
	unknownValue   = "unknown"
)

// Resolved fills what the release build's ldflags left empty from the build
// info that the Go toolchain embeds (module version from `go install m@v`, VCS
// revision and commit time from `go build` in a checkout), and what is still
// unknown with "(devel)" or "unknown".
func (b BuildInfo) Resolved() BuildInfo {
	info, _ := debug.ReadBuildInfo()
	return resolveBuild(b, info)
}

func resolveBuild(b BuildInfo, info *debug.BuildInfo) BuildInfo {
	if info != nil {
		var revision, vcsTime string
		modified := false
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.time":
				vcsTime = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if b.Version == "" && info.Main.Version != "" {
			b.Version = info.Main.Version
		}
		if b.Commit == "" && revision != "" {
			b.Commit = revision
			if modified {
				b.Commit += "-dirty"
			}
		}
		if b.Date == "" {
			b.Date = vcsTime
		}
	}
	if b.Version == "" {
		b.Version = unknownVersion
	}
	if b.Commit == "" {
		b.Commit = unknownValue
	}
	if b.Date == "" {
		b.Date = unknownValue
	}
	return b
}

func versionInfo(b BuildInfo) report.Version {
	return report.Version{Version: b.Version, Commit: b.Commit, Date: b.Date, GoVersion: runtime.Version()}
}

// setVersion makes `--version` print the same text as the version command.
func setVersion(root *cobra.Command, b BuildInfo) {
	v := versionInfo(b.Resolved())
	root.Version = v.Version
	// The template is literal text: quote any "{{" a version string might hold.
	root.SetVersionTemplate(strings.ReplaceAll(render.VersionText(v), "{{", "{{`{{`}}"))
}

func newCmdVersion(inv *invocation) *cobra.Command {
	var output string
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print connectcap's version, commit and build date",
		Long: `Print the version, the commit it was built from, the build date and the Go
version.

Release builds carry the values set at build time. A binary built with 'go build'
in a checkout reports the module version, the VCS revision (with -dirty when the
tree had local changes) and the commit time; one built with 'go install
module@version' reports that version. What is not known is "(devel)" for the
version and "unknown" for the commit and date.`,
		Example: "  connectcap version\n  connectcap --version\n  connectcap version -o json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			doc := report.Document{Command: "version", Body: versionInfo(inv.app.Build.Resolved())}
			return render.Write(cmd.OutOrStdout(), doc, render.Format(output), render.Options{})
		},
	}
	addFormatFlag(cmd, &output)
	return cmd
}

// NewRootForDocs returns the command tree the binary runs, with the commands that
// cobra adds at run time (help, completion), for generating the reference pages
// and completion scripts. It reads no environment and runs nothing.
func NewRootForDocs() *cobra.Command {
	inv := &invocation{app: App{LookupEnv: func(string) (string, bool) { return "", false }, Environ: func() []string { return nil }}}
	root := newRoot(inv)
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	root.InitDefaultVersionFlag()
	return root
}
