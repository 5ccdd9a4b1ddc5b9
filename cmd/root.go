// Package cmd is connectcap's command line: it declares and validates flags, reads
// the config file and environment, calls sizing and renders. It holds no model.
package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/connectcap/connectcap/internal/suggest"
	"github.com/connectcap/connectcap/render"
	"github.com/connectcap/connectcap/report"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"golang.org/x/term"
)

// Exit codes.
const (
	ExitOK        = 0
	ExitError     = 1
	ExitIncrease  = 2 // with --detailed-exitcode: some quota needs an increase request
	ExitHardLimit = 3 // with --detailed-exitcode: a limit that cannot be raised is exceeded
	ExitPartial   = 4 // account: some of the account could not be read; the output says what
)

const exitCodesHelp = `Exit status:
  0  the command ran (without --detailed-exitcode, whatever the checks say)
  1  error: bad input, unreadable config or plan file, unknown quota id
  2  with --detailed-exitcode: some quota needs an increase request
  3  with --detailed-exitcode: a limit that cannot be raised is exceeded
     (3 wins over 2; request: 2 when there is any request to file, a need above
     the target included)
  4  account, plan --applied account, request --submit and request status:
     the result is partial: some of the account could not be read (access
     denied, a Region without Amazon Connect, a quota Service Quotas does not
     know), or request --submit could not file a request; the output and
     stderr say what. 4 wins over 2 and 3`

const envPrefix = "CONNECTCAP_"

// BuildInfo describes the binary.
type BuildInfo struct {
	Version, Commit, Date string
}

// App holds what a run of connectcap reads and writes, so tests can supply their own.
type App struct {
	Stdin     io.Reader
	Stdout    io.Writer
	Stderr    io.Writer
	LookupEnv func(string) (string, bool)
	Environ   func() []string
	Build     BuildInfo
	// AWSHelper runs connectcap-aws, the program that talks to the account;
	// nil finds it next to connectcap, then on PATH.
	AWSHelper func() (string, error)
}

// DefaultApp is the process's own standard streams and environment.
func DefaultApp(b BuildInfo) App {
	return App{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, LookupEnv: os.LookupEnv, Environ: os.Environ, Build: b}
}

// exitCode is returned by a command that ran but must exit non-zero.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// invocation is one run of the command tree: the sources of flag values.
type invocation struct {
	app     App
	sources map[string]report.LimitSource // flag name → where its value came from
}

func (inv *invocation) source(name string) report.LimitSource {
	return inv.sources[name]
}

// Execute runs connectcap with args and returns the process exit status.
func Execute(app App, args []string) int {
	inv := &invocation{app: app, sources: map[string]report.LimitSource{}}
	root := newRoot(inv)
	root.SetArgs(args)
	root.SetIn(app.Stdin)
	// Every write to standard output goes through out, so that a failed one
	// (a full disk, a closed pipe) fails the run, help and usage included.
	out := &checkedWriter{w: app.Stdout}
	root.SetOut(out)
	root.SetErr(app.Stderr)
	root.SetContext(context.WithValue(context.Background(), widthKey{}, terminalWidth(app)))
	err := root.Execute()
	if out.err != nil {
		fmt.Fprintf(app.Stderr, "connectcap: writing standard output: %s\n", oneLine(out.err.Error()))
		return ExitError
	}
	var code exitCode
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &code):
		return int(code)
	}
	msg := oneLine(err.Error())
	if strings.HasPrefix(msg, "unknown command") {
		msg += "; see 'connectcap --help'"
	}
	fmt.Fprintf(app.Stderr, "connectcap: %s\n", msg)
	return ExitError
}

// checkedWriter keeps the first error a write returned; cobra's help and usage
// ignore them.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	c.err = err
	return n, err
}

// widthKey holds the table width in the command's context.
type widthKey struct{}

// terminalWidth is the width tables fit: COLUMNS when it is a positive whole
// number, else the width of the terminal standard output is, else
// isTerminal reports whether f is a terminal.
func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// terminalWidth is the width tables fit: COLUMNS when it is a positive whole
// number, else the width of the terminal standard output is, else
// render.DefaultWidth (a file or a pipe).
func terminalWidth(app App) int {
	if app.LookupEnv != nil {
		if v, ok := app.LookupEnv("COLUMNS"); ok {
			if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n > 0 {
				return n
			}
		}
	}
	if f, ok := app.Stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return render.DefaultWidth
}

