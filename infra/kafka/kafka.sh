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
#   bash infra/kafka/kafka.sh brokers  print host:port of the running instance (for KAFKA_BROKERS)
#   bash infra/kafka/kafka.sh add-user NAME [PASSWORD]   secure instance: a SCRAM user (kafka-configs)
#
# A second, secure instance runs beside the plain one (its own ports, config, pid file and data):
#   KAFKA_SECURE=1 bash infra/kafka/kafka.sh start
# It listens with SASL_PLAINTEXT/SCRAM-SHA-512 only, authorizes with KRaft's StandardAuthorizer
# (allow.everyone.if.no.acl.found=false; the admin user is the only super user), and holds one
# SCRAM user per municipality from KAFKA_SCRAM_USERS, created when its storage is formatted.
# Loopback and development only: production brokers use SASL_SSL (docs/operations.md).
#
# Environment (all optional):
#   KAFKA_VERSION           broker version (default 4.1.2; must be a kafka_2.13 release on Maven Central)
#   KAFKA_HOST              listen/advertise address (default 127.0.0.1)
#   KAFKA_PORT              client port (default 9092; secure: 0 = a free port chosen at start)
#   KAFKA_CONTROLLER_PORT   KRaft controller port (default 9093; secure: 0 = a free port)
#   KAFKA_CACHE_DIR         jars, config, pid file and logs (default infra/kafka/.cache)
#   KAFKA_STATE_DIR         config, pid file, logs and data of this instance
#                           (default $KAFKA_CACHE_DIR, secure: $KAFKA_CACHE_DIR/secure)
#   KAFKA_DATA_DIR          log.dirs (default $KAFKA_STATE_DIR/data)
#   KAFKA_SECURE            1: SASL/SCRAM + ACLs (see above)
#   KAFKA_SASL_MECHANISM    secure: SCRAM-SHA-512 (default) or SCRAM-SHA-256
#   KAFKA_ADMIN_USERNAME / KAFKA_ADMIN_PASSWORD   secure: the super user (default admin / admin-secret)
#   KAFKA_SCRAM_USERS       secure: users created at format, "name[:password] ..." (a user without
#                           a password gets "<name>-secret"; default familybank-<code> for the test
#                           municipalities 0301 4601 5001 1103 0630 0265 0751)
#   KAFKA_HEAP_OPTS         JVM heap (default -Xms128m -Xmx512m)
#   KAFKA_LOG_LEVEL         Log4j2 root level (default WARN)
#   KAFKA_WAIT_SECONDS      how long start waits for the broker to answer (default 60)
#   JAVA_HOME / java        Java 17 or newer
# Clients (tests, the API with EXCHANGE=kafka) use KAFKA_BROKERS=127.0.0.1:9092; for the secure
# instance, KAFKA_BROKERS=$(KAFKA_SECURE=1 bash infra/kafka/kafka.sh brokers) and SASL settings.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

KAFKA_VERSION="${KAFKA_VERSION:-4.1.2}"
KAFKA_HOST="${KAFKA_HOST:-127.0.0.1}"
SECURE="${KAFKA_SECURE:-0}"
[[ "$SECURE" == 1 || "$SECURE" == true ]] && SECURE=1 || SECURE=0
if ((SECURE)); then DEFAULT_PORT=0 DEFAULT_CONTROLLER_PORT=0; else DEFAULT_PORT=9092 DEFAULT_CONTROLLER_PORT=9093; fi
KAFKA_PORT="${KAFKA_PORT:-$DEFAULT_PORT}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$DEFAULT_CONTROLLER_PORT}"
CACHE="${KAFKA_CACHE_DIR:-$HERE/.cache}"
if ((SECURE)); then STATE="${KAFKA_STATE_DIR:-$CACHE/secure}"; else STATE="${KAFKA_STATE_DIR:-$CACHE}"; fi
DATA="${KAFKA_DATA_DIR:-$STATE/data}"
MECHANISM="${KAFKA_SASL_MECHANISM:-SCRAM-SHA-512}"
ADMIN_USER="${KAFKA_ADMIN_USERNAME:-admin}"
ADMIN_PASSWORD="${KAFKA_ADMIN_PASSWORD:-admin-secret}"
SCRAM_USERS="${KAFKA_SCRAM_USERS:-familybank-0301 familybank-4601 familybank-5001 familybank-1103 familybank-0630 familybank-0265 familybank-0751}"
HEAP="${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m}"
LOG_LEVEL="${KAFKA_LOG_LEVEL:-WARN}"
WAIT_SECONDS="${KAFKA_WAIT_SECONDS:-60}"

LIB="$CACHE/lib/$KAFKA_VERSION"
CONF="$STATE/config"
LOGS="$STATE/logs"
PID_FILE="$STATE/kafka.pid"
# The ports the running instance was started with (they may have been chosen at start).
PORTS_FILE="$STATE/ports"
CLUSTER_ID_FILE="$DATA/.cluster-id"

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
jaas_quote() { printf '%s' "$1" | sed 's/[\\"]/\\&/g'; }

