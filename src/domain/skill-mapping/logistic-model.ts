/**
 * L2-regularised logistic regression, fitted by Newton's method (iteratively reweighted least
 * squares) on standardised features. It is the learned re-ranker of skill mapping: few features,
 * a convex fit with one answer, and outputs that are probabilities (a pointwise logistic model is
 * calibrated on the distribution it was fitted on), so a suggestion's score can be read as the
 * chance it is right.
 */

/** A fitted model. */
export interface LogisticModel {
  /** Feature names, in the order of a feature vector. */
  readonly features: readonly string[];
  /** Mean and standard deviation used to standardise each feature. */
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  /** Weights of the standardised features. */
  readonly weights: readonly number[];
  readonly bias: number;
  /** The ridge penalty it was fitted with. */
  readonly l2: number;
}

/** Options of a fit. */
export interface FitOptions {
  /** Ridge penalty on the standardised weights (not on the bias). */
  readonly l2: number;
  readonly maxIterations: number;
}

/** Default fit: a fixed, moderate penalty (not tuned: with ~10 features the fit barely depends on it). */
export const DEFAULT_FIT: FitOptions = { l2: 1, maxIterations: 50 };

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * Fits a model. `rows[i]` is a feature vector, `labels[i]` 1 for a positive.
 *
 * @example
 * const model = fitLogistic(['x'], [[0], [1], [2], [3]], [0, 0, 1, 1]);
 * predictLogistic(model, [3]) > predictLogistic(model, [0]) // true
 */
export function fitLogistic(
  features: readonly string[],
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  options: FitOptions = DEFAULT_FIT,
): LogisticModel {
  const d = features.length;
  if (rows.length === 0 || rows.length !== labels.length)
    throw new RangeError('fitLogistic needs as many labels as rows, at least one');
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const row of rows)
    row.forEach((v, j) => {
      mean[j]! += v / rows.length;
    });
  for (const row of rows)
    row.forEach((v, j) => {
      scale[j]! += (v - mean[j]!) ** 2 / rows.length;
    });
  // A constant feature (sd 0) is left unscaled; its weight stays 0 under the penalty.
  for (let j = 0; j < d; j += 1) scale[j] = Math.sqrt(scale[j]!) || 1;
  const x = rows.map((row) => [...row.map((v, j) => (v - mean[j]!) / scale[j]!), 1]);
  const beta = new Array<number>(d + 1).fill(0);
  for (let iteration = 0; iteration < options.maxIterations; iteration += 1) {
    const gradient = new Array<number>(d + 1).fill(0);
    const hessian = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    x.forEach((xi, i) => {
      const p = sigmoid(xi.reduce((sum, v, j) => sum + v * beta[j]!, 0));
      const w = Math.max(p * (1 - p), 1e-10);
      for (let a = 0; a <= d; a += 1) {
        gradient[a]! += (p - labels[i]!) * xi[a]!;
        for (let b = a; b <= d; b += 1) hessian[a]![b]! += w * xi[a]! * xi[b]!;
      }
    });
    for (let a = 0; a <= d; a += 1) for (let b = 0; b < a; b += 1) hessian[a]![b] = hessian[b]![a]!;
    for (let j = 0; j < d; j += 1) {
      gradient[j]! += options.l2 * beta[j]!;
      hessian[j]![j]! += options.l2;
    }
    const step = solve(hessian, gradient);
    let largest = 0;
    step.forEach((s, j) => {
      beta[j]! -= s;
      largest = Math.max(largest, Math.abs(s));
    });
    if (largest < 1e-9) break;
  }
  return { features: [...features], mean, scale, weights: beta.slice(0, d), bias: beta[d]!, l2: options.l2 };
}

/** The model's probability for one feature vector. */
export function predictLogistic(model: LogisticModel, row: readonly number[]): number {
  let z = model.bias;
  for (let j = 0; j < model.weights.length; j += 1)
    z += (model.weights[j]! * ((row[j] ?? 0) - model.mean[j]!)) / model.scale[j]!;
  return sigmoid(z);
}

/** Solves a x = b by Gaussian elimination with partial pivoting (a is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]! || 1e-12;
    for (let r = col + 1; r < n; r += 1) {
      const f = m[r]![col]! / p;
      if (f !== 0) for (let c = col; c <= n; c += 1) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  const out = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r -= 1) {
    let sum = m[r]![n]!;
    for (let c = r + 1; c < n; c += 1) sum -= m[r]![c]! * out[c]!;
    out[r] = sum / (m[r]![r]! || 1e-12);
  }
  return out;
}
