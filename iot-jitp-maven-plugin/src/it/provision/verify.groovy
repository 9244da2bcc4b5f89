import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions
import java.security.cert.CertificateFactory

def log = new File(basedir, 'build.log').text
def devices = new File(basedir, 'target/iot-jitp/devices')

// 2: like bin/provision NAME: <id>.key (0600) and <id>.crt = device certificate + CA certificate
def crt = new File(devices, 'sensor-1.crt')
def chain = CertificateFactory.getInstance('X.509').generateCertificates(crt.newInputStream()).toList()
def caCert = CertificateFactory.getInstance('X.509').generateCertificate(new File(basedir, 'ca/root.ca.pem').newInputStream())
assert chain.size() == 2 && chain[1] == caCert
chain[0].verify(caCert.publicKey)
assert chain[0].subjectX500Principal.toString() == 'SERIALNUMBER=SN-1, CN=sensor-1, O=12345, C=ES'
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(new File(devices, 'sensor-1.key').toPath())) == 'rw-------'
assert new File(devices, 'manifest.json').text.contains('"id" : "sensor-1"')
// 3: no POM: files under <working directory>/target/iot-jitp
assert new File(basedir, 'nopom/target/iot-jitp/devices/nopom-1.crt').isFile()
// 4, 5: user mistakes name the parameter and the fix
assert log.contains('No device named: run mvn iot:provision -Diot.device=sensor-1')
assert log.contains("device id 'bad/name' is not a valid thing name")
// 6: skipped
assert log.contains('Skipping provision (iot.provision.skip=true)')
assert !new File(devices, 'sensor-2.crt').exists()
// 7: rerun keeps the device (same certificate)
assert log.contains('0 device(s) issued, 1 kept')
// 8: the same id with another subject is refused, naming the fix
assert log.contains('Device sensor-1 already exists in ' + crt.canonicalPath + ' but its subject')
assert log.contains('-Diot.force=true')
return true
