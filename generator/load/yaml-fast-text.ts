// What the fast YAML path (yaml-fast.ts) reads from and writes to: the text's lines,
// sliced on demand, and the JSON text of the value, written into one growing buffer.

import { Buffer } from "node:buffer";
import { giveUp } from "./yaml-scalars.js";

const SPACE = 32;
const QUOTE = 34;

/**
 * The text's lines, each sliced from it when asked for: an array of all the lines of
 * the Polar spec would outlive the parse's young garbage and grow V8's young generation.
 */
export class Reader {
  /** How many lines (the text ends with a line break). */
  readonly count: number;
  /** Leading spaces of each line; -1 for a line of spaces only (or empty). */
  readonly indents: Int32Array;
  readonly lengths: Int32Array;
  /** The value being read, as JSON text. */
  readonly out: JsonText;
  private readonly starts: Int32Array;

  constructor(private readonly text: string) {
    let count = 0;
    for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
    this.count = count;
    this.starts = new Int32Array(count);
    this.lengths = new Int32Array(count);
    this.indents = new Int32Array(count);
    for (let index = 0, start = 0; index < count; index++) {
      const end = text.indexOf("\n", start);
      let indent = 0;
      while (text.charCodeAt(start + indent) === SPACE) indent++;
      this.starts[index] = start;
      this.lengths[index] = end - start;
      this.indents[index] = start + indent === end ? -1 : indent;
      start = end + 1;
    }
    this.out = new JsonText(Math.ceil(text.length * 1.4) + 1024);
  }

  line(index: number): string {
    const start = this.starts[index]!;
    return this.text.slice(start, start + this.lengths[index]!);
  }
}

/**
 * JSON text written byte by byte into one growing buffer, so that no string or object per
 * token outlives the parse. Only ASCII is written: other characters as `\u` escapes.
 */
export class JsonText {
  private bytes: Uint8Array;
  private length = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Punctuation and numbers: ASCII without anything to escape. */
  raw(text: string): void {
    this.reserve(text.length);
    for (let at = 0; at < text.length; at++) this.bytes[this.length++] = text.charCodeAt(at);
  }

  string(text: string): void {
    this.reserve(text.length * 6 + 2);
    const bytes = this.bytes;
    bytes[this.length++] = QUOTE;
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (code >= 0x20 && code < 0x7f && code !== QUOTE && code !== 92) {
        bytes[this.length++] = code;
      } else if (code === QUOTE || code === 92) {
        bytes[this.length++] = 92;
        bytes[this.length++] = code;
      } else {
        const hex = code.toString(16).padStart(4, "0");
        bytes[this.length++] = 92;
        bytes[this.length++] = 117; // u
        for (let digit = 0; digit < 4; digit++) bytes[this.length++] = hex.charCodeAt(digit);
      }
    }
    bytes[this.length++] = QUOTE;
  }

  /** A scalar as parseInlineScalar reads it. JSON has no NaN or infinities: such a text is left to yaml. */
  scalar(value: unknown): void {
    if (typeof value === "string") return this.string(value);
    if (typeof value === "number") {
      if (!Number.isFinite(value)) giveUp();
      return this.raw(Object.is(value, -0) ? "-0" : String(value));
    }
    this.raw(Array.isArray(value) ? "[]" : value !== null && typeof value === "object" ? "{}" : String(value));
  }

  text(): string {
    return Buffer.from(this.bytes.buffer, 0, this.length).toString("latin1");
  }

  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + more));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}
