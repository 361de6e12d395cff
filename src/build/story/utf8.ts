/**
 * The story file's bytes to text. Invalid UTF-8 is an error at its line and column rather than a
 * U+FFFD shown to readers.
 */
import type { Problem } from '../../shared/story/errors.ts';

const decoder = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array): { text: string } | { problem: Problem } {
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    // (lastIndexOf with -1 would search from the end.)
    const lineStart = offset === 0 ? 0 : bytes.lastIndexOf(0x0a, offset - 1) + 1;
    const line = bytes.subarray(0, lineStart).filter((byte) => byte === 0x0a).length + 1;
    // Everything before the first bad byte decodes; the column counts characters, as editors do.
    const column = [...decoder.decode(bytes.subarray(lineStart, offset))].length + 1;
    const byte = bytes[offset] ?? 0;
    return {
      problem: {
        line,
        column,
        message: `the file is not valid UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}) — save it as UTF-8`,
      },
    };
  }
}

/** Where the byte after these lead bytes must lie (Unicode table 3-7); any other is 80–BF. */
const SECOND_BYTE: Readonly<Record<number, readonly [number, number]>> = {
  0xe0: [0xa0, 0xbf], // no overlong three-byte forms
  0xed: [0x80, 0x9f], // no surrogates
  0xf0: [0x90, 0xbf], // no overlong four-byte forms
  0xf4: [0x80, 0x8f], // nothing above U+10FFFF
};

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Offset of the lead byte of the first ill-formed sequence, or `bytes.length` when there is none. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = sequenceLength(lead);
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const [min, max] = k === 1 ? (SECOND_BYTE[lead] ?? [0x80, 0xbf]) : [0x80, 0xbf];
      const next = bytes[i + k];
      if (next === undefined || next < min || next > max) return i;
    }
    i += length;
  }
  return bytes.length;
}
