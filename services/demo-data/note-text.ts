import type { NoteContent, NoteTemplate, RiskKind, RiskLevel } from '../../shared/domain/notes';
import { TEMPLATE_SECTIONS } from '../../shared/domain/notes';
import type { ClosureReason, PresentingIssue } from '../../shared/domain/referrals';
import type { Modality } from '../../shared/domain/sessions';
import type { DemoNoteKind } from './plan';
import { bundledInstrument } from '../../shared/measures/library';
import { Random } from './random';

const PHQ9 = bundledInstrument('phq9')!;

/**
 * The words of the demo's case notes: synthetic clinical prose in English and Bahasa
 * Indonesia, each section one to three sentences drawn from phrase banks and filled in
 * with the case's presenting issue, symptoms, techniques and homework. Common words
 * ("client", "sleep", "klien", "tidur") are in many notes, others (an issue's own words,
 * "pinjol", "gambling") in few, and a handful ("tinnitus", "gamelan") in very few, so a
 * search returns results of every size. No names: the client is "client" or "klien".
 */
export type NoteLanguage = 'en' | 'id';

export interface NoteTextContext {
  kind: DemoNoteKind;
  template: NoteTemplate;
  language: NoteLanguage;
  issue: PresentingIssue;
  sessionNumber: number;
  modality: Modality | null;
  closure: ClosureReason | null;
  flag: { kind: RiskKind; level: RiskLevel; reviewDate: string } | null;
  /** The PHQ-9 item 9 answer a risk note or an alert's follow-up responds to (1–3); null otherwise. */
  item9Answer: number | null;
  /** A draft has its first sections typed, the others still empty. */
  typedSections: number;
}

type Bank = Readonly<Record<NoteLanguage, readonly string[]>>;

