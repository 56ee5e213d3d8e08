// "Did you mean": the known words nearest to a misspelt one, by edit distance.

export function closestMatches(options: { word: string; candidates: readonly string[]; limit: number }): string[] {
  const { word } = options;
  const threshold = Math.max(3, Math.floor(word.length / 2));
  return options.candidates
    .map((candidate) => ({ candidate, distance: editDistance(word, candidate) }))
    .filter(({ distance }) => distance <= threshold)
    .sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, options.limit)
    .map(({ candidate }) => candidate);
}

/** The known words nearest to `word` however far they are: for a list too long to print in full. */
export function nearestMatches(options: { word: string; candidates: readonly string[]; limit: number }): string[] {
  return options.candidates
    .map((candidate) => ({ candidate, distance: editDistance(options.word, candidate) }))
    .sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, options.limit)
    .map(({ candidate }) => candidate);
}

/** Levenshtein distance with one rolling row. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
