import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schema version 2: each user's key-slot public key, recorded inside the encrypted
 * database. The keyring file is not authenticated, so anyone able to write it could add
 * a slot of their own; rekey and recovery wrap the data key only to the public keys
 * recorded here, and every sign-in drops slots the database does not vouch for.
 * Users of an older vault have no key recorded, so none of their slots is trusted: an
 * admin signs in once with the recovery key (which records their new key) and resets the
 * others' passphrases.
 */
export class SlotPublicKeys1764300000002 implements MigrationInterface {
  name = 'SlotPublicKeys1764300000002';
  readonly schemaVersion = 2;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_account ADD COLUMN slot_public_key VARCHAR NULL`);
    await q.query(`PRAGMA user_version = ${this.schemaVersion}`);
  }

  async down(): Promise<void> {
    throw new Error('Tenang never migrates a vault downwards; restore a backup instead.');
  }
}
