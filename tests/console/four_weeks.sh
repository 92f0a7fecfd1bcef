#!/usr/bin/env bash
# tests/console/four_weeks.sh: four weeks of a weekly pair on the simulated clock — a mentor in
# Berlin, a mentee in New York, across the end of daylight-saving time on both sides.
# Usage: four_weeks.sh <path-to-mentorbot>
set -euo pipefail
bot=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
out=$dir/out
fail() { echo "FAIL: $*"; echo "--- output ---"; cat "$out"; exit 1; }
expect() { grep -qF -- "$1" "$out" || fail "expected: $1"; }
count() { local n; n=$(grep -cF -- "$1" "$out" || true); [ "$n" -eq "$2" ] || fail "expected $2 × '$1', saw $n"; }

"$bot" console --db "$dir/db" --simulated-clock 2026-10-19T09:00 --tz Europe/Berlin >"$out" 2>"$dir/err" <<'SCRIPT'
/as dana
/mentor tz Europe/Berlin
/as sam
/mentor tz America/New_York
/as dana
/mentor pair @dana @sam
/mentor schedule weekly tue 15:00 45m
/as sam
/mentor action add send the RFC draft due 2026-10-21
/as dana
/mentor action add review the RFC due 2026-10-23
/as sam
/wait until 2026-10-19 20:00
/mentor checkin progress: parser shipped challenges: flaky CI energy: 4
# Week 1: the meeting is ended by hand.
/wait until 2026-10-20 15:20
/mentor note try pairing on Thursdays
/as dana
/mentor meeting end
/wait 1h
/mentor action done 2
# Europe leaves summer time on 25 Oct, the US on 1 Nov.
/wait until 2026-10-26 20:00
/as sam
/mentor checkin progress: tests green focus: the design review
# Week 2: nobody ends the meeting; it closes itself.
/wait until 2026-10-27 15:20
/mentor note split the RFC in two
/wait until 2026-10-30 10:00
# Week 3 is skipped, week 4 cancelled.
/as dana
/mentor meeting skip public holiday
/wait until 2026-11-05 10:00
/as sam
/mentor meeting cancel sick
/wait until 2026-11-16 09:00
/mentor health
SCRIPT

# The schedule keeps 15:00 in Berlin across the change; New York sees 09:00, then 10:00, then 09:00.
expect "First meeting: Tue 20 Oct 2026 15:00 CEST for @dana · Tue 20 Oct 2026 09:00 EDT for @sam"
expect "[2026-10-27 15:00 CET · space dana+sam] == Meeting #2 — agenda =="
expect "Next meeting: Tue 27 Oct 2026 15:00 CET for @dana · Tue 27 Oct 2026 10:00 EDT for @sam"

# Reminders arrive once, at the recipient's local time.
expect "[2026-10-19 15:00 CEST · dm sam at 09:00 EDT] == Prepare for tomorrow's meeting =="
count "== Prepare for tomorrow's meeting ==" 2
expect "[2026-10-26 15:00 CET · dm sam at 10:00 EDT] == Prepare for tomorrow's meeting =="
expect "[2026-10-20 14:45 CEST · space dana+sam] == Your meeting starts in 15 minutes =="
count "== Your meeting starts in 15 minutes ==" 2
count "agenda ==" 2
count "Due today, action #1" 1
expect "[2026-10-21 15:00 CEST · dm sam at 09:00 EDT] Due today, action #1: send the RFC draft"

# The overdue action gets three nudges at 09:00 New York time, and no more.
count "Overdue action #1" 3
expect "[2026-10-22 15:00 CEST · dm sam at 09:00 EDT] Overdue action #1"
expect "[2026-10-25 14:00 CET · dm sam at 09:00 EDT] Overdue action #1"
expect "[2026-10-28 14:00 CET · dm sam at 09:00 EDT] Overdue action #1"
expect "This is the last reminder."
# dana's action was done before it fell due: no reminder for it.
count "Due today, action #2" 0
count "Overdue action #2" 0

# Recap 1, ended by hand: check-in, the note, the new actions, the next meeting in both zones.
expect "[2026-10-20 15:20 CEST · space dana+sam] == Recap — meeting #1 =="
expect "[2026-10-20 15:20 CEST · space dana+sam]   • Progress: parser shipped"
expect "[2026-10-20 15:20 CEST · space dana+sam]   • try pairing on Thursdays"
expect "[2026-10-20 15:20 CEST · space dana+sam]   • #1 send the RFC draft — @sam, due Wed 21 Oct 2026"

# Recap 2, closed automatically 10 minutes after its end.
expect "[2026-10-27 15:55 CET · space dana+sam] == Recap — meeting #2 =="
expect "Tue 27 Oct 2026 15:00 CET · 45m (closed automatically)"
expect "[2026-10-27 15:55 CET · space dana+sam]   • Progress: tests green"
expect "[2026-10-27 15:55 CET · space dana+sam]   • split the RFC in two"
expect "[2026-10-27 15:55 CET · space dana+sam] Completed since the last meeting"
expect "[2026-10-27 15:55 CET · space dana+sam]   • #2 review the RFC"
expect "[2026-10-27 15:55 CET · space dana+sam] Next meeting: Tue 3 Nov 2026 15:00 CET for @dana · Tue 3 Nov 2026 09:00 EST for @sam"

# Skip and cancel are posted and counted; nothing is reminded for them.
expect "@dana skipped the meeting of Tue 3 Nov 2026 15:00 CET."
expect "@sam cancelled the meeting of Tue 10 Nov 2026 09:00 EST."
expect "Meetings: 2 held of 4 planned, 1 skipped, 1 cancelled"
expect "Check-ins: 2 of 2 meetings had one"
echo "four weeks script: all checks passed"