listener_config() {
  if ((!SECURE)); then
    cat <<EOF
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
EOF
    return
  fi
  local login mech_lower user pass
  mech_lower="$(printf '%s' "$MECHANISM" | tr 'A-Z' 'a-z')"
  user="$(jaas_quote "$ADMIN_USER")" pass="$(jaas_quote "$ADMIN_PASSWORD")"
  login="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"$user\" password=\"$pass\";"
  # Clients and the broker itself authenticate with SCRAM on the client listener. The controller
  # listener cannot use SCRAM (its credentials live in the metadata the controller serves), so it
  # takes PLAIN with the admin as its only user: nothing on it is anonymous.
  cat <<EOF
listeners=SASL_PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=SASL_PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_PLAINTEXT
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
sasl.enabled.mechanisms=$MECHANISM
sasl.mechanism.inter.broker.protocol=$MECHANISM
listener.name.sasl_plaintext.sasl.enabled.mechanisms=$MECHANISM
listener.name.sasl_plaintext.$mech_lower.sasl.jaas.config=$login
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="$user" password="$pass" user_$user="$pass";

# Nothing is allowed that no ACL allows; the admin (the ACL manager, the operator) is the only super user.
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:$ADMIN_USER
EOF
}

write_config() {
  mkdir -p "$CONF" "$LOGS" "$DATA"
  # The secure config holds the admin password: readable by this user only.
  (umask 077 && : >"$CONF/server.properties")
  cat >"$CONF/server.properties" <<EOF
# Written by infra/kafka/kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
$(listener_config)
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
  local scram=()
  if ((SECURE)); then
    # SCRAM credentials go into the metadata log at format; later users: `add-user`.
    local entry name password
    for entry in "$ADMIN_USER:$ADMIN_PASSWORD" $SCRAM_USERS; do
      name="${entry%%:*}" password="${entry#*:}"
      [[ "$entry" == *:* ]] || password="$name-secret"
      scram+=(--add-scram "$MECHANISM=[name=$name,password=$password]")
    done
    say "SCRAM users: $ADMIN_USER (super user) $(for entry in $SCRAM_USERS; do printf '%s ' "${entry%%:*}"; done)"
  fi
  java_cmd kafka.tools.StorageTool format --ignore-formatted -t "$(cat "$CLUSTER_ID_FILE")" -c "$CONF/server.properties" "${scram[@]}"
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
  if ((SECURE)); then
    KAFKA_BROKERS="$BROKERS" KAFKA_SASL_MECHANISM="$MECHANISM" KAFKA_SASL_USERNAME="$ADMIN_USER" KAFKA_SASL_PASSWORD="$ADMIN_PASSWORD" \
      node "$HERE/wait-for-broker.mjs" --timeout "$timeout"
  else
    KAFKA_BROKERS="$BROKERS" node "$HERE/wait-for-broker.mjs" --timeout "$timeout"
  fi
}

free_port() { # a port nothing listens on now (the kernel's choice)
  node -e 'const s=require("net").createServer().listen(0,process.argv[1],()=>{console.log(s.address().port);s.close()})' "$KAFKA_HOST"
}

# The ports of the running instance, or those to start with (0 = a free one, chosen now).
resolve_ports() {
  if running_pid >/dev/null && [[ -s "$PORTS_FILE" ]]; then
    read -r KAFKA_PORT KAFKA_CONTROLLER_PORT <"$PORTS_FILE"
  else
    [[ "$KAFKA_PORT" == 0 ]] && KAFKA_PORT="$(free_port)"
    [[ "$KAFKA_CONTROLLER_PORT" == 0 ]] && KAFKA_CONTROLLER_PORT="$(free_port)"
  fi
  BROKERS="$KAFKA_HOST:$KAFKA_PORT"
}

start() {
  local pid t0=$SECONDS
  resolve_ports
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
  echo "$KAFKA_PORT $KAFKA_CONTROLLER_PORT" >"$PORTS_FILE"
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
  resolve_ports
  if pid="$(running_pid)"; then
    say "running (pid $pid) on $BROKERS, Kafka $KAFKA_VERSION, data in ${DATA#"$ROOT"/}"
    return 0
  fi
  say "not running"
  return 3
}

brokers() { # host:port of the running instance, for KAFKA_BROKERS
  running_pid >/dev/null || die "not running"
  resolve_ports
  echo "$BROKERS"
}

add_user() { # a SCRAM user on the running secure instance, through the admin (kafka-configs)
  local name="${1:-}" password="${2:-${1:-}-secret}"
  ((SECURE)) || die "add-user needs KAFKA_SECURE=1"
  [[ -n "$name" ]] || die "usage: KAFKA_SECURE=1 bash infra/kafka/kafka.sh add-user NAME [PASSWORD]"
  running_pid >/dev/null || die "the secure broker is not running"
  resolve_ports
  check_java
  local props="$CONF/admin-client.properties"
  (umask 077 && cat >"$props" <<EOF
security.protocol=SASL_PLAINTEXT
sasl.mechanism=$MECHANISM
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$(jaas_quote "$ADMIN_USER")" password="$(jaas_quote "$ADMIN_PASSWORD")";
EOF
)
  java_cmd kafka.admin.ConfigCommand --bootstrap-server "$BROKERS" --command-config "$props" --alter \
    --add-config "$MECHANISM=[password=$password]" --entity-type users --entity-name "$name"
  "${JAVA_CMD[@]}" >"$LOGS/add-user.log" 2>&1 || { cat "$LOGS/add-user.log" >&2; die "could not add $name"; }
  say "added SCRAM user $name ($MECHANISM)"
}

with_lock() { # serialize concurrent start/stop calls on the same instance
  mkdir -p "$STATE"
  if command -v flock >/dev/null; then
    exec 9>"$STATE/.lock"
    flock -w 300 9 || die "another kafka.sh holds $STATE/.lock"
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
  brokers) brokers ;;
  add-user) with_lock add_user "${2:-}" "${3:-}" ;;
  *)
    echo "usage: bash infra/kafka/kafka.sh start|stop|status|restart|fetch|reset|logs [lines]|brokers|add-user NAME [PASSWORD]" >&2
    exit 2
    ;;
esac
