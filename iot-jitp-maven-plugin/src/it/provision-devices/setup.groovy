// CSRs as a secure element would make them: the key never leaves "the device" (here, this script).
import io.jitp.core.pki.KeyAlgorithm
import io.jitp.core.pki.Pem
import org.bouncycastle.asn1.x500.X500Name
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder

def csrs = new File(basedir, 'csrs')
csrs.mkdirs()
['se-1', 'se-2', 'se-3'].each { id ->
    def keys = KeyAlgorithm.EC_P256.generate()
    def csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("O=acme,CN=$id"), keys.public)
            .build(new JcaContentSignerBuilder('SHA256withECDSA').setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).build(keys.private))
    new File(csrs, "${id}.csr").text = Pem.encode(csr)
}
return true
