#!/usr/bin/env bash
# The national benchmark of BENCHMARKS.md in one run: generates the national data set in PostgreSQL, starts
# Mandate on it, then measures publication, static export, public pages (against nginx serving the export),
# staff paths, progress updates and a data-value import against `psql \copy` of the same rows.
# Needs: PostgreSQL at 127.0.0.1:5432 (trust auth), wrk and nginx (Debian packages `wrk nginx-light`).
# Settings: BENCH_DB (mandate_bench), BENCH_HEAP (1g), BENCH_REUSE=1 keeps an already generated database,
# BENCH_SECONDS (20) per load test. Results go to bench/results/<time>/ (summary.txt and raw outputs).
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-mandate_bench}
HEAP=${BENCH_HEAP:-1g}
SECONDS_PER_TEST=${BENCH_SECONDS:-20}
PORT=18080
NGINX_PORT=18088
OUT=$(pwd)/bench/results/$(date -u +%Y%m%d-%H%M)
mkdir -p "$OUT"
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
BASE=http://127.0.0.1:$PORT

say() { echo "$*" | tee -a "$OUT/summary.txt"; }
now() { date +%s.%N; }
elapsed() { echo "$1 $2" | awk '{printf "%.1f", $2 - $1}'; }

say "# Mandate national benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
say "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(lsb_release -ds 2>/dev/null || uname -sr)"
say "java: $(java -version 2>&1 | head -1); heap -Xmx$HEAP; database $DB on $(psql --version)"

./mvnw -B -q -DskipTests -Pbench package
JAR=$(ls target/mandate-*.jar | grep -v -- '-plain' | head -1)
JVM=(java "-Xmx$HEAP")
ARGS=(--spring.profiles.active=demo
    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB?reWriteBatchedInserts=true"
    --spring.datasource.username=postgres --spring.datasource.password=)
APP=("${JVM[@]}" -jar "$JAR" "${ARGS[@]}")

# ---- 1. the national data set
if [ "${BENCH_REUSE:-0}" != 1 ]; then
    "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
    t0=$(now)
    "${APP[@]}" --server.port=0 --mandate.generate.seed=42 --mandate.generate.exit=true >"$OUT/generate.log" 2>&1
    say "generate: $(elapsed "$t0" "$(now)") s (application start, schema, demo catalogue and the national set)"
    grep -o 'National data set loaded in.*' "$OUT/generate.log" | tee -a "$OUT/summary.txt"
fi
"${PSQL[@]}" -d "$DB" -At -F ' ' -c "select 'org units', count(*) from org_unit union all select 'tasks', count(*) from task
  union all select 'indicators', count(*) from indicator union all select 'data values', count(*) from indicator_data_value
  union all select 'bottlenecks', count(*) from bottleneck union all select 'reports', count(*) from report
  union all select 'ratings', count(*) from feedback_rating" | sed 's/^/rows: /' | tee -a "$OUT/summary.txt"

# ---- 2. the application, with a GC log to read the heap it needs
"${JVM[@]}" "-Xlog:gc:file=$OUT/gc.log" -jar "$JAR" "${ARGS[@]}" --server.port=$PORT >"$OUT/app.log" 2>&1 &
APP_PID=$!
NGINX_PID=
cleanup() {
    kill "$APP_PID" 2>/dev/null || true
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 180); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
TOKEN=$(curl -sf -u steering:demo -H 'Content-Type: application/json' -d '{"name":"bench"}' "$BASE/api/v1/tokens" |
    sed -E 's/.*"token":"([^"]+)".*/\1/')
AUTH="Authorization: Bearer $TOKEN"

