import en from '../../shared/i18n/en.json' with { type: 'json' };
import id from '../../shared/i18n/id.json' with { type: 'json' };
import { REPORT_SCHEMA, type ReportDocument, type ReportTable } from '../../shared/reports/report-document';

/**
 * A hand-built agency report (as the report builder would publish it), in English or
 * Indonesian, with hidden cells, totals and metric parts: the input of the report-file
 * tests and of the PDF screenshots. `HIDDEN_TRUTHS` are counts the builder hid (or that
 * could be worked out from a hidden pair); no visible number in the document equals one,
 * so none may appear anywhere in a file.
 */
export const HIDDEN_TRUTHS = [14, 17, 27, 147] as const;

type Lang = ReportDocument['language'];

const TEXT = {
  en: {
    clinic: 'Klinik Konseling Harapan',
    agency: 'Dinas Pemadam Kebakaran Kota Semarang',
    titles: {
      referrals_by_type: 'New referrals by type',
      referrals_by_urgency: 'New referrals by urgency',
      presenting_issues: 'Presenting issues named in referrals',
      sessions_by_type_and_modality: 'Sessions delivered by type and modality',
      session_attendance: 'Attendance of client sessions',
      first_appointment_by_urgency: 'Time to first appointment against the contract target',
      workshops_by_topic: 'Workshops by topic',
      workshop_attendance_by_topic: 'Workshop attendance by topic',
    },
    cols: { referrals: 'Referrals', sessions: 'Sessions', met: 'Target met', missed: 'Target missed', workshops: 'Workshops', attendees: 'Attendees' },
    metrics: {
      covered_headcount: 'Covered headcount',
      utilisation_rate: 'Utilisation rate',
      new_referrals: 'New referrals',
      sessions_delivered: 'Sessions delivered',
      attendance_rate: 'Attendance rate',
      no_show_rate: 'No-show rate',
      mean_sessions_per_closed_case: 'Average sessions per closed case',
      ttfa_met_rate_emergency: 'First appointment within target: emergency',
      ttfa_met_rate_urgent: 'First appointment within target: urgent',
      ttfa_met_rate_routine: 'First appointment within target: routine',
      workshops_delivered: 'Workshops delivered',
      workshop_attendance: 'Workshop attendance',
      recovery_rate: 'Recovery rate',
      reliable_improvement_rate: 'Reliable improvement rate',
      reliable_recovery_rate: 'Reliable recovery rate',
      reliable_deterioration_rate: 'Reliable deterioration rate',
      who5_mean_change: 'Mean change in WHO-5 (0–100)',
    },
    definitions: {
      utilisation_rate: 'Unique clients with at least one attended session in the period, divided by the covered headcount of the contract(s) in force.',
      recovery_rate: 'Of the closed cases that started at caseness (PHQ-9 ≥ 10 or GAD-7 ≥ 8), those that ended below caseness on both.',
      reliable_improvement_rate: 'Of the closed cases with a start and an end score, those whose PHQ-9 fell by 6 or more or whose GAD-7 fell by 5 or more, and neither rose by as much.',
      who5_mean_change: 'The mean of each closed case’s last WHO-5 score minus its first, on the 0–100 scale; higher is better.',
      first_appointment_by_urgency: 'A referral meets the target when its first attended session falls within the contract’s days for its urgency.',
    },
    insight: [
      {
        stressor: 'Conflict with the public or service users',
        share: 0.1875,
        sectorShare: 0.089,
        actions: ['Conflict-resolution training for public-facing staff', 'Peer support groups'],
        rule: 'Conflict with the public is 2.1× the sector’s share (18.8% against 8.9%).',
      },
      { stressor: 'Workload and work stress', share: 0.375, sectorShare: 0.31, actions: [], rule: null },
      { stressor: 'Interpersonal conflict at work', share: null, sectorShare: 0.12, actions: [], rule: null },
      {
        stressor: 'Critical incidents or exposure to trauma',
        share: 0.2917,
        sectorShare: 0.104,
        actions: ['Critical-incident protocols', 'Leader training to recognise early signs'],
        rule: 'Critical incidents are 2.8× the sector’s share (29.2% against 10.4%).',
      },
    ],
  },
  id: {
    clinic: 'Klinik Konseling Harapan',
    agency: 'Dinas Pemadam Kebakaran Kota Semarang',
    titles: {
      referrals_by_type: 'Rujukan baru menurut jenis',
      referrals_by_urgency: 'Rujukan baru menurut urgensi',
      presenting_issues: 'Masalah yang disebut dalam rujukan',
      sessions_by_type_and_modality: 'Sesi yang diberikan menurut jenis dan cara',
      session_attendance: 'Kehadiran sesi klien',
      first_appointment_by_urgency: 'Waktu sampai janji temu pertama dibandingkan target kontrak',
      workshops_by_topic: 'Lokakarya menurut topik',
      workshop_attendance_by_topic: 'Peserta lokakarya menurut topik',
    },
    cols: { referrals: 'Rujukan', sessions: 'Sesi', met: 'Target tercapai', missed: 'Target terlewat', workshops: 'Lokakarya', attendees: 'Peserta' },
    metrics: {
      covered_headcount: 'Jumlah pegawai yang dicakup',
      utilisation_rate: 'Tingkat pemanfaatan',
      new_referrals: 'Rujukan baru',
      sessions_delivered: 'Sesi yang diberikan',
      attendance_rate: 'Tingkat kehadiran',
      no_show_rate: 'Tingkat tidak hadir',
      mean_sessions_per_closed_case: 'Rata-rata sesi per kasus yang ditutup',
      ttfa_met_rate_emergency: 'Janji temu pertama sesuai target: darurat',
      ttfa_met_rate_urgent: 'Janji temu pertama sesuai target: mendesak',
      ttfa_met_rate_routine: 'Janji temu pertama sesuai target: rutin',
      workshops_delivered: 'Lokakarya yang diadakan',
      workshop_attendance: 'Peserta lokakarya',
      recovery_rate: 'Tingkat pemulihan',
      reliable_improvement_rate: 'Tingkat perbaikan yang andal',
      reliable_recovery_rate: 'Tingkat pemulihan yang andal',
      reliable_deterioration_rate: 'Tingkat perburukan yang andal',
      who5_mean_change: 'Rata-rata perubahan WHO-5 (0–100)',
    },
    definitions: {
      utilisation_rate: 'Jumlah klien unik dengan sedikitnya satu sesi yang dihadiri dalam periode, dibagi jumlah pegawai yang dicakup kontrak yang berlaku.',
      recovery_rate: 'Dari kasus yang ditutup dan dimulai pada tingkat klinis (PHQ-9 ≥ 10 atau GAD-7 ≥ 8), yang berakhir di bawah tingkat klinis pada keduanya.',
      reliable_improvement_rate: 'Dari kasus yang ditutup dengan skor awal dan akhir, yang PHQ-9-nya turun 6 atau lebih atau GAD-7-nya turun 5 atau lebih, dan tidak ada yang naik sebanyak itu.',
      who5_mean_change: 'Rata-rata skor WHO-5 terakhir dikurangi skor pertama tiap kasus yang ditutup, pada skala 0–100; makin tinggi makin baik.',
      first_appointment_by_urgency: 'Rujukan memenuhi target bila sesi pertama yang dihadiri jatuh dalam jumlah hari kontrak untuk urgensinya.',
    },
    insight: [
      {
        stressor: 'Konflik dengan masyarakat atau pengguna layanan',
        share: 0.1875,
        sectorShare: 0.089,
        actions: ['Pelatihan penyelesaian konflik bagi staf yang melayani publik', 'Kelompok dukungan sebaya'],
        rule: 'Konflik dengan masyarakat 2,1× porsi sektornya (18,8% dibanding 8,9%).',
      },
      { stressor: 'Beban kerja dan stres kerja', share: 0.375, sectorShare: 0.31, actions: [], rule: null },
      { stressor: 'Konflik antarpribadi di tempat kerja', share: null, sectorShare: 0.12, actions: [], rule: null },
      {
        stressor: 'Insiden kritis atau paparan trauma',
        share: 0.2917,
        sectorShare: 0.104,
        actions: ['Protokol insiden kritis', 'Pelatihan pimpinan untuk mengenali tanda-tanda awal'],
        rule: 'Insiden kritis 2,8× porsi sektornya (29,2% dibanding 10,4%).',
      },
    ],
  },
} as const;

