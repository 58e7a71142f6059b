// Command embedded-mongo runs FerretDB (SQLite backend) in-process and prints its MongoDB URI.
// Why embedded and not the stock ferretdb binary: `go install .../cmd/ferretdb` panics at start
// because the module zip lacks build/version/version.txt; the ferretdb package is meant to be embedded.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	dir := flag.String("dir", "", "directory for the SQLite files (created if missing)")
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0 picks a free port)")
	flag.Parse()
	if *dir == "" {
		log.Fatal("-dir is required")
	}
	abs, err := filepath.Abs(*dir)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		log.Fatal(err)
	}
	f, err := ferretdb.New(&ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *listen},
		Handler:  "sqlite",
		// WAL is FerretDB's default; synchronous=NORMAL keeps every commit across a process crash (SIGKILL)
		// and only an OS crash can lose the last ones: right for the trial/test database, ~several times faster.
		SQLiteURL: "file:" + abs + "/?_pragma=synchronous(normal)",
	})
	if err != nil {
		log.Fatal(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan struct{})
	go func() { f.Run(ctx); close(done) }()
	// The parent process reads this first line to learn the URI (the port is chosen by the OS).
	fmt.Println(f.MongoDBURI())
	<-done
}