/** What each presenting issue is about (`problem`) and what the work aims at (`goal`). */
const ISSUE_WORDS: Readonly<Record<PresentingIssue, { problem: Bank; goal: Bank }>> = {
  workload_stress: {
    problem: {
      en: ['a workload that has grown since the restructure', 'long hours and weekend work to meet deadlines', 'pressure from back-to-back deadlines'],
      id: ['beban kerja yang bertambah sejak restrukturisasi', 'jam kerja panjang dan lembur di akhir pekan demi mengejar tenggat', 'tekanan tenggat yang datang bertubi-tubi'],
    },
    goal: { en: ['set limits on overtime', 'plan the week in manageable blocks'], id: ['membatasi lembur', 'menyusun rencana mingguan yang lebih realistis'] },
  },
  burnout: {
    problem: {
      en: ['exhaustion and a sense of detachment from the job', 'feeling drained and cynical about work', 'running on empty after months of extra duties'],
      id: ['kelelahan dan rasa jenuh terhadap pekerjaan', 'merasa terkuras dan sinis terhadap pekerjaan', 'kehabisan tenaga setelah berbulan-bulan memegang tugas tambahan'],
    },
    goal: { en: ['build recovery time into the week', 'reconnect with the parts of the job that still matter'], id: ['menyisihkan waktu pemulihan setiap minggu', 'menemukan kembali makna dalam pekerjaan'] },
  },
  conflict_with_public: {
    problem: {
      en: ['abusive calls from members of the public', 'a confrontation with a customer at the service counter', 'repeated complaints from the public'],
      id: ['telepon bernada kasar dari masyarakat', 'konfrontasi dengan pelanggan di loket layanan', 'keluhan berulang dari masyarakat'],
    },
    goal: { en: ['respond to hostile customers without carrying it home', 'use a de-escalation script at the counter'], id: ['menghadapi pelanggan yang marah tanpa terbawa pulang', 'memakai langkah de-eskalasi di loket'] },
  },
  interpersonal_conflict: {
    problem: {
      en: ['ongoing tension with a colleague in the team', 'a falling-out with a co-worker over shared tasks', 'feeling excluded by the team'],
      id: ['ketegangan berkepanjangan dengan rekan satu tim', 'perselisihan dengan rekan kerja soal pembagian tugas', 'merasa dikucilkan oleh tim'],
    },
    goal: { en: ['raise concerns with the colleague calmly', 'agree a clearer division of tasks'], id: ['menyampaikan keberatan kepada rekan dengan tenang', 'menyepakati pembagian tugas yang lebih jelas'] },
  },
  leadership_management: {
    problem: {
      en: ['difficulty managing an underperforming team member', 'the demands of a new supervisory role', "tension between targets from above and the team's morale"],
      id: ['kesulitan mengelola anggota tim yang kinerjanya menurun', 'tuntutan peran baru sebagai atasan', 'tarik-menarik antara target atasan dan semangat tim'],
    },
    goal: { en: ['hold a difficult conversation with a team member', 'delegate more of the routine work'], id: ['melakukan percakapan sulit dengan anggota tim', 'mendelegasikan lebih banyak pekerjaan rutin'] },
  },
  organisational_change: {
    problem: {
      en: ['uncertainty about the restructure and possible redundancy', 'a merger of departments and a new reporting line', 'the move to a new office and shift pattern'],
      id: ['ketidakpastian akibat restrukturisasi dan kemungkinan PHK', 'penggabungan divisi dan atasan baru', 'pindah kantor dan perubahan pola sif'],
    },
    goal: { en: ['focus on what is within their control', 'prepare questions for the change briefing'], id: ['berfokus pada hal yang bisa dikendalikan', 'menyiapkan pertanyaan untuk sosialisasi perubahan'] },
  },
  critical_incident_trauma: {
    problem: {
      en: ['intrusive memories of the workplace accident', 'flashbacks after the robbery at the branch', 'distress since witnessing a serious injury on site'],
      id: ['ingatan yang terus muncul tentang kecelakaan kerja', 'kilas balik setelah perampokan di kantor cabang', 'tertekan sejak menyaksikan rekan terluka parah di lokasi kerja'],
    },
    goal: { en: ['reduce avoidance of the site', 'sleep through the night more often'], id: ['mengurangi penghindaran terhadap lokasi kejadian', 'lebih sering tidur nyenyak sepanjang malam'] },
  },
  anxiety: {
    problem: {
      en: ['constant worry and a racing heart before meetings', 'panic symptoms on the commute', 'worry about making mistakes at work'],
      id: ['kecemasan terus-menerus dan jantung berdebar sebelum rapat', 'gejala panik di perjalanan ke kantor', 'rasa cemas berlebihan takut berbuat salah di tempat kerja'],
    },
    goal: { en: ['use paced breathing when anxiety rises', 'stay in meetings without leaving early'], id: ['memakai pernapasan teratur saat cemas muncul', 'mengikuti rapat sampai selesai'] },
  },
  depression_low_mood: {
    problem: {
      en: ['low mood and loss of interest in things once enjoyed', 'feeling flat and withdrawn for several weeks', 'low energy and tearfulness'],
      id: ['suasana hati murung dan kehilangan minat pada hal yang dulu disukai', 'merasa hampa dan menarik diri selama beberapa minggu', 'energi rendah dan mudah menangis'],
    },
    goal: { en: ['schedule one pleasant activity each day', 'keep a regular routine at weekends'], id: ['menjadwalkan satu kegiatan menyenangkan setiap hari', 'menjaga rutinitas teratur di akhir pekan'] },
  },
  work_life_balance: {
    problem: {
      en: ['work spilling into evenings and family time', 'difficulty switching off from work messages', 'caring duties at home on top of a full-time job'],
      id: ['pekerjaan yang terbawa hingga malam dan waktu keluarga', 'sulit lepas dari pesan kerja di luar jam kantor', 'merawat keluarga di rumah sambil bekerja penuh waktu'],
    },
    goal: { en: ['set a cut-off time for work messages', 'protect one evening a week for family'], id: ['menetapkan batas waktu membalas pesan kerja', 'menyisihkan satu malam seminggu untuk keluarga'] },
  },
  family_relationships: {
    problem: {
      en: ['strain in the marriage', 'conflict with a teenage child', 'caring for a parent with dementia'],
      id: ['hubungan pernikahan yang sedang renggang', 'konflik dengan anak remaja', 'merawat orang tua yang mengalami demensia'],
    },
    goal: { en: ['plan a calm conversation at home', 'share caring duties with siblings'], id: ['merencanakan pembicaraan yang tenang di rumah', 'berbagi tugas merawat dengan saudara'] },
  },
  financial: {
    problem: {
      en: ['mounting debt and calls from lenders', 'worry about repaying online loans', 'money pressures after a spouse lost their job'],
      id: ['utang yang menumpuk dan telepon dari penagih', 'cemas melunasi pinjol (pinjaman online)', 'tekanan keuangan setelah pasangan kehilangan pekerjaan'],
    },
    goal: { en: ['draw up a household budget', 'contact a debt adviser'], id: ['menyusun anggaran rumah tangga', 'menghubungi layanan konsultasi keuangan'] },
  },
  grief_loss: {
    problem: {
      en: ['the recent death of a parent', 'grief after losing a close colleague', 'the loss of a pregnancy'],
      id: ['kepergian orang tua baru-baru ini', 'duka setelah kehilangan rekan kerja dekat', 'kehilangan kehamilan'],
    },
    goal: { en: ['make room for grief without avoiding work', 'mark the anniversary in a way that feels right'], id: ['memberi ruang untuk berduka tanpa menghindari pekerjaan', 'memperingati hari wafat dengan cara yang bermakna'] },
  },
  substance_use: {
    problem: {
      en: ['drinking more in the evenings to unwind', 'reliance on sleeping tablets', 'gambling online late at night'],
      id: ['semakin sering minum alkohol di malam hari untuk melepas penat', 'ketergantungan pada obat tidur', 'main judi online hingga larut malam'],
    },
    goal: { en: ['keep a drinking diary', 'set alcohol-free days'], id: ['mencatat kebiasaan minum', 'menetapkan hari tanpa alkohol'] },
  },
  physical_health: {
    problem: {
      en: ['chronic back pain affecting work', 'adjusting to a diabetes diagnosis', 'recovery after surgery and a phased return'],
      id: ['nyeri punggung kronis yang mengganggu pekerjaan', 'menyesuaikan diri dengan diagnosis diabetes', 'pemulihan pascaoperasi dan kembali bekerja bertahap'],
    },
    goal: { en: ['pace activity during the phased return', 'discuss adjustments with HR'], id: ['mengatur ritme aktivitas selama kembali bekerja bertahap', 'membicarakan penyesuaian kerja dengan HR'] },
  },
  other: {
    problem: {
      en: ['a housing problem and a long commute', 'adjusting to life in a new city', 'questions about career direction'],
      id: ['masalah tempat tinggal dan perjalanan jauh ke kantor', 'beradaptasi dengan kehidupan di kota baru', 'kebingungan soal arah karier'],
    },
    goal: { en: ['list options and next steps', 'build a local support network'], id: ['menyusun pilihan dan langkah berikutnya', 'membangun jejaring dukungan di lingkungan baru'] },
  },
};