# ---- 3. a national publication, then the static export of it (a second process, as in production)
t0=$(now)
curl -sf -X POST -H "$AUTH" "$BASE/api/v1/publications" >"$OUT/publication.json"
say "publish (national publication): $(elapsed "$t0" "$(now)") s"
PUB_ID=$(sed -E 's/.*"id":([0-9]+).*/\1/' "$OUT/publication.json")
EXPORT=$OUT/site
t0=$(now)
"${APP[@]}" --server.port=0 "--mandate.export.dir=$EXPORT" "--mandate.export.publication=$PUB_ID" >"$OUT/export.log" 2>&1
say "static export (process start to exit): $(elapsed "$t0" "$(now)") s; $(grep -o 'Exported publication.*' "$OUT/export.log" | sed "s|$OUT/||")"
say "export size: $(du -sh "$EXPORT" | cut -f1), $(find "$EXPORT" -type f | wc -l) files"

# ---- 4. public pages: Mandate against nginx serving the same bytes from the export
cat >"$OUT/nginx.conf" <<EOF
worker_processes 2;
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    include /etc/nginx/mime.types;
    server { listen 127.0.0.1:$NGINX_PORT; root $EXPORT; }
}
EOF
nginx -c "$OUT/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
sleep 1

load() { # name, connections, url, extra wrk args...
    local name=$1 connections=$2 url=$3
    shift 3
    curl -s -o /dev/null "$@" "$url" || true # the first request renders or warms caches
    local threads=2
    [ "$connections" -lt 2 ] && threads=1
    wrk -t"$threads" -c"$connections" -d"${SECONDS_PER_TEST}s" --latency -s bench/count-errors.lua "$@" "$url" >"$OUT/wrk-$name-c$connections.txt" 2>&1
    local rps p50 p99 bad
    local raw=$OUT/wrk-$name-c$connections.txt
    rps=$(awk '/Requests\/sec/{print $2}' "$raw")
    p50=$(awk '$1=="50%"{print $2}' "$raw")
    p99=$(awk '$1=="99%"{print $2}' "$raw")
    bad=$(awk '/non-2xx or errors/{print $4}' "$raw")
    say "$(printf '%-34s c=%-3s %10s req/s  p50 %-9s p99 %-9s errors %s' "$name" "$connections" "$rps" "$p50" "$p99" "$bad")"
}
RES=70-nq-tw
# Warm-up: the JIT compiles the serving path before anything is measured.
wrk -t2 -c64 -d10s "$BASE/public/vi/index.html" >/dev/null 2>&1
wrk -t2 -c8 -d10s -H "$AUTH" "$BASE/api/v1/tasks?orgUnit=HANOI" >/dev/null 2>&1
say "-- public pages, 64 connections, ${SECONDS_PER_TEST}s each"
load public-overview 64 "$BASE/public/vi/index.html"
load nginx-overview 64 "http://127.0.0.1:$NGINX_PORT/vi/index.html"
load public-resolution 64 "$BASE/public/vi/resolution-$RES.html"
load nginx-resolution 64 "http://127.0.0.1:$NGINX_PORT/vi/resolution-$RES.html"
load public-province 64 "$BASE/public/vi/unit-HANOI.html"
load nginx-province 64 "http://127.0.0.1:$NGINX_PORT/vi/unit-HANOI.html"

# ---- 5. staff paths (API with a bearer token, pages with a session), 8 connections
curl -s -c "$OUT/cookies" "$BASE/login" -o "$OUT/login.html"
CSRF=$(grep -o 'name="_csrf" value="[^"]*"' "$OUT/login.html" | head -1 | sed -E 's/.*value="([^"]*)"/\1/')
curl -s -b "$OUT/cookies" -c "$OUT/cookies" -o /dev/null --data-urlencode "username=steering" \
    --data-urlencode "password=demo" --data-urlencode "_csrf=$CSRF" "$BASE/login"
