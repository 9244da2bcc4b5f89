// Devices with secure elements: each makes its key and CSR; only the CSR reaches the factory. The key is put where
// the device's own firmware would read it (next to the certificate the factory will issue), so the IT can connect
// as the device afterwards.
import io.jitp.core.pki.KeyAlgorithm
import io.jitp.core.pki.Pem
import io.jitp.core.pki.SecureFiles
import org.bouncycastle.asn1.x500.X500Name
import org.bouncycastle.jce.provider.BouncyCastleProvider
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder

def csrs = new File(basedir, 'csrs')
csrs.mkdirs()
def deviceSide = new File(basedir, 'target/iot-jitp/devices')
deviceSide.mkdirs()
['meter-1', 'meter-2'].each { id ->
    def keys = KeyAlgorithm.EC_P256.generate()
    def csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("O=acme,CN=$id"), keys.public)
            .build(new JcaContentSignerBuilder('SHA256withECDSA').setProvider(new BouncyCastleProvider()).build(keys.private))
    new File(csrs, "${id}.csr").text = Pem.encode(csr)
    SecureFiles.writeSecret(new File(deviceSide, "${id}.key").toPath(), Pem.encode(keys.private))
}
return true