/** Words any note may use, by slot name. */
const SLOTS: Readonly<Record<string, Bank>> = {
  symptom: {
    en: ['poor sleep', 'early waking', 'headaches', 'irritability', 'low appetite', 'trouble concentrating', 'tension in the shoulders', 'racing thoughts at night', 'tiredness during the day', 'tearfulness'],
    id: ['sulit tidur', 'sering terbangun dini hari', 'sakit kepala', 'mudah tersinggung', 'nafsu makan menurun', 'sulit berkonsentrasi', 'bahu dan leher tegang', 'pikiran berputar-putar di malam hari', 'lelah sepanjang hari', 'mudah menangis'],
  },
  trigger: {
    en: ['the restructure', 'a change of manager', 'the move to shift work', 'the last performance review', 'the year-end audit', 'a difficult month at home', 'the office move', 'a complaint from a customer'],
    id: ['restrukturisasi', 'pergantian atasan', 'perpindahan ke sistem sif', 'penilaian kinerja terakhir', 'audit akhir tahun', 'bulan yang berat di rumah', 'pindah kantor', 'keluhan dari pelanggan'],
  },
  technique: {
    en: ['cognitive restructuring', 'paced breathing', 'behavioural activation', 'structured problem solving', 'grounding exercises', 'sleep hygiene advice', 'assertiveness role-play', 'values clarification', 'motivational interviewing', 'psychoeducation on the stress response', 'a thought record', 'progressive muscle relaxation', 'mindfulness of breath'],
    id: ['restrukturisasi kognitif', 'latihan pernapasan teratur', 'aktivasi perilaku', 'langkah pemecahan masalah', 'teknik grounding', 'edukasi kebersihan tidur (sleep hygiene)', 'bermain peran untuk melatih sikap asertif', 'klarifikasi nilai', 'wawancara motivasional', 'psikoedukasi tentang respons stres', 'catatan pikiran', 'relaksasi otot progresif', 'latihan mindfulness pernapasan'],
  },
  affect: {
    en: ['anxious', 'low', 'flat', 'tearful at times', 'calm', 'brighter than last time', 'tense', 'irritable', 'reflective'],
    id: ['cemas', 'murung', 'datar', 'sesekali menangis', 'tenang', 'lebih ceria dari sesi sebelumnya', 'tegang', 'mudah tersinggung', 'reflektif'],
  },
  homework: {
    en: ['keep a sleep diary', 'practise the breathing exercise twice a day', 'note three things that went well each evening', 'take one small step toward the goal', 'complete a thought record when worry peaks', 'take a short walk at lunchtime', 'write down questions for the manager'],
    id: ['mengisi catatan tidur', 'berlatih pernapasan dua kali sehari', 'menulis tiga hal baik setiap malam', 'mencoba satu langkah kecil menuju tujuan', 'mengisi catatan pikiran saat cemas memuncak', 'berjalan kaki sebentar saat istirahat siang', 'menuliskan pertanyaan untuk atasan'],
  },
  insight: {
    en: ['a link between late-night emails and poor sleep', 'how self-criticism feeds the low mood', 'early signs of rising tension', 'what is and is not within their control', 'a pattern of saying yes to every request'],
    id: ['hubungan antara membalas email larut malam dan sulit tidur', 'bagaimana kritik diri memperburuk suasana hati', 'tanda awal ketegangan yang meningkat', 'hal yang bisa dan tidak bisa dikendalikan', 'kebiasaan selalu mengiyakan setiap permintaan'],
  },
  progress: {
    en: ['sleep has improved slightly', 'things are much the same as last week', 'they managed the homework most days', 'a difficult week at work set them back', 'they felt more confident in the team meeting', 'they used the breathing exercise before a presentation'],
    id: ['tidurnya sedikit membaik', 'kondisinya kurang lebih sama dengan minggu lalu', 'tugas rumah dikerjakan hampir setiap hari', 'minggu yang berat di kantor membuatnya mundur lagi', 'lebih percaya diri saat rapat tim', 'sempat memakai latihan pernapasan sebelum presentasi'],
  },
  trend: { en: ['slightly better', 'unchanged', 'somewhat worse', 'clearly improved'], id: ['sedikit membaik', 'tidak berubah', 'agak memburuk', 'jelas membaik'] },
  weeks: { en: ['one week', 'two weeks'], id: ['satu minggu lagi', 'dua minggu lagi'] },
  job: {
    en: ['customer service', 'finance', 'the operations team', 'a regional branch', 'IT support', 'logistics', 'the call centre', 'administration'],
    id: ['layanan pelanggan', 'keuangan', 'operasional', 'kantor cabang', 'dukungan TI', 'logistik', 'pusat panggilan', 'administrasi'],
  },
  cadence: { en: ['weekly', 'fortnightly'], id: ['setiap minggu', 'setiap dua minggu'] },
  outcome: {
    en: ['better sleep and less worry', 'feeling more in control at work', 'a more settled mood', 'fewer arguments at home'],
    id: ['tidur lebih nyenyak dan lebih jarang cemas', 'merasa lebih mampu mengendalikan pekerjaan', 'suasana hati yang lebih stabil', 'pertengkaran di rumah berkurang'],
  },
  adjustment: {
    en: ['a temporary reduction in overtime', 'a phased return to full duties', 'moving the client off the complaints desk for a month', 'flexible start times for medical appointments', 'clearer priorities for the coming quarter'],
    id: ['pengurangan lembur untuk sementara', 'kembali ke tugas penuh secara bertahap', 'memindahkan klien dari meja pengaduan selama sebulan', 'jam masuk yang fleksibel untuk kontrol ke dokter', 'prioritas kerja yang lebih jelas untuk triwulan depan'],
  },
  service: {
    en: ['a psychiatrist for assessment', 'a specialist trauma service', 'a community mental health team', 'an addiction service'],
    id: ['psikiater untuk pemeriksaan lebih lanjut', 'layanan khusus trauma', 'tim kesehatan jiwa masyarakat', 'layanan rehabilitasi adiksi'],
  },
};

