// A counsellor typing a note in another app instance, saved as the editor saves it (a few
// words at a time), until it is killed; for the draft-recovery test. After each save it
// prints the number of characters the vault acknowledged.
import { createTenangApp } from '../../services/tenang-app';

const [vaultDir, username, noteId] = process.argv.slice(2);
const app = createTenangApp({ vaultDir: vaultDir! });
const unlocked = await app.dispatch('session.unlock', { username, passphrase: process.env.TENANG_PASSPHRASE });
if (!unlocked.ok) throw new Error(`sign-in failed: ${unlocked.error.code}`);
let text = '';
for (let word = 0; ; word += 1) {
  text += `kata${word} `;
  const saved = await app.dispatch('notes.save', { id: Number(noteId), content: { text } });
  if (!saved.ok) throw new Error(`save failed: ${saved.error.code}`);
  process.stdout.write(`${text.length}\n`);
}