// widthOf is the table width of this run.
func widthOf(cmd *cobra.Command) int {
	if ctx := cmd.Context(); ctx != nil {
		if w, ok := ctx.Value(widthKey{}).(int); ok {
			return w
		}
	}
	return render.DefaultWidth
}

func oneLine(s string) string {
	s = strings.TrimSpace(s)
	s = strings.ReplaceAll(s, "\n\nDid you mean this?\n", "; did you mean ")
	return strings.Join(strings.Fields(s), " ")
}

func newRoot(inv *invocation) *cobra.Command {
	var configFile string
	root := &cobra.Command{
		Use:   "connectcap",
		Short: "Plan Amazon Connect capacity against its service quotas",
		Long: `connectcap tells Amazon Connect planners which service quotas their traffic and
inventory will exceed, by how much, and what value to request. Amazon Connect is now
Amazon Connect Customer; its Wisdom is agent assist and its Contact Lens is
conversational analytics (the old names still work wherever a service is named).

Defaults come from the current AWS quotas page ("Connect Customer service quotas",
--edition 2026); --edition 2023 uses the page's 2023 edition instead, and
'connectcap quotas diff' shows what changed.

Every flag can also come from a config file (--config, ` + "`CONNECTCAP_CONFIG`" + `, or
` + "`$XDG_CONFIG_HOME/connectcap/config.yaml`" + `) under the flag's own name, or from a
` + "`CONNECTCAP_<FLAG>`" + ` environment variable (` + "`CONNECTCAP_TARGET_UTILIZATION=85`" + `). A key
can be scoped to one command: a "calls:" section in the config file, or
` + "`CONNECTCAP_CALLS_LIMIT`" + `. Precedence: flag > environment > config file > default.
An unscoped key or variable that the running command does not read is an error
naming the commands that read it; limit, a different quota in every command, is
always scoped.

` + exitCodesHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if readsNoSettings(cmd) {
				return nil // a broken config file or a stray variable must not break completion or help
			}
			return inv.applySettings(cmd, configFile)
		},
	}
	root.CompletionOptions.HiddenDefaultCmd = false
	root.PersistentFlags().StringVar(&configFile, "config", "", "config file (YAML, JSON or TOML) with flag values as keys")
	_ = root.MarkPersistentFlagFilename("config", "yaml", "yml", "json", "toml")
	root.SetHelpCommand(newHelpCommand())
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return flagError(c, err)
	})
	root.AddCommand(
		newCmdAnalytics(inv, nil),
		newCmdCalls(inv, nil),
		newCmdChats(inv, nil),
		newCmdEmails(inv, nil),
		newCmdTasks(inv, nil),
		newCmdVoiceID(inv, nil),
		newCmdAgents(inv, nil),
		newCmdQuotas(inv, nil),
		newCmdPlan(inv, nil),
		newCmdRequest(inv, nil),
		newCmdForecast(inv, nil),
		newCmdRecords(inv, nil),
		newCmdAccount(inv, nil),
		newCmdVersion(inv),
		newHelpExitCodes(),
	)
	setVersion(root, inv.app.Build)
	return root
}

// flagError turns pflag's errors into one line naming the flag, the value and what
// is accepted.
func flagError(c *cobra.Command, err error) error {
	var ive *pflag.InvalidValueError
	if errors.As(err, &ive) {
		return fmt.Errorf("--%s %q: %v", ive.GetFlag().Name, ive.GetValue(), ive.Unwrap())
	}
	var nse *pflag.NotExistError
	if errors.As(err, &nse) {
		name := strings.TrimLeft(nse.GetSpecifiedName(), "-")
		if near := nearestFlag(c, name); near != "" {
			return fmt.Errorf("%v; did you mean --%s? (see '%s --help')", err, near, c.CommandPath())
		}
	}
	return fmt.Errorf("%v (see '%s --help')", err, c.CommandPath())
}

// nearestFlag is the flag of c whose name is closest to a mistyped one.
func nearestFlag(c *cobra.Command, name string) string {
	var names []string
	c.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	return suggest.Nearest(name, names, 3)
}