/** Sentences, each section of each template in both languages; `{slot}` is filled in, `{n}` and the scores are numbers. */
const S = {
  subjective: {
    en: ['Client reports {symptom} since {trigger}.', 'Client describes {problem} as the main concern this week.', 'Says that {progress}.', 'Client reports {symptom} and {symptom}, worse on workdays.', 'Client rated their mood {mood}/10 this week.'],
    id: ['Klien melaporkan {symptom} sejak {trigger}.', 'Klien menceritakan {problem} sebagai keluhan utama minggu ini.', 'Klien menyampaikan bahwa {progress}.', 'Klien mengeluhkan {symptom} dan {symptom}, terutama pada hari kerja.', 'Klien menilai suasana hatinya {mood}/10 minggu ini.'],
  },
  objective: {
    en: ['Arrived on time and engaged well; affect {affect}.', 'Appeared tired; affect {affect}, speech slow at times.', 'Arrived a little early, neatly dressed; affect {affect}.'],
    id: ['Datang tepat waktu dan kooperatif; afek {affect}.', 'Tampak lelah; afek {affect}, sesekali bicara lambat.', 'Datang lebih awal dengan pakaian rapi; afek {affect}.'],
  },
  observed: {
    en: ['PHQ-9 {phq}, GAD-7 {gad}.', 'Eye contact good, speech coherent, no signs of intoxication.'],
    id: ['Skor PHQ-9 {phq}, GAD-7 {gad}.', 'Kontak mata baik, pembicaraan runtut, tidak tampak pengaruh zat.'],
  },
  objectiveVideo: {
    en: ['Joined by video from home; connection stable; affect {affect}.', 'Video session; client in a quiet room, engaged throughout.'],
    id: ['Mengikuti sesi melalui video dari rumah; koneksi stabil; afek {affect}.', 'Sesi video; klien berada di ruangan yang tenang dan terlibat sepanjang sesi.'],
  },
  objectivePhone: {
    en: ['Session by phone; speech normal in rate and tone.', 'Phone session; client spoke openly, some background noise.'],
    id: ['Sesi melalui telepon; bicara dengan tempo dan nada normal.', 'Sesi telepon; klien berbicara terbuka, ada sedikit suara bising di latar.'],
  },
  assessment: {
    en: ['Presentation consistent with stress related to {problem}.', 'Some progress toward the goal to {goal}.', 'No current risk to self or others identified.', 'Symptoms {trend} compared with the previous session.', 'Motivation to change remains good.'],
    id: ['Gambaran sesuai dengan stres terkait {problem}.', 'Ada kemajuan menuju tujuan untuk {goal}.', 'Tidak ditemukan risiko terhadap diri sendiri maupun orang lain saat ini.', 'Gejala {trend} dibanding sesi sebelumnya.', 'Motivasi untuk berubah tetap baik.'],
  },
  plan: {
    en: ['Continue {technique} next session.', 'Homework: {homework}.', 'Next session in {weeks}.', 'Review progress toward the goal to {goal}.'],
    id: ['Lanjutkan {technique} pada sesi berikutnya.', 'Tugas rumah: {homework}.', 'Sesi berikutnya {weeks}.', 'Tinjau kemajuan menuju tujuan untuk {goal}.'],
  },
  behaviour: {
    en: ['Client presented as {affect} and spoke about {problem}.', 'Arrived a few minutes late, apologetic; affect {affect}.', 'Client was talkative and focused on {problem}.'],
    id: ['Klien tampak {affect} dan membicarakan {problem}.', 'Datang terlambat beberapa menit dan meminta maaf; afek {affect}.', 'Klien banyak bercerita dan berfokus pada {problem}.'],
  },
  intervention: {
    en: ['Used {technique} to explore {problem}.', 'Introduced {technique} and practised it in session.', 'Reviewed the homework and explored {insight}.'],
    id: ['Konselor menggunakan {technique} untuk membahas {problem}.', 'Memperkenalkan {technique} dan melatihnya bersama dalam sesi.', 'Meninjau tugas rumah dan menggali {insight}.'],
  },
  response: {
    en: ['Client engaged well and recognised {insight}.', 'Client found {technique} helpful and agreed to practise it.', 'Client was hesitant but willing to try.'],
    id: ['Klien terlibat aktif dan menyadari {insight}.', 'Klien merasa {technique} membantu dan bersedia berlatih.', 'Klien masih ragu namun bersedia mencoba.'],
  },
  presenting: {
    en: ['Referred for {problem}.', 'Client reports {symptom} since {trigger}.', 'Main concern is {problem}, present for about {months} months.'],
    id: ['Dirujuk karena {problem}.', 'Klien melaporkan {symptom} sejak {trigger}.', 'Keluhan utama adalah {problem}, dirasakan sekitar {months} bulan.'],
  },
  history: {
    en: ['No previous counselling.', 'Saw a counsellor at university for exam stress.', 'Previous episode of low mood five years ago, treated by the GP.', 'No psychiatric history reported.', "Family history of depression on the mother's side."],
    id: ['Belum pernah mengikuti konseling sebelumnya.', 'Pernah konseling di kampus karena stres ujian.', 'Pernah mengalami suasana hati murung lima tahun lalu dan berobat ke dokter umum.', 'Tidak ada riwayat gangguan psikiatri.', 'Ada riwayat depresi dalam keluarga dari pihak ibu.'],
  },
  work: {
    en: ['Works in {job}, {years} years in the role.', 'Full time, with rotating shifts.', 'Relationship with the line manager described as supportive.', 'Has taken {days} days of sick leave this year.'],
    id: ['Bekerja di bagian {job}, sudah {years} tahun di posisi ini.', 'Bekerja penuh waktu dengan sif bergilir.', 'Hubungan dengan atasan langsung digambarkan suportif.', 'Sudah mengambil cuti sakit {days} hari tahun ini.'],
  },
  riskScreen: {
    en: ['No suicidal ideation, plans or history of self-harm reported.', 'Denies thoughts of harming self or others.', 'Alcohol use within low-risk limits.', 'No safeguarding concerns identified.'],
    id: ['Tidak ada ide bunuh diri, rencana, maupun riwayat menyakiti diri.', 'Menyangkal pikiran untuk menyakiti diri sendiri atau orang lain.', 'Konsumsi alkohol dalam batas rendah risiko.', 'Tidak ditemukan masalah perlindungan (safeguarding).'],
  },
  riskScreenPassive: {
    en: ['Passive thoughts of not wanting to wake up in the past month; no plan or intent; protective factors discussed.'],
    id: ['Ada pikiran pasif tidak ingin bangun lagi dalam sebulan terakhir; tanpa rencana atau niat; faktor pelindung sudah dibahas.'],
  },
  strengths: {
    en: ['Supportive partner and close friends.', 'Active in a faith community.', 'Good insight and motivated to change.', 'Enjoys running and cooking.', 'Values their work and colleagues.'],
    id: ['Pasangan dan sahabat yang mendukung.', 'Aktif dalam komunitas keagamaan.', 'Memiliki wawasan diri yang baik dan termotivasi untuk berubah.', 'Gemar berolahraga lari dan memasak.', 'Menghargai pekerjaan dan rekan kerjanya.'],
  },
  intakePlan: {
    en: ['Agreed {planned} sessions, {cadence}, focusing on the goal to {goal}.', 'Start with {technique}.', 'Consent and the limits of confidentiality explained; client agreed.'],
    id: ['Disepakati {planned} sesi, {cadence}, dengan tujuan {goal}.', 'Dimulai dengan {technique}.', 'Persetujuan dan batas kerahasiaan telah dijelaskan; klien setuju.'],
  },
  onward: {
    en: ['None needed.', 'Advised to contact the EAP again if difficulties return.', 'Referred to the GP for a medication review.', 'Signposted to a debt advice service.', 'Referred to a community support group.'],
    id: ['Tidak diperlukan.', 'Disarankan menghubungi layanan EAP kembali bila kesulitan muncul lagi.', 'Dirujuk ke dokter umum untuk evaluasi obat.', 'Diarahkan ke layanan konsultasi keuangan.', 'Dirujuk ke kelompok dukungan di komunitas.'],
  },
  didNotAttend: {
    en: ['Client did not attend. Called twice with no answer; text message sent offering a new appointment.', 'Did not attend and did not call. Left a voicemail; the next appointment stands.', 'No-show. Emailed the client to check in and offer another time.'],
    id: ['Klien tidak hadir. Sudah ditelepon dua kali tanpa jawaban; pesan singkat dikirim untuk menawarkan jadwal baru.', 'Tidak hadir dan tidak memberi kabar. Pesan suara ditinggalkan; jadwal berikutnya tetap.', 'Klien tidak datang. Email dikirim untuk menanyakan kabar dan menawarkan waktu lain.'],
  },
  consultation: {
    en: ["Consultation with the client's line manager by {medium}, with the client's consent. Discussed {adjustment}.", 'Agreed to review in four weeks.', 'The manager will confirm the arrangement with HR.', 'No clinical detail was shared beyond attendance.'],
    id: ['Konsultasi dengan atasan langsung klien melalui {medium}, dengan persetujuan klien. Dibahas {adjustment}.', 'Disepakati untuk ditinjau kembali dalam empat minggu.', 'Atasan akan mengonfirmasi pengaturan ini dengan HR.', 'Tidak ada informasi klinis yang disampaikan selain kehadiran.'],
  },
  phone: {
    en: ['Phone call from the client {reason}.', 'Phone call to the client {reason}.', 'Brief support given; no new risk identified.', 'Client sounded calmer by the end of the call.', 'Agreed to discuss it further at the next session.'],
    id: ['Klien menelepon {reason}.', 'Konselor menelepon klien {reason}.', 'Dukungan singkat diberikan; tidak ada risiko baru.', 'Di akhir panggilan klien terdengar lebih tenang.', 'Disepakati untuk dibahas lebih lanjut pada sesi berikutnya.'],
  },
  supervision: {
    en: ['Case discussed in clinical supervision: {topic}.', 'Supervisor advised {advice}.', 'Plan for the next session adjusted accordingly.'],
    id: ['Kasus dibahas dalam supervisi klinis: {topic}.', 'Supervisor menyarankan {advice}.', 'Rencana sesi berikutnya disesuaikan.'],
  },
} as const satisfies Record<string, Bank>;

