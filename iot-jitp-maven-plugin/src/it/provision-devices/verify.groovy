import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def devices = new File(basedir, 'target/iot-jitp/devices')
def manifest = new JsonSlurper().parse(new File(devices, 'manifest.json'))

// 2, 3: numbered batch, then a rerun that keeps the 20 and adds 5
assert log.contains('20 device(s) issued, 0 kept')
assert log.contains('Keeping 20 existing device(s); issuing 5')
assert log.contains('5 device(s) issued, 20 kept')
// 4: list file with per-device attributes, added to the same manifest (27 devices now)
def ids = manifest.devices*.id
assert ids.size() == 27 && ids.containsAll(['sensor-0', 'sensor-24', 'meter-1', 'meter-2'])
def meter2 = manifest.devices.find { it.id == 'meter-2' }
assert meter2.subject == 'C=FR,O=Acme\\, Inc.,CN=meter-2,SERIALNUMBER=SN-0002'
assert meter2.certificateId ==~ /[0-9a-f]{64}/
def csv = new File(devices, 'manifest.csv').readLines()
assert csv[0] == 'id,serial,certificateId,subject,notAfter,certificateFile,keyFile'
assert csv.size() == 28
// 5: CSRs signed, no key written
def csrManifest = new JsonSlurper().parse(new File(basedir, 'target/csr-out/devices/manifest.json'))
assert csrManifest.devices*.id == ['se-1', 'se-2', 'se-3']
assert csrManifest.devices.every { it.keyFile == null }
assert !new File(basedir, 'target/csr-out/devices/se-1.key').exists()
// 6: no source
assert log.contains('Name exactly one source of devices (0 given): -Diot.deviceCount=100')
// 7: the same ids with another subject are refused before anything is written
assert log.contains('Device sensor-0 already exists in') && log.contains('differs from the requested')
// 8: skipped
assert log.contains('Skipping provision-devices (iot.provision-devices.skip=true)')
assert !new File(devices, 'never-0.crt').exists()
// 9: the help goal lists every parameter with its user property
['iot.deviceCount', 'iot.devicePrefix', 'iot.deviceList', 'iot.csrDirectory', 'iot.outputDirectory', 'iot.force',
 'iot.keyAlgorithm', 'iot.validityDays', 'iot.threads', 'iot.caDirectory', 'iot.caName', 'iot.caPasswordEnv',
 'iot.caPasswordServerId', 'iot.skip', 'iot.provision-devices.skip', 'iot.device.country', 'iot.device.locality',
 'iot.device.state', 'iot.device.organization', 'iot.device.organizationalUnit', 'iot.device.serialNumber',
 'iot.device.dnQualifier'].each { property ->
    assert log.contains("User property: $property"), "help lacks $property"
}
return true
