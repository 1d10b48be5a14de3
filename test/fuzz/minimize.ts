/**
 * Shrinks a failing input to a small one that fails the same way (delta debugging over lines, then over
 * characters), so a crasher kept in crashers/ shows the bug at a glance.
 */
export function minimize(text: string, fails: (candidate: string) => boolean, budget = 4000): string {
  let current = text;
  let tries = 0;
  const attempt = (candidate: string) => {
    tries++;
    if (candidate !== current && fails(candidate)) {
      current = candidate;
      return true;
    }
    return false;
  };
  // Split at '\n' keeping the separators, so CR and CRLF line ends survive as they are.
  for (const unit of ['line', 'char'] as const) {
    let chunk = Math.max(1, Math.floor(pieces(current, unit).length / 2));
    while (chunk >= 1 && tries < budget) {
      let removed = false;
      for (let start = 0; tries < budget; start += chunk) {
        const parts = pieces(current, unit);
        if (start >= parts.length) break;
        if (attempt([...parts.slice(0, start), ...parts.slice(start + chunk)].join(''))) {
          removed = true;
          start -= chunk;
        }
      }
      if (!removed) chunk = Math.floor(chunk / 2);
    }
  }
  return current;
}

function pieces(text: string, unit: 'line' | 'char'): string[] {
  return unit === 'char' ? [...text] : text.split(/(?<=\n)/);
}
