/** The public bank's contract, shared by the tests that pin it (bank.test.ts, adversarial/). */

/** The public ids of ../shared/problem-bank.md: tools outside the project grade against them. */
export const CONTRACT_IDS = [
  'cs224n-a2/naive-softmax-loss',
  'cs224n-a2/naive-softmax-grad-vc',
  'cs224n-a2/naive-softmax-grad-uw',
  'cs224n-a2/naive-softmax-grad-U',
  'cs224n-a2/sigmoid-derivative',
  'cs224n-a2/neg-sampling-grad-vc',
  'cs224n-a2/neg-sampling-grad-uo',
  'cs224n-a2/neg-sampling-grad-uk',
  'cs224n-a2/skipgram-grad-U',
  'cs224n-a2/skipgram-grad-vc',
  'cs224n-a2/skipgram-grad-vw',
  'cs224d-a1/softmax-invariance',
  'cs224d-a1/sigmoid-grad',
  'cs224d-a1/softmax-ce-grad',
  'cs224d-a1/softmax-ce-grad-j',
  'cs224d-a1/nn-grad-x',
  'cs224d-a1/nn-param-count',
  'cs224d-a1/w2v-softmax-grad-r',
  'cs224d-a1/w2v-softmax-grad-w',
  'cs224d-a1/w2v-negsample-grad-r',
  'cs224d-a1/w2v-negsample-grad-w',
];

export const BUNDLED_SETS = new Set(['cs224n-a2', 'cs224d-a1']);
