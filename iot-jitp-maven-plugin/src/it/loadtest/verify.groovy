import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def json = { File f -> new JsonSlurper().parse(f) }

// 1: plan and quotas printed, every device provisioned by JITP, the formula met, nothing lost, no echo
assert log.contains('Expected: 15 msg/s in total = P*r*(1+2S); inbound 10 msg/s, outbound 5 msg/s')
assert log.contains('AWS IoT default quotas (planned / limit):')
// the plugin's runtime brings BoringSSL (netty-tcnative) and the event-loop parameter reaches the engine
assert log.contains('TLS by BoringSSL, 2 event-loop threads)')
def first = json(new File(basedir, 'target/iot-jitp/loadtest/report.json'))
assert first.summary.totals.jitpDrops == 7 // 5 publishers, 1 subscriber, the collector
assert first.summary.loss.lost == 0 && first.summary.totals.echoes == 0
assert first.summary.expectedPerSecond == 15
assert first.summary.achievedRatio > 0.5
assert first.failures.isEmpty()
assert new File(basedir, 'target/iot-jitp/loadtest/report.html').text.contains('<svg')
assert new File(basedir, 'target/iot-jitp/loadtest/latency.hlog').text.contains('#[BaseTime:')
assert new File(basedir, 'target/iot-jitp/loadtest-devices/pub4.crt').exists()
// 2: the report written, then the threshold failed the build
def strict = json(new File(basedir, 'target/strict/loadtest/report.json'))
assert strict.summary.totals.jitpDrops == 7 // devices live in <outputDirectory>/loadtest-devices: new ones here
assert strict.failures.size() == 1 && strict.failures[0].contains('iot.loadtest.maxP99Millis=0.001')
assert log.contains('The load test missed its thresholds: delivery latency p99')
// 3: merged report of the first run's output
def merged = json(new File(basedir, 'target/iot-jitp/loadtest-merged/report.json'))
assert merged.summary.totals.delivered == first.summary.totals.delivered
assert merged.summary.latencies.delivery.count == first.summary.latencies.delivery.count
assert !log.contains('MojoExecutionException')
assert !new File(basedir, 'stand-in/endpoints.json').exists()
return true