const MORE: Readonly<Record<string, Bank>> = {
  medium: { en: ['phone', 'video call'], id: ['telepon', 'panggilan video'] },
  reason: {
    en: ['to rearrange the next appointment', 'after a difficult day at work', 'to check in after a missed session', 'about a letter for the employer'],
    id: ['untuk mengatur ulang jadwal berikutnya', 'setelah hari yang berat di kantor', 'untuk menanyakan kabar setelah sesi yang terlewat', 'tentang surat keterangan untuk kantor'],
  },
  topic: {
    en: ['slow progress despite good engagement', 'the limits of confidentiality with the employer', "the counsellor's own reaction to the client's story", 'whether to extend beyond the agreed sessions'],
    id: ['kemajuan yang lambat meski klien terlibat baik', 'batas kerahasiaan terhadap pihak perusahaan', 'reaksi pribadi konselor terhadap cerita klien', 'perlu tidaknya menambah sesi di luar kesepakatan'],
  },
  advice: {
    en: ['keeping the focus on one achievable goal', 'reviewing the consent form with the client', 'a medical review for the client', 'planning the ending early'],
    id: ['tetap berfokus pada satu tujuan yang realistis', 'meninjau kembali formulir persetujuan bersama klien', 'agar klien memeriksakan diri ke dokter', 'merencanakan pengakhiran sejak dini'],
  },
};

/** A sentence few notes have: words a search finds only a handful of times. */
const RARE: Bank = {
  en: ['Mentions tinnitus since the incident, worse at night.', 'Has started volunteering at an animal shelter at weekends.', 'Plays gamelan in a community group and finds rehearsals calming.', 'Describes a recurring dream about the flood.', 'Has taken up birdwatching on Sunday mornings.', "Worried about the family's durian orchard after the storm."],
  id: ['Klien menyebut telinga berdenging (tinnitus) sejak kejadian, memburuk di malam hari.', 'Klien mulai menjadi relawan di penampungan hewan setiap akhir pekan.', 'Klien bermain gamelan di sanggar dan merasa tenang setelah latihan.', 'Klien menceritakan mimpi berulang tentang banjir.', 'Klien mulai mengamati burung setiap Minggu pagi.', 'Klien khawatir dengan kebun durian keluarga setelah badai.'],
};

