# Helpers for the command-line tests: each test is a bash script that exits non-zero on failure.
set -euo pipefail
: "${DYAD:?DYAD must name the dyad binary}" "${ROOT:?ROOT must name the source tree}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# expect_exit CODE command...: runs the command, checks its exit status
expect_exit() {
  local want=$1; shift
  set +e; "$@"; local got=$?; set -e
  [[ $got -eq $want ]] || fail "exit $got, wanted $want: $*"
}