// readsNoSettings: completion (the scripts and their __complete requests) and
// help read no settings and check none.
func readsNoSettings(cmd *cobra.Command) bool {
	switch {
	case cmd.Name() == cobra.ShellCompRequestCmd || cmd.Name() == cobra.ShellCompNoDescRequestCmd:
		return true
	case cmd.Name() == "help" && cmd.Parent() == cmd.Root():
		return true
	case cmd.Parent() != nil && cmd.Parent().Name() == "completion" && cmd.Parent().Parent() == cmd.Root():
		return true
	}
	return cmd.Name() == "completion" && cmd.Parent() == cmd.Root()
}

// readsOthers: version reads its own settings but refuses none that other
// commands read, so that it works in any environment (it goes into bug reports).
func readsOthers(cmd *cobra.Command) bool {
	return cmd.Name() == "version" && cmd.Parent() == cmd.Root()
}

// applySettings fills every flag not given on the command line from the
// environment, then the config file, and records where each value came from.
func (inv *invocation) applySettings(cmd *cobra.Command, configFile string) error {
	flags := cmd.Flags()
	flags.Visit(func(f *pflag.Flag) { inv.sources[f.Name] = report.FromFlag })

	// The list of settings is built only when there is something to check
	// against it: a CONNECTCAP_ variable or a config file.
	var knownCache *settings
	known := func() settings {
		if knownCache == nil {
			k := knownSettings(cmd.Root())
			knownCache = &k
		}
		return *knownCache
	}
	cmdName := commandKey(cmd)
	strict := !readsOthers(cmd)
	if err := inv.checkEnv(known, cmd, strict); err != nil {
		return err
	}
	if !flags.Changed("config") {
		if v, ok := inv.app.LookupEnv(envPrefix + "CONFIG"); ok && v != "" {
			configFile = v
		}
	}
	explicit := configFile != ""
	if !explicit {
		configFile = defaultConfigFile(inv.app.LookupEnv)
	}
	var v *viper.Viper
	if configFile != "" {
		var err error
		if v, err = readConfig(configFile, explicit, known(), cmd, strict); err != nil {
			return err
		}
	}

	var err error
	flags.VisitAll(func(f *pflag.Flag) {
		if err != nil || f.Changed || f.Name == "config" || f.Name == "help" {
			return
		}
		for _, name := range envNames(cmdName, f.Name) {
			if val, ok := inv.app.LookupEnv(name); ok && val != "" {
				if e := f.Value.Set(val); e != nil {
					err = fmt.Errorf("%s=%q (for --%s): %v", name, val, f.Name, e)
					return
				}
				inv.sources[f.Name] = report.FromEnv
				return
			}
		}
		if v == nil {
			return
		}
		for _, key := range configKeys(cmdName, f.Name) {
			if !v.IsSet(key) {
				continue
			}
			raw := v.Get(key)
			if _, section := raw.(map[string]any); section && known().commands[key] != nil {
				continue // a command's section, not this flag's value
			}
			val, ok := scalar(raw)
			if !ok {
				err = fmt.Errorf("config file %s: key %s (for --%s) must be a single value, not a list or a section", configFile, key, f.Name)
				return
			}
			if e := f.Value.Set(val); e != nil {
				err = fmt.Errorf("config file %s: %s %q (for --%s): %v", configFile, key, val, f.Name, e)
				return
			}
			inv.sources[f.Name] = report.FromConfig
			return
		}
	})
	return err
}

// commandKey is the command's path below the root, joined with "-": "quotas-show".
func commandKey(cmd *cobra.Command) string {
	path := strings.Fields(cmd.CommandPath())
	return strings.Join(path[1:], "-")
}

func envName(s string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(s, "-", "_"))
}

func envNames(cmdKey, flag string) []string {
	if cmdKey == "" {
		return []string{envName(flag)}
	}
	return []string{envName(cmdKey + "-" + flag), envName(flag)}
}

// configKeys are the config keys a flag is read from, most specific first: the
// command's section ("calls: {limit: 40}"; for a subcommand "quotas-show:" or the
// nested "quotas: {show: ...}"), then the top level.
func configKeys(cmdKey, flag string) []string {
	if cmdKey == "" {
		return []string{flag}
	}
	keys := []string{cmdKey + "." + flag}
	if nested := strings.ReplaceAll(cmdKey, "-", "."); nested != cmdKey && !strings.Contains(flag, ".") {
		keys = append(keys, nested+"."+flag)
	}
	return append(keys, flag)
}

