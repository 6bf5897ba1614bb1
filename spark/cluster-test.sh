#!/usr/bin/env bash
# The Spark job on a loopback standalone cluster, as spark-submit runs it: starts a Master and a Worker (two
# JVMs, bound to 127.0.0.1, Spark's own main classes on the jars of spark/target/spark-jars), submits the job
# jar with org.apache.spark.deploy.SparkSubmit (what the spark-submit script runs) for selfclean and knn on the
# golden set, compares every file byte for byte with ./cleanrank's, and stops both JVMs by process id.
# Needs the packaged job (mvn -pl spark -am package, or ./cleanrank-spark once). .ci/run calls it.
set -euo pipefail
[[ -n "${CLUSTER_TEST_KEEP:-}" ]] && set -x
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JDK="$("$root/cleanrank" --print-jdk)"
jars="$root/spark/target/spark-jars"
job="$root/spark/target/cleanrank-spark.jar"
cli="$root/cli/target/cleanrank.jar"
for f in "$jars" "$job" "$cli"; do
  [[ -e "$f" ]] || { echo "cluster-test: $f missing; run mvn -pl spark -am package first" >&2; exit 2; }
done
# Spark's launcher gives every JVM these on JDK 17+ (JavaModuleOptions); we start the JVMs ourselves
flags=(-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true
  --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED)
work="$(mktemp -d)"
# SPARK_SCALA_VERSION: without it the launcher code looks for a source build to learn the Scala version
export SPARK_LOCAL_IP=127.0.0.1 SPARK_HOME="$work/spark-home" SPARK_WORKER_DIR="$work/worker" SPARK_SCALA_VERSION=2.13
mkdir -p "$SPARK_HOME" "$SPARK_WORKER_DIR"
# the Worker builds each executor's command line from SPARK_HOME/jars, as in a Spark distribution
ln -s "$jars" "$SPARK_HOME/jars"
port=$(( 20000 + RANDOM % 20000 ))
master_pid="" worker_pid=""
stop() {
  [[ -n "$worker_pid" ]] && kill "$worker_pid" 2>/dev/null && wait "$worker_pid" 2>/dev/null || true
  [[ -n "$master_pid" ]] && kill "$master_pid" 2>/dev/null && wait "$master_pid" 2>/dev/null || true
}
trap 'stop; [[ -n "${CLUSTER_TEST_KEEP:-}" ]] || rm -rf "$work"' EXIT
# Master and Worker log at Spark's default level (INFO) into their logs: the script waits for their lines
"$JDK/bin/java" "${flags[@]}" -Xmx512m -cp "$jars/*" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$port" --webui-port 0 >"$work/master.log" 2>&1 &
master_pid=$!
for _ in $(seq 60); do grep -qs "I have been elected leader" "$work/master.log" && break; sleep 0.5; done
"$JDK/bin/java" "${flags[@]}" -Xmx512m -cp "$jars/*" org.apache.spark.deploy.worker.Worker \
  --host 127.0.0.1 --webui-port 0 --cores 2 --memory 2g "spark://127.0.0.1:$port" >"$work/worker.log" 2>&1 &
worker_pid=$!
for _ in $(seq 60); do grep -q "Successfully registered with master" "$work/worker.log" && break; sleep 0.5; done
grep -q "Successfully registered with master" "$work/worker.log" || { cat "$work/master.log" "$work/worker.log" >&2; exit 1; }
echo "cluster-test: Master (pid $master_pid) and Worker (pid $worker_pid) on spark://127.0.0.1:$port"

submit() {
  # a job that gets no executor would wait for one forever: give up after 5 minutes
  timeout 300 "$JDK/bin/java" "${flags[@]}" --add-modules=jdk.incubator.vector -Xmx1g -cp "$jars/*" \
    -Dlog4j2.configurationFile="$root/spark/conf/log4j2.properties" \
    org.apache.spark.deploy.SparkSubmit --master "spark://127.0.0.1:$port" --deploy-mode client \
    --conf spark.executor.memory=1g --conf "spark.jars.ivy=$work/ivy" \
    --class org.cleanrank.spark.SparkMain "$job" "$@" --quiet
}
cleanrank() { "$JDK/bin/java" --add-modules=jdk.incubator.vector -jar "$cli" "$@" --quiet 2>/dev/null; }
g="$root/fixtures/golden/selfclean/synth_n2000_d384_seed2"
fail=0
compare() {
  for f in "$1"/*; do
    if cmp -s "$f" "$2/$(basename "$f")"; then echo "  same: $(basename "$f")"; else echo "  DIFFERENT: $(basename "$f")"; fail=1; fi
  done
}
start=$SECONDS
submit selfclean --embeddings "$g/embeddings.npy" --labels "$g/labels.npy" --pairs 2000 --out "$work/spark-sc" 2>"$work/submit.log" \
  || { cat "$work/submit.log" >&2; exit 1; }
cleanrank selfclean --embeddings "$g/embeddings.npy" --labels "$g/labels.npy" --pairs 2000 --out "$work/cli-sc"
echo "selfclean on the cluster vs ./cleanrank:"; compare "$work/cli-sc" "$work/spark-sc"
submit knn --embeddings "$g/embeddings.npy" --k 10 --out "$work/spark-knn" 2>>"$work/submit.log" \
  || { cat "$work/submit.log" >&2; exit 1; }
cleanrank knn --embeddings "$g/embeddings.npy" --k 10 --out "$work/cli-knn"
echo "knn on the cluster vs ./cleanrank:"; compare "$work/cli-knn" "$work/spark-knn"
# the executors really were the Worker's separate JVMs
ls "$SPARK_WORKER_DIR"/app-* >/dev/null 2>&1 || { echo "cluster-test: no executor ran under the Worker" >&2; fail=1; }
echo "cluster-test: $((SECONDS - start)) s for both jobs"
stop
master_pid="" worker_pid=""
exit "$fail"
