// A full export killed between writing its temp file and renaming it into place, as a
// power cut would stop it: for the test that the next start removes the temp file.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { createTenangApp } from '../../services/tenang-app';

const [vaultDir, path] = process.argv.slice(2);
const app = createTenangApp({ vaultDir: vaultDir! });
const unlocked = await app.dispatch('session.unlock', { username: 'ayu', passphrase: process.env.TENANG_PASSPHRASE });
if (!unlocked.ok) throw new Error(`sign-in failed: ${unlocked.error.code}`);

// From here, the first flush to disk (the export's temp file, written whole) ends the process.
const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
const flush = fs.fsyncSync;
fs.fsyncSync = (fd: number) => {
  flush(fd);
  process.kill(process.pid, 'SIGKILL');
};
syncBuiltinESMExports();
await app.exportVault({ path: path!, force: false, passphrase: null, reason: 'Test of an export cut short' });
throw new Error('the export was not cut short');
