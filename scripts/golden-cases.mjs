// The commands whose outputs test/golden.test.ts compares byte for byte (`npm run golden` records them).
export const GOLDEN = [
  { name: 'grade.text.out', args: ['grade', 'submissions/', '--format', 'text'] },
  { name: 'grade.json.out', args: ['grade', 'submissions/', '--format', 'json'] },
  { name: 'grade.csv.out', args: ['grade', 'submissions/', '--format', 'csv'] },
  { name: 'grade.html.out', args: ['grade', 'submissions/', '--format', 'html'] },
  { name: 'grade.gradescope.out', args: ['grade', 'submissions/bob.yaml', '--format', 'gradescope'] },
  { name: 'items.text.out', args: ['items', 'submissions/'] },
  { name: 'items.json.out', args: ['items', 'submissions/', '--format', 'json'] },
  // The bundled sets by file, so that a set an author adds to problems/ changes no recorded output.
  { name: 'list.text.out', args: ['list', '--problems', 'problems/cs224d-a1.yaml'] },
  { name: 'list.cs224n-a2.text.out', args: ['list', '--problems', 'problems/cs224n-a2-word2vec.yaml'] },
  { name: 'check.text.out', args: ['check', '--problems', 'problems/cs224d-a1.yaml'] },
  { name: 'check.cs224n-a2.text.out', args: ['check', '--problems', 'problems/cs224n-a2-word2vec.yaml'] },
  { name: 'try-explain.text.out', args: ['try', 'cs224n-a2/naive-softmax-grad-uw', 'yhat_w * v_c', '--explain'] },
  { name: 'try.json.out', args: ['try', 'cs224n-a2/naive-softmax-grad-vc', 'U^\\top(\\hat y - y)', '--format', 'json'] },
];
