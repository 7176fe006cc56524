/** The words of a query as the index has them: letters and digits, lower case, at most 12. */
export function queryTerms(query: string): string[] {
  const words =
    query
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .match(/[\p{L}\p{N}_]+/gu) ?? [];
  return [...new Set(words)].slice(0, 12);
}

/** Levenshtein distance, stopping early once it is over `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Indexed words one edit away from a query's words of four letters or more (a typo, a missing letter):
 * looked up among the words that share its first two letters, from `vocabulary(from, to)` (a range of terms).
 */
export function fuzzyTerms(
  terms: readonly string[],
  vocabulary: (from: string, to: string) => string[],
): string[] {
  const near = new Set<string>();
  for (const term of terms) {
    if (term.length < 4) continue;
    const start = term.slice(0, 2);
    const end = `${start[0]}${String.fromCodePoint(start.codePointAt(1)! + 1)}`;
    for (const candidate of vocabulary(start, end))
      if (candidate !== term && editDistance(term, candidate, 1) <= 1) near.add(candidate);
  }
  return [...near].slice(0, 50);
}