const CLOSING: Readonly<Record<ClosureReason, { outcome: Bank; reason: Bank }>> = {
  completed: {
    outcome: {
      en: ['Client attended {sessions} and reports {outcome}.', 'Goals largely met: client is now able to {goal}.', 'PHQ-9 fell from {phqHigh} to {phqLow} over the course.'],
      id: ['Klien mengikuti {sessions} dan melaporkan {outcome}.', 'Tujuan sebagian besar tercapai: klien kini mampu {goal}.', 'Skor PHQ-9 turun dari {phqHigh} menjadi {phqLow} selama proses konseling.'],
    },
    reason: { en: ['Planned ending: goals met.', 'Ended by agreement after the review session.'], id: ['Pengakhiran terencana: tujuan tercapai.', 'Diakhiri atas kesepakatan setelah sesi evaluasi.'] },
  },
  no_contact: {
    outcome: {
      en: ['Client stopped attending after {sessions}.', 'Three attempts to make contact by phone and text were not answered.'],
      id: ['Klien berhenti hadir setelah {sessions}.', 'Tiga kali upaya menghubungi melalui telepon dan pesan tidak mendapat jawaban.'],
    },
    reason: { en: ['Closed after no contact.', 'Closed: no response to the closure letter.'], id: ['Ditutup karena tidak ada kontak.', 'Ditutup: tidak ada tanggapan atas surat penutupan.'] },
  },
  declined: {
    outcome: {
      en: ['Client decided not to continue after {sessions}.', 'Client felt the sessions were not what they needed at this time.'],
      id: ['Klien memutuskan tidak melanjutkan setelah {sessions}.', 'Klien merasa sesi belum sesuai dengan kebutuhannya saat ini.'],
    },
    reason: { en: ['Client declined further sessions.'], id: ['Klien menolak sesi lanjutan.'] },
  },
  transferred: {
    outcome: {
      en: ["Client's needs are better met by a specialist service.", 'Worked on the goal to {goal} over {sessions} before the transfer.'],
      id: ['Kebutuhan klien lebih tepat ditangani oleh layanan spesialis.', 'Selama {sessions} klien berlatih untuk {goal} sebelum dirujuk.'],
    },
    reason: { en: ['Transferred to {service}.'], id: ['Dialihkan ke {service}.'] },
  },
};

/** A closing summary of a case closed before any session was attended. */
const NO_SESSIONS: Bank = {
  en: ['Client was offered appointments but did not attend any.', 'Three attempts to make contact by phone and text were not answered.', 'Client decided not to start counselling at this time.'],
  id: ['Klien sudah ditawari jadwal namun tidak pernah hadir.', 'Tiga kali upaya menghubungi melalui telepon dan pesan tidak mendapat jawaban.', 'Klien memutuskan belum memulai konseling saat ini.'],
};

const RISK_LABEL: Readonly<Record<RiskKind, Record<NoteLanguage, string>>> = {
  suicide_self_harm: { en: 'suicide or self-harm', id: 'bunuh diri atau menyakiti diri' },
  risk_to_others: { en: 'risk to others', id: 'risiko terhadap orang lain' },
  safeguarding: { en: 'safeguarding', id: 'perlindungan (safeguarding)' },
};
const LEVEL_LABEL: Readonly<Record<RiskLevel, Record<NoteLanguage, string>>> = {
  low: { en: 'low', id: 'rendah' },
  medium: { en: 'medium', id: 'sedang' },
  high: { en: 'high', id: 'tinggi' },
};
const DISCLOSURE: Readonly<Record<RiskKind, Bank>> = {
  suicide_self_harm: {
    en: ['Client disclosed thoughts of ending their life in the past week, without a plan.', 'Client reported cutting their arm after an argument at home.', 'Client said they sometimes think others would be better off without them.'],
    id: ['Klien mengungkapkan pikiran untuk mengakhiri hidup dalam seminggu terakhir, tanpa rencana.', 'Klien melaporkan melukai lengannya setelah bertengkar di rumah.', 'Klien mengatakan kadang merasa orang lain akan lebih baik tanpa dirinya.'],
  },
  risk_to_others: {
    en: ['Client described intense anger toward a supervisor and thoughts of hurting him.', 'Client reported pushing a colleague during an argument.'],
    id: ['Klien menggambarkan kemarahan besar terhadap atasannya dan pikiran untuk menyakitinya.', 'Klien melaporkan mendorong rekan kerja saat bertengkar.'],
  },
  safeguarding: {
    en: ['Client disclosed that a child at home is being hit by another adult.', 'Client described an elderly parent left without care during the day.', 'Client disclosed controlling behaviour and threats from a partner.'],
    id: ['Klien mengungkapkan bahwa seorang anak di rumah dipukul oleh orang dewasa lain.', 'Klien menceritakan orang tua lanjut usia yang ditinggal tanpa perawatan di siang hari.', 'Klien mengungkapkan perilaku mengekang dan ancaman dari pasangan.'],
  },
};
const SAFETY: Bank = {
  en: ['Safety plan agreed, including crisis line numbers and a trusted friend to call.', 'Client agreed to contact the clinic or the emergency number if things get worse.', 'Discussed with the clinical lead; GP informed with consent.'],
  id: ['Rencana keselamatan disepakati, termasuk nomor layanan krisis dan teman yang dapat dihubungi.', 'Klien bersedia menghubungi klinik atau nomor darurat bila keadaan memburuk.', 'Dibahas dengan koordinator klinis; dokter umum diberi tahu dengan persetujuan klien.'],
};
const CLEARED: Bank = {
  en: ['no thoughts of self-harm for six weeks and the safety plan is no longer needed', 'the situation at home has been resolved with support from social services', 'anger has settled and there have been no further incidents', 'risk reviewed with the client at the final session; no current concerns'],
  id: ['tidak ada pikiran menyakiti diri selama enam minggu dan rencana keselamatan tidak lagi diperlukan', 'situasi di rumah sudah tertangani dengan bantuan dinas sosial', 'kemarahan sudah mereda dan tidak ada kejadian lanjutan', 'risiko ditinjau bersama klien pada sesi terakhir; tidak ada kekhawatiran saat ini'],
};

