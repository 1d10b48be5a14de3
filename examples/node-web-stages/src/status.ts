export interface Check {
  name: string;
  ok: boolean;
}

export function summary(checks: readonly Check[]): { status: 'up' | 'degraded'; failing: string[] } {
  const failing = checks.filter((check) => !check.ok).map((check) => check.name);
  return { status: failing.length === 0 ? 'up' : 'degraded', failing };
}
