#!/usr/bin/env bash
# tests/console/mentorship.sh: the real binary on piped input — a mentor and a mentee go through
# a kickoff: the agreement is written and signed, goals, a check-in, action items (one done, one
# overdue), notes and SBI feedback; the private note and the feedback reach only their owner and
# recipient. Usage: mentorship.sh <path-to-mentorbot>
set -euo pipefail
bot=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; echo "--- output ---"; cat "$dir/out"; exit 1; }
expect() { grep -qF -- "$1" "$dir/out" || fail "expected: $1"; }
# Every line showing $1 is addressed to $2 (and there is at least one).
only_to() {
  grep -qF -- "$1" "$dir/out" || fail "expected to see: $1"
  if grep -F -- "$1" "$dir/out" | grep -vF -- "· $2] "; then fail "\"$1\" was shown beyond $2"; fi
}

"$bot" console --db "$dir/mentorbot.db" --simulated-clock 2026-11-02T09:00 --tz Europe/Berlin \
  >"$dir/out" 2>"$dir/err" <<'SCRIPT'
/as dana
/mentor pair @dana @sam
/in dana+sam
/mentor agreement set purpose Grow Sam into a confident tech lead
/mentor agreement set scope system design, code review, running meetings
/mentor agreement set out-of-scope salary and hiring decisions
/mentor agreement set cadence every other Tuesday, 45 minutes
/mentor agreement set logistics video call; cancel a day ahead at the latest
/mentor agreement set communication quick questions in our DM any time
/mentor agreement set boundaries no messages at weekends
/mentor agreement set confidentiality what we discuss stays between us
/mentor agreement set success Sam leads the Q1 design review alone
/mentor agreement set timeline six months, then we decide together
/mentor agreement set review 2027-02-01
/mentor agreement set sharing private
/mentor agreement sign
/as sam
/mentor agreement sign
/mentor goal add Lead the design review of the billing service by 2027-01-29
/mentor goal add Run two team retrospectives by 2027-02-26
/mentor checkin progress: shipped the parser challenges: flaky tests questions: how do I say no? focus: code review energy: 4
/mentor action add draft the RFC outline due fri
/mentor action add @dana share the review checklist due tomorrow
/mentor action add book a slot with the architects due wed
/as dana
/mentor action done 2
/wait until thu 09:00
/as sam
/mentor action list all
/mentor action list overdue
/mentor note we agreed that Sam shadows the next incident review
/mentor note private I feel nervous about presenting to the architects
/mentor feedback @dana situation: yesterday's design review behavior: you asked questions before suggesting fixes impact: I found the bug myself
/mentor note list
/as dana
/mentor note list
/mentor action list all
/as eve
/mentor note list
/mentor action list
SCRIPT

# The agreement: every field set, both signatures, the signed agreement in the pair's space.
expect "[2026-11-02 09:00 CET · private dana] You signed version 12. Waiting for @sam."
expect "space dana+sam] @dana signed version 12 of your agreement."
expect "[2026-11-02 09:00 CET · private sam] You signed version 12. Both of you have signed"
expect "space dana+sam] == Signed agreement — version 12 =="
for line in "Purpose: Grow Sam into a confident tech lead" "Out of scope: salary and hiring decisions" \
            "Boundaries: no messages at weekends" "Timeline: six months, then we decide together" \
            "Review date: Mon 1 Feb 2027" "Sharing: private (coordinators see numbers only)"; do
  expect "space dana+sam]   • $line"
done
expect "space dana+sam] Version 12: signed by @dana (Mon 2 Nov 2026) and @sam (Mon 2 Nov 2026)."

# Two goals with target dates, and the mentee's check-in.
expect "space dana+sam] @sam added goal #1 — target Fri 29 Jan 2027:"
expect "space dana+sam] @sam added goal #2 — target Fri 26 Feb 2027:"
expect "space dana+sam] == Check-in =="
expect "space dana+sam]   • Questions: how do I say no?"
expect "space dana+sam]   • Energy: 4 of 5"

# Three actions, one for the mentor and done, one overdue once Thursday came.
expect "space dana+sam]   • #2 share the review checklist — @dana, due Tue 3 Nov 2026"
expect "space dana+sam] @dana completed an action item ✓:"
expect "[2026-11-05 09:00 CET · private sam] == Action items, all (3) =="
expect "private sam]   • #1 draft the RFC outline — @sam, due Fri 6 Nov 2026"
expect "private sam]   • #2 share the review checklist — @dana, done Mon 2 Nov 2026"
expect "private sam]   • #3 book a slot with the architects — @sam, due Wed 4 Nov 2026 (overdue)"
expect "[2026-11-05 09:00 CET · private sam] == Action items, overdue (1) =="

# The note is the pair's; the private note is sam's alone; the feedback reaches dana alone.
expect "space dana+sam]   > we agreed that Sam shadows the next incident review"
expect "private dana]   • Thu 5 Nov 2026 09:00 CET · @sam: we agreed that Sam shadows"
expect "private sam] == Your private notes (1, only you see them) =="
only_to "nervous about presenting" "private sam"
expect "private sam] Delivered privately to @dana. It is not posted in your pair's space."
expect "dm dana] == Feedback for you =="
only_to "I found the bug myself" "dm dana"
only_to "you asked questions before suggesting fixes" "dm dana"

# Someone outside the pair sees none of it.
expect "private eve] ⚠ you are not in an active pair"
grep -q "private eve].*we agreed" "$dir/out" && fail "eve saw the pair's note"
echo "console mentorship script: all checks passed"
