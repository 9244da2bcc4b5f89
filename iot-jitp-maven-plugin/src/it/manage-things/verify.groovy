import java.nio.file.Files

def log = new File(basedir, 'build.log').text
def devices = new File(basedir, 'target/iot-jitp/devices')

assert log.contains('Target: local stand-in')
assert log.contains('Created thing it-thing')
assert log.contains('Created policy it-thing-Policy')
assert (log =~ /it-thing\s+[0-9a-f]{64}\s+INACTIVE/).find()
assert (log =~ /it-thing\s+[0-9a-f]{64}\s+ACTIVE/).find()
assert log.contains('Published 13 byte(s) to it-thing (QoS 1)')
assert log.contains('Subscribed to # as it-thing')
assert log.contains('Received 0 message(s)')
assert log.contains('Deleted thing it-thing and 1 certificate(s)')
assert log.contains('Thing it-thing does not exist; list the things with mvn iot:thing-certificates')
assert log.contains('Skipping create-thing (iot.create-thing.skip=true)')
assert !log.contains('MojoExecutionException')

def key = new File(devices, 'it-thing.private.key').toPath()
assert Files.getPosixFilePermissions(key).collect { it.toString() }.sort() == ['OWNER_READ', 'OWNER_WRITE']
assert new File(devices, 'it-thing.cert.pem').text.contains('BEGIN CERTIFICATE')
assert new File(devices, 'it-thing.public.key').text.contains('PUBLIC KEY')
// The stand-in the goals started was stopped at the end of each session.
assert !new File(basedir, 'target/standin/endpoints.json').exists()
return true
