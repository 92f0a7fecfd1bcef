#!/usr/bin/env bash
# deploy/run.sh: installs what is needed, builds the release bot and starts it. With no Slack or
# Matrix configured it opens the local console. Arguments go to mentorbot (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."
./deploy/setup.sh >&2
cmake --preset release >/dev/null
cmake --build --preset release --target mentorbot -j "$(nproc)" >&2
exec ./build/release/bot/mentorbot "$@"
