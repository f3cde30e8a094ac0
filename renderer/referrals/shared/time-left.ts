import type { TFunction } from 'i18next';

const MINUTE_MS = 60_000;
const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;

/** How far a deadline is from now, split into the units a person reads ("2 days 3 h"). */
export interface TimeLeft {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
}

/**
 * The time between now and a deadline in whole minutes, never zero: a referral due in
 * twenty seconds still shows "1 min left", one overdue by twenty seconds "Overdue by 1 min",
 * so the words never say "0" while the state has already changed.
 */
export function splitTimeLeft(dueMs: number, nowMs: number): TimeLeft {
  const overdue = nowMs >= dueMs;
  const total = Math.max(1, overdue ? Math.floor((nowMs - dueMs) / MINUTE_MS) : Math.ceil((dueMs - nowMs) / MINUTE_MS));
  return {
    overdue,
    days: Math.floor(total / DAY_MINUTES),
    hours: Math.floor((total % DAY_MINUTES) / HOUR_MINUTES),
    minutes: total % HOUR_MINUTES,
  };
}

/** The two largest units that matter: "2 days 3 h", "5 h 20 min", "12 min". */
export function durationText(t: TFunction, left: TimeLeft): string {
  const days = t('referrals.timeLeft.days', { count: left.days });
  const hours = t('referrals.timeLeft.hours', { count: left.hours });
  const minutes = t('referrals.timeLeft.minutes', { count: left.minutes });
  if (left.days > 0) return left.hours > 0 ? `${days} ${hours}` : days;
  if (left.hours > 0) return left.minutes > 0 ? `${hours} ${minutes}` : hours;
  return minutes;
}

/** "2 days 3 h left" or "Overdue by 5 h". */
export function timeLeftText(t: TFunction, left: TimeLeft): string {
  const time = durationText(t, left);
  return left.overdue ? t('referrals.timeLeft.overdue', { time }) : t('referrals.timeLeft.left', { time });
}
