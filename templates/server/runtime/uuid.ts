// Why a string is not a UUID, in the words Polar's FastAPI server uses: pydantic passes
// on the text of the Rust `uuid` crate's parse error. Only the hyphenated form the
// spec's `format: uuid` describes is accepted (pydantic also takes braced, URN and
// 32-digit forms; a schema validator does not).

const HYPHENATED = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;
const HEX = /^[\da-fA-F]$/;
const GROUP_STARTS = [0, 9, 14, 19, 24];
const GROUP_LENGTHS = [8, 4, 4, 4, 12];

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
