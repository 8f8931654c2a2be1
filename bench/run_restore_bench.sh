#!/bin/sh
# One-command restoration benchmark: builds what is needed in BUILD_DIR
# (default ./build), then scores held-out legal text (test bucket only).
#   bench/run_restore_bench.sh [extra restore_bench options, e.g. --syllables 50000 --errors]
# Env: BUILD_DIR, VANBAN_CORPUS (default /work/shared/corpus).
set -eu
src="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$src/build}"
corpus="${VANBAN_CORPUS:-/work/shared/corpus}"
if [ ! -f "$build/build.ninja" ] && [ ! -f "$build/Makefile" ]; then
  cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build" --target restore_bench vanban_model_file -j2
exec "$build/bench/restore_bench" --model "$build/vanban.model" --corpus "$corpus" "$@"
