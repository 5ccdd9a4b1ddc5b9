package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
)

// Kind is what sort of statement a mutant deletes.
type Kind string

const (
	Call   Kind = "call"   // f(x) as a statement
	Assign Kind = "assign" // x = y, x op= y
	Define Kind = "define" // x := y
	IncDec Kind = "incdec" // x++, x--
	IfBody Kind = "if"     // if c { body }: the body dropped, the condition kept
)

// Site is one statement that can be deleted, with the texts to put in its place,
// tried in order until one compiles.
type Site struct {
	File       string // path as given, for reading and for the overlay
	Line       int
	Func       string // enclosing function: Name, Type.Method, or the var a literal initialises
	Kind       Kind
	Text       string // the statement's first line, whitespace collapsed
	Start, End int    // byte offsets of the span replaced
	Candidates []string
	NeedsZero  bool // the candidates call the stmtdelZero helpers
}

// Key names a site in the equivalents list: file:function: statement text. It
// holds no line number, so an entry survives edits elsewhere in the file.
func (s Site) Key(rel string) string { return rel + ":" + s.Func + ": " + s.Text }

// FindSites parses one Go file and returns every deletable statement in it: call,
// assignment, define and inc/dec statements in statement lists, and, with ifs, the
// bodies of if statements. For, if and switch init and post clauses are left
// alone: deleting a loop's post statement only ever hangs the tests.
func FindSites(path string, src []byte, ifs bool) ([]Site, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var sites []Site
	text := func(n ast.Node) string {
		return string(src[fset.Position(n.Pos()).Offset:fset.Position(n.End()).Offset])
	}
	add := func(fn string, n ast.Node, k Kind, span ast.Node, cands ...string) {
		sites = append(sites, Site{
			File: path, Line: fset.Position(n.Pos()).Line, Func: fn, Kind: k, Text: firstLine(text(n)),
			Start: fset.Position(span.Pos()).Offset, End: fset.Position(span.End()).Offset,
			Candidates: cands, NeedsZero: k == Define,
		})
	}
	visit := func(fn string, list []ast.Stmt) {
		for _, st := range list {
			switch s := st.(type) {
			case *ast.ExprStmt:
				if c, ok := s.X.(*ast.CallExpr); ok {
					cands := []string{""}
					if !isBuiltin(c.Fun) {
						// Failing plain deletion, the callee and its arguments are still
						// named, so that an import or a variable used only here stays used.
						if len(c.Args) == 0 {
							cands = append(cands, "_ = "+text(c.Fun))
						} else {
							vals := []string{text(c.Fun)}
							for _, a := range c.Args {
								vals = append(vals, text(a))
							}
							cands = append(cands, "_ = []any{"+strings.Join(vals, ", ")+"}")
						}
					}
					add(fn, s, Call, s, cands...)
				}
			case *ast.IncDecStmt:
				add(fn, s, IncDec, s, "")
			case *ast.AssignStmt:
				if s.Tok == token.DEFINE {
					if z := zeroDefine(s, text); z != "" {
						add(fn, s, Define, s, z)
					}
					continue
				}
				// Deleted outright; failing that (a variable read only here would go
				// unused), the value is still computed but no longer stored.
				rhs := make([]string, len(s.Rhs))
				for i, e := range s.Rhs {
					rhs[i] = text(e)
				}
				blanks := strings.TrimSuffix(strings.Repeat("_, ", max(len(s.Lhs), len(s.Rhs))), ", ")
				if s.Tok != token.ASSIGN {
					blanks = "_"
				}
				add(fn, s, Assign, s, "", blanks+" = "+strings.Join(rhs, ", "))
			case *ast.IfStmt:
				if ifs && len(s.Body.List) > 0 {
					sites = append(sites, Site{
						File: path, Line: fset.Position(s.Pos()).Line, Func: fn, Kind: IfBody,
						Text:  firstLine(string(src[fset.Position(s.Pos()).Offset:fset.Position(s.Body.Lbrace).Offset])) + " {…}",
						Start: fset.Position(s.Body.Pos()).Offset, End: fset.Position(s.Body.End()).Offset,
						Candidates: []string{"{}"},
					})
				}
			}
		}
	}
	for _, d := range f.Decls {
		fn := declName(d)
		ast.Inspect(d, func(n ast.Node) bool {
			switch b := n.(type) {
			case *ast.BlockStmt:
				visit(fn, b.List)
			case *ast.CaseClause:
				visit(fn, b.Body)
			case *ast.CommClause:
				visit(fn, b.Body)
			}
			return true
		})
	}
	return sites, nil
}