// settings lists the flag names any command has, and each command's own.
type settings struct {
	flags    map[string]bool            // every flag name in the tree
	commands map[string]map[string]bool // command key → its flag names
}

func knownSettings(root *cobra.Command) settings {
	s := settings{flags: map[string]bool{}, commands: map[string]map[string]bool{}}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		names := map[string]bool{}
		add := func(f *pflag.Flag) {
			if f.Name != "help" {
				names[f.Name] = true
				s.flags[f.Name] = true
			}
		}
		c.LocalFlags().VisitAll(add)
		c.InheritedFlags().VisitAll(add)
		if key := commandKey(c); key != "" {
			s.commands[key] = names
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return s
}

// checkEnv rejects CONNECTCAP_ variables that no flag reads (a typo must not
// pass unnoticed), and with strict, unscoped ones the running command does not
// read (a setting must not be silently ignored).
func (inv *invocation) checkEnv(knownSettings func() settings, cmd *cobra.Command, strict bool) error {
	var names []string
	empty := map[string]bool{}
	for _, kv := range inv.app.Environ() {
		if name, val, _ := strings.Cut(kv, "="); strings.HasPrefix(name, envPrefix) {
			names = append(names, name)
			empty[name] = val == ""
		}
	}
	if len(names) == 0 {
		return nil
	}
	sort.Strings(names)
	known := knownSettings()
	scoped := map[string]bool{}
	for c, fs := range known.commands {
		for f := range fs {
			scoped[envName(c+"-"+f)] = true
		}
	}
	unscoped := map[string]string{}
	for f := range known.flags {
		unscoped[envName(f)] = f
	}
	for _, name := range names {
		// CONNECTCAP_ACTIVE_HELP is cobra's switch for completion hints.
		if name == envPrefix+"ACTIVE_HELP" || scoped[name] {
			continue
		}
		flag, ok := unscoped[name]
		if !ok {
			return fmt.Errorf("environment variable %s is not a connectcap setting; accepted: %s followed by a flag name, optionally after a command name (CONNECTCAP_CPH, CONNECTCAP_CALLS_LIMIT)", name, envPrefix)
		}
		if err := unscopedSetting(known, cmd, flag, strict); err != "" && !empty[name] { // an empty variable counts as not set
			return fmt.Errorf("environment variable %s %s, as %s", name, err, envName(exampleCommand(known, cmd, flag)+"-"+flag))
		}
	}
	return nil
}

// unscopedSetting says what is wrong with a setting that names flag without a
// command, for the running command cmd; "" when nothing is.
func unscopedSetting(known settings, cmd *cobra.Command, flag string, strict bool) string {
	if flag == "limit" {
		return "names no quota: each command's --limit is its own main quota; scope it to a command"
	}
	if !strict || cmd.Flags().Lookup(flag) != nil {
		return ""
	}
	// The edition is a preference for the whole catalogue: the commands that have
	// no edition (plan init, plan schema, quotas diff, which compares both) read
	// none of its rows through it, so an exported CONNECTCAP_EDITION leaves them be.
	if flag == "edition" {
		return ""
	}
	return fmt.Sprintf("is not read by '%s' (--%s is read by %s); scope it to a command", cmd.CommandPath(), flag, strings.Join(readers(known, flag), ", "))
}

// readers are the commands that have flag, by command key.
func readers(known settings, flag string) []string {
	var out []string
	for c, fs := range known.commands {
		if fs[flag] && !strings.HasPrefix(c, "completion") && c != "help" {
			out = append(out, strings.ReplaceAll(c, "-", " "))
		}
	}
	sort.Strings(out)
	return out
}

// exampleCommand is a command to scope flag to in a suggestion: the running one
// when it has the flag, else the first that does.
func exampleCommand(known settings, cmd *cobra.Command, flag string) string {
	if key := commandKey(cmd); known.commands[key][flag] {
		return key
	}
	if flag == "limit" {
		return "calls"
	}
	r := readers(known, flag)
	for _, c := range r {
		if c == "calls" {
			return c
		}
	}
	if len(r) > 0 {
		return strings.ReplaceAll(r[0], " ", "-")
	}
	return "calls"
}

func defaultConfigFile(lookup func(string) (string, bool)) string {
	dir, ok := lookup("XDG_CONFIG_HOME")
	if !ok || dir == "" {
		home, ok := lookup("HOME")
		if !ok || home == "" {
			return ""
		}
		dir = filepath.Join(home, ".config")
	}
	for _, ext := range []string{"yaml", "yml", "json", "toml"} {
		p := filepath.Join(dir, "connectcap", "config."+ext)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// readConfig reads a config file and checks that every key is a flag name, or a
// command name holding its flags.
func readConfig(path string, explicit bool, known settings, cmd *cobra.Command, strict bool) (*viper.Viper, error) {
	v := viper.New()
	v.SetConfigFile(path)
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".yaml", ".yml", ".json", ".toml":
		v.SetConfigType(ext[1:])
	case "":
		v.SetConfigType("yaml")
	default:
		return nil, fmt.Errorf("config file %s: unsupported type %q; accepted: .yaml, .yml, .json or .toml", path, filepath.Ext(path))
	}
	if _, err := os.Stat(path); err != nil {
		if explicit {
			return nil, fmt.Errorf("config file %s: %v; check the path given with --config or CONNECTCAP_CONFIG", path, errors.Unwrap(err))
		}
		return nil, nil
	}
	if err := v.ReadInConfig(); err != nil {
		return nil, fmt.Errorf("config file %s: not valid: %v", path, err)
	}
	var unknown []string
	var section func(cmdKey string, m map[string]any)
	section = func(cmdKey string, m map[string]any) {
		fs := known.commands[cmdKey]
		for k, val := range m {
			sub, isMap := val.(map[string]any)
			if _, isCmd := known.commands[cmdKey+"-"+k]; isCmd && isMap {
				section(cmdKey+"-"+k, sub) // a subcommand's section: quotas: {show: {...}}
				continue
			}
			if !fs[k] {
				unknown = append(unknown, strings.ReplaceAll(cmdKey, "-", ".")+"."+k)
			}
		}
	}
	for key, val := range v.AllSettings() {
		if _, isCmd := known.commands[key]; isCmd {
			m, ok := val.(map[string]any)
			if !ok && known.flags[key] {
				continue // a flag that shares its name with a command (agents)
			}
			if !ok {
				unknown = append(unknown, key+" (a command name: give it a section of flag values)")
				continue
			}
			section(key, m)
			continue
		}
		if !known.flags[key] {
			unknown = append(unknown, key)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, fmt.Errorf("config file %s: unknown key %s; accepted: flag names (cph, target-utilization, ...) and command sections (calls: {limit: 40})", path, strings.Join(unknown, ", "))
	}
	var top []string
	for key, val := range v.AllSettings() {
		if _, section := val.(map[string]any); !section && known.flags[key] {
			top = append(top, key)
		}
	}
	sort.Strings(top)
	for _, key := range top {
		if err := unscopedSetting(known, cmd, key, strict); err != "" {
			val, _ := scalar(v.Get(key))
			section := strings.ReplaceAll(exampleCommand(known, cmd, key), "-", ": {")
			closing := strings.Repeat("}", strings.Count(section, "{")+1)
			return nil, fmt.Errorf("config file %s: key %s %s, as %s: {%s: %s%s", path, key, err, section, key, val, closing)
		}
	}
	return v, nil
}

// scalar renders a config value as flag text; lists and maps are not scalars.
func scalar(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case bool, int, int64, uint64, int32:
		return fmt.Sprint(x), true
	case float64:
		return fmtNum(x), true
	case float32:
		return fmtNum(float64(x)), true
	}
	return "", false
}

// newHelpCommand is cobra's help command, except that an unknown topic is an error
// (exit 1, one line on stderr), not usage on stdout with status 0.
func newHelpCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command or topic",
		Long:  "Help provides help for any command or topic: connectcap help calls, connectcap help exit-codes.",
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			var out []cobra.Completion
			cmd, _, err := c.Root().Find(args)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() || sub.IsAdditionalHelpTopicCommand() {
					if strings.HasPrefix(sub.Name(), toComplete) {
						out = append(out, cobra.CompletionWithDesc(sub.Name(), sub.Short))
					}
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || cmd == nil || len(rest) > 0 {
				return fmt.Errorf("unknown help topic %q; run 'connectcap --help' for the commands and topics", strings.Join(args, " "))
			}
			cmd.InitDefaultHelpFlag()
			return cmd.Help()
		},
	}
}
