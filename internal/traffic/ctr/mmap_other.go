//go:build !linux

package ctr

func mapFile(string) ([]byte, func(), bool) { return nil, nil, false }

func dropPages([]byte, int, int) {}
