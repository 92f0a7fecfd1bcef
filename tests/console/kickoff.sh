#!/usr/bin/env bash
# tests/console/kickoff.sh: the real binary on piped input — a pair is made, listed, helped and
# survives a restart on the same database. Usage: kickoff.sh <path-to-mentorbot>
set -euo pipefail
bot=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db=$dir/mentorbot.db
fail() { echo "FAIL: $*"; echo "--- output ---"; cat "$dir/out"; exit 1; }
expect() { grep -qF -- "$1" "$dir/out" || fail "expected: $1"; }
reject() { ! grep -qF -- "$1" "$dir/out" || fail "did not expect: $1"; }

printf '/as alice\n/mentor pair @alice @bob\n/mentor pairs\n/mentor help\n/mentor frobnicate\n' |
  "$bot" console --db "$db" --simulated-clock 2026-11-02T09:00 --tz Europe/Berlin >"$dir/out" 2>"$dir/err"
expect "[2026-11-02 09:00 CET · space alice+bob] == Welcome to your mentorship =="
expect "space alice+bob]   1. Purpose and scope"
expect "space alice+bob]   7. Timeline and end"
expect "[2026-11-02 09:00 CET · private alice]   • @alice (mentor) & @bob (mentee) — since Mon 2 Nov 2026"
for verb in help pair pairs end agreement goal schedule meeting checkin action note feedback \
            health retro unstuck graduate wrapup pause resume snooze export calendar tz program; do
  expect "private alice]   • $verb — "
done
expect "I don't know the verb \"frobnicate\"; did you mean"

# A second run on the same database still knows the pair and posts nothing twice.
printf '/as bob\n/mentor pairs\n' |
  "$bot" console --db "$db" --simulated-clock 2026-11-03T10:00 --tz Europe/Berlin >"$dir/out" 2>"$dir/err"
expect "[2026-11-03 10:00 CET · private bob]   • @alice (mentor) & @bob (mentee) — since Mon 2 Nov 2026"
reject "Welcome"

# Bad start-up input: one clear line, exit 2.
if "$bot" console --db "$db" --tz Mars/Base </dev/null >"$dir/out" 2>&1; then fail "bad --tz accepted"; fi
expect "--tz \"Mars/Base\" is not an IANA time zone"
if "$bot" console --db "$db" --simulated-clock tomorrow </dev/null >"$dir/out" 2>&1; then fail "bad clock accepted"; fi
expect "is not a local date and time"
echo "console kickoff script: all checks passed"
