import groovy.json.JsonSlurper
import io.jitp.core.pki.CertificateIds
import io.jitp.core.pki.Pem
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest

def log = new File(basedir, 'build.log').text
def devices = new File(basedir, 'target/iot-jitp/devices')
def manifest = new JsonSlurper().parse(new File(devices, 'manifest.json'))
def ca = Pem.readCertificate(new File(basedir, 'ca/root.ca.pem').toPath())

// Both CSRs signed, subjects kept, no key recorded (the factory never had one)
assert manifest.devices*.id == ['meter-1', 'meter-2']
manifest.devices.each { d ->
    assert d.keyFile == null && d.subject == "O=acme,CN=${d.id}"
    def chain = Pem.readCertificates(new File(devices, d.certificateFile).toPath())
    chain[0].verify(ca.publicKey)
    assert CertificateIds.of(chain[0]) == d.certificateId
    def csr = Pem.readCsr(new File(basedir, "csrs/${d.id}.csr").toPath())
    assert chain[0].publicKey.encoded == new JcaPKCS10CertificationRequest(csr).publicKey.encoded
}
assert log.contains('2 device(s) issued, 0 kept')
// The device connected with the issued certificate and its own key: JITP made its certificate ACTIVE
assert log.contains('Registered CA ')
assert log.contains('Published 27 byte(s) to ')
assert log =~ /meter-1.*ACTIVE/
assert !log.contains('PRIVATE KEY')
assert log.contains('BUILD SUCCESS')
return true
