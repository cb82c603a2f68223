#!/usr/bin/env bash
# A real single-node Apache Kafka broker (KRaft, combined controller + broker) on loopback,
# without Docker: the broker's jars come from Maven Central through `mvn` (infra/kafka/pom.xml)
# into an ignored cache folder, once; later starts use the cache.
#
#   bash infra/kafka/kafka.sh start    fetch jars if needed, format storage once, start, wait until
#                                      a kafkajs client works (idempotent: if running, only verifies)
#   bash infra/kafka/kafka.sh stop     SIGTERM, wait, then SIGKILL; removes the pid file
#   bash infra/kafka/kafka.sh status   exit 0 when running (and print where), 3 when not
#   bash infra/kafka/kafka.sh restart | fetch | reset (stop and delete the data dir) | logs
#
# Environment (all optional):
#   KAFKA_VERSION           broker version (default 4.1.2; must be a kafka_2.13 release on Maven Central)
#   KAFKA_HOST              listen/advertise address (default 127.0.0.1)
#   KAFKA_PORT              client port (default 9092)
#   KAFKA_CONTROLLER_PORT   KRaft controller port (default 9093)
#   KAFKA_CACHE_DIR         jars, config, pid file and logs (default infra/kafka/.cache)
#   KAFKA_DATA_DIR          log.dirs (default $KAFKA_CACHE_DIR/data)
#   KAFKA_HEAP_OPTS         JVM heap (default -Xms128m -Xmx512m)
#   KAFKA_LOG_LEVEL         Log4j2 root level (default WARN)
#   KAFKA_WAIT_SECONDS      how long start waits for the broker to answer (default 60)
#   JAVA_HOME / java        Java 17 or newer
# Clients (tests, the API with EXCHANGE=kafka) use KAFKA_BROKERS=127.0.0.1:9092.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

KAFKA_VERSION="${KAFKA_VERSION:-4.1.2}"
KAFKA_HOST="${KAFKA_HOST:-127.0.0.1}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
CACHE="${KAFKA_CACHE_DIR:-$HERE/.cache}"
DATA="${KAFKA_DATA_DIR:-$CACHE/data}"
HEAP="${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m}"
LOG_LEVEL="${KAFKA_LOG_LEVEL:-WARN}"
WAIT_SECONDS="${KAFKA_WAIT_SECONDS:-60}"

LIB="$CACHE/lib/$KAFKA_VERSION"
CONF="$CACHE/config"
LOGS="$CACHE/logs"
PID_FILE="$CACHE/kafka.pid"
CLUSTER_ID_FILE="$DATA/.cluster-id"
BROKERS="$KAFKA_HOST:$KAFKA_PORT"

say() { printf '[kafka] %s\n' "$*"; }
die() { printf '[kafka] error: %s\n' "$*" >&2; exit 1; }

java_bin() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then echo "$JAVA_HOME/bin/java"; else command -v java || true; fi
}

check_java() {
  JAVA="$(java_bin)"
  [[ -n "$JAVA" ]] || die "java not found: install Java 17+ or set JAVA_HOME"
  local spec
  spec="$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')"
  [[ "${spec%%.*}" =~ ^[0-9]+$ && "${spec%%.*}" -ge 17 ]] || die "Kafka $KAFKA_VERSION needs Java 17+, $JAVA is ${spec:-unknown}"
}

# --- jars -------------------------------------------------------------------------------------
# The marker holds the version and a hash of pom.xml: a changed pom or version fetches again.
marker_value() { printf '%s %s\n' "$KAFKA_VERSION" "$(sha256sum "$HERE/pom.xml" | cut -c1-16)"; }

