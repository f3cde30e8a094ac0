/** PHQ-9 answers summing to `total`: items 1–8 filled from the front (3 each), item 9 as given. */
export function phq9Answers(total: number, item9 = 0): number[] {
  const answers = [0, 0, 0, 0, 0, 0, 0, 0, item9];
  let left = total - item9;
  for (let i = 0; i < 8 && left > 0; i++) {
    answers[i] = Math.min(3, left);
    left -= answers[i]!;
  }
  return answers;
}

/** GAD-7 answers summing to `total`, filled from the front. */
export const gad7Answers = (total: number): number[] => phq9Answers(total).slice(0, 7);
