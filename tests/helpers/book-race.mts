// Another app instance that signs in and books at an agreed instant, for the booking-race test.
import { createTenangApp } from '../../services/tenang-app';

const [vaultDir, username, startAt, input] = process.argv.slice(2);
const app = createTenangApp({ vaultDir: vaultDir! });
const unlocked = await app.dispatch('session.unlock', { username, passphrase: process.env.TENANG_PASSPHRASE });
if (!unlocked.ok) throw new Error(`sign-in failed: ${unlocked.error.code}`);
// The agreed instant is on the machine's real clock (this process's Date runs on the test clock).
await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - (performance.timeOrigin + performance.now()))));
const reply = await app.dispatch('sessions.book', JSON.parse(input!));
await app.close();
process.stdout.write(reply.ok ? (reply.value as { outcome: string }).outcome : reply.error.code);
