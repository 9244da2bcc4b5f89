import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
// One build.log holds every fork; split it at each fork's first line so each run can be checked on its own.
def runs = log.split(/(?m)^(?=\[INFO\] Scanning for projects)/).findAll { it.contains('Scanning for projects') }
assert runs.size() == 4 : "expected 4 Maven runs in build.log, found ${runs.size()}"
def (first, second, revoked, strict) = runs

def iot = new File(basedir, 'target/iot-jitp')
def bundles = new File(iot, 'bundles')
def smokeXml = new File(iot, 'smoke-connect/TEST-iot-jitp.smoke-connect.xml')
def manifest = new JsonSlurper().parse(new File(iot, 'devices/manifest.json'))
assert manifest.devices*.id == ['agent-0', 'agent-1', 'agent-2']

// Run 1: the phases in order, all against the stand-in in the project's own folder
['Created CA ', 'CREATE_COMPLETE', 'Registered CA ', '3 device(s) issued, 0 kept', 'smoke-connect: 3 device(s), 3 passed, 0 failed',
 'bundle-devices: 3 device bundle(s) in ' + bundles.canonicalPath + ' (3 written, 0 unchanged, 0 deleted)'].inject(-1) { at, line ->
    int found = first.indexOf(line)
    assert found > at : "run 1: '$line' missing or out of order"
    found
}
assert first.indexOf('maven-jar-plugin') < first.indexOf('bundle-devices:') : 'the firmware jar is built before the bundles'
assert first.contains('Target: local stand-in at http://127.0.0.1:')
assert first.contains('state directory ' + new File(basedir, 'factory-state/stand-in').canonicalPath)
assert new File(basedir, 'factory-state/ca/factory.ca.pem').isFile()

// Run 2: nothing new anywhere, and the log says so
assert second.contains('Reusing the existing CA ')
assert second.contains('Stack jitp-provisioning is up to date: no changes')
assert second.contains('is already registered and up to date; nothing changed')
assert second.contains('0 device(s) issued, 3 kept')
assert second.contains('smoke-connect: 3 device(s), 3 passed, 0 failed')
assert second.contains('(nothing changed)')
assert !second.contains('Created CA ') && !second.contains('Registered CA ')

// Run 3 disabled agent-1 first: it fails smoke-connect, has no bundle, and the log says which device and why
assert revoked =~ /agent-1\s+\w+\s+INACTIVE/
assert revoked.contains('smoke-connect: 3 device(s), 2 passed, 1 failed')
assert revoked.contains('No bundle for 1 device(s) that failed smoke-connect: agent-1')
assert revoked.contains('Deleted the earlier bundle of agent-1: no longer passing')
assert revoked.contains('(0 written, 2 unchanged, 1 deleted)')
assert bundles.list().sort() == ['agent-0.zip', 'agent-2.zip']
// Run 4: no failure tolerated, so the build stops at smoke-connect, naming the report
assert strict.contains('smoke-connect: 1 of 3 device(s) failed')
assert strict.contains('BUILD FAILURE')
def xml = new XmlSlurper().parse(smokeXml)
assert xml.@tests == '3' && xml.@failures == '1'
assert xml.testcase.find { it.@name == 'agent-1' }.failure.size() == 1

// A bundle: the firmware jar, the device's chain and key, the endpoint and the roots it trusts
def devices = new File(iot, 'devices')
new ZipFile(new File(bundles, 'agent-0.zip')).withCloseable { zip ->
    assert zip.entries().collect { it.name }.sort() == ['device/certificate.pem', 'device/private.key', 'endpoint.json',
            'firmware/sample-firmware-1.0.0.jar', 'root-ca.pem']
    assert zip.getInputStream(zip.getEntry('device/private.key')).text == new File(devices, 'agent-0.key').text
    assert zip.getInputStream(zip.getEntry('device/certificate.pem')).text == new File(devices, 'agent-0.crt').text
    def endpoint = new JsonSlurper().parse(zip.getInputStream(zip.getEntry('endpoint.json')))
    // The stand-in's port changes at each start, so a local bundle says where to read it
    assert endpoint.target == 'local' && endpoint.clientId == 'agent-0' && endpoint.host == 'localhost'
    assert endpoint.portFrom.startsWith(new File(basedir, 'factory-state/stand-in/endpoints.json').canonicalPath)
    assert zip.getInputStream(zip.getEntry('firmware/sample-firmware-1.0.0.jar')).bytes ==
            new File(basedir, 'target/sample-firmware-1.0.0.jar').bytes
}
// Keys are never logged; no stand-in is left running
assert !log.contains('PRIVATE KEY')
assert log.count('Stopped the stand-in (pid ') == 4
assert !new File(basedir, 'factory-state/stand-in/endpoints.json').exists()
return true
