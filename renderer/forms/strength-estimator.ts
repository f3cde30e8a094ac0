import * as common from '@zxcvbn-ts/language-common';

/** Scores a passphrase 0–4 with zxcvbn-ts, loaded on first use so the first screen stays light. */
export type StrengthEstimator = (passphrase: string, userInputs: string[]) => 0 | 1 | 2 | 3 | 4;

let loading: Promise<StrengthEstimator> | null = null;

export function loadStrengthEstimator(): Promise<StrengthEstimator> {
  loading ??= (async () => {
    // The common-password list is already loaded: the contract's passphrase policy uses it.
    const [core, en] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-en')]);
    core.zxcvbnOptions.setOptions({
      translations: en.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary },
    });
    return (passphrase, userInputs) => core.zxcvbn(passphrase, userInputs).score;
  })();
  return loading;
}