fetch() {
  if [[ -f "$LIB/.complete" && "$(cat "$LIB/.complete")" == "$(marker_value)" ]]; then
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found: Maven 3.8+ fetches the broker's jars from Maven Central"
  say "fetching kafka_2.13 $KAFKA_VERSION and its runtime dependencies from Maven Central (once)"
  local tmp="$CACHE/lib/.tmp-$KAFKA_VERSION-$$"
  rm -rf "$tmp" && mkdir -p "$tmp"
  if ! mvn -q -B -Dstyle.color=never -f "$HERE/pom.xml" dependency:copy-dependencies \
      -Dkafka.version="$KAFKA_VERSION" -DoutputDirectory="$tmp" -DincludeScope=runtime >"$CACHE/lib/fetch.log" 2>&1; then
    cat "$CACHE/lib/fetch.log" >&2
    rm -rf "$tmp"
    die "mvn could not fetch kafka_2.13 $KAFKA_VERSION (Maven output above)"
  fi
  ls "$tmp"/kafka_2.13-"$KAFKA_VERSION".jar >/dev/null 2>&1 || { rm -rf "$tmp"; die "kafka_2.13-$KAFKA_VERSION.jar missing after fetch"; }
  marker_value >"$tmp/.complete"
  rm -rf "$LIB" && mv "$tmp" "$LIB"
  say "cached $(ls "$LIB"/*.jar | wc -l) jars ($(du -sh "$LIB" | cut -f1)) in ${LIB#"$ROOT"/}"
}

# --- config -----------------------------------------------------------------------------------
write_config() {
  mkdir -p "$CONF" "$LOGS" "$DATA"
  cat >"$CONF/server.properties" <<EOF
# Written by infra/kafka/kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA/kraft-logs

# One broker: internal topics must not ask for 3 replicas, or consumer groups and transactions
# never find a coordinator.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0

num.partitions=1
auto.create.topics.enable=false
delete.topic.enable=true

# Small footprint; compaction works (cleaner on, small dedupe buffer to fit the heap).
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.cleaner.enable=true
log.cleaner.threads=1
log.cleaner.dedupe.buffer.size=16777216
log.cleaner.backoff.ms=5000
log.retention.hours=168
EOF

  cat >"$CONF/log4j2.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by infra/kafka/kafka.sh on every start. -->
<Configuration status="WARN">
  <Appenders>
    <Console name="console" target="SYSTEM_OUT">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
    </Console>
    <RollingFile name="file" fileName="$LOGS/server.log" filePattern="$LOGS/server.log.%i">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
      <Policies><SizeBasedTriggeringPolicy size="10 MB"/></Policies>
      <DefaultRolloverStrategy max="3"/>
    </RollingFile>
  </Appenders>
  <Loggers>
    <!-- One INFO line when the broker is up. -->
    <Logger name="kafka.server.KafkaRaftServer" level="INFO"/>
    <Root level="$LOG_LEVEL">
      <AppenderRef ref="console"/>
      <AppenderRef ref="file"/>
    </Root>
  </Loggers>
</Configuration>
EOF
}

java_cmd() { # the JVM with the cached classpath and the Log4j2 config, then main class and args
  local heap
  read -r -a heap <<<"$HEAP"
  JAVA_CMD=("$JAVA" "${heap[@]}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExplicitGCInvokesConcurrent
    -Djava.awt.headless=true -Dlog4j2.configurationFile="$CONF/log4j2.xml" -Dkafka.logs.dir="$LOGS"
    -cp "$LIB/*" "$@")
}

format_storage() {
  if [[ -f "$DATA/kraft-logs/meta.properties" ]]; then return 0; fi
  if [[ ! -s "$CLUSTER_ID_FILE" ]]; then
    # A Kafka Uuid: 16 random bytes, URL-safe base64 without padding (22 characters).
    head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$CLUSTER_ID_FILE"
  fi
  say "formatting KRaft storage in ${DATA#"$ROOT"/} (cluster id $(cat "$CLUSTER_ID_FILE"))"
  java_cmd kafka.tools.StorageTool format --ignore-formatted -t "$(cat "$CLUSTER_ID_FILE")" -c "$CONF/server.properties"
  "${JAVA_CMD[@]}" >"$LOGS/format.log" 2>&1 9>&- || { cat "$LOGS/format.log" >&2; die "formatting the storage failed"; }
}

# --- process ----------------------------------------------------------------------------------
# Our broker's pid, only when the pid file names a live kafka.Kafka process (pids get reused).
running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/cmdline" ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q 'kafka\.Kafka' || return 1
  fi
  echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

