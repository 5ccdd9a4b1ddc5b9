package main

// Regenerate the command reference and man pages in docs/ and the shell completion
// scripts in completions/ after changing a command or a flag.
//go:generate go run ./internal/gendocs -root .
