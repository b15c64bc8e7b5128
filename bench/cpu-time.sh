# CPU time of processes per request, for the bench run scripts (sourced: . "$root/bench/cpu-time.sh").
# From /proc/<pid>/stat (utime + stime): unlike latency it hardly changes with what else the
# machine runs, so it says where a request's cost lies even on a busy machine.
#
#   before=$(cpu_ticks gateway="$gateway_pid" service="$service_pid")
#   ... the measured window ...
#   after=$(cpu_ticks gateway="$gateway_pid" service="$service_pid")
#   cpu_per_request "$(cpu_delta "$before" "$after")" "$requests"
#     -> gateway 0.41, service 1.20, total 1.61 ms of CPU per request (12345 requests)

# "<name> <user+system clock ticks>" of each <name>=<pid>; a process gone by now is left out.
cpu_ticks() {
  local arg
  for arg in "$@"; do
    awk -v n="${arg%%=*}" '{ print n, $14 + $15 }' "/proc/${arg#*=}/stat" 2>/dev/null || true
  done
}

# "<name> <ticks>" lines: after - before, per name (both as cpu_ticks prints them).
cpu_delta() { # <before> <after>
  join <(sort <<<"$1") <(sort <<<"$2") | awk '{ print $1, $3 - $2 }'
}

# "<name> <ticks>" lines: the sum per name of two such lists (either may be empty), to add up
# several measured windows.
cpu_sum() { # <ticks> <ticks>
  printf '%s\n%s\n' "$1" "$2" | awk 'NF == 2 { t[$1] += $2 } END { for (n in t) print n, t[n] }' | sort
}

# One line: milliseconds of CPU per request of each process in <ticks> (a cpu_delta), and the total.
cpu_per_request() { # <ticks> <requests>
  awk -v r="${2:-0}" -v hz="$(getconf CLK_TCK)" 'NF == 2 {
      d = $2 * 1000 / hz; total += d; line = line sprintf("%s %.3f, ", $1, r ? d / r : 0) }
    END { printf "%stotal %.3f ms of CPU per request (%d requests)", line, r ? total / r : 0, r }' <<<"$1"
}