// zeroDefine rewrites x, y := f() as x, y := stmtdelZero2(f()): the names stay
// declared, with zero values, so the rest of the function still compiles. The right
// side is still evaluated; in the pure packages this tool is aimed at, that is the
// same as not evaluating it. Right sides already written as zero values stay as
// they are. "" when there is no mutant: all of them are zero values, or there are
// more than three values from one call.
func zeroDefine(s *ast.AssignStmt, text func(ast.Node) string) string {
	lhs := make([]string, len(s.Lhs))
	for i, e := range s.Lhs {
		lhs[i] = text(e)
	}
	var rhs []string
	switch {
	case len(s.Rhs) == len(s.Lhs):
		changed := false
		for _, e := range s.Rhs {
			if isZeroLiteral(e) {
				rhs = append(rhs, text(e))
				continue
			}
			rhs = append(rhs, "stmtdelZero("+text(e)+")")
			changed = true
		}
		if !changed {
			return "" // x := 0 already declares the zero value: no mutant
		}
	case len(s.Rhs) == 1 && len(s.Lhs) <= 3:
		rhs = []string{fmt.Sprintf("stmtdelZero%d(%s)", len(s.Lhs), text(s.Rhs[0]))}
	default:
		return ""
	}
	return strings.Join(lhs, ", ") + " := " + strings.Join(rhs, ", ")
}

// zeroHelpers is the file the overlay adds to a package whose mutant uses zeroDefine.
const zeroHelpers = `package %s

func stmtdelZero[T any](T) (z T)                              { return }
func stmtdelZero2[A, B any](A, B) (a A, b B)                  { return }
func stmtdelZero3[A, B, C any](A, B, C) (a A, b B, c C)       { return }
`

// isZeroLiteral reports whether e is written as its type's zero value: 0, 0.0, "",
// false, nil or T{}.
func isZeroLiteral(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			return e.Value == `""` || e.Value == "``"
		}
		return strings.Trim(e.Value, "0.") == "" && e.Kind != token.CHAR
	case *ast.Ident:
		return e.Name == "false" || e.Name == "nil"
	case *ast.CompositeLit:
		return len(e.Elts) == 0
	}
	return false
}

func isBuiltin(fun ast.Expr) bool {
	id, ok := fun.(*ast.Ident)
	if !ok {
		return false
	}
	switch id.Name {
	case "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len",
		"make", "max", "min", "new", "panic", "print", "println", "real", "recover":
		return true
	}
	return false
}

func declName(d ast.Decl) string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && len(d.Recv.List) > 0 {
			t := d.Recv.List[0].Type
			if s, ok := t.(*ast.StarExpr); ok {
				t = s.X
			}
			if ix, ok := t.(*ast.IndexExpr); ok {
				t = ix.X
			}
			if id, ok := t.(*ast.Ident); ok {
				return id.Name + "." + d.Name.Name
			}
		}
		return d.Name.Name
	case *ast.GenDecl:
		for _, s := range d.Specs {
			if v, ok := s.(*ast.ValueSpec); ok && len(v.Names) > 0 {
				return v.Names[0].Name
			}
		}
	}
	return "?"
}

// firstLine is a statement's text for reports and equivalents: its first line with
// runs of white space made one space, and " …" when there was more.
func firstLine(s string) string {
	line, rest, more := strings.Cut(s, "\n")
	line = strings.Join(strings.Fields(line), " ")
	if more && strings.TrimSpace(rest) != "" {
		line += " …"
	}
	return line
}

// Mutate returns src with the site's span replaced by its i-th candidate.
func Mutate(src []byte, s Site, i int) []byte {
	out := make([]byte, 0, len(src))
	out = append(out, src[:s.Start]...)
	out = append(out, s.Candidates[i]...)
	return append(out, src[s.End:]...)
}

// WriteOverlay writes the mutated file (and, when needed, the zero helpers) under
// dir and an overlay file mapping the package's real paths to them, for
// go test -overlay. It returns the overlay file's path. The working tree is never
// written.
func WriteOverlay(dir, file string, mutated []byte, pkgName string, zero bool) (string, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	replace := map[string]string{}
	repl := filepath.Join(dir, filepath.Base(file))
	if err := os.WriteFile(repl, mutated, 0o644); err != nil {
		return "", err
	}
	replace[abs] = repl
	if zero {
		z := filepath.Join(dir, "zz_stmtdel_zero.go")
		if err := os.WriteFile(z, fmt.Appendf(nil, zeroHelpers, pkgName), 0o644); err != nil {
			return "", err
		}
		replace[filepath.Join(filepath.Dir(abs), "zz_stmtdel_zero.go")] = z
	}
	b, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		return "", err
	}
	overlay := filepath.Join(dir, "overlay.json")
	return overlay, os.WriteFile(overlay, b, 0o644)
}