/** What the counsellor heard when asking about a PHQ-9 item 9 answer, and why no flag was raised. */
const ALERT_NO_FLAG: Readonly<Record<'account' | 'protective' | 'decision', Bank>> = {
  account: {
    en: [
      'Client describes passive thoughts of not wanting to wake up during a bad week; no plan, no intent, no past attempts.',
      'The thoughts came after a hard week at work and have eased since; no plan or intent, and no history of self-harm.',
      'Client says the answer reflects exhaustion rather than wishing to die, and denies any thought of harming themself.',
    ],
    id: [
      'Klien menggambarkan pikiran pasif ingin tidak bangun lagi saat minggu yang berat; tidak ada rencana, niat, maupun riwayat percobaan.',
      'Pikiran itu muncul setelah minggu yang berat di kantor dan sudah mereda; tidak ada rencana atau niat, dan tidak ada riwayat melukai diri.',
      'Klien mengatakan jawabannya lebih karena kelelahan, bukan keinginan untuk mati, dan menyangkal pikiran untuk melukai diri.',
    ],
  },
  protective: {
    en: ['Protective factors: close family, children at home, engaged in the work here.', 'Protective factors: a supportive partner, faith, and plans for the coming months.'],
    id: ['Faktor pelindung: keluarga yang dekat, anak-anak di rumah, terlibat aktif dalam konseling.', 'Faktor pelindung: pasangan yang mendukung, keyakinan agama, dan rencana untuk bulan-bulan ke depan.'],
  },
  decision: {
    en: [
      'Decision: no risk flag at this point. Safety plan discussed and crisis numbers given; will ask again at the next session.',
      'Decision: risk judged low, no flag raised; client agreed to contact the clinic or the 119 ext. 8 line if the thoughts return or worsen. Review at the next session.',
    ],
    id: [
      'Keputusan: belum perlu penanda risiko. Rencana keselamatan dibahas dan nomor layanan krisis diberikan; akan ditanyakan lagi pada sesi berikutnya.',
      'Keputusan: risiko dinilai rendah, penanda risiko tidak dibuat; klien setuju menghubungi klinik atau layanan 119 ext. 8 bila pikiran itu kembali atau memburuk. Ditinjau pada sesi berikutnya.',
    ],
  },
};

/** "PHQ-9 item 9 answered “Several days” today", with the option's own label in the note's language. */
function item9Sentence(language: NoteLanguage, answer: number): string {
  const label = PHQ9.options.find((option) => option.value === answer)!.label[language];
  return language === 'en' ? `PHQ-9 item 9 answered “${label}” at today’s session; asked about it directly.` : `Butir 9 PHQ-9 dijawab “${label}” pada sesi hari ini; sudah ditanyakan langsung kepada klien.`;
}

const ADDENDA: Bank = {
  en: ['Correction: the session was held by video, not in person.', 'Addendum: the PHQ-9 score should read {phq}, not {gad}.', 'Correction to the plan: the next session is in two weeks, not one.', 'Added after the session: client called to say the manager has agreed to the adjustment.', 'Clarification: the conflict described is with a former colleague, not the current manager.'],
  id: ['Koreksi: sesi dilakukan melalui video, bukan tatap muka.', 'Adendum: skor PHQ-9 seharusnya {phq}, bukan {gad}.', 'Koreksi rencana: sesi berikutnya dua minggu lagi, bukan satu minggu.', 'Ditambahkan setelah sesi: klien menelepon dan menyampaikan bahwa atasan menyetujui penyesuaian kerja.', 'Klarifikasi: konflik yang dimaksud adalah dengan mantan rekan kerja, bukan atasan saat ini.'],
};

/** Fills `{slot}`s from the issue's words, the shared banks and numbers. */
class Writer {
  constructor(
    private readonly random: Random,
    private readonly ctx: NoteTextContext,
  ) {}

  private word(slot: string): string {
    const { random, ctx } = this;
    const lang = ctx.language;
    switch (slot) {
      case 'problem':
      case 'goal':
        return random.pick(ISSUE_WORDS[ctx.issue][slot][lang]);
      case 'mood':
        return String(random.int(2, 8));
      case 'phq':
        return String(random.int(3, 21));
      case 'gad':
        return String(random.int(2, 18));
      case 'phqHigh':
        return String(random.int(12, 22));
      case 'phqLow':
        return String(random.int(2, 9));
      case 'months':
        return String(random.int(2, 12));
      case 'years':
        return String(random.int(1, 15));
      case 'days':
        return String(random.int(1, 12));
      case 'planned':
        return String(random.int(4, 8));
      case 'sessions':
        return lang === 'id' ? `${ctx.sessionNumber} sesi` : `${ctx.sessionNumber} session${ctx.sessionNumber === 1 ? '' : 's'}`;
    }
    const bank = SLOTS[slot] ?? MORE[slot];
    if (!bank) throw new Error(`no words for {${slot}}`);
    return random.pick(bank[lang]);
  }

  /** The sentence with its slots filled, no word twice ("poor sleep and poor sleep"). */
  fill(sentence: string): string {
    const used = new Set<string>();
    return sentence.replace(/\{(\w+)\}/g, (_, slot: string) => {
      let word = this.word(slot);
      for (let tries = 0; used.has(word) && tries < 5; tries++) word = this.word(slot);
      used.add(word);
      return word;
    });
  }

  /** One to three different sentences of a bank (no more than it has). */
  some(bank: Bank, most = 3): string[] {
    const sentences = bank[this.ctx.language];
    const count = Math.min(sentences.length, most, this.random.weighted([[1, 35], [2, 45], [3, 20]] as const));
    return this.random.sample(sentences, count).map((s) => this.fill(s));
  }

  one(bank: Bank): string {
    return this.fill(this.random.pick(bank[this.ctx.language]));
  }

  /** A number in [0, 1). */
  random01(): number {
    return this.random.next();
  }

  /** A whole number from 0 to count - 1. */
  pickIndex(count: number): number {
    return Math.floor(this.random.next() * count);
  }

  /** Now and then a sentence hardly any other note has. */
  maybeRare(): string[] {
    return this.random.chance(0.01) ? [this.one(RARE)] : [];
  }
}

const join = (sentences: readonly string[]) => sentences.join(' ');

