/**
 * Roles a signed-in user can hold. Later roles (intake, supervisor) join by adding a
 * value here and naming it in the channels they may call; nothing else changes.
 */
export const ROLES = ['admin', 'counsellor'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a channel: nobody needs to be signed in ('public'), or one of these roles. */
export type Access = 'public' | readonly Role[];

export const ANY_SIGNED_IN: readonly Role[] = ROLES;
export const ADMIN_ONLY: readonly Role[] = ['admin'];
/** Clinical work: writing and searching notes, raising risk flags. Admins are not clinicians. */
export const COUNSELLOR_ONLY: readonly Role[] = ['counsellor'];

export function roleMayCall(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  return role !== null && access.includes(role);
}
