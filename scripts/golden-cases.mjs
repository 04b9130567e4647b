// The commands whose outputs test/golden.test.ts compares byte for byte (`npm run golden` records them).
export const GOLDEN = [
  { name: 'grade.text.out', args: ['grade', 'submissions/', '--format', 'text'] },
  { name: 'grade.json.out', args: ['grade', 'submissions/', '--format', 'json'] },
  { name: 'grade.csv.out', args: ['grade', 'submissions/', '--format', 'csv'] },
  { name: 'grade.html.out', args: ['grade', 'submissions/', '--format', 'html'] },
  { name: 'grade.gradescope.out', args: ['grade', 'submissions/bob.yaml', '--format', 'gradescope'] },
  { name: 'items.text.out', args: ['items', 'submissions/'] },
  { name: 'items.json.out', args: ['items', 'submissions/', '--format', 'json'] },
  { name: 'list.text.out', args: ['list'] },
  { name: 'check.text.out', args: ['check'] },
  { name: 'try-explain.text.out', args: ['try', 'cs224n-a2/naive-softmax-grad-uw', 'yhat_w * v_c', '--explain'] },
  { name: 'try.json.out', args: ['try', 'cs224n-a2/naive-softmax-grad-vc', 'U^\\top(\\hat y - y)', '--format', 'json'] },
];
