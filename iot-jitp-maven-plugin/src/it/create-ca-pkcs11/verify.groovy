import java.security.cert.CertificateFactory

def log = new File(basedir, 'build.log').text
def ca = new File(basedir, 'ca')
def x509 = CertificateFactory.getInstance('X.509')

// 1: the key was generated in the token: the folder holds the certificate and a reference, no key file
assert log.contains("key 'root' in the PKCS#11 slot list index 0 of /usr/lib/softhsm/libsofthsm2.so, not extractable")
assert !new File(ca, 'root.ca.key').exists()
def reference = new File(ca, 'root.ca.p11.json').text
assert reference.contains('"custody" : "pkcs11"') && reference.contains('"alias" : "root"')
// 2: the token CA is found and reused
assert log.contains('Reusing the existing CA ' + new File(ca, 'root.ca.pem').canonicalPath)
// 3: the device certificate was signed in the token by the CA's P-384 key
def caCert = x509.generateCertificate(new File(ca, 'root.ca.pem').newInputStream())
def device = x509.generateCertificates(new File(basedir, 'target/iot-jitp/devices/hsm-sensor-1.crt').newInputStream())[0]
device.verify(caCert.publicKey)
assert caCert.sigAlgName == 'SHA384withECDSA'
// 4: without a PIN source the goal fails naming the parameters
assert log.contains('iot.pkcs11.pinServerId or an environment variable named by iot.pkcs11.pinEnv')
assert !new File(basedir, 'target/iot-jitp/devices/hsm-sensor-2.crt').exists()
// The audit log: the CA and the device, with the goal that asked
def audit = new File(ca, 'root.issued.log').readLines()
assert audit.size() == 2
assert audit[0].contains('"purpose":"mvn iot:create-ca"') && audit[1].contains('"purpose":"mvn iot:provision"')
assert audit[1].contains('"subject":"CN=hsm-sensor-1"')
// The PIN is nowhere in the log or in the files the goals wrote
assert !log.contains('it-token-pin-5150')
[ca, new File(basedir, 'target')].each { dir ->
    dir.eachFileRecurse(groovy.io.FileType.FILES) { assert !it.getText('ISO-8859-1').contains('it-token-pin-5150') : it }
}
return true
