# PID-file checks shared by deploy/local/up and deploy/local/down (sourced: . "$here/pidfile.sh"),
# so that both agree on which process a PID file names.

# A PID file is "live" when its process exists and its command line still contains the
# marker (so a recycled PID of some other program is never mistaken for ours).
live_pid() { # <pidfile> <marker>: prints the PID
  # Builtins only: up's wait_ready calls it for every pending app in every round while the JVMs
  # start.
  local pid args
  [ -s "$1" ] || return 1
  read -r pid <"$1" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  mapfile -d '' -t args 2>/dev/null <"/proc/$pid/cmdline" || return 1
  [[ "${args[*]}" == *"$2"* ]] || return 1
  echo "$pid"
}
