def log = new File(basedir, 'build.log').text
def xml = new groovy.xml.XmlSlurper().parse(new File(basedir,
        'target/iot-jitp/smoke-connect/TEST-iot-jitp.smoke-connect.xml'))

// 1: three fresh devices survive the JITP drop, round-trip and are refused on a foreign topic
assert log.contains('Smoke-testing 3 device(s) against localhost:')
assert log.contains('smoke-connect: 3 device(s), 3 passed, 0 failed')
assert (log =~ /JITP delay\s+1\d{3}\.\d ms/).find()
// 2: the same devices through the aws code path (already provisioned: no JITP drop)
assert log.contains('Target: AWS (endpoints overridden: ')
assert log.count('smoke-connect: 3 device(s), 3 passed, 0 failed') == 2
// 3: the disabled device fails the build, the others still pass, the report names it
assert log.contains('smoke-connect: 3 device(s), 2 passed, 1 failed')
assert (log =~ /device-1\s+CONNECT as device-1 \(2 attempts\) refused: reason code 0x87 \(not authorized\); certificate is INACTIVE, not ACTIVE/).find()
assert log.contains('smoke-connect: 1 of 3 device(s) failed (iot.smoke.maxFailures=0)')
assert xml.@tests == '3' && xml.@failures == '1'
def failed = xml.testcase.findAll { it.failure.size() > 0 }*.@name*.toString()
assert failed == ['device-1']
assert xml.testcase.find { it.@name == 'device-0' }.properties.property.find { it.@name == 'roundTripMs' }.@value.toFloat() > 0
assert !log.contains('MojoExecutionException')
// 4: the stand-in emulator-start kept is stopped
assert !new File(basedir, 'stand-in/endpoints.json').exists()
return true