SESSION="Cookie: SESSION=$(awk '$6=="SESSION"{print $7}' "$OUT/cookies")"
WEEK_TO=$("${PSQL[@]}" -d "$DB" -At -c "select max(period) from indicator_data_value v join indicator i on i.id = v.indicator_id where i.code = 'GEN_I001'")
WEEK_FROM=$("${PSQL[@]}" -d "$DB" -At -c "select min(period) from indicator_data_value v join indicator i on i.id = v.indicator_id where i.code = 'GEN_I001'")
say "-- staff paths: one person waiting (1 connection), then 8 at once on the 2 cores, ${SECONDS_PER_TEST}s each (HANOI: a province with ~100 communes)"
staff() { # name, url, auth header
    load "$1" 1 "$2" -H "$3"
    load "$1" 8 "$2" -H "$3"
}
staff tasks-province-by-status "$BASE/api/v1/tasks?orgUnit=HANOI&status=ON_TRACK" "$AUTH"
staff overdue-province "$BASE/api/v1/tasks?orgUnit=HANOI&overdue=true" "$AUTH"
staff overdue-national "$BASE/api/v1/tasks?overdue=true" "$AUTH"
staff accountability-page "$BASE/org-units/HANOI/accountability?lang=en" "$SESSION"
staff dashboard-summary "$BASE/api/v1/dashboard/summary" "$AUTH"
staff analytics-weekly-year "$BASE/api/v1/analytics/series?indicator=GEN_I001&orgUnit=HANOI&from=$WEEK_FROM&to=$WEEK_TO&granularity=WEEK" "$AUTH"
staff bottleneck-board-api "$BASE/api/v1/bottlenecks/board" "$AUTH"
staff bottleneck-board-page "$BASE/bottlenecks?lang=en" "$SESSION"

# ---- 6. writes: progress updates with the audit trail on
"${PSQL[@]}" -d "$DB" -At -c "select id from task where created_by = 'generator' and status in ('NOT_STARTED','ON_TRACK','AT_RISK')
    order by id limit 20000" >"$OUT/tasks.txt"
BENCH_TASKS=$OUT/tasks.txt BENCH_TOKEN=$TOKEN wrk -t2 -c8 -d"${SECONDS_PER_TEST}s" --latency -s bench/progress.lua "$BASE" >"$OUT/wrk-progress.txt" 2>&1
say "$(printf '%-34s c=%-3s %10s req/s  p50 %-9s p99 %-9s errors %s' progress-updates 8 \
    "$(awk '/Requests\/sec/{print $2}' "$OUT/wrk-progress.txt")" "$(awk '$1=="50%"{print $2}' "$OUT/wrk-progress.txt")" \
    "$(awk '$1=="99%"{print $2}' "$OUT/wrk-progress.txt")" "$(awk '/non-2xx or errors/{print $4}' "$OUT/wrk-progress.txt")")"

# ---- 7. a data-value import of ~1 million values (this month, week and quarter for every indicator and commune)
IMPORT=$OUT/import
mkdir -p "$IMPORT"
"${PSQL[@]}" -d "$DB" -c "\\copy (select i.code, u.code,
      case i.periodicity when 'WEEKLY' then to_char(current_date, 'IYYY\"W\"IW') when 'QUARTERLY' then to_char(current_date, 'YYYY\"Q\"Q')
           else to_char(current_date, 'YYYY-MM') end,
      round((i.baseline_value * (0.8 + 0.4 * ((u.id * 7 + i.id * 13) % 100) / 100.0))::numeric, 2)
    from indicator i cross join org_unit u where i.code like 'GEN_I%' and u.level = 'COMMUNE' order by u.id, i.id) to '$IMPORT/all.csv' csv"
ROWS=$(wc -l <"$IMPORT/all.csv")
split -l 100000 -d -a 2 "$IMPORT/all.csv" "$IMPORT/part-"
# A reused database may hold an earlier run's import: remove it so that every value is new again.
"${PSQL[@]}" -d "$DB" -c "delete from indicator_data_value where entered_by = 'steering'" -c "vacuum analyze indicator_data_value"
t0=$(now)
for f in "$IMPORT"/part-*; do
    { echo "indicator,orgunit,period,value"; cat "$f"; } >"$f.csv"
    code=$(curl -s -o "$f.json" -w '%{http_code}' -X POST -H "$AUTH" -H 'Content-Type: text/csv' --data-binary "@$f.csv" "$BASE/api/v1/data-values")
    [ "$code" = 200 ] || { say "import of $f failed with HTTP $code: $(head -c 300 "$f.json")"; break; }
