// Command embedded-mongo runs FerretDB (SQLite backend) in-process and prints its MongoDB URI.
// Why embedded and not the stock ferretdb binary: `go install .../cmd/ferretdb` panics at start
// because the module zip lacks build/version/version.txt; the ferretdb package is meant to be embedded.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	_ "modernc.org/sqlite"
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
	go sweepIDIndexes(abs, 2*time.Second, done) // see addIDIndexes
	// The parent process reads this first line to learn the URI (the port is chosen by the OS).
	fmt.Println(f.MongoDBURI())
	<-done
}

// FerretDB v1.24.2 (SQLite) creates each collection's `_id` index on `_ferretdb_sjson->"_id"` but queries, updates
// and deletes with `_ferretdb_sjson->'$._id'` (internal/backends/sqlite/metadata: IDColumn; registry.go's CREATE
// INDEX). SQLite matches an index on an expression only when the query spells the same expression, so it never uses
// that index: `EXPLAIN QUERY PLAN` shows `SCAN` for every `_id` lookup. Finds stay cheap (a scan in C), but updates
// and deletes by `_id` hold the write lock while they scan: measured 330 updates/s at 200 documents, 29/s at 8,000;
// with the index below, 369 updates/s and 984 deletes/s at 8,000 (same machine, same load).
// So a second index on the expression FerretDB does query is added to every collection table (and kept for new
// ones by a sweep every few seconds). FerretDB does not know it (its metadata lists its own indexes only), a dropped
// collection drops it with its table, and it is unique like `_id` itself.

const idIndexSuffix = "__id_path"

// addIDIndexes creates the missing `_id` path indexes in every database file of dir that changed since it was last
// checked (`checked`: the file's and its write-ahead log's modification times then). A new collection is a new table
// written through the log, so an unchanged file has none: a server holding many databases (the test suite makes one
// per test) is then swept with a stat per file instead of opening each one every few seconds.
func addIDIndexes(dir string, checked map[string]time.Time) {
	files, err := filepath.Glob(filepath.Join(dir, "*.sqlite"))
	if err != nil {
		return
	}
	for _, f := range files {
		changed := lastChange(f)
		if seen, ok := checked[f]; ok && !changed.After(seen) {
			continue
		}
		if err := addIDIndexesTo(f); err != nil {
			log.Printf("embedded-mongo: _id index for %s: %v", filepath.Base(f), err)
			continue
		}
		checked[f] = changed
	}
}

// lastChange is the latest modification time of a database file and its write-ahead log.
func lastChange(file string) time.Time {
	var latest time.Time
	for _, f := range []string{file, file + "-wal"} {
		if info, err := os.Stat(f); err == nil && info.ModTime().After(latest) {
			latest = info.ModTime()
		}
	}
	return latest
}

func addIDIndexesTo(file string) error {
	// Opened per sweep: a dropped database's file is deleted and may be created again under the same name.
	db, err := sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(wal)")
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\_ferretdb\_%' ESCAPE '\' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name || ? NOT IN (SELECT name FROM sqlite_master WHERE type = 'index')`, idIndexSuffix)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, name)
	}
	rows.Close()
	for _, t := range tables {
		q := fmt.Sprintf(`CREATE UNIQUE INDEX IF NOT EXISTS "%s" ON "%s" (_ferretdb_sjson->'$._id')`, t+idIndexSuffix, strings.ReplaceAll(t, `"`, `""`))
		if _, err := db.Exec(q); err != nil && !strings.Contains(err.Error(), "no such table") {
			return err
		}
	}
	return nil
}

// sweepIDIndexes adds the indexes now and then every `every`, until stop is closed.
func sweepIDIndexes(dir string, every time.Duration, stop <-chan struct{}) {
	checked := map[string]time.Time{}
	addIDIndexes(dir, checked)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			addIDIndexes(dir, checked)
		}
	}
}
