// Why a string is not a UUID, in the words Polar's FastAPI server uses: pydantic passes
// on the text of the Rust `uuid` crate's parse error. Like pydantic, the 32-digit,
// braced and URN forms are read as the hyphenated UUID they spell (the spec's
// `format: uuid` names only the hyphenated one; Polar's server is more lenient).

const HYPHENATED = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;
const HEX = /^[\da-fA-F]$/;
const GROUP_STARTS = [0, 9, 14, 19, 24];
const GROUP_LENGTHS = [8, 4, 4, 4, 12];

const SIMPLE = /^[\da-f]{32}$/i;
const BRACED = /^\{([\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12})\}$/i;
// The crate reads the `urn:uuid:` prefix in lower case only.
const URN = /^urn:uuid:([\da-fA-F]{8}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{12})$/;

/** The hyphenated form of a 32-digit, braced or URN UUID; any other text as it is. */
export function hyphenated(input: string): string {
  if (SIMPLE.test(input))
    return `${input.slice(0, 8)}-${input.slice(8, 12)}-${input.slice(12, 16)}-${input.slice(16, 20)}-${input.slice(20)}`;
  return (BRACED.exec(input) ?? URN.exec(input))?.[1] ?? input;
}

/** `undefined` for a hyphenated UUID, else the parse error's text. */
export function uuidError(input: string): string | undefined {
  if (input.length === 36 && HYPHENATED.test(input)) return undefined;
  let hyphens = 0;
  const bounds: number[] = [];
  // The crate reports positions as UTF-8 byte offsets, counted from 1.
  let offset = 0;
  for (const character of input) {
    if (character === "-") {
      if (hyphens < 4) bounds.push(offset);
      hyphens++;
    } else if (!HEX.test(character)) {
      return `invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${character}\` at ${offset + 1}`;
    }
    offset += utf8Length(character);
  }
  if (hyphens === 0 && offset !== 32)
    return `invalid length: expected length 32 for simple format, found ${offset}`;
  if (hyphens !== 4) return `invalid group count: expected 5, found ${hyphens + 1}`;
  for (let group = 0; group < 4; group++) {
    if (bounds[group] !== GROUP_STARTS[group + 1]! - 1) {
      return `invalid group length in group ${group}: expected ${GROUP_LENGTHS[group]}, found ${bounds[group]! - GROUP_STARTS[group]!}`;
    }
  }
  return `invalid group length in group 4: expected 12, found ${offset - GROUP_STARTS[4]!}`;
}

/** The version digit of a hyphenated UUID. */
export function uuidVersion(uuid: string): number {
  return parseInt(uuid[14]!, 16);
}

function utf8Length(character: string): number {
  const code = character.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}
