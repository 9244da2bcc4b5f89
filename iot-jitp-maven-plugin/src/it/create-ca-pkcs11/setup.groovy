// A fresh SoftHSM2 token inside this IT folder; the goals find it through SOFTHSM2_CONF (invoker.properties).
def tokens = new File(basedir, 'tokens')
tokens.deleteDir()
tokens.mkdirs()
def conf = new File(basedir, 'softhsm2.conf')
conf.text = "directories.tokendir = ${tokens.absolutePath}\nobjectstore.backend = file\nlog.level = ERROR\n"
// Throw-away test PINs; the user PIN reaches the goals only through settings.xml (server iot-token-it).
def init = new ProcessBuilder('softhsm2-util', '--init-token', '--free', '--label', 'iot-jitp-it',
        '--so-pin', 'it-so-pin-0000', '--pin', 'it-token-pin-5150').redirectErrorStream(true)
init.environment().put('SOFTHSM2_CONF', conf.absolutePath)
def process = init.start()
def output = process.inputStream.text
assert process.waitFor() == 0 : output
return true
