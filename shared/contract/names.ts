/**
 * The names of every channel and event, with no schemas attached. The sandboxed
 * preload and the test bridge need only these allowlists; importing them from here
 * keeps zod and the passphrase dictionary out of the preload bundle. `channels.ts`
 * declares its table with `satisfies Record<ChannelName, …>`, so the compiler refuses a
 * name here without a declaration there, and a declaration there without a name here.
 */
export const CHANNEL_NAMES = [
  'app.status',
  'vault.setup',
  'session.unlock',
  'session.recover',
  'session.lock',
  'session.activity',
  'clipboard.clearRecoveryKey',
  'account.changePassphrase',
  'settings.get',
  'settings.update',
  'users.list',
  'users.create',
  'users.disable',
  'users.resetPassphrase',
  'audit.list',
  'audit.verify',
  'vault.verify',
  'vault.rekey',
  'data.export',
  'drafts.get',
  'drafts.save',
  'drafts.discard',
  'agencies.list',
  'agencies.create',
  'agencies.update',
  'contracts.list',
  'contracts.create',
  'contracts.update',
  'clients.search',
  'clients.get',
  'clients.update',
  'clients.findDuplicates',
  'referrals.create',
  'referrals.list',
  'referrals.get',
  'referrals.move',
  'referrals.assign',
  'referrals.waitlist',
  'referrals.import',
  'cases.list',
  'cases.close',
  'cases.compliance',
  'cases.recordCompliance',
  'letters.referralPreview',
  'letters.referralSave',
  'rooms.list',
  'rooms.create',
  'rooms.update',
  'availability.get',
  'availability.setHours',
  'leave.add',
  'leave.remove',
  'holidays.list',
  'holidays.add',
  'holidays.remove',
  'sessions.list',
  'sessions.get',
  'sessions.book',
  'sessions.reschedule',
  'sessions.setStatus',
  'sessions.setAttendance',
  'calendar.exportIcs',
  'notes.create',
  'notes.save',
  'notes.sign',
  'notes.get',
  'notes.list',
  'notes.addAddendum',
  'notes.search',
  'home.get',
  'risks.list',
  'risks.raise',
  'risks.clear',
  'attachments.list',
  'attachments.add',
  'attachments.get',
  'attachments.openCopy',
  'measures.instruments',
  'measures.catalogue',
  'measures.setEnabled',
  'measures.addInstrument',
  'measures.record',
  'measures.list',
  'measures.caseOutcome',
  'measures.alerts',
  'measures.followUpAlert',
  'measures.plan',
  'measures.setPlan',
  'measures.defaultPlan',
  'measures.setDefaultPlan',
  'measures.due',
  'measures.startClientMode',
  'measures.endClientMode',
  'reports.options',
  'reports.preview',
  'reports.export',
  'reports.register',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** `drafts.flush`: the app is about to lock or its window to close; the renderer saves what is being typed now. */
/** `reports.progress`: a report being built has begun its next stage (issue 13). */
export const EVENT_NAMES = ['session.locked', 'drafts.flush', 'reports.progress'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** The name under which the preload (and the test bridge) expose the API on `window`. */
export const BRIDGE_GLOBAL = 'tenang' as const;

/** The object the preload exposes. Only contract channels and events pass through it. */
export interface TenangBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

const channelSet: ReadonlySet<string> = new Set(CHANNEL_NAMES);
export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && channelSet.has(name);
}
