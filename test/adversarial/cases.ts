/**
 * Answers crafted to fool numeric equality, each with the verdict it must get: hard-coded
 * sizes, one wrong index value, w = o versus w != o, repeated samples, sign- and scale-specific
 * forms, tiny wrong terms, integer traps, and right forms that overflow or cancel in float64.
 * `kind` names the trap, for the report of figures by class.
 */
export type Verdict = 'correct' | 'incorrect' | 'invalid';
export type Kind = 'size' | 'index' | 'sign' | 'scale' | 'tiny' | 'integer' | 'overflow' | 'right';

export interface Adversarial {
  readonly id: string;
  readonly answer: string;
  readonly verdict: Verdict;
  readonly kind: Kind;
}

const A2 = 'cs224n-a2/';
const D1 = 'cs224d-a1/';

const rows: [string, string, Verdict, Kind][] = [
  // naive-softmax-loss: -log(yhat_o)
  [`${A2}naive-softmax-loss`, "-log(exp(u_o' * v_c) / sum(w, exp(u_w' * v_c)))", 'correct', 'overflow'],
  [`${A2}naive-softmax-loss`, "-u_o' * v_c + log(sum(w, 1, V, exp(u_w' * v_c)))", 'correct', 'overflow'],
  [`${A2}naive-softmax-loss`, '-log(yhat_o) + (o == 3 ? 1 : 0)', 'incorrect', 'index'],
  [`${A2}naive-softmax-loss`, '-sum(w, 1, 7, y_w * log(yhat_w))', 'incorrect', 'size'],
  [`${A2}naive-softmax-loss`, '-log(yhat_o) * (1 + 1e-6)', 'incorrect', 'tiny'],
  [`${A2}naive-softmax-loss`, 'log(1 / yhat_o)', 'correct', 'right'],
  [`${A2}naive-softmax-loss`, '-log(abs(yhat_o))', 'correct', 'sign'],
  [`${A2}naive-softmax-loss`, '-log(yhat_o) + 1e-6 * yhat_o', 'incorrect', 'tiny'],
  // naive-softmax-grad-vc: U * (yhat - y)
  [`${A2}naive-softmax-grad-vc`, 'U * yhat - U * onehot(o, 7)', 'incorrect', 'size'],
  [`${A2}naive-softmax-grad-vc`, 'U * yhat - U * onehot(o, V)', 'correct', 'right'],
  [`${A2}naive-softmax-grad-vc`, 'sum(w, 1, 7, yhat_w * u_w) - u_o', 'incorrect', 'size'],
  [`${A2}naive-softmax-grad-vc`, 'sum(w, 1, V, yhat_w * u_w) - u_o', 'correct', 'right'],
  [`${A2}naive-softmax-grad-vc`, 'U * (yhat - y) + (o == 7 ? 1 : 0) * u_o', 'incorrect', 'index'],
  [`${A2}naive-softmax-grad-vc`, 'U * (yhat - y) * (1 + 1e-6)', 'incorrect', 'tiny'],
  [`${A2}naive-softmax-grad-vc`, "U * (exp(U' * v_c) / sum(exp(U' * v_c)) - y)", 'correct', 'overflow'],
  [`${A2}naive-softmax-grad-vc`, 'U * (yhat - y) + 1e-6 * u_o', 'incorrect', 'tiny'],
  [`${A2}naive-softmax-grad-vc`, 'U * yhat - u_o', 'correct', 'right'],
  // naive-softmax-grad-uw (free w): (yhat_w - y_w) * v_c
  [`${A2}naive-softmax-grad-uw`, 'w == o ? (yhat_w - 1) * v_c : (w == 3 ? 0 : yhat_w) * v_c', 'incorrect', 'index'],
  [`${A2}naive-softmax-grad-uw`, '(yhat_w - (w == o ? 1 : 0)) * v_c', 'correct', 'index'],
  [`${A2}naive-softmax-grad-uw`, '(yhat_w - (w == 7 ? 1 : 0)) * v_c', 'incorrect', 'index'],
  [`${A2}naive-softmax-grad-uw`, "(softmax(U' * v_c)[w] - y_w) * v_c", 'correct', 'right'],
  [`${A2}naive-softmax-grad-uw`, '(yhat_w - y_w) * v_c * (1 + (w == o ? 1e-6 : 0))', 'incorrect', 'tiny'],
  [`${A2}naive-softmax-grad-uw`, "(exp(u_w' * v_c) / sum(i, 1, V, exp(u_i' * v_c)) - y_w) * v_c", 'correct', 'overflow'],
  [`${A2}naive-softmax-grad-uw`, 'w != o ? yhat_w * v_c : (yhat_w - 1) * v_c', 'correct', 'index'],
  [`${A2}naive-softmax-grad-uw`, 'yhat_w * v_c - (w == 1 ? v_c : 0 * v_c)', 'incorrect', 'index'],
  // naive-softmax-grad-U: v_c * (yhat - y)'
  [`${A2}naive-softmax-grad-U`, "v_c * (yhat - onehot(o, 7))'", 'incorrect', 'size'],
  [`${A2}naive-softmax-grad-U`, "v_c * yhat' - v_c * y'", 'correct', 'right'],
  [`${A2}naive-softmax-grad-U`, "v_c * (yhat - y)' + 1e-6 * v_c * y'", 'incorrect', 'tiny'],
  [`${A2}naive-softmax-grad-U`, "(o == 2 ? 2 : 1) * v_c * (yhat - y)'", 'incorrect', 'index'],
  [`${A2}naive-softmax-grad-U`, "v_c * (softmax(U' * v_c) - y)'", 'correct', 'right'],
  [`${A2}naive-softmax-grad-U`, "v_c * (exp(U' * v_c) / sum(exp(U' * v_c)) - y)'", 'correct', 'overflow'],
  [`${A2}naive-softmax-grad-U`, "v_c * (yhat - y)' + zeros(3, 7)", 'incorrect', 'size'],
  // sigmoid-derivative: sigma(x) * (1 - sigma(x))
  [`${A2}sigmoid-derivative`, 'sigma(abs(x)) * (1 - sigma(abs(x)))', 'correct', 'sign'],
  [`${A2}sigmoid-derivative`, 'sigma(x) * (1 - sigma(abs(x)))', 'incorrect', 'sign'],
  [`${A2}sigmoid-derivative`, '1/4 - x^2/16', 'incorrect', 'scale'],
  [`${A2}sigmoid-derivative`, '1/4 - x^2/16 + x^4/96', 'incorrect', 'scale'],
  [`${A2}sigmoid-derivative`, 'sigma(x) * (1 - sigma(x)) + x^4 / 1000', 'incorrect', 'scale'],
  [`${A2}sigmoid-derivative`, 'exp(x) / (1 + exp(x))^2', 'correct', 'overflow'],
  [`${A2}sigmoid-derivative`, 'exp(-x) / (1 + exp(-x))^2', 'correct', 'overflow'],
  [`${A2}sigmoid-derivative`, '1 / (exp(x) + 2 + exp(-x))', 'correct', 'overflow'],
  [`${A2}sigmoid-derivative`, 'sigma(x) - sigma(x)^2', 'correct', 'scale'],
  [`${A2}sigmoid-derivative`, '(1 - tanh(x / 2)^2) / 4', 'correct', 'scale'],
  [`${A2}sigmoid-derivative`, 'x > 0 ? sigma(x) * (1 - sigma(x)) : 0.25', 'incorrect', 'sign'],
  [`${A2}sigmoid-derivative`, 'sigma(x) * (1 - sigma(x)) * (1 + 1e-6)', 'incorrect', 'tiny'],
  [`${A2}sigmoid-derivative`, 'x < 20 ? sigma(x) * (1 - sigma(x)) : 0', 'incorrect', 'scale'],
  // neg-sampling-grad-vc
  [`${A2}neg-sampling-grad-vc`, "(sigma(u_o' * v_c) - 1) * u_o - sum(k, 1, 4, (sigma(-u_k' * v_c) - 1) * u_k)", 'incorrect', 'size'],
  [`${A2}neg-sampling-grad-vc`, "(sigma(u_o' * v_c) - 1) * u_o + sum(k, sigma(u_k' * v_c) * u_k)", 'correct', 'right'],
  [`${A2}neg-sampling-grad-vc`, "(sigma(u_o' * v_c) - 1) * u_o + sum(k, 1, 3, sigma(u_k' * v_c) * u_k)", 'incorrect', 'size'],
  // K written through d (K = d + 1 at the bank's sizes): the second size set must not keep it.
  [`${A2}neg-sampling-grad-vc`, "(sigma(u_o' * v_c) - 1) * u_o - sum(k, 1, d + 1, (sigma(-u_k' * v_c) - 1) * u_k)", 'incorrect', 'size'],
  [`${A2}neg-sampling-grad-vc`, "-sigma(-u_o' * v_c) * u_o + sum(k, 1, K, sigma(u_k' * v_c) * u_k)", 'correct', 'right'],
  [`${A2}neg-sampling-grad-vc`, "(sigma(u_o' * v_c) - 1) * u_o + sum(k, 1, K, sigma(u_k' * v_c) * u_k) + 1e-6 * u_o", 'incorrect', 'tiny'],
  [`${A2}neg-sampling-grad-vc`, "(sigma(u_o' * v_c) - 1) * u_o + sum(k, 1, K, sigma(abs(u_k' * v_c)) * u_k)", 'incorrect', 'sign'],
  [`${A2}neg-sampling-grad-vc`, "(1 / (1 + exp(-u_o' * v_c)) - 1) * u_o + sum(k, 1, K, u_k / (1 + exp(-u_k' * v_c)))", 'correct', 'overflow'],
  [
    `${A2}neg-sampling-grad-vc`,
    "(exp(u_o' * v_c) / (1 + exp(u_o' * v_c)) - 1) * u_o + sum(k, 1, K, exp(u_k' * v_c) / (1 + exp(u_k' * v_c)) * u_k)",
    'correct',
    'overflow',
  ],
  [`${A2}neg-sampling-grad-vc`, "(sigma(u_o' * v_c) - 1) * u_o + sum(k, 1, K, sigma(u_k' * v_c) * U[:, k])", 'incorrect', 'index'],
  // neg-sampling-grad-uo: (sigma(u_o' v_c) - 1) v_c
  [`${A2}neg-sampling-grad-uo`, "-sigma(-u_o' * v_c) * v_c", 'correct', 'right'],
  [`${A2}neg-sampling-grad-uo`, "-sigma(-abs(u_o' * v_c)) * v_c", 'incorrect', 'sign'],
  [`${A2}neg-sampling-grad-uo`, "(sigma(u_o' * v_c) - 1) * v_c + 1e-6 * v_c", 'incorrect', 'tiny'],
  [`${A2}neg-sampling-grad-uo`, "-v_c / (1 + exp(u_o' * v_c))", 'correct', 'overflow'],
  [`${A2}neg-sampling-grad-uo`, "(sigma(u_o' * v_c) - 1) * v_c * (o == 1 ? 2 : 1)", 'incorrect', 'index'],
  [`${A2}neg-sampling-grad-uo`, "-exp(-u_o' * v_c) / (1 + exp(-u_o' * v_c)) * v_c", 'correct', 'overflow'],
  // neg-sampling-grad-uk (free k): sigma(u_k' v_c) v_c
  [`${A2}neg-sampling-grad-uk`, "sigma(u_k' * v_c) * v_c", 'correct', 'right'],
  [`${A2}neg-sampling-grad-uk`, "k == 1 ? 0 * v_c : sigma(u_k' * v_c) * v_c", 'incorrect', 'index'],
  [`${A2}neg-sampling-grad-uk`, "sigma(u_k' * v_c) * v_c * (k == 4 ? 2 : 1)", 'incorrect', 'size'],
  [`${A2}neg-sampling-grad-uk`, "sigma(U[:, k]' * v_c) * v_c", 'incorrect', 'index'],
  [`${A2}neg-sampling-grad-uk`, "sigma(U[:, w_k]' * v_c) * v_c", 'correct', 'index'],
  [`${A2}neg-sampling-grad-uk`, "sigma(u_k' * v_c) * v_c + 1e-6 * u_k", 'incorrect', 'tiny'],
  // skipgram-grad-U: sum(j, 1, 2m, v_c (yhat - y_(o_j))')
  [`${A2}skipgram-grad-U`, "sum(j, 1, 10, v_c * (yhat - y_(o_j))')", 'incorrect', 'size'],
  [`${A2}skipgram-grad-U`, "2*m * v_c * yhat' - sum(j, v_c * y_(o_j)')", 'correct', 'right'],
  [`${A2}skipgram-grad-U`, "10 * v_c * yhat' - sum(j, v_c * y_(o_j)')", 'incorrect', 'integer'],
  [`${A2}skipgram-grad-U`, "2*m * v_c * yhat' - v_c * sum(j, onehot(o_j, V))'", 'correct', 'right'],
  [`${A2}skipgram-grad-U`, "sum(j, 1, 2*m, v_c * (yhat - y_(o_j))') + 1e-6 * v_c * yhat'", 'incorrect', 'tiny'],
  [`${A2}skipgram-grad-U`, "sum(j, 1, 2*m, v_c * (yhat - y_(o_j))') * (o_1 == o_2 ? 2 : 1)", 'incorrect', 'index'],
  // skipgram-grad-vc
  [`${A2}skipgram-grad-vc`, 'sum(j, 1, 10, U * (yhat - y_(o_j)))', 'incorrect', 'size'],
  [`${A2}skipgram-grad-vc`, '2*m * U * yhat - sum(j, u_(o_j))', 'correct', 'right'],
  [`${A2}skipgram-grad-vc`, '2*m * U * yhat - 2*m * u_(o_1)', 'incorrect', 'index'],
  [`${A2}skipgram-grad-vc`, 'U * (2*m*yhat - sum(j, y_(o_j)))', 'correct', 'right'],
  [`${A2}skipgram-grad-vc`, "sum(j, 1, 2*m, U * (exp(U' * v_c) / sum(exp(U' * v_c)) - y_(o_j)))", 'correct', 'overflow'],
  // skipgram-grad-vw: zeros(d)
  [`${A2}skipgram-grad-vw`, 'zeros(3)', 'incorrect', 'size'],
  [`${A2}skipgram-grad-vw`, 'zeros(3, 1)', 'incorrect', 'size'],
  [`${A2}skipgram-grad-vw`, 'zeros(d)', 'correct', 'right'],
  [`${A2}skipgram-grad-vw`, 'v_w - v_w', 'correct', 'right'],
  [`${A2}skipgram-grad-vw`, '1e-6 * v_w', 'incorrect', 'tiny'],
  [`${A2}skipgram-grad-vw`, '0 * U * yhat', 'correct', 'right'],

  // softmax-invariance (free j): softmax(x)[j], without c
  [`${D1}softmax-invariance`, 'exp(x_j) / sum(k, 1, K, exp(x_k))', 'correct', 'overflow'],
  [`${D1}softmax-invariance`, 'exp(x_j) / sum(k, 1, 5, exp(x_k))', 'incorrect', 'size'],
  [`${D1}softmax-invariance`, 'exp(x_j - x_1) / sum(k, exp(x_k - x_1))', 'correct', 'right'],
  [`${D1}softmax-invariance`, 'softmax(x)[j] + (j == 2 ? 1e-3 : 0)', 'incorrect', 'index'],
  [`${D1}softmax-invariance`, 'exp(x_j) / sum(k, 1, K - 1, exp(x_k))', 'incorrect', 'size'],
  [`${D1}softmax-invariance`, '1 / sum(k, exp(x_k - x_j))', 'correct', 'right'],
  [`${D1}softmax-invariance`, 'softmax(x)[j] * (1 + 1e-6)', 'incorrect', 'tiny'],
  // sigmoid-grad: sigma(x) (1 - sigma(x))
  [`${D1}sigmoid-grad`, 'sigma(x) * sigma(-x)', 'correct', 'right'],
  [`${D1}sigmoid-grad`, 'sigma(x) * sigma(-abs(x))', 'incorrect', 'sign'],
  [`${D1}sigmoid-grad`, '0.25 * exp(-x^2 / 4)', 'incorrect', 'scale'],
  [`${D1}sigmoid-grad`, 'exp(x) / (1 + exp(x))^2', 'correct', 'overflow'],
  [`${D1}sigmoid-grad`, 'sigma(x) * (1 - sigma(x)) + 1e-6 * sigma(x)', 'incorrect', 'tiny'],
  [`${D1}sigmoid-grad`, '1 / (2 + exp(x) + exp(-x))', 'correct', 'overflow'],
  [`${D1}sigmoid-grad`, 'abs(sigma(x) * (1 - sigma(x)))', 'correct', 'sign'],
  // softmax-ce-grad: yhat - y
  [`${D1}softmax-ce-grad`, 'yhat - onehot(o, 5)', 'incorrect', 'size'],
  [`${D1}softmax-ce-grad`, 'softmax(theta) - onehot(o, K)', 'correct', 'right'],
  [`${D1}softmax-ce-grad`, 'yhat - y + (o == 5 ? 1 : 0) * y', 'incorrect', 'index'],
  [`${D1}softmax-ce-grad`, 'exp(theta) / sum(exp(theta)) - y', 'correct', 'overflow'],
  [`${D1}softmax-ce-grad`, 'yhat - y + 1e-6 * yhat', 'incorrect', 'tiny'],
  // softmax-ce-grad-j (free j): yhat_j - y_j
  [`${D1}softmax-ce-grad-j`, 'yhat_j - (j == o ? 1 : 0)', 'correct', 'index'],
  [`${D1}softmax-ce-grad-j`, 'j == o ? yhat_j - 1 : (j == 1 ? 0 : yhat_j)', 'incorrect', 'index'],
  [`${D1}softmax-ce-grad-j`, 'yhat_j - (j == 5 ? 1 : 0)', 'incorrect', 'index'],
  [`${D1}softmax-ce-grad-j`, 'yhat_j', 'incorrect', 'index'],
  [`${D1}softmax-ce-grad-j`, 'exp(theta_j) / sum(i, 1, K, exp(theta_i)) - y_j', 'correct', 'overflow'],
  // nn-grad-x: ((yhat - y) W2' .* h .* (1 - h)) W1'
  [`${D1}nn-grad-x`, "((yhat - y) * W2' .* (h - h .* h)) * W1'", 'correct', 'right'],
  [`${D1}nn-grad-x`, "((yhat - y) * W2' .* h .* (1 - h)) * W1' + 1e-6 * x", 'incorrect', 'tiny'],
  [`${D1}nn-grad-x`, "((yhat - onehot(o, 3)') * W2' .* h .* (1 - h)) * W1'", 'incorrect', 'size'],
  [`${D1}nn-grad-x`, "((yhat - y) * W2' .* sigma(x * W1 + b1) .* sigma(-(x * W1 + b1))) * W1'", 'correct', 'right'],
  [`${D1}nn-grad-x`, "((yhat - y) * W2' .* h) * W1'", 'incorrect', 'right'],
  [`${D1}nn-grad-x`, "((yhat - y) * W2' .* h .* (1 - abs(h))) * W1'", 'correct', 'sign'],
  // nn-param-count: (Dx + 1) H + (H + 1) Dy, counts in 1..60
  [`${D1}nn-param-count`, 'Dx * H + H + H * Dy + Dy', 'correct', 'integer'],
  [`${D1}nn-param-count`, '(Dx + 1) * H + (H + 1) * Dy + (Dx == 60 ? 1 : 0)', 'incorrect', 'integer'],
  [`${D1}nn-param-count`, '(Dx + 1) * H + (H + 1) * Dy + 1e-7', 'incorrect', 'integer'],
  [`${D1}nn-param-count`, '(Dx + 1) * H + (H + 1) * Dy - (H > 50 ? 1 : 0)', 'incorrect', 'integer'],
  [`${D1}nn-param-count`, '(Dx + Dy + 1) * H + Dy', 'correct', 'integer'],
  [`${D1}nn-param-count`, '(Dx + 1) * H + (H + 1) * Dy * (1 + 1e-6)', 'incorrect', 'integer'],
  [`${D1}nn-param-count`, '(Dx + 1) * H + (H + 1) * Dy + (Dy == 1 ? 1 : 0)', 'incorrect', 'integer'],
  // w2v-softmax-grad-r: W (yhat - y)
  [`${D1}w2v-softmax-grad-r`, 'W * (yhat - onehot(o, 7))', 'incorrect', 'size'],
  [`${D1}w2v-softmax-grad-r`, 'W * yhat - w_o', 'correct', 'right'],
  [`${D1}w2v-softmax-grad-r`, 'sum(i, 1, 7, yhat[i] * W[:, i]) - w_o', 'incorrect', 'size'],
  [`${D1}w2v-softmax-grad-r`, 'sum(i, 1, V, yhat[i] * W[:, i]) - w_o', 'correct', 'right'],
  [`${D1}w2v-softmax-grad-r`, 'W * yhat - w_o + (o == 1 ? 1e-3 : 0) * rhat', 'incorrect', 'index'],
  // w2v-softmax-grad-w (free k in 1..V): (yhat_k - y_k) rhat
  [`${D1}w2v-softmax-grad-w`, '(yhat_k - (k == o ? 1 : 0)) * rhat', 'correct', 'index'],
  [`${D1}w2v-softmax-grad-w`, 'k == o ? (yhat_k - 1) * rhat : (k == 7 ? 0 * rhat : yhat_k * rhat)', 'incorrect', 'index'],
  [`${D1}w2v-softmax-grad-w`, '(yhat_k - y_k) * rhat * (1 + 1e-6)', 'incorrect', 'tiny'],
  // w2v-negsample-grad-r
  [`${D1}w2v-negsample-grad-r`, "(sigma(w_o' * rhat) - 1) * w_o + sum(k, 1, 4, sigma(w_k' * rhat) * w_k)", 'incorrect', 'size'],
  [`${D1}w2v-negsample-grad-r`, "(sigma(w_o' * rhat) - 1) * w_o + sum(k, 1, d + 1, sigma(w_k' * rhat) * w_k)", 'incorrect', 'size'],
  [`${D1}w2v-negsample-grad-r`, "(sigma(w_o' * rhat) - 1) * w_o + sum(k, 1, V - d, sigma(w_k' * rhat) * w_k)", 'incorrect', 'size'],
  [`${D1}w2v-negsample-grad-r`, "(sigma(w_o' * rhat) - 1) * w_o + sum(k, 1, K, sigma(w_k' * rhat) * w_k)", 'correct', 'right'],
  [`${D1}w2v-negsample-grad-r`, "-sigma(-w_o' * rhat) * w_o + sum(k, 1, K, sigma(abs(w_k' * rhat)) * w_k)", 'incorrect', 'sign'],
  // w2v-negsample-grad-w (free k): sigma(w_k' rhat) rhat
  [`${D1}w2v-negsample-grad-w`, "sigma(w_k' * rhat) * rhat", 'correct', 'right'],
  [`${D1}w2v-negsample-grad-w`, "sigma(W[:, k]' * rhat) * rhat", 'incorrect', 'index'],
  [`${D1}w2v-negsample-grad-w`, "k == 4 ? 0 * rhat : sigma(w_k' * rhat) * rhat", 'incorrect', 'size'],
];

export const ADVERSARIAL: readonly Adversarial[] = rows.map(([id, answer, verdict, kind]) => ({ id, answer, verdict, kind }));
