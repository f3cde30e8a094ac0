// A second process that tries wrong passphrases against a vault, for the keyring-lock test.
import { createTenangApp } from '../../services/tenang-app';

const [vaultDir, username, count] = process.argv.slice(2);
const app = createTenangApp({ vaultDir: vaultDir! });
const codes: string[] = [];
process.stdout.write('started\n');
for (let i = 0; i < Number(count); i++) {
  const reply = await app.dispatch('session.unlock', { username, passphrase: `a wrong passphrase, try ${i}` });
  codes.push(reply.ok ? 'OK' : reply.error.code);
}
await app.close();
process.stdout.write(JSON.stringify(codes));
