// A string that matches a JSON Schema `pattern`, for the sampler: built from the
// pattern's simple parts (literals, escapes, classes, groups with alternatives,
// quantifiers at their least), then checked with the pattern itself; when that fails
// (lookarounds, backreferences), a few common strings are tried. `undefined` when
// none matches.

const FALLBACKS = ["0", "1", "a", "A", "a1", "x", "00000000", "2026-01-01", "https://example.com/"];

export function sampleForPattern(options: { pattern: string; preferred: string }): string | undefined {
  let regex: RegExp;
  try {
    regex = new RegExp(options.pattern, "u");
  } catch {
    return undefined;
  }
  const built = build(options.pattern);
  for (const candidate of [options.preferred, ...(built === undefined ? [] : [built]), ...FALLBACKS]) if (regex.test(candidate)) return candidate;
  return undefined;
}

/** The shortest string the pattern's simple parts spell; `undefined` on a part it does not read. */
function build(pattern: string): string | undefined {
  let index = 0;
  const parseAlternatives = (): string | undefined => {
    const first = parseSequence();
    // Only the first alternative is spelled; the rest are skipped.
    while (pattern[index] === "|") {
      index++;
      if (parseSequence() === undefined) return undefined;
    }
    return first;
  };
  const parseSequence = (): string | undefined => {
    let text = "";
    while (index < pattern.length && pattern[index] !== "|" && pattern[index] !== ")") {
      const atom = parseAtom();
      if (atom === undefined) return undefined;
      const times = parseQuantifier();
      text += atom.repeat(times);
    }
    return text;
  };
  const parseAtom = (): string | undefined => {
    const char = pattern[index++]!;
    if (char === "^" || char === "$") return "";
    if (char === ".") return "a";
    if (char === "\\") return escaped(pattern[index++]);
    if (char === "[") {
      const end = pattern.indexOf("]", index + 1);
      if (end < 0 || pattern[index] === "^") return undefined;
      const body = pattern.slice(index, end);
      index = end + 1;
      return body[0] === "\\" ? escaped(body[1]) : body[0];
    }
    if (char === "(") {
      if (pattern[index] === "?") {
        if (pattern[index + 1] !== ":") return undefined;
        index += 2;
      }
      const inner = parseAlternatives();
      if (pattern[index++] !== ")") return undefined;
      return inner;
    }
    return char;
  };
  const parseQuantifier = (): number => {
    const char = pattern[index];
    if (char === "*" || char === "?") return index++, 0;
    if (char === "+") return index++, 1;
    const counted = /^\{(\d+)(?:,\d*)?\}/.exec(pattern.slice(index));
    if (counted) {
      index += counted[0].length;
      return Number(counted[1]);
    }
    return 1;
  };
  const text = parseAlternatives();
  return index === pattern.length ? text : undefined;
}

function escaped(char: string | undefined): string | undefined {
  switch (char) {
    case "d":
      return "0";
    case "w":
      return "a";
    case "s":
      return " ";
    case undefined:
    case "b":
    case "B":
      return char === undefined ? undefined : "";
    default:
      return /[A-Za-z]/.test(char) ? undefined : char;
  }
}
