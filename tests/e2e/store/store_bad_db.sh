#!/bin/sh
# store_bad_db.sh — a findings database that is not refcheck's is refused:
# a text file, random bytes, a truncated database, one with damaged pages,
# another program's SQLite database and one from a newer refcheck each give
# a one-line error naming the file and exit status 2, for `check` and for
# `report`, and the file is left byte for byte as it was.
. "$(dirname "$0")/lib.sh"
make_project p
cd "$WORK/p" || exit 1

# expect_refused NAME PROBLEM: $WORK/NAME is refused and untouched. (For a
# file SQLite can read, the -wal/-shm files it keeps beside a WAL database
# may come and go; the database itself must not change.)
expect_refused() {
  db=$WORK/$1
  cp "$db" "$WORK/before"
  for cmd in check report; do
    if [ "$cmd" = check ]; then
      run "$REFCHECK" check --db "$db" -p .
    else
      run "$REFCHECK" report --db "$db"
    fi
    check "$1: $cmd exits 2 (got $status)" [ "$status" -eq 2 ]
    n=$(grep -c 'error' "$WORK/err")
    check "$1: $cmd says it in one line (got $n)" [ "$n" -eq 1 ]
    check "$1: $cmd names the file and '$2'" has "refcheck: error: $db: .*$2" "$WORK/err"
    check "$1: $cmd prints no findings" [ ! -s "$WORK/out" ]
    check "$1: $cmd leaves the file untouched" cmp -s "$db" "$WORK/before"
  done
}

printf 'my notes\nare not a database\n' >"$WORK/text.db"
expect_refused text.db "not a SQLite database"
check "text.db: no WAL file was made beside it" [ ! -e "$WORK/text.db-wal" ]

head -c 16384 /dev/urandom >"$WORK/random.db"
expect_refused random.db "not a SQLite database"

# A real database of ours, large enough to have many pages.
make_many big 60
run "$REFCHECK" check --db "$WORK/good.db" -p "$WORK/big"
check "a good database is written (status $status)" [ "$status" -eq 1 ]
size=$(wc -c <"$WORK/good.db")
check "it has many pages ($size bytes)" [ "$size" -gt 65536 ]

head -c $((size / 3)) "$WORK/good.db" >"$WORK/truncated.db"
expect_refused truncated.db "damaged database"

cp "$WORK/good.db" "$WORK/damaged.db"
pages=$((size / 4096))
dd if=/dev/urandom of="$WORK/damaged.db" bs=4096 seek=$((pages / 2)) count=4 conv=notrunc 2>/dev/null
expect_refused damaged.db "damaged database"

sqlite3 "$WORK/other.db" "CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Ada', '1815');"
expect_refused other.db "another application"

cp "$WORK/good.db" "$WORK/newer.db"
sqlite3 "$WORK/newer.db" "PRAGMA user_version = 99"
expect_refused newer.db "newer refcheck"

# The good one still works, and report finds nothing where there is no file.
run "$REFCHECK" report --db "$WORK/good.db"
check "the good database reports (status $status)" [ "$status" -eq 0 ]
run "$REFCHECK" report --db "$WORK/none.db"
check "report on a missing database exits 2" [ "$status" -eq 2 ]
check "and creates nothing" [ ! -e "$WORK/none.db" ]
finish
