#!/usr/bin/env bash
# The whole dieharder battery (dieharder -a, every test at its default sizes, -Y 1) on the raw DRBG stream, for test
# labs. Takes hours on 2 cores. Usage: scripts/dieharder-full.sh [REPORT.md] (default docs/rng/dieharder-full-report.md).
# See scripts/dieharder-ci.sh for the stream and the report format. Exit code 1 if any test FAILED.
set -Eeuo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIEHARDER_MODE=full exec "$ROOT/scripts/dieharder-ci.sh" "${1:-$ROOT/docs/rng/dieharder-full-report.md}"
