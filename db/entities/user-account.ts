import { EntitySchema } from 'typeorm';
import type { Role } from '../../shared/roles';

export interface UserAccount {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  createdAt: string;
  disabledAt: string | null;
  /** The public key of the user's one legitimate key slot (migration 2); null when they have none. */
  slotPublicKey: string | null;
}

export const UserAccountEntity = new EntitySchema<UserAccount>({
  name: 'UserAccount',
  tableName: 'user_account',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    username: { type: 'varchar', unique: true },
    displayName: { type: 'varchar', name: 'display_name' },
    role: { type: 'varchar' },
    active: { type: 'boolean', default: true },
    createdAt: { type: 'varchar', name: 'created_at' },
    disabledAt: { type: 'varchar', name: 'disabled_at', nullable: true },
    slotPublicKey: { type: 'varchar', name: 'slot_public_key', nullable: true },
  },
});
