#!/bin/sh
# Runs a command (the server: `npm start`, `npm run bench`) with jemalloc as the C allocator when
# the system has it and with the request thread's young generation set, then replaces itself with
# that command (`exec`: same pid, same signals).
#
#   sh tools/start-with-allocator.sh node tools/run-built.mjs --with-web dist/src/main.js
#
# Why: glibc's malloc gives each thread that allocates its own arena and keeps freed memory in
# them. Under load the request thread, the compute workers and V8's helper threads left about
# 100 MiB in arenas that did not go back to the system; jemalloc returns it within about a second
# (README, "Memory"; docs/benchmarks.md, twenty-fifth pass). The allocator has to be chosen before
# the process starts (LD_PRELOAD), so this cannot live in the Node code. Processes the server
# starts inherit the setting: the local Neo4j's JVM runs on jemalloc too (as in the benchmark).
#
# The young generation of Node's main thread (the request thread) is fixed when V8 starts, so it
# is set here too, as `--max-semi-space-size` in NODE_OPTIONS (a third of the young generation
# each; V8's own is 16 MB, a 48 MB young generation). Under load the young generation runs at its
# full size; 24 MB held the request thread's heap about 15 MiB smaller after 1,000 heavy requests
# with requests as fast (docs/benchmarks.md, thirty-third pass). Compute workers set their own
# (COMPUTE_WORKER_YOUNG_GENERATION_MB, in the Node code), so this reaches only the request thread
# and threads started without limits. The setting goes first in NODE_OPTIONS: a caller's own
# `--max-semi-space-size` there, later in the list, wins.
#
# Settings (environment):
#   MEMORY_ALLOCATOR  jemalloc (default) or system (glibc's malloc, as without this script)
#   JEMALLOC_PATH     the library to load (default: libjemalloc.so.2 in the usual library folders;
#                     Debian and Ubuntu: apt-get install libjemalloc2)
#   MALLOC_CONF       jemalloc's options (default below: purge freed pages after 1 s, from a
#                     background thread, so memory goes back while the server is idle too)
#   REQUEST_THREAD_YOUNG_GENERATION_MB  the request thread's young generation, 8 to 1,024 (default
#                     24; V8 sizes it in steps of 3 MB: multiples of 3 are exact, other values round down)
# A library already in LD_PRELOAD is kept; jemalloc goes in front of it unless it is there already.
set -eu

young_mb="${REQUEST_THREAD_YOUNG_GENERATION_MB:-24}"
case "$young_mb" in
  '' | 0* | *[!0-9]*) young_ok=false ;;
  *) if [ "$young_mb" -ge 8 ] && [ "$young_mb" -le 1024 ]; then young_ok=true; else young_ok=false; fi ;;
esac
if [ "$young_ok" = false ]; then
  echo "credgraph: REQUEST_THREAD_YOUNG_GENERATION_MB must be a whole number of MB from 8 to 1024, got \"${young_mb}\"" >&2
  exit 2
fi
NODE_OPTIONS="--max-semi-space-size=$((young_mb / 3))${NODE_OPTIONS:+ $NODE_OPTIONS}"
export NODE_OPTIONS

default_conf='background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0'

case "${MEMORY_ALLOCATOR:-jemalloc}" in
  jemalloc)
    library="${JEMALLOC_PATH:-}"
    if [ -z "$library" ]; then
      for candidate in /usr/lib/*-linux-gnu/libjemalloc.so.2 /usr/lib64/libjemalloc.so.2 \
        /usr/lib/libjemalloc.so.2 /usr/local/lib/libjemalloc.so.2; do
        if [ -r "$candidate" ]; then
          library="$candidate"
          break
        fi
      done
    fi
    if [ -n "$library" ] && [ -r "$library" ]; then
      # The loader takes LD_PRELOAD's entries separated by spaces or colons.
      preloaded=$(printf '%s' "${LD_PRELOAD:-}" | tr ':' ' ')
      case " $preloaded " in
        *" $library "*) ;;
        *) LD_PRELOAD="$library${LD_PRELOAD:+ $LD_PRELOAD}" ;;
      esac
      export LD_PRELOAD
      MALLOC_CONF="${MALLOC_CONF:-$default_conf}"
      export MALLOC_CONF
    else
      echo "credgraph: jemalloc not found${library:+ at $library} (Debian, Ubuntu: apt-get install libjemalloc2);" \
        "running with the system allocator, which keeps about 100 MiB more after load" >&2
    fi
    ;;
  system) ;;
  *)
    echo "credgraph: MEMORY_ALLOCATOR must be jemalloc or system, got \"${MEMORY_ALLOCATOR}\"" >&2
    exit 2
    ;;
esac

exec "$@"
