// Runs only where SoftHSM2 is installed (CI installs it via .ci/run); elsewhere the IT is reported as skipped.
def library = new File('/usr/lib/softhsm/libsofthsm2.so')
def util = System.getenv('PATH').split(':').any { new File(it, 'softhsm2-util').canExecute() }
if (!library.isFile() || !util) {
    println 'SoftHSM2 is not installed (apt-get install softhsm2): create-ca-pkcs11 skipped'
    return false
}
return true
