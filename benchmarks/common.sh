# Sourced by the benchmarks: a work folder removed on exit, boardpack built in release mode
# ($bin), and `best`, which times a program.

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product boardpack >/dev/null
bin=$(swift build -c release --show-bin-path)/boardpack

# The fastest of $RUNS runs (default 5): the second core of a shared machine is sometimes
# busy, and a run that loses it is slower, boardpack's more than a one-core peer's.
runs=${RUNS:-5}

# best [--may-fail] PROGRAM [ARG...]: prints "seconds peakKB" of the fastest run. The program
# must succeed unless --may-fail (merge exits 1 when it lists problems).
best() {
  local may_fail=false best_s="" best_kb="" s kb
  if [ "$1" = --may-fail ]; then may_fail=true; shift; fi
  for _ in $(seq "$runs"); do
    if ! /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null && ! $may_fail; then
      echo "failed: $*" >&2
      return 1
    fi
    read -r s kb < <(tail -1 "$work/time")  # after "Command exited with non-zero status 1"
    if [ -z "$best_s" ] || awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; best_kb=$kb; fi
  done
  echo "$best_s $best_kb"
}
