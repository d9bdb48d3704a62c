// A Go program that writes its own CPU profile (runtime/pprof) to os.Args[1]: a pprof file made
// by another tool, for pprof_tools_test.cpp. `step` is small enough for Go to inline into `hot`,
// so the profile has locations with two lines (the inlined function first).
package main

import (
	"os"
	"runtime/pprof"
	"time"
)

func step(s, i int) int { return s + i*i%7 }

//go:noinline
func hot(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s = step(s, i)
	}
	return s
}

func main() {
	out, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := pprof.StartCPUProfile(out); err != nil {
		panic(err)
	}
	total := 0
	for deadline := time.Now().Add(600 * time.Millisecond); time.Now().Before(deadline); {
		total += hot(100000)
	}
	pprof.StopCPUProfile()
	out.Close()
	os.Exit(total & 0)
}
