// Unusable CAs, each in its own folder, made fresh for every run (no private key is committed).
import io.jitp.core.pki.CertificateAuthority
import io.jitp.core.pki.KeyAlgorithm
import io.jitp.core.pki.Pem
import io.jitp.core.pki.SubjectProfile
import org.bouncycastle.asn1.x500.X500Name
import org.bouncycastle.asn1.x509.BasicConstraints
import org.bouncycastle.asn1.x509.Extension
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder

import java.time.Duration
import java.time.Instant

def broken = new File(basedir, 'broken')
def write = { String name, String pem, String key ->
    def dir = name == 'valid' ? new File(basedir, name) : new File(broken, name)
    dir.mkdirs()
    if (pem != null) new File(dir, 'root.ca.pem').text = pem
    if (key != null) new File(dir, 'root.ca.key').text = key
}
def selfSigned = { keys, Instant from, Instant to, boolean ca ->
    def name = new X500Name('CN=root')
    def builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(from.toEpochMilli()), Date.from(from),
            Date.from(to), name, keys.public)
    if (ca) builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
    def signer = new JcaContentSignerBuilder('SHA256withECDSA')
            .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).build(keys.private)
    Pem.encode(new JcaX509CertificateConverter().getCertificate(builder.build(signer)))
}

def good = CertificateAuthority.create(SubjectProfile.ofCommonName('root'), KeyAlgorithm.EC_P256, 10)
def other = CertificateAuthority.create(SubjectProfile.ofCommonName('root'), KeyAlgorithm.EC_P256, 10)
def keys = KeyAlgorithm.EC_P256.generate()
def now = Instant.now()

new File(broken, 'missing').mkdirs()
write('mismatch', good.certificatePem(), Pem.encode(other.privateKey()))
write('corrupt', "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n", Pem.encode(good.privateKey()))
write('notca', selfSigned(keys, now, now.plus(Duration.ofDays(10)), false), Pem.encode(keys.private))
write('expired', selfSigned(keys, now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(1)), true), Pem.encode(keys.private))
write('encrypted', good.certificatePem(), Pem.encodeEncrypted(good.privateKey(), 'secret'.toCharArray()))
write('valid', good.certificatePem(), Pem.encode(good.privateKey()))
new File(basedir, 'lists').mkdirs()
new File(basedir, 'out').text = 'a regular file where the output folder goes'
return true