function objectiveBank(modality: Modality | null): Bank {
  return modality === 'video' ? S.objectiveVideo : modality === 'phone' ? S.objectivePhone : S.objective;
}

/** The sections of a session note (or a note written like one) in its template. */
function sessionSections(w: Writer, ctx: NoteTextContext): NoteContent {
  const subjective = () => join([...w.some(S.subjective), ...w.maybeRare()]);
  const objective = () => join([w.one(objectiveBank(ctx.modality)), ...(w.random01() < 0.6 ? w.some(S.observed, 2) : [])]);
  switch (ctx.template) {
    case 'soap':
      return { subjective: subjective(), objective: objective(), assessment: join(w.some(S.assessment)), plan: join(w.some(S.plan)) };
    case 'dap':
      return { data: join([...w.some(S.subjective, 2), w.one(objectiveBank(ctx.modality)), ...w.maybeRare()]), assessment: join(w.some(S.assessment)), plan: join(w.some(S.plan)) };
    case 'birp':
      return { behaviour: join([...w.some(S.behaviour, 1), ...w.some(S.subjective, 2), ...w.maybeRare()]), intervention: join(w.some(S.intervention)), response: join(w.some(S.response, 2)), plan: join(w.some(S.plan)) };
    default:
      return { text: join([...w.some(S.subjective, 2), ...w.some(S.intervention, 1), ...w.maybeRare(), ...w.some(S.plan, 1)]) };
  }
}

function freeText(w: Writer, ctx: NoteTextContext): string {
  switch (ctx.kind) {
    case 'did_not_attend':
      return w.one(S.didNotAttend);
    case 'manager_consultation': {
      const [first, ...rest] = S.consultation[ctx.language];
      return join([w.fill(first), ...w.some({ en: rest, id: rest }, 2)]);
    }
    case 'phone_contact': {
      const calls = S.phone[ctx.language];
      return join([w.fill(calls[w.pickIndex(2)]!), ...w.some({ en: calls.slice(2), id: calls.slice(2) }, 2)]);
    }
    case 'supervision':
      return join(S.supervision[ctx.language].slice(0, 2 + w.pickIndex(2)).map((s) => w.fill(s)));
    case 'risk_raised': {
      const flag = ctx.flag!;
      const lang = ctx.language;
      const head = lang === 'en' ? `Risk flag raised: ${RISK_LABEL[flag.kind].en}, ${LEVEL_LABEL[flag.level].en} level.` : `Penanda risiko dibuat: ${RISK_LABEL[flag.kind].id}, tingkat ${LEVEL_LABEL[flag.level].id}.`;
      const daily = flag.level === 'high' ? [lang === 'en' ? 'Daily check-in calls agreed until the review.' : 'Disepakati panggilan harian untuk memantau kondisi sampai peninjauan.'] : [];
      const review = lang === 'en' ? `Review by ${flag.reviewDate}.` : `Ditinjau paling lambat ${flag.reviewDate}.`;
      const prompted = ctx.item9Answer === null ? [] : [item9Sentence(lang, ctx.item9Answer)];
      return join([...prompted, head, w.one(DISCLOSURE[flag.kind]), w.one(SAFETY), ...daily, review]);
    }
    case 'alert_no_flag':
      return join([item9Sentence(ctx.language, ctx.item9Answer ?? 1), w.one(ALERT_NO_FLAG.account), w.one(ALERT_NO_FLAG.protective), w.one(ALERT_NO_FLAG.decision)]);
    case 'risk_cleared': {
      const flag = ctx.flag!;
      return ctx.language === 'en' ? `Risk flag cleared (${RISK_LABEL[flag.kind].en}): ${w.one(CLEARED)}.` : `Penanda risiko dicabut (${RISK_LABEL[flag.kind].id}): ${w.one(CLEARED)}.`;
    }
    default:
      return sessionSections(w, ctx).text!;
  }
}

/** A note's sections, each as it was written (a draft: the first ones typed so far, the others empty). */
export function noteContent(textSeed: number, ctx: NoteTextContext): NoteContent {
  const w = new Writer(new Random(textSeed), ctx);
  let content: NoteContent;
  switch (ctx.template) {
    case 'intake_assessment': {
      const risk = w.random01() < 0.08 ? w.one(S.riskScreenPassive) : join(w.some(S.riskScreen, 2));
      content = {
        presenting_problem: join([...w.some(S.presenting, 2), ...w.maybeRare()]),
        history: join(w.some(S.history, 2)),
        work_situation: join(w.some(S.work)),
        risk_screen: risk,
        strengths: join(w.some(S.strengths, 2)),
        plan: join(w.some(S.intakePlan)),
      };
      break;
    }
    case 'closing_summary': {
      const closing = CLOSING[ctx.closure ?? 'completed'];
      const onward = ctx.closure === 'transferred' ? w.fill(ctx.language === 'en' ? 'Referred to {service}.' : 'Dirujuk ke {service}.') : w.one(S.onward);
      const outcome = ctx.sessionNumber === 0 ? w.one(NO_SESSIONS) : join(w.some(closing.outcome, 2));
      content = { outcome, closure_reason: w.one(closing.reason), onward_referrals: onward };
      break;
    }
    case 'free_text':
      content = { text: freeText(w, ctx) };
      break;
    default:
      content = sessionSections(w, ctx);
  }
  const sections = TEMPLATE_SECTIONS[ctx.template];
  // In the template's order, as the app stores it; a draft's untyped sections empty.
  return Object.fromEntries(sections.map((section, i) => [section, i < ctx.typedSections ? content[section]!.normalize('NFC') : '']));
}

/** An addendum's text: a correction or a later fact, in the note's language. */
export function addendumText(textSeed: number, language: NoteLanguage): string {
  const w = new Writer(new Random(textSeed), { kind: 'session', template: 'free_text', language, issue: 'other', sessionNumber: 0, modality: null, closure: null, flag: null, item9Answer: null, typedSections: 1 });
  return w.one(ADDENDA).normalize('NFC');
}