probe() { # the real-client check: kafkajs admin, topic, produce, consume via a consumer group
  local timeout="$1"
  if [[ ! -d "$ROOT/node_modules/kafkajs" ]]; then
    say "node_modules/kafkajs missing (run npm install): only checked that the port answers"
    return 0
  fi
  KAFKA_BROKERS="$BROKERS" node "$HERE/wait-for-broker.mjs" --timeout "$timeout"
}

start() {
  local pid t0=$SECONDS
  if pid="$(running_pid)"; then
    say "already running (pid $pid) on $BROKERS; verifying"
    probe "$WAIT_SECONDS"
    return 0
  fi
  rm -f "$PID_FILE"
  check_java
  if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    # Something else listens there: use it if it is a working Kafka broker, otherwise refuse.
    say "$BROKERS is already taken by a process this script did not start; probing it"
    probe 10 || die "$BROKERS is in use and is not a working Kafka broker; set KAFKA_PORT or stop it"
    say "using the broker already on $BROKERS ('stop' will not stop it)"
    return 0
  fi
  port_open "$KAFKA_HOST" "$KAFKA_CONTROLLER_PORT" && die "controller port $KAFKA_HOST:$KAFKA_CONTROLLER_PORT is in use; set KAFKA_CONTROLLER_PORT"

  fetch
  write_config
  format_storage

  say "starting Kafka $KAFKA_VERSION (KRaft, node 1) on $BROKERS, controller on $KAFKA_HOST:$KAFKA_CONTROLLER_PORT"
  : >"$LOGS/kafka.out"
  java_cmd kafka.Kafka "$CONF/server.properties"
  # The pid file gets the JVM's own pid (exec); fd 9 (the lock) is not inherited by the broker.
  nohup bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$PID_FILE" "${JAVA_CMD[@]}" \
    >>"$LOGS/kafka.out" 2>&1 </dev/null 9>&- &
  disown || true

  # Wait for the port (and that the JVM did not die), then for the real client check.
  local deadline=$((SECONDS + WAIT_SECONDS))
  while ! port_open "$KAFKA_HOST" "$KAFKA_PORT"; do
    pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$LOGS/kafka.out" >&2 || true
      rm -f "$PID_FILE"
      die "the broker exited during startup (log: ${LOGS#"$ROOT"/}/kafka.out)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 40 "$LOGS/kafka.out" >&2 || true
      stop >/dev/null || true
      die "the broker did not open $BROKERS within $WAIT_SECONDS s"
    fi
    sleep 0.2
  done
  if ! probe $((deadline - SECONDS > 5 ? deadline - SECONDS : 5)); then
    tail -n 40 "$LOGS/kafka.out" >&2 || true
    stop >/dev/null || true
    die "the broker does not work with kafkajs (see above); it was stopped"
  fi
  say "running (pid $(cat "$PID_FILE")), started in $((SECONDS - t0)) s; clients: KAFKA_BROKERS=$BROKERS"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    say "not running"
    return 0
  fi
  say "stopping (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < 300; i++)); do # up to 30 s for a controlled shutdown
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "still running after 30 s; SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$PID_FILE"
  say "stopped"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    say "running (pid $pid) on $BROKERS, Kafka $KAFKA_VERSION, data in ${DATA#"$ROOT"/}"
    return 0
  fi
  say "not running"
  return 3
}

with_lock() { # serialize concurrent start/stop calls on the same cache
  mkdir -p "$CACHE"
  if command -v flock >/dev/null; then
    exec 9>"$CACHE/.lock"
    flock -w 300 9 || die "another kafka.sh holds $CACHE/.lock"
  fi
  "$@"
}

case "${1:-}" in
  start) with_lock start ;;
  stop) with_lock stop ;;
  restart) with_lock stop && with_lock start ;;
  status) status ;;
  fetch) with_lock fetch && say "jars for $KAFKA_VERSION are in ${LIB#"$ROOT"/}" ;;
  reset) with_lock stop && rm -rf "$DATA" && say "deleted ${DATA#"$ROOT"/}" ;;
  logs) tail -n "${2:-100}" "$LOGS/kafka.out" ;;
  *)
    echo "usage: bash infra/kafka/kafka.sh start|stop|status|restart|fetch|reset|logs [lines]" >&2
    exit 2
    ;;
esac
