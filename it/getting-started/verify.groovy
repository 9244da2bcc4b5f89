def log = new File(basedir, 'build.log').text
def devices = new File(basedir, 'target/iot-jitp/devices')

// The seed's files: a key and a certificate chain per device, the CA's pair
['producer', 'subscriber'].each { id ->
    assert new File(devices, "${id}.key").isFile() && new File(devices, "${id}.crt").isFile()
}
assert new File(basedir, 'ca/root.ca.pem').isFile() && new File(basedir, 'ca/root.ca.key').isFile()
assert log.contains('Registered CA ')
// Both devices were provisioned by JITP on their first connection, and the subscriber got "hello world"
assert log.contains('Published 11 byte(s) to producer')
assert log.contains('producer: hello world')
assert log.contains('Received 1 message(s)')
// One stand-in for the parallel build: started by the aggregator, reused by both devices, stopped at the end
def parallel = log.substring(log.lastIndexOf('Scanning for projects'))
assert parallel.count('Starting the stand-in (pid') == 1
assert parallel.count('Reusing the stand-in running for') >= 2
assert parallel.contains('Stopped the stand-in (pid ')
assert !new File(basedir, 'stand-in/endpoints.json').exists()
return true
