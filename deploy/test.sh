#!/usr/bin/env bash
# deploy/test.sh: installs what is needed, builds mentorbot with the address and
# undefined-behaviour sanitizers and runs every test through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
./deploy/setup.sh
cmake --preset asan
cmake --build --preset asan -j "$(nproc)"
ctest --preset asan -j "$(nproc)"
