// Small statistics helpers shared by the benchmark sections.
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: p95 of 200 samples is the 190th value, so one outlier in 200 does not move it.
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

export const median = (values) => quantile(values, 0.5);
export const round = (value, digits = 2) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);
export const mb = (bytes) => round(bytes / (1024 * 1024), 1);

export function summary(values) {
  return {
    samples: values.length,
    min: round(Math.min(...values)),
    median: round(median(values)),
    p95: round(quantile(values, 0.95)),
    max: round(Math.max(...values)),
  };
}
