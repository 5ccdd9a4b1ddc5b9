package ctr

import (
	"os"
	"syscall"
)

// mapFile maps a regular file read-only; ok false when it cannot (then the
// file is read instead).
func mapFile(name string) (data []byte, unmap func(), ok bool) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() == 0 || int64(int(info.Size())) != info.Size() {
		return nil, nil, false
	}
	data, err = syscall.Mmap(int(f.Fd()), 0, int(info.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, false
	}
	return data, func() { syscall.Munmap(data) }, true
}

// dropPages tells the kernel the pages wholly inside data[from:to] are read:
// they leave the process's resident set (the page cache keeps them).
func dropPages(data []byte, from, to int) {
	ps := os.Getpagesize()
	from = (from + ps - 1) / ps * ps
	to = to / ps * ps
	if to > from {
		syscall.Madvise(data[from:to], syscall.MADV_DONTNEED)
	}
}