done
t1=$(now)
say "import: $ROWS values in $(elapsed "$t0" "$t1") s = $(echo "$ROWS $t0 $t1" | awk '{printf "%d", $1 / ($3 - $2)}') values/s (batches of 100,000 through the API, audit on)"
"${PSQL[@]}" -d "$DB" -c "\\copy (select * from indicator_data_value where entered_by = 'steering' and entered_at >= to_timestamp($t0)) to '$IMPORT/rows.copy'"
COPIED=$(wc -l <"$IMPORT/rows.copy")
# The reference: the same rows copied into the same table (its indexes, its ~12 million rows), as one
# transaction rolled back so that the table stays as it was; then into an empty copy of the table.
"${PSQL[@]}" -d "$DB" -c "delete from indicator_data_value where entered_by = 'steering' and entered_at >= to_timestamp($t0)" -c "vacuum indicator_data_value"
t0=$(now)
"${PSQL[@]}" -d "$DB" -c "begin" -c "\\copy indicator_data_value from '$IMPORT/rows.copy'" -c "rollback"
t1=$(now)
say "psql \\copy of the same $COPIED rows into the same table (rolled back): $(elapsed "$t0" "$t1") s = $(echo "$COPIED $t0 $t1" | awk '{printf "%d", $1 / ($3 - $2)}') rows/s"
"${PSQL[@]}" -d "$DB" -c "drop table if exists bench_copy" -c "create table bench_copy (like indicator_data_value including all)"
t0=$(now)
"${PSQL[@]}" -d "$DB" -c "\\copy bench_copy from '$IMPORT/rows.copy'"
t1=$(now)
say "psql \\copy of the same rows into an empty copy of the table with its indexes: $(elapsed "$t0" "$t1") s = $(echo "$COPIED $t0 $t1" | awk '{printf "%d", $1 / ($3 - $2)}') rows/s"
"${PSQL[@]}" -d "$DB" -c "drop table bench_copy"
rm -rf "$IMPORT"

# ---- 8. memory: the heap after each collection (the live set) and before (the peak the run needed)
say "heap: max -Xmx$HEAP; largest heap after a GC $(grep -oE '[0-9]+M->[0-9]+M' "$OUT/gc.log" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1) MB;\
 largest before a GC $(grep -oE '[0-9]+M->[0-9]+M' "$OUT/gc.log" | sed -E 's/([0-9]+)M->.*/\1/' | sort -n | tail -1) MB;\
 full GCs $(grep -c 'Pause Full' "$OUT/gc.log" || true); out-of-memory errors $(grep -c OutOfMemoryError "$OUT/app.log" "$OUT/export.log" | awk -F: '{s += $2} END {print s}')"
# ---- 9. the smallest heap that holds: publish and export again with less memory
kill "$APP_PID" 2>/dev/null || true
wait "$APP_PID" 2>/dev/null || true
for small in ${BENCH_SMALL_HEAPS:-512m 384m 256m}; do
    java "-Xmx$small" -jar "$JAR" "${ARGS[@]}" --server.port=$PORT >"$OUT/app-$small.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 180); do curl -s -o /dev/null "$BASE/login" && break; sleep 1; done
    t0=$(now)
    code=$(curl -s -o "$OUT/publication-$small.json" -w '%{http_code}' -X POST -u steering:demo "$BASE/api/v1/publications" || true)
    publish="publish HTTP $code in $(elapsed "$t0" "$(now)") s"
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    t0=$(now)
    if java "-Xmx$small" -jar "$JAR" "${ARGS[@]}" --server.port=0 "--mandate.export.dir=$OUT/site-$small" >"$OUT/export-$small.log" 2>&1; then
        export="export ok in $(elapsed "$t0" "$(now)") s"
    else
        export="export failed"
    fi
    rm -rf "$OUT/site-$small"
    say "-Xmx$small: $publish; $export; out-of-memory errors $(cat "$OUT/app-$small.log" "$OUT/export-$small.log" | grep -c OutOfMemoryError || true)"
done
say "results in ${OUT#"$(pwd)/"}"
