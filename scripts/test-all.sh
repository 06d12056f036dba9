#!/usr/bin/env bash
# `npm test`: every test. Type check, unit tests, route/integration tests on BOTH engines
# (embedded PGlite and a throwaway PostgreSQL 15), then the browser flows in Debian chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

step "Type check"
npx tsc --noEmit -p tsconfig.json

step "Unit tests"
npx vitest run --project unit

step "Route and integration tests on embedded PGlite"
TEST_DB_ENGINE=pglite npx vitest run --project db

step "Route and integration tests on PostgreSQL 15"
TEST_DB_ENGINE=postgres bash scripts/with-postgres.sh npx vitest run --project db

if ls e2e/*.e2e.ts >/dev/null 2>&1; then
  step "Web build"
  npx vite build --logLevel warn
  step "Browser tests (chromium)"
  npx vitest run --project e2e --no-file-parallelism
fi
echo
echo "All tests passed."