const vocab = (lang: Lang) => (lang === 'id' ? id : en).vocab;
const calendarVocab = (lang: Lang) => (lang === 'id' ? id : en).calendar.vocab;

function table(id: string, title: string, rowLabels: string[], colLabels: string[], cells: (number | null)[][], rowTotals: (number | null)[], colTotals: (number | null)[], total: number | null): ReportTable {
  return { id, title, rowLabels, colLabels, cells, rowTotals, colTotals, total };
}

/** One-column table: its row totals are its cells. */
function column(id: string, title: string, rowLabels: string[], colLabel: string, values: (number | null)[], total: number | null): ReportTable {
  return table(id, title, rowLabels, [colLabel], values.map((v) => [v]), values, [total], total);
}

export function sampleReportDocument(lang: Lang = 'en'): ReportDocument {
  const t = TEXT[lang];
  const v = vocab(lang);
  const cv = calendarVocab(lang);
  const issues = v.presentingIssue;
  const metric = (mid: keyof typeof t.metrics, value: number | null, numerator: number | null, denominator: number | null) => ({ id: mid, label: t.metrics[mid], value, numerator, denominator });
  return {
    schema: REPORT_SCHEMA,
    clinic: t.clinic,
    language: lang,
    minCellSize: 5,
    period: { from: '2026-07', to: '2026-09' },
    scope: { kind: 'agency', name: t.agency },
    generatedAt: '2026-10',
    definitions: { ...t.definitions },
    tables: [
      // Hidden: informal 3, critical incident 14 (17 between them).
      column('referrals_by_type', t.titles.referrals_by_type, [v.referralType.self, v.referralType.informal, v.referralType.formal_management, v.referralType.critical_incident], t.cols.referrals, [23, null, 8, null], 48),
      column('referrals_by_urgency', t.titles.referrals_by_urgency, [v.urgency.emergency, v.urgency.urgent, v.urgency.routine], t.cols.referrals, [null, null, 39], 48),
      column(
        'presenting_issues',
        t.titles.presenting_issues,
        ['workload_stress', 'burnout', 'conflict_with_public', 'interpersonal_conflict', 'leadership_management', 'organisational_change', 'critical_incident_trauma', 'anxiety', 'depression_low_mood', 'family_relationships', 'financial', 'other'].map((k) => issues[k as keyof typeof issues]),
        t.cols.referrals,
        [18, 11, 9, null, 6, null, 13, 10, 7, null, 0, 0],
        null,
      ),
      table(
        'sessions_by_type_and_modality',
        t.titles.sessions_by_type_and_modality,
        ['intake_assessment', 'counselling', 'follow_up', 'group_workshop', 'manager_consultation', 'critical_incident_debrief'].map((k) => cv.sessionType[k as keyof typeof cv.sessionType]),
        [cv.modality.in_person, cv.modality.phone, cv.modality.video],
        [
          [21, null, null],
          [64, 15, 9],
          [12, 6, null],
          [7, 0, 0],
          [null, null, 0],
          [6, 0, 0],
        ],
        [26, 88, null, 7, 5, 6],
        [112, null, null],
        154,
      ),
      // Hidden: late cancellations 4, and so the total 147.
      column('session_attendance', t.titles.session_attendance, [cv.status.attended, cv.status.did_not_attend, cv.status.late_cancellation], t.cols.sessions, [131, 12, null], null),
      table(
        'first_appointment_by_urgency',
        t.titles.first_appointment_by_urgency,
        [v.urgency.emergency, v.urgency.urgent, v.urgency.routine],
        [t.cols.met, t.cols.missed],
        [
          [null, 0],
          [6, null],
          [30, 7],
        ],
        [null, null, 37],
        [null, null],
        null,
      ),
      column('workshops_by_topic', t.titles.workshops_by_topic, ['stress_management', 'resilience', 'conflict_resolution', 'leader_manager_training', 'critical_incident_debrief', 'other'].map((k) => cv.topic[k as keyof typeof cv.topic]), t.cols.workshops, [null, null, 0, null, 0, 0], 5),
      column('workshop_attendance_by_topic', t.titles.workshop_attendance_by_topic, ['stress_management', 'resilience', 'conflict_resolution', 'leader_manager_training', 'critical_incident_debrief', 'other'].map((k) => cv.topic[k as keyof typeof cv.topic]), t.cols.attendees, [48, 22, 0, 9, 0, 0], 79),
    ],
    metrics: [
      metric('covered_headcount', 1200, 1200, null),
      metric('utilisation_rate', 62 / 1200, 62, 1200),
      metric('new_referrals', 48, 48, null),
      metric('sessions_delivered', 154, 154, null),
      metric('attendance_rate', null, 131, null),
      metric('no_show_rate', null, 12, null),
      metric('mean_sessions_per_closed_case', 124 / 23, 124, 23),
      metric('ttfa_met_rate_emergency', null, null, null),
      metric('ttfa_met_rate_urgent', null, 6, null),
      metric('ttfa_met_rate_routine', 30 / 37, 30, 37),
      metric('workshops_delivered', 5, 5, null),
      metric('workshop_attendance', 79, 79, null),
      metric('recovery_rate', 9 / 16, 9, 16),
      metric('reliable_improvement_rate', 12 / 21, 12, 21),
      metric('reliable_recovery_rate', 8 / 16, 8, 16),
      metric('reliable_deterioration_rate', null, null, 21),
      metric('who5_mean_change', 6.3, null, 21),
    ],
    insight: t.insight.map((row) => ({ ...row, actions: [...row.actions] })),
    signature: null,
  };
}
