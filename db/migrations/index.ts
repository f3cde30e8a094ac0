import { InitialSchema1764300000001 } from './0001-initial-schema';
import { SlotPublicKeys1764300000002 } from './0002-slot-public-keys';
import { AgenciesAndContracts1764300000003 } from './0003-agencies-and-contracts';
import { ClientsReferralsCases1764300000004 } from './0004-clients-referrals-cases';
import { RoomsAndAvailability1764300000005 } from './0005-rooms-and-availability';
import { Sessions1764300000006 } from './0006-sessions';
import { CaseNotes1764300000007 } from './0007-case-notes';
import { NoteSearchAndAttachments1764300000008 } from './0008-note-search-and-attachments';
import { Accountability1764300000009 } from './0009-accountability';
import { NoteReadingRule1764300000010 } from './0010-note-reading-rule';
import { OutcomeMeasures1764300000011 } from './0011-outcome-measures';
import { ReportsAndLetters1764300000012 } from './0012-reports-and-letters';

/** Every migration in order; the last one's schemaVersion is the app's schema version. */
export const MIGRATIONS = [InitialSchema1764300000001, SlotPublicKeys1764300000002, AgenciesAndContracts1764300000003, ClientsReferralsCases1764300000004, RoomsAndAvailability1764300000005, Sessions1764300000006, CaseNotes1764300000007, NoteSearchAndAttachments1764300000008, Accountability1764300000009, NoteReadingRule1764300000010, OutcomeMeasures1764300000011, ReportsAndLetters1764300000012];
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
